import { createHash } from "node:crypto";
import { stringify } from "yaml";

export interface ImportedArticle {
  id: string;
  title: string;
  titleDerived: boolean;
  date: string;
  source?: string;
  place?: string;
  url?: string;
  translationKey: string;
  /** Base name of the raw file, so an editor can trace the article back. */
  importedFrom?: string;
  /** The reporter or columnist named in the byline (never the outlet). */
  author?: string;
  /** A column, letter or comment rather than a news report. */
  opinion?: boolean;
  /** Base names of other raw files with the same text and date (another outlet's copy). */
  alsoImportedFrom?: string[];
}

/** Same cleaned text and date → same id, so re-importing a file finds the existing article. */
export function articleId(date: string, paragraphs: string[]): string {
  const hash = createHash("sha256").update(paragraphs.join("\n\n"), "utf8").digest("hex");
  return `${date}-${hash.slice(0, 8)}`;
}

export function toMarkdown(article: ImportedArticle, paragraphs: string[]): string {
  const fields: Record<string, string | boolean | string[]> = {
    id: article.id,
    title: article.title,
    titleDerived: article.titleDerived,
    date: article.date,
  };
  for (const key of ["source", "place", "author", "url"] as const) {
    const v = article[key];
    if (v !== undefined && v !== "") fields[key] = v;
  }
  if (article.opinion === true) fields.opinion = true;
  fields.translationKey = article.translationKey;
  if (article.importedFrom !== undefined) fields.importedFrom = article.importedFrom;
  if (article.alsoImportedFrom?.length) fields.alsoImportedFrom = article.alsoImportedFrom;
  // YAML 1.1 quoting also quotes 2025-09-16, yes/no…, so every YAML reader sees strings;
  // lineWidth 0 keeps long Arabic titles on one line.
  const yaml = stringify(fields, { version: "1.1", lineWidth: 0 });
  const body = paragraphs.map(escapeMarkdown).filter((p) => p !== "").join("\n\n");
  return `---\n${yaml}---\n\n${body}\n`;
}

// Characters markdown-it could read as syntax anywhere in a line: emphasis, code, links,
// autolinks, entities, tables, strikethrough, headings, quotes and the escape itself.
const INLINE = /[\\`*_[\]<>&|~#]/g;

/** Makes one paragraph render as exactly the text written (one <p>, nothing interpreted). */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/\s+/g, " ")
    .trim()
    .replace(INLINE, "\\$&")
    .replace(/^([-+=])/, "\\$1") // list item, setext/thematic line
    .replace(/^(\d{1,9})([.)])/, "$1\\$2"); // ordered list
}
