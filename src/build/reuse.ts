import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emptyPages, type SiteData, type SitePages } from "../archive/site.ts";
import { PAGE_KIND_NAMES, type PageKind } from "../archive/kinds.ts";
import type { Feed } from "../archive/feeds.ts";
import type { Sitemap } from "../archive/sitemap.ts";
import { renderSite } from "./render.ts";
import { Folders, linkOrCopy, liveStat, sha256, type BuildCache, type RenderedFile } from "./cache.ts";
import { sameStat, statFile } from "./inputs.ts";

/** The file a page, feed or sitemap URL is written to, relative to the output. */
export function outputPath(url: string): string {
  const rel = url.replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

/**
 * What every page template reads besides its own page data (src/archive/site.ts
 * SiteData; the single files — root, 404, robots, sitemap index — are always rendered).
 */
function siteKey(site: SiteData, code: string, pathPrefix: string): string {
  const { settings, i18n, links, paths, sitemapUrl } = site;
  return sha256(`${code}\0${pathPrefix}\0${JSON.stringify({ settings, i18n, links, paths, sitemapUrl })}`);
}

export interface RenderOutcome {
  runs: number;
  reused: number;
  rendered: number;
  /** Output path → [key, hash of the file's bytes, stat if reused by stat]: the next build's render manifest. */
  files: Map<string, RenderedFile>;
}

/**
 * Renders only the pages, feeds and sitemap files whose key (their data, the
 * site-wide data templates read, the code and templates) differs from the live
 * output's; the others are hard-linked from the live output after a check that
 * they are as the last build left them: the stat recorded after its swap, or
 * when that differs, the hash of their bytes.
 */
export async function renderReusing(site: SiteData, fresh: string, opts: { root: string; pathPrefix: string; output: string }, cache: BuildCache): Promise<RenderOutcome> {
  const base = siteKey(site, cache.code, opts.pathPrefix);
  const previous = cache.readRenderManifest(opts.output);
  const files = new Map<string, RenderedFile>();
  const pending: [string, string][] = [];
  let reused = 0;
  const folders = new Folders();
  const keep = <T extends { url: string }>(kind: string, item: T): boolean => {
    const path = outputPath(item.url);
    const key = sha256(`${base}\0${kind}\0${JSON.stringify(item)}`);
    const was = previous.get(path);
    if (was && was[0] === key) {
      try {
        const from = join(opts.output, path);
        // The stat the last build recorded after writing it, else its bytes' hash.
        const st = statFile(from);
        const same = sameStat(st, liveStat(was));
        if (st && (same || sha256(readFileSync(from)) === was[1])) {
          const linked = linkOrCopy(from, join(fresh, path), folders);
          files.set(path, same && linked ? [was[0], was[1], st] : [was[0], was[1]]);
          reused++;
          return false;
        }
      } catch {
        // Missing or unreadable: rendered again below.
      }
    }
    pending.push([path, key]);
    return true;
  };
  const pages: SitePages = emptyPages();
  for (const kind of PAGE_KIND_NAMES) {
    (pages as Record<PageKind, unknown[]>)[kind] = (site.pages[kind] as { url: string }[]).filter((p) => keep(kind, p));
  }
  const feeds: Feed[] = site.feeds.filter((f) => keep("feed", f));
  const sitemaps: Sitemap[] = site.sitemaps.filter((s) => keep("sitemap", s));
  const runs = await renderSite({ ...site, pages, feeds, sitemaps }, fresh, opts);
  for (const [path, key] of pending) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(fresh, path));
    } catch {
      throw new Error(`render: ${path} was not written (the build cache expected it there)`);
    }
    files.set(path, [key, sha256(bytes)]);
  }
  return { runs, reused, rendered: pending.length, files };
}
