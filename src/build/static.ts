import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { FONT_FILES } from "../site/assets.ts";
import { walkFiles } from "./inputs.ts";

/**
 * Where the files copied as they are come from: public/ (at the site's root;
 * listed as the input fingerprint lists it, links to folders followed) and
 * the webfont files (src/site/assets.ts).
 */
export function staticFiles(root: string): [from: string, rel: string][] {
  const pub = join(root, "public");
  const out: [string, string][] = [...walkFiles(pub).keys()].map((rel) => [join(pub, rel), rel]);
  for (const [from, rel] of Object.entries(FONT_FILES)) out.push([join(root, from), rel]);
  return out;
}

/**
 * Copies the static files into the fresh folder, once per build: as Eleventy's
 * passthrough copy they were copied again in every render batch, most of a
 * small rebuild's Eleventy run (docs/scale.md). `free` unlinks what a recycled
 * tree holds at a path first, so the copy never writes into a live file.
 */
export function copyStaticFiles(root: string, fresh: string, free?: (rel: string) => void): number {
  const files = staticFiles(root);
  for (const [from, rel] of files) {
    if (!existsSync(from)) throw new Error(`static file ${from} is missing (run npm ci, or restore public/)`);
    free?.(rel);
    const to = join(fresh, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return files.length;
}
