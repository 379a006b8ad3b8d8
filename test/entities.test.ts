import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EntityTagger, checkEntityRefs } from "../src/entities/tagger.ts";
import { ID_SLUG, loadGazetteer, parseGazetteer, type Entity } from "../src/entities/gazetteer.ts";
import { AMBIGUOUS_COUNTRY_NAMES, COUNTRY_CODES, COUNTRY_IDS, countryEntity } from "../src/entities/countries.ts";
import { ContentErrors } from "../src/content/errors.ts";
import { normalizeArabic } from "../src/arabic/normalize.ts";
import { prefixCandidates } from "../src/arabic/clitics.ts";
import { tokenize } from "../src/arabic/tokens.ts";
import { SEED_ENTITIES } from "./helpers/seeds.ts";

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLED = join(here, "../content/entities.yaml");
const SEEDS = join(here, "../../shared/seeds");

const ent = (id: string, ar: string[], extra: Partial<Entity> = {}): Entity => ({
  id,
  type: "place",
  names: { ar, en: [] },
  ...extra,
});

const tagger = new EntityTagger([
  ent("baghdad", ["بغداد"]),
  ent("iraq", ["العراق"]),
  ent("russia", ["روسيا", "روسيا الاتحادية"]),
  ent("iran", ["إيران"]),
  ent("germany", ["ألمانيا"]),
  ent("airport", ["مطار بغداد الدولي"]),
  ent("unsc", ["مجلس الأمن"], { type: "organization" }),
  ent("russian-sc", ["مجلس الأمن الروسي"], { type: "organization" }),
  ent("sudani", ["محمد شياع السوداني"], { type: "person" }),
  ent("morocco", ["المغرب"], { notIn: ["صلاة المغرب"] }),
  ent("mali", ["مالي", "جمهورية مالي"], { unmatched: ["مالي"] }),
]);

const ids = (text: string) => tagger.tag(text).map((m) => m.entityId);

test("proclitics before a name are accepted: وبغداد، لبغداد، ببغداد، والعراق، للعراق، بالعراق", () => {
  for (const w of ["بغداد", "وبغداد", "لبغداد", "ببغداد", "فبغداد", "وببغداد", "ولبغداد"]) {
    assert.deepEqual(ids(`وصل ${w} أمس`), ["baghdad"], w);
  }
  for (const w of ["العراق", "والعراق", "للعراق", "بالعراق", "وبالعراق", "فالعراق", "كالعراق", "وللعراق"]) {
    assert.deepEqual(ids(`في ${w} اليوم`), ["iraq"], w);
  }
  // A hamza-alef name that normalises to ال… still takes ل: لألمانيا.
  assert.deepEqual(ids("سافر لألمانيا"), ["germany"]);
});

test("for للعراق the mention is the name, the word start includes the proclitic", () => {
  const text = "عاد للعراق";
  const [m] = tagger.tag(text);
  assert.ok(m);
  assert.equal(m.surface, "لعراق");
  assert.equal(text.slice(m.wordStart, m.end), "للعراق");
  assert.equal(m.prefix, "ل");
  const [b] = tagger.tag("وبالعراق");
  assert.equal(b?.surface, "العراق");
  assert.equal(b?.prefix, "وب");
});

test("no match inside a longer word, nor with clitics that are not allowed", () => {
  for (const text of [
    "روسيات", "الروسية", "روسيا2", "بغدادي", "وبغدادي", "البغداد", "إيرانية", "الإيراني", "لعراق", "ولعراق",
    "العراقي", "كبغداد", "للبغداد", "سبغداد", "مالي", "الروسيا",
  ]) {
    assert.deepEqual(ids(`قال ${text} هنا`), [], text);
  }
  assert.deepEqual(ids("زار روسيا وإيران"), ["russia", "iran"]);
});

test("leftmost-longest, non-overlapping", () => {
  assert.deepEqual(ids("رئيس الوزراء محمد شياع السوداني"), ["sudani"]);
  assert.deepEqual(ids("وصل إلى مطار بغداد الدولي"), ["airport"]);
  assert.deepEqual(ids("أمين مجلس الأمن الروسي ومجلس الأمن"), ["russian-sc", "unsc"]);
  assert.deepEqual(ids("حكومة روسيا الاتحادية"), ["russia"]);
  assert.equal(tagger.tag("حكومة روسيا الاتحادية")[0]?.surface, "روسيا الاتحادية");
});

