import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeArabic, normalizeWithMap, originalRange } from "../src/arabic/normalize.ts";
import { tokenize, tokenTexts } from "../src/arabic/tokens.ts";
import { lightStem, prefixCandidates } from "../src/arabic/clitics.ts";

test("normalizeArabic folds each kind of variation", () => {
  const cases: [string, string, string][] = [
    ["harakat, tanwin, shadda, sukun", "مُحَمَّدٌ قَدْ", "محمد قد"],
    ["superscript alef and Quranic marks", "هٰذا الرَّحْمٰنِ ۖ", "هذا الرحمن "],
    ["tatweel", "بـغـــداد", "بغداد"],
    ["alef with hamza above / below / madda / wasla", "أحمد إيران آمال ٱلله", "احمد ايران امال الله"],
    ["alef maqsura → ya", "مصطفى على", "مصطفي علي"],
    ["ta marbuta → ha", "غزة الدولية", "غزه الدوليه"],
    ["hamza on waw / ya seats", "مسؤول رئيس", "مسوول رييس"],
    ["Persian/Urdu letters", "ی ک ھ", "ي ك ه"],
    ["Arabic-Indic and Eastern digits", "٢٠٢٥ و۱۹", "2025 و19"],
    ["Latin lower-cased", "Shafaq NEWS", "shafaq news"],
    ["zero-width and bidi controls", "بغ\u200Dداد\u200F \u202Bنص\u202C\u2066x\u2069\uFEFF\u061C", "بغداد نصx"],
    ["presentation forms (NFKC)", "\uFEFB \uFE91\uFE94", "لا به"],
    ["lam-alef with hamza ligature", "\uFEF7", "لا"],
    ["isolated haraka presentation form is dropped", "ب\uFE70", "ب"],
    ["spaces: NBSP/runs collapse, line breaks kept as one \\n", "أ\u00A0 \tب\n\n ج", "ا ب\nج"],
  ];
  for (const [what, input, expected] of cases) assert.equal(normalizeArabic(input), expected, what);
});

test("normalizeWithMap maps every output character back to the original", () => {
  const s = "وَبِـبَغْدَادَ  العِرَاق";
  const { text, map } = normalizeWithMap(s);
  assert.equal(text, "وببغداد العراق");
  assert.equal(map.length, text.length + 1);
  assert.equal(map[map.length - 1], s.length);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === " ") continue;
    assert.equal(normalizeArabic(s[map[i]!]!), text[i], `char ${i}`);
  }
  for (let i = 1; i < map.length; i++) assert.ok(map[i]! >= map[i - 1]!, "non-decreasing");
  // بغداد (normalized 2..7) maps to the original letters plus its final fatha.
  const { start, end } = originalRange(map, 2, 7);
  assert.equal(s.slice(start, end), "بَغْدَادَ");
});

test("normalizeArabic gives normalizeWithMap's text for any mix of awkward characters", () => {
  // Spaces and breaks in runs, dropped marks between them, ligatures that expand to spaces, surrogate pairs (lone ones too), case folds that lengthen.
  const alphabet = [..."ابةىأآٱؤئءیکھ٠۹AİßΣ \t\n\r\u00A0\u2028\u200B\u200F\uFEFF\u061C\u00AD\u064B\u0670\u0640\uFEFB\uFDFA\uFE70\uFE91😀x،", "\uD800", "\uDC00"];
  let seed = 20251216;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 5000; k++) {
    let s = "";
    for (let n = Math.floor(next() * 24); n > 0; n--) s += alphabet[Math.floor(next() * alphabet.length)];
    assert.equal(normalizeArabic(s), normalizeWithMap(s).text, JSON.stringify(s));
  }
  assert.equal(normalizeArabic("بغداد \u064B\n \u064B  بيروت  "), "بغداد\nبيروت ");
});

test("tokenTexts gives the words tokenize finds", () => {
  const s = "قالَ: «بـغداد» 2025، وShafaq-News\u200Dx 😀 ok";
  assert.deepEqual(tokenTexts(s), tokenize(s).map((t) => t.text));
  assert.deepEqual(tokenTexts(" ،. "), []);
});

test("originalRange never ends inside a ligature expansion", () => {
  const s = "\uFEFBبد"; // ﻻ expands to two letters
  const { text, map } = normalizeWithMap(s);
  assert.equal(text, "لابد");
  assert.deepEqual(originalRange(map, 0, 1), { start: 0, end: 1 });
  assert.equal(s.slice(originalRange(map, 0, 4).start, originalRange(map, 0, 4).end), s);
});

test("tokenize gives words with offsets; harakat and tatweel stay inside words", () => {
  const s = "قالَ: «بـغداد» 2025، وShafaq-News";
  const toks = tokenize(s);
  assert.deepEqual(toks.map((t) => t.text), ["قالَ", "بـغداد", "2025", "وShafaq", "News"]);
  for (const t of toks) assert.equal(s.slice(t.start, t.end), t.text);
  assert.equal(toks[1]!.start, 7);
});

test("prefixCandidates splits conjunction, preposition and article", () => {
  const stems = (w: string) => prefixCandidates(w).map((c) => `${c.prefix}+${c.stem}`);
  assert.ok(stems("والعراق").includes("و+العراق"));
  assert.ok(stems("والعراق").includes("وال+عراق"));
  assert.ok(stems("ببغداد").includes("ب+بغداد"));
  assert.ok(stems("وبالعراق").includes("وب+العراق"));
  assert.ok(stems("لبغداد").includes("ل+بغداد"));
  // لل = ل + ال: the article comes back on the stem.
  assert.ok(stems("للعراق").includes("ل+العراق"));
  assert.ok(stems("للعراق").includes("لل+عراق"));
  // …but ل + a word starting with ل stays possible (للبنان = ل + لبنان).
  assert.ok(stems("للبنان").includes("ل+لبنان"));
  assert.deepEqual(prefixCandidates("بغداد")[0], { prefix: "", stem: "بغداد" });
  // No stem shorter than two letters.
  assert.ok(!stems("وب").some((c) => c.endsWith("+ب") || c.endsWith("+")));
  assert.ok(!stems("بال").includes("بال+"));
});

test("lightStem is light and deterministic", () => {
  assert.equal(lightStem("والعراق"), "عراق");
  assert.equal(lightStem("العراقيه"), "عراق");
  assert.equal(lightStem("للعراق"), "عراق");
  assert.equal(lightStem("المعلمون"), "معلم");
  assert.equal(lightStem("الحكومات"), "حكوم");
  assert.equal(lightStem("بغداد"), "بغداد", "ب alone is not stripped");
  assert.equal(lightStem("ولد"), "ولد", "too short to drop و");
  assert.equal(lightStem("وقال"), "قال");
  assert.equal(lightStem("سياراتها"), lightStem("سياراتها"));
});
