/**
 * The one normaliser used wherever Arabic text is matched (entity tagging at
 * build time, search in the browser). It must stay free of Node-only APIs.
 *
 * Folding is deliberately lossy: two spellings that editors and newswires use
 * interchangeably must come out identical, so a name written once in the
 * gazetteer matches every common spelling of it.
 *
 * - Presentation forms (U+FB50–FDFF, U+FE70–FEFF) → NFKC (ﻻ → لا, ﺑ → ب).
 *   Only these ranges: NFKC elsewhere would also fold e.g. superscripts.
 * - Removed: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks
 *   (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED, U+08D3–08FF), tatweel,
 *   zero-width and bidi controls (U+200B–200F, U+202A–202E, U+2060–2069,
 *   U+FEFF, U+061C, U+00AD soft hyphen).
 * - Letters: أ إ آ ٱ (and the rarer wavy-hamza alefs) → ا; ى → ي; ة → ه;
 *   ؤ → و and ئ → ي (the seat letter without its hamza: writers drop or move
 *   hamzas freely, e.g. مسؤول/مسئول, so folding both is safer than keeping
 *   them); Persian/Urdu ی → ي, ک → ك, ھ ہ ۀ ۃ → ه.
 * - Digits: Arabic-Indic (٠–٩) and Eastern (۰–۹) → 0–9.
 * - Latin (and any cased script) → lower case.
 * - Whitespace: a run of spaces (incl. NBSP, tabs, U+2000–200A …) becomes one
 *   " "; a run containing a line break becomes one "\n". Multi-word names are
 *   stored with single spaces, so they match across double spaces/NBSP but
 *   never across a paragraph break.
 */

/** Characters dropped entirely. */
const REMOVE =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08E1\u08E3-\u08FF\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C\u00AD]/;

const LETTER_MAP: Record<string, string> = {
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0622": "\u0627", // آ
  "\u0671": "\u0627", // ٱ alef wasla
  "\u0672": "\u0627", // ٲ
  "\u0673": "\u0627", // ٳ
  "\u0675": "\u0627", // ٵ
  "\u0649": "\u064A", // ى → ي
  "\u0629": "\u0647", // ة → ه
  "\u0624": "\u0648", // ؤ → و
  "\u0626": "\u064A", // ئ → ي
  "\u06CC": "\u064A", // Persian ی
  "\u06D0": "\u064A", // ې
  "\u06A9": "\u0643", // Persian ک
  "\u06BE": "\u0647", // ھ heh doachashmee
  "\u06C1": "\u0647", // ہ heh goal
  "\u06C0": "\u0647", // ۀ
  "\u06C3": "\u0647", // ۃ
};

const HSPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const VSPACE = /[\n\r\v\f\u0085\u2028\u2029]/;

