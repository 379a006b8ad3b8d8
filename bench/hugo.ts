/**
 * The same articles as a minimal Hugo site, for comparison: one page per
 * article and translation, an entity taxonomy with term pages, year and
 * month lists (taxonomies too), lists paginated by the archive's page size,
 * RSS limited to the latest 20 like arshif's feeds. No search index: Hugo
 * has none built in.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith(".md")) out.push(p);
  }
  return out;
}

const CONFIG = `baseURL = "https://archive.example.org/"
languageCode = "ar"
title = "News Archive"
paginate = 50
rssLimit = 20
disableKinds = []
[taxonomies]
  entity = "entities"
  year = "years"
  month = "months"
[markup.goldmark.renderer]
  unsafe = false
`;

const BASEOF = `<!doctype html>
<html lang="{{ .Params.lang | default "ar" }}" dir="{{ if eq .Params.lang "en" }}ltr{{ else }}rtl{{ end }}">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title><link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`;

const SINGLE = `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.source }} · {{ . }}{{ end }}</p>
<div class="body">{{ .Content }}</div>
{{ with .GetTerms "entities" }}<ul class="entities">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
`;

const LIST = `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pag := .Paginate .Pages }}<ul>{{ range $pag.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
{{ if $pag.HasNext }}<a href="{{ $pag.Next.URL }}">next</a>{{ end }}{{ if $pag.HasPrev }}<a href="{{ $pag.Prev.URL }}">prev</a>{{ end }}
{{ end }}
`;

const TERMS = `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`;

/**
 * Writes a Hugo site in `dir` with the articles of `contentDir`, tagged with
 * the entities arshif found (`entitiesById`: "ar:<id>" → ids).
 */
export function makeHugoSite(dir: string, contentDir: string, entitiesById: Map<string, string[]>): number {
  mkdirSync(join(dir, "layouts/_default"), { recursive: true });
  writeFileSync(join(dir, "config.toml"), CONFIG);
  writeFileSync(join(dir, "layouts/_default/baseof.html"), BASEOF);
  writeFileSync(join(dir, "layouts/_default/single.html"), SINGLE);
  writeFileSync(join(dir, "layouts/_default/list.html"), LIST);
  writeFileSync(join(dir, "layouts/_default/terms.html"), TERMS);
  let n = 0;
  for (const lang of ["ar", "en"]) {
    for (const file of walk(join(contentDir, lang))) {
      const text = readFileSync(file, "utf8");
      const end = text.indexOf("\n---\n", 4);
      const fm = parse(text.slice(4, end)) as { id: string; title: string; date: string; source?: string };
      const body = text.slice(end + 5);
      const [y, m] = fm.date.split("-");
      const front = {
        title: fm.title,
        date: fm.date,
        lang,
        source: fm.source ?? "",
        slug: fm.id,
        entities: entitiesById.get(`${lang}:${fm.id}`) ?? [],
        years: [y],
        months: [`${y}-${m}`],
      };
      const out = join(dir, "content", lang, "articles", relative(join(contentDir, lang), file));
      mkdirSync(join(out, ".."), { recursive: true });
      writeFileSync(out, `${JSON.stringify(front)}\n\n${body}`);
      n++;
    }
  }
  return n;
}
