import { join, isAbsolute, relative, sep } from "node:path";
import { existsSync } from "node:fs";
import { loadSettings, type Settings } from "./settings.ts";
import { loadArticles, type LoadResult } from "../content/load.ts";
import { ContentError, ContentErrors } from "../content/errors.ts";
import { loadGazetteer, type Entity } from "../entities/gazetteer.ts";
import { EntityTagger } from "../entities/tagger.ts";
import { phraseAround, type Phrase } from "../entities/phrase.ts";
import { buildSite, type SiteData } from "../archive/site.ts";
import type { Story } from "../archive/stories.ts";
import type { Article } from "../content/article.ts";
import { makeUrls } from "./urls.ts";

export interface LoadOptions {
  /** Project root holding content/. */
  root: string;
  /** "Now" for the future-date check; tests pin it. */
  now?: number;
  /** URL path prefix the site will be served under (default "/"). */
  pathPrefix?: string;
}

export interface Loaded {
  site?: SiteData;
  /** Milliseconds per phase, for the benchmark. */
  timings: { load: number; tag: number; pages: number; related?: number };
  result: LoadResult;
  errors: ContentError[];
  settings?: Settings;
}

/** Runs `fn`, collecting its content errors with file names shown relative to the project. */
function collect(errors: ContentError[], root: string, fn: () => void): void {
  const shown = (e: ContentError) =>
    isAbsolute(e.file)
      ? new ContentError(relative(root, e.file).split(sep).join("/"), e.message, {
          hint: e.hint,
          ...(e.field !== undefined ? { field: e.field } : {}),
          ...(e.line !== undefined ? { line: e.line } : {}),
        })
      : e;
  try {
    fn();
  } catch (e) {
    if (e instanceof ContentErrors) errors.push(...e.errors.map(shown));
    else if (e instanceof ContentError) errors.push(shown(e));
    else throw e;
  }
}

/** Entity ids an article names in front matter must exist in the gazetteer. */
function checkEntityRefs(articles: Article[], known: Set<string>): ContentError[] {
  const errors: ContentError[] = [];
  for (const a of articles) {
    for (const [field, ids] of [["entities", a.addEntities], ["notEntities", a.removeEntities]] as const) {
      for (const id of ids) {
        if (!known.has(id)) {
          errors.push(new ContentError(a.file, `unknown entity id "${id}"`, {
            field,
            hint: "use an id from content/entities.yaml, or add the entity there first",
          }));
        }
      }
    }
  }
  return errors;
}

/** The article text entities are found in: the Arabic headline and body. */
export function taggableText(a: Article): string {
  return [a.title, ...a.paragraphs].join("\n\n");
}

/**
 * Loads settings, articles and the gazetteer, validates everything, tags
 * entities and builds the page data. Content problems come back as errors,
 * never thrown, so the CLI can list them all.
 */
export function loadSite(opts: LoadOptions): Loaded {
  const contentDir = join(opts.root, "content");
  const errors: ContentError[] = [];
  const t0 = performance.now();
  const timings: Loaded["timings"] = { load: 0, tag: 0, pages: 0 };
  let settings: Settings | undefined;
  collect(errors, opts.root, () => {
    settings = loadSettings(join(contentDir, "site.yaml"));
  });
  const zone = settings?.timeZone ?? "Asia/Baghdad";
  const result = loadArticles(contentDir, { zone, now: opts.now ?? Date.now(), cwd: opts.root });
  errors.push(...result.errors);
  let entities: Entity[] = [];
  const gazetteer = join(contentDir, "entities.yaml");
  if (existsSync(gazetteer)) collect(errors, opts.root, () => {
    entities = loadGazetteer(gazetteer);
  });
  const known = new Set(entities.map((e) => e.id));
  errors.push(...checkEntityRefs([...result.articles, ...result.drafts], known));
  timings.load = performance.now() - t0;
  if (errors.length || !settings) return { result, errors, timings, ...(settings ? { settings } : {}) };

  const t1 = performance.now();
  const tagger = new EntityTagger(entities);
  const order = new Map(entities.map((e, i) => [e.id, i]));
  const tags = new Map<Article, string[]>();
  // Where each article first names each entity, and the places of its dateline (entity pages show both).
  const phrases = new Map<Article, Map<string, Phrase>>();
  const filedFrom = new Map<Article, string[]>();
  const places = new Set(entities.filter((e) => e.type === "place").map((e) => e.id));
  for (const a of result.articles) {
    if (a.lang !== "ar") continue;
    const text = taggableText(a);
    const mentions = tagger.tag(text, { date: a.date.day });
    const found = new Set(mentions.map((m) => m.entityId));
    const first = new Map<string, Phrase>();
    for (const m of mentions) if (!first.has(m.entityId)) first.set(m.entityId, phraseAround(text, m.start, m.end));
    phrases.set(a, first);
    if (a.place) filedFrom.set(a, [...new Set(tagger.tag(a.place, { date: a.date.day }).map((m) => m.entityId).filter((id) => places.has(id)))]);
    for (const id of a.addEntities) found.add(id);
    for (const id of a.removeEntities) found.delete(id);
    // Gazetteer order keeps the output stable and groups predictable.
    tags.set(a, [...found].sort((x, y) => order.get(x)! - order.get(y)!));
  }
  timings.tag = performance.now() - t1;
  const t2 = performance.now();
  const evidence = { phrase: (s: Story, id: string) => phrases.get(s.ar)?.get(id), filedFrom: (s: Story) => filedFrom.get(s.ar) ?? [] };
  const site = buildSite(result.articles, entities, (s: Story) => tags.get(s.ar) ?? [], settings, makeUrls(settings.url, opts.pathPrefix ?? "/"), timings, evidence);
  timings.pages = performance.now() - t2 - (timings.related ?? 0);
  return { site, result, errors, settings, timings };
}
