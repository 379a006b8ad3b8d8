import { ContentError } from "../content/errors.ts";
import { DASH, hasFields, isAgency, isPlace, norm, parseDateline, type Dateline } from "./dateline.ts";

export interface RawArticle {
  date: string;
  source?: string;
  place?: string;
  author?: string;
  /** The dateline names a desk or kind of piece (news, not a column). */
  desk?: boolean;
  /** What the dateline itself says (date, Hijri date, time), for the date check. */
  stamp?: Pick<Dateline, "date" | "hijri" | "time">;
  paragraphs: string[];
  /** The dateline/byline line as written (not part of the body). */
  dateline?: string;
}

interface Block {
  lines: string[];
}

// `date 2025-09-16`, optionally followed on the same line by the dateline (seed 001).
// The value must start with a digit so an English lead such as "Date palms …" is not taken for it.
const DATE_LINE = /^date(?:\s*:\s*|\s+)(\d\S*)(?:\s+(.*))?$/i;

/**
 * Splits a cleaned raw article into date, dateline and paragraphs.
 *
 * Date: the file's `date` line, else `opts.date` (--date). If both are given and differ the file
 * is rejected rather than silently picking one: a batch --date must not overwrite dates that
 * files carry.
 *
 * Dateline: a line right under the date line (no blank line between, as in the corpus) is the
 * header; it is taken as the dateline if it is short and not a sentence (bylines such as
 * `منال الرويشد` or `«الاقتصادية» من الرياض` included). A first block separated by a blank line
 * is taken only if it has the dateline shape (`SOURCE - PLACE`, `PLACE:`, `PLACE: AUTHOR`,
 * `SOURCE (PLACE)`), at most 8 words, no sentence punctuation and a known agency or place in it,
 * so a real paragraph is not lost.
 */
