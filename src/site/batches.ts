import { emptyPages, type Batch, type SiteData, type SitePages } from "../archive/site.ts";
import { PAGE_KIND_NAMES, type PageKind } from "../archive/kinds.ts";
import type { Feed } from "../archive/feeds.ts";
import type { Sitemap } from "../archive/sitemap.ts";
import { made } from "../archive/lazy.ts";

/** Every page kind (src/archive/kinds.ts), then the feeds and sitemap files. */
export type RenderKind = PageKind | "feeds" | "sitemaps";
const KINDS: RenderKind[] = [...PAGE_KIND_NAMES, "feeds", "sitemaps"];

function listOf(site: SiteData, kind: RenderKind): { url: string }[] {
  return kind === "feeds" ? site.feeds : kind === "sitemaps" ? site.sitemaps : (site.pages[kind] as { url: string }[]);
}

/** Every page, feed and sitemap file of the site with its kind, in the order they are rendered. */
export function renderEntries(site: SiteData): (readonly [RenderKind, { url: string }])[] {
  return KINDS.flatMap((kind) => listOf(site, kind).map((page) => [kind, page] as const));
}

/** The site with only these of its entries to render; every other field (navigation, counts) stays whole. */
export function siteWith(site: SiteData, entries: readonly (readonly [RenderKind, { url: string }])[]): SiteData {
  const byKind = new Map<RenderKind, unknown[]>(KINDS.map((k) => [k, []]));
  for (const [kind, page] of entries) byKind.get(kind)!.push(page);
  const pages: SitePages = emptyPages();
  for (const k of PAGE_KIND_NAMES) (pages as Record<PageKind, unknown[]>)[k] = byKind.get(k)!;
  return { ...site, pages, feeds: byKind.get("feeds") as Feed[], sitemaps: byKind.get("sitemaps") as Sitemap[] };
}

/**
 * The view with each of its pages whole: a page is a stub until it is
 * rendered (src/archive/lazy.ts), and the whole pages live only as long as
 * the view does.
 */
export function wholePages<S extends SiteData>(view: S): S {
  const pages = emptyPages();
  for (const k of PAGE_KIND_NAMES) (pages as Record<PageKind, unknown[]>)[k] = (view.pages[k] as object[]).map(made);
  return { ...view, pages };
}

/** What the templates (_includes/, content/*.njk) read of the site: all a render batch is given. */
export type RenderView = Pick<SiteData, "settings" | "pages" | "feeds" | "sitemaps" | "i18n" | "links" | "paths" | "root" | "sitemapIndex" | "sitemapUrl" | "batch">;

/**
 * The view as the templates get it: its pages whole, and none of the site's
 * model besides (stories, entities, tags): plain data, which the render thread
 * (src/build/render-thread.ts) is sent as a copy.
 */
export function renderView(view: SiteData): RenderView {
  const { settings, feeds, sitemaps, i18n, links, paths, root, sitemapIndex, sitemapUrl, batch } = view;
  return { settings, pages: wholePages(view).pages, feeds, sitemaps, i18n, links, paths, root, sitemapIndex, sitemapUrl, ...(batch ? { batch } : {}) };
}

/**
 * Splits the site into views of at most `size` paginated pages each, one
 * Eleventy run apiece: Eleventy keeps every page it renders in memory until
 * its `write()` ends, so smaller runs bound the heap the build needs. Every
 * view carries the whole site's data (navigation, counts); only the pages to
 * render differ.
 */
export function renderBatches(site: SiteData, size: number): (SiteData & { batch: Batch })[] {
  const entries = renderEntries(site);
  const count = Math.max(1, Math.ceil(entries.length / size));
  return Array.from({ length: count }, (_, index) => ({ ...siteWith(site, entries.slice(index * size, (index + 1) * size)), batch: { index, count } }));
}