test("notIn phrases and unmatched names are not tagged", () => {
  assert.deepEqual(ids("بعد صلاة المغرب"), []);
  assert.deepEqual(ids("زار المغرب"), ["morocco"]);
  assert.deepEqual(ids("دعم مالي"), []);
  assert.deepEqual(ids("في جمهورية مالي"), ["mali"]);
});

test("offsets point into the original text, across diacritics, tatweel and controls", () => {
  const text = "زارَ وَبَغْـــدادَ\u200F ثم «العِرَاقِ» و مطارِ  بغدادَ الدوليّ";
  const ms = tagger.tag(text);
  assert.deepEqual(ms.map((m) => m.entityId), ["baghdad", "iraq", "airport"]);
  assert.deepEqual(ms.map((m) => m.surface), ["بَغْـــدادَ", "العِرَاقِ", "مطارِ  بغدادَ الدوليّ"]);
  for (const m of ms) assert.equal(text.slice(m.start, m.end), m.surface);
  assert.equal(text.slice(ms[0]!.wordStart, ms[0]!.end), "وَبَغْـــدادَ");
});

test("names are matched whatever the spelling variant", () => {
  assert.deepEqual(ids("ايران و إيران و ﺇﻳﺮﺍﻥ"), ["iran", "iran", "iran"]);
  assert.deepEqual(ids("محمد شيّاع  السوداني"), ["sudani"]);
  assert.deepEqual(ids("محمد شياع\nالسوداني"), [], "not across a line break");
});

test("English names only on request, whole words", () => {
  const en = new EntityTagger([{ id: "shafaq", type: "organization", names: { ar: ["شفق نيوز"], en: ["Shafaq News"] } }], { english: true });
  assert.deepEqual(en.tag("per SHAFAQ NEWS today").map((m) => m.surface), ["SHAFAQ NEWS"]);
  assert.deepEqual(en.tag("Shafaq Newsroom"), []);
  assert.deepEqual(tagger.tag("Baghdad"), []);
});

test("tagArticle counts mentions and applies include / exclude", () => {
  const counts = tagger.tagArticle("بغداد وبغداد والعراق", { include: ["iran"], exclude: ["iraq"] });
  assert.deepEqual([...counts], [["baghdad", 2], ["iran", 0]]);
});

test("checkEntityRefs reports unknown ids with file and field", () => {
  const errs = checkEntityRefs(["baghdad", "nowhere"], new Set(["baghdad"]), "content/ar/x.md", "entities");
  assert.equal(errs.length, 1);
  assert.match(errs[0]!.format(), /^content\/ar\/x\.md \(field "entities"\): unknown entity id "nowhere"/);
});

// --- gazetteer validation -------------------------------------------------

const FILE = "content/entities.yaml";
function problems(yaml: string): string[] {
  try {
    parseGazetteer(yaml, FILE);
  } catch (e) {
    if (e instanceof ContentErrors) return e.errors.map((x) => x.format());
    throw e;
  }
  assert.fail("expected ContentErrors");
}
const entry = (lines: string) => `entities:\n${lines}`;

test("gazetteer: a valid file parses", () => {
  const es = parseGazetteer(
    entry(`  - id: baghdad\n    type: place\n    ar: [بغداد]\n    en: [Baghdad]\n    wikidata: Q1530\n    description: {ar: عاصمة العراق, en: Capital of Iraq}\n`),
    FILE,
  );
  assert.deepEqual(es, [
    { id: "baghdad", type: "place", names: { ar: ["بغداد"], en: ["Baghdad"] }, wikidata: "Q1530", description: { ar: "عاصمة العراق", en: "Capital of Iraq" } },
  ]);
});

test("gazetteer error: duplicate id", () => {
  const p = problems(entry(`  - {id: baghdad, type: place, ar: [بغداد]}\n  - {id: baghdad, type: place, ar: [بغداد الجديدة]}\n`));
  assert.equal(p.length, 1);
  assert.match(p[0]!, /^content\/entities\.yaml:3 \(field "entities\[1\]\.id"\): entity "baghdad": duplicate id/);
});

