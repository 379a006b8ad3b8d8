/**
 * Word tokens for Arabic/English news text. A word is a run of letters (any
 * script), combining marks (harakat stay inside the word they sit on),
 * digits, tatweel and ZWJ/ZWNJ. Everything else — spaces, punctuation,
 * quotes, hyphens — separates words. Works on original or normalised text.
 */

export interface Token {
  text: string;
  /** UTF-16 offsets into the tokenised string, end exclusive. */
  start: number;
  end: number;
}

const WORD_RUN = /[\p{L}\p{M}\p{Nd}\u0640\u200C\u200D]+/gu;
const WORD_CHAR = /^[\p{L}\p{M}\p{Nd}\u0640\u200C\u200D]$/u;

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const m of s.matchAll(WORD_RUN)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The words of `s` alone, as `tokenize` finds them (no offsets: for callers that read every article). */
export function tokenTexts(s: string): string[] {
  return s.match(WORD_RUN) ?? [];
}

/** Whether the code point `ch` (one character, possibly a surrogate pair) is part of a word. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Whether the character at UTF-16 offset `i` of `s` is a word character (handles surrogate pairs). */
export function isWordCharAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const cp = s.codePointAt(i)!;
  // A low surrogate: look at the whole pair it ends.
  if (cp >= 0xdc00 && cp <= 0xdfff && i > 0) return isWordChar(String.fromCodePoint(s.codePointAt(i - 1)!));
  return isWordChar(String.fromCodePoint(cp));
}
