/**
 * Pagefind 1.5 searches metadata as raw words. The original text rides along
 * in the metadata only for excerpts, so it is masked: ى goes before every run
 * of letters, marks and digits. No query word starts with ى (the analyser
 * folds it to ي), so Pagefind never matches a masked word, wherever it splits
 * the text. (A zero-width joiner would not do: Pagefind drops it.)
 */
const MARK = "\u0649";
const RUN = /[\p{L}\p{M}\p{N}]+/gu;

export function maskText(text: string): string {
  return text.replace(RUN, (w) => MARK + w);
}

/** The inverse of maskText (the search page runs it on the excerpt text). */
export function unmaskText(text: string): string {
  return text.replace(RUN, (w) => (w.startsWith(MARK) ? w.slice(1) : w));
}
