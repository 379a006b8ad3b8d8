import { test } from "node:test";
import assert from "node:assert/strict";
import { Lexicon, indexKey, indexKeys, candidateKeys, queryKey, typingPrefixes, pluralsBeginning } from "../src/search/morphology.ts";
import { parseQuery, resolveQuery, closeSpellings, suggestions, searchesOf, foreignSpellings } from "../src/search/query.ts";
import { normalizeForSearch } from "../src/arabic/normalize.ts";
import { indexWord } from "../src/search/terms.ts";
import { arabicSpellings } from "../src/search/transliterate.ts";
import { nameWords } from "../src/search/records.ts";

// A small archive of our own sentences: the lexicon is what the build would learn from it.
const ARCHIVE = [
  "وصل الرئيس إلى بغداد أمس، وقال إن الحكومة العراقية وحكومته تبحثان الاتفاق.",
  "أعلنت اللجنة الأولمبية أن الرياضة في الرياض تنمو، والتقى وزير الرياضة بالمسؤولين.",
  "قال المسؤول إن المسؤولين في البحرين وفي الطرفين اتفقوا، وإن الطرفان وقعا.",
  "وصل الأمير فيصل إلى جدة، وقال الفيصل إن الطائرة هبطت وإن الطائرات الأخرى وطائرتين تأخرتا.",
  "قال بوتين إن روسيا لن تتراجع، وشكر عبدالعزيز وعبد الله والوزراء والوزير.",
  "عمل الموظف في البلدية، وعمله في البلديات الأخرى كان صعبا. يصل القطار غدا.",
  "مسؤولية الحكومة عن الاجتماعات والاجتماع والحياة الاجتماعية، ومسئولية اللجان.",
  "قال المعلمون إن المعلمة والمعلم في المدرسة الدولية والمؤتمر الدولي انتقدوا العملة الجديدة.",
  "عاد الموظفون إلى البلاد، وقال موظفو الشركة إن الموظفين والموظف وموظفي البلدية بخير، ورفع المستوى.",
  "قال العراقي إن العراقيين في العراق بخير، وكتب أحدهم العراقين خطأ.",
  "حقق المؤتمر الدولي نجاحا دوليا، وقالت اللجنة العليا إن علي وعليا حضرا المباراة والمباريات.",
  "ذهب المدرسون إلى المدرسة والمدرسة الأخرى، وقال مدرس إن المدارس مغلقة هذا العام والعامة تعرف.",
];
const lex = new Lexicon();
for (const t of ARCHIVE) lex.addText(t);
const names = new Set(["بحرين", "البحرين"]);
const key = (w: string) => indexKey(w, lex, names);

test("search normaliser: ة stays, hamza seats meet, ى folds", () => {
  assert.equal(normalizeForSearch("الرياضة"), "الرياضة");
  assert.equal(normalizeForSearch("مسئولية"), normalizeForSearch("مسؤولية"));
  assert.equal(normalizeForSearch("رءيس"), normalizeForSearch("رئيس"));
  assert.equal(normalizeForSearch("لاجئين"), "لاجيين");
  assert.equal(normalizeForSearch("مؤسسة"), "موسسة", "ؤ is typed و");
  assert.equal(normalizeForSearch("شئون"), normalizeForSearch("شؤون"));
  assert.equal(normalizeForSearch("رءوف"), normalizeForSearch("رؤوف"));
  assert.equal(normalizeForSearch("هيأة"), normalizeForSearch("هيئة"), "أ after ي is typed for ئ");
  assert.notEqual(normalizeForSearch("هيأ"), normalizeForSearch("هيئة"));
  assert.equal(normalizeForSearch("سأل"), "سال", "elsewhere أ is ا");
  assert.equal(normalizeForSearch("إلى"), "الي");
});

test("search normaliser: the shared folds, without the offset map", () => {
  assert.equal(normalizeForSearch("ﻻ ﺑﻐﺪاد"), "لا بغداد", "presentation forms");
  assert.equal(normalizeForSearch("الحُكُومَةُ  العراقيــة\u200f ٢٠١٥ ۱۲"), "الحكومة العراقية 2015 12");
  assert.equal(normalizeForSearch("McDonald's\u00a0سطر\n\nسطر"), "mcdonald's سطر\nسطر");
  assert.equal(normalizeForSearch("إلى أين"), "الي اين");
});

