import { dirname, join } from "node:path";
import type { SiteData } from "../archive/site.ts";
import { renderBatches, renderEntries, renderView, type RenderView } from "../site/batches.ts";
import { collectGarbage } from "./memory.ts";
import { FolderMaker } from "./folders.ts";
import { outputPath } from "../archive/routes.ts";

export interface RenderOptions {
  root: string;
  pathPrefix: string;
}

/** Each file one Eleventy run wrote: its path under the output folder (with "/") and the SHA-256 of its bytes. */
export type Written = [path: string, sha256: string][];

/**
 * Renders one view into a folder: the render thread's (src/build/render-thread.ts),
 * or `renderWithEleventy` in this thread. `renderSite` asks for the next batch
 * before the last one is done: the render thread queues them; in this thread,
 * give it one batch at a time.
 */
export type BatchRenderer = (view: RenderView, outDir: string, opts: RenderOptions) => Promise<Written>;

/**
 * Renders the site's pages into `outDir`, one Eleventy run per batch
 * (src/site/batches.ts), each given its batch's view by `render`. The next
 * batch's pages are made while `render` writes the last one (in the render
 * thread, that is on the other core). Returns the number of runs.
 */
export async function renderSite(
  site: SiteData,
  outDir: string,
  opts: RenderOptions & { batches?: ReadonlySet<number> },
  render: BatchRenderer,
  /** Told each file written (its path under `outDir`, with "/") and the hash of its bytes. */
  written?: (path: string, sha256: string) => void,
): Promise<number> {
  // `batches`: a build shard's share (src/build/shard.ts); default every batch.
  const views = renderBatches(site, site.settings.renderBatchSize).filter((v) => !opts.batches || opts.batches.has(v.batch.index));
  // A few pages (a rebuild, the dev server) are not worth a thread.
  const dirs = views.map((v) => pageFolders(v, outDir));
  const folders = dirs.reduce((n, d) => n + d.length, 0) >= FOLDERS_THREAD ? new FolderMaker() : undefined;
  for (const d of dirs) folders?.make(d);
  const out: Promise<void>[] = [];
  try {
    for (const stubs of views) {
      const done = render(renderView(stubs), outDir, opts).then((files) => {
        if (written) for (const [path, hash] of files) written(path, hash);
      });
      // A failure is thrown where it is awaited; none goes unhandled meanwhile.
      done.catch(() => undefined);
      // One batch ahead at most: its pages are held (or sent) while the one before is written.
      await out[out.length - 1];
      out.push(done);
      // A batch's whole pages are garbage once it is rendered (or sent), but V8 collects them only when
      // it needs room: beside the next batch, and the search index still being made (docs/scale.md).
      if (views.length > 1) collectGarbage();
    }
    await Promise.all(out);
  } finally {
    // Every batch out is done (or failed) before the caller goes on, or removes the folder they write into.
    await Promise.allSettled(out);
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
