import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeProject, cleanup } from "./helpers/project.ts";
import { CORPUS, hasCorpus } from "./helpers/corpus.ts";
import { benchGazetteer } from "../bench/generate.ts";
import { importFiles } from "../src/import/run.ts";
import { loadContent, tagArticles, type Tags } from "../src/site/load.ts";
import { ContentCache } from "../src/build/content-cache.ts";
import { editedNameStrings, holdsAny, type TaggerEntry } from "../src/entities/retag.ts";
import type { Article } from "../src/content/article.ts";
import type { Story } from "../src/archive/stories.ts";

const entry = (id: string, ar: string[], more: Partial<TaggerEntry> = {}): TaggerEntry => ({ id, type: "person", ar, ...more });

test("what a gazetteer edit can touch: the edited entities' names, the given names and adjectives made of them; another kind of edit touches everything", () => {
  const before = [entry("a", ["سيرغي شويغو", "شويغو"]), entry("b", ["بغداد"], { type: "place" }), entry("c", ["الكويت"], { type: "place", country: "KW" })];
  assert.deepEqual(editedNameStrings(before, before), []);
  // A spelling added: every name of that entity (a surname's own given names come from the others), and the given names.
  assert.deepEqual(new Set(editedNameStrings(before, [entry("a", ["سيرغي شويغو", "شويغو", "سيرجي شويغو"]), before[1]!, before[2]!])), new Set(["سيرغي شويغو", "شويغو", "سيرجي شويغو", "سيرغي", "سيرجي"]));
  // A country's names without the article (لكويت, للكويت), and its adjectives' (الكويتي, الكويتية).
  assert.deepEqual(new Set(editedNameStrings(before, [before[0]!, before[1]!, entry("c", ["الكويت", "دولة الكويت"], { type: "place", country: "KW" })])), new Set(["كويت", "دوله الكويت", "كويتي", "كويتيه"]));
  // An entity added or removed: its names and its blocking phrases.
  assert.deepEqual(new Set(editedNameStrings(before, [...before, entry("d", ["الموصل"], { type: "place", notIn: ["سد الموصل"] })])), new Set(["موصل", "سد الموصل"]));
  assert.deepEqual(new Set(editedNameStrings(before, before.slice(1))), new Set(["سيرغي شويغو", "شويغو", "سيرغي"]));
  // Not names: a type, a rule, the order.
  assert.equal(editedNameStrings(before, [before[0]!, { ...before[1]!, type: "organization" }, before[2]!]), undefined);
  assert.equal(editedNameStrings(before, [before[0]!, { ...before[1]!, unmatched: ["بغداد"] }, before[2]!]), undefined);
  assert.equal(editedNameStrings(before, [before[1]!, before[0]!, before[2]!]), undefined);
  assert.ok(holdsAny("وصل سيرجي شويغو إلى بغداد", ["سيرجي"]));
  assert.ok(holdsAny("قال مصدر للكويت", ["كويت"]));
  assert.ok(!holdsAny("وصل الوفد إلى بغداد", ["سيرجي", "شويغو"]));
  assert.ok(!holdsAny("أي نص", []));
});

/** One article's tags as a build reads them. */
function tagsOf(tags: Tags, a: Article): unknown {
  const s = { ar: a } as Story;
  const ids = tags.tagsOf(s);
  return { ids, phrases: ids.map((id) => tags.evidence.phrase(s, id)), names: ids.map((id) => tags.evidence.names(s, id)), filedFrom: tags.evidence.filedFrom(s) };
}