export function parseRaw(text: string, file: string, opts: { date?: string }): RawArticle {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim());
  const first = lines.findIndex((l) => l !== "");
  if (first === -1) throw new ContentError(file, "file has no text", { hint: "write the article text into it" });

  let fileDate: string | undefined;
  let bodyFrom = first;
  let header: Block | undefined;
  const m = DATE_LINE.exec(lines[first]!);
  if (m) {
    fileDate = m[1]!;
    checkDate(fileDate, file, first + 1, "write the first line as `date YYYY-MM-DD`, e.g. date 2025-09-16");
    const attached: string[] = m[2] ? [m[2].trim()] : [];
    let j = first + 1;
    for (; j < lines.length && lines[j] !== ""; j++) attached.push(lines[j]!);
    if (attached.length) header = { lines: attached };
    bodyFrom = j;
  }
  const date = resolveDate(fileDate, opts.date, file, first + 1);

  const blocks = toBlocks(lines, bodyFrom);
  let dateline: string | undefined;
  let fields: Dateline | undefined;
  if (header) {
    const d = headerDateline(header.lines[0]!);
    if (d) {
      dateline = header.lines[0]!;
      fields = d;
      if (header.lines.length > 1) blocks.unshift({ lines: header.lines.slice(1) });
    } else {
      blocks.unshift(header);
    }
    // `ناصر الطميحي` / blank / `ـ جدة`: the place on its own dash-led line continues the byline.
    const next = blocks[0];
    if (dateline && next && next.lines.length === 1 && /^[-–—ـ]+\s*\S+(?:\s+\S+){0,2}\s*:?$/u.test(next.lines[0]!)) {
      dateline = `${dateline} ${next.lines[0]!}`;
      fields = headerDateline(dateline) ?? fields;
      blocks.shift();
    }
  }
  // No header, or a header naming no place/outlet: the first paragraph may be the dateline
  // (`عين اليوم – المنامة`, SPA's `بغداد 25 شوال 1436 هـ الموافق … م واس`).
  const b = blocks[0];
  const d = b ? standaloneDateline(b.lines[0]!) : undefined;
  if (b && d) {
    dateline = dateline ? `${dateline} | ${b.lines[0]!}` : b.lines[0]!;
    fields = { ...d, ...(fields?.author && !d.author ? { author: fields.author } : {}) };
    if (b.lines.length > 1) blocks[0] = { lines: b.lines.slice(1) };
    else blocks.shift();
  }

  const paragraphs = blocks.map((b) => b.lines.join(" "));
  if (!dateline && paragraphs[0]) {
    const m = /^([^:.،,؟!]{2,60}?)\s*:\s+(\S.*)$/u.exec(paragraphs[0]);
    const d = m ? standaloneDateline(m[1]!) : undefined;
    if (m && d && d.source !== undefined) { // with an outlet only: `بغداد: قال مسؤول …` stays the lead
      dateline = m[1]!;
      fields = d;
      paragraphs[0] = m[2]!;
    }
  }
  // A byline glued before the lead: `نايف عبدالله – عين اليوم (تصوير: …) حاورت …`.
  if (!dateline && paragraphs[0]) {
    const g = /^([^.،,:؟!«»"“”]{2,40}?\s*[-–—]\s*(?:عين اليوم|الوئام|سبق|واس)(?:\s*\(تصوير\s*:?[^()]{0,40}\))?)\s+(\S.*)$/u.exec(paragraphs[0]);
    const d = g ? standaloneDateline(g[1]!.replace(/\s*\(تصوير[^()]*\)$/u, "")) : undefined;
    if (g && d && (d.author !== undefined || d.place !== undefined)) {
      dateline = g[1]!;
      fields = d;
      paragraphs[0] = g[2]!;
    }
  }
  if (dateline && paragraphs[0]) paragraphs[0] = stripRepeatedDateline(paragraphs[0], dateline);
  if (paragraphs.length === 0 || paragraphs.every((p) => p === "")) {
    throw new ContentError(file, dateline ? "no body: the file has a dateline but no article text" : "no body: the file has no article text", {
      hint: "add the article paragraphs, separated by blank lines, after the date/dateline lines",
    });
  }
  const stamp = fields ? { ...(fields.date ? { date: fields.date } : {}), ...(fields.hijri ? { hijri: fields.hijri } : {}), ...(fields.time ? { time: fields.time } : {}) } : {};
  return {
    date,
    ...(dateline ? { dateline } : {}),
    ...(fields?.source ? { source: fields.source } : {}),
    ...(fields?.place ? { place: fields.place } : {}),
    ...(fields?.author ? { author: fields.author } : {}),
    ...(fields?.desk ? { desk: true } : {}),
    ...(Object.keys(stamp).length ? { stamp } : {}),
    paragraphs: paragraphs.filter((p) => p !== ""),
  };
}

function toBlocks(lines: string[], from: number): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === "") cur = undefined;
    else if (cur) cur.lines.push(l);
    else blocks.push((cur = { lines: [l] }));
  }
  return blocks;
}

function resolveDate(fileDate: string | undefined, optDate: string | undefined, file: string, line: number): string {
  if (optDate !== undefined) checkDate(optDate, file, undefined, "pass --date as YYYY-MM-DD, e.g. --date 2025-09-16");
  if (fileDate !== undefined && optDate !== undefined && fileDate !== optDate) {
    throw new ContentError(file, `the file says date ${fileDate} but --date says ${optDate}`, {
      field: "date",
      line,
      hint: "import this file without --date (it has its own date line), or correct its date line",
    });
  }
  const date = fileDate ?? optDate;
  if (date === undefined) {
    throw new ContentError(file, "no date: the file has no `date YYYY-MM-DD` line", {
      field: "date",
      hint: "pass --date YYYY-MM-DD (the publication date), or add a first line such as `date 2025-09-16`",
    });
  }
  return date;
}