test("build keys: clitics and endings go, but only when what remains is a word of the archive", () => {
  for (const w of ["ببغداد", "وبغداد", "لبغداد"]) assert.equal(key(w), key("بغداد"), w);
  assert.equal(key("بغداد"), "بغداد", "ب of بغداد is a root letter");
  assert.equal(key("وحكومته"), key("الحكومة"));
  assert.equal(key("بالمسؤولين"), key("المسؤول"));
  assert.equal(key("الطائرات"), key("الطائرة"));
  assert.equal(key("وطائرتين"), key("الطائرة"));
  assert.equal(key("الطرفين"), key("الطرفان"));
  assert.equal(key("الوزراء"), key("الوزير"), "a frequent broken plural");
  assert.equal(key("الاجتماعات"), key("الاجتماع"));
  assert.equal(key("مسئولية"), key("مسؤولية"));
  // Different words stay apart.
  assert.notEqual(key("الرياضة"), key("الرياض"), "sport is not the city");
  assert.notEqual(key("الاجتماعية"), key("الاجتماعات"));
  assert.equal(key("فيصل"), "فيصل", "الفيصل takes the article: فيصل is a word, not ف + يصل");
  assert.equal(key("بوتين"), "بوتين", "وتين is no word of the archive");
  assert.equal(key("البحرين"), "بحرين", "a gazetteer name keeps its ending");
  assert.equal(key("عمله"), key("عمل"), "his work, not the currency");
  assert.equal(key("البلديه"), key("البلدية"), "ة written as ه");
  assert.equal(key("المعلمة"), key("المعلم"), "a feminine participle meets its masculine (معلمون)");
  assert.equal(key("الدولية"), key("الدولي"), "a feminine nisba meets its masculine");
  assert.equal(key("العمله"), key("العملة"), "with the article, a final ه is a ة: the currency");
  assert.notEqual(key("العملة"), key("عمله"), "the currency is not his work");
  assert.equal(key("بلاده"), key("البلاد"), "بلاد takes the article: its ب is no clitic");
  assert.equal(key("مستواه"), key("المستوى"), "ى is ا before a pronoun");
  assert.equal(key("موظفي"), key("الموظف"), "a plural before its noun (موظفي البلدية)");
  assert.equal(key("موظفيها"), key("الموظفين"));
  assert.notEqual(key("العراقي"), key("العراق"), "a nisba is no construct plural, a stray العراقين notwithstanding");
  assert.equal(key("دوليا"), key("الدولي"), "the alif of an indefinite accusative");
  assert.notEqual(key("عليا"), key("علي"), "العليا takes the article: its alif is its own");
  assert.equal(key("المباريات"), key("المباراة"));
  assert.equal(key("موظفو"), key("الموظفون"), "the nominative plural before its noun");
  assert.equal(key("امرأة"), key("المرأة"), "one word, with and without the article");
  assert.notEqual(key("النساء"), key("المرأة"), "women: another root, its own word");
  assert.notEqual(key("المدرسة"), key("المدرس"), "school is no feminine of teacher: مدرس is the rarer shape");
  assert.equal(key("المدارس"), key("المدرسة"));
  assert.notEqual(key("العامة"), key("العام"), "the public is not the year");
});

test("build keys: a compound name has one key however it is spaced; عبدالله is not عبداللطيف", () => {
  const spaced = indexKeys(["عبد", "العزيز"], lex);
  assert.equal(spaced[0], key("عبدالعزيز"));
  assert.equal(spaced.length, 2, "one key per word: positions stay those of the text");
  assert.equal(indexKeys(["عبد", "الله"], lex)[0], key("عبدالله"));
  assert.notEqual(key("عبداللطيف"), key("عبدالله"));
});

test("query keys: the first candidate the index holds wins, and a word nobody wrote finds nothing", async () => {
  const archiveKeys = new Map<string, number>();
  for (const t of ARCHIVE) for (const w of t.split(/[^\p{L}]+/u).filter(Boolean)) archiveKeys.set(key(w), (archiveKeys.get(key(w)) ?? 0) + 1);
  const pages = async (k: string) => archiveKeys.get(k) ?? 0;
  for (const [typed, written] of [
    ["ببغداد", "بغداد"],
    ["حكومته", "الحكومة"],
    ["الحكومه", "الحكومة"],
    ["لفيصل", "فيصل"],
    ["والطائرات", "الطائرة"],
    ["مسؤولية", "مسئولية"],
  ]) assert.equal(await queryKey(typed!, pages), key(written!), typed);
  assert.equal(await queryKey("كوفيد", pages), undefined);
  assert.equal(await queryKey("بكوفيد", pages), undefined);
  assert.ok(candidateKeys("بغداد").indexOf("بغداد") < candidateKeys("بغداد").indexOf("غداد"), "least stripped first");
});

