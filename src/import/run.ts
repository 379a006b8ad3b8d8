import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ContentError } from "../content/errors.ts";
import { checkSize, decodeFile } from "../text/decode.ts";
import { cleanText } from "../text/clean.ts";
import { parseRaw, type RawArticle } from "./parse.ts";
import { deriveTitle, headlineFrom, isSalutation } from "./title.ts";
import { learnBoilerplate, removeBoilerplate, type Learnt, type Removal } from "./boilerplate.ts";
import { checkHijri, parseDateline } from "./dateline.ts";
import { mergeBrokenParagraphs } from "../text/paragraphs.ts";
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
  title: string;
  /** Everything taken out of the raw text, with its rule (the import report). */
  removed: Removal[];
  /** The dateline as written and what was read from it. */
  dateline?: string;
  fields: { source?: string; place?: string; author?: string };
  opinion: boolean;
  /** Paragraphs joined or split by paragraph repair. */
  repaired: { merged: number };
  /** Other files with the same text and date, recorded in the article (`alsoImportedFrom`). */
  copies: string[];
}

export interface Skipped {
  file: string;
  /** One line: `file:line (field "x"): problem. What to do: hint`. */
  reason: string;
  /** "exists": already imported (not a failure); "copy": same text and date as another file of this run, recorded there; "error": the file could not be imported. */
  kind: "exists" | "copy" | "error";
}

export interface ImportResult {
  imported: Imported[];
  skipped: Skipped[];
}

interface Parsed {
  file: string;
  raw: RawArticle;
  notice?: string;
}

/**
 * Imports raw article files; a failing file is reported and the others go on. Two passes: all
 * files are read first, so an outlet's repeated boilerplate is learnt from all its articles in
 * the batch and same-day copies are recorded in the article they duplicate.
 */
export async function importFiles(files: string[], opts: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { imported: [], skipped: [] };
  const parsed: Parsed[] = [];
  const order = new Map<string, number>();
  for (const [i, file] of files.entries()) {
    order.set(file, i);
    try {
      parsed.push(await read(file, opts));
    } catch (e) {
      result.skipped.push({ file, kind: "error", reason: describe(e, file) });
    }
  }
  const byOutlet = new Map<string, string[][]>();
  for (const p of parsed) {
    const k = outletKey(p.raw);
    byOutlet.set(k, [...(byOutlet.get(k) ?? []), p.raw.paragraphs]);
  }
  const learnt = new Map([...byOutlet].map(([k, bodies]) => [k, learnBoilerplate(bodies)]));

  const prepared: Prepared[] = [];
  for (const p of parsed) {
    try {
      prepared.push(prepare(p, learnt.get(outletKey(p.raw)), opts));
    } catch (e) {
      result.skipped.push({ file: p.file, kind: "error", reason: describe(e, p.file) });
    }
  }
  // Same text and date → same id: the first file is imported, the others recorded in it.
  const groups = new Map<string, Prepared[]>();
  for (const p of prepared) groups.set(p.out, [...(groups.get(p.out) ?? []), p]);
  for (const [out, group] of groups) {
    const [first, ...copies] = group;
    const copyNames = copies.map((c) => basename(c.file));
    try {
      const wrote = await writeAtomic(out, first!.markdown(copyNames), opts.force === true);
      if (!wrote) {
        for (const g of group) result.skipped.push({ file: g.file, kind: "exists", reason: `${g.file}: ${out} exists (imported before). What to do: nothing, or use --force to replace it` });
        continue;
      }
      result.imported.push({ ...first!.info, copies: copies.map((c) => c.file) });
      for (const c of copies) {
        result.skipped.push({ file: c.file, kind: "copy", reason: `${c.file}: same text and date as ${first!.file}, recorded in ${out} (alsoImportedFrom). What to do: nothing (it is a copy)` });
      }
    } catch (e) {
      for (const g of group) result.skipped.push({ file: g.file, kind: "error", reason: describe(e, g.file) });
    }
  }
  const pos = (f: string) => order.get(f) ?? 0;
  result.imported.sort((a, b) => pos(a.file) - pos(b.file));
  result.skipped.sort((a, b) => pos(a.file) - pos(b.file));
  return result;
}

/** Articles are grouped by outlet for boilerplate learning: the dateline's outlet, else one group of the unattributed. */
const outletKey = (raw: RawArticle): string => raw.source ?? "";

async function read(file: string, opts: ImportOptions): Promise<Parsed> {
  checkSize((await stat(file)).size, file); // before reading, so a huge file is never loaded
  const decoded = decodeFile(new Uint8Array(await readFile(file)), file);
  const raw = parseRaw(cleanText(decoded.text), file, opts.date !== undefined ? { date: opts.date } : {});
  return { file, raw, ...(decoded.notice ? { notice: decoded.notice } : {}) };
}

interface Prepared {
  file: string;
  out: string;
  info: Omit<Imported, "copies">;
  markdown: (copies: string[]) => string;
}