/** YYYY-MM-DD and a real calendar day (2025-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function checkDate(value: string, file: string, line: number | undefined, hint: string): void {
  if (isCalendarDate(value)) return;
  const problem = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value} is not a real calendar date` : `"${value}" is not a date in the form YYYY-MM-DD`;
  throw new ContentError(file, problem, { field: "date", ...(line !== undefined ? { line } : {}), hint });
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Sentence punctuation, ignoring abbreviation dots after a lone letter (د. ب. أ، أ.ف.ب). */
function hasSentencePunctuation(s: string, commasToo: boolean): boolean {
  const t = s.replace(/(?<![\p{L}\p{N}])(\p{L})\./gu, "$1");
  return (commasToo ? /[.؟?!؛;…،,]/ : /[.؟?!؛;…]/).test(t);
}

/** A line right under the date line: short and not a sentence (bylines included). */
function headerDateline(line: string): Dateline | undefined {
  const plain = line.replace(/\s*\|.*$/u, ""); // `… | Tuesday, 11 August 2015 - 15:52 pm`
  if (words(plain) > 12 || plain.length > 100 || hasSentencePunctuation(plain, false)) return undefined;
  const d = parseDateline(line, true);
  return hasFields(d) ? d : undefined;
}

// SPA's dated dateline.
const SPA_SHAPE = /^\S+(?:\s+\S+){0,2}\s+\d{1,2}\s+\S+\s+\d{4}\s*هـ?\s*الموافق\s+\d{1,2}\s+\S+\s+\d{4}\s*م?\s*واس$/u;

/**
 * After a blank line the text could as well be the lead (`السوق - كما يقول التجار - هادئة`), so
 * the shape alone is not enough: one part must be a known agency, place or dateline word.
 */
function standaloneDateline(line: string): Dateline | undefined {
  const s = line.replace(/^Next Previous\s+/u, "");
  if (SPA_SHAPE.test(s)) return parseDateline(s);
  // A list of bylines (`واس (جدة)، عبدالله القحطاني (أبها)`) or a doctor's byline (`.د.عبدالله بن محمد الشعلان`).
  if (/^[^()،,.]{2,30}\([^()]{2,20}\)(?:\s*[،,]\s*[^()،,.]{2,30}\([^()]{2,20}\))+$/u.test(s)) {
    const parts = s.split(/\s*[،,]\s*/u).map((p) => parseDateline(p) ?? {});
    const author = parts.map((p) => p.author).filter(Boolean).join("، ");
    const merged: Dateline = {};
    for (const p of parts) {
      merged.source ??= p.source;
      merged.place ??= p.place;
    }
    for (const k of ["source", "place"] as const) if (merged[k] === undefined) delete merged[k];
    return { ...merged, ...(author ? { author } : {}) };
  }
  // `كتب – عبدالكريم الحارثي`, `إعداد: …`: a credit line.
  if (/^(?:كتب|كتبت|إعداد|حوار|تقرير|متابعة)\s*[-–—ـ:]\s*\S+(?:\s+\S+){0,3}$/u.test(s)) return parseDateline(s);
  const doctor = /^\.?(د\.\s*\S+(?:\s+\S+){1,4})$/u.exec(s);
  if (doctor && !/[،,؛]/u.test(s)) return { author: doctor[1]! };
  if (words(s) > 8 || s.length > 80 || hasSentencePunctuation(s, false)) return undefined;
  const d = parseDateline(s);
  if (!hasFields(d)) return undefined;
  const parts = s.split(new RegExp(`[:()]|${DASH.source}`, "u")).map((p) => p.trim());
  return parts.some((p) => isAgency(p) || isPlace(p) || NOT_PLACE_WORDS.has(norm(p))) ? d : undefined;
}
const NOT_PLACE_WORDS = new Set(["متابعة", "متابعات", "خاص", "وكالات"].map(norm));

/** Sabq repeats the dateline at the start of the body (`سبق- جدة: انتقلت …`). */
function stripRepeatedDateline(p: string, dateline: string): string {
  if (p === dateline) return "";
  return p.startsWith(dateline + " ") ? p.slice(dateline.length + 1).trim() : p;
}

/** Kept for callers of the old API: the place/source of a dateline line. */
export function splitDateline(line: string, loose = false): Dateline | undefined {
  return parseDateline(line, loose);
}