test("query: the last word is a beginning only while typing; phrases and compound names are parsed", async () => {
  assert.deepEqual(parseQuery("بغداد الحك", true).typing, "الحك");
  assert.equal(parseQuery("بغداد الحك", false).typing, undefined);
  assert.equal(parseQuery("بغداد الحك ", true).typing, undefined, "a space ends the word");
  const p = parseQuery('"مجلس الأمن" عبد العزيز');
  assert.equal(p.phrases.length, 1);
  assert.deepEqual(p.words, [{ text: "عبد العزيز", next: "العزيز" }]);
  assert.ok(typingPrefixes("والحك").includes("حك"));
  const held = new Set(["بغداد", "حكومة", "عبدعزيز"].map(indexWord));
  const lookup = async (t: string) => (held.has(t) || (!t.endsWith("\u0649") && [...held].some((h) => h.startsWith(t))) ? 1 : 0);
  const r = await resolveQuery(parseQuery("عبدالعزيز بغداد الحك", true), lookup);
  assert.deepEqual(r.terms, [indexWord("عبدعزيز"), indexWord("بغداد"), "حك"]);
  assert.deepEqual((await resolveQuery(parseQuery("كوفيد بغداد"), lookup)).missing, ["كوفيد"]);
});

test("a word being typed into a broken plural also finds the singular it is indexed under (الأع… → الأعمال → عمل)", async () => {
  assert.deepEqual(pluralsBeginning("اع").sort(), ["عضو", "عمل"].sort());
  assert.deepEqual(pluralsBeginning("ا"), [], "one letter begins too much");
  const held = new Set(["اعلان", "عمل", "بغداد"].map(indexWord));
  const lookup = async (t: string) => (held.has(t) || (!t.endsWith("\u0649") && [...held].some((h) => h.startsWith(t))) ? 1 : 0);
  const r = await resolveQuery(parseQuery("بغداد الأع", true), lookup);
  assert.deepEqual(r.terms, [indexWord("بغداد"), "اع"]);
  assert.deepEqual(r.alternatives, [{ at: 1, terms: [indexWord("عمل")] }], "عضو is not in this index");
  assert.deepEqual(searchesOf(r), [[indexWord("بغداد"), "اع"], [indexWord("بغداد"), indexWord("عمل")]]);
  // Complete words do not expand: the reader finished the word.
  assert.deepEqual((await resolveQuery(parseQuery("بغداد الأعلان"), lookup)).alternatives, []);
});

test("searches for alternatives stay bounded: at most `max`, the first alternatives kept", () => {
  const q = { terms: ["a", "b"], alternatives: [{ at: 0, terms: ["a1", "a2", "a3"] }, { at: 1, terms: ["b1", "b2"] }] };
  const all = searchesOf(q, 8);
  assert.ok(all.length <= 8);
  assert.deepEqual(all[0], ["a", "b"]);
  assert.ok(all.some((s) => s[0] === "a3"));
  assert.equal(searchesOf(q, 100).length, 12);
});

test("close spellings of an absent word: g written four ways, ة/ه, a long vowel; offered only when the index has them", async () => {
  const v = closeSpellings("جوجل");
  for (const w of ["غوغل", "قوقل", "كوكل", "ججل"]) assert.ok(v.includes(w), w);
  assert.ok(closeSpellings("الحكومه").includes("الحكومة"));
  const held = new Set([indexWord("غوغل")]);
  assert.deepEqual(await suggestions("جوجل", async (t) => (held.has(t) ? 5 : 0)), ["غوغل"]);
  assert.deepEqual(await suggestions("كوفيد", async (t) => (held.has(t) ? 5 : 0)), []);
});

test("Latin names: likely Arabic spellings, and the search keeps one the index holds", async () => {
  for (const [latin, arabic] of [["Riyadh", "رياض"], ["Jeddah", "جدة"], ["Houthi", "حوثي"], ["Obama", "اوباما"], ["Kerry", "كيري"], ["Abadi", "عبادي"]] as const) {
    assert.ok(arabicSpellings(latin).includes(arabic), `${latin} → ${arabic}`);
  }
  assert.equal(arabicSpellings("Jeddah")[0], "جدة", "a final -ah is first ة");
  const held = new Set([indexWord("رياض"), indexWord("riyadh")]);
  const lookup = async (t: string) => (held.has(t) ? 3 : 0);
  const r = await resolveQuery(parseQuery("Riyadh"), lookup);
  assert.deepEqual(r.terms, [indexWord("riyadh")]);
  assert.deepEqual(r.alternatives, [], "a name the index holds is the gazetteer's: its entity brings the Arabic pages, no guess");
  // Only the Arabic spelling is in the index: the word is not missing, it is searched in Arabic.
  const arabicOnly = await resolveQuery(parseQuery("Riyadh"), async (t) => (t === indexWord("رياض") ? 3 : 0));
  assert.deepEqual(arabicOnly.terms, [indexWord("رياض")]);
  assert.deepEqual(arabicOnly.missing, []);
});