function isPresentationForm(cp: number): boolean {
  return (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
}

/**
 * Search folds further (src/search/morphology.ts): ة stays apart from ه, so
 * الرياضة (sport) never meets الرياض (the city). Hamza seats are folded to
 * what a reader types without the hamza: ؤ to و (موسسة finds مؤسسة), ئ and ء
 * to ي (لاجيين finds لاجئين, رءيس meets رئيس), and any hamza before و to و,
 * so the seats writers swap there meet (مسئول/مسؤول, شئون/شؤون, رءوف/رؤوف).
 */
const SEARCH_LETTER_MAP: Record<string, string> = {
  ...LETTER_MAP,
  "\u0629": "\u0629", // ة kept
  "\u0624": "\u0648", // ؤ → و
  "\u0626": "\u064A", // ئ → ي
  "\u0621": "\u064A", // ء → ي
};
const HAMZA_BEFORE_WAW = /[\u0621\u0626](?=[\u0648\u0624])/g;
// After ي the hamza sits on ي; أ there is a common misspelling (هيأة for هيئة).
const HAMZA_AFTER_YA = /(?<=[\u064A\u0626])\u0623/g;

/** Folds one (non-space) character; returns "" when it is dropped. */
function foldChar(ch: string): string {
  if (REMOVE.test(ch)) return "";
  const mapped = LETTER_MAP[ch];
  if (mapped !== undefined) return mapped;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(48 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(48 + cp - 0x06f0);
  if (cp < 0x0600 || cp > 0x08ff) {
    const lower = ch.toLowerCase();
    if (lower !== ch) return lower;
  }
  return ch;
}

export interface Normalized {
  text: string;
  /**
   * map[i] = offset in the original string of the character that produced
   * normalized char i; one extra final entry = original length. Non-decreasing.
   */
  map: number[];
}

/** What one character becomes: a run of horizontal space, a line break, or a piece of text ("" when dropped). */
const SPACE = 1;
const BREAK = 2;
type Piece = string | typeof SPACE | typeof BREAK;

function pieceOf(ch: string, cp: number): Piece {
  if (VSPACE.test(ch)) return BREAK;
  if (HSPACE.test(ch)) return SPACE;
  if (cp !== 0xfeff && isPresentationForm(cp)) {
    // A ligature may expand to several letters, spaces included (ﷺ);
    // an isolated haraka form (ﹰ) expands to space + mark: drop it whole.
    const expanded = ch.normalize("NFKC");
    let folded = "";
    for (const c of expanded) folded += HSPACE.test(c) ? " " : foldChar(c);
    // Spaces inside an expansion are emitted as-is (single spaces).
    return folded.trim() === "" ? "" : folded;
  }
  return foldChar(ch);
}

/** Each BMP character's piece, made when first seen: normalising is a table lookup per character. */
const PIECES: (Piece | undefined)[] = new Array(0x10000);

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/** The piece of the character at `i` of `s` (a surrogate pair is one character, outside the table). */
function pieceAt(s: string, i: number): Piece {
  const unit = s.charCodeAt(i);
  if (!isSurrogate(unit)) return (PIECES[unit] ??= pieceOf(s[i]!, unit));
  const cp = s.codePointAt(i)!;
  return pieceOf(String.fromCodePoint(cp), cp);
}

/** How many code units the character at `i` of `s` takes. */
const unitsAt = (s: string, i: number) => (isSurrogate(s.charCodeAt(i)) && s.codePointAt(i)! > 0xffff ? 2 : 1);

/** Normalises `s` and records where each output character came from. */
export function normalizeWithMap(s: string): Normalized {
  let out = "";
  const map: number[] = [];
  // Pending whitespace run: its first offset and whether it had a line break.
  let spaceAt = -1;
  let spaceBreak = false;
  let i = 0;
  while (i < s.length) {
    const at = i;
    const piece = pieceAt(s, i);
    i += unitsAt(s, i);
    if (typeof piece === "number") {
      if (spaceAt < 0) spaceAt = at;
      if (piece === BREAK) spaceBreak = true;
      continue;
    }
    if (!piece) continue;
    if (spaceAt >= 0) {
      out += spaceBreak ? "\n" : " ";
      map.push(spaceAt);
      spaceAt = -1;
      spaceBreak = false;
    }
    out += piece;
    for (let k = 0; k < piece.length; k++) map.push(at);
  }
  // Trailing whitespace is kept as one character, like interior runs.
  if (spaceAt >= 0) {
    out += spaceBreak ? "\n" : " ";
    map.push(spaceAt);
  }
  map.push(s.length);
  return { text: out, map };
}

/** Normalised form of `s` for matching (see the module comment): normalizeWithMap's text, without its map. */
export function normalizeArabic(s: string): string {
  let out = "";
  // Pending whitespace: 0 none, else SPACE or BREAK (a run with a line break).
  let space = 0;
  let i = 0;
  while (i < s.length) {
    const piece = pieceAt(s, i);
    i += unitsAt(s, i);
    if (typeof piece === "number") {
      if (piece > space) space = piece;
      continue;
    }
    if (!piece) continue;
    if (space) {
      out += space === BREAK ? "\n" : " ";
      space = 0;
    }
    out += piece;
  }
  if (space) out += space === BREAK ? "\n" : " ";
  return out;
}

const REMOVE_ALL = new RegExp(REMOVE.source, "g");
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;
const SEARCH_LETTERS = new RegExp(`[${Object.keys(SEARCH_LETTER_MAP).join("")}]`, "g");
const INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const SPACES = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\n\r\v\f\u0085\u2028\u2029]+/g;

/**
 * The search form of `s`: as normalizeArabic, but ة kept and hamza seats
 * folded (see SEARCH_LETTER_MAP), without normalizeWithMap's offset map: the
 * build runs it over the whole archive.
 */
export function normalizeForSearch(s: string): string {
  return s
    .replace(PRESENTATION_FORMS, (c) => {
      const folded = c.normalize("NFKC").replace(REMOVE_ALL, "");
      return folded.trim() === "" ? "" : folded;
    })
    .replace(REMOVE_ALL, "")
    .replace(HAMZA_BEFORE_WAW, "\u0648")
    .replace(HAMZA_AFTER_YA, "\u064A")
    .replace(SEARCH_LETTERS, (c) => SEARCH_LETTER_MAP[c]!)
    .replace(INDIC_DIGITS, (c) => {
      const cp = c.charCodeAt(0);
      return String.fromCharCode(48 + cp - (cp >= 0x06f0 ? 0x06f0 : 0x0660));
    })
    .toLowerCase()
    .replace(SPACES, (w) => (/[\n\r\v\f\u0085\u2028\u2029]/.test(w) ? "\n" : " "));
}

/**
 * Original [start, end) for normalized [a, b). The end extends over dropped
 * characters that follow the last one (diacritics on the final letter belong
 * to the word) but never ends inside a multi-character expansion.
 */
export function originalRange(map: readonly number[], a: number, b: number): { start: number; end: number } {
  const start = map[a] ?? map[map.length - 1] ?? 0;
  if (b <= a) return { start, end: start };
  const last = map[b - 1]!;
  let j = b;
  while (j < map.length - 1 && map[j]! === last) j++;
  return { start, end: map[j]! };
}
