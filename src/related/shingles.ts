import { normalizeArabic } from "../arabic/normalize.ts";
import { tokenize } from "../arabic/tokens.ts";

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
  return tokenize(normalizeArabic(text)).map((t) => t.text);
}

/** Hashes of the k-word shingles of a word list (the whole list if shorter than k). */
export function shingles(ws: string[], k: number): Set<number> {
  const out = new Set<number>();
  if (ws.length === 0) return out;
  if (ws.length < k) {
    out.add(fnv1a(ws.join(" ")));
    return out;
  }
  for (let i = 0; i + k <= ws.length; i++) out.add(fnv1a(ws.slice(i, i + k).join(" ")));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
