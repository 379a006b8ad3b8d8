/**
 * The evaluation's own Arabic normaliser, written for scripts/eval-search.ts
 * independently of src/arabic (the code under test must not define its own truth).
 * It folds only what a reader does not distinguish when searching:
 *
 * - compatibility forms (NFKC: presentation forms, ligatures) to plain letters;
 * - invisible controls (ZWJ/ZWNJ, bidi marks, BOM, soft hyphen) and tatweel removed;
 * - diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) removed;
 * - alef forms أ إ آ ٱ to ا; alef maqsura ى to ي; taa marbuta ة to ه;
 * - hamza on a seat ؤ ئ to the bare hamza ء (ي/و written for a hamza seat,
 *   as in لاجيين or مسوول, are left to each query's rule: they are also real letters);
 * - Persian/Urdu letter shapes (ی ک ہ ۀ) to the Arabic ones; Arabic-Indic and
 *   Persian digits to 0-9; Latin lower-cased; runs of spaces to one space.
 */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u0640]/g;
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const SPACES = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(MARKS, "")
    .replace(/[أإآٱٲٳ]/g, "ا")
    .replace(/[ىی]/g, "ي")
    .replace(/[ةۀہە]/g, "ه")
    .replace(/[ؤئ]/g, "ء")
    .replace(/ک/g, "ك")
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase()
    .replace(SPACES, " ");
}