test("gazetteer error: id not an ASCII slug", () => {
  const p = problems(entry(`  - {id: Baghdad_City, type: place, ar: [بغداد]}\n`));
  assert.match(p[0]!, /^content\/entities\.yaml:2 \(field "entities\[0\]\.id"\): entity "Baghdad_City": id "Baghdad_City" is not a slug/);
  assert.match(problems(entry(`  - {type: place, ar: [بغداد]}\n`))[0]!, /entity #1: has no id/);
});

test("gazetteer error: unknown type", () => {
  const p = problems(entry(`  - {id: baghdad, type: city, ar: [بغداد]}\n`));
  assert.match(p[0]!, /^content\/entities\.yaml:2 \(field "entities\[0\]\.type"\): entity "baghdad": unknown type "city"\. What to do: use one of: person, organization, place/);
});

test("gazetteer error: empty or missing name", () => {
  const empty = problems(entry(`  - id: baghdad\n    type: place\n    ar: [بغداد, ""]\n`));
  assert.match(empty[0]!, /^content\/entities\.yaml:4 \(field "entities\[0\]\.ar\[1\]"\): entity "baghdad": name #2 in `ar` is empty/);
  const missing = problems(entry(`  - {id: baghdad, type: place, en: [Baghdad]}\n`));
  assert.match(missing[0]!, /\(field "entities\[0\]\.ar"\): entity "baghdad": has no Arabic name/);
});

test("gazetteer error: the same normalised Arabic name on two entities", () => {
  const p = problems(entry(`  - {id: ahmed-1, type: person, ar: [أحمد الأسدي]}\n  - {id: ahmed-2, type: person, ar: [احمد الاسدي]}\n`));
  assert.equal(p.length, 1);
  assert.match(p[0]!, /^content\/entities\.yaml:3 .*entity "ahmed-2": the Arabic name "احمد الاسدي" is also a name of entity "ahmed-1" \(ambiguous\)/);
});

test("gazetteer error: bad wikidata id", () => {
  const p = problems(entry(`  - {id: baghdad, type: place, ar: [بغداد], wikidata: "1530"}\n`));
  assert.match(p[0]!, /\(field "entities\[0\]\.wikidata"\): entity "baghdad": wikidata id "1530" is not of the form Q123/);
});

test("gazetteer errors: unknown fields, country codes and YAML syntax; all errors at once", () => {
  const p = problems(
    entry(`  - {id: x, type: place, ar: [س], colour: red}\n  - {id: y, type: place, country: XX, ar: [ص]}\n  - {id: z, type: galaxy, wikidata: Q0}\n`),
  );
  assert.equal(p.length, 5, p.join("\n"));
  assert.match(p[0]!, /entity "x": unknown field "colour"/);
  assert.match(p[1]!, /entity "y": unknown country code "XX"/);
  assert.ok(p.some((x) => /entity "z": unknown type/.test(x)));
  assert.ok(p.some((x) => /entity "z": has no Arabic name/.test(x)));
  assert.match(problems("entities:\n  - id: [\n")[0]!, /^content\/entities\.yaml:\d+: invalid YAML/);
  assert.match(problems("countries: some\n")[0]!, /`countries` must be "all" or a list/);
});

test("gazetteer: country entries take CLDR names and keep their own first", () => {
  const [iq] = parseGazetteer(entry(`  - {id: iraq, type: place, country: IQ, ar: [جمهورية العراق]}\n`), FILE);
  assert.deepEqual(iq?.names.ar, ["جمهورية العراق", "العراق"]);
  assert.deepEqual(iq?.names.en, ["Iraq"]);
  const generated = parseGazetteer("countries: [ML, IQ]\n", FILE);
  assert.deepEqual(generated.map((e) => e.id), ["mali", "iraq"]);
  // مالي ("financial") is matched only after words that introduce a country.
  assert.equal(generated[0]?.unmatched, undefined);
  assert.deepEqual(generated[0]?.rules?.map((r) => r.name), ["مالي"]);
  assert.ok(generated[0]?.rules?.[0]?.after?.includes("في"));
});

// --- bundled gazetteer and seeds -----------------------------------------

const bundled = loadGazetteer(BUNDLED);
const bundledTagger = new EntityTagger(bundled);

test("bundled gazetteer: valid, every country generated, ids are slugs", () => {
  const byId = new Map(bundled.map((e) => [e.id, e]));
  assert.equal(byId.size, bundled.length);
  for (const e of bundled) assert.match(e.id, ID_SLUG);
  for (const code of COUNTRY_CODES) assert.ok(bundled.some((e) => e.country === code), code);
  assert.equal(new Set(COUNTRY_IDS.values()).size, COUNTRY_CODES.length);
  assert.equal(byId.get("iraq")?.country, "IQ");
  assert.equal(byId.get("vladimir-putin")?.wikidata, "Q7747");
  assert.ok(!byId.get("mohammed-shia-al-sudani")?.names.ar.includes("السوداني"));
  for (const code of Object.keys(AMBIGUOUS_COUNTRY_NAMES)) {
    const e = countryEntity(code);
    for (const n of e.unmatched ?? []) {
      assert.deepEqual(bundledTagger.tag(`قال ${n} أمس`).map((m) => m.entityId), [], `${code} ${n}`);
    }
  }
  assert.deepEqual(bundledTagger.tag("دعم مالي وعجز مالي في عمان").map((m) => m.entityId), []);
  assert.deepEqual(bundledTagger.tag("سلطنة عمان وجمهورية مالي").map((m) => m.entityId), ["oman", "mali"]);
  assert.deepEqual(bundledTagger.tag("بعد صلاة المغرب زار المغرب").map((m) => m.entityId), ["morocco"]);
});


/** One-word names whose every occurrence in the seeds must be inside a mention of one of these entities. */
const EVERY_WORD: [string, string[]][] = [
  ["شويغو", ["sergei-shoigu"]],
  ["بغداد", ["baghdad", "baghdad-international-airport"]],
  ["موسكو", ["moscow"]],
  ["العراق", ["iraq"]],
  ["روسيا", ["russia"]],
  ["بوتين", ["vladimir-putin"]],
  ["الاعرجي", ["qasim-al-araji"]],
  ["كوتياكوف", ["anton-kotyakov"]],
  ["غزه", ["gaza-strip"]],
];

const seedsAvailable = existsSync(SEEDS);
test("seeds: the tagger finds exactly the expected entities, and every mention", { skip: !seedsAvailable && "shared seeds not present" }, () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
  assert.deepEqual(files, Object.keys(SEED_ENTITIES).sort());
  for (const f of files) {
    const text = readFileSync(join(SEEDS, f), "utf8");
    const mentions = bundledTagger.tag(text);
    assert.deepEqual(new Set(mentions.map((m) => m.entityId)), new Set(SEED_ENTITIES[f]), f);
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.surface);
    for (const tok of tokenize(text)) {
      const stems = prefixCandidates(normalizeArabic(tok.text)).map((c) => c.stem);
      for (const [word, okIds] of EVERY_WORD) {
        if (!stems.includes(word)) continue;
        const covered = mentions.some((m) => m.wordStart <= tok.start && tok.end <= m.end && okIds.includes(m.entityId));
        assert.ok(covered, `${f}: "${tok.text}" at ${tok.start} is not tagged as ${okIds.join("/")}`);
      }
    }
  }
});

