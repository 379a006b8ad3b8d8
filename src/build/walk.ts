import { Worker } from "node:worker_threads";
import * as fs from "node:fs";
import type { FileStat } from "./inputs.ts";

/** A folder's stat as the live manifest keeps it: it gains or loses an entry only with a new mtime. */
export interface DirStat {
  mtimeMs: number;
  ino: number;
}

export interface Tree {
  /** Relative path (with "/") → stat; undefined for a file `known` said not to stat. */
  files: Map<string, FileStat | undefined>;
  /** Every folder ("" is the root) → its stat. */
  dirs: Map<string, DirStat>;
}

/**
 * Walks the folders it is given (relative to `root`), each with everything
 * under it (`deep`) or only its own entries, its subfolders then listed in
 * `below`: files and folders as flat lists, stats as numbers (size, mtimeMs,
 * ino per file; mtimeMs, ino per folder). `listed(rel, stat)`, when given,
 * may answer a folder's entries (paths of its files and folders) instead of
 * a listing. Paths are joined by hand (`root` and the entries are normal):
 * path.join per file was measurable. Plain JavaScript: a worker does not get
 * tsx's loader; the same function walks on the calling thread.
 */
const WALK = `function walk(fs, root, rels, skip, deep, listed) {
  const files = [], fileStats = [], dirs = [], dirStats = [], below = [];
  const file = (r) => {
    files.push(r);
    if (skip && skip(r)) fileStats.push(-1, 0, 0);
    else {
      const s = fs.lstatSync(root + "/" + r);
      fileStats.push(s.size, s.mtimeMs, s.ino);
    }
  };
  const one = (rel) => {
    const d = rel ? root + "/" + rel : root;
    const st = fs.lstatSync(d);
    dirs.push(rel);
    dirStats.push(st.mtimeMs, st.ino);
    const known = listed && listed(rel, st);
    if (known) {
      for (const r of known.files) file(r);
      for (const r of known.dirs) deep ? one(r) : below.push(r);
      return;
    }
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? rel + "/" + e.name : e.name;
      if (e.isDirectory()) deep ? one(r) : below.push(r);
      else file(r);
    }
  };
  for (const rel of rels) one(rel);
  return { files, fileStats, dirs, dirStats, below };
}`;

type Walked = { files: string[]; fileStats: ArrayLike<number>; dirs: string[]; dirStats: ArrayLike<number>; below: string[] };
type Listed = (rel: string, st: fs.Stats) => { files: readonly string[]; dirs: readonly string[] } | undefined;
type WalkFn = (f: typeof fs, root: string, rels: string[], skip: ((rel: string) => boolean) | undefined, deep: boolean, listed?: Listed) => Walked;
// One source for both threads: the worker gets it as text, this thread compiles the same text.
const walkHere = new Function(`return ${WALK}`)() as WalkFn;

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
${WALK}
try {
  const w = walk(fs, workerData.root, workerData.rels, undefined, true);
  parentPort.postMessage({ ...w, fileStats: Float64Array.from(w.fileStats), dirStats: Float64Array.from(w.dirStats) });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message || e) });
}
`;

/**
 * What a walk may take as known instead of listing a folder: its stat as
 * recorded and its entries then. A folder whose mtime and inode are still the
 * recorded ones has the same entries (adding, removing or replacing one
 * changes its folder's mtime), so it is stat-ed but not listed.
 */
export interface KnownFolders {
  stat: ReadonlyMap<string, readonly [mtimeMs: number, ino: number]>;
  entries: ReadonlyMap<string, { files: readonly string[]; dirs: readonly string[] }>;
}

/** Below this many folders at the split depth, one thread walks everything. */
const SPLIT_MIN = 64;

/**
 * Every file and folder under `dir` with its stat (files `known` names are
 * listed without one: the caller has it; `folders`: see KnownFolders). The folders are split between this
 * thread and a second one, which walks every other subtree at the first depth
 * with enough of them: listing and stat-ing the tens of thousands of page
 * folders of a large site is system calls, which two threads make side by side.
 */
export async function walkTree(dir: string, known: (rel: string) => boolean = () => false, folders?: KnownFolders): Promise<Tree> {
  const tree: Tree = { files: new Map(), dirs: new Map() };
  if (!fs.existsSync(dir)) return tree;
  const add = (w: Walked) => {
    w.dirs.forEach((rel, i) => tree.dirs.set(rel, { mtimeMs: w.dirStats[2 * i]!, ino: w.dirStats[2 * i + 1]! }));
    w.files.forEach((rel, i) => {
      const size = w.fileStats[3 * i]!;
      // The other thread stats every file of its half; the ones `known` names are left without a stat, as here.
      tree.files.set(rel, size < 0 || known(rel) ? undefined : { size, mtimeMs: w.fileStats[3 * i + 1]!, ino: w.fileStats[3 * i + 2]! });
    });
  };
  if (folders) {
    // On this thread: most folders are stat-ed only, which leaves little to share out.
    add(walkHere(fs, dir, [""], known, true, (rel, st) => {
      const was = folders.stat.get(rel);
      return was && was[0] === st.mtimeMs && was[1] === st.ino ? (folders.entries.get(rel) ?? { files: [], dirs: [] }) : undefined;
    }));
    return tree;
  }
  // The top levels here, breadth first, until a level has enough folders to share out.
  let level = [""];
  while (level.length && level.length < SPLIT_MIN) {
    const w = walkHere(fs, dir, level, known, false);
    add(w);
    level = w.below;
  }
  if (!level.length) return tree;
  // Every other folder each: neighbours are alike (article folders, day folders), so the halves are too.
  const mine = level.filter((_, i) => i % 2 === 0);
  const theirs = level.filter((_, i) => i % 2 === 1);
  const worker = new Worker(WORKER, { eval: true, workerData: { root: dir, rels: theirs } });
  const answer = new Promise<Walked>((resolve, reject) => {
    worker.once("message", (m: Walked & { error?: string }) => (m.error ? reject(new Error(`walking ${dir}: ${m.error}`)) : resolve(m)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the folder walk stopped (exit code ${code})`)));
  });
  answer.catch(() => undefined);
  try {
    add(walkHere(fs, dir, mine, known, true));
    add(await answer);
  } finally {
    await worker.terminate();
  }
  return tree;
}
