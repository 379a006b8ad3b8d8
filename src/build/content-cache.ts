import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { HashMemo, fileStat, sameStat, type FileStat } from "./inputs.ts";
import { fileURLToPath } from "node:url";
import type { Lang } from "../i18n/lang.ts";
import type { Article } from "../content/article.ts";
import { articleBody, decodeBody, encodeBody, setBody, type ArticleBody } from "../content/body.ts";
import { articlePrintOf } from "../archive/prints.ts";
import { jsonBytesHash } from "../archive/lazy.ts";
import type { ArticleCache, FileStamp } from "../content/load.ts";
import type { ArticleTags, TagCache } from "../site/load.ts";
import type { TaggerEntry } from "../entities/retag.ts";
import type { KeptCandidates, PairVerdict, Sketch, SketchCache } from "../related/pairs.ts";

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
 * Layout of each: "ARSHCC02", SHA-256 of the rest, every entry's body, then
 * the rest of each entry (article and tags as JSON in UTF-16LE, which becomes
 * a string without decoding, unlike UTF-8 Arabic, as are bodies; sketches as
 * u32 arrays in the machine's byte order at 4-byte offsets), then the header
 * (JSON, saying where the rest starts) and its length (u32). The header comes
 * last so that a pack is written as its entries are encoded, without holding
 * them all. Bodies come first so that a pack trusted by its stat is read
 * without them: half its bytes, which a rebuild needs only for the few pages
 * it renders (each read from the file when asked for).
 *
 * An article's body is not parsed with the article: it is read from the pack
 * when asked for (src/content/body.ts), and once this build's entries are
 * saved, the bodies parsed in this build are let go and read from the pack
 * too. A pack read again is trusted by its stat, as when it was checked; when
 * that fails, the article file is parsed again (and must give the same body).
 */

const MAGIC = Buffer.from("ARSHCC02", "latin1");
/** Raise when the pack's layout changes. */
const PACK_VERSION = 8;
/** Magic and checksum: where the entries' bytes start (a multiple of 4, for sketches). */
const AREA = 40;
const ABSENT = 0xffffffff;
/** A file modified less than this before its stamp was recorded is hashed again next time. */
const SETTLE_MS = 2000;
/** Each pack file's stat and checksum when the checksum was last found right (a HashMemo). */
const SUMS_FILE = "content.sums.json";

type Range = [offset: number, length: number];

/** key, where, stamp, checked, article range, body range, then scope index + range of tags, sketch and verdicts (-1: none), then the article's print. */
type HeaderEntry = [string, string, string, number, number, number, number, number, number, number, number, number, number, number, number, number, number, string];

/** A candidate pair's verdict, kept with the pair's entry of the lower key: whether that entry's article was listed first, and the verdict. */
type Kept = [ownerFirst: boolean, verdict: PairVerdict];

interface Header {
  version: number;
  code: string;
  /** Where the entries' parts other than bodies start (from the entries' area, a multiple of 4). */
  rest: number;
  /** For `content.add`: the checksum of the pack it adds to. */
  base?: string;
  scopes: string[];
  entries: HeaderEntry[];
}

/** A pack file as it was when its checksum held. */
interface PackRef {
  path: string;
  stat: FileStat;
}

/**
 * Where an entry's body is: bytes of a pack read whole (until the cache lets
 * go of them), and its place in a pack file on disk.
 */
interface BodyAt {
  bytes?: Buffer;
  pack?: PackRef;
  /** Offset in the pack file, and length. */
  at: number;
  length: number;
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
  /** JSON of the article without its body (UTF-16LE) from an earlier pack, or the article parsed in this build (encoded when saved). */
  article: Buffer | Article;
  /** The article's print (src/archive/prints.ts): the hash of those bytes, made when they were written. */
  print?: string;
  /** The body in a pack; none for an article parsed in this build until it is saved. */
  body?: BodyAt;
  tags?: { scope: string; bytes?: Buffer; value?: ArticleTags };
  sketch?: { scope: string; bytes?: Buffer; value?: Sketch };
  /** Verdicts of candidate pairs with entries of higher keys (UTF-8 JSON, read when first needed). */
  verdicts?: { scope: string; bytes?: Buffer; list?: Map<string, Kept> };
  /** For an article parsed in this build: how its file gives its body again (once saved, the body is read from the pack). */
  reread?: (bodyHash: string) => ArticleBody;
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
  /** Tags made with the last gazetteer that an edit of its Arabic names left as they were (src/entities/retag.ts). */
  tagsCarried: number;
  sketchesReused: number;
  sketchesMade: number;
  verdictsReused: number;
  verdictsMade: number;
  /** What the build wrote at the end: nothing, the small second file, or a whole new pack. */
  saved: false | "add" | "pack";
  /** Pack files whose checksum was computed (the others were taken as checked by their stat). */
  packsHashed: number;
  /** Bytes read from pack files when the cache opened them (a pack taken as checked is read without its bodies). */
  packBytesRead: number;
}

interface PackFile {
  sum: Buffer;
  header: Header;
  entries: Entry[];
  bytes: number;
}

export class ContentCache implements ArticleCache {
  readonly stats: ContentCacheStats = { packed: 0, stamped: 0, articlesReused: 0, articlesParsed: 0, tagsReused: 0, tagsMade: 0, tagsCarried: 0, sketchesReused: 0, sketchesMade: 0, verdictsReused: 0, verdictsMade: 0, saved: false, packsHashed: 0, packBytesRead: 0 };
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
  /** The packs this build wrote, with the checksum computed as they were written. */
  private readonly written: { path: string; sum: string }[] = [];

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

  private remember(e: Entry): void {
    this.old.set(e.key, e);
    this.byWhere.set(e.where, e);
  }

  /** A pack's entries, or undefined when it is missing, unreadable, from other code or (`base`) for another pack. */
  private readPack(path: string, base?: string): PackFile | undefined {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch {
      return undefined;
    }
    try {
      // The stat of the very file read (one descriptor), not of whatever the path names a moment later.
      const st = fstatSync(fd);
      if (st.size < AREA + 4) return undefined;
      const head = readRange(fd, 0, AREA);
      if (!head.subarray(0, 8).equals(MAGIC)) return undefined;
      const sum = head.subarray(8, AREA);
      const hlen = readRange(fd, st.size - 4, 4).readUInt32LE(0);
      const end = st.size - 4 - hlen;
      if (end < AREA) return undefined;
      let header: Header;
      let area: Buffer;
      let from: number;
      if (this.sums.known(path, st) === sum.toString("hex")) {
        // Checked before, unchanged since: everything but the bodies.
        header = JSON.parse(readRange(fd, end, hlen).toString("utf8")) as Header;
        if (!Number.isInteger(header.rest) || header.rest % 4 || AREA + header.rest > end) return undefined;
        from = header.rest;
        area = readRange(fd, AREA + from, end - AREA - from);
        this.stats.packBytesRead += AREA + 4 + hlen + area.length;
      } else {
        const all = readRange(fd, 0, st.size);
        this.stats.packsHashed++;
        this.stats.packBytesRead += all.length;
        if (!createHash("sha256").update(all.subarray(AREA)).digest().equals(sum)) return undefined;
        this.sums.remember(path, st, sum.toString("hex"));
        header = JSON.parse(all.toString("utf8", end, end + hlen)) as Header;
        from = 0;
        area = all.subarray(AREA, end);
      }
      if (header.version !== PACK_VERSION || header.code !== this.code || header.base !== base) return undefined;
      // Ranges are from the start of the entries' area; `area` starts at `from` in it.
      const slice = (off: number, len: number) => {
        if (off < from || len < 0 || off + len > from + area.length) throw new Error("entry out of range");
        return area.subarray(off - from, off - from + len);
      };
      const pack: PackRef = { path, stat: fileStat(st) };
      const entries: Entry[] = [];
      for (const [key, where, stamp, checked, aOff, aLen, bOff, bLen, tScope, tOff, tLen, sScope, sOff, sLen, vScope, vOff, vLen, print] of header.entries) {
        const mtime = Number(stamp.split(":")[2]);
        if (bOff < 0 || bLen < 0 || bOff + bLen > header.rest) throw new Error("body out of range");
        // A body is held only when the whole pack was read (it was being checked): else it is read when asked for.
        const body: BodyAt = { ...(from === 0 ? { bytes: slice(bOff, bLen) } : {}), pack, at: AREA + bOff, length: bLen };
        const e: Entry = { key, where, stamp, checked, trusted: mtime < checked - SETTLE_MS, article: slice(aOff, aLen), body, fresh: false, added: base !== undefined };
        if (typeof print !== "string") throw new Error("entry without a print");
        e.print = print;
        if (tScope >= 0) e.tags = { scope: header.scopes[tScope]!, bytes: slice(tOff, tLen) };
        if (sScope >= 0) {
          if (sOff % 4) throw new Error("sketch not aligned");
          e.sketch = { scope: header.scopes[sScope]!, bytes: slice(sOff, sLen) };
        }
        if (vScope >= 0) e.verdicts = { scope: header.scopes[vScope]!, bytes: slice(vOff, vLen) };
        entries.push(e);
      }
      return { sum: Buffer.from(sum), header, entries, bytes: st.size };
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  private keyOf(where: string, bytes: Buffer): string {
    return createHash("sha256").update(`${where}\0`).update(bytes).digest("base64");
  }

  // ---- articles (the load step) ----

  get(file: string, lang: Lang, zone: string, stamp: FileStamp, bytes: () => Buffer, reread: (bodyHash: string) => ArticleBody): Article | undefined {
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
    if (!e || !Buffer.isBuffer(e.article) || !e.body) return undefined;
    let a: Article;
    try {
      a = JSON.parse(e.article.toString("utf16le")) as Article;
    } catch {
      return undefined;
    }
    setBody(a, bodyReader(e.body, a, reread));
    // Its print, made from these bytes when they were written (JSON.stringify gives them back from what they parse to).
    if (e.print) articlePrintOf(a, e.print);
    this.used.set(e.key, e);
    this.of.set(a, e);
    this.stats.articlesReused++;
    return a;
  }

  put(file: string, lang: Lang, zone: string, stamp: FileStamp, bytes: Buffer, article: Article, reread: (bodyHash: string) => ArticleBody): void {
    const where = `${lang}\0${file}\0${zone}`;
    const e: Entry = {
      key: this.keyOf(where, bytes),
      where,
      stamp: stamp.stamp,
      checked: this.started,
      trusted: false,
      article,
      reread,
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
        tags = t.value ?? (JSON.parse(t.bytes!.toString("utf16le")) as ArticleTags);
      } catch {
        return undefined;
      }
      this.stats.tagsReused++;
      return tags;
    },
    put: (a, scope, tags, carried) => {
      const e = this.of.get(a);
      if (carried) this.stats.tagsCarried++;
      else this.stats.tagsMade++;
      if (!e) return;
      e.tags = { scope, value: tags };
      e.fresh = true;
    },
    lastGazetteer: () => {
      const kept = readCheckedJson<{ code: string; scope: string; entries: TaggerEntry[] }>(join(this.dir, GAZETTEER_FILE));
      return kept?.code === this.code ? { scope: kept.scope, entries: kept.entries } : undefined;
    },
    keepGazetteer: (scope, entries) => {
      this.gazetteer = { scope, entries };
    },
  };

  /** The gazetteer this build tagged with, written beside the pack that holds its tags. */
  private gazetteer: { scope: string; entries: TaggerEntry[] } | undefined;

  // ---- shingles and signatures (the related step) ----

  readonly sketches: SketchCache = {
    get: (a, scope) => {
      const s = this.of.get(a)?.sketch;
      if (!s || s.scope !== scope) return undefined;
      const sk = s.value ?? decodeSketch(s.bytes!);
      if (sk) this.stats.sketchesReused++;
      return sk;
    },
    put: (a, scope, sketch) => {
      const e = this.of.get(a);
      this.stats.sketchesMade++;
      if (!e) return;
      e.sketch = { scope, value: sketch };
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
    candidates: (scope) => readCandidates(join(this.dir, CANDIDATES_FILE), this.code, scope),
    keepCandidates: (scope, kept) => {
      try {
        writeCandidates(join(this.dir, CANDIDATES_FILE), this.code, scope, kept);
      } catch {
        // Not kept: the next build finds every candidate again.
      }
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
    const add = used.filter((e) => e.fresh || e.added);
    const inUse = new Set(used.map((e) => e.key));
    const stale = this.base ? this.base.entries.reduce((n, e) => n + (inUse.has(e.key) && !this.used.get(e.key)!.fresh ? 0 : entrySize(e)), 0) : 0;
    try {
      if (this.base && add.reduce((n, e) => n + entrySize(e), 0) + stale < this.base.bytes / 4) {
        this.release(writePack(this.addFile, this.code, add, inUse, this.base.sum.toString("hex")));
        this.stats.saved = "add";
      } else {
        this.release(writePack(this.file, this.code, used, inUse));
        rmSync(this.addFile, { force: true });
        this.stats.saved = "pack";
      }
      // After the pack: a gazetteer file newer than its pack's tags finds none of them (each entry names its scope).
      if (this.gazetteer) writeCheckedJson(join(this.dir, GAZETTEER_FILE), { code: this.code, ...this.gazetteer });
    } catch {
      // A cache that cannot be written (full disk, read-only folder) only means a slower next build.
    }
    this.close();
  }

  /**
   * Points the written entries' bodies at the pack just written, and lets go
   * of the bodies parsed in this build: from now on they are read from it.
   */
  private release(written: Written): void {
    this.written.push({ path: written.path, sum: written.sum });
    const pack: PackRef = { path: written.path, stat: written.stat };
    for (const [e, at, length] of written.bodies) {
      if (e.body) Object.assign(e.body, { pack, at, length });
      else if (!Buffer.isBuffer(e.article) && e.reread) {
        e.body = { pack, at, length };
        setBody(e.article, bodyReader(e.body, e.article, e.reread));
      }
    }
  }

  /**
   * Takes the packs this build wrote as checked, as a pack found right by its
   * checksum is: the checksum was computed from the bytes as they were
   * written. Recorded with the stat they have now (the rename changed it) once
   * the file system's clock has moved on since (HashMemo.remember), which at
   * the end of a build it has: the next build reads them without hashing them
   * whole (a 10k archive's pack: 150 MB).
   */
  vouch(): void {
    if (!this.written.length) return;
    for (const { path, sum } of this.written.splice(0)) {
      const st = statSync(path, { throwIfNoEntry: false });
      if (st) this.sums.remember(path, st, sum);
    }
    try {
      this.sums.save();
    } catch {
      // Not kept: the packs are hashed again next time.
    }
  }

  /** Drops the packs' bytes (held while the steps read from them; the articles live on, so their entries must go too). */
  close(): void {
    for (const e of this.used.values()) if (e.body) e.body.bytes = undefined;
    this.of = new WeakMap();
    this.old = new Map();
    this.byWhere = new Map();
    this.used = new Map();
    this.base = undefined;
  }
}

/** An article's body, read each time from where its entry says, or from its file when that fails. */
function bodyReader(at: BodyAt, a: Article, reread: (bodyHash: string) => ArticleBody): () => ArticleBody {
  return () => {
    const bytes = at.bytes ?? readAt(at);
    if (bytes) {
      try {
        return decodeBody(bytes);
      } catch {
        // Not a body: the file is parsed again.
      }
    }
    return reread(a.bodyHash);
  };
}

/** A body's bytes from its pack file, when the file is still the one that was checked. */
function readAt(at: BodyAt): Buffer | undefined {
  if (!at.pack) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(at.pack.path, "r");
    if (!sameStat(fileStat(fstatSync(fd)), at.pack.stat)) return undefined;
    return readRange(fd, at.at, at.length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `length` bytes of the file from `position`, in a buffer of their own (at offset 0, so u32 views of it line up); throws when the file is shorter. */
function readRange(fd: number, position: number, length: number): Buffer {
  const b = Buffer.allocUnsafeSlow(length);
  for (let got = 0; got < length; ) {
    const n = readSync(fd, b, got, length - got, position + got);
    if (n === 0) throw new Error("short read");
    got += n;
  }
  return b;
}

/** About how many bytes an entry takes in a pack (to choose between rewriting the pack and the small file). */
function entrySize(e: Entry): number {
  const article = Buffer.isBuffer(e.article) ? e.article.length : 2 * JSON.stringify(e.article).length;
  let body = e.body?.length ?? 0;
  if (!e.body && !Buffer.isBuffer(e.article)) {
    const b = articleBody(e.article);
    body = 2 * (b.html.length + b.paragraphs.reduce((n, p) => n + p.length + 3, 0));
  }
  const tags = e.tags ? (e.tags.bytes?.length ?? 2 * JSON.stringify(e.tags.value).length) : 0;
  const sk = e.sketch?.value;
  const sketch = e.sketch ? (e.sketch.bytes?.length ?? 4 * (3 + sk!.paras.length + sk!.doc.length + sk!.paras.reduce((n, p) => n + (p?.length ?? 0), 0) + sk!.sigs.length)) : 0;
  return article + body + tags + sketch;
}

/** A pack written: its path, its stat (of the file written, whatever the path names later), and where each entry's body now is in it. */
interface Written {
  path: string;
  stat: FileStat;
  /** The SHA-256 the pack carries, of the bytes as they were written (hex). */
  sum: string;
  bodies: [entry: Entry, at: number, length: number][];
}

/**
 * Writes `entries` as one pack file at `path` (through a temporary file and a
 * rename), each entry encoded as it is written, in batches of about 4 MB.
 */
function writePack(path: string, code: string, entries: Entry[], inUse: Set<string>, base?: string): Written {
  const scopes: string[] = [];
  const scopeIndex = (s: string) => {
    let i = scopes.indexOf(s);
    if (i < 0) i = scopes.push(s) - 1;
    return i;
  };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, "w");
  const hash = createHash("sha256");
  const bodies: Written["bodies"] = [];
  let stat: FileStat | undefined;
  let sum = "";
  let done = false;
  try {
    let batch: Buffer[] = [];
    let size = 0;
    // Where the next byte goes, from the start of the entries' area.
    let at = 0;
    const flush = () => {
      const b = Buffer.concat(batch);
      for (let off = 0; off < b.length; ) off += writeSync(fd, b, off, b.length - off, AREA + at - size + off);
      batch = [];
      size = 0;
    };
    const place = (b: Buffer, align = false): Range => {
      if (align && at % 4) {
        const pad = Buffer.alloc(4 - (at % 4));
        batch.push(pad);
        hash.update(pad);
        at += pad.length;
        size += pad.length;
      }
      batch.push(b);
      hash.update(b);
      at += b.length;
      size += b.length;
      const range: Range = [at - b.length, b.length];
      if (size > 4 << 20) flush();
      return range;
    };
    const list: HeaderEntry[] = [];
    // Sorted by key so that the same entries give the same bytes.
    const sorted = [...entries].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    // First every body, then the rest of every entry (see the layout above).
    const bodyRanges = sorted.map((e) => {
      const body = e.body?.bytes ?? (Buffer.isBuffer(e.article) ? readAt(e.body!) : encodeBody(articleBody(e.article)));
      if (!body) throw new Error("a body to keep could not be read");
      const b = place(body);
      bodies.push([e, AREA + b[0], b[1]]);
      return b;
    });
    if (at % 4) place(Buffer.alloc(4 - (at % 4)));
    const rest = at;
    for (const [n, e] of sorted.entries()) {
      const fresh = !Buffer.isBuffer(e.article);
      const articleBytes = fresh ? Buffer.from(JSON.stringify(e.article), "utf16le") : (e.article as Buffer);
      const a = place(articleBytes);
      const b = bodyRanges[n]!;
      const tb = e.tags && (e.tags.bytes ?? Buffer.from(JSON.stringify(e.tags.value), "utf16le"));
      const t = e.tags ? [scopeIndex(e.tags.scope), ...place(tb!)] : [-1, 0, 0];
      const sb = e.sketch && (e.sketch.bytes ?? encodeSketch(e.sketch.value!));
      const s = e.sketch ? [scopeIndex(e.sketch.scope), ...place(sb!, true)] : [-1, 0, 0];
      // Verdicts with entries no longer in use are left out.
      const kept = e.verdicts?.list ? [...e.verdicts.list].filter(([k]) => inUse.has(k)) : undefined;
      const vb = kept ? (kept.length ? Buffer.from(JSON.stringify(kept)) : undefined) : e.verdicts?.bytes;
      const v = e.verdicts && vb ? [scopeIndex(e.verdicts.scope), ...place(vb)] : [-1, 0, 0];
      list.push([e.key, e.where, e.stamp, e.checked, ...a, ...b, ...t, ...s, ...v, e.print ?? jsonBytesHash(articleBytes)] as HeaderEntry);
    }
    const header = Buffer.from(JSON.stringify({ version: PACK_VERSION, code, rest, ...(base ? { base } : {}), scopes, entries: list } satisfies Header));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    place(header);
    place(len);
    flush();
    const digest = hash.digest();
    sum = digest.toString("hex");
    const head = Buffer.concat([MAGIC, digest]);
    for (let off = 0; off < head.length; ) off += writeSync(fd, head, off, head.length - off, off);
    stat = fileStat(fstatSync(fd));
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
  return { path, stat: stat!, sum, bodies };
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

/** The last build's candidate pairs (related/pairs.ts KeptCandidates): its SHA-256, a line break, then JSON. */
const CANDIDATES_FILE = "candidates.json";
/** What the tagger read of the gazetteer the pack's tags were made with (src/entities/retag.ts). */
const GAZETTEER_FILE = "tag-gazetteer.json";

/** A JSON file written after the SHA-256 of its bytes (a line): undefined when missing, corrupt or partial. */
function readCheckedJson<T>(path: string): T | undefined {
  try {
    const bytes = readFileSync(path);
    const cut = bytes.indexOf(10);
    const body = bytes.subarray(cut + 1);
    if (cut !== 64 || bytes.subarray(0, 64).toString("latin1") !== createHash("sha256").update(body).digest("hex")) return undefined;
    return JSON.parse(body.toString("utf8")) as T;
  } catch {
    return undefined;
  }
}

function writeCheckedJson(path: string, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  const tmp = `${path}.tmp-${process.pid}`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${createHash("sha256").update(body).digest("hex")}\n`), body]));
  renameSync(tmp, path);
}

function readCandidates(path: string, code: string, scope: string): KeptCandidates | undefined {
  const kept = readCheckedJson<{ code: string; scope: string; stories: string[]; firsts: number[]; seconds: number[] }>(path);
  if (kept?.code !== code || kept.scope !== scope) return undefined;
  return { stories: kept.stories, firsts: Uint32Array.from(kept.firsts), seconds: Uint32Array.from(kept.seconds) };
}

function writeCandidates(path: string, code: string, scope: string, kept: KeptCandidates): void {
  writeCheckedJson(path, { code, scope, stories: kept.stories, firsts: [...kept.firsts], seconds: [...kept.seconds] });
}
