/**
 * Arabic spellings of a name typed in Latin letters (Riyadh → رياض, Kerry →
 * كيري, Houthi → حوثي), for names the gazetteer does not give in English.
 * Romanisations are lossy (d is د or ض, h is ه or ح, a vowel is written or
 * not), so this lists the likely spellings, likeliest first, and the search
 * page keeps only one the index holds: a spelling that is no word of the
 * archive finds nothing. Exonyms (Cairo, Damascus) are not transliterations:
 * they meet only through the gazetteer.
 */

type Options = string[];

// Longest first: digraphs before letters.
const GROUPS: [string, Options][] = [
  ["sh", ["ش"]],
  ["kh", ["خ"]],
  ["gh", ["غ", "ج", "ق"]],
  ["th", ["ث", "ت"]],
  ["dh", ["ض", "ذ", "د"]],
  ["ch", ["تش", "ش"]],
  ["ph", ["ف"]],
  ["ck", ["ك"]],
  ["ou", ["و"]],
  ["oo", ["و"]],
  ["ee", ["ي"]],
  ["ai", ["ي", "اي"]],
  ["ay", ["اي", "ي"]],
  ["ei", ["ي", "اي"]],
  ["ey", ["ي", "اي"]],
  ["aa", ["ا"]],
  ["b", ["ب"]],
  ["c", ["ك", "س"]],
  ["d", ["د", "ض"]],
  ["f", ["ف"]],
  ["g", ["ج", "غ", "ق"]],
  ["h", ["ه", "ح"]],
  ["j", ["ج"]],
  ["k", ["ك", "ق"]],
  ["l", ["ل"]],
  ["m", ["م"]],
  ["n", ["ن"]],
  ["p", ["ب"]],
  ["q", ["ق"]],
  ["r", ["ر"]],
  ["s", ["س", "ص"]],
  ["t", ["ت", "ط"]],
  ["v", ["ف"]],
  ["w", ["و"]],
  ["x", ["كس"]],
  ["y", ["ي"]],
  ["z", ["ز", "ظ"]],
  ["a", ["ا", ""]],
  ["e", ["", "ي"]],
  ["i", ["ي", ""]],
  ["o", ["و", ""]],
  ["u", ["و", ""]],
];
// An initial vowel may stand for ع (Abadi عبادي, Aden عدن, Omar عمر).
const INITIAL: Record<string, Options> = { a: ["ا", "ع"], e: ["ا", "اي", "ع"], i: ["ا", "اي", "ع"], o: ["او", "ا", "ع"], u: ["او", "ا", "ع"] };
const FINAL: Record<string, Options> = { a: ["ا", "ة", "ى"], h: ["ه", "ح", "ة", ""], e: ["", "ي"], y: ["ي"], i: ["ي"] };

/** Spellings in Arabic letters of a Latin word, likeliest first (each choice's first option is likeliest), at most `max`. */
export function arabicSpellings(latin: string, max = 160): string[] {
  const w = latin.toLowerCase().replace(/[^a-z]/g, "").replace(/([b-df-hj-np-tv-z])\1/g, "$1");
  if (w.length < 3) return [];
  const parts: Options[] = [];
  for (let i = 0; i < w.length; ) {
    const at = i;
    // A final -ah is most often ة (Jeddah جدة, Fallujah الفلوجة).
    if (i === w.length - 2 && i > 0 && w.endsWith("ah")) {
      parts.push(["ة", "ه", "اه", "ا"]);
      break;
    }
    const group = GROUPS.find(([g]) => w.startsWith(g, i));
    if (!group) return [];
    i += group[0].length;
    const single = group[0].length === 1 ? group[0] : undefined;
    if (at === 0 && single && INITIAL[single]) parts.push(INITIAL[single]);
    else if (i === w.length && single && FINAL[single]) parts.push(FINAL[single]);
    else parts.push(group[1]);
  }
  // Enumerate by the number of less likely choices, so the likeliest come first.
  const out: string[] = [];
  const seen = new Set<string>();
  for (let budget = 0; out.length < max && budget <= parts.length; budget++) {
    const walk = (k: number, used: number, acc: string) => {
      if (out.length >= max) return;
      if (k === parts.length) {
        if (used === budget && !seen.has(acc)) {
          seen.add(acc);
          out.push(acc);
        }
        return;
      }
      parts[k]!.forEach((o, j) => {
        const cost = used + (j > 0 ? 1 : 0);
        if (cost <= budget) walk(k + 1, cost, acc + o);
      });
    };
    walk(0, 0, "");
  }
  return out.filter((s) => s.length >= 2);
}
