import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";
import { HashMemo } from "./inputs.ts";
import { fileURLToPath } from "node:url";
import type { Lang } from "../i18n/lang.ts";
import type { Article } from "../content/article.ts";
import type { ArticleCache, FileStamp } from "../content/load.ts";
import type { ArticleTags, TagCache } from "../site/load.ts";
import type { PairVerdict, Sketch, SketchCache } from "../related/pairs.ts";

/**
 * The per-article content cache: what the load, tag and related steps make
 * of each article file (the parsed article, its tags and evidence, its
 * shingles and MinHash signatures), kept between builds so that a rebuild
 * redoes them only for new or changed files.
 *
 * Each entry is keyed by a hash of the file's bytes, its path, language and
 * the site's time zone; tags are kept with a hash of the gazetteer, sketches
 * with the settings they read; every pack with a hash of the code (src/ and
 * the lockfile). A file whose stat (inode, size, modified and changed times)
 * is the one recorded when its bytes were last hashed, and that had not been
 * modified for 2 s then, is not read again (the way git trusts its index;
 * the 2 s leave out a file written twice within one tick of the file
 * system's clock).
 *
 * Two files, each read in one go and checked against its SHA-256 before use
 * (a corrupt or unknown one is ignored and everything in it made again, never
 * used; one whose stat is the one recorded after such a check, at least 1 s
 * after it was written, is taken as checked, like the input files:
 * `content.sums.json`, src/build/inputs.ts HashMemo): `content.pack` holds
 * the entries of some build, `content.add` the entries made since, for that
 * pack only. A build that made something
 * rewrites the small second file, or both into one new pack when the second
 * file and the entries no build uses any more (deleted or old versions of
 * files) reach a quarter of the pack. Files are written to a temporary name,
 * then renamed.
 *
 * Layout of each: "ARSHCC01", SHA-256 of the rest, u32 header length, header
 * (JSON), zero padding to 4 bytes, then the entries' bytes (article and tags
 * as JSON in UTF-16LE, which becomes a string without decoding, unlike UTF-8
 * Arabic; sketches as u32 arrays in the machine's byte order at 4-byte
 * offsets).
 */

const MAGIC = Buffer.from("ARSHCC01", "latin1");
/** Raise when the pack's layout changes. */
const PACK_VERSION = 4;
const ABSENT = 0xffffffff;
/** A file modified less than this before its stamp was recorded is hashed again next time. */
const SETTLE_MS = 2000;
/** Each pack file's stat and checksum when the checksum was last found right (a HashMemo). */
const SUMS_FILE = "content.sums.json";

type Range = [offset: number, length: number];

/** key, where, stamp, checked, article range, then scope index + range of tags, sketch and verdicts (-1: none). */
type HeaderEntry = [string, string, string, number, number, number, number, number, number, number, number, number, number, number, number];

/** A candidate pair's verdict, kept with the pair's entry of the lower key: whether that entry's article was listed first, and the verdict. */
type Kept = [ownerFirst: boolean, verdict: PairVerdict];

interface Header {
  version: number;
  code: string;
  /** For `content.add`: the checksum of the pack it adds to. */
  base?: string;
  scopes: string[];
  entries: HeaderEntry[];
}

interface Entry {
  key: string;
  /** Language, shown path and time zone. */
  where: string;
  /** The file's stamp when its bytes were hashed, and when that was (ms since the epoch). */
  stamp: string;
  checked: number;
  /** Whether the stamp can stand for the bytes (the file had settled when it was taken). */
  trusted: boolean;
  /** JSON of the article (UTF-16LE): bytes from an earlier pack or made in this build. */
  article: Buffer;
  tags?: { scope: string; bytes: Buffer };
  sketch?: { scope: string; bytes: Buffer };
  /** Verdicts of candidate pairs with entries of higher keys (UTF-8 JSON, read when first needed). */
  verdicts?: { scope: string; bytes?: Buffer; list?: Map<string, Kept> };
  /** Made or changed in this build (written in the next save). */
  fresh: boolean;
  /** Read from `content.add` (kept there while in use). */
  added: boolean;
}

