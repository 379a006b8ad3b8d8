import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lang } from "../i18n/lang.ts";
import type { Article } from "../content/article.ts";
import type { ArticleCache } from "../content/load.ts";
import type { ArticleTags, TagCache } from "../site/load.ts";
import type { Sketch, SketchCache } from "../related/pairs.ts";

/**
 * The per-article content cache: what the load, tag and related steps make
 * of each article file (the parsed article, its tags and evidence, its
 * shingles and MinHash signatures), kept between builds so that a rebuild
 * redoes them only for new or changed files.
 *
 * Each entry is keyed by a hash of the file's bytes, its path, language and
 * the site's time zone; tags are kept with a hash of the gazetteer, sketches
 * with the settings they read; the whole pack with a hash of the code (src/
 * and the lockfile). Everything lives in one file (`content.pack` in the
 * cache folder), read in one go and checked against its SHA-256 before use: a
 * corrupt or unknown pack is ignored (everything is made again), never used.
 * It is rewritten (to a temporary file, then renamed) after a build that
 * changed something, holding that build's entries only.
 *
 * Layout: "ARSHCC01", SHA-256 of the rest, u32 header length, header (JSON),
 * zero padding to 4 bytes, then the entries' bytes (article and tags as
 * UTF-8 JSON, sketches as u32 arrays in the machine's byte order at 4-byte
 * offsets).
 */

const MAGIC = Buffer.from("ARSHCC01", "latin1");
/** Raise when the pack's layout changes. */
const PACK_VERSION = 1;
const ABSENT = 0xffffffff;

type Range = [offset: number, length: number];

interface Header {
  version: number;
  code: string;
  scopes: string[];
  /** key, article range, tags scope index + range, sketch scope index + range (-1: none). */
  entries: [string, number, number, number, number, number, number, number, number][];
}

interface Entry {
  key: string;
  /** UTF-8 JSON of the article: bytes from the previous pack or made in this build. */
  article: Buffer;
  tags?: { scope: string; bytes: Buffer };
  sketch?: { scope: string; bytes: Buffer };
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
  /** Entries found in the pack this build started from (0: none, unreadable or from other code). */
  packed: number;
  articlesReused: number;
  articlesParsed: number;
  tagsReused: number;
  tagsMade: number;
  sketchesReused: number;
  sketchesMade: number;
  /** Whether the pack was rewritten at the end. */
  saved: boolean;
}

export class ContentCache implements ArticleCache {
  readonly stats: ContentCacheStats = { packed: 0, articlesReused: 0, articlesParsed: 0, tagsReused: 0, tagsMade: 0, sketchesReused: 0, sketchesMade: 0, saved: false };
  /** Entries of the pack read at the start, by key. */
  private old = new Map<string, Entry>();
  /** Entries of this build's files, by key. */
  private used = new Map<string, Entry>();
  private readonly of = new WeakMap<Article, Entry>();
  private changed = false;
  readonly file: string;

  constructor(
    readonly dir: string,
    readonly code: string = contentCodeVersion(),
  ) {
    this.file = join(dir, "content.pack");
    this.read();
  }

