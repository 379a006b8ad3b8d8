import type { LoadResult } from "../content/load.ts";

/** The accounting line: every file read is a page written, a draft or an error. */
export function report(result: LoadResult, articlePages: number, errors: number): string {
  const ar = result.articles.filter((a) => a.lang === "ar").length;
  const en = result.articles.length - ar;
  return (
    `Read ${result.filesRead} article file(s): ${articlePages} article page(s) written ` +
    `(${ar} Arabic, ${en} English), ${result.drafts.length} draft(s), ${errors} with errors.`
  );
}
