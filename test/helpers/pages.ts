import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One page of each kind of a built site, for layout tests and screenshots. */
export interface KindPage {
  kind: string;
  /** URL path below the site's root, starting with "/". */
  path: string;
  /** Expected HTTP status (404 for the not-found page). */
  status: number;
  /** Search pages: a query typed into the box. */
  query?: string;
}

const dirs = (p: string) => (existsSync(p) ? readdirSync(p, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : []);

/** The article with the most related coverage (the busiest layout), else the first. */
function richestArticle(site: string, lang: string): string {
  let best = "";
  let most = -1;
  for (const id of dirs(join(site, lang, "articles"))) {
    const html = readFileSync(join(site, lang, "articles", id, "index.html"), "utf8");
    const n = (html.match(/class="title"/g) ?? []).length + (html.includes("same-text") ? 3 : 0);
    if (n > most) [best, most] = [id, n];
  }
  return best;
}

export function pagesOfEachKind(site: string, query = { ar: "العراق", en: "Iraq" }): KindPage[] {
  const out: KindPage[] = [{ kind: "root", path: "/", status: 200 }];
  for (const lang of ["ar", "en"] as const) {
    const year = dirs(join(site, lang, "dates")).at(-1)!;
    const month = dirs(join(site, lang, "dates", year)).at(-1)!;
    const day = dirs(join(site, lang, "dates", year, month)).filter((d) => /^\d+$/.test(d)).at(-1)!;
    const entity = dirs(join(site, lang, "entities"))[0];
    out.push(
      { kind: `home-${lang}`, path: `/${lang}/`, status: 200 },
      { kind: `article-${lang}`, path: `/${lang}/articles/${richestArticle(site, lang)}/`, status: 200 },
      { kind: `dates-${lang}`, path: `/${lang}/dates/`, status: 200 },
      { kind: `year-${lang}`, path: `/${lang}/dates/${year}/`, status: 200 },
      { kind: `month-${lang}`, path: `/${lang}/dates/${year}/${month}/`, status: 200 },
      { kind: `day-${lang}`, path: `/${lang}/dates/${year}/${month}/${day}/`, status: 200 },
      { kind: `entities-${lang}`, path: `/${lang}/entities/`, status: 200 },
      ...(entity ? [{ kind: `entity-${lang}`, path: `/${lang}/entities/${entity}/`, status: 200 }] : []),
      { kind: `search-${lang}`, path: `/${lang}/search/`, status: 200, query: query[lang] },
      { kind: `data-${lang}`, path: `/${lang}/data/`, status: 200 },
    );
  }
  out.push({ kind: "404", path: "/no/such/page/", status: 404 });
  return out;
}

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
