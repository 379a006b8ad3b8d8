import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";

/**
 * What a build reads, cheaply: every input file's path and content hash, where
 * a hash is read again only when the file's stat changed since it was last
 * hashed. The build stops early when this fingerprint and the live output are
 * both as the last successful build left them (src/build/cache.ts BuildCache.unchanged).
 */

/** Enough of a file's stat to tell, without reading it, that it was not rewritten. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

export function fileStat(st: Stats): FileStat {
  return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
}

export function sameStat(a: FileStat | undefined, b: FileStat | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** The stat of `path` (symbolic links followed), or undefined when it is missing or not a file. */
export function statFile(path: string): FileStat | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? fileStat(st) : undefined;
  } catch {
    return undefined;
  }
}

export function hashBytes(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Every file under `dir` (symbolic links to folders followed, as a test
 * project links its templates), relative path (with "/") → stat, sorted by path.
 */
export function walkFiles(dir: string): Map<string, Stats> {
  const out = new Map<string, Stats>();
  const walk = (d: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      const rel = prefix + e.name;
      if (e.isDirectory()) walk(p, `${rel}/`);
      else if (e.isFile()) out.set(rel, statSync(p));
      else if (e.isSymbolicLink()) {
        try {
          const st = statSync(p);
          if (st.isDirectory()) walk(p, `${rel}/`);
          else if (st.isFile()) out.set(rel, st);
        } catch {
          // A dangling link: nothing a build could read.
        }
      }
    }
  };
  walk(dir, "");
  return out;
}

type MemoEntry = [size: number, mtimeMs: number, ino: number, ctimeMs: number, hash: string];

/**
 * Content hashes of files, remembered by stat (size, mtime, ctime, inode) in a
 * JSON file in the build cache, so a file whose stat did not change is not
 * read again. Without a file it only hashes.
 */
export class HashMemo {
  private readonly entries: Map<string, MemoEntry>;
  private readonly seen = new Set<string>();
  private dirty = false;
  /** Files read and hashed in this process (the rest came from the memo). */
  hashed = 0;

  constructor(private readonly file?: string) {
    let entries: Map<string, MemoEntry> = new Map();
    if (file) {
      try {
        entries = new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, MemoEntry>));
      } catch {
        // Missing or unreadable: every file is hashed once more.
      }
    }
    this.entries = entries;
  }

  /** The sha256 of `path`'s bytes; `st` is its stat when the caller has it. */
  hash(path: string, st: Stats = statSync(path)): string {
    const known = this.known(path, st);
    if (known !== undefined) return known;
    const hash = hashBytes(readFileSync(path));
    this.hashed++;
    this.remember(path, st, hash);
    return hash;
  }

  /** The hash remembered for `path` when its stat is still `st`. */
  known(path: string, st: Stats): string | undefined {
    this.seen.add(path);
    const e = this.entries.get(path);
    return e && e[0] === st.size && e[1] === st.mtimeMs && e[2] === st.ino && e[3] === st.ctimeMs ? e[4] : undefined;
  }

  /**
   * Remembers `hash` for `path` at stat `st` (a caller that checked the bytes
   * itself: the content cache's packs carry their own checksum).
   */
  remember(path: string, st: Stats, hash: string): void {
    this.seen.add(path);
    // A file written within the last second may be written again in the same
    // mtime tick by a coarse file system: not remembered, hashed next time.
    if (Date.now() - st.mtimeMs > 1000) this.entries.set(path, [st.size, st.mtimeMs, st.ino, st.ctimeMs, hash]);
    else this.entries.delete(path);
    this.dirty = true;
  }

  /** Writes the memo (only the files asked about since it was loaded) when anything changed. */
  save(): void {
    if (!this.file) return;
    for (const k of this.entries.keys()) {
      if (!this.seen.has(k)) {
        this.entries.delete(k);
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.entries)));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}

/** The folders of the project a build reads besides the code (which codeVersion covers). */
export const INPUT_DIRS = ["content", "_includes", "public"] as const;

export interface Fingerprint {
  /** A hash of the code version, the build options and every input file's path and content. */
  key: string;
  /** Input files looked at. */
  files: number;
  /** Every input file (absolute path) with the stat its hash was checked against. */
  stats: Map<string, Stats>;
}

/** JSON with object keys sorted, so the same options give the same text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Set) return [...(v as Set<unknown>)].sort();
    if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/**
 * Everything a build reads: the code version (src/, lockfile, templates,
 * Eleventy's configuration: cache.ts codeVersion), the build options (path
 * prefix, search on or off, shard…) and every file under content/, _includes/
 * and public/ by path and content hash. Touching a file without changing its
 * bytes leaves the fingerprint as it was (the file is hashed again, once).
 */
export function inputFingerprint(root: string, code: string, options: object, memo: HashMemo): Fingerprint {
  const h = createHash("sha256").update(`arshif-inputs-1\0${code}\0${stableJson(options)}\0`);
  let files = 0;
  const stats = new Map<string, Stats>();
  for (const dir of INPUT_DIRS) {
    const base = join(root, dir);
    if (!existsSync(base)) {
      h.update(`${dir}: none\0`);
      continue;
    }
    for (const [rel, st] of walkFiles(base)) {
      const path = join(base, rel);
      h.update(`${dir}/${rel}\0${memo.hash(path, st)}\0`);
      stats.set(path, st);
      files++;
    }
  }
  return { key: h.digest("hex"), files, stats };
}
