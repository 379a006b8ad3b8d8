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
