import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSite } from "../src/site/load.ts";
import { LEXICON_FILE, RecordCache, recordHash, RECORDS_FILE, WORDS_FILE } from "../src/search/record-cache.ts";
import { archiveLexicon, buildAnalysis, copyGroups, makeRecord, recordInputs, sealedLexicon, sealedSite, type SearchRecord } from "../src/search/records.ts";
import type { Lexicon } from "../src/search/morphology.ts";
import { article, cleanup, makeProject } from "./helpers/project.ts";

/*
 * The record cache against a from-scratch computation, over edits chosen to
 * change the lexicon's answers (worked out from morphology.ts's rules before
 * running, not from the cache's output):
 *  - A has دوليا only: the accusative alif stays while دولي is not in the
 *    archive; B brings دولي twice (المؤتمر الدولي, خبير دولي), so A's دوليا is
 *    then indexed as دولي, and A's record must change although A did not.
 *  - C has العلمين, D has العلم: العلمين is read as a form of علم; a gazetteer
 *    entity «مؤسسة العلمين للتنمية» makes العلمين a name word (it keeps its
 *    ending), so C's record must change; C does not name the foundation, so
 *    C's tags (its input) stay the same.
 *  - E (with a translation) is touched by none of this: reused throughout.
 */

const A = article({ id: "2025-01-10-a", title: "تعاون مع الشركاء", date: "2025-01-10" }, "أكدت الحكومة أنها تتعاون دوليا مع الشركاء.");
const C = article({ id: "2025-01-11-c", title: "زيارة الموقع", date: "2025-01-11" }, "زار الوفد موقع معركة العلمين.");
const D = article({ id: "2025-01-12-d", title: "احتفال", date: "2025-01-12" }, "رفع العلم فوق المبنى.");
const E = article({ id: "2025-01-13-e", title: "مدرسة جديدة", date: "2025-01-13" }, "افتتح الوزير مدرسة جديدة في المدينة.");
const E_EN = article({ id: "2025-01-13-e", title: "A new school", date: "2025-01-13", translationKey: "2025-01-13-e" }, "The minister opened a new school in the city.");
const B = article({ id: "2025-02-01-b", title: "مؤتمر", date: "2025-02-01" }, "انعقد المؤتمر الدولي بحضور خبير دولي.");

const FOUNDATION = `
  - id: alamein-foundation
    type: organization
    ar: [مؤسسة العلمين للتنمية]
    en: [Alamein Development Foundation]
`;

interface Run {
  cache: RecordCache;
  byUrl: Map<string, SearchRecord>;
  fresh: Map<string, SearchRecord>;
}

/** One build's records through the cache kept in `cacheDir`, and the same records made from scratch. */
function run(dir: string, cacheDir: string): Run {
  const site = loadSite({ root: dir }).site!;
  const inputs = recordInputs(site, site.stories, copyGroups(site));
  const cache = RecordCache.load(cacheDir, "test").begin(site);
  const hashes = cache.hashes(inputs);
  const records = cache.records(inputs);
  cache.partitionDone();
  cache.save();
  const analysis = buildAnalysis(site);
  const fresh = inputs.map((i) => makeRecord(i, analysis));
  assert.deepEqual(records, fresh, "cached and fresh records differ");
  assert.deepEqual(hashes, fresh.map(recordHash), "a reused record's hash is not the fresh record's");
  return { cache, byUrl: new Map(records.map((r) => [r.url, r])), fresh: new Map(fresh.map((r) => [r.url, r])) };
}

const url = (id: string, lang = "ar") => `/${lang}/articles/${id}/`;

/** Edits the text of a cache file, leaving its hash line as it was (so the edit must be caught by the hash). */
function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, "utf8");
  const changed = change(text);
  assert.notEqual(changed, text, `${file}: the edit changed nothing`);
  writeFileSync(file, changed);
}

