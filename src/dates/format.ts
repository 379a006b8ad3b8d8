import type { Lang } from "../i18n/lang.ts";

export type Digits = "latn" | "arab";

/**
 * Dates for display. Everything goes through Intl with an explicit time zone,
 * so the build machine's TZ never changes the output.
 */
// Building an Intl formatter costs far more than using one; archives format dates 100k times.
const cache = new Map<string, Intl.DateTimeFormat>();

function parts(locale: string, zone: string, epoch: number, opts: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${zone}|${JSON.stringify(opts)}`;
  let fmt = cache.get(key);
  if (!fmt) cache.set(key, (fmt = new Intl.DateTimeFormat(locale, { timeZone: zone, ...opts })));
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(epoch))) out[p.type] = p.value;
  return out;
}

/** Iraqi usage names the month twice: Syriac-derived (أيلول) and the Egyptian/transliterated form (سبتمبر). */
export function arabicMonthName(zone: string, epoch: number, digits: Digits): string {
  const iq = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, { month: "long" }).month ?? "";
  const eg = parts(`ar-EG-u-nu-${digits}`, zone, epoch, { month: "long" }).month ?? "";
  return iq === eg ? iq : `${iq}/${eg}`;
}

/** «الثلاثاء 16 أيلول/سبتمبر 2025» or «Tuesday 16 September 2025». */
export function formatGregorian(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB", zone, epoch, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  }
  const p = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, { weekday: "long", day: "numeric", year: "numeric" });
  return `${p.weekday} ${p.day} ${arabicMonthName(zone, epoch, digits)} ${p.year}`;
}

/** Umm al-Qura Hijri date: «24 ربيع الأول 1447 هـ» / «24 Rabiʻ I 1447 AH». */
export function formatHijri(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB-u-ca-islamic-umalqura", zone, epoch, { day: "numeric", month: "long", year: "numeric" });
    return `${p.day} ${p.month} ${p.year} AH`;
  }
  const p = parts(`ar-SA-u-ca-islamic-umalqura-nu-${digits}`, zone, epoch, { day: "numeric", month: "long", year: "numeric" });
  return `${p.day} ${p.month} ${p.year} هـ`;
}

/** Month and year for archive headings: «أيلول/سبتمبر 2025» / «September 2025». */
export function formatMonth(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB", zone, epoch, { month: "long", year: "numeric" });
    return `${p.month} ${p.year}`;
  }
  const p = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, { year: "numeric" });
  return `${arabicMonthName(zone, epoch, digits)} ${p.year}`;
}

/** Short day for lists: «16 أيلول/سبتمبر 2025» / «16 September 2025». */
export function formatDay(epoch: number, zone: string, lang: Lang, digits: Digits): string {
  if (lang === "en") {
    const p = parts("en-GB", zone, epoch, { day: "numeric", month: "long", year: "numeric" });
    return `${p.day} ${p.month} ${p.year}`;
  }
  const p = parts(`ar-IQ-u-nu-${digits}`, zone, epoch, { day: "numeric", year: "numeric" });
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
