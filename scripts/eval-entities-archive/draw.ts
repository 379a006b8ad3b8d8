/**
 * The seeded draw of the archive entity evaluation (see ../eval-entities-archive.ts).
 *
 * Procedure: the names of ../shared/corpus/articles/*.txt, sorted by code
 * unit; a Fisher–Yates shuffle driven by mulberry32(SEED); the first SIZE
 * names, sorted again. The result is committed as articles.txt, so the set
 * stays fixed even if the corpus folder changes; the runner checks that the
 * draw still gives that list and says so when it does not.
 */
import { readdirSync } from "node:fs";

export const SEED = 20151504;
export const SIZE = 100;

/** mulberry32: a small seeded generator, so the draw is the same on every run. */
export function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function draw(corpusDir: string, seed = SEED, size = SIZE): string[] {
  const names = readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();
  const rand = rng(seed);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  return names.slice(0, size).sort();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  console.log(draw(process.argv[2] ?? new URL("../../../shared/corpus/articles", import.meta.url).pathname).join("\n"));
}
