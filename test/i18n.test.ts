import { test } from "node:test";
import assert from "node:assert/strict";
import { plural } from "../src/i18n/plural.ts";
import { STRINGS } from "../src/i18n/strings.ts";

test("Arabic plural forms follow Intl.PluralRules('ar')", () => {
  const ar = (n: number) => plural("articles", n, "ar", "latn");
  assert.equal(ar(0), "لا مقالات");
  assert.equal(ar(1), "مقال واحد");
  assert.equal(ar(2), "مقالان");
  assert.equal(ar(3), "3 مقالات");
  assert.equal(ar(10), "10 مقالات");
  assert.equal(ar(11), "11 مقالاً");
  assert.equal(ar(99), "99 مقالاً");
  assert.equal(ar(100), "100 مقال");
  assert.equal(ar(103), "103 مقالات");
  assert.equal(plural("articles", 3, "ar", "arab"), "٣ مقالات");
});

test("English counts", () => {
  assert.equal(plural("articles", 1, "en", "latn"), "1 article");
  assert.equal(plural("articles", 2, "en", "latn"), "2 articles");
  assert.equal(plural("articles", 1234, "en", "latn"), "1,234 articles");
});

test("every interface string exists in both languages", () => {
  for (const [key, v] of Object.entries(STRINGS)) {
    assert.ok(v.ar.trim() && v.en.trim(), `${key} must have ar and en`);
    // The language switcher (also the one of an untranslated article) speaks the other language.
    if (!["otherLanguage", "switchToDay", "switchToDayLabel"].includes(key)) assert.match(v.ar, /[\u0600-\u06FF]/, `${key}.ar should be Arabic`);
  }
});
