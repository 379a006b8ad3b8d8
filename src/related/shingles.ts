import { normalizeArabic } from "../arabic/normalize.ts";
import { tokenTexts } from "../arabic/tokens.ts";

/** 32-bit FNV-1a: fast, deterministic, good enough to hash word shingles. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Normalised words: spelling variants (hamza, ة/ه, diacritics, tatweel) do not hide a copy. */
export function words(text: string): string[] {
  return tokenTexts(normalizeArabic(text));
}

/**
 * Hashes of the k-word shingles of a word list (the whole list if shorter
 * than k), sorted and unique. A typed array, not a Set: 4 bytes a shingle
 * instead of a boxed number in a hash table (~10x less memory at 10k+ articles).
 */
export function shingles(ws: string[], k: number): Uint32Array {
  if (ws.length === 0) return new Uint32Array(0);
  if (ws.length < k) return Uint32Array.of(fnv1a(ws.join(" ")));
  const all = new Uint32Array(ws.length - k + 1);
  for (let i = 0; i + k <= ws.length; i++) all[i] = joinedHash(ws, i, k);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/** fnv1a of `ws[from .. from + k)` joined by spaces, without making that string. */
function joinedHash(ws: readonly string[], from: number, k: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < from + k; w++) {
    if (w > from) h = Math.imul(h ^ 0x20, 0x01000193);
    const word = ws[w]!;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Size of the intersection of two sorted unique arrays (one merge pass). */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  return intersectionAtLeast(a, b, 0);
}

/**
 * The size of the intersection of two sorted unique arrays, or -1 as soon as
 * it cannot reach `need` (most compared sets share little: the merge stops early).
 */
export function intersectionAtLeast(a: Uint32Array, b: Uint32Array, need: number): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (n + Math.min(a.length - i, b.length - j) < need) return -1;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n >= need ? n : -1;
}

/**
 * At most the least intersection two sets of `sizes` (together) need for a
 * Jaccard of `t`: I / (sizes - I) ≥ t needs I ≥ t·sizes / (1 + t). One below
 * its floor, so that rounding never makes it too high (a pair that could
 * reach `t` is never cut short; the caller still compares the Jaccard itself).
 */
export function jaccardNeed(sizes: number, t: number): number {
  return Math.max(0, Math.floor((t * sizes) / (1 + t)) - 1);
}

/** The Jaccard index of two sets from their sizes and the size of their intersection (0 for two empty sets). */
export function jaccardFrom(inter: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - inter;
  return union ? inter / union : 0;
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  return jaccardFrom(intersectionSize(a, b), a.length, b.length);
}

/** The size of the intersection of `a` and `b` when their Jaccard reaches `t`, else -1 (the merge stops as soon as it cannot). */
export function intersectionIfJaccard(a: Uint32Array, b: Uint32Array, t: number): number {
  const inter = intersectionAtLeast(a, b, jaccardNeed(a.length + b.length, t));
  return inter >= 0 && jaccardFrom(inter, a.length, b.length) >= t ? inter : -1;
}
