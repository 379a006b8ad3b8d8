import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { removeDetached } from "./swap.ts";
import { LINKED, Linker } from "./linker.ts";
import { walkTree, type KnownFolders } from "./walk.ts";
import { RecycledTree, SpareTaker, spareRecord } from "./spare.ts";
import { HashMemo, fileStat, inputFingerprint, sameStat, statFile, type FileStat, type Fingerprint } from "./inputs.ts";

/**
 * The build cache: what a rebuild may take from earlier builds instead of
 * making it again (rendered pages, search partitions). Kept outside the
 * output (`.arshif-cache/` by default); every entry is keyed by a hash of what
 * made it and checked against a hash of its bytes before it is used, so a
 * corrupt or partial entry is made again, never published. Deleting the
 * folder is always safe.
 */

/** Raise when a change makes old entries wrong in a way the code hash does not see. */
export const CACHE_VERSION = 2;

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * A hash of everything that turns page data into files: the running code's
 * src/, the lockfile (Eleventy, Pagefind, Nunjucks versions), the templates
 * and Eleventy's configuration. The static files are not included (they are
 * copied on every build: src/build/static.ts). With a memo, a file whose stat is unchanged is not read again.
 */
export function codeVersion(root: string, memo = new HashMemo()): string {
  const h = createHash("sha256").update(`arshif-cache-${CACHE_VERSION}\0`);
  const add = (p: string, base: string) => h.update(relative(base, p)).update("\0").update(memo.hash(p)).update("\0");
  const walk = (dir: string, base: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, base);
      else add(p, base);
    }
  };
  // The code that is running (src/ of this checkout), whatever the project root.
  const src = fileURLToPath(new URL("..", import.meta.url));
  walk(src, dirname(src));
  walk(join(root, "_includes"), root);
  for (const f of ["package-lock.json", "eleventy.config.ts"]) if (existsSync(join(root, f))) add(join(root, f), root);
  // The single-file templates beside the articles (root, 404, feeds, sitemaps).
  for (const e of readdirSync(join(root, "content"), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isFile() && /\.(njk|11ty\.\w+|json)$/.test(e.name)) add(join(root, "content", e.name), root);
  }
  return h.digest("hex");
}

/**
 * Makes folders, remembering which exist: linking thousands of reused pages,
 * each in its own folder, costs one mkdir per new folder instead of a
 * recursive mkdir (several system calls) per file.
 */
export class Folders {
  private readonly known = new Set<string>();

  ensure(dir: string): void {
    if (this.known.has(dir)) return;
    try {
      mkdirSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && dirname(dir) !== dir) {
        this.ensure(dirname(dir));
        mkdirSync(dir);
      } else if (code !== "EEXIST") throw e;
    }
    this.known.add(dir);
  }
}

/**
 * The path of `rel` (relative, with "/") under the folder `root`, both
 * normal already: what `join` gives, without its normalising, which took
 * tens of milliseconds over the 80,000 files of a 10k site's manifest.
 */
export function under(root: string, rel: string): string {
  return `${root}/${rel}`;
}

/** Hard-links `from` to `to` (same inode, no bytes copied), or copies when linking fails (another file system); true when linked. */
export function linkOrCopy(from: string, to: string, folders?: Folders): boolean {
  if (folders) folders.ensure(dirname(to));
  else mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
    return true;
  } catch {
    copyFileSync(from, to);
    return false;
  }
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** A search partition entry's manifest: file → [sha256 of bytes, size, mtimeMs, inode] as written. */
type PartitionManifest = Record<string, [hash: string, size: number, mtimeMs: number, ino: number]>;

/**
 * One file of the live output as the build that wrote it left it: the key it
 * was rendered with ("" for files not rendered by the cache: search index,
 * data files, assets), the hash of its bytes ("" when not known) and its stat.
 */
export type LiveFile = [key: string, hash: string, size: number, mtimeMs: number, ino: number];

interface LiveManifest {
  code: string;
  /** The input fingerprint (src/build/inputs.ts) the output was built from. */
  inputs: string;
  files: Record<string, LiveFile>;
  /**
   * Every folder of the output ("" is the output itself) → [mtimeMs, inode]: a
   * folder gains or loses an entry only with a new mtime, so an unchanged
   * folder need not be listed again to know that nothing was added to it.
   */
  dirs: Record<string, [mtimeMs: number, ino: number]>;
  /** The search partition entries the output's index was built or restored from. */
  search: string[];
}

