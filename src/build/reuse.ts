import { createHash } from "node:crypto";
import type { SiteData } from "../archive/site.ts";
import { renderEntries, siteWith } from "../site/batches.ts";
import { renderSite, type BatchRenderer } from "./render.ts";
import { liveStat, sha256, under, type BuildCache, type LiveFile, type RenderedFile } from "./cache.ts";
import { LINKED, Linker } from "./linker.ts";
import { keyText } from "../archive/lazy.ts";
import { outputPath } from "../archive/routes.ts";
import type { RecycledTree } from "./spare.ts";

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
  /** Output path → [key, hash of the file's bytes]: the next build's render manifest (a page reused by its stat is noted with the cache, BuildCache.linkedWith). */
  files: Map<string, RenderedFile>;
}

/**
 * Renders only the pages, feeds and sitemap files whose key (their data, the
 * site-wide data templates read, the code and templates) differs from the live
 * output's; the others are hard-linked from the live output after a check that
 * they are as the last build left them: the stat recorded after its swap, or
 * when that differs, the hash of their bytes. The checks and links run on a
 * second thread (src/build/linker.ts) while this one keys the pages.
 */
export async function renderReusing(
  site: SiteData,
  fresh: string,
  opts: { root: string; pathPrefix: string; output: string },
  cache: BuildCache,
  renderBatch: BatchRenderer,
  /** What `fresh` holds already, each a link to the live file (a recycled tree: src/build/spare.ts). */
  recycled?: RecycledTree,
): Promise<RenderOutcome> {
  const base = siteKey(site, cache.code, opts.pathPrefix);
  const previous = cache.readRenderManifest(opts.output);
  const files = new Map<string, RenderedFile>();
  // Pages whose key matches the live file's: [item, path, recorded file], in the order given to the linker.
  const offered: [object, string, LiveFile][] = [];
  // Pages to render → their key.
  const render = new Map<object, string>();
  const linker = new Linker(opts.output, fresh);
  const offer = (kind: string, item: { url: string }): void => {
    const path = outputPath(item.url);
    // The page's key text (src/archive/lazy.ts keyText: its data, or the print of its plain fields, and its lazy fields' stand-ins), hashed as UTF-16 (lossless, and no re-encoding).
    const key = createHash("sha256").update(base).update(`\0${kind}\0`).update(keyText(item), "utf16le").digest("hex");
    const was = previous.get(path);
    if (was && was[0] === key) {
      offered.push([item, path, was]);
      linker.add(path, liveStat(was), was[1], recycled?.holds(path));
    } else render.set(item, key);
  };
  const entries = renderEntries(site);
  for (const [kind, item] of entries) offer(kind, item);
  const codes = await linker.finish();
  let reused = 0;
  offered.forEach(([item, path, was], i) => {
    const code = codes[i];
    if (code === LINKED.no) render.set(item, was[0]);
    else {
      recycled?.keep(path);
      files.set(path, [was[0], was[1]]);
      if (code === LINKED.byStat) cache.linkedWith(under(fresh, path), liveStat(was));
      reused++;
    }
  });
  // A page to render is written as a new file, never into the live file's inode (what the recycled tree
  // holds and the site no longer has goes before the swap).
  if (recycled) for (const item of render.keys()) recycled.free(outputPath((item as { url: string }).url));
  // The hash of what Eleventy wrote, taken as it writes (not read back from the files).
  const hashes = new Map<string, string>();
  const runs = await renderSite(siteWith(site, entries.filter(([, item]) => render.has(item))), fresh, opts, renderBatch, (path, hash) => hashes.set(path, hash));
  for (const [item, key] of render) {
    const path = outputPath((item as { url: string }).url);
    const hash = hashes.get(path);
    if (hash === undefined) throw new Error(`render: ${path} was not written (the build cache expected it there)`);
    files.set(path, [key, hash]);
  }
  return { runs, reused, rendered: render.size, files };
}
