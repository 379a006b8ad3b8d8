/**
 * Filters as reserved index words rather than Pagefind filters: Pagefind's
 * filter files differ from build to build even for the same input (upstream
 * issue Pagefind/pagefind#638), and a deploy should change only what changed.
 *
 * A reserved word must stay one word in Pagefind and be impossible to type:
 * Pagefind splits words at `_ - . , / :`, at case changes and between letters
 * and digits (so `_y_2015_` used to be indexed as `y` and `2015` too, and a
 * search for 2015 found every article of that year). So the word is made of
 * Arabic letters only: ى, a letter for the kind, the value's UTF-8 bytes as
 * hex digits written with 16 other letters, and a closing ى. The query
 * analyser folds ى to ي (src/arabic/normalize.ts), so no typed word contains
 * ى, and the closing ى stops prefix matches (iraq never matches iraq-x).
 */
export type FilterKind = "entity" | "year" | "lang";

const MARK = "\u0649"; // ى
const CODE: Record<FilterKind, string> = { entity: "ع", year: "س", lang: "ل" };
// 16 letters for the hex digits 0–f (ى is not among them).
const HEX = "ابتثجحخدذرزشصضطظ";

export function filterToken(kind: FilterKind, value: string): string {
  let body = "";
  for (const byte of new TextEncoder().encode(value.toLowerCase())) body += HEX[byte >> 4]! + HEX[byte & 15]!;
  return `${MARK}${CODE[kind]}${body}${MARK}`;
}