export const liveStat = (f: LiveFile): FileStat => ({ size: f[2], mtimeMs: f[3], ino: f[4] });

/** A file the render step wrote or reused: its key and the hash of its bytes. */
export type RenderedFile = [key: string, hash: string];

export class BuildCache {
  /** Search partition entries used by this build (the rest are pruned at the end). */
  private readonly usedSearch = new Set<string>();
  readonly stats = { pagesReused: 0, pagesRendered: 0, partitionsReused: 0, partitions: 0 };
  /**
   * Files this build hard-linked into the fresh folder (by absolute path) with
   * the stat they showed: a link has its source's size, mtime and inode, so
   * the render manifest need not stat them again.
   */
  private readonly linked = new Map<string, FileStat>();
  /** This build's input fingerprint, once checked (checkUnchanged); recorded with the live output. */
  inputs: Fingerprint | undefined;

  constructor(
    readonly dir: string,
    readonly code: string,
    /** Content hashes by stat, kept in the cache folder (src/build/inputs.ts). */
    readonly memo = new HashMemo(),
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Notes that `path` (in the fresh folder, as `under` writes it) was hard-linked from a file whose stat was `stat`. */
  linkedWith(path: string, stat: FileStat): void {
    this.linked.set(path, stat);
  }

  /** The cache in `dir` for the project at `root`: its hash memo, and the code version computed with it. */
  static open(dir: string, root: string): BuildCache {
    const memo = new HashMemo(join(dir, "hashes.json"));
    return new BuildCache(dir, codeVersion(root, memo), memo);
  }

  // ---- search partitions: one folder per hash of the partition's records ----

  private searchEntry(key: string): string {
    return join(this.dir, "search", key);
  }

  partitionKey(records: unknown): string {
    return sha256(`${this.code}\0${JSON.stringify(records)}`);
  }

  /**
   * The manifest of a cached partition when every file is as it was saved: by
   * stat (the cache wrote these files itself), else by the hash of its bytes;
   * undefined otherwise. `checked` counts the files looked at.
   */
  private verifyPartition(key: string, checked = { files: 0 }): PartitionManifest | undefined {
    const entry = this.searchEntry(key);
    try {
      const manifest = JSON.parse(readFileSync(join(entry, "manifest.json"), "utf8")) as PartitionManifest;
      for (const [rel, [hash, size, mtimeMs, ino]] of Object.entries(manifest)) {
        const path = join(entry, "files", rel);
        checked.files++;
        const now = statFile(path);
        if (sameStat(now, { size, mtimeMs, ino })) continue;
        if (!now || sha256(readFileSync(path)) !== hash) return undefined;
        // Touched but the same bytes: what a link to it will show is its stat now.
        manifest[rel] = [hash, now.size, now.mtimeMs, now.ino];
      }
      return manifest;
    } catch {
      return undefined;
    }
  }

  /**
   * Links a cached partition into `dir` when one with the same records exists
   * and every file is as it was saved; false (and nothing left in `dir`) otherwise.
   * A recycled tree (src/build/spare.ts) that holds the entry's files already
   * (each there with the entry's stat: the same inode) keeps them, unlinked
   * nothing; whatever else it holds in `dir` goes first.
   */
  restorePartition(key: string, dir: string): boolean {
    this.stats.partitions++;
    const manifest = this.verifyPartition(key);
    const tree = this.recycled?.tree;
    const at = tree && relative(tree.root, dir).split(sep).join("/");
    const files = manifest ? Object.entries(manifest) : [];
    const held = !!manifest && !!tree && files.every(([rel, [, size, mtimeMs, ino]]) => tree.holds(`${at}/${rel}`) && sameStat(statFile(join(dir, rel)), { size, mtimeMs, ino }));
    if (held) for (const [rel] of files) tree.keep(`${at}/${rel}`);
    if (tree) tree.freeUnder(at!);
    if (!manifest) {
      rmSync(this.searchEntry(key), { recursive: true, force: true });
      return false;
    }
    const entry = this.searchEntry(key);
    const folders = new Folders();
    try {
      for (const [rel, [, size, mtimeMs, ino]] of files) {
        if (held || linkOrCopy(join(entry, "files", rel), join(dir, rel), folders)) this.linkedWith(join(dir, rel), { size, mtimeMs, ino });
      }
    } catch {
      rmSync(dir, { recursive: true, force: true });
      return false;
    }
    this.usedSearch.add(key);
    this.stats.partitionsReused++;
    return true;
  }

  /** Keeps a freshly built partition folder (linked, not copied); the manifest is written last, so a half-saved entry has none. */
  savePartition(key: string, dir: string): void {
    const entry = this.searchEntry(key);
    const tmp = `${entry}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const manifest: PartitionManifest = {};
    const folders = new Folders();
    for (const rel of listFiles(dir)) {
      const from = join(dir, rel);
      const hash = sha256(readFileSync(from));
      linkOrCopy(from, join(tmp, "files", rel), folders);
      const st = statFile(join(tmp, "files", rel))!;
      manifest[rel] = [hash, st.size, st.mtimeMs, st.ino];
    }
    writeFileSync(join(tmp, "manifest.json"), JSON.stringify(manifest));
    rmSync(entry, { recursive: true, force: true });
    renameSync(tmp, entry);
    this.usedSearch.add(key);
  }

  /**
   * Removes search entries this build did not use (old versions of
   * partitions): renamed into `trash/` at once, removed by a detached process
   * (with whatever an earlier removal left there).
   */
  pruneSearch(madeIndex = true): void {
    const dir = join(this.dir, "search");
    // A build that made no index (`--no-search`) used none: the entries stay for the next build that makes one.
    if (madeIndex && existsSync(dir)) for (const name of readdirSync(dir)) if (!this.usedSearch.has(name)) this.discard(join(dir, name));
    this.emptyTrash();
  }

  private trashed = 0;

  /** Moves `path` into `trash/` at once (removed by emptyTrash); where it cannot be moved, removes it now. */
  private discard(path: string): void {
    const trash = join(this.dir, "trash");
    try {
      mkdirSync(trash, { recursive: true });
      renameSync(path, join(trash, `${basename(path)}-${process.pid}-${Date.now()}-${this.trashed++}`));
    } catch {
      rmSync(path, { recursive: true, force: true });
    }
  }

  /** Removes what is in `trash/` (this build's and whatever an earlier removal left) in a detached process. */
  private emptyTrash(): void {
    const trash = join(this.dir, "trash");
    if (existsSync(trash)) removeDetached(readdirSync(trash).map((n) => join(trash, n)));
  }

  // ---- the spare tree: the retired output, recycled as the next build's fresh folder (src/build/spare.ts) ----

  private spareDir(output: string): string {
    return join(this.dir, `spare-${sha256(output).slice(0, 16)}`);
  }

  /** The record of the retired tree just kept as the spare, until the new output's manifest is written. */
  private retired: { output: string; record: LiveManifest } | undefined;

  /**
   * Called by the swap with the tree it retired from `output`: kept as the
   * spare when the live manifest describes it (it does until this build's is
   * written) and it can be moved into the cache's folder (the same file
   * system); otherwise the swap removes it as before.
   */
  keepSpare(output: string, old: string): void {
    const record = this.readLive(output);
    if (!record?.dirs) return;
    const dir = this.spareDir(output);
    // An earlier spare no build took (a shard's build, say) goes first.
    rmSync(`${dir}.json`, { force: true });
    if (existsSync(dir)) this.discard(dir);
    try {
      renameSync(old, dir);
    } catch {
      return;
    }
    this.retired = { output, record };
  }

  /** Records what the spare keeps and loses against the new output's manifest (`<spare>.json`, written last). */
  private recordSpare(output: string, live: LiveManifest): void {
    const retired = this.retired;
    this.retired = undefined;
    if (retired?.output !== output) return;
    const file = `${this.spareDir(output)}.json`;
    writeFileSync(`${file}.tmp`, JSON.stringify(spareRecord(retired.record, live.files)));
    renameSync(`${file}.tmp`, file);
  }

  private taker: { output: string; taker: SpareTaker } | undefined;

  /** The fresh folder made of a spare: the files it holds, and what its record says of its folders (for the manifest's walk). */
  private recycled: { tree: RecycledTree; folders: KnownFolders } | undefined;

  /** Starts checking the spare kept for `output`, if there is one, on a second thread (src/build/spare.ts). */
  prepareSpare(output: string): void {
    const dir = this.spareDir(output);
    if (this.taker?.output === output || !existsSync(`${dir}.json`)) return;
    this.taker = { output, taker: new SpareTaker(dir, `${dir}.json`, join(this.dir, "trash")) };
  }

  /** Ends the thread of a spare a failed build did not take: the spare stays, unpruned, for the next build. */
  async dropSpare(): Promise<void> {
    await this.taker?.taker.close();
    this.taker = undefined;
  }

  /**
   * Makes the spare kept for `output` the fresh folder `fresh`, when the live
   * manifest is this code's (else nothing would be reused) and the spare is as
   * recorded. Returns the files it holds (each the live file's inode), or
   * undefined: `fresh` starts empty. A spare is used once; what it loses is
   * removed with the rest of the trash, after the swap.
   */
  async takeSpare(output: string, fresh: string): Promise<RecycledTree | undefined> {
    this.prepareSpare(output);
    const taker = this.taker?.output === output ? this.taker.taker : undefined;
    this.taker = undefined;
    if (!taker) return undefined;
    const dir = this.spareDir(output);
    const taken = this.readLive(output) ? await taker.take(fresh) : (await taker.close(), undefined);
    rmSync(`${dir}.json`, { force: true });
    if (!taken && existsSync(dir)) this.discard(dir);
    this.recycled = taken && { tree: new RecycledTree(fresh, taken.files), folders: taken.folders };
    return this.recycled?.tree;
  }

  // ---- the live output: every file's stat, and for rendered files their key and hash ----

  private renderManifestPath(output: string): string {
    return join(this.dir, `render-${sha256(output).slice(0, 16)}.json`);
  }

  /** The last manifest read, so the check and the render step parse it once. */
  private lastRead: { output: string; live: LiveManifest | undefined } | undefined;

  private readLive(output: string): LiveManifest | undefined {
    if (this.lastRead?.output === output) return this.lastRead.live;
    let live: LiveManifest | undefined;
    try {
      const raw = JSON.parse(readFileSync(this.renderManifestPath(output), "utf8")) as LiveManifest;
      live = raw.code === this.code && raw.files && Array.isArray(raw.search) ? raw : undefined;
    } catch {
      live = undefined;
    }
    this.lastRead = { output, live };
    return live;
  }

  private writeLive(output: string, live: LiveManifest): void {
    this.lastRead = undefined;
    const path = this.renderManifestPath(output);
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(live));
    renameSync(tmp, path);
  }

  /**
   * Whether the live output's search index was built by this code version from
   * partitions still kept: if not, the search step indexes the whole archive.
   */
  keepsSearchOf(output: string): boolean {
    const live = this.readLive(output);
    return !!live && live.search.length > 0 && live.search.every((k) => existsSync(join(this.searchEntry(k), "manifest.json")));
  }

  private manifestMap: { live: LiveManifest | undefined; files: Map<string, LiveFile> } | undefined;

  /** Output path → [key, hash, stat] of every file of the live output, as the last build recorded it. */
  readRenderManifest(output: string): Map<string, LiveFile> {
    const live = this.readLive(output);
    if (!this.manifestMap || this.manifestMap.live !== live) this.manifestMap = { live, files: new Map(Object.entries(live?.files ?? {})) };
    return this.manifestMap.files;
  }

  /**
   * Links files of the live output into `fresh` (on a second thread: linker.ts)
   * when they are as the last build recorded them. `offer` is false for a file
   * the live output's manifest does not have; `finish` names the offered files
   * that could not be linked.
   */
  liveLinker(output: string, fresh: string): { offer(rel: string): boolean; finish(): Promise<string[]> } {
    const recorded = this.readRenderManifest(output);
    const linker = new Linker(output, fresh);
    const offered: string[] = [];
    const tree = this.recycled?.tree.root === fresh ? this.recycled.tree : undefined;
    return {
      offer: (rel) => {
        const was = recorded.get(rel);
        if (!was) return false;
        linker.add(rel, liveStat(was), was[1], tree?.holds(rel));
        offered.push(rel);
        return true;
      },
      finish: async () => {
        const codes = await linker.finish();
        offered.forEach((rel, i) => {
          // Linked by stat: the file is as recorded (a file reused by its hash had another stat).
          if (codes[i] === LINKED.byStat) this.linkedWith(under(fresh, rel), liveStat(recorded.get(rel)!));
          // Not linked: the path is written anew (the linker has unlinked a file the tree held there).
          if (codes[i] === LINKED.no) tree?.free(rel);
          else tree?.keep(rel);
        });
        return offered.filter((_, i) => codes[i] === LINKED.no);
      },
    };
  }

  /**
   * Written after the swap: it describes the output that is now live, every
   * file with its stat (so the next build checks it without reading it), the
   * rendered ones also with the key and hash of `files`. `fresh`: the folder
   * the build linked files into before the swap.
   */
  async writeRenderManifest(output: string, files: Map<string, RenderedFile>, fresh = output): Promise<void> {
    // A file linked with a known stat (a page or excerpt reused by its stat, a restored search file) is that inode, untouched: not read again.
    const knownStat = (rel: string): FileStat | undefined => this.linked.get(under(fresh, rel));
    // A tree made of a spare: its folders the build did not touch are not listed again.
    const folders = this.recycled?.tree.root === fresh ? this.recycled.folders : undefined;
    this.recycled = undefined;
    const tree = await walkTree(output, (rel) => knownStat(rel) !== undefined, folders);
    const live: Record<string, LiveFile> = {};
    for (const [rel, st] of tree.files) {
      const [key, hash] = files.get(rel) ?? ["", ""];
      const s = st ?? knownStat(rel)!;
      live[rel] = [key, hash, s.size, s.mtimeMs, s.ino];
    }
    const dirs: LiveManifest["dirs"] = {};
    for (const [rel, st] of tree.dirs) dirs[rel] = [st.mtimeMs, st.ino];
    const manifest: LiveManifest = { code: this.code, inputs: this.inputs?.key ?? "", files: live, dirs, search: [...this.usedSearch].sort() };
    this.writeLive(output, manifest);
    this.recordSpare(output, manifest);
  }

  /**
   * Computes this build's input fingerprint and tells whether the build can
   * stop here: the same inputs as the build that made the live output, and
   * every file of that output (none missing, none added) and of the search
   * partitions it was made from as that build left it — by stat, else by the
   * hash of its bytes. Returns the number of files checked, or undefined when
   * anything differs (then the build runs).
   */
  checkUnchanged(root: string, output: string, options: object): number | undefined {
    this.inputs = inputFingerprint(root, this.code, options, this.memo);
    this.memo.save();
    const live = this.readLive(output);
    if (!live || !live.inputs || live.inputs !== this.inputs.key || !live.dirs) return undefined;
    let restatted = false;
    // Folders by stat; one whose stat moved is listed and its entries compared.
    let children: Map<string, string[]> | undefined;
    const childrenOf = (rel: string): string[] => {
      if (!children) {
        children = new Map();
        for (const p of [...Object.keys(live.files), ...Object.keys(live.dirs)]) {
          if (p === "") continue;
          const cut = p.lastIndexOf("/");
          const parent = cut < 0 ? "" : p.slice(0, cut);
          const list = children.get(parent);
          if (list) list.push(p.slice(cut + 1));
          else children.set(parent, [p.slice(cut + 1)]);
        }
      }
      return (children.get(rel) ?? []).sort();
    };
    for (const [rel, [mtimeMs, ino]] of Object.entries(live.dirs)) {
      const st = lstatSync(join(output, rel), { throwIfNoEntry: false });
      if (!st?.isDirectory()) return undefined;
      if (st.mtimeMs === mtimeMs && st.ino === ino) continue;
      const names = readdirSync(join(output, rel)).sort();
      if (names.join("\0") !== childrenOf(rel).join("\0")) return undefined;
      live.dirs[rel] = [st.mtimeMs, st.ino];
      restatted = true;
    }
    for (const [rel, was] of Object.entries(live.files)) {
      const st = lstatSync(join(output, rel), { throwIfNoEntry: false });
      if (!st?.isFile()) return undefined;
      const now = fileStat(st);
      if (sameStat(now, liveStat(was))) continue;
      // Touched, copied back, or altered: only its bytes can tell.
      if (!was[1] || sha256(readFileSync(join(output, rel))) !== was[1]) return undefined;
      live.files[rel] = [was[0], was[1], now.size, now.mtimeMs, now.ino];
      restatted = true;
    }
    const checked = { files: 0 };
    for (const key of live.search) if (!this.verifyPartition(key, checked)) return undefined;
    if (restatted) this.writeLive(output, live);
    return this.inputs.files + Object.keys(live.files).length + checked.files;
  }
}
