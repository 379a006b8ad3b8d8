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
}

const WORD = /[^\s]+/g;

/** `words` words either side of [start, end) of `text`, inside its paragraph. */
export function phraseAround(text: string, start: number, end: number, words = 6): Phrase {
  const paraStart = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", end);
  const paraEnd = nl === -1 ? text.length : nl;
  const flat = (s: string) => s.replace(/\s+/g, " ");
  const left = text.slice(paraStart, start);
  const leftWords = [...left.matchAll(WORD)];
  const cutLeft = leftWords.length > words ? leftWords[leftWords.length - words]!.index : 0;
  const right = text.slice(end, paraEnd);
  const rightWords = [...right.matchAll(WORD)];
  const cutRight = rightWords.length > words ? rightWords[words - 1]!.index + rightWords[words - 1]![0].length : right.length;
  return {
    before: (cutLeft > 0 ? "…" : "") + flat(left.slice(cutLeft)).trimStart(),
    name: text.slice(start, end),
    after: flat(right.slice(0, cutRight)).trimEnd() + (cutRight < right.trimEnd().length ? "…" : ""),
  };
}
