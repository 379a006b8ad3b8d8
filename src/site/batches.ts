import { emptyPages, type Batch, type SiteData, type SitePages } from "../archive/site.ts";
import { PAGE_KIND_NAMES, type PageKind } from "../archive/kinds.ts";
import type { Feed } from "../archive/feeds.ts";
import type { Sitemap } from "../archive/sitemap.ts";

/** Every page kind (src/archive/kinds.ts), then the feeds and sitemap files. */
type Kind = PageKind | "feeds" | "sitemaps";
const KINDS: Kind[] = [...PAGE_KIND_NAMES, "feeds", "sitemaps"];

function listOf(site: SiteData, kind: Kind): unknown[] {
  return kind === "feeds" ? site.feeds : kind === "sitemaps" ? site.sitemaps : site.pages[kind];
}

/**
 * Splits the site into views of at most `size` paginated pages each, one
 * Eleventy run apiece: Eleventy keeps every page it renders in memory until
 * its `write()` ends, so smaller runs bound the heap the build needs. Every
 * view carries the whole site's data (navigation, counts); only the pages to
 * render differ.
 */
export function renderBatches(site: SiteData, size: number): (SiteData & { batch: Batch })[] {
  const entries = KINDS.flatMap((kind) => listOf(site, kind).map((page) => [kind, page] as const));
  const count = Math.max(1, Math.ceil(entries.length / size));
  const out: (SiteData & { batch: Batch })[] = [];
  for (let index = 0; index < count; index++) {
    const byKind = new Map<Kind, unknown[]>(KINDS.map((k) => [k, []]));
    for (const [kind, page] of entries.slice(index * size, (index + 1) * size)) byKind.get(kind)!.push(page);
    const pages: SitePages = emptyPages();
    for (const k of PAGE_KIND_NAMES) (pages as Record<PageKind, unknown[]>)[k] = byKind.get(k)!;
    out.push({ ...site, pages, feeds: byKind.get("feeds") as Feed[], sitemaps: byKind.get("sitemaps") as Sitemap[], batch: { index, count } });
  }
  return out;
}
