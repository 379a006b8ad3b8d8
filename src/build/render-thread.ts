import { Worker } from "node:worker_threads";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RenderView } from "../site/batches.ts";
import type { RenderOptions, Written } from "./render.ts";
import { walkFiles } from "./inputs.ts";

/**
 * A worker thread does not get the tsx loader this process was started with:
 * it loads Eleventy (JavaScript) first, without tsx's loader in the way of
 * each of its modules, then registers tsx and loads the render worker (render-worker.ts).
 */
const BOOT = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.eleventy)
  .then(() => import(workerData.tsx))
  .then(({ register }) => {
    register();
    return import(workerData.entry);
  })
  .catch((e) => parentPort.postMessage({ error: { message: "the render thread did not start: " + (e && e.message), stack: e && e.stack } }));
`;

type Answer = { id: number; files: Written } | { error: { message: string; stack?: string } };

/**
 * Eleventy in a worker thread, on the core this process leaves free: it loads
 * Eleventy and the templates' code while the build loads the content and makes
 * the search index, then renders each batch it is sent (src/build/render.ts),
 * one after the other, while this thread makes the next batch's pages. A batch
 * is sent as a copy of plain data (renderView): the pages, made whole as they
 * are copied, and what the templates read of the site.
 */
export class RenderThread {
  private worker: Worker | undefined;
  /** The templates the thread's Eleventy has read (templatesPrint), for a thread kept across builds. */
  private templates = "";
  private readonly pending = new Map<number, { resolve: (w: Written) => void; reject: (e: Error) => void }>();
  private next = 0;
  private closed = false;
  /** The end of a thread that failed: Eleventy may have been writing other files when it did. */
  private ending: Promise<unknown> = Promise.resolve();

  /**
   * Starts the thread (a render starts it too); again after a failure ended
   * the last one, or when the project's templates changed since it started:
   * Eleventy keeps the template files it reads in a cache of its module,
   * which outlives a run, so a thread kept across builds (the dev server's)
   * would go on rendering them as they were.
   */
  start(root?: string): void {
    if (root !== undefined) {
      const print = templatesPrint(root);
      if (this.worker && print !== this.templates && !this.pending.size) this.end(this.worker);
      this.templates = print;
    }
    if (this.worker || this.closed) return;
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { eleventy: import.meta.resolve("@11ty/eleventy"), tsx: import.meta.resolve("tsx/esm/api"), entry: new URL("./render-worker.ts", import.meta.url).href },
    });
    this.worker = worker;
    // Kept alive only while a batch is out (a dev server keeps one thread across builds).
    worker.unref();
    worker.on("message", (a: Answer) => {
      if ("files" in a) {
        const p = this.pending.get(a.id);
        this.pending.delete(a.id);
        if (!this.pending.size) worker.unref();
        p?.resolve(a.files);
      } else this.fail(worker, Object.assign(new Error(a.error.message), { stack: a.error.stack }));
    });
    worker.on("error", (e) => this.fail(worker, e));
    worker.on("exit", (code) => this.fail(worker, new Error(`the render thread ended (exit code ${code})`)));
  }

  /** Renders `view` into `outDir` after the batches sent before it; answers with the files written. */
  render = (view: RenderView, outDir: string, opts: RenderOptions): Promise<Written> => {
    if (this.closed) return Promise.reject(new Error("the render thread was closed"));
    this.start();
    const id = this.next++;
    const answer = new Promise<Written>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (this.pending.size === 1) this.worker!.ref();
    try {
      // The copy is made here: a stub's lazy fields (bodies, head metadata, listings) are made as it is read.
      this.worker!.postMessage({ id, view, outDir, opts: { root: opts.root, pathPrefix: opts.pathPrefix } });
    } catch (e) {
      // Nothing sent (a value that cannot be copied: the page data must be plain): nothing to wait for.
      this.pending.delete(id);
      if (!this.pending.size) this.worker!.unref();
      return Promise.reject(new Error(`a render batch could not be sent to the render thread: ${(e as Error).message}`));
    }
    return answer;
  };

  /** Resolves once no thread of this one's writes anything: one that failed has ended. */
  quiet(): Promise<void> {
    return this.ending.then(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    await Promise.all([w?.terminate(), this.ending]);
  }

  /**
   * A batch failed (or the thread did): every batch still out fails with it,
   * and the thread is ended, since Eleventy goes on writing a failed run's other
   * pages; the next render starts a new one.
   */
  private fail(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.end(worker);
  }

  private end(worker: Worker): void {
    this.worker = undefined;
    this.ending = Promise.all([this.ending, worker.terminate()]);
  }
}

/** The templates Eleventy reads (content/'s own files, everything under _includes/), by path, size and mtime. */
function templatesPrint(root: string): string {
  const out: string[] = [];
  const content = join(root, "content");
  let names: string[] = [];
  try {
    names = readdirSync(content).sort();
  } catch {
    // No content folder: the build reports it.
  }
  for (const name of names) {
    const st = statSync(join(content, name), { throwIfNoEntry: false });
    if (st?.isFile()) out.push(`content/${name}\0${st.size}\0${st.mtimeMs}`);
  }
  for (const [rel, st] of walkFiles(join(root, "_includes"))) out.push(`_includes/${rel}\0${st.size}\0${st.mtimeMs}`);
  return out.join("\n");
}
