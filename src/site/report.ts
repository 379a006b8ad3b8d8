import type { LoadResult } from "../content/load.ts";
import type { ContentError } from "../content/errors.ts";

export interface Accounting {
  filesRead: number;
  written: number;
  valid: number;
  drafts: number;
  errorFiles: number;
}

/** Every article file read is exactly one of: valid (written), draft, or a file with errors. */
export function account(result: LoadResult, errors: ContentError[], written: boolean): Accounting {
  const errorFiles = new Set(errors.map((e) => e.file).filter((f) => f.endsWith(".md")));
  const valid = result.articles.filter((a) => !errorFiles.has(a.file)).length;
  const drafts = result.drafts.filter((a) => !errorFiles.has(a.file)).length;
  return { filesRead: result.filesRead, written: written ? valid : 0, valid, drafts, errorFiles: errorFiles.size };
}

export function report(result: LoadResult, written: boolean, errors: ContentError[]): string {
  const a = account(result, errors, written);
  const ar = result.articles.filter((x) => x.lang === "ar").length;
  const en = result.articles.length - ar;
  const pages = written
    ? `${a.written} article page(s) written (${ar} Arabic, ${en} English)`
    : `${a.valid} valid article(s) not written because of the errors`;
  return `Read ${a.filesRead} article file(s): ${pages}, ${a.drafts} draft(s), ${a.errorFiles} file(s) with errors.`;
}