// --- context rules (issue 15: each class with its quoted examples) ----------

const CONTEXT_YAML = `
countries: [SA, YE, RU, US, PS, ML, OM, MA, IQ, BH, JO, GB, EG]
entities:
  - {id: riyadh, type: place, ar: [الرياض]}
  - {id: middle-east, type: place, ar: [الشرق الأوسط]}
  - {id: barack-obama, type: person, ar: [باراك أوباما, أوباما]}
  - {id: king-abdullah, type: person, ar: [الملك عبدالله, الملك عبدالله بن عبدالعزيز, {name: خادم الحرمين الشريفين, until: 2015-01-22}]}
  - id: king-salman
    type: person
    ar: [الملك سلمان, الملك سلمان بن عبدالعزيز, {name: خادم الحرمين الشريفين, from: 2015-01-23}]
  - {id: crown-prince, type: person, ar: [الأمير محمد بن نايف, {name: ولي العهد, from: 2015-04-29}]}
  - {id: al-qaeda, type: organization, ar: [تنظيم القاعدة, القاعدة]}
  - {id: al-nassr, type: organization, ar: [نادي النصر, النصر]}
  - {id: saudi-interior, type: organization, ar: [{name: وزارة الداخلية, with: [saudi-arabia, riyadh]}]}
  - {id: iraqi-interior, type: organization, ar: [{name: وزارة الداخلية, with: [iraq]}]}
  - id: saudi-arabia
    type: place
    country: SA
    ar: [{name: المملكة, with: [riyadh, king-salman]}]
`;
const ctxGazetteer = parseGazetteer(CONTEXT_YAML, FILE);
const ctxTagger = new EntityTagger(ctxGazetteer);
const ctxIds = (text: string, date = "2015-08-01") => ctxTagger.tag(text, { date }).map((m) => m.entityId);

