import { dirname, join, relative, resolve, sep } from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteData } from "../archive/site.ts";
import { renderBatches, renderEntries, wholePages } from "../site/batches.ts";
import { collectGarbage } from "./memory.ts";
import { FolderMaker } from "./folders.ts";
import { outputPath } from "../archive/routes.ts";

/**
 * Renders the site's pages into `outDir`, one Eleventy run per batch
 * (src/site/batches.ts). Each run gets its batch as the `site` global data
 * through Eleventy's programmatic configuration; eleventy.config.ts adds the rest.
 * Returns the number of runs.
 */
export async function renderSite(
  site: SiteData,
  outDir: string,
  opts: { root: string; pathPrefix: string; batches?: ReadonlySet<number> },
  /** Told each file written (its path under `outDir`, with "/") and its contents, as Eleventy wrote them. */
  written?: (path: string, content: string | Buffer) => void,
): Promise<number> {
  // `batches`: a build shard's share (src/build/shard.ts); default every batch.
  const views = renderBatches(site, site.settings.renderBatchSize).filter((v) => !opts.batches || opts.batches.has(v.batch.index));
  // Eleventy resolves its input and config relative to the working directory.
  const rel = (p: string) => relative(process.cwd(), join(opts.root, p)) || ".";
  // A few pages (a rebuild, the dev server) are not worth a thread.
  const dirs = views.map((v) => pageFolders(v, outDir));
  const folders = dirs.reduce((n, d) => n + d.length, 0) >= FOLDERS_THREAD ? new FolderMaker() : undefined;
  for (const d of dirs) folders?.make(d);
  try {
    for (const stubs of views) {
      const view = wholePages(stubs);
      const elev = new Eleventy(rel("content"), outDir, {
        configPath: rel("eleventy.config.ts"),
        pathPrefix: opts.pathPrefix,
        quietMode: true,
        config: (eleventyConfig: UserConfig) => {
          // Frozen, it is used as it is: Eleventy deep-copies a plain global into each run's data and
          // wraps every lookup of it from a page in a proxy (docs/scale.md).
          eleventyConfig.addGlobalData("site", Object.freeze(view));
        },
      });
      // Eleventy 3 answers [passthrough copies, template results]; a result holds the path and content it wrote.
      const [, templates] = (await elev.write()) as unknown as [unknown, unknown[]];
      if (written) for (const r of templates.flat(Infinity) as { outputPath?: unknown; content?: unknown }[]) {
        if (typeof r?.outputPath === "string" && (typeof r.content === "string" || Buffer.isBuffer(r.content))) {
          written(relative(outDir, resolve(r.outputPath)).split(sep).join("/"), r.content);
        }
      }
      // A written batch's pages are garbage, but V8 collects them only when it needs room: the
      // process then holds each batch's garbage beside the next one (and, after the last, beside
      // a search index still being made). Collected here, the peak is one batch (docs/scale.md).
      if (views.length > 1) collectGarbage();
    }
  } finally {
    await folders?.close();
  }
  return views.length;
}

/** Below this many folders to make, Eleventy makes them as it writes. */
const FOLDERS_THREAD = 1000;

/** The folders the pages, feeds and sitemaps of `view` are written into, each once. */
function pageFolders(view: SiteData, outDir: string): string[] {
  return [...new Set(renderEntries(view).map(([, p]) => dirname(join(outDir, outputPath(p.url)))))];
}
