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
/**
 * Article URLs per sitemap file. Articles go oldest first in files of this
 * many, so a full file stays byte-identical as newer articles are added (an
 * incremental build reuses it); the listing pages, whose dates change with
 * every article, come after them in files of their own.
 */
export const ARTICLE_SITEMAP_SIZE = 5000;

type Listed = PageBase & { lastmod?: string };

export function buildSitemaps(articles: Listed[], others: Listed[], fallbackDate: string, urls: Urls): { index: { loc: string; lastmod: string }[]; sitemaps: Sitemap[] } {
  const entry = (p: Listed): SitemapUrl => ({
    loc: urls.abs(p.url),
    lastmod: p.lastmod ?? fallbackDate,
    alternates: p.alternates.map((a) => ({ lang: a.lang, href: urls.abs(a.url) })),
  });
  const oldestFirst = articles.map(entry).sort((a, b) => (a.lastmod < b.lastmod ? -1 : a.lastmod > b.lastmod ? 1 : a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  const rest = others.map(entry);
  const sitemaps: Sitemap[] = [];
  const add = (list: SitemapUrl[], size: number) => {
    for (let i = 0; i < list.length; i += size) sitemaps.push({ url: routes.sitemap(sitemaps.length + 1), urls: list.slice(i, i + size) });
  };
  add(oldestFirst, ARTICLE_SITEMAP_SIZE);
  add(rest, SITEMAP_SIZE);
  if (sitemaps.length === 0) sitemaps.push({ url: routes.sitemap(1), urls: [] });
  const index = sitemaps.map((s) => ({
    loc: urls.abs(s.url),
    lastmod: s.urls.reduce((m, u) => (u.lastmod > m ? u.lastmod : m), s.urls.length ? "" : fallbackDate),
  }));
  return { index, sitemaps };
}
