import { fnv1a } from "./shingles.ts";
import { HIGH_WORD } from "./pairset.ts";

/**
 * MinHash signatures and locality-sensitive hashing: candidate pairs of
 * similar documents without comparing every pair, so the cost grows with the
 * archive, not with its square.
 */
export interface MinHashOptions {
  hashes: number;
  bands: number;
}

const MAX = 0xffffffff;

/** Seeds for `hashes` hash functions h_i(x) = (a_i * x + b_i) mod 2^32, fixed for reproducible output. */
function seeds(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) out.push([fnv1a(`a${i}`) | 1, fnv1a(`b${i}`)]);
  return out;
}

export function signature(shingles: Uint32Array, n: number, s = seeds(n)): Uint32Array {
  const sig = new Uint32Array(n).fill(MAX);
  // One hash function at a time over every shingle: its two numbers stay in registers.
  for (let i = 0; i < n; i++) {
    const [a, b] = s[i]!;
    let min = MAX;
    for (let k = 0; k < shingles.length; k++) {
      const h = (Math.imul(a, shingles[k]!) + b) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/**
 * For a rebuild whose items are the last build's plus some new ones
 * (`isNew`, by item): only the pairs that involve a new item are called, and
 * `crossed(i, j)` is called for the pairs of old items in a bucket that the
 * new items pushed over the limit (the last build was given them, this one
 * is not). Every other pair is one the last build was given too.
 */
export interface AddedItems {
  isNew: Uint8Array;
  crossed: (i: number, j: number) => void;
}

/**
 * Calls `pair(i, j)` (i < j) for items that share at least one band of their
 * signatures (`sigs` holds `n` signatures of `hashes` values, back to back).
 * One band at a time, keyed by a number, so memory stays proportional to n.
 * Each band's (key, item) pairs are packed into 64-bit numbers and sorted
 * natively, so a bucket is a run of equal keys: no hash table of n lists.
 * Which pairs are called does not depend on the order; the order is by band,
 * then key, then item. With `added`, see AddedItems.
 */
export function bandPairs(sigs: Uint32Array, hashes: number, bands: number, pair: (i: number, j: number) => void, maxBucket = 50, added?: AddedItems): void {
  const n = sigs.length / hashes;
  const rows = Math.floor(hashes / bands);
  const packed = new ArrayBuffer(n * 8);
  const words = new Uint32Array(packed);
  const wide = new BigUint64Array(packed);
  const hi = HIGH_WORD;
  const lo = 1 - hi;
  for (let b = 0; b < bands; b++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const off = i * hashes + b * rows;
      // An item without shingles has an all-MAX signature: it is similar to nothing.
      if (sigs[i * hashes] === MAX) continue;
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ sigs[off + r]!, 0x01000193);
      words[2 * m + hi] = h >>> 0;
      words[2 * m + lo] = i;
      m++;
    }
    wide.subarray(0, m).sort();
    for (let start = 0; start < m; ) {
      const key = words[2 * start + hi]!;
      let end = start + 1;
      while (end < m && words[2 * end + hi] === key) end++;
      // A huge bucket is boilerplate (a sign-off, a standard disclaimer), not one story's text.
      const size = end - start;
      if (size < 2) {
        // No pair.
      } else if (!added) {
        if (size <= maxBucket) for (let x = start; x < end; x++) for (let y = x + 1; y < end; y++) pair(words[2 * x + lo]!, words[2 * y + lo]!);
      } else {
        const isNew = added.isNew;
        let fresh = 0;
        for (let x = start; x < end; x++) fresh += isNew[words[2 * x + lo]!]!;
        if (fresh > 0 && size <= maxBucket) {
          for (let x = start; x < end; x++) {
            const i = words[2 * x + lo]!;
            for (let y = x + 1; y < end; y++) if (isNew[i] || isNew[words[2 * y + lo]!]) pair(i, words[2 * y + lo]!);
          }
        } else if (fresh > 0 && size - fresh >= 2 && size - fresh <= maxBucket) {
          for (let x = start; x < end; x++) {
            const i = words[2 * x + lo]!;
            if (isNew[i]) continue;
            for (let y = x + 1; y < end; y++) if (!isNew[words[2 * y + lo]!]) added.crossed(i, words[2 * y + lo]!);
          }
        }
      }
      start = end;
    }
  }
}

export { seeds };
