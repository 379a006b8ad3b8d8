/**
 * Filters as reserved index words rather than Pagefind filters: Pagefind's
 * filter files differ from build to build even for the same input (upstream
 * issue Pagefind/pagefind#638), and a deploy should change only what changed.
 * A reserved word is matched exactly (the closing `_` stops prefix matches
 * such as iraq → iraqi-…), never shown to readers, and cannot be typed by
 * them: the query analyser drops `_`.
 */
export type FilterKind = "entity" | "year" | "lang";

const CODE: Record<FilterKind, string> = { entity: "e", year: "y", lang: "l" };

export function filterToken(kind: FilterKind, value: string): string {
  return `_${CODE[kind]}_${value.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_`;
}
