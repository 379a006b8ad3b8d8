import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gazetteerScope, loadContent, tagArticles } from "../src/site/load.ts";
import { relatedCoverage } from "../src/archive/site.ts";
import { ContentCache, decodeSketch, encodeSketch } from "../src/build/content-cache.ts";
import { sketch } from "../src/related/pairs.ts";
import { articleBody, bodyHeld, setBody } from "../src/content/body.ts";
import type { Article } from "../src/content/article.ts";
import { articlePrint } from "../src/archive/prints.ts";
import { jsonHash } from "../src/archive/lazy.ts";
import { makeBenchProject } from "../bench/generate.ts";
import { hasCorpus } from "./helpers/corpus.ts";
import { makeProject, cleanup } from "./helpers/project.ts";

const NOW = Date.parse("2026-06-01T00:00:00Z");

/** The load, tag and related steps as the pipeline runs them, with or without the content cache. */
function steps(root: string, cacheDir?: string, now = NOW, code = "code-1", vouch = false) {
  // A fixed code version: the running src/ may be edited while the test runs.
  const cache = cacheDir ? new ContentCache(cacheDir, code) : undefined;
  const content = loadContent({ root, now, ...(cache ? { articleCache: cache } : {}) });
  const errors = content.errors.map((e) => e.format());
  if (errors.length || !content.settings) {
    cache?.close();
    return { errors, stats: cache?.stats };
  }
  const tags = tagArticles(content.result.articles, content.entities, cache?.tags);
  const coverage = relatedCoverage(content.result.articles, tags.tagsOf, content.settings, tags.evidence, cache?.sketches);
  cache?.save();
  if (vouch && cacheDir) {
    // As at the end of a build, seconds after the save: the packs' times are put back instead of waiting.
    const past = new Date(Date.now() - 60_000);
    for (const f of ["content.pack", "content.add"]) if (existsSync(join(cacheDir, f))) utimesSync(join(cacheDir, f), past, past);
    cache!.vouch();
  }
  // What the tag step hands on, through its functions.
  const tagged = coverage.stories.map((s) => {
    const ids = tags.tagsOf(s);
    return { key: s.key, ids, filedFrom: tags.evidence.filedFrom(s), phrases: ids.map((id) => tags.evidence.phrase(s, id)) };
  });
  // The index's evidence is the tag step's functions again (compared through `tagged`).
  const { evidence: _, ...index } = coverage.index;
  // Related coverage is a function of a story and a language: compared through what it gives for each.
  const related = coverage.stories.flatMap((s) => [coverage.related(s, "ar"), coverage.related(s, "en")]);
  // Bodies are not fields of the articles: compared as read after the save (from the pack, with the cache).
  const bodies = content.result.articles.map((a) => articleBody(a));
  const held = content.result.articles.filter(bodyHeld).length;
  return { errors, held, articles: content.result.articles, out: { result: content.result, bodies, entities: content.entities, tagged, coverage: { ...coverage, index, related } }, stats: cache?.stats };
}

function arabicFiles(root: string): string[] {
  const dir = join(root, "content/ar");
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".md")).sort().map((f) => join(dir, f));
}

function project(): { root: string; articles: number } {
  if (hasCorpus) {
    const root = mkdtempSync(join(tmpdir(), "arshif-cc-"));
    const g = makeBenchProject(root, 160, 7);
    return { root, articles: g.articles + g.translations };
  }
  const root = makeProject({}, { bundledContent: true });
  return { root, articles: arabicFiles(root).length + readdirSync(join(root, "content/en"), { recursive: true }).filter((f) => String(f).endsWith(".md")).length };
}