test("class 1: a newspaper or agency is not the place (quoted after لـ, after صحيفة/جريدة/وكالة/قناة)", () => {
  assert.deepEqual(ctxIds("وقال مصدر لـ«الشرق الأوسط» إن"), []);
  assert.deepEqual(ctxIds("نقلت وكالة أنباء الشرق الأوسط عن"), []);
  assert.deepEqual(ctxIds('أكد لـ"الرياض" أن'), []);
  assert.deepEqual(ctxIds("ذكرت صحيفة «الرياض» أمس"), []);
  assert.deepEqual(ctxIds("وقالت جريدة الرياض"), []);
  // The place itself, even in quotes or after a ل that is a preposition.
  assert.deepEqual(ctxIds("وصل إلى الرياض أمس"), ["riyadh"]);
  assert.deepEqual(ctxIds("التوتر في منطقة الشرق الأوسط"), ["middle-east"]);
  assert.deepEqual(ctxIds("زيارة للرياض"), ["riyadh"]);
  const why = ctxTagger.explain("وقال مصدر لـ«الشرق الأوسط» إن").rejected;
  assert.match(why[0]!.reason, /outlet/);
});

test("class 2: common words are not the entity (القاعدة الخلفية، القاعدة الاقتصادية، للنصر علينا، البحرين الأحمر، باليُمنِ)", () => {
  assert.deepEqual(ctxIds("القاعدة الخلفية للمتمردين"), []);
  assert.deepEqual(ctxIds("تنويع القاعدة الاقتصادية"), []);
  assert.deepEqual(ctxIds("متشوق للنصر علينا"), []);
  assert.deepEqual(ctxIds("على البحرين الأحمر والمتوسط"), []);
  assert.deepEqual(ctxIds("عاد باليُمنِ والبركات"), []);
  // … while the names themselves are found.
  assert.deepEqual(ctxIds("هاجم مسلحو القاعدة مدينة"), ["al-qaeda"]);
  assert.deepEqual(ctxIds("فاز النصر على الهلال"), ["al-nassr"]);
  assert.deepEqual(ctxIds("زار البحرين الأسبوع الماضي"), ["bahrain"]);
  assert.deepEqual(ctxIds("الحرب في اليمن"), ["yemen"]);
  assert.deepEqual(ctxIds("الحرب في اليَمَن"), ["yemen"], "harakat that agree with the name");
});

test("class 3: a name inside a longer name is not the shorter entity", () => {
  assert.deepEqual(ctxIds("قالت ميشيل أوباما"), []);
  assert.deepEqual(ctxIds("قال أوباما"), ["barack-obama"]);
  assert.deepEqual(ctxIds("قال الرئيس باراك أوباما"), ["barack-obama"]);
  assert.deepEqual(ctxIds("أعلن بنك أوف أمريكا"), []);
  assert.deepEqual(ctxIds("في فندق فلسطين (ميريديان)"), []);
  assert.deepEqual(ctxIds("على ملعب مدينة الملك عبدالله الرياضية"), []);
  assert.deepEqual(ctxIds("نهائي كأس ولي العهد"), []);
  assert.deepEqual(ctxIds("فاز بروسيا دورتموند"), []);
  assert.deepEqual(ctxIds("لعب ضد روسيا دورتموند"), [], "a tail word continues the name");
  assert.deepEqual(ctxIds("سافر بروسيا أمس"), [], "بروسيا is Borussia");
  assert.deepEqual(ctxIds("وفلسطين وروسيا"), ["palestinian-territories", "russia"]);
  assert.deepEqual(ctxIds("استقبل الملك عبدالله"), ["king-abdullah"]);
});

test("class 4: qualified names count beside their country, never before another country's nisba", () => {
  assert.deepEqual(ctxIds("أعلنت وزارة الداخلية في الرياض"), ["saudi-interior", "riyadh"]);
  assert.deepEqual(ctxIds("أعلنت وزارة الداخلية في بغداد أن العراق"), ["iraqi-interior", "iraq"]);
  assert.deepEqual(ctxIds("أعلنت وزارة الداخلية"), [], "no country named: neither ministry");
  assert.deepEqual(ctxIds("في الرياض، أعلنت وزارة الداخلية المغربية"), ["riyadh"]);
  assert.deepEqual(ctxIds("في الرياض، أعلنت وزارة الداخلية السعودية"), ["riyadh", "saudi-interior"]);
  const rej = ctxTagger.explain("أعلنت وزارة الداخلية المغربية في الرياض").rejected;
  assert.ok(rej.some((r) => /another country/.test(r.reason)), JSON.stringify(rej));
});

