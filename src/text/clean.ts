import { decodeHTML } from "entities";
import { splitGluedParagraphs } from "./paragraphs.ts";

/**
 * Cleans imported article text so that what is stored is what readers see, and so that
 * search and entity matching see ordinary Arabic letters. Letters, diacritics, punctuation,
 * Latin and digits (Arabic-Indic included) are kept as written.
 */
export function cleanText(s: string): string {
  let t = normalizeNewlines(s);
  t = decodeEntities(t); // first: an entity may encode any of the characters handled below
  t = normalizePresentationForms(t);
  t = removeInvisible(t);
  t = removeControls(t);
  t = normalizePersianLetters(t);
  t = removeTatweel(t);
  t = splitGluedParagraphs(t); // before spaces are normalised: the run of spaces is the only trace of the break
  return normalizeSpaces(t);
}

/** CRLF, CR, NEL and the Unicode line/paragraph separators become LF. */
export function normalizeNewlines(s: string): string {
  return s.replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n");
}

/**
 * `&quot;`, `&#39;`, `&#8220;`, `&nbsp;`… as left by web crawlers. Text that was escaped twice
 * (`&amp;quot;`) is decoded twice: in news copy that is far likelier than an article quoting
 * entity syntax literally.
 */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  const once = decodeHTML(s);
  return /&amp;#?[a-z0-9]+;/i.test(s) ? decodeHTML(once) : once;
}

// Arabic Presentation Forms-A and -B (glyph codes from old PDF/Word exports).
const PRESENTATION = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;

/** Presentation-form glyphs (ﻻ ﺍﻟ…) → the letters they show, via NFKC on those characters only. */
export function normalizePresentationForms(s: string): string {
  return s.replace(PRESENTATION, (ch) => {
    const n = ch.normalize("NFKC");
    // Isolated harakat forms (U+FE70…) decompose to space/tatweel + mark; keep just the mark.
    return n.replace(/^[ \u0640]+(?=\p{M})/u, "");
  });
}

// Zero-width space, LRM/RLM, bidi embeddings/overrides/isolates, word joiner, invisible operators,
// BOM / zero-width no-break space, Arabic letter mark. ZWNJ/ZWJ are handled separately.
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g;

// Arabic letters that join only to the right: a ZWNJ after them changes nothing on screen.
const RIGHT_JOINING = /[\u0621-\u0625\u0627\u0629\u062F-\u0632\u0648\u0671-\u0673\u0675-\u0677\u0688-\u0699\u06C0\u06C3-\u06CB\u06CD\u06CF\u06D2\u06D3\u06D5\u06EE\u06EF]/u;
const ARABIC_LETTER = /[\u0620-\u063F\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F]/u;
const MARK = /\p{M}/u;

/**
 * Removes zero-width and bidi control characters. ZWNJ (U+200C) is kept only between two
 * Arabic-script letters where it changes the letter shapes (Persian/Kurdish spellings such
 * as می‌خواهم); elsewhere it is invisible noise that only breaks search. ZWJ (U+200D) is kept
 * only inside emoji sequences.
 */
export function removeInvisible(s: string): string {
  return s.replace(INVISIBLE, "").replace(/[\u200C\u200D]/g, (ch, i: number, all: string) => {
    const before = letterBefore(all, i);
    const cp = all.codePointAt(i + 1);
    const after = cp === undefined ? "" : String.fromCodePoint(cp);
    if (ch === "\u200D") {
      return /\p{Extended_Pictographic}/u.test(before) && /\p{Extended_Pictographic}/u.test(after) ? ch : "";
    }
    const keep = ARABIC_LETTER.test(before) && !RIGHT_JOINING.test(before) && (ARABIC_LETTER.test(after) || MARK.test(after));
    return keep ? ch : "";
  });
}

/** The character before index i, skipping combining marks (a ZWNJ may follow a vowel sign). */
function letterBefore(s: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && MARK.test(s[j]!)) j--;
  const c = s.codePointAt(j >= 1 && /[\uDC00-\uDFFF]/.test(s[j]!) ? j - 1 : j);
  return j >= 0 && c !== undefined ? String.fromCodePoint(c) : "";
}

/** Stray C0/C1 control characters (e.g. U+001A used as a bullet by one outlet) become spaces. */
export function removeControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, " ");
}

/**
 * Persian/Urdu letter variants typed on Persian keyboards, written in Arabic text, become the
 * Arabic letters they stand for: ک→ك, ھ→ه, ۀ/ۃ→ة, and ی→ي inside a word but ى at the end of a
 * word (the final form of ی has no dots, so readers of the source saw ى: علی = على, not علي).
 * Letters with no Arabic equivalent (پ چ ژ گ), Kurdish ە/ڵ/ۆ and Persian digits are kept.
 */
export function normalizePersianLetters(s: string): string {
  return s
    .replace(/[\u06A9]/g, "\u0643")
    .replace(/\u06BE/g, "\u0647")
    .replace(/[\u06C0\u06C3]/g, "\u0629")
    .replace(/\u06CC(?=\p{M}*\p{L})/gu, "\u064A")
    .replace(/\u06CC/g, "\u0649");
}

/**
 * Tatweel (kashida, U+0640) used to stretch a word (الأمـــن) is removed. Tatweel that is not
 * between two letters carries meaning and is kept: as a dash (المدن الليبية ـ التي …),
 * before a quoted or foreign word (لـ«الشرق الأوسط», بـ 28) and in abbreviations (1436 هـ).
 */
export function removeTatweel(s: string): string {
  return s.replace(/\u0640+/g, (run, i: number, all: string) => {
    const before = letterBefore(all, i);
    let j = i + run.length;
    while (j < all.length && MARK.test(all[j]!)) j++;
    return ARABIC_LETTER.test(before) && ARABIC_LETTER.test(all[j] ?? "") ? "" : run;
  });
}

// NBSP, tab and the other Unicode spaces (not newlines).
const SPACES = /[\t\v\f \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Every kind of space becomes one ASCII space; lines are trimmed. */
export function normalizeSpaces(s: string): string {
  return s
    .split("\n")
    .map((line) => line.replace(SPACES, " ").trim())
    .join("\n");
}
