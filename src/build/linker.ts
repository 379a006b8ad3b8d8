import { Worker } from "node:worker_threads";
import type { FileStat } from "./inputs.ts";

/** How a file offered to the linker ended: linked with its recorded stat, reused by its bytes' hash (or copied), or not reused (render it). */
export const LINKED = { byStat: 0, byHash: 1, no: 2 } as const;

/**
 * The work of one reused file, in a worker thread (plain JavaScript: a worker
 * does not get tsx's loader): its stat in the live output against the one
 * recorded (else the SHA-256 of its bytes against the recorded hash), its
 * folder in the fresh tree (one mkdir per new folder), a hard link (a copy when
 * linking fails). A file `present` in the fresh tree already (a recycled tree,
 * src/build/spare.ts) is the live file's inode: it stays when the live file is
 * as recorded, and is unlinked otherwise, before anything is linked or written
 * in its place (a write into it would change the live file too).
 * Messages: batches `{ rels, stats, hashes, present }` (stats: size, mtimeMs,
 * ino per file; present: 1 or 0 per file), then `null`; the answer is one code per file.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { createHash } = require("node:crypto");
const { dirname, join } = require("node:path");
const { from, to } = workerData;
const known = new Set();
const ensure = (dir) => {
  if (known.has(dir)) return;
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if (e.code === "ENOENT" && dirname(dir) !== dir) {
      ensure(dirname(dir));
      fs.mkdirSync(dir);
    } else if (e.code !== "EEXIST") throw e;
  }
  known.add(dir);
};
let codes = new Uint8Array(1024);
let n = 0;
const one = (rel, size, mtimeMs, ino, hash, present) => {
  const src = join(from, rel);
  const dest = join(to, rel);
  const st = fs.statSync(src, { throwIfNoEntry: false });
  const same = !!st && st.isFile() && st.size === size && st.mtimeMs === mtimeMs && st.ino === ino;
  if (present) {
    if (same) return 0;
    fs.rmSync(dest, { force: true });
  }
  if (!st || !st.isFile()) return 2;
  if (!same && createHash("sha256").update(fs.readFileSync(src)).digest("hex") !== hash) return 2;
  ensure(dirname(dest));
  try {
    fs.linkSync(src, dest);
    return same ? 0 : 1;
  } catch {
    fs.copyFileSync(src, dest);
    return 1;
  }
};
parentPort.on("message", (batch) => {
  if (batch === null) {
    parentPort.postMessage(codes.subarray(0, n));
    return;
  }
  const { rels, stats, hashes, present } = batch;
  if (n + rels.length > codes.length) {
    const grown = new Uint8Array(Math.max(codes.length * 2, n + rels.length));
    grown.set(codes.subarray(0, n));
    codes = grown;
  }
  for (let i = 0; i < rels.length; i++) {
    let code = 2;
    try {
      code = one(rels[i], stats[3 * i], stats[3 * i + 1], stats[3 * i + 2], hashes[i], present[i] === 1);
    } catch {
      // Unreadable, or the fresh folder refused it: rendered again instead.
    }
    codes[n++] = code;
  }
});
`;

const BATCH = 512;

/**
 * Links files of the live output into the fresh folder on a second thread, so
 * that the system calls (a stat, a mkdir, a link per page) run beside the
 * render step's own work (keying every page). `add` the files in any order;
 * `finish` gives each one's outcome, in the order added.
 */
export class Linker {
  private worker: Worker | undefined;
  private rels: string[] = [];
  private stats: number[] = [];
  private hashes: string[] = [];
  private present: number[] = [];
  private failed: Error | undefined;
  count = 0;

  constructor(
    private readonly from: string,
    private readonly to: string,
  ) {}

  /** Started with the first batch: a build with nothing to reuse starts no thread. */
  private started(): Worker {
    if (!this.worker) {
      this.worker = new Worker(WORKER, { eval: true, workerData: { from: this.from, to: this.to } });
      this.worker.on("error", (e) => (this.failed = e));
    }
    return this.worker;
  }

  /**
   * Offers `rel` (a path relative to both folders), recorded with `stat` and
   * the hash of its bytes; `present`: the fresh folder holds it already, as a
   * link to the live file.
   */
  add(rel: string, stat: FileStat, hash: string, present = false): void {
    this.rels.push(rel);
    this.stats.push(stat.size, stat.mtimeMs, stat.ino);
    this.hashes.push(hash);
    this.present.push(present ? 1 : 0);
    this.count++;
    if (this.rels.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.rels.length) return;
    this.started().postMessage({ rels: this.rels, stats: Float64Array.from(this.stats), hashes: this.hashes, present: Uint8Array.from(this.present) });
    this.rels = [];
    this.stats = [];
    this.hashes = [];
    this.present = [];
  }

  /** Each added file's outcome (LINKED), in the order added; the worker ends. */
  async finish(): Promise<Uint8Array> {
    this.flush();
    const worker = this.worker;
    if (!worker) return new Uint8Array(0);
    const codes = await new Promise<Uint8Array>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      worker.once("message", (m: Uint8Array) => resolve(m));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the render step's link worker stopped (exit code ${code})`)));
      worker.postMessage(null);
    });
    await worker.terminate();
    if (codes.length !== this.count) throw new Error(`the render step's link worker answered for ${codes.length} of ${this.count} files`);
    return codes;
  }
}