  private read(): void {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return;
    }
    try {
      if (buf.length < 44 || !buf.subarray(0, 8).equals(MAGIC)) throw new Error("not a content pack");
      if (!createHash("sha256").update(buf.subarray(40)).digest().equals(buf.subarray(8, 40))) throw new Error("checksum mismatch");
      // Sketches are read as u32 views of the pack: its bytes must start at a multiple of 4.
      if (buf.byteOffset % 4) buf = Buffer.from(buf);
      const hlen = buf.readUInt32LE(40);
      const header = JSON.parse(buf.toString("utf8", 44, 44 + hlen)) as Header;
      if (header.version !== PACK_VERSION || header.code !== this.code) return;
      const area = buf.subarray((44 + hlen + 3) & ~3);
      const slice = (off: number, len: number) => {
        if (off < 0 || len < 0 || off + len > area.length) throw new Error("entry out of range");
        return area.subarray(off, off + len);
      };
      for (const [key, aOff, aLen, tScope, tOff, tLen, sScope, sOff, sLen] of header.entries) {
        const e: Entry = { key, article: slice(aOff, aLen) };
        if (tScope >= 0) e.tags = { scope: header.scopes[tScope]!, bytes: slice(tOff, tLen) };
        if (sScope >= 0) {
          if (sOff % 4) throw new Error("sketch not aligned");
          e.sketch = { scope: header.scopes[sScope]!, bytes: slice(sOff, sLen) };
        }
        this.old.set(key, e);
      }
      this.stats.packed = this.old.size;
    } catch {
      // Unreadable: everything is made again, and the pack rewritten.
      this.old.clear();
      this.changed = true;
    }
  }

  private keyOf(file: string, lang: Lang, zone: string, bytes: Buffer): string {
    return createHash("sha256").update(`${lang}\0${file}\0${zone}\0`).update(bytes).digest("base64");
  }

  // ---- articles (the load step) ----

  get(file: string, lang: Lang, zone: string, bytes: Buffer): Article | undefined {
    const key = this.keyOf(file, lang, zone, bytes);
    const e = this.used.get(key) ?? this.old.get(key);
    if (!e) return undefined;
    let a: Article;
    try {
      a = JSON.parse(e.article.toString("utf8")) as Article;
    } catch {
      return undefined;
    }
    this.used.set(key, e);
    this.of.set(a, e);
    this.stats.articlesReused++;
    return a;
  }

  put(file: string, lang: Lang, zone: string, bytes: Buffer, article: Article): void {
    const key = this.keyOf(file, lang, zone, bytes);
    const e: Entry = { key, article: Buffer.from(JSON.stringify(article)) };
    this.used.set(key, e);
    this.of.set(article, e);
    this.changed = true;
    this.stats.articlesParsed++;
  }

  // ---- tags (the tag step) ----

  readonly tags: TagCache = {
    get: (a, scope) => {
      const t = this.of.get(a)?.tags;
      if (!t || t.scope !== scope) return undefined;
      this.stats.tagsReused++;
      return JSON.parse(t.bytes.toString("utf8")) as ArticleTags;
    },
    put: (a, scope, tags) => {
      const e = this.of.get(a);
      this.stats.tagsMade++;
      if (!e) return;
      e.tags = { scope, bytes: Buffer.from(JSON.stringify(tags)) };
      this.changed = true;
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
      this.changed = true;
    },
  };

  /**
   * Writes this build's entries when anything differs from the pack read at
   * the start (new or changed files, new tags or sketches, files gone), then
   * lets go of the old pack's bytes. Call once, after the related step.
   */
  save(): void {
    if (!this.changed && this.used.size === this.old.size) return this.close();
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
    const entries: Header["entries"] = [];
    // Sorted by key so that the same entries give the same bytes.
    for (const e of [...this.used.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))) {
      const a = place(e.article);
      const t = e.tags ? [scopeIndex(e.tags.scope), ...place(e.tags.bytes)] : [-1, 0, 0];
      const s = e.sketch ? [scopeIndex(e.sketch.scope), ...place(e.sketch.bytes, true)] : [-1, 0, 0];
      entries.push([e.key, ...a, ...t, ...s] as Header["entries"][number]);
    }
    const header = Buffer.from(JSON.stringify({ version: PACK_VERSION, code: this.code, scopes, entries } satisfies Header));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const pad = Buffer.alloc(((44 + header.length + 3) & ~3) - 44 - header.length);
    const hash = createHash("sha256").update(len).update(header).update(pad);
    for (const c of chunks) hash.update(c);
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    const fd = openSync(tmp, "w");
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
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(tmp, this.file);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    this.stats.saved = true;
    this.close();
  }

  /** Drops the pack's bytes (held while the steps read from it). */
  close(): void {
    this.old = new Map();
    this.used = new Map();
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