test("class 7: dated names follow the article's date (خادم الحرمين الشريفين)", () => {
  assert.deepEqual(ctxIds("أمر خادم الحرمين الشريفين", "2014-06-01"), ["king-abdullah"]);
  assert.deepEqual(ctxIds("أمر خادم الحرمين الشريفين", "2015-01-23"), ["king-salman"]);
  assert.deepEqual(ctxIds("أمر خادم الحرمين الشريفين", "2015-08-01"), ["king-salman"]);
  assert.deepEqual(ctxTagger.tag("أمر خادم الحرمين الشريفين").map((m) => m.entityId), [], "no date: a dated name does not count");
  assert.deepEqual(ctxIds("استقبل ولي العهد", "2015-08-01"), ["crown-prince"]);
  assert.deepEqual(ctxIds("استقبل ولي العهد", "2014-08-01"), []);
  assert.match(ctxTagger.tag("أمر خادم الحرمين الشريفين", { date: "2015-08-01" })[0]!.rule, /dated from 2015-01-23/);
});

test("class 8: السعودية as a noun, official long names, designations, and safe contexts for مالي", () => {
  assert.deepEqual(ctxIds("وصل إلى السعودية"), ["saudi-arabia"]);
  assert.deepEqual(ctxIds("بين الإمارات والسعودية"), ["saudi-arabia"]);
  assert.deepEqual(ctxIds("السعودية تدين الهجوم"), ["saudi-arabia"]);
  assert.deepEqual(ctxIds("أعلنت الحكومة السعودية"), [], "the adjective");
  assert.deepEqual(ctxIds("المملكة العربية السعودية"), ["saudi-arabia"]);
  assert.deepEqual(ctxIds("رئيس الجمهورية اليمنية"), ["yemen"]);
  assert.deepEqual(ctxIds("المملكة الأردنية الهاشمية"), ["jordan"]);
  assert.deepEqual(ctxIds("جمهورية مصر العربية"), ["egypt"]);
  // المملكة: Saudi Arabia only beside Riyadh or King Salman, never before another country's nisba.
  assert.deepEqual(ctxIds("تسعى المملكة إلى"), []);
  assert.deepEqual(ctxIds("تسعى المملكة إلى دعم الرياض"), ["saudi-arabia", "riyadh"]);
  assert.deepEqual(ctxIds("المملكة المغربية والرياض"), ["morocco", "riyadh"]);
  assert.deepEqual(ctxIds("المملكة المتحدة والرياض"), ["united-kingdom", "riyadh"]);
  // مالي: the country after في / وسط, the adjective elsewhere.
  assert.deepEqual(ctxIds("الهجوم في مالي"), ["mali"]);
  assert.deepEqual(ctxIds("وسط مالي"), ["mali"]);
  assert.deepEqual(ctxIds("دعم مالي وعجز مالي"), []);
  assert.deepEqual(ctxIds("سلطنة عمان والعاصمة الأردنية عمان"), ["oman"]);
});

test("gazetteer: dated and qualified names are validated, and may share a name only when that is unambiguous", () => {
  const p = problems(entry(`  - {id: a, type: person, ar: [{name: خادم الحرمين الشريفين, from: 2015-02-30}]}\n`));
  assert.match(p.join("\n"), /entity "a": `from` of "خادم الحرمين الشريفين" is "2015-02-30", not a day/);
  assert.match(problems(entry(`  - {id: a, type: organization, ar: [{name: وزارة الداخلية, with: [nowhere]}]}\n`)).join("\n"), /unknown entity id "nowhere"/);
  assert.match(problems(entry(`  - {id: a, type: person, ar: [{name: الملك, colour: red}]}\n`)).join("\n"), /unknown field "colour" in a name/);
  assert.match(
    problems(entry(`  - {id: a, type: person, ar: [{name: ولي العهد, from: 2015-01-01}]}\n  - {id: b, type: person, ar: [{name: ولي العهد, from: 2015-04-01}]}\n`)).join("\n"),
    /"ولي العهد" is also a name of entity "a"/,
  );
  assert.equal(parseGazetteer(entry(`  - {id: a, type: person, ar: [{name: ولي العهد, until: 2015-04-28}]}\n  - {id: b, type: person, ar: [{name: ولي العهد, from: 2015-04-29}]}\n`), FILE).length, 2);
  assert.match(problems(entry(`  - {id: a, type: place, ar: [في]}\n`)).join("\n"), /entity "a": the Arabic name "في" is a common function word/);
});

