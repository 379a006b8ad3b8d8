import { dirname, join, relative, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteData } from "../archive/site.ts";
import { renderBatches } from "../site/batches.ts";
import { collectGarbage } from "./memory.ts";
import { OutputWriter } from "./writer.ts";
import { copyStaticFiles } from "../site/assets.ts";
import { PAGE_KIND_NAMES } from "../archive/kinds.ts";
import { outputPath } from "../archive/routes.ts";

/** What a render wrote: its Eleventy runs, and each file's SHA-256 by its path under the output folder. */
export interface Rendered {
  runs: number;
  written: Map<string, string>;
}

/**
 * Renders the site's pages into `outDir`, one Eleventy run per batch
 * (src/site/batches.ts). Each run gets its batch as the `site` global data
 * through Eleventy's programmatic configuration; eleventy.config.ts adds the rest.
 * Eleventy hands back each batch's pages and the output writer
 * (src/build/writer.ts) writes them, on a second thread beside the next batch
 * when there are many; the static files are copied here too.
 */
export async function renderSite(site: SiteData, outDir: string, opts: { root: string; pathPrefix: string; batches?: ReadonlySet<number> }): Promise<Rendered> {
  // `batches`: a build shard's share (src/build/shard.ts); default every batch.
  const views = renderBatches(site, site.settings.renderBatchSize).filter((v) => !opts.batches || opts.batches.has(v.batch.index));
  // Eleventy resolves its input and config relative to the working directory.
  const rel = (p: string) => relative(process.cwd(), join(opts.root, p)) || ".";
  const dirs = views.map((v) => pageFolders(v, outDir));
  const writer = new OutputWriter(outDir, { thread: dirs.reduce((n, d) => n + d.length, 0) >= WRITER_THREAD });
  for (const d of dirs) writer.folders(d);
  copyStaticFiles(opts.root, outDir);
  try {
    for (const view of views) {
      const elev = new Eleventy(rel("content"), outDir, {
        configPath: rel("eleventy.config.ts"),
        pathPrefix: opts.pathPrefix,
        quietMode: true,
        config: (eleventyConfig: UserConfig) => {
          eleventyConfig.addGlobalData("site", view);
        },
      });
      // Eleventy's JSON output: each page's path and final HTML (its transforms applied), nothing written.
      const pages = (await elev.toJSON()) as unknown as { outputPath: string | false; content: unknown }[];
      for (const p of pages) if (typeof p.outputPath === "string" && typeof p.content === "string") writer.write(resolve(p.outputPath), p.content);
      // A written batch's pages are garbage, but V8 collects them only when it needs room: the
      // process then holds each batch's garbage beside the next one (and, after the last, beside
      // a search index still being made). Collected here, the peak is one batch (docs/scale.md).
      if (views.length > 1) collectGarbage();
    }
  } catch (e) {
    // The thread is ended: nothing is written into the folder after the build has failed.
    await writer.close().catch(() => undefined);
    throw e;
  }
  return { runs: views.length, written: await writer.close() };
}

/** Below this many folders to make, the pages are written on this thread. */
const WRITER_THREAD = 1000;

/** The folders the pages, feeds and sitemaps of `view` are written into, each once. */
function pageFolders(view: SiteData, outDir: string): string[] {
  const urls = [...PAGE_KIND_NAMES.flatMap((k) => (view.pages[k] as { url: string }[]).map((p) => p.url)), ...view.feeds.map((f) => f.url), ...view.sitemaps.map((s) => s.url)];
  return [...new Set(urls.map((u) => dirname(join(outDir, outputPath(u)))))];
}
