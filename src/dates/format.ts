import type { Lang } from "../i18n/lang.ts";

export type Digits = "latn" | "arab";

/**
 * Dates for display. Everything goes through Intl with an explicit time zone,
 * so the build machine's TZ never changes the output.
 */
// Building an Intl formatter costs far more than using one; archives format dates 100k times.
// Keyed by the options object itself: every caller passes one of the constants below.
const cache = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

const MONTH: Intl.DateTimeFormatOptions = { month: "long" };
const YEAR: Intl.DateTimeFormatOptions = { year: "numeric" };
const DAY_YEAR: Intl.DateTimeFormatOptions = { day: "numeric", year: "numeric" };
const MONTH_YEAR: Intl.DateTimeFormatOptions = { month: "long", year: "numeric" };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
const WEEKDAY_DAY_YEAR: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", year: "numeric" };
const FULL: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
const WEEKDAY_LONG: Intl.DateTimeFormatOptions = { weekday: "long" };
const WEEKDAY_SHORT: Intl.DateTimeFormatOptions = { weekday: "short" };
const WEEKDAY_NARROW: Intl.DateTimeFormatOptions = { weekday: "narrow" };

function parts(locale: string, zone: string, epoch: number, opts: Intl.DateTimeFormatOptions) {
  let byLocale = cache.get(opts);
  if (!byLocale) cache.set(opts, (byLocale = new Map()));
  const key = `${locale}|${zone}`;
  let fmt = byLocale.get(key);
  if (!fmt) byLocale.set(key, (fmt = new Intl.DateTimeFormat(locale, { timeZone: zone, ...opts })));
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(epoch))) out[p.type] = p.value;
  return out;
}

/**
 * The same instant is formatted for many pages (an article's date on its page,
 * its day, month and entity listings, related coverage): each label is made once.
 */
const labels = new Map<string, Map<number, string>>();
let labelCount = 0;
/** Per kind, the setting it was last asked for and its labels: a page model asks for one setting at a time, so the setting's key is seldom built. */
const lastOfKind = new Map<string, { zone: string; lang: Lang; digits: Digits; byEpoch: Map<number, string> }>();
function memo(kind: string, epoch: number, zone: string, lang: Lang, digits: Digits, make: () => string): string {
  let last = lastOfKind.get(kind);
  if (!last || last.zone !== zone || last.lang !== lang || last.digits !== digits) {
    // The instant is a number key of its own: making it part of a string key on every call cost more than the lookups.
    const setting = `${kind}|${zone}|${lang}|${digits}`;
    let byEpoch = labels.get(setting);
    if (!byEpoch) labels.set(setting, (byEpoch = new Map()));
    lastOfKind.set(kind, (last = { zone, lang, digits, byEpoch }));
  }
  const byEpoch = last.byEpoch;
  let v = byEpoch.get(epoch);
  if (v === undefined) {
    if (++labelCount > 500_000) {
      // Every setting's labels go but this one's map, emptied and kept (it is `last`).
      for (const [k, m] of labels) if (m !== byEpoch) labels.delete(k);
      for (const [k, l] of lastOfKind) if (l.byEpoch !== byEpoch) lastOfKind.delete(k);
      labelCount = 1;
      byEpoch.clear();
    }
    byEpoch.set(epoch, (v = make()));
  }
  return v;
}

/** Iraqi usage names the month twice: Syriac-derived (أيلول) and the Egyptian/transliterated form (سبتمبر). */
export function arabicMonthName(zone: string, epoch: number, digits: Digits): string {
  const iq = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, MONTH).month ?? "";
  const eg = parts(`ar-EG-u-nu-${digits}`, zone, epoch, MONTH).month ?? "";
  return iq === eg ? iq : `${iq}/${eg}`;
}

/** «الثلاثاء 16 أيلول/سبتمبر 2025» or «Tuesday 16 September 2025». */
export function formatGregorian(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  return memo("formatGregorian", epoch, zone, lang, digits, () => formatGregorianNow(epoch, zone, lang, digits));
}

function formatGregorianNow(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB", zone, epoch, FULL);
    return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  }
  const p = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, WEEKDAY_DAY_YEAR);
  return `${p.weekday} ${p.day} ${arabicMonthName(zone, epoch, digits)} ${p.year}`;
}

/** Umm al-Qura Hijri date: «24 ربيع الأول 1447 هـ» / «24 Rabiʻ I 1447 AH». */
export function formatHijri(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  return memo("formatHijri", epoch, zone, lang, digits, () => formatHijriNow(epoch, zone, lang, digits));
}

