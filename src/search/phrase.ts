/**
 * Whether a quoted phrase stands in a text as written. The index finds a
 * phrase by its words' keys side by side, and a key stands for every form
 * of a word (الدول and الدولة, عهده and العهد); quotes ask for the words as
 * typed, so a result is kept only when its text has them: the first word
 * may carry proclitics (والدولة), the others are as typed. Spelling is
 * folded as for search, and ة as ه, which writers swap.
 */
import { normalizeForSearch } from "../arabic/normalize.ts";

const fold = (s: string) => normalizeForSearch(s).replace(/\u0629/g, "\u0647");
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function opens(token: string, first: string): boolean {
  if (token === first) return true;
  if (token.endsWith(first) && /^[وف]?[بكل]?$/.test(token.slice(0, token.length - first.length))) return true;
  // ل before the article writes لل (للدولة).
  return first.startsWith("ال") && /^[وف]?لل$/.test(token.slice(0, token.length - first.length + 2)) && token.endsWith(first.slice(2));
}

export function phraseIn(texts: readonly string[], phrase: readonly string[]): boolean {
  const q = phrase.flatMap(words);
  if (!q.length) return true;
  for (const text of texts) {
    const t = words(text);
    for (let i = 0; i + q.length <= t.length; i++) {
      if (opens(t[i]!, q[0]!) && q.every((w, k) => k === 0 || t[i + k] === w)) return true;
    }
  }
  return false;
}
