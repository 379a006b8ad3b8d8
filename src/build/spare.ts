import { lstatSync, readdirSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The spare tree: the output a swap retired, kept in the build cache's folder
 * to become the next build's fresh folder instead of being removed. A rebuild
 * otherwise makes a folder for every page (each page is `…/<id>/index.html`)
 * and hard-links every reused page into it: at 10k articles, 27,000 mkdirs
 * and links per build, most of the link thread's time, and as much again to
 * remove the retired tree afterwards (docs/scale.md).
 *
 * What the spare may keep is only what cannot differ from the live output: a
 * rendered page whose file is the live page's own inode (the build before
 * reused it by linking). Everything else is taken out when the tree is
 * retired, before anything could write into a file the live output shares.
 */

/** A tree as a build cache manifest records it (src/build/cache.ts LiveManifest). */
export interface TreeRecord {
  /** Relative path → [render key ("" for a file the render step did not make), hash, size, mtimeMs, inode]. */
  files: Record<string, readonly [string, string, number, number, number]>;
  /** Every folder ("" is the root) → [mtimeMs, inode]. */
  dirs: Record<string, readonly [number, number]>;
}

/** What a spare holds: its files (each the live output's, by inode) and every folder's stat once it was pruned. */
export interface SpareRecord {
  files: Record<string, number>;
  dirs: Record<string, [mtimeMs: number, ino: number]>;
}

const topOf = (rel: string): string => {
  const cut = rel.indexOf("/");
  return cut < 0 ? rel : rel.slice(0, cut);
};

/** Thrown when a folder of the retired tree is not as its record says: something else wrote there. */
class Moved extends Error {}

/**
 * Prunes `tree` (the output just retired, as `retired` recorded it) to the
 * rendered pages whose inode is the live page's (`live`: the new output's
 * record), and records what is left. Top-level entries with none of them
 * (search index, data files, assets, the root's files) go whole to `discard`
 * (a rename, removed later); the other files are unlinked one by one, and the
 * folders this empties are removed. Before a folder is touched its stat must
 * be the recorded one, so nothing written there since is carried over.
 * Returns undefined when one is not: then nothing of `tree` may be kept.
 */
export function pruneRetired(tree: string, retired: TreeRecord, live: TreeRecord["files"], discard: (path: string) => void): SpareRecord | undefined {
  const kept: Record<string, number> = {};
  const keptTops = new Set<string>();
  const drop: string[] = [];
  for (const [rel, f] of Object.entries(retired.files)) {
    const now = live[rel];
    if (f[0] && now?.[0] && now[4] === f[4]) {
      kept[rel] = f[4];
      keptTops.add(topOf(rel));
    } else drop.push(rel);
  }
  const checked = new Set<string>();
  const check = (rel: string) => {
    if (checked.has(rel)) return;
    const was = retired.dirs[rel];
    const st = lstatSync(rel ? join(tree, rel) : tree, { throwIfNoEntry: false });
    if (!was || !st?.isDirectory() || st.mtimeMs !== was[0] || st.ino !== was[1]) throw new Moved();
    checked.add(rel);
  };
  try {
    check("");
    for (const name of readdirSync(tree)) if (!keptTops.has(name)) discard(join(tree, name));
    const emptied = new Set<string>();
    for (const rel of drop) {
      if (!keptTops.has(topOf(rel))) continue;
      const dir = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
      check(dir);
      try {
        unlinkSync(join(tree, rel));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
      emptied.add(dir);
    }
    const removed = removeEmpty(tree, emptied, check);
    const dirs: SpareRecord["dirs"] = {};
    for (const [rel, st] of Object.entries(retired.dirs)) {
      if (removed.has(rel) || (rel && !keptTops.has(topOf(rel)))) continue;
      if (!checked.has(rel)) dirs[rel] = [st[0], st[1]];
      else {
        const now = lstatSync(rel ? join(tree, rel) : tree);
        dirs[rel] = [now.mtimeMs, now.ino];
      }
    }
    return { files: kept, dirs };
  } catch (e) {
    if (e instanceof Moved) return undefined;
    throw e;
  }
}

/**
 * Removes the folders of `dirs` that are empty, and then their parents that
 * this empties, up to (not including) the root. Returns the removed ones.
 */
function removeEmpty(root: string, dirs: Iterable<string>, before: (rel: string) => void = () => {}): Set<string> {
  const removed = new Set<string>();
  // Deepest first, so a parent is tried after its children.
  const todo = [...dirs].sort((a, b) => b.split("/").length - a.split("/").length);
  for (let dir of todo) {
    while (dir && !removed.has(dir)) {
      try {
        before(dirname(dir) === "." ? "" : dirname(dir));
        rmdirSync(join(root, dir));
      } catch (e) {
        if (e instanceof Moved) throw e;
        break;
      }
      removed.add(dir);
      dir = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "";
    }
  }
  return removed;
}

/**
 * Makes `spare` the fresh folder when every folder is as its record says
 * (a file added, removed or replaced changes its folder's mtime). Returns the
 * files it holds, or undefined (the spare is left where it was).
 */
export function takeSpare(spare: string, record: SpareRecord, fresh: string): Set<string> | undefined {
  if (!record.dirs[""]) return undefined;
  for (const [rel, [mtimeMs, ino]] of Object.entries(record.dirs)) {
    const st = lstatSync(rel ? join(spare, rel) : spare, { throwIfNoEntry: false });
    if (!st?.isDirectory() || st.mtimeMs !== mtimeMs || st.ino !== ino) return undefined;
  }
  renameSync(spare, fresh);
  return new Set(Object.keys(record.files));
}

/** Unlinks `rels` under `root` (those already gone are fine); `prune`: then the folders this empties. */
export function unlinkAll(root: string, rels: Iterable<string>, prune: boolean): void {
  const dirs = new Set<string>();
  for (const rel of rels) {
    try {
      unlinkSync(join(root, rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    if (prune && rel.includes("/")) dirs.add(rel.slice(0, rel.lastIndexOf("/")));
  }
  if (prune) removeEmpty(root, dirs);
}
