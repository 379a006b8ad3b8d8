/**
 * The phrase around a mention, for an entity page: a few words either side of
 * the name, never across a paragraph break, so a reader sees in which words
 * the article names the entity («…وصل إلى بغداد أمس…»).
 */
export interface Phrase {
  /** Text before the name; starts with "…" when the paragraph goes on before it. */
  before: string;
  /** The name as the article writes it (the mention's surface). */
  name: string;
  /** Text after the name; ends with "…" when the paragraph goes on after it. */
  after: string;
  /** Where the name starts in the text: with the text and the name's length, it fixes the phrase (the build cache keys by it). */
  at: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
const isBreak = (c: number) => c === 10 || c === 13;

/** `words` words either side of [start, end) of `text`, inside its paragraph. */
export function phraseAround(text: string, start: number, end: number, words = 6): Phrase {
  // Walk out from the name a word at a time (a plain scan: this runs for every entity of every article).
  let a = start;
  let seen = 0;
  while (a > 0 && !isBreak(text.charCodeAt(a - 1))) {
    const c = text.charCodeAt(a - 1);
    // Entering a word from its end.
    if (!isSpace(c) && (a === start || isSpace(text.charCodeAt(a)))) {
      if (++seen > words) break;
    }
    a--;
  }
  const cutLeft = a > 0 && !isBreak(text.charCodeAt(a - 1));
  let b = end;
  seen = 0;
  while (b < text.length && !isBreak(text.charCodeAt(b))) {
    const c = text.charCodeAt(b);
    if (!isSpace(c) && (b === end || isSpace(text.charCodeAt(b - 1)))) {
      if (++seen > words) break;
    }
    b++;
  }
  const rest = text.slice(b);
  const cutRight = b < text.length && !isBreak(text.charCodeAt(b)) && rest.trim() !== "" && !/^\s*\n/.test(rest);
  const flat = (x: string) => x.replace(/\s+/g, " ");
  return {
    before: (cutLeft ? "…" : "") + flat(text.slice(a, start)).trimStart(),
    name: text.slice(start, end),
    after: flat(text.slice(end, b)).trimEnd() + (cutRight ? "…" : ""),
    at: start,
  };
}
