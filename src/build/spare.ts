import { Worker } from "node:worker_threads";
import * as fs from "node:fs";
import { join } from "node:path";
import type { KnownFolders } from "./walk.ts";

/**
 * The spare tree: the output a swap retired, kept in the build cache's folder
 * to become the next build's fresh folder instead of being removed. A rebuild
 * otherwise makes a folder for every page (each page is `…/<id>/index.html`)
 * and hard-links every reused page into it: at 10k articles, 27,000 mkdirs
 * and links per build, most of the link thread's time, and as much again to
 * remove the retired tree afterwards (docs/scale.md).
 *
 * What the spare may keep is only what cannot differ from the live output: a
 * file that is the live file's own inode at the same path (a page or excerpt
 * the build that retired the tree reused by linking, a search partition it
 * restored from the cache). Everything else is taken out before the tree is
 * used, and the build frees a kept file before it writes that path
 * (`RecycledTree`), so nothing can write into a file the live output shares.
 */

/** A tree as a build cache manifest records it (src/build/cache.ts LiveManifest). */
export interface TreeRecord {
  /** Relative path → [render key ("" for a file the render step did not make), hash, size, mtimeMs, inode]. */
  files: Record<string, readonly [string, string, number, number, number]>;
  /** Every folder ("" is the root) → [mtimeMs, inode]. */
  dirs: Record<string, readonly [number, number]>;
}

/** What to do with a retired tree to make it the next build's fresh folder. */
export interface SpareRecord {
  /** The files it keeps: each is the live output's file at the same path (the same inode). */
  files: string[];
  /** Files it must lose first (the folders this empties go too). */
  drop: string[];
  /** Its top-level entries that keep nothing: moved out whole. */
  discard: string[];
  /** Every folder as recorded while the tree was live: [path, mtimeMs, inode]. */
  dirs: [string, number, number][];
}

const topOf = (rel: string): string => {
  const cut = rel.indexOf("/");
  return cut < 0 ? rel : rel.slice(0, cut);
};

/**
 * What the tree `retired` records becomes as a spare, given the output that
 * replaced it (`live`): it keeps the files whose inode the live file at the
 * same path has (pages and excerpts reused by link, search partitions
 * restored from the cache), loses the other files, and whole top-level
 * entries that keep none (data files, assets, the root's files).
 */
export function spareRecord(retired: TreeRecord, live: TreeRecord["files"]): SpareRecord {
  const files: string[] = [];
  const keptTops = new Set<string>();
  const tops = new Set<string>();
  const others: string[] = [];
  for (const [rel, f] of Object.entries(retired.files)) {
    const now = live[rel];
    tops.add(topOf(rel));
    if (now && now[4] === f[4]) {
      files.push(rel);
      keptTops.add(topOf(rel));
    } else others.push(rel);
  }
  for (const rel of Object.keys(retired.dirs)) if (rel) tops.add(topOf(rel));
  return {
    files,
    drop: others.filter((rel) => keptTops.has(topOf(rel))),
    discard: [...tops].filter((t) => !keptTops.has(t)).sort(),
    dirs: Object.entries(retired.dirs).map(([rel, [mtimeMs, ino]]) => [rel, mtimeMs, ino]),
  };
}

/**
 * The phases of taking a spare, in plain JavaScript (a worker does not
 * get tsx's loader; this thread compiles the same text for tests).
 * `check`: every folder is as recorded (a file added, removed or replaced
 * changes its folder's mtime), so the tree holds what the record says.
 * `prune`: the discarded entries moved to `trash`, the dropped files unlinked,
 * then the folders this emptied removed (`removeEmpty`: the folders of `dirs`
 * that are empty, deepest first, and the parents this empties).
 */
