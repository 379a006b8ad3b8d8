/**
 * Pagefind splits a partition's word index into chunks, each a range of
 * words (`from` to `to`, both cut short), and a search fetches only the
 * chunks it needs. For a word being typed, Pagefind 1.5.2 fetches only the
 * chunk whose range holds the typed beginning itself, so when the words it
 * begins run on into the next chunks, the pages that hold only those words
 * are not found: «الأع» found 387 of the corpus's 1,052 pages with a word
 * beginning with اع (docs/search.md). The search page reads each partition's
 * chunk table from Pagefind's metadata file and preloads, before searching
 * a beginning, one word of every chunk the beginning's words may fall in.
 */

/** One chunk of a Pagefind word index: its first and last word, cut short by Pagefind. */
export interface ChunkRange {
  from: string;
  to: string;
}

const SIGNATURE = "pagefind_dcd";

/** The chunk table of a Pagefind metadata file (`pagefind.<language>.pf_meta`), decompressed; undefined when it is not one. */
export function chunkTable(meta: Uint8Array): ChunkRange[] | undefined {
  const sig = new TextDecoder().decode(meta.subarray(0, SIGNATURE.length));
  if (sig !== SIGNATURE) return undefined;
  let value: unknown;
  try {
    value = new CborReader(meta, SIGNATURE.length).read();
  } catch {
    return undefined;
  }
  // [version, pages, index chunks: [from, to, hash][], filter chunks, sorts, meta fields].
  const chunks = Array.isArray(value) ? value[2] : undefined;
  if (!Array.isArray(chunks)) return undefined;
  const out: ChunkRange[] = [];
  for (const c of chunks) {
    if (!Array.isArray(c) || typeof c[0] !== "string" || typeof c[1] !== "string") return undefined;
    out.push({ from: c[0], to: c[1] });
  }
  return out;
}

/**
 * The words to preload so that every chunk that may hold a word beginning
 * with `beginning` is fetched: each such chunk's first word (Pagefind fetches
 * for a word the chunk whose range holds it). A chunk's last word is cut
 * short, so its range is taken as running to every word that begins with it.
 */
export function chunkProbes(table: readonly ChunkRange[], beginning: string): string[] {
  const past = `${beginning}\uffff`;
  return table.filter((c) => c.from <= c.to && c.from < past && `${c.to}\uffff` >= beginning).map((c) => c.from);
}

/** Just what a Pagefind metadata file uses of CBOR (RFC 8949): numbers, strings, arrays, maps and simple values. */
class CborReader {
  private readonly view: DataView;
  private readonly text = new TextDecoder();
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  read(): unknown {
    const head = this.byte();
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      // A float: not among what is read here, passed over.
      if (info >= 25 && info <= 27) {
        this.skip(2 ** (info - 24));
        return undefined;
      }
      throw new Error(`CBOR: simple value ${info}`);
    }
    if (info === 31) {
      if (major !== 4 && major !== 5) throw new Error("CBOR: indefinite length");
      const out: unknown[] = [];
      while (this.bytes[this.at] !== 0xff) out.push(this.read());
      this.at++;
      // A map's keys and values, read and not kept (the chunk table is in arrays).
      return major === 4 ? out : undefined;
    }
    const n = this.length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return this.take(n);
      case 3:
        return this.text.decode(this.take(n));
      case 4:
        return Array.from({ length: n }, () => this.read());
      case 5: {
        const out = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) out.set(this.read(), this.read());
        return out;
      }
      default:
        // Tags (6): the tagged value.
        return this.read();
    }
  }

  private length(info: number): number {
    if (info < 24) return info;
    if (info === 24) return this.byte();
    if (info === 25) return this.view.getUint16(this.skip(2));
    if (info === 26) return this.view.getUint32(this.skip(4));
    if (info === 27) return Number(this.view.getBigUint64(this.skip(8)));
    throw new Error(`CBOR: length ${info}`);
  }

  private byte(): number {
    if (this.at >= this.bytes.length) throw new Error("CBOR: ends early");
    return this.bytes[this.at++]!;
  }

  /** Moves past `n` bytes; returns where they start. */
  private skip(n: number): number {
    const start = this.at;
    if (start + n > this.bytes.length) throw new Error("CBOR: ends early");
    this.at += n;
    return start;
  }

  private take(n: number): Uint8Array {
    return this.bytes.subarray(this.skip(n), this.at);
  }
}
