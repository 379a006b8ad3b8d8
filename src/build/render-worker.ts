/**
 * The render thread (render-thread.ts), which has loaded Eleventy before this
 * module: renders each batch it is sent, in the order sent, one at a time.
 */
import { parentPort } from "node:worker_threads";
import { renderWithEleventy } from "./eleventy-run.ts";
import { collectGarbage } from "./memory.ts";
import type { RenderOptions } from "./render.ts";
import type { RenderView } from "../site/batches.ts";

let queue = Promise.resolve();
parentPort!.on("message", ({ id, view, outDir, opts }: { id: number; view: RenderView; outDir: string; opts: RenderOptions }) => {
  queue = queue.then(async () => {
    try {
      parentPort!.postMessage({ id, files: await renderWithEleventy(view, outDir, opts) });
    } catch (e) {
      parentPort!.postMessage({ error: { message: causes(e), stack: e instanceof Error ? e.stack : undefined } });
    }
    // A batch's pages are garbage once written; collected before the next one arrives (docs/scale.md).
    if (view.batch && view.batch.count > 1) collectGarbage();
  });
});

/**
 * An Eleventy error's message with what caused it: Eleventy wraps a template's
 * error ("unknown block tag", with its line) in one that names only the pages it was writing.
 */
function causes(e: unknown): string {
  const out: string[] = [];
  for (let c: unknown = e; c !== undefined && c !== null && out.length < 5; ) {
    const err = c as { message?: unknown; cause?: unknown; originalError?: unknown };
    const message = String(err.message ?? c).trim();
    if (message && !out.includes(message)) out.push(message);
    c = err.cause ?? err.originalError;
  }
  return out.join(" — ");
}
