import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ContentError } from "../content/errors.ts";
import { checkSize, decodeFile } from "../text/decode.ts";
import { cleanText } from "../text/clean.ts";
import { parseRaw } from "./parse.ts";
import { deriveTitle } from "./title.ts";
import { articleId, toMarkdown } from "./markdown.ts";

export interface ImportOptions {
  contentDir: string;
  date?: string;
  force?: boolean;
}

export interface Imported {
  file: string;
  out: string;
  id: string;
  notice?: string;
}

export interface Skipped {
  file: string;
  /** One line: `file:line (field "x"): problem. What to do: hint`. */
  reason: string;
  /** "exists": already imported (not a failure); "error": the file could not be imported. */
  kind: "exists" | "error";
}

export interface ImportResult {
  imported: Imported[];
  skipped: Skipped[];
}

/** Imports raw article files one by one; a failing file is reported and the others go on. */
export async function importFiles(files: string[], opts: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { imported: [], skipped: [] };
  const written = new Map<string, string>(); // out path → input file, within this run
  for (const file of files) {
    try {
      const { out, id, markdown, notice } = await prepare(file, opts);
      const twin = written.get(out);
      if (twin !== undefined) {
        result.skipped.push({ file, kind: "exists", reason: `${file}: same text and date as ${twin}, already imported as ${out} in this run. What to do: nothing (it is a duplicate)` });
        continue;
      }
      const wrote = await writeAtomic(out, markdown, opts.force === true);
      if (!wrote) {
        result.skipped.push({ file, kind: "exists", reason: `${file}: ${out} exists (imported before). What to do: nothing, or use --force to replace it` });
        continue;
      }
      written.set(out, file);
      result.imported.push({ file, out, id, ...(notice ? { notice } : {}) });
    } catch (e) {
      result.skipped.push({ file, kind: "error", reason: describe(e, file) });
    }
  }
  return result;
}

async function prepare(file: string, opts: ImportOptions) {
  checkSize((await stat(file)).size, file); // before reading, so a huge file is never loaded
  const decoded = decodeFile(new Uint8Array(await readFile(file)), file);
  const raw = parseRaw(cleanText(decoded.text), file, opts.date !== undefined ? { date: opts.date } : {});
  const id = articleId(raw.date, raw.paragraphs);
  const lead = raw.paragraphs.find((p) => /[\p{L}\p{N}]/u.test(p)) ?? raw.paragraphs[0]!;
  const title = deriveTitle(lead) || lead;
  const [year, month] = raw.date.split("-");
  const out = join(opts.contentDir, "ar", year!, month!, `${id}.md`);
  const markdown = toMarkdown(
    {
      id,
      title,
      titleDerived: true,
      date: raw.date,
      ...(raw.source !== undefined ? { source: raw.source } : {}),
      ...(raw.place !== undefined ? { place: raw.place } : {}),
      translationKey: id,
      importedFrom: basename(file),
    },
    raw.paragraphs,
  );
  return { out, id, markdown, ...(decoded.notice ? { notice: decoded.notice } : {}) };
}

/**
 * Writes via a temp file in the target directory, so a crash never leaves a half-written
 * article. Without force, link() refuses to replace an existing file (even one created
 * meanwhile); returns false then.
 */
async function writeAtomic(out: string, text: string, force: boolean): Promise<boolean> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: "utf8", flag: "wx" });
    if (force) {
      await rename(tmp, out);
      return true;
    }
    try {
      await link(tmp, out);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e;
    }
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

/** One line for the report; no stack traces, also for file-system errors. */
function describe(e: unknown, file: string): string {
  if (e instanceof ContentError) return e.format();
  const err = e as NodeJS.ErrnoException;
  const fs: Record<string, [string, string]> = {
    ENOENT: ["file not found", "check the path"],
    EISDIR: ["is a directory, not a file", "pass the .txt files inside it, e.g. DIR/*.txt"],
    EACCES: ["permission denied", "check the file and content folder permissions"],
    EPERM: ["permission denied", "check the file and content folder permissions"],
    ENOSPC: ["disk full", "free some space and run the import again"],
  };
  const known = err?.code !== undefined ? fs[err.code] : undefined;
  if (known) return new ContentError(err.path === undefined || err.path === file ? file : `${file} → ${err.path}`, known[0], { hint: known[1] }).format();
  const msg = (err?.message ?? String(e)).split("\n")[0];
  return `${file}: could not import (${msg}). What to do: report this as a bug in arshif`;
}