const PHASES = `({
  check(fs, join, spare, dirs) {
    for (const [rel, mtimeMs, ino] of dirs) {
      const st = fs.lstatSync(rel ? join(spare, rel) : spare, { throwIfNoEntry: false });
      if (!st || !st.isDirectory() || st.mtimeMs !== mtimeMs || st.ino !== ino) return false;
    }
    return true;
  },
  prune(fs, join, spare, record, trash, stamp) {
    record.discard.forEach((name, i) => {
      fs.mkdirSync(trash, { recursive: true });
      fs.renameSync(join(spare, name), join(trash, name + "-" + stamp + "-" + i));
    });
    const emptied = new Set();
    for (const rel of record.drop) {
      try {
        fs.unlinkSync(join(spare, rel));
      } catch (e) {
        if (e.code !== "ENOENT") throw e;
      }
      if (rel.includes("/")) emptied.add(rel.slice(0, rel.lastIndexOf("/")));
    }
    this.removeEmpty(fs, join, spare, emptied);
  },
  removeEmpty(fs, join, root, dirs) {
    const todo = [...dirs].sort((a, b) => b.split("/").length - a.split("/").length);
    const removed = new Set();
    for (let dir of todo) {
      while (dir && !removed.has(dir)) {
        try {
          fs.rmdirSync(join(root, dir));
        } catch {
          break;
        }
        removed.add(dir);
        dir = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "";
      }
    }
  },
})`;

type Phases = {
  check(f: typeof fs, j: typeof join, spare: string, dirs: SpareRecord["dirs"]): boolean;
  prune(f: typeof fs, j: typeof join, spare: string, record: SpareRecord, trash: string, stamp: string): void;
  removeEmpty(f: typeof fs, j: typeof join, root: string, dirs: Iterable<string>): void;
};
// The phases as this thread runs them: a small spare, unlinkAll, the tests.
export const phases = new Function(`return ${PHASES}`)() as Phases;

/**
 * The worker reads the record and checks the folders at once (beside the
 * build's first steps), then waits: only a build that got as far as writing
 * its output ("take") has the spare pruned. Answers: `{ checked }`, then
 * `{ files, dirs }` or `{ error }`.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { join } = require("node:path");
const phases = ${PHASES};
const { spare, recordFile, trash, stamp } = workerData;
let record;
try {
  record = JSON.parse(fs.readFileSync(recordFile, "utf8"));
  parentPort.postMessage({ checked: Array.isArray(record.dirs) && phases.check(fs, join, spare, record.dirs) });
} catch (e) {
  parentPort.postMessage({ checked: false });
}
parentPort.once("message", () => {
  try {
    phases.prune(fs, join, spare, record, trash, stamp);
    parentPort.postMessage({ files: record.files, dirs: record.dirs });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});
`;

/** A record smaller than this (a few hundred pages) is checked and pruned on this thread: a thread costs more than it saves. */
const SMALL_RECORD = 64 * 1024;

/**
 * Takes a spare tree: made, it reads the record and checks the tree, on a
 * second thread while the build loads its content (on this one, when it is
 * small); `take` prunes it and moves it to the fresh folder. The thread is
 * unreferenced, so a build that never takes the spare is not kept waiting.
 */
export class SpareTaker {
  private readonly worker: Worker | undefined;
  private readonly checked: Promise<boolean>;

  constructor(
    private readonly spare: string,
    private readonly recordFile: string,
    private readonly trash: string,
    /** On a second thread; by default when the record is not small. */
    thread = (fs.statSync(recordFile, { throwIfNoEntry: false })?.size ?? 0) >= SMALL_RECORD,
  ) {
    if (!thread) {
      this.worker = undefined;
      this.checked = Promise.resolve(true);
      return;
    }
    const worker = new Worker(WORKER, { eval: true, workerData: { spare, recordFile, trash, stamp: stamp() } });
    worker.unref();
    this.worker = worker;
    this.checked = new Promise<boolean>((resolve) => {
      worker.once("message", (m: { checked: boolean }) => resolve(m.checked));
      worker.once("error", () => resolve(false));
      worker.once("exit", () => resolve(false));
    });
  }

  /**
   * Once the spare is `fresh`: the files it holds, and its folders as they
   * were before it was pruned (src/build/walk.ts KnownFolders). Undefined
   * when it was not as recorded (then it is left where it is, unpruned) or
   * could not be pruned (then it is left pruned in part: either way the
   * caller discards it).
   */
  async take(fresh: string): Promise<{ files: Set<string>; folders: KnownFolders } | undefined> {
    try {
      if (!(await this.checked)) return undefined;
      const answer = this.worker ? await this.pruned(this.worker) : this.prunedHere();
      if (!answer.files || !answer.dirs) return undefined;
      try {
        fs.renameSync(this.spare, fresh);
      } catch {
        return undefined;
      }
      return { files: new Set(answer.files), folders: knownFolders(answer.files, answer.dirs) };
    } finally {
      await this.close();
    }
  }