test("content cache: same articles, tags and related coverage with and without it, before and after edits", () => {
  const { root, articles } = project();
  const cacheDir = join(root, ".arshif-cache");
  // Files written an hour ago: their stamps can stand for their bytes (a file modified in the last 2 s is always read).
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const lang of ["ar", "en"]) {
    const dir = join(root, "content", lang);
    for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]) if (f.endsWith(".md")) utimesSync(join(dir, f), hourAgo, hourAgo);
  }
  try {
    const plain = steps(root);
    assert.deepEqual(plain.errors, []);
    const arabic = plain.out!.coverage.stories.length;
    if (hasCorpus) assert.ok(plain.out!.coverage.pairs.length > 0, "the bench archive has copies and follow-ups: some text pairs");

    // First build with the cache: everything made, the pack written.
    const cold = steps(root, cacheDir);
    assert.deepStrictEqual(cold.out, plain.out);
    assert.equal(cold.stats!.articlesParsed, articles);
    assert.equal(cold.stats!.articlesReused, 0);
    assert.equal(cold.stats!.tagsMade, arabic);
    assert.equal(cold.stats!.sketchesMade, arabic);
    assert.ok(cold.stats!.saved && existsSync(join(cacheDir, "content.pack")));
    assert.equal(plain.held, plain.out!.result.articles.length, "without the cache every body is held");
    assert.equal(cold.held, 0, "once saved, every body is read from the pack when asked for");

    // Nothing changed: everything reused, nothing written.
    const warm = steps(root, cacheDir);
    assert.deepStrictEqual(warm.out, plain.out);
    const { verdictsReused, packsHashed: _, packBytesRead: _read, ...rest } = warm.stats!;
    assert.deepEqual(rest, { packed: articles, stamped: articles, articlesReused: articles, articlesParsed: 0, tagsReused: arabic, tagsMade: 0, tagsCarried: 0, sketchesReused: arabic, sketchesMade: 0, verdictsMade: 0, saved: false });
    // Every candidate pair's check is taken from the cache (there are more candidates than pairs).
    assert.equal(verdictsReused, cold.stats!.verdictsMade);
    // A reused article's print comes from its bytes in the pack: it must be the print of the article as parsed.
    for (const a of warm.articles!) assert.equal(articlePrint(a), jsonHash(a), a.file);
    assert.ok(verdictsReused >= plain.out!.coverage.pairs.length);

    // Edits: one article changed (a paragraph of another appended: a new shared passage), one added (a copy of another), one deleted.
    const files = arabicFiles(root);
    const body = (f: string) => readFileSync(f, "utf8").split("\n---\n")[1]!;
    appendFileSync(files[0]!, `\n${body(files[1]!).trim().split("\n\n")[0]}\n`);
    writeFileSync(join(root, "content/ar/added-copy.md"), `---\nid: cache-test-added\ntitle: "نسخة مضافة"\ndate: "2025-09-28"\n---\n${body(files[2]!)}`);
    rmSync(files.slice(3).find((f) => !existsSync(f.replace(`${join("content", "ar")}`, join("content", "en"))))!);
    const plain2 = steps(root);
    const edited = steps(root, cacheDir);
    assert.deepEqual(edited.errors, []);
    assert.deepStrictEqual(edited.out, plain2.out);
    assert.equal(edited.stats!.articlesParsed, 2);
    assert.equal(edited.stats!.articlesReused, articles - 2);
    assert.equal(edited.stats!.tagsMade, 2);
    assert.equal(edited.stats!.sketchesMade, 2);
    assert.equal(edited.stats!.saved, "add", "two new entries: only the small second file is written");
    if (hasCorpus) {
      assert.ok(edited.stats!.verdictsMade >= 1, "the added copy is checked against its original");
      assert.ok(edited.stats!.verdictsReused > edited.stats!.verdictsMade, "pairs of unchanged articles keep their verdicts");
    }
    const again = steps(root, cacheDir);
    assert.deepStrictEqual(again.out, plain2.out);
    assert.equal(again.stats!.articlesParsed, 0);
    assert.equal(again.stats!.saved, false);
    assert.equal(again.stats!.packed, articles + 2, "the pack and the second file are read together (the old version of the edited file and the deleted one are still in the pack)");

    // Other bytes of the same size, with the old modification time put back: the changed time still tells.
    const victim = files[4]!;
    const before = readFileSync(victim, "utf8");
    const cut = before.indexOf("\n---\n") + 5;
    const swapped = before.slice(0, cut) + before.slice(cut).replace(/([\u0621-\u064a])(?!\1)([\u0621-\u064a])/, "$2$1");
    assert.notEqual(swapped, before);
    const { mtime } = statSync(victim);
    writeFileSync(victim, swapped);
    utimesSync(victim, mtime, mtime);
    const sneaky = steps(root, cacheDir);
    assert.deepEqual(sneaky.errors, []);
    assert.deepStrictEqual(sneaky.out, steps(root).out);
    assert.equal(sneaky.stats!.articlesParsed, 1);
    if (hasCorpus) assert.ok(plain2.out!.coverage.pairs.some((p) => p.a.ar.id === "cache-test-added" || p.b.ar.id === "cache-test-added"), "the added copy pairs with its original");

    // A gazetteer edit of names: articles reused; no article writes the new name, so every article keeps its tags (src/entities/retag.ts).
    const gaz = join(root, "content/entities.yaml");
    writeFileSync(gaz, readFileSync(gaz, "utf8").replace(/\n  - id: /, "\n  - id: cache-test-entity\n    type: place\n    ar: [الجزيرة الخضراء للاختبار]\n    en: [Test Island]\n  - id: "));
    const gazPlain = steps(root);
    assert.deepEqual(gazPlain.errors, []);
    const gazCached = steps(root, cacheDir);
    assert.deepStrictEqual(gazCached.out, gazPlain.out);
    assert.equal(gazCached.stats!.articlesParsed, 0);
    assert.equal(gazCached.stats!.tagsMade, 0);
    assert.equal(gazCached.stats!.tagsCarried, arabic);
    assert.equal(gazCached.stats!.sketchesReused, arabic);
    assert.equal(gazCached.stats!.saved, "pack", "every entry's tags are kept for the new gazetteer: one new pack");

    // A related-coverage setting that shingling reads: sketches made again.
    appendFileSync(join(root, "content/site.yaml"), "\nrelated:\n  minParagraphWords: 8\n");
    const setPlain = steps(root);
    assert.deepEqual(setPlain.errors, []);
    const setCached = steps(root, cacheDir);
    assert.deepStrictEqual(setCached.out, setPlain.out);
    assert.equal(setCached.stats!.sketchesMade, arabic);
    assert.equal(setCached.stats!.tagsReused, arabic);
    assert.equal(setCached.stats!.verdictsReused, 0, "verdicts depend on the setting too");

    // The pack's checksum is computed until its stat is recorded (for a file at least a second old), then taken from that stat.
    const pack = join(cacheDir, "content.pack");
    const longAgo = new Date(Date.now() - 60_000);
    for (const f of [pack, join(cacheDir, "content.add")]) if (existsSync(f)) utimesSync(f, longAgo, longAgo);
    const first = steps(root, cacheDir);
    assert.ok(first.stats!.packsHashed >= 1);
    assert.equal(first.stats!.saved, false);
    const trusted = steps(root, cacheDir);
    assert.equal(trusted.stats!.packsHashed, 0);
    // Taken as checked, a pack is read without the bodies, which come from the file when asked for (compared in `out`).
    const packSize = statSync(pack).size;
    assert.ok(trusted.stats!.packBytesRead < 0.75 * packSize, `${trusted.stats!.packBytesRead} of ${packSize} bytes read`);
    assert.ok(first.stats!.packBytesRead >= packSize, "a pack being checked is read whole");
    assert.deepStrictEqual(trusted.out, setPlain.out);

    // A corrupt pack is not used: everything made again, same output, pack rewritten. Its times put back
    // do not hide the change (the change time moves with any write).
    const bytes = readFileSync(pack);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(pack, bytes);
    utimesSync(pack, longAgo, longAgo);
    const corrupt = steps(root, cacheDir);
    assert.deepStrictEqual(corrupt.out, setPlain.out);
    assert.equal(corrupt.stats!.packed, 0);
    assert.equal(corrupt.stats!.packsHashed, 1);
    assert.equal(corrupt.stats!.articlesReused, 0);
    assert.equal(corrupt.stats!.saved, "pack");
    const whole = steps(root, cacheDir);
    assert.equal(whole.stats!.articlesReused, articles);

    // Other code: nothing of the pack is used.
    assert.equal(steps(root, cacheDir, NOW, "code-2").stats!.articlesReused, 0);

    // The build that writes a pack vouches for it at its end (the pipeline's swap step): the checksum it
    // computed as it wrote is recorded with the pack's stat, and the next build does not hash the pack.
    const vouched = steps(root, cacheDir, NOW, "code-3", true);
    assert.equal(vouched.stats!.saved, "pack");
    const afterVouch = steps(root, cacheDir, NOW, "code-3");
    assert.equal(afterVouch.stats!.packsHashed, 0);
    assert.equal(afterVouch.stats!.articlesReused, articles);
    assert.deepStrictEqual(afterVouch.out, setPlain.out);

    // A pack cut short (a build killed while a file system lost the rename) is not used either.
    writeFileSync(pack, readFileSync(pack).subarray(0, 1000));
    assert.equal(steps(root, cacheDir).stats!.packed, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("content cache: content errors are reported as without it, every time", () => {
  const root = makeProject({}, { bundledContent: true });
  const cacheDir = join(root, ".arshif-cache");
  try {
    assert.deepEqual(steps(root, cacheDir).errors, []);
    assert.ok(steps(root, cacheDir).stats!.articlesReused > 0);
    // A file with an error beside cached ones, a duplicate of a cached article's id, and a cached
    // article whose date is in the future for a build that says it is earlier.
    const [first] = arabicFiles(root);
    const text = readFileSync(first!, "utf8");
    writeFileSync(join(root, "content/ar/bad.md"), "---\nid: bad-one\ntitle: \"خبر\"\ndate: \"2025-09-16\"\ncolour: red\n---\n\nنص.\n");
    writeFileSync(join(root, "content/ar/dup.md"), text);
    const date = /date: "?(\d{4}-\d{2}-\d{2})/.exec(text)![1]!;
    const early = Date.parse(`${date}T00:00:00Z`) - 10 * 86400000;
    for (const now of [NOW, early]) {
      const plain = steps(root, undefined, now).errors;
      assert.ok(plain.some((e) => /bad\.md/.test(e) && /colour/.test(e) && /bad\.md:5 /.test(e)), plain.join("\n"));
      // (Early, the copy's date is in the future too: that error comes first.)
      if (now === NOW) assert.ok(plain.some((e) => /dup\.md/.test(e) && /already used/.test(e)));
      else assert.ok(plain.some((e) => /2025-09-16-7e6ef835\.md:5 .*in the future/.test(e)), "a cached article's date checked against this build's now");
      for (let i = 0; i < 2; i++) assert.deepEqual(steps(root, cacheDir, now).errors, plain);
    }
    // Fixed: the build goes on, the cached articles reused.
    rmSync(join(root, "content/ar/bad.md"));
    rmSync(join(root, "content/ar/dup.md"));
    const fixed = steps(root, cacheDir);
    assert.deepEqual(fixed.errors, []);
    assert.equal(fixed.stats!.articlesParsed, 0);
  } finally {
    cleanup(root);
  }
});

test("content cache: a cache folder that cannot be written slows the build, never stops it", () => {
  const root = makeProject({}, { bundledContent: true });
  try {
    const blocked = join(root, "not-a-folder");
    writeFileSync(blocked, "a file where the cache folder would be");
    const r = steps(root, blocked);
    assert.deepEqual(r.errors, []);
    assert.deepStrictEqual(r.out, steps(root).out);
    assert.equal(r.stats!.saved, false);
    assert.ok(r.stats!.articlesParsed > 0);
  } finally {
    cleanup(root);
  }
});

test("content cache: a body is read from its file when the pack changed since; a file changed too is an error naming it", () => {
  const root = makeProject({}, { bundledContent: true });
  const cacheDir = join(root, ".arshif-cache");
  try {
    const plain = steps(root);
    steps(root, cacheDir);
    const warm = steps(root, cacheDir);
    assert.equal(warm.held, 0);
    // A file edited after it was loaded: its body still comes from the pack, as it was loaded.
    const a = warm.articles![0]!;
    const before = articleBody(a);
    appendFileSync(join(root, a.file), "\nفقرة أضيفت أثناء البناء.\n");
    assert.deepStrictEqual(articleBody(a), before);
    // Another build rewrote the pack: every body comes from its file, the same...
    const pack = join(cacheDir, "content.pack");
    writeFileSync(pack, Buffer.concat([readFileSync(pack), Buffer.from("x")]));
    const others = warm.articles!.map((x, i) => [x, plain.out!.bodies[i]] as const).filter(([x]) => x !== a);
    for (const [x, body] of others) assert.deepStrictEqual(articleBody(x), body);
    // ...and the edited file cannot stand for the article the build holds.
    assert.throws(() => articleBody(a), (e: Error) => e.message.startsWith(`${a.file}: the file changed while the site was being built`));
  } finally {
    cleanup(root);
  }
});

test("content cache: a sketch survives its binary form", () => {
  const a = {} as Article;
  setBody(a, { html: "", paragraphs: ["قال وزير الخارجية العراقي اليوم إن بغداد ستستضيف القمة المقبلة في الربيع", "شكرا", "وأضاف الوزير أن التحضيرات بدأت منذ أشهر وأن الوفود ستصل تباعا"] });
  const s = sketch(a, 6);
  assert.equal(s.paras[1], undefined);
  assert.equal(s.sigs.length, 2 * 48);
  const bytes = encodeSketch(s);
  const copy = Buffer.alloc(bytes.length + 4);
  bytes.copy(copy, 4);
  assert.deepStrictEqual(decodeSketch(copy.subarray(4)), s);
  assert.equal(decodeSketch(copy.subarray(4, copy.length - 4)), undefined, "a short sketch is refused");
  assert.equal(decodeSketch(copy.subarray(2, copy.length - 2)), undefined, "a misaligned one too");
});

test("content cache: tags are kept across edits of what the tagger never reads (English names, descriptions, Wikidata ids)", () => {
  const base = [
    { id: "x-person", type: "person" as const, names: { ar: ["سالم العلي", "العلي"], en: ["Salem al-Ali"] }, description: { ar: "سياسي", en: "politician" } },
    { id: "y-place", type: "place" as const, names: { ar: ["الواحة"], en: ["Al-Waha"] }, wikidata: "Q1" },
  ];
  const scope = gazetteerScope(base);
  const english = structuredClone(base);
  english[0]!.names.en = ["Salim al-Ali"];
  english[0]!.description = { ar: "سياسي", en: "a politician" };
  english[1]!.wikidata = "Q2";
  assert.equal(gazetteerScope(english), scope);
  const arabic = structuredClone(base);
  arabic[0]!.names.ar.push("سالم");
  assert.notEqual(gazetteerScope(arabic), scope);
  // The order of the entries is read too (the first entity named wins a tie).
  assert.notEqual(gazetteerScope([base[1]!, base[0]!]), scope);
});
