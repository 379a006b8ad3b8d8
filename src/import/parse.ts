import { ContentError } from "../content/errors.ts";

export interface RawArticle {
  date: string;
  source?: string;
  place?: string;
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
  if (header) {
    if (isHeaderDateline(header.lines[0]!)) {
      dateline = header.lines[0]!;
      if (header.lines.length > 1) blocks.unshift({ lines: header.lines.slice(1) });
    } else {
      blocks.unshift(header);
    }
    // `ناصر الطميحي` / blank / `ـ جدة`: the place on its own dash-led line continues the byline.
    const next = blocks[0];
    if (dateline && next && next.lines.length === 1 && /^[-–—ـ]+\s*\S+(?:\s+\S+){0,2}\s*:?$/u.test(next.lines[0]!)) {
      dateline = `${dateline} ${next.lines[0]!}`;
      blocks.shift();
    }
  } else {
    const b = blocks[0];
    if (b && isStandaloneDateline(b.lines[0]!)) {
      dateline = b.lines[0]!;
      if (b.lines.length > 1) blocks[0] = { lines: b.lines.slice(1) };
      else blocks.shift();
    }
  }

  const paragraphs = blocks.map((b) => b.lines.join(" "));
  if (dateline && paragraphs[0]) paragraphs[0] = stripRepeatedDateline(paragraphs[0], dateline);
  if (paragraphs.length === 0 || paragraphs.every((p) => p === "")) {
    throw new ContentError(file, dateline ? "no body: the file has a dateline but no article text" : "no body: the file has no article text", {
      hint: "add the article paragraphs, separated by blank lines, after the date/dateline lines",
    });
  }
  return { date, ...(dateline ? { dateline, ...unquoted(splitDateline(dateline, header !== undefined)) } : {}), paragraphs: paragraphs.filter((p) => p !== "") };
}

