/**
 * A plain Aho–Corasick automaton over UTF-16 code units, for the tagger.
 *
 * modern-ahocorasick segments every text into grapheme clusters with
 * Intl.Segmenter first, which costs about 5 ms per article — most of a
 * 10,000-article build's tagging time (bench/). The tagger matches normalised
 * text (no diacritics, no tatweel) and checks word boundaries itself, so code
 * units are enough, and this is two orders of magnitude faster.
 */
export interface Hit<T> {
  start: number;
  end: number;
  patternIndex: number;
  data: T;
}

export class Automaton<T> {
  // Transitions keyed state * 65536 + code unit: one flat Map, no per-state objects.
  readonly #next = new Map<number, number>();
  readonly #fail: number[] = [0];
  /** Nearest state on the fail chain (itself included) that ends a pattern, or -1. */
  readonly #out: number[] = [-1];
  /** Pattern indexes ending at each state. */
  readonly #ends: number[][] = [[]];
  readonly #patterns: { pattern: string; data: T }[];
  /** The root's transitions as a table: most characters of a text lead back to the root, and are looked up there. */
  readonly #root = new Int32Array(65536);

  constructor(patterns: readonly { pattern: string; data: T }[]) {
    this.#patterns = [...patterns];
    patterns.forEach(({ pattern }, i) => {
      let s = 0;
      for (let k = 0; k < pattern.length; k++) {
        const key = s * 65536 + pattern.charCodeAt(k);
        let t = this.#next.get(key);
        if (t === undefined) {
          t = this.#fail.length;
          this.#fail.push(0);
          this.#out.push(-1);
          this.#ends.push([]);
          this.#next.set(key, t);
        }
        s = t;
      }
      if (pattern.length) this.#ends[s]!.push(i);
    });
    for (const [key, t] of this.#next) if (key < 65536) this.#root[key] = t;
    // Children of each state, for the breadth-first pass.
    const children: [number, number][][] = this.#fail.map(() => []);
    for (const [key, t] of this.#next) children[Math.floor(key / 65536)]!.push([key % 65536, t]);
    const queue: number[] = [];
    for (const [, t] of children[0]!) queue.push(t);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      this.#out[s] = this.#ends[s]!.length ? s : this.#out[this.#fail[s]!]!;
      for (const [c, t] of children[s]!) {
        this.#fail[t] = this.#step(this.#fail[s]!, c);
        queue.push(t);
      }
    }
  }

  #step(s: number, c: number): number {
    for (;;) {
      if (s === 0) return this.#root[c]!;
      const t = this.#next.get(s * 65536 + c);
      if (t !== undefined) return t;
      s = this.#fail[s]!;
    }
  }

  /** Every occurrence of every pattern (overlapping), by end position. */
  *all(text: string): Generator<Hit<T>> {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = this.#step(s, text.charCodeAt(i));
      for (let o = this.#out[s]!; o !== -1; o = this.#out[this.#fail[o]!]!) {
        for (const p of this.#ends[o]!) {
          const { pattern, data } = this.#patterns[p]!;
          yield { start: i + 1 - pattern.length, end: i + 1, patternIndex: p, data };
        }
        if (o === 0) break;
      }
    }
  }
}