test("records through the cache equal records made from scratch, over edits that change the lexicon's answers", () => {
  const dir = makeProject({ "content/ar/a.md": A, "content/ar/c.md": C, "content/ar/d.md": D, "content/ar/e.md": E, "content/en/e.md": E_EN });
  const cacheDir = mkdtempSync(join(tmpdir(), "arshif-record-cache-"));
  try {
    const first = run(dir, cacheDir);
    assert.equal(first.cache.stats.made, 5);
    const a0 = first.byUrl.get(url("2025-01-10-a"))!.content;
    const c0 = first.byUrl.get(url("2025-01-11-c"))!.content;

    // Nothing changed: every record reused, the lexicon not even built.
    const same = run(dir, cacheDir);
    assert.deepEqual([same.cache.stats.made, same.cache.stats.reused, same.cache.stats.lexicon], [0, 5, false]);

    // B makes دولي a word of the archive: A's record changes though A did not.
    writeFileSync(join(dir, "content/ar/b.md"), B);
    const withB = run(dir, cacheDir);
    assert.notEqual(withB.byUrl.get(url("2025-01-10-a"))!.content, a0, "the edit was meant to change A's keys");
    assert.ok(withB.cache.stats.keyChanged > 0);
    assert.ok(withB.cache.stats.reused >= 3, `E, its translation and D are reused (${withB.cache.stats.reused})`);
    // The kept lexicon plus B: only B's text counted (the records equal fresh ones, checked in run()).
    assert.equal(withB.cache.stats.lexiconCounted, 1);

    // A gazetteer name word: العلمين keeps its ending, C's record changes, its tags do not.
    const gaz = join(dir, "content/entities.yaml");
    writeFileSync(gaz, readFileSync(gaz, "utf8").replace(/^entities:\n/m, `entities:\n${FOUNDATION}`));
    const withName = run(dir, cacheDir);
    assert.notEqual(withName.byUrl.get(url("2025-01-11-c"))!.content, c0, "the entity was meant to change C's keys");
    assert.doesNotMatch(withName.byUrl.get(url("2025-01-11-c"))!.content, /alamein-foundation/);
    assert.ok(withName.cache.stats.keyChanged > 0);

    // An edit of E only; then B deleted (A's دوليا is its own word again).
    writeFileSync(join(dir, "content/ar/e.md"), E.replace("جديدة في المدينة", "حديثة في القرية"));
    const editE = run(dir, cacheDir);
    assert.ok(editE.cache.stats.made >= 1);
    // An edited original: its old text is in the kept counts, so every original is counted afresh.
    assert.equal(editE.cache.stats.lexiconCounted, 5);
    rmSync(join(dir, "content/ar/b.md"));
    const noB = run(dir, cacheDir);
    assert.equal(noB.byUrl.get(url("2025-01-10-a"))!.content, a0);
    assert.equal(noB.cache.stats.lexiconCounted, 4, "a removed original: counted afresh");
    // A damaged kept lexicon: counted afresh, records still right.
    const lex = join(cacheDir, LEXICON_FILE);
    edit(lex, (t) => t.replace(/"counts":"./, '"counts":"B'));
    writeFileSync(join(dir, "content/ar/b.md"), B);
    assert.equal(run(dir, cacheDir).cache.stats.lexiconCounted, 5);
    rmSync(join(dir, "content/ar/b.md"));
    assert.equal(run(dir, cacheDir).cache.stats.lexiconCounted, 4);

    // A damaged word table: the records are still right (their words are looked up afresh).
    const words = join(cacheDir, WORDS_FILE);
    writeFileSync(join(dir, "content/ar/b.md"), B);
    const table = readFileSync(words);
    table.writeUInt8(table.readUInt8(table.length >> 1) ^ 0xff, table.length >> 1);
    writeFileSync(words, table);
    const damaged = run(dir, cacheDir);
    assert.ok(damaged.cache.stats.made >= 6, "with no word table, every record is made again");
    // A damaged records file: everything made again, nothing wrong.
    const recs = join(cacheDir, RECORDS_FILE);
    edit(recs, (t) => t.slice(0, -10));
    const lost = run(dir, cacheDir);
    assert.equal(lost.cache.stats.reused, 0);
    // And afterwards the cache works again.
    assert.equal(run(dir, cacheDir).cache.stats.made, 0);
  } finally {
    cleanup(dir);
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test("the sealed partitions' lexicon made from the whole archive's equals one counted from their originals alone", () => {
  // والاجتماع also counts الاجتماع (a clitic before the article); only the open month has it, so taking it off must remove both forms.
  const G = article({ id: "2025-02-03-g", title: "اجتماع وزاري", date: "2025-02-03" }, "انعقد المؤتمر الدولي والاجتماع الوزاري بحضور خبير دولي.");
  const dir = makeProject({ "content/ar/a.md": A, "content/ar/c.md": C, "content/ar/d.md": D, "content/ar/e.md": E, "content/en/e.md": E_EN, "content/ar/g.md": G });
  try {
    const yaml = join(dir, "content/site.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^searchPartitionSize:.*$/m, "searchPartitionSize: 2"));
    const site = loadSite({ root: dir }).site!;
    const sealed = sealedSite(site);
    assert.deepEqual(sealed.stories.map((s) => s.ar.id).sort(), ["2025-01-10-a", "2025-01-11-c", "2025-01-12-d", "2025-01-13-e"]);
    const pairs = (l: Lexicon) => {
      const [forms, counts] = l.entries();
      return forms.map((f, i) => `${f} ${counts[i]}`).sort();
    };
    const whole = archiveLexicon(site);
    assert.ok(whole.takesArticle("اجتماع"));
    const made = sealedLexicon(whole, site, sealed);
    assert.deepEqual(pairs(made), pairs(archiveLexicon(sealed)));
    assert.equal(made.takesArticle("اجتماع"), false, "a form counted only in the open month is gone, not left at 0");
  } finally {
    cleanup(dir);
  }
});

test("a translation's record carries each entity's main Arabic name and the names its original writes, not every spelling the gazetteer knows", () => {
  // The original writes شويغو (and بغداد); the gazetteer also knows شويجو, which no article writes.
  const F = article({ id: "2025-03-01-f", title: "زيارة", date: "2025-03-01" }, "استقبل الوزير شويغو في بغداد.");
  const F_EN = article({ id: "2025-03-01-f", title: "A visit", date: "2025-03-01", translationKey: "2025-03-01-f" }, "The minister received Shoigu in Baghdad.");
  // Named only by the front matter: no written name, the main one.
  const G = article({ id: "2025-03-02-g", title: "اجتماع", date: "2025-03-02", entities: ["sergei-shoigu"] }, "عقد اجتماع أمني.");
  const G_EN = article({ id: "2025-03-02-g", title: "A meeting", date: "2025-03-02", translationKey: "2025-03-02-g" }, "A security meeting was held.");
  const dir = makeProject({ "content/ar/f.md": F, "content/en/f.md": F_EN, "content/ar/g.md": G, "content/en/g.md": G_EN });
  try {
    const gazetteer = join(dir, "content/entities.yaml");
    edit(gazetteer, (t) => t.replace("ar: [سيرغي شويغو, شويغو]", "ar: [سيرغي شويغو, شويغو, شويجو]"));
    const site = loadSite({ root: dir }).site!;
    const inputs = new Map(recordInputs(site, site.stories, copyGroups(site)).map((i) => [i.url, i]));
    assert.equal(inputs.get(url("2025-03-01-f", "en"))!.names, "سيرغي شويغو شويغو بغداد");
    assert.equal(inputs.get(url("2025-03-02-g", "en"))!.names, "سيرغي شويغو");
    // An Arabic page carries no names: its own text has them.
    assert.equal(inputs.get(url("2025-03-01-f"))!.names, "");
  } finally {
    cleanup(dir);
  }
});
