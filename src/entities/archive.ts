/**
 * The archive's Arabic articles as the editor tools (entities:suggest,
 * entities:check) read them: from a project's content/ folder, or from a
 * folder of raw scraped files imported into a throwaway project first (the
 * way a user's files go), so the tools see what the build sees.
 */
import { mkdtempSync, mkdirSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importFiles } from "../import/run.ts";
import { loadArticles } from "../content/load.ts";
import type { Article } from "../content/article.ts";
import { taggableText } from "../site/load.ts";

export interface ArchiveText {
  /** Project-relative file, for messages. */
  file: string;
  id: string;
  /** YYYY-MM-DD */
  date: string;
  /** Dateline place, if any. */
  place?: string;
  /** Headline and body, as the tagger reads them. */
  text: string;
}

const textOf = (a: Article): ArchiveText => ({ file: a.file, id: a.id, date: a.date.day, ...(a.place ? { place: a.place } : {}), text: taggableText(a) });

/** Arabic articles of the project at `root` (its content/ folder). */
export function projectTexts(root: string): { texts: ArchiveText[]; problems: string[] } {
  const res = loadArticles(join(root, "content"), { zone: "Asia/Baghdad", now: Date.now(), cwd: root });
  return { texts: res.articles.filter((a) => a.lang === "ar").map(textOf), problems: res.errors.map((e) => e.format()) };
}

/** Raw files of `dir` (*.txt) imported into a temporary project, then read; the project is deleted. */
export async function importedTexts(dir: string): Promise<{ texts: ArchiveText[]; problems: string[] }> {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => join(dir, f));
  const tmp = mkdtempSync(join(tmpdir(), "arshif-entities-"));
  try {
    mkdirSync(join(tmp, "content"));
    const res = await importFiles(files, { contentDir: join(tmp, "content") });
    const read = projectTexts(tmp);
    return { texts: read.texts, problems: [...res.skipped.map((s) => `skipped ${s.file}`), ...read.problems] };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