  private pruned(worker: Worker): Promise<Partial<Pick<SpareRecord, "files" | "dirs">> & { error?: string }> {
    return new Promise((resolve) => {
      worker.once("message", resolve);
      worker.once("error", (e) => resolve({ error: String(e) }));
      worker.once("exit", () => resolve({ error: "the spare tree's thread stopped" }));
      worker.postMessage("take");
    });
  }

  private prunedHere(): Partial<Pick<SpareRecord, "files" | "dirs">> {
    try {
      const record = JSON.parse(fs.readFileSync(this.recordFile, "utf8")) as SpareRecord;
      if (!Array.isArray(record.dirs) || !phases.check(fs, join, this.spare, record.dirs)) return {};
      phases.prune(fs, join, this.spare, record, this.trash, stamp());
      return record;
    } catch {
      return {};
    }
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

const stamp = () => `${process.pid}-${Date.now()}`;

/**
 * The spare's folders as its record has them, with their entries once pruned
 * (its files, and its folders): a folder the build leaves untouched needs no
 * listing when the new output's manifest is made. A pruned folder has another
 * mtime, so it is listed.
 */
function knownFolders(files: readonly string[], dirs: SpareRecord["dirs"]): KnownFolders {
  const stat = new Map<string, readonly [number, number]>();
  const entries = new Map<string, { files: string[]; dirs: string[] }>();
  const at = (rel: string) => {
    const parent = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
    let e = entries.get(parent);
    if (!e) entries.set(parent, (e = { files: [], dirs: [] }));
    return e;
  };
  for (const [rel, mtimeMs, ino] of dirs) {
    stat.set(rel, [mtimeMs, ino]);
    if (rel) at(rel).dirs.push(rel);
  }
  for (const rel of files) at(rel).files.push(rel);
  return { stat, entries };
}

/**
 * A fresh folder made of a spare tree, and the files it holds that the build
 * has not yet kept or freed: each is a link to the live output's file, so it
 * must be freed (unlinked) before anything writes its path, and whatever the
 * build did not keep goes before the swap (`sweep`).
 */
export class RecycledTree {
  private readonly held: Set<string>;

  constructor(
    readonly root: string,
    files: Iterable<string>,
  ) {
    this.held = new Set(files);
  }

  /** Whether the tree holds `rel` (relative to the fresh folder, with "/"), neither kept nor freed yet. */
  holds(rel: string): boolean {
    return this.held.has(rel);
  }

  /** The build keeps `rel` as it is (or has put a link to the live file there itself). */
  keep(rel: string): void {
    this.held.delete(rel);
  }

  /** Unlinks `rel` if the tree holds it: the build writes that path anew. */
  free(rel: string): void {
    if (this.held.delete(rel)) unlinkAll(this.root, [rel], false);
  }

  /** Unlinks every file the tree holds under the folder `dir` (relative, without a final "/"), e.g. a search partition made again. */
  freeUnder(dir: string): void {
    const prefix = `${dir}/`;
    const under: string[] = [];
    for (const rel of this.held) if (rel.startsWith(prefix)) under.push(rel);
    for (const rel of under) this.held.delete(rel);
    unlinkAll(this.root, under, false);
  }

  /** Unlinks what the build neither kept nor freed (files the site no longer has), and the folders this empties. */
  sweep(): void {
    unlinkAll(this.root, this.held, true);
    this.held.clear();
  }
}

/** Unlinks `rels` under `root` (those already gone are fine); `prune`: then the folders this empties. */
export function unlinkAll(root: string, rels: Iterable<string>, prune: boolean): void {
  const dirs = new Set<string>();
  for (const rel of rels) {
    try {
      fs.unlinkSync(join(root, rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    if (prune && rel.includes("/")) dirs.add(rel.slice(0, rel.lastIndexOf("/")));
  }
  if (prune) phases.removeEmpty(fs, join, root, dirs);
}
