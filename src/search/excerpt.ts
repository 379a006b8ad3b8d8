import { tokenize, type Token } from "../arabic/tokens.ts";
import { isCompoundHead } from "./morphology.ts";

export interface Piece {
  text: string;
  mark: boolean;
}

/**
 * The texts of a search record in the order their words were indexed
 * (records.ts): Pagefind's word positions count through them in this order.
 */
export interface Segments<T> {
  title: T;
  dateline: T;
  text: T;
  names: T;
}
const ORDER = ["title", "dateline", "text", "names"] as const;

/**
 * Which tokens of each text Pagefind matched, from its word positions. The
 * word after a compound head (عبد in عبد العزيز) is marked with it: the
 * head's position stands for the whole name.
 */
export function markedTokens(texts: Segments<string>, positions: Iterable<number>): Segments<{ tokens: Token[]; marked: Set<number> }> {
  const out = {} as Segments<{ tokens: Token[]; marked: Set<number> }>;
  let offset = 0;
  const at = new Set(positions);
  for (const k of ORDER) {
    const tokens = tokenize(texts[k]);
    const marked = new Set<number>();
    tokens.forEach((t, i) => {
      if (!at.has(offset + i)) return;
      marked.add(i);
      if (isCompoundHead(t.text) && i + 1 < tokens.length) marked.add(i + 1);
    });
    out[k] = { tokens, marked };
    offset += tokens.length;
  }
  return out;
}

/** A text cut into plain and marked pieces (the page builds DOM text nodes from them, never HTML). */
export function pieces(text: string, tokens: Token[], marked: Set<number>, from = 0, to = tokens.length): Piece[] {
  const out: Piece[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += t;
    else out.push({ text: t, mark });
  };
  if (!tokens.length) return text ? [{ text, mark: false }] : [];
  if (from > 0) push("… ", false);
  let pos = from === 0 ? 0 : tokens[from]!.start;
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    push(text.slice(pos, tok.start), false);
    push(tok.text, marked.has(i));
    pos = tok.end;
  }
  if (to < tokens.length) push(" …", false);
  else push(text.slice(pos), false);
  return out;
}

/** An excerpt of `words` tokens around the densest run of marked tokens. */
export function excerpt(text: string, tokens: Token[], marked: Set<number>, words = 30): Piece[] {
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (marked.has(i)) count++;
    if (i >= words && marked.has(i - words)) count--;
    const start = Math.max(0, i - words + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  return pieces(text, tokens, marked, best, Math.min(tokens.length, best + words));
}