function prepare({ file, raw: parsedRaw, notice }: Parsed, learnt: Learnt | undefined, opts: ImportOptions): Prepared {
  let raw = parsedRaw;
  const cleaned = removeBoilerplate(raw.paragraphs, learnt);
  const removed = [...cleaned.removed];
  const repaired = mergeBrokenParagraphs(cleaned.paragraphs);
  let paragraphs = repaired.paragraphs;
  if (paragraphs.length === 0) {
    throw new ContentError(file, `no body: only boilerplate is left (${removed.map((r) => r.rule).join(", ")})`, {
      hint: "check the file holds an article; the removed lines are listed with --report",
    });
  }
  const notices = [...(notice ? [notice] : []), ...checkStamp(raw)];
  const opinion = raw.author !== undefined && raw.source === undefined && raw.place === undefined && raw.desk !== true;
  // A short first line with no sentence end, above a long paragraph, is the article's own deck:
  // it is the headline (moved, and reported as such).
  let title: string;
  let salutation = false;
  const first = paragraphs[0]!;
  const wc = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const shortLine = paragraphs.length > 1 && wc(first) >= 3 && wc(first) <= 14 && !/[.!؟?:،,…]$/u.test(first) && wc(paragraphs[1]!) >= 15 && !isSalutation(first);
  // A deck says what happened (it has a verb: `كيري يؤكد …`, `واصلت مقاتلات …`); a verbless line above the lead is a photo caption.
  const byline = shortLine && wc(first) <= 6 ? parseDateline(first, true) : undefined;
  if (byline && (byline.author !== undefined || byline.place !== undefined) && /[-–—ـ()]/u.test(first)) {
    // A byline left above the lead (`حاتم النجيمي – تربة`): never a headline.
    removed.push({ rule: "byline", text: first });
    if (raw.author === undefined && byline.author !== undefined) raw = { ...raw, author: byline.author };
    if (raw.place === undefined && byline.place !== undefined) raw = { ...raw, place: byline.place };
    paragraphs = paragraphs.slice(1);
    title = headlineFrom(paragraphs).title || paragraphs[0]!;
  } else if (shortLine && hasVerb(first)) {
    title = deriveTitle(first);
    removed.push({ rule: "deck-as-title", text: first });
    paragraphs = paragraphs.slice(1);
  } else if (shortLine && !/\p{N}/u.test(first)) {
    removed.push({ rule: "caption", text: first });
    paragraphs = paragraphs.slice(1);
    title = headlineFrom(paragraphs).title || paragraphs[0]!;
  } else {
    const h = headlineFrom(paragraphs);
    title = h.title || first;
    salutation = h.salutation;
  }
  const id = articleId(raw.date, paragraphs);
  const [year, month] = raw.date.split("-");
  const out = join(opts.contentDir, "ar", year!, month!, `${id}.md`);
  const fields = {
    ...(raw.source !== undefined ? { source: raw.source } : {}),
    ...(raw.place !== undefined ? { place: raw.place } : {}),
    ...(raw.author !== undefined ? { author: raw.author } : {}),
  };
  const isOpinion = opinion || salutation || removed.some((r) => r.rule === "salutation");
  const info: Omit<Imported, "copies"> = {
    file,
    out,
    id,
    title,
    removed,
    fields,
    opinion: isOpinion,
    repaired: { merged: repaired.merged },
    ...(raw.dateline !== undefined ? { dateline: raw.dateline } : {}),
    ...(notices.length ? { notice: notices.join("; ") } : {}),
  };
  const markdown = (copies: string[]) =>
    toMarkdown(
      {
        id,
        title,
        titleDerived: true,
        date: raw.date,
        ...fields,
        ...(isOpinion ? { opinion: true } : {}),
        translationKey: id,
        importedFrom: basename(file),
        ...(copies.length ? { alsoImportedFrom: copies } : {}),
      },
      paragraphs,
    );
  return { file, out, info, markdown };
}

/** A present-tense verb (`يكشف`, `تعيد`, `يؤكد`), a past verb ending a plural (`…وا`), or the `..` of a two-part deck. */
function hasVerb(line: string): boolean {
  return /\.\./u.test(line) || line.split(/\s+/).some((w) => /^[وف]?(?:[يت](?!ال)[\u0621-\u064A]{2,})$/u.test(w) && !/^ت\S*(?:ات|ي\S)$/u.test(w) && !/^(?:تركيا|تونس|تبوك|تعز|تكريت|تايوان|تشاد|تنزانيا|تموز|تشرين|يونيو|يوليو|يناير|يوم|تاريخ|تحت|تجاه|تلك|تم)$/u.test(w)) || /^(?:أعلن|أكد|قال|كشف|واصل|بدأ|وصل|عاد|فاز|خسر|قرر|أصدر|افتتح|دشن|رفض|وافق|انطلق)/u.test(line.trim());
}

/** The dateline's own date (SPA, Arriyadiyah) against the file's date line, and SPA's Hijri date against its Gregorian one. */
function checkStamp(raw: RawArticle): string[] {
  const out: string[] = [];
  const d = raw.stamp?.date;
  if (d !== undefined && d !== raw.date) out.push(`the dateline says ${d}, the date line ${raw.date}; kept ${raw.date}`);
  if (raw.stamp?.hijri && d) {
    const problem = checkHijri(raw.stamp.hijri, d);
    if (problem) out.push(problem);
  }
  return out;
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
