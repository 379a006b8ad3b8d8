import { test } from "node:test";
import assert from "node:assert/strict";
import { phraseIn } from "../src/search/phrase.ts";

test("a quoted phrase is kept where its words stand as typed", () => {
  assert.ok(phraseIn(["أعلن تنظيم الدولة الإسلامية مسؤوليته"], ["الدولة", "الإسلامية"]));
  assert.ok(!phraseIn(["اجتمع وزراء الدول الإسلامية"], ["الدولة", "الإسلامية"]), "a plural shares the key, not the words");
  assert.ok(!phraseIn(["استقبل ولي عهده"], ["ولي", "العهد"]));
  assert.ok(!phraseIn(["قال رئيس وزراء العراق"], ["رئيس", "الوزراء"]));
  assert.ok(!phraseIn(["الدولة اليوم الإسلامية"], ["الدولة", "الإسلامية"]), "side by side");
});

test("the first word may carry proclitics; spelling folds as in search", () => {
  assert.ok(phraseIn(["وقال إن والدولة الإسلامية"], ["الدولة", "الإسلامية"]));
  assert.ok(phraseIn(["وللدولة الاسلاميه"], ["الدولة", "الإسلامية"]), "ل + ال, ة written ه, hamza");
  assert.ok(phraseIn(["بمجلس الأمن"], ["مجلس", "الأمن"]));
  assert.ok(!phraseIn(["المجلس الأمن"], ["مجلس", "الأمن"]), "the article is no proclitic of مجلس");
  assert.ok(phraseIn(["ألقى خادمُ الحرمينِ الشريفين"], ["خادم", "الحرمين", "الشريفين"]), "diacritics");
  assert.ok(phraseIn(["عنوان", "نص عن عبد العزيز"], ["عبد العزيز"]), "any of the texts; a compound word");
});
