import { tokenize } from "../arabic/tokens.ts";
import { wordMatches } from "./analyze.ts";

export interface Piece {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of the original text around the densest run of matching words,
 * as plain pieces (the page builds DOM text nodes from them, never HTML).
 */
export function excerpt(text: string, query: string[], words = 30): Piece[] {
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  const hit = tokens.map((t) => query.length > 0 && wordMatches(t.text, query));
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (hit[i]) count++;
    if (i >= words && hit[i - words]) count--;
    const start = Math.max(0, i - words + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  const end = Math.min(tokens.length, best + words);
  const pieces: Piece[] = [];
  let pos = tokens[best]!.start;
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += t;
    else pieces.push({ text: t, mark });
  };
  if (best > 0) push("… ", false);
  for (let i = best; i < end; i++) {
    const tok = tokens[i]!;
    push(text.slice(pos, tok.start), false);
    push(tok.text, hit[i]!);
    pos = tok.end;
  }
  if (end < tokens.length) push(" …", false);
  return pieces;
}
