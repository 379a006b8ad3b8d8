import { Worker } from "node:worker_threads";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { createHash } from "node:crypto";

/**
 * The thread's side (plain JavaScript: a worker does not get tsx's loader).
 * Messages: `{ dirs }` folders to make; `{ files }` [path, bytes] to write,
 * each hashed; `null`, answered with the hashes and the first failure.
 */
const WORKER = `
const { parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const made = new Set();
const hashes = [];
let failure;
parentPort.on("message", (m) => {
  if (m === null) return parentPort.postMessage({ hashes, failure });
  if (m.dirs) {
    for (const dir of m.dirs) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      } catch {}
    }
    return;
  }
  for (const [file, bytes] of m.files) {
    if (failure) return;
    try {
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      fs.writeFileSync(file, bytes);
      hashes.push([file, createHash("sha256").update(bytes).digest("hex")]);
    } catch (e) {
      failure = file + ": " + (e && e.message ? e.message : String(e));
    }
  }
});
`;

/** Files sent to the thread at a time. */
const CHUNK = 200;

/**
 * Writes the rendered pages of a build into its fresh folder and hashes each
 * one's bytes (the render manifest's hash, src/build/cache.ts). With `thread`,
 * on a worker thread: the folders of the pages to come first, then each page
 * as the renderer hands it over, so the system calls of some 28,000 files
 * run beside the rendering of the next batch instead of in its way. Without,
 * here and at once (a rebuild's few pages are not worth a thread).
 */
export class OutputWriter {
  private readonly worker: Worker | undefined;
  private readonly hashes = new Map<string, string>();
  private readonly encoder = new TextEncoder();
  private pending: [string, Uint8Array][] = [];
  private crashed: Error | undefined;

  /** Paths are kept relative to `root` (the fresh folder). */
  constructor(
    private readonly root: string,
    opts: { thread: boolean },
  ) {
    if (opts.thread) {
      this.worker = new Worker(WORKER, { eval: true });
      this.worker.on("error", (e) => (this.crashed = e));
    }
  }

  /** Makes these folders ahead of their pages (on the thread; without one, each page makes its own). */
  folders(dirs: string[]): void {
    if (this.worker && dirs.length && !this.crashed) this.worker.postMessage({ dirs });
  }

  write(file: string, content: string): void {
    // Each page its own buffer: it is handed to the thread, not copied.
    const bytes = this.encoder.encode(content);
    if (!this.worker) {
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      } catch (e) {
        throw new Error(`could not write ${file}: ${(e as Error).message}`);
      }
      this.hashes.set(relative(this.root, file), createHash("sha256").update(bytes).digest("hex"));
      return;
    }
    this.pending.push([file, bytes]);
    if (this.pending.length >= CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.pending.length || !this.worker || this.crashed) return;
    const files = this.pending;
    this.pending = [];
    this.worker.postMessage({ files }, files.map(([, b]) => b.buffer as ArrayBuffer));
  }

  /**
   * Waits for every file handed over and ends the thread. Returns each
   * written file's SHA-256 by its path under the root; throws the first
   * file that could not be written.
   */
  async close(): Promise<Map<string, string>> {
    const worker = this.worker;
    if (worker) {
      this.flush();
      try {
        if (this.crashed) throw this.crashed;
        const done = await new Promise<{ hashes: [string, string][]; failure?: string }>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.once("exit", () => reject(this.crashed ?? new Error("the output writer's thread ended early")));
          worker.postMessage(null);
        });
        if (done.failure) throw new Error(`could not write ${done.failure}`);
        for (const [file, hash] of done.hashes) this.hashes.set(relative(this.root, file), hash);
      } finally {
        await worker.terminate();
      }
    }
    return this.hashes;
  }
}
