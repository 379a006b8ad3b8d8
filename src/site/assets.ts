/**
 * Self-hosted Arabic webfont from @fontsource: only the Arabic subset, one
 * weight, so an article page stays small; Latin text uses the reader's system fonts.
 */
export const FONT_FILES: Record<string, string> = {
  "node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2":
    "assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2",
};
