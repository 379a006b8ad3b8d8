import { fnv1a } from "./shingles.ts";

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
  for (const x of shingles) {
    for (let i = 0; i < n; i++) {
      const [a, b] = s[i]!;
      const h = (Math.imul(a, x) + b) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * Calls `pair(i, j)` for items that share at least one band of their
 * signatures (`sigs` holds `n` signatures of `hashes` values, back to back).
 * One band at a time, keyed by a number, so memory stays proportional to n.
 */
export function bandPairs(sigs: Uint32Array, hashes: number, bands: number, pair: (i: number, j: number) => void, maxBucket = 50): void {
  const n = sigs.length / hashes;
  const rows = Math.floor(hashes / bands);
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const off = i * hashes + b * rows;
      // An item without shingles has an all-MAX signature: it is similar to nothing.
      if (sigs[i * hashes] === MAX) continue;
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ sigs[off + r]!, 0x01000193);
      const key = h >>> 0;
      let list = buckets.get(key);
      if (!list) buckets.set(key, (list = []));
      list.push(i);
    }
    for (const list of buckets.values()) {
      // A huge bucket is boilerplate (a sign-off, a standard disclaimer), not one story's text.
      if (list.length < 2 || list.length > maxBucket) continue;
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) pair(list[x]!, list[y]!);
    }
  }
}

export { seeds };
