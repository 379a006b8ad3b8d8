/**
 * The word directory: for every word of the search index, in how many pages
 * and in which partitions it is. Written by the build beside the index
 * (search-words/<shard>.txt), fetched by the search page one small shard at a
 * time, so that the query analysis can ask whether a key exists, and how
 * often, without opening Pagefind partitions (each costs the reader its
 * metadata and an index chunk), and a search opens only the partitions that
 * hold every word it needs.
 *
 * A shard holds the words whose first three letters hash to it (filter
 * words: the whole word), one line
 * each: word, pages, partitions (hex bit mask, bit k for partition k). Every
 * shard is written, empty or not (a missing file would be an error on the
 * page); meta.json says how many there are, about 40 words each. Only words
 * of letters are listed (Pagefind splits other words its own way); the search
 * page asks the index itself for the others and for beginnings shorter than
 * three letters.
 */
export const WORDS_DIR = "search-words/";
export const WORDS_META = "meta.json";

const LETTERS = /^\p{L}+$/u;
const FILTER_MARK = "\u0649";

/** The shard of `word` (or of every word beginning with it) among `shards`; undefined: not in the directory. */
export function shardOf(word: string, shards: number): number | undefined {
  const chars = [...word];
  if (chars.length < 3 || !LETTERS.test(word)) return undefined;
  // FNV-1a over the first three letters; over the whole word for filter words (ى…ى), which
  // share their first letters and are never asked as beginnings (no typed word has ى).
  let h = 0x811c9dc5;
  for (const c of word.startsWith(FILTER_MARK) ? chars : chars.slice(0, 3)) {
    h ^= c.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

export interface Entry {
  pages: number;
  parts: bigint;
}

/** Collects, partition by partition, the distinct words of each record. */
export class WordDirectory {
  private readonly words = new Map<string, { pages: number; parts: bigint }>();

  /** One record's indexed content (space-separated words) in partition `part`. */
  add(part: number, content: string): void {
    const bit = 1n << BigInt(part);
    for (const w of new Set(content.split(" "))) {
      const e = this.words.get(w);
      if (e) {
        e.pages++;
        e.parts |= bit;
      } else if (shardOf(w, 1) !== undefined) this.words.set(w, { pages: 1, parts: bit });
    }
  }

  /** How many words it holds. */
  get size(): number {
    return this.words.size;
  }

  /** Every entry, one line each as in a shard file, sorted: a build shard's share (src/build/shard.ts), summed by `addEntries`. */
  entries(): string {
    return [...this.words.keys()].sort().map((w) => `${w} ${this.words.get(w)!.pages} ${this.words.get(w)!.parts.toString(16)}\n`).join("");
  }

  /** Adds another directory's `entries()`: pages summed, partitions joined (each record is in one share only). */
  addEntries(text: string): void {
    for (const [w, { pages, parts }] of parseShard(text)) {
      const e = this.words.get(w);
      if (e) {
        e.pages += pages;
        e.parts |= parts;
      } else this.words.set(w, { pages, parts });
    }
  }

  /** Another directory's `entries()` of one partition (as partition 0), counted as partition `part`: a cached partition's share. */
  addEntriesAt(part: number, text: string): void {
    const bit = 1n << BigInt(part);
    for (const [w, { pages }] of parseShard(text)) {
      const e = this.words.get(w);
      if (e) {
        e.pages += pages;
        e.parts |= bit;
      } else this.words.set(w, { pages, parts: bit });
    }
  }

  /** The files: meta.json and every shard (sorted words: the same input gives the same files). */
  files(): Map<string, string> {
    let shards = 1;
    while (shards < this.words.size / 40) shards *= 2;
    const lines: string[][] = Array.from({ length: shards }, () => []);
    for (const w of [...this.words.keys()].sort()) {
      const e = this.words.get(w)!;
      lines[shardOf(w, shards)!]!.push(`${w} ${e.pages} ${e.parts.toString(16)}\n`);
    }
    const out = new Map<string, string>([[WORDS_META, JSON.stringify({ shards })]]);
    lines.forEach((l, i) => out.set(`${i}.txt`, l.join("")));
    return out;
  }
}

export function parseShard(text: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const line of text.split("\n")) {
    const [w, n, parts] = line.split(" ");
    if (w && n && parts) out.set(w, { pages: Number(n), parts: BigInt(`0x${parts}`) });
  }
  return out;
}

/**
 * What a shard says of `term`: a whole indexed word (ending in `wordEnd`) is
 * found as itself; a beginning, as every word it begins (the most pages of
 * one word: a lower bound of the pages holding any, exact when none).
 */
export function lookUp(shard: Map<string, Entry>, term: string, wordEnd: string): Entry {
  if (term.endsWith(wordEnd)) return shard.get(term) ?? { pages: 0, parts: 0n };
  let pages = 0;
  let parts = 0n;
  for (const [w, e] of shard) {
    if (!w.startsWith(term)) continue;
    pages = Math.max(pages, e.pages);
    parts |= e.parts;
  }
  return { pages, parts };
}
