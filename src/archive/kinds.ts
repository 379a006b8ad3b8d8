/**
 * The kinds of page the site has, in one registry: the page model
 * (src/archive/site.ts) keeps one list per kind, the render batches
 * (src/site/batches.ts) split them, and eleventy.config.ts adds one template
 * per kind from here (paginating over `site.pages.<kind>`, rendered with the
 * kind's layout). Each kind's pages are made by its module's builder, named
 * here; their data types are `PageOf` in src/archive/site.ts.
 */
export interface PageKindSpec {
  /** The layout (under _includes/) that renders a page of this kind. */
  layout: string;
  /** Whether its pages are listed in the sitemap. */
  sitemap: boolean;
  /**
   * The head metadata and sitemap date its pages get (src/archive/site.ts):
   * "article": NewsArticle JSON-LD, og:type article, the site's feed, the story's date;
   * "entity": the entity's JSON-LD, its own feed and the site's, its latest mention;
   * "listing": the site's feed, the date of its newest item (or of the archive).
   */
  meta: "article" | "entity" | "listing";
  /** The module and function that build its pages (for readers; buildPageModel calls them). */
  builtBy: string;
}

/** In the order the sitemap lists them (and the render batches take them). */
export const PAGE_KINDS = {
  article: { layout: "layouts/article.njk", sitemap: true, meta: "article", builtBy: "articles.ts buildArticlePages" },
  dateIndex: { layout: "layouts/listing.njk", sitemap: true, meta: "listing", builtBy: "dates.ts buildDatePages" },
  year: { layout: "layouts/listing.njk", sitemap: true, meta: "listing", builtBy: "dates.ts buildDatePages" },
  month: { layout: "layouts/listing.njk", sitemap: true, meta: "listing", builtBy: "dates.ts buildDatePages" },
  day: { layout: "layouts/listing.njk", sitemap: true, meta: "listing", builtBy: "dates.ts buildDatePages" },
  entityIndex: { layout: "layouts/listing.njk", sitemap: true, meta: "listing", builtBy: "entities.ts buildEntityPages" },
  entity: { layout: "layouts/entity.njk", sitemap: true, meta: "entity", builtBy: "entities.ts buildEntityPages" },
  home: { layout: "layouts/home.njk", sitemap: true, meta: "listing", builtBy: "home.ts buildHome" },
  search: { layout: "layouts/search.njk", sitemap: true, meta: "listing", builtBy: "search.ts buildSearchPage" },
  data: { layout: "layouts/data.njk", sitemap: true, meta: "listing", builtBy: "datapage.ts buildDataPage" },
} as const satisfies Record<string, PageKindSpec>;

export type PageKind = keyof typeof PAGE_KINDS;
export const PAGE_KIND_NAMES = Object.keys(PAGE_KINDS) as PageKind[];

/** The data of the Eleventy template that renders every page of `kind` (added by eleventy.config.ts). */
export function kindTemplate(kind: PageKind): { path: string; data: Record<string, unknown> } {
  return {
    path: `pages/${kind}.njk`,
    data: {
      pagination: { data: `site.pages.${kind}`, size: 1, alias: "p" },
      permalink: "{{ p.url }}",
      layout: PAGE_KINDS[kind].layout,
      eleventyExcludeFromCollections: true,
    },
  };
}