test("foreign names: a rare or absent word is also searched in the archive's other spellings of it; common words are not", async () => {
  const v = foreignSpellings("بوتن");
  assert.ok(v.includes("بوتين"), "a long vowel written");
  assert.ok(foreignSpellings("نتانياهو").includes("نتنياهو"), "a long vowel left out");
  assert.ok(foreignSpellings("قوقل").includes("جوجل"), "g written another way");
  assert.deepEqual(foreignSpellings("قال"), [], "three letters: too many words of their own");
  const counts = new Map([[indexWord("بوتين"), 5], [indexWord("جوجل"), 6], [indexWord("غوغل"), 1], [indexWord("زلينسكي"), 1], [indexWord("فيسبوك"), 20], [indexWord("فيس"), 2], [indexWord("بوك"), 2], [indexWord("قرار"), 900], [indexWord("غرار"), 40]]);
  const lookup = async (t: string) => counts.get(t) ?? 0;
  const putin = await resolveQuery(parseQuery("بوتن"), lookup);
  assert.deepEqual(putin.missing, []);
  assert.deepEqual(putin.terms, [indexWord("بوتين")]);
  assert.deepEqual(putin.respelled, [{ typed: "بوتن", as: "بوتين" }], "said to the reader");
  const google = await resolveQuery(parseQuery("غوغل"), lookup);
  assert.deepEqual(searchesOf(google), [[indexWord("غوغل")], [indexWord("جوجل")]]);
  assert.deepEqual((await resolveQuery(parseQuery("زيلينسكي"), lookup)).missing, ["زيلينسكي"], "a spelling found once is no evidence");
  assert.deepEqual((await resolveQuery(parseQuery("قرار"), lookup)).alternatives, [], "a common word keeps its spelling");
  const fb = await resolveQuery(parseQuery("فيس بوك"), lookup);
  assert.deepEqual(searchesOf(fb), [[indexWord("فيس"), indexWord("بوك")], [indexWord("فيسبوك")]], "two words also as one");
});

test("آل and the family name are searched side by side (آل الشيخ is not every page with شيخ)", () => {
  const p = parseQuery("آل الشيخ الرياض");
  assert.deepEqual(p.phrases, [[{ text: "آل" }, { text: "الشيخ" }]]);
  assert.deepEqual(p.words, [{ text: "الرياض" }]);
  assert.deepEqual(parseQuery("وآل سعود").phrases.length, 1);
  assert.deepEqual(parseQuery("الشيخ").phrases, [], "the article alone is no family");
});

test("gazetteer name words keep their endings, but an adjective inside a longer name is the ordinary word", () => {
  const words = nameWords(["البحرين", "السعودية", "المحكمة الجنائية الدولية", "الأمم المتحدة"]);
  for (const w of ["البحرين", "بحرين", "السعودية", "سعودية", "المحكمة", "المتحدة"]) assert.ok(words.has(w), w);
  for (const w of ["الدولية", "دولية", "الجنائية"]) assert.ok(!words.has(w), w);
  assert.equal(indexKey("الدولية", lex, words), key("الدولي"));
});

test("a word no article has, written as two words the archive has, is searched as that phrase and said so", async () => {
  const counts = new Map([[indexWord("دي"), 9], [indexWord("ميستورا"), 6], [indexWord("بيت"), 40]]);
  const lookup = async (t: string) => counts.get(t) ?? 0;
  const r = await resolveQuery(parseQuery("ديميستورا"), lookup);
  assert.deepEqual(r.missing, []);
  assert.deepEqual(r.terms, []);
  assert.deepEqual(r.phrases, [[indexWord("دي"), indexWord("ميستورا")]]);
  assert.deepEqual(r.respelled, [{ typed: "ديميستورا", as: "دي ميستورا" }]);
  assert.deepEqual((await resolveQuery(parseQuery("بيتكوين"), lookup)).missing, ["بيتكوين"], "one half held is not enough");
});

test("a quoted word no article has is not split into two: the phrase finds nothing and names it", async () => {
  const counts = new Map([[indexWord("دي"), 9], [indexWord("ميستورا"), 6], [indexWord("قال"), 50]]);
  const r = await resolveQuery(parseQuery('"قال ديميستورا"'), async (t) => counts.get(t) ?? 0);
  assert.deepEqual(r.missing, ["ديميستورا"]);
  assert.deepEqual(r.respelled, []);
});