function formatHijriNow(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB-u-ca-islamic-umalqura", zone, epoch, DAY_MONTH_YEAR);
    return `${p.day} ${p.month} ${p.year} AH`;
  }
  const p = parts(`ar-SA-u-ca-islamic-umalqura-nu-${digits}`, zone, epoch, DAY_MONTH_YEAR);
  return `${p.day} ${p.month} ${p.year} هـ`;
}

/** Month and year for archive headings: «أيلول/سبتمبر 2025» / «September 2025». */
export function formatMonth(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  return memo("formatMonth", epoch, zone, lang, digits, () => formatMonthNow(epoch, zone, lang, digits));
}

function formatMonthNow(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB", zone, epoch, MONTH_YEAR);
    return `${p.month} ${p.year}`;
  }
  const p = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, YEAR);
  return `${arabicMonthName(zone, epoch, digits)} ${p.year}`;
}

/** Short day for lists: «16 أيلول/سبتمبر 2025» / «16 September 2025». */
export function formatDay(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  return memo("formatDay", epoch, zone, lang, digits, () => formatDayNow(epoch, zone, lang, digits));
}

function formatDayNow(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB", zone, epoch, DAY_MONTH_YEAR);
    return `${p.day} ${p.month} ${p.year}`;
  }
  const p = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, DAY_YEAR);
  return `${p.day} ${arabicMonthName(zone, epoch, digits)} ${p.year}`;
}

const numberCache = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, lang: Lang, digits: Digits): string {
  const locale = lang === "ar" ? `ar-u-nu-${digits}` : "en";
  let fmt = numberCache.get(locale);
  if (!fmt) numberCache.set(locale, (fmt = new Intl.NumberFormat(locale)));
  return fmt.format(n);
}

/** Year alone in the page's digits. */
export function formatYear(year: string, lang: Lang, digits: Digits): string {
  return lang === "ar" ? formatNumber(Number(year), "ar", digits).replace(/[٬,]/g, "") : year;
}

/**
 * The Hijri (Umm al-Qura) months or years a span of calendar days falls in, for
 * the headings of Gregorian years and months: «ربيع الأول – ربيع الآخر 1447 هـ»,
 * «1446–1447 هـ» / «Rabiʻ I – Rabiʻ II 1447 AH», «1446–1447 AH». Days are
 * YYYY-MM-DD calendar dates (read at noon UTC, so no zone can move them).
 */
export function formatHijriSpan(first: string, last: string, unit: "month" | "year", lang: Lang, digits: Digits): string {
  const locale = lang === "en" ? "en-GB-u-ca-islamic-umalqura" : `ar-SA-u-ca-islamic-umalqura-nu-${digits}`;
  const at = (day: string) => parts(locale, "UTC", Date.parse(`${day}T12:00:00Z`), MONTH_YEAR);
  const a = at(first);
  const b = at(last);
  const era = lang === "en" ? "AH" : "هـ";
  const dash = unit === "year" ? "–" : " – ";
  if (unit === "year") return a.year === b.year ? `${a.year} ${era}` : `${a.year}${dash}${b.year} ${era}`;
  if (a.year === b.year) return a.month === b.month ? `${a.month} ${a.year} ${era}` : `${a.month}${dash}${b.month} ${a.year} ${era}`;
  return `${a.month} ${a.year}${dash}${b.month} ${b.year} ${era}`;
}

/** Short weekday names in the order of the language's week (Iraq: Saturday first; British English: Monday first). */
export function weekdays(lang: Lang): { iso: number; short: string; long: string }[] {
  const locale = lang === "ar" ? "ar-IQ" : "en-GB";
  const info = (new Intl.Locale(locale) as Intl.Locale & { weekInfo?: { firstDay: number } }).weekInfo;
  const first = info?.firstDay ?? (lang === "ar" ? 6 : 1);
  const out: { iso: number; short: string; long: string }[] = [];
  for (let i = 0; i < 7; i++) {
    const iso = ((first - 1 + i) % 7) + 1; // 1 = Monday … 7 = Sunday
    // 2024-01-01 was a Monday.
    const epoch = Date.UTC(2024, 0, iso, 12);
    out.push({
      iso,
      // Arabic has no short weekday names but standard one-letter ones (س ح ن ث ر خ ج).
      short: parts(locale, "UTC", epoch, lang === "ar" ? WEEKDAY_NARROW : WEEKDAY_SHORT).weekday ?? "",
      long: parts(locale, "UTC", epoch, WEEKDAY_LONG).weekday ?? "",
    });
  }
  return out;
}