test("phraseAround: a few words either side of the name, inside its paragraph", async () => {
  const { phraseAround } = await import("../src/entities/phrase.ts");
  const text = "عنوان الخبر\n\nقال المتحدث إن الوفد وصل إلى بغداد أمس قادما من موسكو في زيارة رسمية تستمر يومين\n\nفقرة أخرى";
  const at = text.indexOf("بغداد");
  const p = phraseAround(text, at, at + 5, 3);
  assert.deepEqual(p, { before: "…الوفد وصل إلى ", name: "بغداد", after: " أمس قادما من…", at });
  const short = phraseAround(text, text.indexOf("الخبر"), text.indexOf("الخبر") + 5, 3);
  assert.deepEqual(short, { before: "عنوان ", name: "الخبر", after: "", at: 6 }, "not across the paragraph break");
});

test("explain: turned-down readings come with the rule, and none inside a counted mention", () => {
  const { mentions, rejected } = ctxTagger.explain("وقعت المملكة العربية السعودية على الحدود العراقية - السعودية", { date: "2015-08-01" });
  assert.deepEqual(mentions.map((m) => m.surface), ["المملكة العربية السعودية"]);
  assert.equal(rejected.length, 1);
  assert.match(rejected[0]!.reason, /an adjective here/);
  assert.equal(rejected[0]!.surface, "السعودية");
});

test("competitions, reversed quotes, demonstratives and other bodies (classes 1-4, wider forms)", () => {
  const g = parseGazetteer(`countries: [DE, KW, SA]
entities:
  - {id: europe, type: place, ar: [أوروبا]}
  - {id: riyadh, type: place, ar: [الرياض]}
  - {id: al-qaeda, type: organization, ar: [تنظيم القاعدة, القاعدة]}
  - {id: al-ittihad, type: organization, ar: [نادي الاتحاد, الاتحاد]}
`, FILE);
  const tg = new EntityTagger(g);
  const ids = (s: string) => tg.tag(s).map((m) => m.entityId);
  assert.deepEqual(ids("في بطولة دوري أبطال أوروبا وكأس ألمانيا"), []);
  assert.deepEqual(ids("جولة في أوروبا وألمانيا"), ["europe", "germany"]);
  assert.deepEqual(ids("مؤكدا ل»الرياض» أن"), []);
  assert.deepEqual(ids("كشفت جولة نفذتها «الرياض» مساء"), []);
  assert.deepEqual(ids("وعلى هذه القاعدة نقيس"), []);
  assert.deepEqual(ids("تبنى تنظيم القاعدة الهجوم ثم أعلنت القاعدة"), ["al-qaeda", "al-qaeda"]);
  assert.deepEqual(ids("طلب الاتحاد الكويتي ورد الاتحاد الأوروبي"), []);
  assert.deepEqual(ids("فاز الاتحاد على الهلال"), ["al-ittihad"]);
});

test("entities:check prints each hit with its rule, and names an unknown id; entities:suggest prints YAML", async () => {
  const { spawnSync } = await import("node:child_process");
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", join(here, "../scripts", script), ...args], { cwd: join(here, ".."), encoding: "utf8" });
  const ok = run("entities-check.ts", ["baghdad"]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^\+ .*⟪بغداد⟫/m);
  assert.match(ok.stdout, /^ {4}name «بغداد»/m);
  const n = Number(/(\d+) mentions in (\d+) articles/.exec(ok.stdout)?.[1]);
  assert.ok(n > 0);
  const bad = run("entities-check.ts", ["baghdadd"]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /no entity "baghdadd" in the gazetteer \(did you mean baghdad/);
  const sug = run("entities-suggest.ts", ["--min", "1", "--top", "5"]);
  assert.equal(sug.status, 0, sug.stderr);
  assert.match(sug.stdout, /^# \d+ candidates from \d+ Arabic articles/m);
});
