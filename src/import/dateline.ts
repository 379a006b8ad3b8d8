import { COUNTRY_CODES, countryNames } from "../entities/countries.ts";

/**
 * Datelines and bylines of scraped Arabic news, read into fields. `source` is only ever an
 * agency or outlet (a known name); people go to `author`; the place is a known city/country or,
 * in a slot where the outlet puts the place, a one-word name.
 */
export interface Dateline {
  place?: string;
  source?: string;
  author?: string;
  /** Gregorian date written in the dateline (SPA, Arriyadiyah), YYYY-MM-DD. */
  date?: string;
  /** SPA's Hijri date as written (`25 شوال 1436 هـ`), for the date check. */
  hijri?: string;
  /** `HH:MM` when the dateline carries a time. */
  time?: string;
  /** The dateline names a desk or a kind of piece (متابعات, حوار, استطلاع, إعداد): a news item, not a column. */
  desk?: boolean;
}

// A dash between words: - – — and tatweel used as a dash (`الرياضي ـ القاهرة`, `لندن ــ د. ب. أ`).
export const DASH = /\s*[-–—‒―−]+\s*|\s+ـ+\s*|\s*ـ+\s+/u;

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Compare names without quotes, dots, brackets, hamza forms or spacing differences. */
export function norm(s: string): string {
  return s
    .replace(/[«»"'“”.:()\u0640\u064B-\u0652]/g, "")
    .replace(/[أإآ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة(?=\s|$)/g, "ه")
    .replace(/\s+/g, "");
}

// Wire agencies and outlets that appear in datelines.
const AGENCIES = new Set(
  [
    "واس", "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس", "الفرنسية", "د ب أ", "د. ب. أ", "أ ب", "أسوشيتد برس",
    "الأناضول", "وكالات", "الوكالات", "كونا", "وام", "بنا", "قنا", "سانا", "واع", "شفق نيوز", "السومرية نيوز", "رووداو",
    "المدى برس", "الشرق الأوسط", "الشرق الأوسط أونلاين", "الاقتصادية", "عكاظ", "اليوم", "الجزيرة", "الوطن",
    "المدينة", "الوئام", "سبق", "عين اليوم", "الرياضي", "الرياضية", "اليوم وكالات", "أ ف ب ، د ب أ", "د ب أ ، أ ف ب",
    "بي بي سي", "سي إن إن", "العربية", "العربية نت", "الحياة", "النهار", "الألمانية", "الصينية", "يو بي آي", "إفي",
  ].map(norm),
);

// Words in the place slot that are not places ("follow-up", "agencies", "capitals").
const NOT_PLACE = new Set(
  ["متابعة", "متابعات", "خاص", "كتب", "تقرير", "حوار", "حاوره", "إعداد", "تصوير", "استطلاع", "استطلاع وتصوير", "عواصم", "خاص بالرياض", "مساحة زمنية", "المحليات", "قراءة", "رؤية", "زائر", "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"].map(norm),
);

// Cities that head Iraqi and Gulf datelines (countries come from CLDR below).
const CITIES = [
  "بغداد", "البصرة", "الموصل", "أربيل", "كركوك", "النجف", "كربلاء", "الأنبار", "الرمادي", "الفلوجة", "السليمانية",
  "دهوك", "الحلة", "بابل", "ديالى", "بعقوبة", "الكوت", "واسط", "العمارة", "ميسان", "الناصرية", "ذي قار",
  "السماوة", "الديوانية", "تكريت", "سامراء", "صلاح الدين", "نينوى",
  "الرياض", "جدة", "مكة", "مكة المكرمة", "المدينة المنورة", "الدمام", "الطائف", "أبها", "تبوك", "حائل", "الجوف",
  "عرعر", "جازان", "جيزان", "نجران", "الخبر", "القطيف", "الأحساء", "الاحساء", "بريدة", "القصيم", "ينبع", "الباحة", "الظهران",
  "الجبيل", "خميس مشيط", "حفر الباطن", "الخفجي", "سكاكا", "عنيزة", "المجمعة", "الخرج", "رابغ", "القنفذة", "بيشة", "أملج",
  "الدوحة", "دبي", "أبوظبي", "أبو ظبي", "المنامة", "مسقط", "عمان", "صنعاء", "عدن", "تعز", "القاهرة",
  "الإسكندرية", "بيروت", "دمشق", "حلب", "عمّان", "القدس", "غزة", "رام الله", "الرباط", "الخرطوم", "طرابلس",
  "طهران", "أنقرة", "إسطنبول", "اسطنبول", "لندن", "باريس", "برلين", "بروكسل", "جنيف", "روما", "موسكو", "واشنطن",
  "نيويورك", "بكين", "كابول", "إسلام آباد", "نيودلهي", "فيينا", "مدريد", "برشلونة", "ميلانو", "ميونيخ", "لوس أنجلوس",
  "سان بطرسبرج", "شنغهاي", "طوكيو", "سيدني", "أثينا", "كييف", "الولايات المتحدة", "المنطقة الشرقية", "الحدود الشمالية",
];
let places: Set<string> | undefined;
function placeSet(): Set<string> {
  if (!places) {
    places = new Set(CITIES.map(norm));
    for (const code of COUNTRY_CODES) {
      const ar = countryNames(code)?.ar;
      if (ar) places.add(norm(ar));
    }
  }
  return places;
}

export const isAgency = (s: string): boolean => AGENCIES.has(norm(s));
export const isPlace = (s: string): boolean => {
  const n = norm(s.replace(/\s*\(.*\)$/u, ""));
  return placeSet().has(n) || placeSet().has(norm(s));
};
const isNotPlace = (s: string): boolean => NOT_PLACE.has(norm(s)) || /^[\d\s]+$/u.test(s) || /^خاص\s/u.test(s);

/** `د.` and `حوار ـ` style prefixes, and credit words, that are not part of a name. */
function cleanName(s: string): string {
  return s.replace(/^(?:حوار|كتب|إعداد|تقرير|تصوير|استطلاع(?: وتصوير)?)\s*[:ـ–-]?\s*/u, "").trim();
}

/** Unknown parts: a one-word part is a place, a longer one a person (outlets name places in one word far more often). */
function looksLikePerson(s: string): boolean {
  const t = s.trim();
  if (isAgency(t) || isPlace(t) || isNotPlace(t)) return false;
  return words(t) >= 2 || /^د\.\s*\S/u.test(t);
}

/** `«الشرق الأوسط»`, `(د ب أ)`, `:أ. ف. ب.` → the bare name; `مكتب الجزيرة` (a bureau) → the outlet. */
const unquote = (s: string): string =>
  s
    .trim()
    .replace(/^[\s"«“'(:]+|[\s"»”')]+$/gu, "")
    .replace(/^مكتب\s+(?=\S)/u, "")
    .replace(/(\p{L})\.$/u, "$1")
    .trim();

/** Assigns each part to a field by what it is; returns undefined if a part is none of them. */
function classify(parts: string[], placeFirst: boolean): Dateline {
  const out: Dateline = {};
  const authors: string[] = [];
  const unknown: string[] = [];
  for (const raw of parts.flatMap((x) => x.split(/\s*[،,]\s*/u))) {
    const p = unquote(raw.trim());
    if (!p) continue;
    if (isAgency(p)) out.source ??= p;
    else if (isPlace(p)) out.place ??= p;
    else if (isNotPlace(p)) out.desk = true;
    else if (looksLikePerson(p)) authors.push(cleanName(p));
    else unknown.push(p);
  }
  // A one-word unknown: a place when the place slot is still free (`عرعر – الوئام`, `طبرجل - عبد الله الهريويل`).
  for (const u of unknown) {
    if (out.place === undefined && (placeFirst || out.source !== undefined || authors.length > 0)) out.place = u;
    else authors.push(u);
  }
  if (authors.length) out.author = authors.join("، ");
  return out;
}

const GREG_MONTHS: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, أبريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يوليو: 7, اغسطس: 8, أغسطس: 8, سبتمبر: 9,
  اكتوبر: 10, أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
};
const EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

// SPA: `بغداد 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`.
const SPA = /^(.+?)\s+(\d{1,2}\s+\S+\s+\d{4})\s*هـ?\s*الموافق\s+(\d{1,2})\s+(\S+)\s+(\d{4})\s*م?\s*(واس)?\s*$/u;
// Arriyadiyah: `لندن - الرياضية | Tuesday, 11 August 2015 - 15:52 pm`.
const STAMP = /^(.*?)\s*\|\s*(?:[A-Za-z]+,\s*)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})(?:\s*-\s*(\d{1,2}:\d{2}))?(?:\s*[ap]m)?\s*$/u;

/**
 * Reads a dateline or byline. Returns undefined when the line does not have a dateline shape.
 * `header`: the line sits right under the date line (the corpus shape), where a bare name is a byline.
 */
export function parseDateline(line: string, header = false): Dateline | undefined {
  let s = line.replace(/^Next Previous\s+/u, "").replace(/^[*•]+\s*/u, "").trim();
  const spa = SPA.exec(s);
  if (spa) {
    const month = GREG_MONTHS[spa[4]!.replace(/^ا/, "ا")];
    const out: Dateline = { ...classify([spa[1]!], true), source: spa[6] ?? "واس", hijri: `${spa[2]!} هـ` };
    if (month) out.date = iso(Number(spa[5]), month, Number(spa[3]));
    if (!out.place && !isAgency(spa[1]!)) out.place = spa[1]!;
    return out;
  }
  let stamp: Pick<Dateline, "date" | "time"> = {};
  // A bare stamp (`Monday, 01 June 2015 - 21:29 pm`) is a date and time, not a place and a name.
  if (/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s*\d/u.test(s)) s = `| ${s}`;
  const st = STAMP.exec(s);
  if (st) {
    const m = EN_MONTHS.indexOf(st[3]!.toLowerCase());
    if (m >= 0) stamp = { date: iso(Number(st[4]), m + 1, Number(st[2])), ...(st[5] ? { time: st[5].padStart(5, "0") } : {}) };
    s = st[1]!.trim();
    if (!s) return stamp;
  }
  const fields = splitFields(s, header);
  return fields ? { ...fields, ...stamp } : undefined;
}

function splitFields(line: string, header: boolean): Dateline | undefined {
  const s = line.trim().replace(/\s*:$/, "").replace(/\s*\(\s*([^()]+?)\s*\)\s*:?$/u, (m, inner: string, off: number) => (off === 0 ? m : ` (${inner})`));
  // Two datelines in one (`بيروت: ثائر عباس ـ أربيل: دلشاد عبد الله`): the first names the place.
  const colon = s.indexOf(":");
  // A credit word and a name: `حوار ـ محمد المرحبي`, `إعداد - المحرر الثقافي`.
  const credit = /^(?:حوار|حاوره|كتب|كتبت|إعداد|تقرير|متابعة|أدار الندوة|استطلاع(?: وتصوير)?|تصوير)\s*[-–—ـ:]\s*([^:]+)$/u.exec(s);
  if (credit) {
    const c = classify([credit[1]!], false);
    return { ...(c.author !== undefined ? c : { author: credit[1]!.trim() }), desk: true };
  }
  if (colon > 0) {
    const left = s.slice(0, colon).trim();
    const right = s.slice(colon + 1).trim();
    const lparts = splitDash(left, true);
    if (!left || words(left) > (lparts ? 6 : 3)) return undefined;
    // `لندن: «الشرق الأوسط»`, `الرياض: أحمد عامر`, `بغداد: علاء حسن، عدي حامد`, `نايف عبدالله – سعد الفراج: عين اليوم`.
    // Further `PLACE: NAME` pairs after the first (`الرياض: ناصر الحقباني بغداد: حمزة مصطفى`) add authors.
    const rparts = right ? right.split(/\s*[،,]\s*|\s*[ـ–-]?\s+(?=\S+:)/u).map((p) => p.replace(/^[^:]+:\s*/u, "")).filter(Boolean) : [];
    if (rparts.some((p) => words(p) > 5)) return undefined;
    // `PLACE: NAME` — the left of the colon is the place slot, known or not (`ظهران الجنوب: عوض فرحان`).
    if (!lparts && !left.includes("،") && !isAgency(left) && !isNotPlace(left) && words(left) <= 3) {
      const rest = classify(rparts, true);
      return { ...rest, place: unquote(left) };
    }
    return classify([...(lparts ?? [left]), ...rparts], true);
  }
  const paren = /^([^()]+?)\s*\(([^()]+)\)$/u.exec(s); // عكاظ (جدة), خالد طاشكندي (جدة), عكاظ (بغداد - عمان)
  if (paren && words(paren[1]!) <= 4 && /[-–—ـ،,]/u.test(paren[2]!)) {
    const inner = paren[2]!.split(new RegExp(`${DASH.source}|\\s*[،,]\\s*`, "u")).map((p) => p.trim()).filter(Boolean);
    return { ...classify([paren[1]!], false), ...(inner[0] ? { place: inner[0] } : {}) };
  }
  const parts = splitDash(s, header);
  if (parts) return classify(parts, false);
  if (paren && words(paren[1]!) <= 4 && words(paren[2]!) <= 3) {
    const out = classify([paren[1]!], false);
    if (out.place === undefined && !isAgency(paren[2]!)) return { ...out, place: paren[2]!.trim() };
    return classify([paren[1]!, paren[2]!], false);
  }
  const from = /^(.+?)(?:\s+|(?<=»))من\s+(.+)$/u.exec(s); // «الاقتصادية» من الرياض, ديفيد آكس من واشنطن
  if (from && words(from[1]!) <= 4 && words(from[2]!) <= 2 && (header || isPlace(from[2]!))) {
    const out = classify([from[1]!], false);
    return { ...out, place: from[2]! };
  }
  if (isAgency(s)) return { source: unquote(s) }; // a bare credit line: رويترز
  if (isPlace(s)) return { place: s };
  if (line.trim().endsWith(":") && words(s) <= 3) return { place: s };
  // A bare byline under the date line: `سطام المقرن`, `د. محمد بن عبدالله آل عبداللطيف`.
  const plain = s.replace(/(?<![\p{L}])(\p{L})\./gu, "$1");
  if (header && words(s) <= 8 && !/[.؛!؟?]/u.test(plain)) return /[،,]/u.test(plain) ? classify([s], true) : { author: cleanName(s) };
  return undefined;
}

/** Parts between dashes; a header line may have longer parts (`بيروت - أ ف ب ، د ب أ`). */
function splitDash(s: string, loose: boolean): string[] | undefined {
  const parts = s.split(new RegExp(DASH.source, "gu")).map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === "" || words(p) > (loose ? 8 : 4))) return undefined;
  // `سبق الطائف`: outlet and place in one part.
  return parts.flatMap((p) => {
    const m = /^(سبق|واس|الوئام)\s+(\S+)$/u.exec(p);
    return m ? [m[1]!, m[2]!] : [p];
  });
}

/** `{}` collapses to undefined when nothing useful was read. */
export function hasFields(d: Dateline | undefined): d is Dateline {
  return d !== undefined && (d.place !== undefined || d.source !== undefined || d.author !== undefined || d.date !== undefined);
}

const HIJRI_MONTHS = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"];

/**
 * Checks SPA's pair of dates: the Hijri date must fall within a day of the Gregorian one
 * (Umm al-Qura; sighting can differ by a day). Returns a problem, or undefined when they agree
 * or cannot be read.
 */
export function checkHijri(hijri: string, date: string): string | undefined {
  const m = /^(\d{1,2})\s+(.+?)\s+(\d{4})/u.exec(hijri);
  if (!m) return undefined;
  const month = HIJRI_MONTHS.findIndex((n) => norm(n) === norm(m[2]!)) + 1;
  if (month === 0) return undefined;
  const fmt = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", { day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" });
  const base = Date.parse(`${date}T12:00:00Z`);
  for (const delta of [0, -1, 1]) {
    const parts = fmt.formatToParts(new Date(base + delta * 86400000));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    if (get("day") === Number(m[1]) && get("month") === month && get("year") === Number(m[3])) return undefined;
  }
  return `the Hijri date ${hijri} is not ${date}`;
}