/** A hash of the code that turns files into articles, tags and sketches: the running src/ and the lockfile beside it. */
export function contentCodeVersion(): string {
  const h = createHash("sha256").update(`arshif-content-${PACK_VERSION}\0`);
  const src = fileURLToPath(new URL("..", import.meta.url));
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else h.update(`${rel}${e.name}\0`).update(readFileSync(join(dir, e.name))).update("\0");
    }
  };
  walk(src, "");
  const lock = join(src, "..", "package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest("hex");
}

export interface ContentCacheStats {
  /** Entries found in the packs this build started from (0: none, unreadable or from other code). */
  packed: number;
  /** Files taken as unchanged from their stamp, without reading them. */
  stamped: number;
  articlesReused: number;
  articlesParsed: number;
  tagsReused: number;
  tagsMade: number;
  sketchesReused: number;
  sketchesMade: number;
  verdictsReused: number;
  verdictsMade: number;
  /** What the build wrote at the end: nothing, the small second file, or a whole new pack. */
  saved: false | "add" | "pack";
  /** Pack files whose checksum was computed (the others were taken as checked by their stat). */
  packsHashed: number;
}

interface PackFile {
  sum: Buffer;
  header: Header;
  entries: Entry[];
  bytes: number;
}

export class ContentCache implements ArticleCache {
  readonly stats: ContentCacheStats = { packed: 0, stamped: 0, articlesReused: 0, articlesParsed: 0, tagsReused: 0, tagsMade: 0, sketchesReused: 0, sketchesMade: 0, verdictsReused: 0, verdictsMade: 0, saved: false, packsHashed: 0 };
  /** Entries of the packs read at the start, by key, and by where (for stamps). */
  private old = new Map<string, Entry>();
  private byWhere = new Map<string, Entry>();
  /** Entries of this build's files, by key. */
  private used = new Map<string, Entry>();
  private of = new WeakMap<Article, Entry>();
  private base: PackFile | undefined;
  private readonly started = Date.now();
  readonly file: string;
  readonly addFile: string;
  private readonly sums: HashMemo;

  constructor(
    readonly dir: string,
    readonly code: string = contentCodeVersion(),
  ) {
    this.file = join(dir, "content.pack");
    this.addFile = join(dir, "content.add");
    this.sums = new HashMemo(join(dir, SUMS_FILE));
    this.base = this.readPack(this.file);
    if (this.base) {
      for (const e of this.base.entries) this.remember(e);
      const add = this.readPack(this.addFile, this.base.sum.toString("hex"));
      for (const e of add?.entries ?? []) this.remember(e);
    }
    this.stats.packed = this.old.size;
    try {
      this.sums.save();
    } catch {
      // Not kept: the packs are hashed again next time.
    }
  }

  /** Whether `bytes` (of the file with stat `st`) hold the checksum `sum` of the rest: by the stat recorded with it, else by hashing. */
  private sumHolds(path: string, st: Stats, bytes: Buffer, sum: Buffer): boolean {
    const hex = sum.toString("hex");
    if (this.sums.known(path, st) === hex) return true;
    this.stats.packsHashed++;
    if (!createHash("sha256").update(bytes.subarray(40)).digest().equals(sum)) return false;
    this.sums.remember(path, st, hex);
    return true;
  }

  private remember(e: Entry): void {
    this.old.set(e.key, e);
    this.byWhere.set(e.where, e);
  }

