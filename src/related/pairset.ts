/** Which 32-bit word of a 64-bit number is the high one on this machine (for packing two u32 into one and sorting natively). */
export const HIGH_WORD = new Uint32Array(BigUint64Array.of(1n << 32n).buffer)[1] === 1 ? 1 : 0;

/**
 * A set of pairs of item numbers (each below 2^32 - 1), by open addressing
 * over typed arrays. The LSH pass of a large archive meets millions of pairs;
 * as keys of a JS Set (i · n + j, beyond 2^31) each was a boxed number in a
 * table of objects, here they are two u32 in flat arrays.
 */
export class PairSet {
  /** First item + 1 (0: empty slot), and the second item, per slot. */
  private first: Uint32Array;
  private second: Uint32Array;
  private count = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.first = new Uint32Array(cap);
    this.second = new Uint32Array(cap);
  }

  get size(): number {
    return this.count;
  }

  private slot(i: number, j: number): number {
    const mask = this.first.length - 1;
    let h = Math.imul(i ^ Math.imul(j, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let at = h & mask;
    const a = i + 1;
    for (;;) {
      const f = this.first[at]!;
      if (f === 0 || (f === a && this.second[at] === j)) return at;
      at = (at + 1) & mask;
    }
  }

  has(i: number, j: number): boolean {
    return this.first[this.slot(i, j)] !== 0;
  }

  /** Adds (i, j); true when it was not there yet. */
  add(i: number, j: number): boolean {
    const at = this.slot(i, j);
    if (this.first[at] !== 0) return false;
    this.first[at] = i + 1;
    this.second[at] = j;
    // At most half full: probes stay short.
    if (++this.count * 2 > this.first.length) this.grow();
    return true;
  }

  private grow(): void {
    const [first, second] = [this.first, this.second];
    this.first = new Uint32Array(first.length * 2);
    this.second = new Uint32Array(second.length * 2);
    for (let k = 0; k < first.length; k++) {
      if (first[k] === 0) continue;
      const at = this.slot(first[k]! - 1, second[k]!);
      this.first[at] = first[k]!;
      this.second[at] = second[k]!;
    }
  }

  /** Every pair, ordered by first item, then second: [firsts, seconds]. */
  sorted(): [Uint32Array, Uint32Array] {
    // Each pair as one 64-bit number (first item high), sorted natively.
    const packed = new BigUint64Array(this.count);
    const words = new Uint32Array(packed.buffer);
    const hi = HIGH_WORD;
    let m = 0;
    for (let k = 0; k < this.first.length; k++) {
      if (this.first[k] === 0) continue;
      words[2 * m + hi] = this.first[k]! - 1;
      words[2 * m + 1 - hi] = this.second[k]!;
      m++;
    }
    packed.sort();
    const firsts = new Uint32Array(m);
    const seconds = new Uint32Array(m);
    for (let k = 0; k < m; k++) {
      firsts[k] = words[2 * k + hi]!;
      seconds[k] = words[2 * k + 1 - hi]!;
    }
    return [firsts, seconds];
  }
}
