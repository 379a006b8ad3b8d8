import type { Lang } from "../i18n/lang.ts";

/**
 * Every URL shape of the site, in one place. Each gives a site path
 * ("/ar/…"): HTML gets the path prefix from Eleventy's HtmlBasePlugin, and
 * absolute URLs (feeds, sitemaps, head metadata, data files) from
 * `Urls.abs` (src/site/urls.ts). Pages, feeds, sitemaps, search records,
 * data files and templates all take their URLs from here.
 */
export const routes = {
  /** The bilingual root page. */
  root: () => "/",
  notFound: () => "/404.html",
  robots: () => "/robots.txt",
  home: (lang: Lang) => `/${lang}/`,
  article: (lang: Lang, id: string) => `/${lang}/articles/${id}/`,
  /** The date index (no parts), a year, a month or a day: `dates("ar", "2025", "03", "09")`. */
  dates: (lang: Lang, ...parts: string[]) => `/${lang}/dates/${parts.map((p) => `${p}/`).join("")}`,
  entities: (lang: Lang) => `/${lang}/entities/`,
  entitiesByName: (lang: Lang) => `/${lang}/entities-by-name/`,
  entity: (lang: Lang, id: string) => `/${lang}/entities/${id}/`,
  search: (lang: Lang) => `/${lang}/search/`,
  data: (lang: Lang) => `/${lang}/data/`,
  /** The language's feed, or one entity's. */
  feed: (lang: Lang, entityId?: string) => (entityId ? `/${lang}/entities/${entityId}/feed.xml` : `/${lang}/feed.xml`),
  /** Page `n` (≥ 2) of a paginated listing whose first page is `base`. */
  paged: (base: string, n: number) => `${base}page/${n}/`,
  sitemapIndex: () => "/sitemap.xml",
  /** The `n`th sitemap file (from 1). */
  sitemap: (n: number) => `/sitemaps/sitemap-${n}.xml`,
  /** A published data file: `dataFile("entities.csv")`, or a part in its folder, `dataFile("articles", "2025.csv")`. */
  dataFile: (...parts: string[]) => `/data/${parts.join("/")}`,
  /** An article's text for search excerpts, written beside the index and fetched for the results shown. */
  searchText: (lang: Lang, id: string) => `/search-text/${lang}/${id}.json`,
} as const;

export type RouteName = keyof typeof routes;

const LANG = "(?:ar|en)";
const SEG = "[^/]+";

/**
 * What each shape's URLs look like, for checking that no two shapes can give
 * the same URL (test/routes.test.ts) and for naming a URL's shape.
 */
export const ROUTE_PATTERNS: Record<RouteName, RegExp> = {
  root: /^\/$/,
  notFound: /^\/404\.html$/,
  robots: /^\/robots\.txt$/,
  home: new RegExp(`^/${LANG}/$`),
  article: new RegExp(`^/${LANG}/articles/${SEG}/$`),
  dates: new RegExp(`^/${LANG}/dates/(?:\\d{4}/(?:\\d{2}/(?:\\d{1,2}/)?)?)?$`),
  entities: new RegExp(`^/${LANG}/entities/$`),
  entitiesByName: new RegExp(`^/${LANG}/entities-by-name/$`),
  entity: new RegExp(`^/${LANG}/entities/${SEG}/$`),
  search: new RegExp(`^/${LANG}/search/$`),
  data: new RegExp(`^/${LANG}/data/$`),
  feed: new RegExp(`^/${LANG}/(?:entities/${SEG}/)?feed\\.xml$`),
  paged: /\/page\/\d+\/$/,
  sitemapIndex: /^\/sitemap\.xml$/,
  sitemap: /^\/sitemaps\/sitemap-\d+\.xml$/,
  dataFile: new RegExp(`^/data/(?:${SEG}/)?${SEG}$`),
  searchText: new RegExp(`^/search-text/${LANG}/${SEG}\\.json$`),
};

/** The language and id of an article address (`routes.article`), or undefined. */
export function articleOf(url: string): { lang: Lang; id: string } | undefined {
  const m = new RegExp(`^/(ar|en)/articles/(${SEG})/$`).exec(url);
  return m ? { lang: m[1] as Lang, id: m[2]! } : undefined;
}

/** The file a page, feed or sitemap URL is written to, relative to the output. */
export function outputPath(url: string): string {
  const rel = url.replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

/** The shapes a URL has (one, for any URL the site makes; `paged` also matches its base's shape). */
export function routesOf(url: string): RouteName[] {
  return (Object.keys(ROUTE_PATTERNS) as RouteName[]).filter((name) => ROUTE_PATTERNS[name].test(url));
}

/** The links every page's header and footer carry, in the page's language. */
export interface SiteLinks {
  home: string;
  dates: string;
  entities: string;
  search: string;
  data: string;
  feed: string;
}

export function siteLinks(lang: Lang): SiteLinks {
  return { home: routes.home(lang), dates: routes.dates(lang), entities: routes.entities(lang), search: routes.search(lang), data: routes.data(lang), feed: routes.feed(lang) };
}
