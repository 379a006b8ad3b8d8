import type { Urls } from "../site/urls.ts";
import type { PageBase } from "./types.ts";
import { routes } from "./routes.ts";

export interface SitemapUrl {
  loc: string;
  lastmod: string;
  alternates: { lang: string; href: string }[];
}

export interface Sitemap {
  url: string;
  urls: SitemapUrl[];
}

/** Search engines read at most 50,000 URLs per file; larger archives get an index of files. */
export const SITEMAP_SIZE = 40000;

export function buildSitemaps(pages: (PageBase & { lastmod?: string })[], fallbackDate: string, urls: Urls): { index: { loc: string; lastmod: string }[]; sitemaps: Sitemap[] } {
  const list: SitemapUrl[] = pages.map((p) => ({
    loc: urls.abs(p.url),
    lastmod: p.lastmod ?? fallbackDate,
    alternates: p.alternates.map((a) => ({ lang: a.lang, href: urls.abs(a.url) })),
  }));
  const sitemaps: Sitemap[] = [];
  for (let i = 0; i < list.length || i === 0; i += SITEMAP_SIZE) {
    sitemaps.push({ url: routes.sitemap(sitemaps.length + 1), urls: list.slice(i, i + SITEMAP_SIZE) });
    if (list.length === 0) break;
  }
  const index = sitemaps.map((s) => ({
    loc: urls.abs(s.url),
    lastmod: s.urls.reduce((m, u) => (u.lastmod > m ? u.lastmod : m), fallbackDate),
  }));
  return { index, sitemaps };
}
