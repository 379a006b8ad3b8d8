import { cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Self-hosted webfont from @fontsource: Noto Naskh Arabic at the two weights the
 * stylesheet uses (400, 700), each as separate script subsets (Arabic, Latin,
 * Latin Extended). The stylesheet gives each file its `unicode-range`, so a page
 * downloads only the files whose characters and weights it shows.
 */
const SUBSETS = ["arabic", "latin", "latin-ext"] as const;
const WEIGHTS = [400, 700] as const;

export const FONT_FILES: Record<string, string> = Object.fromEntries(
  SUBSETS.flatMap((subset) =>
    WEIGHTS.map((w) => {
      const name = `noto-naskh-arabic-${subset}-${w}-normal.woff2`;
      return [`node_modules/@fontsource/noto-naskh-arabic/files/${name}`, `assets/fonts/${name}`];
    }),
  ),
);

/** Files published as they are: the project's public/ at the site's root, and the font files. */
export function copyStaticFiles(root: string, outDir: string): void {
  // The folder first, and links followed: copied onto a missing folder, a linked public/ would become a
  // link, and the pages would then be written through it into the project's own public/.
  mkdirSync(outDir, { recursive: true });
  if (existsSync(join(root, "public"))) cpSync(join(root, "public"), outDir, { recursive: true, dereference: true });
  for (const [from, to] of Object.entries(FONT_FILES)) cpSync(join(root, from), join(outDir, to));
}