  /** A pack's entries, or undefined when it is missing, unreadable, from other code or (`base`) for another pack. */
  private readPack(path: string, base?: string): PackFile | undefined {
    let buf: Buffer;
    let st: Stats;
    try {
      // The stat of the very file read (one descriptor), not of whatever the path names a moment later.
      const fd = openSync(path, "r");
      try {
        st = fstatSync(fd);
        buf = readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      return undefined;
    }
    try {
      if (buf.length < 44 || !buf.subarray(0, 8).equals(MAGIC)) return undefined;
      const sum = buf.subarray(8, 40);
      if (!this.sumHolds(path, st, buf, sum)) return undefined;
      // Sketches are read as u32 views of the pack: its bytes must start at a multiple of 4.
      if (buf.byteOffset % 4) buf = Buffer.from(buf);
      const hlen = buf.readUInt32LE(40);
      const header = JSON.parse(buf.toString("utf8", 44, 44 + hlen)) as Header;
      if (header.version !== PACK_VERSION || header.code !== this.code || header.base !== base) return undefined;
      const area = buf.subarray((44 + hlen + 3) & ~3);
      const slice = (off: number, len: number) => {
        if (off < 0 || len < 0 || off + len > area.length) throw new Error("entry out of range");
        return area.subarray(off, off + len);
      };
      const entries: Entry[] = [];
      for (const [key, where, stamp, checked, aOff, aLen, tScope, tOff, tLen, sScope, sOff, sLen, vScope, vOff, vLen] of header.entries) {
        const mtime = Number(stamp.split(":")[2]);
        const e: Entry = { key, where, stamp, checked, trusted: mtime < checked - SETTLE_MS, article: slice(aOff, aLen), fresh: false, added: base !== undefined };
        if (tScope >= 0) e.tags = { scope: header.scopes[tScope]!, bytes: slice(tOff, tLen) };
        if (sScope >= 0) {
          if (sOff % 4) throw new Error("sketch not aligned");
          e.sketch = { scope: header.scopes[sScope]!, bytes: slice(sOff, sLen) };
        }
        if (vScope >= 0) e.verdicts = { scope: header.scopes[vScope]!, bytes: slice(vOff, vLen) };
        entries.push(e);
      }
      return { sum: Buffer.from(sum), header, entries, bytes: buf.length };
    } catch {
      return undefined;
    }
  }

  private keyOf(where: string, bytes: Buffer): string {
    return createHash("sha256").update(`${where}\0`).update(bytes).digest("base64");
  }

  // ---- articles (the load step) ----

  get(file: string, lang: Lang, zone: string, stamp: FileStamp, bytes: () => Buffer): Article | undefined {
    const where = `${lang}\0${file}\0${zone}`;
    const known = this.byWhere.get(where);
    let e: Entry | undefined;
    if (known?.trusted && known.stamp === stamp.stamp) {
      e = known;
      this.stats.stamped++;
    } else {
      e = this.old.get(this.keyOf(where, bytes()));
      if (e && e.stamp !== stamp.stamp) {
        // Same bytes, another stamp (a copy, a checkout): the new stamp is recorded.
        e = { ...e, stamp: stamp.stamp, checked: this.started, trusted: false, fresh: true };
      }
    }
    if (!e) return undefined;
    let a: Article;
    try {
      a = JSON.parse(e.article.toString("utf16le")) as Article;
    } catch {
      return undefined;
    }
    this.used.set(e.key, e);
    this.of.set(a, e);
    this.stats.articlesReused++;
    return a;
  }

  put(file: string, lang: Lang, zone: string, stamp: FileStamp, bytes: Buffer, article: Article): void {
    const where = `${lang}\0${file}\0${zone}`;
    const e: Entry = {
      key: this.keyOf(where, bytes),
      where,
      stamp: stamp.stamp,
      checked: this.started,
      trusted: false,
      article: Buffer.from(JSON.stringify(article), "utf16le"),
      fresh: true,
      added: false,
    };
    this.used.set(e.key, e);
    this.of.set(article, e);
    this.stats.articlesParsed++;
  }

  // ---- tags (the tag step) ----

  readonly tags: TagCache = {
    get: (a, scope) => {
      const t = this.of.get(a)?.tags;
      if (!t || t.scope !== scope) return undefined;
      let tags: ArticleTags;
      try {
        tags = JSON.parse(t.bytes.toString("utf16le")) as ArticleTags;
      } catch {
        return undefined;
      }
      this.stats.tagsReused++;
      return tags;
    },
    put: (a, scope, tags) => {
      const e = this.of.get(a);
      this.stats.tagsMade++;
      if (!e) return;
      e.tags = { scope, bytes: Buffer.from(JSON.stringify(tags), "utf16le") };
      e.fresh = true;
    },
  };

  // ---- shingles and signatures (the related step) ----

  readonly sketches: SketchCache = {
    get: (a, scope) => {
      const s = this.of.get(a)?.sketch;
      if (!s || s.scope !== scope) return undefined;
      const sk = decodeSketch(s.bytes);
      if (sk) this.stats.sketchesReused++;
      return sk;
    },
    put: (a, scope, sketch) => {
      const e = this.of.get(a);
      this.stats.sketchesMade++;
      if (!e) return;
      e.sketch = { scope, bytes: encodeSketch(sketch) };
      e.fresh = true;
    },
    verdict: (first, second, scope) => {
      const pair = this.pairOf(first, second);
      if (!pair) return undefined;
      const kept = this.verdictsOf(pair.owner, scope)?.get(pair.other.key);
      if (!kept || kept[0] !== pair.ownerFirst) return undefined;
      this.stats.verdictsReused++;
      return kept[1];
    },
    keepVerdict: (first, second, scope, v) => {
      this.stats.verdictsMade++;
      const pair = this.pairOf(first, second);
      if (!pair) return;
      let list = this.verdictsOf(pair.owner, scope);
      if (!list) pair.owner.verdicts = { scope, list: (list = new Map()) };
      list.set(pair.other.key, [pair.ownerFirst, v]);
      pair.owner.fresh = true;
    },
  };

  /** A pair's verdict is kept with the entry of the lower key. */
  private pairOf(first: Article, second: Article): { owner: Entry; other: Entry; ownerFirst: boolean } | undefined {
    const a = this.of.get(first);
    const b = this.of.get(second);
    if (!a || !b) return undefined;
    return a.key < b.key ? { owner: a, other: b, ownerFirst: true } : { owner: b, other: a, ownerFirst: false };
  }

  private verdictsOf(e: Entry, scope: string): Map<string, Kept> | undefined {
    const v = e.verdicts;
    if (!v || v.scope !== scope) return undefined;
    if (!v.list) {
      try {
        v.list = new Map(JSON.parse(v.bytes!.toString("utf8")) as [string, Kept][]);
      } catch {
        v.list = new Map();
      }
    }
    return v.list;
  }

  /**
   * Writes what this build made (see the class comment), then lets go of the
   * packs' bytes. Call once, after the related step.
   */
  save(): void {
    const used = [...this.used.values()];
    if (!used.some((e) => e.fresh)) return this.close();
    const size = (e: Entry) => e.article.length + (e.tags?.bytes.length ?? 0) + (e.sketch?.bytes.length ?? 0);
    const add = used.filter((e) => e.fresh || e.added);
    const inUse = new Set(used.map((e) => e.key));
    const stale = this.base ? this.base.entries.reduce((n, e) => n + (inUse.has(e.key) && !this.used.get(e.key)!.fresh ? 0 : size(e)), 0) : 0;
    try {
      if (this.base && add.reduce((n, e) => n + size(e), 0) + stale < this.base.bytes / 4) {
        writePack(this.addFile, this.code, add, inUse, this.base.sum.toString("hex"));
        this.stats.saved = "add";
      } else {
        writePack(this.file, this.code, used, inUse);
        rmSync(this.addFile, { force: true });
        this.stats.saved = "pack";
      }
    } catch {
      // A cache that cannot be written (full disk, read-only folder) only means a slower next build.
    }
    this.close();
  }

  /** Drops the packs' bytes (held while the steps read from them; the articles live on, so their entries must go too). */
  close(): void {
    this.of = new WeakMap();
    this.old = new Map();
    this.byWhere = new Map();
    this.used = new Map();
    this.base = undefined;
  }
}

/** Writes `entries` as one pack file at `path` (through a temporary file and a rename). */
function writePack(path: string, code: string, entries: Entry[], inUse: Set<string>, base?: string): void {
  const scopes: string[] = [];
  const scopeIndex = (s: string) => {
    let i = scopes.indexOf(s);
    if (i < 0) i = scopes.push(s) - 1;
    return i;
  };
  const chunks: Buffer[] = [];
  let at = 0;
  const place = (b: Buffer, align = false): Range => {
    if (align && at % 4) {
      chunks.push(Buffer.alloc(4 - (at % 4)));
      at += 4 - (at % 4);
    }
    chunks.push(b);
    at += b.length;
    return [at - b.length, b.length];
  };
  const list: HeaderEntry[] = [];
  // Sorted by key so that the same entries give the same bytes.
  for (const e of [...entries].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))) {
    const a = place(e.article);
    const t = e.tags ? [scopeIndex(e.tags.scope), ...place(e.tags.bytes)] : [-1, 0, 0];
    const s = e.sketch ? [scopeIndex(e.sketch.scope), ...place(e.sketch.bytes, true)] : [-1, 0, 0];
    // Verdicts with entries no longer in use are left out.
    const kept = e.verdicts?.list ? [...e.verdicts.list].filter(([k]) => inUse.has(k)) : undefined;
    const vb = kept ? (kept.length ? Buffer.from(JSON.stringify(kept)) : undefined) : e.verdicts?.bytes;
    const v = e.verdicts && vb ? [scopeIndex(e.verdicts.scope), ...place(vb)] : [-1, 0, 0];
    list.push([e.key, e.where, e.stamp, e.checked, ...a, ...t, ...s, ...v] as HeaderEntry);
  }
  const header = Buffer.from(JSON.stringify({ version: PACK_VERSION, code, ...(base ? { base } : {}), scopes, entries: list } satisfies Header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const pad = Buffer.alloc(((44 + header.length + 3) & ~3) - 44 - header.length);
  const hash = createHash("sha256").update(len).update(header).update(pad);
  for (const c of chunks) hash.update(c);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, "w");
  let done = false;
  try {
    // Small chunks go out in batches of about 4 MB (one write call each).
    let batch: Buffer[] = [MAGIC, hash.digest(), len, header, pad];
    let size = 0;
    const flush = () => {
      const b = Buffer.concat(batch);
      for (let off = 0; off < b.length; ) off += writeSync(fd, b, off);
      batch = [];
      size = 0;
    };
    for (const c of chunks) {
      batch.push(c);
      if ((size += c.length) > 4 << 20) flush();
    }
    flush();
    closeSync(fd);
    renameSync(tmp, path);
    done = true;
  } finally {
    if (!done) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(tmp, { force: true });
    }
  }
}