// The corpus's 1,526 articles and the bench's gazetteer, edited step by step. After each edit the
// tags through the content cache (which keeps an article's tags when the edit cannot touch its
// text) must be the tags of a tagger run on every article. The edits were chosen by reading the
// corpus (Saudi news: الرياض and the king's titles are common; شويجو is a spelling it never uses).
test("tags kept across gazetteer edits of names equal every article tagged afresh, on the corpus", { skip: hasCorpus ? false : "../shared/corpus not present", timeout: 300_000 }, async () => {
  const dir = makeProject({});
  const cacheDir = mkdtempSync(join(tmpdir(), "arshif-retag-"));
  try {
    const gazetteer = join(dir, "content/entities.yaml");
    writeFileSync(gazetteer, benchGazetteer());
    const files = readdirSync(join(CORPUS, "articles")).filter((f) => f.endsWith(".txt")).map((f) => join(CORPUS, "articles", f));
    await importFiles(files, { contentDir: join(dir, "content") });
    const edit = (from: string, to: string) => {
      const text = readFileSync(gazetteer, "utf8");
      assert.ok(text.includes(from), `the gazetteer holds ${from}`);
      writeFileSync(gazetteer, text.replace(from, to));
    };
    const append = (yaml: string) => writeFileSync(gazetteer, `${readFileSync(gazetteer, "utf8").trimEnd()}\n${yaml}`);
    const steps: [string, () => void, (r: { carried: number; made: number; changed: number; articles: number }) => void][] = [
      ["first build", () => {}, (r) => assert.equal(r.made, r.articles)],
      ["a spelling no article writes", () => edit("    ar:\n      - سيرغي شويغو\n      - شويغو\n", "    ar:\n      - سيرغي شويغو\n      - شويغو\n      - شويجو\n"), (r) => {
        assert.equal(r.changed, 0);
        assert.ok(r.carried > r.articles * 0.95, `${r.carried} kept of ${r.articles}`);
      }],
      ["an entity the corpus names often", () => append("  - id: riyadh\n    type: place\n    ar: [الرياض]\n    en: [Riyadh]\n"), (r) => assert.ok(r.changed > 50 && r.carried > 0, JSON.stringify(r))],
      ["a person, by one name", () => append("  - id: king-salman\n    type: person\n    ar: [الملك سلمان بن عبدالعزيز]\n    en: [King Salman]\n"), (r) => assert.ok(r.carried > 0, JSON.stringify(r))],
      ["the same person, by the title the corpus uses", () => edit("ar: [الملك سلمان بن عبدالعزيز]", "ar: [الملك سلمان بن عبدالعزيز, خادم الحرمين الشريفين]"), (r) => assert.ok(r.changed > 10 && r.carried > 0, JSON.stringify(r))],
      ["a name taken from an entity", () => edit("ar: [الرياض]", "ar: [مدينة الرياض]"), (r) => assert.ok(r.changed > 50 && r.carried > 0, JSON.stringify(r))],
      ["an entity removed", () => edit("  - id: king-salman\n    type: person\n    ar: [الملك سلمان بن عبدالعزيز, خادم الحرمين الشريفين]\n    en: [King Salman]\n", ""), (r) => assert.ok(r.changed > 10 && r.carried > 0, JSON.stringify(r))],
      // An entry of its own moves the country to the end of the list: not an edit of names only.
      ["a country described by an entry of its own", () => append("  - id: saudi-arabia\n    type: place\n    country: SA\n    ar: [المملكة العربية السعودية]\n    en: [Saudi Arabia]\n"), (r) => assert.equal(r.carried, 0)],
      // Saudi news calls the country المملكة: a country's name, whose adjectives come with it.
      ["a name of that country the corpus uses", () => edit("ar: [المملكة العربية السعودية]", "ar: [المملكة العربية السعودية, المملكة]"), (r) => assert.ok(r.changed > 50 && r.carried > 0, JSON.stringify(r))],
      // A kept gazetteer that fails its hash is not used: every article is tagged again, never with wrong tags.
      ["a name edit, the kept gazetteer corrupt", () => {
        const kept = join(cacheDir, "tag-gazetteer.json");
        writeFileSync(kept, readFileSync(kept, "utf8").replace("riyadh", "riyadx"));
        edit("ar: [مدينة الرياض]", "ar: [مدينة الرياض, الرياض]");
      }, (r) => assert.equal(r.carried, 0)],
      ["another kind of edit: a type", () => edit("  - id: riyadh\n    type: place", "  - id: riyadh\n    type: organization"), (r) => assert.equal(r.carried, 0)],
    ];
    let previous: Map<string, string> | undefined;
    for (const [name, change, check] of steps) {
      change();
      const cache = new ContentCache(cacheDir);
      const content = loadContent({ root: dir, articleCache: cache });
      assert.deepEqual(content.errors, [], name);
      const arabic = content.result.articles.filter((a) => a.lang === "ar");
      // The kept gazetteer is read once a build at most, not once an article.
      let looks = 0;
      const counted = { ...cache.tags, lastGazetteer: () => (looks++, cache.tags.lastGazetteer!()) };
      const kept = tagArticles(content.result.articles, content.entities, counted);
      assert.ok(looks <= 1, `${name}: the kept gazetteer read ${looks} times`);
      cache.save();
      const fresh = tagArticles(content.result.articles, content.entities);
      const now = new Map(arabic.map((a) => [a.id, JSON.stringify(tagsOf(fresh, a))]));
      for (const a of arabic) assert.equal(JSON.stringify(tagsOf(kept, a)), now.get(a.id), `${name}: ${a.id}`);
      const changed = previous ? arabic.filter((a) => previous!.get(a.id) !== now.get(a.id)).length : arabic.length;
      const r = { carried: cache.stats.tagsCarried, made: cache.stats.tagsMade, changed, articles: arabic.length };
      console.log(`# ${name}: ${JSON.stringify(r)}`);
      check(r);
      previous = now;
    }
  } finally {
    cleanup(dir);
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
