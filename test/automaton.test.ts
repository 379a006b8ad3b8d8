import { test } from "node:test";
import assert from "node:assert/strict";
import { Automaton } from "../src/entities/automaton.ts";

/** Every occurrence of every pattern, found the slow way: [start, end, pattern index], by end then pattern. */
function naive(patterns: string[], text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  patterns.forEach((p, i) => {
    if (!p) return;
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) out.push([at, at + p.length, i]);
  });
  return out.sort((x, y) => x[1] - y[1] || x[2] - y[2]);
}

test("the automaton finds every occurrence of every pattern, overlapping ones included", () => {
  // Patterns that are prefixes, suffixes and infixes of one another, so fail links and output chains are exercised.
  const patterns = ["بغداد", "بغ", "غداد", "داد", "اد", "العراق", "عراق", "ا", "بب", "ببب", "", "x😀"];
  const automaton = new Automaton(patterns.map((pattern, i) => ({ pattern, data: i })));
  const alphabet = [..."بغدالعرقx ", "😀"];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 2000; k++) {
    let text = "";
    for (let n = Math.floor(next() * 40); n > 0; n--) text += alphabet[Math.floor(next() * alphabet.length)];
    const found = [...automaton.all(text)].map((h) => [h.start, h.end, h.patternIndex] as [number, number, number]);
    found.sort((x, y) => x[1] - y[1] || x[2] - y[2]);
    assert.deepEqual(found, naive(patterns, text), JSON.stringify(text));
  }
  const hits = [...automaton.all("في بغداد")];
  assert.ok(hits.some((h) => h.data === 0 && h.start === 3 && h.end === 8));
});