/** u32s: paragraph count, each paragraph's shingle count (ABSENT: too short), doc count, signature count, then doc, paragraphs, signatures. */
export function encodeSketch(s: Sketch): Buffer {
  const n = 3 + s.paras.length + s.doc.length + s.paras.reduce((k, p) => k + (p?.length ?? 0), 0) + s.sigs.length;
  const out = new Uint32Array(n);
  let i = 0;
  out[i++] = s.paras.length;
  for (const p of s.paras) out[i++] = p ? p.length : ABSENT;
  out[i++] = s.doc.length;
  out[i++] = s.sigs.length;
  out.set(s.doc, i);
  i += s.doc.length;
  for (const p of s.paras) {
    if (!p) continue;
    out.set(p, i);
    i += p.length;
  }
  out.set(s.sigs, i);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** Views into `b` (no copy); undefined when the bytes do not hold a whole sketch. */
export function decodeSketch(b: Buffer): Sketch | undefined {
  if (b.byteOffset % 4 || b.length % 4) return undefined;
  const u = new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
  let i = 0;
  const n = u[i++];
  if (n === undefined || 3 + n > u.length) return undefined;
  const lens = Array.from(u.subarray(i, i + n));
  i += n;
  const docLen = u[i++]!;
  const sigLen = u[i++]!;
  const take = (k: number) => {
    if (i + k > u.length) throw new RangeError("short sketch");
    const v = u.subarray(i, i + k);
    i += k;
    return v;
  };
  try {
    const doc = take(docLen);
    const paras = lens.map((k) => (k === ABSENT ? undefined : take(k)));
    const sigs = take(sigLen);
    return i === u.length ? { doc, paras, sigs } : undefined;
  } catch {
    return undefined;
  }
}
