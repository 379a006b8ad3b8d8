import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { FONT_FILES } from "../site/assets.ts";

/** Where the files copied as they are come from: public/ (at the site's root) and the webfont files (src/site/assets.ts). */
export function staticFiles(root: string): [from: string, rel: string][] {
  const out: [string, string][] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else out.push([join(dir, e.name), `${rel}${e.name}`]);
    }
  };
  const pub = join(root, "public");
  if (existsSync(pub)) walk(pub, "");
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