/** `«الشرق الأوسط»` → `الشرق الأوسط` for the front matter fields. */
function unquoted(parts: { source?: string; place?: string } | undefined): { source?: string; place?: string } {
  const out: { source?: string; place?: string } = {};
  for (const key of ["source", "place"] as const) {
    const v = parts?.[key]?.replace(/^["«“']+|["»”']+$/gu, "").trim();
    if (v) out[key] = v;
  }
  return out;
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

function isHeaderDateline(line: string): boolean {
  if (words(line) > 12 || line.length > 100 || hasSentencePunctuation(line, false)) return false;
  // A shapeless byline (`منال عبد الكريم الرويشد`, `«الاقتصادية» من الرياض`) must have no punctuation at all.
  return splitDateline(line, true) !== undefined || (!hasSentencePunctuation(line, true) && !line.includes(":"));
}

/**
 * After a blank line the text could as well be the lead (`السوق - كما يقول التجار - هادئة`), so
 * the shape alone is not enough: one part must be a known agency, place or dateline word.
 */
function isStandaloneDateline(line: string): boolean {
  if (words(line) > 8 || line.length > 80 || hasSentencePunctuation(line, true) || !splitDateline(line)) return false;
  const parts = line.split(new RegExp(`[:()]|${DASH.source}`, "u")).map((p) => p.trim());
  return parts.some((p) => isAgency(p) || isPlace(p) || NOT_PLACE.has(norm(p)));
}

/** Sabq repeats the dateline at the start of the body (`سبق- جدة: انتقلت …`). */
function stripRepeatedDateline(p: string, dateline: string): string {
  if (p === dateline) return "";
  return p.startsWith(dateline + " ") ? p.slice(dateline.length + 1).trim() : p;
}

// A dash between words: - – — and tatweel used as a dash (`الرياضي ـ القاهرة`, `لندن ــ د. ب. أ`).
const DASH = /\s*[-–—‒―−]+\s*|\s+ـ+\s*|\s*ـ+\s+/u;

/**
 * Reads source and place out of a dateline. Returns undefined if the line does not have a
 * dateline shape, `{}` if it has one but neither part can be told apart.
 * Which side is which varies by outlet (`جدة - واس`, `واس - الرياض`, `الرياض - خالد الحربي`),
 * so known agencies and places decide; otherwise the left part is the source (`شفق نيوز - بغداد`).
 */
export function splitDateline(line: string, loose = false): { source?: string; place?: string } | undefined {
  const s = line.trim().replace(/\s*:$/, "");
  const colon = s.indexOf(":");
  if (colon > 0) {
    const left = s.slice(0, colon).trim();
    const right = s.slice(colon + 1).trim();
    const parts = splitDash(left, loose);
    if (!left || words(left) > (parts ? 5 : 3)) return undefined;
    if (right && isAgency(right)) {
      // `لندن: «الشرق الأوسط»`, `لندن - تل أبيب: «الشرق الأوسط»`; `نايف عبدالله – سعد الفراج: عين اليوم` names no place.
      const place = parts ? parts.find(isPlace) : left;
      return { source: right, ...(place !== undefined ? { place } : {}) };
    }
    if (parts) return orient(parts);
    if (isAgency(left)) return { source: left, ...(isPlace(right) ? { place: right } : {}) };
    return NOT_PLACE.has(norm(left)) ? {} : { place: left };
  }
  const parts = splitDash(s, loose);
  if (parts) return orient(parts);
  const paren = /^([^()]+?)\s*\(([^()]+)\)$/u.exec(s); // عكاظ (جدة)
  if (paren && words(paren[1]!) <= 3 && words(paren[2]!) <= 4) return orient([paren[1]!, paren[2]!]);
  const from = /^(.+?)\s+من\s+(.+)$/u.exec(s); // «الاقتصادية» من الرياض; only with a known place, «من» is common
  if (from && words(from[1]!) <= 3 && isPlace(from[2]!)) return orient([from[1]!, from[2]!]);
  if (isAgency(s)) return { source: s }; // a bare credit line: رويترز
  if (line.trim().endsWith(":") && words(s) <= 3) return { place: s };
  return undefined;
}

/** Parts between dashes; a header line may have longer parts (`بيروت - أ ف ب ، د ب أ`). */
function splitDash(s: string, loose: boolean): string[] | undefined {
  const parts = s.split(new RegExp(DASH.source, "gu")).map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === "" || words(p) > (loose ? 6 : 4))) return undefined;
  return parts;
}

function orient(parts: string[]): { source?: string; place?: string } {
  const useful = parts.filter((p) => !NOT_PLACE.has(norm(p)));
  const agency = useful.find(isAgency);
  const place = useful.find((p) => p !== agency && isPlace(p));
  if (agency !== undefined || place !== undefined) {
    const other = useful.filter((p) => p !== agency && p !== place);
    const source = agency ?? (parts.length === 2 ? other[0] : undefined);
    // Next to an agency, an unknown one-word part is a place (`عين اليوم – أبها`); a longer one is
    // usually the reporter's name (`أيمن حسن- سبق`).
    const guess = parts.length === 2 ? other[0] : useful[useful.indexOf(agency!) + 1];
    const where = place ?? (guess !== undefined && words(guess) === 1 && !isAgency(guess) ? guess : undefined);
    return { ...(source !== undefined ? { source } : {}), ...(where !== undefined ? { place: where } : {}) };
  }
  if (parts.length !== 2 || useful.length !== 2) return {};
  // Unknown names on both sides: a one-word part next to a longer one is the place
  // (`طبرجل - عبد الله الهريويل`); otherwise SOURCE - PLACE.
  const [a, b] = [parts[0]!, parts[1]!];
  return words(a) === 1 && words(b) > 1 ? { source: b, place: a } : { source: a, place: b };
}

/** Compare names without quotes, dots, hamza forms or spacing differences. */
function norm(s: string): string {
  return s
    .replace(/[«»"'“”.:\u0640\u064B-\u0652]/g, "")
    .replace(/[أإآ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/\s+/g, "");
}

const isAgency = (s: string): boolean => AGENCIES.has(norm(s));
const isPlace = (s: string): boolean => PLACES.has(norm(s));

// Wire agencies and outlets that appear in datelines.
const AGENCIES = new Set(
  [
    "واس", "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس", "الفرنسية", "د ب أ", "د. ب. أ", "أ ب", "أسوشيتد برس",
    "الأناضول", "وكالات", "الوكالات", "كونا", "وام", "بنا", "قنا", "سانا", "واع", "شفق نيوز", "السومرية نيوز", "رووداو",
    "المدى برس", "الشرق الأوسط", "الشرق الأوسط أونلاين", "الاقتصادية", "عكاظ", "اليوم", "الجزيرة", "الوطن",
    "المدينة", "الوئام", "سبق", "عين اليوم", "الرياضي", "الرياضية",
  ].map(norm),
);

// Words in the place slot that are not places ("follow-up", "agencies").
const NOT_PLACE = new Set(["متابعة", "متابعات", "خاص", "كتب", "تقرير", "حوار", "إعداد", "تصوير", "استطلاع", "استطلاع وتصوير"].map(norm));

// Cities and countries that often head Iraqi and Gulf datelines; only used to tell place from source.
const PLACES = new Set(
  [
    "بغداد", "البصرة", "الموصل", "أربيل", "كركوك", "النجف", "كربلاء", "الأنبار", "الرمادي", "الفلوجة", "السليمانية",
    "دهوك", "الحلة", "بابل", "ديالى", "بعقوبة", "الكوت", "واسط", "العمارة", "ميسان", "الناصرية", "ذي قار",
    "السماوة", "الديوانية", "تكريت", "سامراء", "صلاح الدين", "نينوى", "العراق",
    "الرياض", "جدة", "مكة", "مكة المكرمة", "المدينة المنورة", "الدمام", "الطائف", "أبها", "تبوك", "حائل", "الجوف",
    "عرعر", "جازان", "نجران", "الخبر", "القطيف", "الأحساء", "بريدة", "القصيم", "ينبع", "الباحة", "الظهران",
    "الدوحة", "دبي", "أبوظبي", "أبو ظبي", "الكويت", "المنامة", "مسقط", "عمان", "صنعاء", "عدن", "القاهرة",
    "الإسكندرية", "بيروت", "دمشق", "حلب", "عمّان", "القدس", "غزة", "رام الله", "تونس", "الجزائر", "الرباط",
    "الخرطوم", "طرابلس", "طهران", "أنقرة", "إسطنبول", "اسطنبول", "لندن", "باريس", "برلين", "بروكسل", "جنيف",
    "روما", "موسكو", "واشنطن", "نيويورك", "بكين", "كابول", "إسلام آباد", "نيودلهي", "فيينا", "مدريد",
  ].map(norm),
);
