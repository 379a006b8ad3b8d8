import { test } from "node:test";
import assert from "node:assert/strict";
import { parseArticleDate, isDateProblem, type ArticleDate } from "../src/dates/parse.ts";
import { formatGregorian, formatHijri, formatMonth, formatDay } from "../src/dates/format.ts";

const Z = "Asia/Baghdad";
function ok(v: string, zone = Z): ArticleDate {
  const d = parseArticleDate(v, zone);
  assert.ok(!isDateProblem(d), `expected ${v} to parse`);
  return d as ArticleDate;
}

test("a calendar date is that day in the site's time zone", () => {
  const d = ok("2025-09-16");
  assert.equal(d.day, "2025-09-16");
  assert.equal(d.iso, "2025-09-16T00:00:00+03:00");
  assert.equal(d.hasTime, false);
});

test("an ISO time with offset lands on the site's calendar day", () => {
  // 22:30 UTC on the 15th is already the 16th in Baghdad (UTC+3).
  const d = ok("2025-09-15T22:30:00Z");
  assert.equal(d.day, "2025-09-16");
  assert.equal(d.iso, "2025-09-16T01:30:00+03:00");
  assert.equal(ok("2025-09-16T08:00:00+03:00").day, "2025-09-16");
});

test("impossible and malformed dates are problems, with a hint", () => {
  for (const bad of ["2025-02-30", "2025-13-01", "2025-9-16", "16/09/2025", "2025-09-16T10:00", "yesterday", ""]) {
    const d = parseArticleDate(bad, Z);
    assert.ok(isDateProblem(d), `${bad} should be rejected`);
    assert.ok(d.hint.length > 0);
  }
});

test("Iraqi Gregorian date with both month names, and Umm al-Qura Hijri", () => {
  const d = ok("2025-09-16");
  assert.equal(formatGregorian(d.epoch, Z, "ar", "latn"), "الثلاثاء 16 أيلول/سبتمبر 2025");
  assert.equal(formatHijri(d.epoch, Z, "ar", "latn"), "24 ربيع الأول 1447 هـ");
  assert.equal(formatGregorian(d.epoch, Z, "en", "latn"), "Tuesday 16 September 2025");
  assert.match(formatHijri(d.epoch, Z, "en", "latn"), /^24 Rabiʻ I 1447 AH$/);
  assert.equal(formatMonth(d.epoch, Z, "ar", "latn"), "أيلول/سبتمبر 2025");
  assert.equal(formatDay(d.epoch, Z, "ar", "latn"), "16 أيلول/سبتمبر 2025");
});

test("Arabic-Indic digits are a setting", () => {
  const d = ok("2025-09-16");
  assert.equal(formatGregorian(d.epoch, Z, "ar", "arab"), "الثلاثاء ١٦ أيلول/سبتمبر ٢٠٢٥");
  assert.equal(formatHijri(d.epoch, Z, "ar", "arab"), "٢٤ ربيع الأول ١٤٤٧ هـ");
});

test("output does not depend on the machine's TZ", () => {
  // The process TZ is whatever the runner has; the site zone is explicit.
  const d = ok("2025-01-01");
  assert.equal(formatGregorian(d.epoch, Z, "en", "latn"), "Wednesday 1 January 2025");
  const tokyo = ok("2025-01-01", "Asia/Tokyo");
  assert.equal(formatGregorian(tokyo.epoch, "Asia/Tokyo", "en", "latn"), "Wednesday 1 January 2025");
});
