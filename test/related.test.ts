import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { findTextPairs, relatedByEntities, candidateScope, DEFAULT_RELATED } from "../src/related/pairs.ts";
import { ContentCache } from "../src/build/content-cache.ts";
import { shingles, intersectionSize, intersectionAtLeast, intersectionIfJaccard, jaccard, jaccardNeed, fnv1a } from "../src/related/shingles.ts";
import { bandPairs, signature } from "../src/related/minhash.ts";
import { PairSet } from "../src/related/pairset.ts";
import type { Story } from "../src/archive/stories.ts";
import type { Article } from "../src/content/article.ts";
import { loadSite } from "../src/site/load.ts";
import { buildRelated, relationNote } from "../src/archive/related.ts";
import { REPO, makeProject, build, cleanup } from "./helpers/project.ts";
import { load } from "./helpers/site.ts";
import { readDataParts } from "./helpers/data.ts";
import { hasCorpus } from "./helpers/corpus.ts";
import { importCorpusSample } from "./helpers/recall.ts";
import { setBody } from "../src/content/body.ts";

function story(id: string, day: string, paragraphs: string[]): Story {
  const ar = { id, lang: "ar", title: id, translationKey: id, lead: paragraphs[0], paragraphCount: paragraphs.length, date: { day, epoch: Date.parse(day), iso: day, year: day.slice(0, 4), month: "", dayOfMonth: "", hasTime: false } } as unknown as Article;
  setBody(ar, { html: "", paragraphs });
  return { key: id, ar };
}

// Distinct synthetic paragraphs from a small vocabulary, so they do not overlap by chance.
const para = (seed: number) => Array.from({ length: 14 }, (_, i) => `كلمة${(seed * 31 + i * 7) % 997}`).join(" ");

test("same text, an expansion and a shared passage are told apart; unrelated texts are not paired", () => {
  const base = [1, 2, 3, 4, 5, 6, 7, 8].map(para);
  const stories = [
    story("orig", "2015-01-01", base),
    story("copy", "2015-01-02", [...base]),
    story("longer", "2015-01-03", [...base, para(20), para(21)]),
    story("partial", "2015-01-04", [para(3), para(30), para(31), para(32), para(33), para(34), para(35), para(36)]),
    story("other", "2015-01-05", [40, 41, 42, 43].map(para)),
  ];
  const pairs = findTextPairs(stories);
  const rel = (a: string, b: string) => pairs.find((p) => [p.a.key, p.b.key].sort().join() === [a, b].sort().join())?.relation;
  assert.equal(rel("orig", "copy"), "duplicate");
  assert.equal(rel("orig", "longer"), "update");
  assert.equal(rel("orig", "partial"), "shared");
  assert.equal(rel("orig", "other"), undefined);
  const partial = pairs.find((p) => p.b.key === "partial" && p.a.key === "orig")!;
  assert.deepEqual(partial.shared, [[2, 0]]);
});

test("a much-copied text lists its closest stories only, says how many there are, and marks every shared paragraph", () => {
  const base = [1, 2, 3, 4, 5, 6, 7, 8].map(para);
  // One copy, one expansion, then 12 stories sharing one or two paragraphs each.
  const others = [
    story("copy", "2015-01-02", [...base]),
    story("longer", "2015-01-03", [...base, para(20), para(21)]),
    ...Array.from({ length: 12 }, (_, k) => story(`s${String(k).padStart(2, "0")}`, "2015-01-04", [base[k % 8]!, ...(k < 3 ? [base[(k + 4) % 8]!] : []), para(100 + 4 * k), para(101 + 4 * k), para(102 + 4 * k), para(103 + 4 * k)])),
  ];
  const orig = story("orig", "2015-01-01", base);
  const stories = [orig, ...others];
  const pairs = findTextPairs(stories);
  assert.equal(pairs.filter((p) => p.a === orig || p.b === orig).length, 14, "every story pairs with the original");
  const ctx = (maxText: number) => ({ digits: "latn" as const, zone: "UTC", maxText });
  const section = buildRelated(pairs, new Map(), ctx(10))(orig, "en");
  assert.equal(section.text.length, 10);
  assert.deepEqual(section.sameText?.copies.map((r) => r.url), ["/ar/articles/copy/"], "the copy is on the same-text line");
  assert.deepEqual(section.text.slice(0, 4).map((r) => r.url), ["/ar/articles/longer/", "/ar/articles/s00/", "/ar/articles/s01/", "/ar/articles/s02/"], "update, then two shared paragraphs");
  assert.equal(section.closest, "Closest only: 10 of 13");
  assert.deepEqual(section.shared, [0, 1, 2, 3, 4, 5, 6, 7], "paragraphs shared with unlisted stories are marked too");
  assert.equal(buildRelated(pairs, new Map(), ctx(20))(orig, "ar").closest, undefined);
  assert.equal(buildRelated(pairs, new Map(), ctx(10))(orig, "ar").closest, "الأقرب فقط: 10 من 13");
});

test("related by entities prefers rare shared names within the time window", () => {
  const s = ["a", "b", "c", "d"].map((id, i) => story(id, `2015-01-0${i + 1}`, [para(i)]));
  const far = story("far", "2016-06-01", [para(9)]);
  const tags = new Map([["a", ["x", "rare"]], ["b", ["x"]], ["c", ["x", "rare"]], ["d", ["y"]], ["far", ["x", "rare"]]]);
  const rel = relatedByEntities([...s, far], tags);
  assert.equal(rel.get("a")![0]!.key, "c");
  assert.ok(!rel.get("a")!.some((x) => x.key === "far"), "outside the window");
});

test("the seeds share exactly five paragraphs, marked on their pages and listed as related coverage", () => {
  const site = loadSite({ root: REPO }).site!;
  assert.equal(site.pairs.length, 1);
  const [p] = site.pairs;
  const seeds = readFileSync(join(REPO, "../shared/seeds/000_fb8126fedde5b17e.txt"), "utf8");
  const short = p!.a.ar.paragraphCount < p!.b.ar.paragraphCount ? p!.a : p!.b;
  const long = short === p!.a ? p!.b : p!.a;
  assert.ok(seeds.includes(short.ar.lead.slice(0, 30)), "the shorter one is seed 000");
  const pairs = p!.shared.map(([i, j]) => (short === p!.a ? [i, j] : [j, i]) as [number, number]).sort((x, y) => x[0] - y[0]);
  // 000's paragraphs 1–5 reappear in 001 as its paragraphs 10, 11, 12, 9 and 13 (0-based below; the
  // import joined 001's paragraph that ends «قوله،» with the quote that follows it).
  assert.deepEqual(pairs, [[0, 9], [1, 10], [2, 11], [3, 8], [4, 12]]);
  assert.equal(p!.relation, "shared");

  const dir = makeProject({}, { bundledContent: true });
  try {
    assert.equal(build(dir).code, 0);
    const $ = load(join(dir, "_site"), `ar/articles/${short.ar.id}/index.html`);
    const marked = $(".body p.shared").map((_, el) => Number($(el).attr("data-p"))).get();
    assert.deepEqual(marked, [0, 1, 2, 3, 4]);
    assert.equal($(".related a").first().attr("href"), `/ar/articles/${long.ar.id}/`);
    assert.match($(".related .note").first().text(), /5 فقرات.*أقصر/);
    const en = load(join(dir, "_site"), `en/articles/${long.ar.id}/index.html`);
    assert.match(en(".related .note").first().text(), /5 paragraphs in common; this article is longer/);
    const related = readDataParts(join(dir, "_site"), "related");
    assert.equal(related.length, 1);
  } finally {
    cleanup(dir);
  }
});

test("shingles are sorted and unique; intersection and Jaccard count common shingles", () => {
  const a = shingles(["و", "ب", "و", "ب", "و", "ب"], 2); // "و ب" and "ب و", each repeated
  assert.equal(a.length, 2);
  assert.ok(a[0]! < a[1]!);
  const b = shingles(["و", "ب", "ج"], 2);
  assert.equal(intersectionSize(a, b), 1);
  assert.equal(jaccard(a, b), 1 / 3);
  assert.equal(jaccard(shingles([], 3), shingles([], 3)), 0);
  assert.equal(shingles(["ا", "ب"], 3).length, 1, "a list shorter than k is one shingle");
});

test("a shingle is the hash of its words joined by spaces; a signature is each hash function's least value", () => {
  const ws = ["قال", "وزير", "الخارجيه", "x", "", "بغداد", "قال", "وزير", "الخارجيه"];
  const expected = [...new Set(ws.slice(0, -2).map((_, i) => fnv1a(ws.slice(i, i + 3).join(" "))))].sort((a, b) => a - b);
  assert.deepEqual([...shingles(ws, 3)], expected);
  const seeds: [number, number][] = [[3, 5], [0x9e3779b1 | 0, 0xffffffff], [-7, 1]];
  const sig = signature(shingles(ws, 3), seeds.length, seeds);
  seeds.forEach(([a, b], i) => assert.equal(sig[i], Math.min(...expected.map((x) => (Math.imul(a, x) + b) >>> 0)), `hash ${i}`));
});

test("a bounded intersection is exact or says it cannot reach its need; a Jaccard's need never asks too much", () => {
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const set = () => Uint32Array.from(new Set(Array.from({ length: Math.floor(next() * 60) }, () => Math.floor(next() * 90)))).sort();
  for (let k = 0; k < 3000; k++) {
    const [a, b] = [set(), set()];
    // Counted apart from the merge under test (intersectionSize is that merge with no bound).
    const inB = new Set(b);
    const exact = [...a].filter((x) => inB.has(x)).length;
    assert.equal(intersectionSize(a, b), exact);
    const need = Math.floor(next() * 40);
    assert.equal(intersectionAtLeast(a, b, need), exact >= need ? exact : -1, `need ${need}, exact ${exact}`);
    for (const t of [0.25, 0.5]) {
      const reaches = a.length + b.length > 0 && exact / (a.length + b.length - exact) >= t;
      assert.equal(intersectionIfJaccard(a, b, t), reaches ? exact : -1, `Jaccard ≥ ${t}, exact ${exact}`);
    }
  }
  for (const t of [0, 0.25, 0.5, 0.8, 0.9, 1 / 3]) {
    for (let sizes = 0; sizes <= 400; sizes++) {
      // The least intersection whose Jaccard reaches t, counted the way the callers count it.
      let least = 0;
      while (least <= sizes / 2 && !(sizes - least > 0 && least / (sizes - least) >= t)) least++;
      if (least <= sizes / 2) assert.ok(jaccardNeed(sizes, t) <= least, `t ${t}, sizes ${sizes}`);
    }
  }
});

test("related by entities: the window is inclusive at its edges, whatever the input order", () => {
  const s = [
    story("late", "2015-03-03", [para(1)]), // 31 days after mid: out
    story("mid", "2015-01-31", [para(2)]),
    story("edge", "2015-03-02", [para(3)]), // exactly 30 days after mid: in
    story("early", "2015-01-01", [para(4)]), // exactly 30 days before mid: in
  ];
  const others = Array.from({ length: 12 }, (_, i) => story(`o${i}`, "2014-01-01", [para(50 + i)]));
  const tags = new Map([...s.map((x) => [x.key, ["x"]] as [string, string[]]), ...others.map((o) => [o.key, ["z"]] as [string, string[]])]);
  const rel = relatedByEntities([...s, ...others], tags, { ...DEFAULT_RELATED, maxRelated: 10 });
  assert.deepEqual(rel.get("mid")!.map((x) => x.key).sort(), ["early", "edge"]);
});

test("related by entities: the best by shared-name weight, then nearness in time, then list order, as a full ranking would give", () => {
  // Many ties on purpose: few entities, few days, so scores and distances repeat.
  let seed = 20251207;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const days = ["2015-01-01", "2015-01-02", "2015-01-20", "2015-02-25", "2015-06-01"];
  const ids = Array.from({ length: 8 }, (_, i) => `e${i}`);
  const stories = Array.from({ length: 90 }, (_, i) => story(`s${i}`, days[Math.floor(rand() * days.length)]!, [para(i)]));
  const tags = new Map(stories.map((s) => [s.key, ids.filter(() => rand() < 0.15)]));
  // One name in every story: above a fifth of the archive, it counts for nothing.
  for (const t of tags.values()) t.push("everywhere");
  const n = stories.length;
  const count = (id: string) => stories.filter((s) => tags.get(s.key)!.includes(id)).length;
  const windowMs = DEFAULT_RELATED.windowDays * 86400000;
  let ties = 0;
  for (const maxRelated of [0, 1, 3, 10]) {
    const got = relatedByEntities(stories, tags, { ...DEFAULT_RELATED, maxRelated });
    if (maxRelated) assert.ok(got.size > n / 2, `most stories have related stories (${got.size})`);
    for (const [i, s] of stories.entries()) {
      const t = s.ar.date.epoch;
      const ranked = stories
        .map((o, j) => {
          if (j === i || Math.abs(o.ar.date.epoch - t) > windowMs) return undefined;
          const shared = tags.get(s.key)!.filter((id) => tags.get(o.key)!.includes(id) && count(id) <= Math.max(10, n / 5));
          return shared.length ? { j, score: shared.reduce((sum, id) => sum + Math.log(n / count(id)), 0), far: Math.abs(o.ar.date.epoch - t) } : undefined;
        })
        .filter((x) => x !== undefined)
        .sort((x, y) => y.score - x.score || x.far - y.far || x.j - y.j);
      // Ties on weight and distance at the cut: only the list order decides.
      if (ranked[maxRelated] && ranked[maxRelated - 1] && ranked[maxRelated]!.score === ranked[maxRelated - 1]!.score && ranked[maxRelated]!.far === ranked[maxRelated - 1]!.far) ties++;
      const top = ranked
        .slice(0, maxRelated)
        .map((x) => stories[x.j]!.key);
      assert.deepEqual(got.get(s.key)?.map((x) => x.key) ?? [], top, `${s.key}, at most ${maxRelated}`);
    }
  }
  assert.ok(ties > 10, `ties at the cut (${ties})`);
});

test("related notes count paragraphs in grammatical Arabic and English for every plural form", () => {
  const self = story("self", "2015-01-01", Array.from({ length: 5 }, (_, i) => para(i)));
  const withLen = (n: number, day = "2015-01-02") => story(`o${n}`, day, Array.from({ length: n }, (_, i) => para(200 + i)));
  const pair = (other: Story, n: number, relation: "update" | "shared" = "shared") =>
    ({ a: self, b: other, relation, shared: Array.from({ length: n }, (_, i) => [i, i] as [number, number]), jaccard: 0.5, containment: 0.9 });
  // Shared paragraph counts: 0 (no paragraph matched one to one), 1, 2, 3–10, 11–99, 100+.
  const common: [number, string, string][] = [
    [0, "يتشابه النصان دون أن تتطابق فيهما فقرة بفقرة", "alike as wholes, though no paragraph matches one for one"],
    [1, "يشتركان في فقرة واحدة", "1 paragraph in common"],
    [2, "يشتركان في فقرتين", "2 paragraphs in common"],
    [3, "يشتركان في 3 فقرات", "3 paragraphs in common"],
    [10, "يشتركان في 10 فقرات", "10 paragraphs in common"],
    [11, "يشتركان في 11 فقرة", "11 paragraphs in common"],
    [100, "يشتركان في 100 فقرة", "100 paragraphs in common"],
  ];
  for (const [n, ar, en] of common) {
    const p = pair(withLen(5), n, n === 0 ? "update" : "shared");
    assert.equal(relationNote(p, self, "ar", "latn"), `${n === 0 ? "نسخة محدثة أو موسعة" : "فقرات مشتركة"}: ${ar}، وهما بالطول نفسه، ونُشر هذا الخبر قبله`);
    assert.equal(relationNote(p, self, "en", "latn"), `${n === 0 ? "Update or expansion" : "Shared passages"}: ${en}; the same length; this one published first`);
  }
  // Lengths: this article's 5 paragraphs against 1, 2, 3, 11 and 100.
  const lengths: [number, string, string][] = [
    [1, "وهذا الخبر أطول (5 فقرات مقابل فقرة واحدة)", "this article is longer (5 paragraphs against 1 paragraph)"],
    [2, "وهذا الخبر أطول (5 فقرات مقابل فقرتين)", "this article is longer (5 paragraphs against 2 paragraphs)"],
    [11, "وهذا الخبر أقصر (5 فقرات مقابل 11 فقرة)", "this article is shorter (5 paragraphs against 11 paragraphs)"],
    [100, "وهذا الخبر أقصر (5 فقرات مقابل 100 فقرة)", "this article is shorter (5 paragraphs against 100 paragraphs)"],
  ];
  for (const [len, ar, en] of lengths) {
    const p = pair(withLen(len, "2015-01-01"), 1);
    assert.equal(relationNote(p, self, "ar", "latn"), `فقرات مشتركة: يشتركان في فقرة واحدة، ${ar}، ونُشرا في اليوم نفسه`);
    assert.equal(relationNote(p, self, "en", "latn"), `Shared passages: 1 paragraph in common; ${en}; published the same day`);
  }
  assert.match(relationNote(pair(withLen(3), 3), self, "ar", "arab"), /يشتركان في ٣ فقرات، وهذا الخبر أطول \(٥ فقرات مقابل ٣ فقرات\)/);
});

test("copies of the same text make one line, newest first, and a shared paragraph names the stories it is in", () => {
  const base = [1, 2, 3, 4, 5, 6, 7, 8].map(para);
  const orig = story("orig", "2015-01-01", base);
  const copies = [story("c1", "2015-01-03", [...base]), story("c2", "2015-01-05", [...base]), story("c3", "2015-01-02", [...base])];
  const other = [para(3), para(60), para(61), para(62), para(63), para(64)];
  // Two copies of another text that shares one paragraph with the original.
  const partial = [story("p1", "2015-01-04", other), story("p2", "2015-01-06", [...other])];
  const pairs = findTextPairs([orig, ...copies, ...partial]);
  const section = buildRelated(pairs, new Map(), { digits: "latn", zone: "UTC", maxText: 10 })(orig, "en");
  assert.deepEqual(section.sameText?.copies.map((c) => c.url), ["/ar/articles/c2/", "/ar/articles/c1/", "/ar/articles/c3/"]);
  assert.equal(section.sameText?.count, "(3)");
  assert.equal(section.text.length, 1, "the two copies of the partial text are one line");
  assert.equal(section.text[0]!.copies.length, 1);
  assert.deepEqual([section.text[0]!.url, section.text[0]!.copies[0]!.url].sort(), ["/ar/articles/p1/", "/ar/articles/p2/"]);
  const third = section.sharedWith.find((s) => s.index === 2)!;
  assert.ok(third.with.some((l) => l.url === "/ar/articles/p1/"), "paragraph 3 is shared with p1");
  assert.ok(third.with.some((l) => l.url === "/ar/articles/c1/"));
});

test("on the corpus: every copy of an article's text is on its same-text line, never also an item, and items name their outlet", { skip: !hasCorpus && "no ../shared/corpus" }, async () => {
  const dir = makeProject({}, { bundledContent: true });
  try {
    await importCorpusSample(dir, 2000);
    const site = loadSite({ root: dir }).site!;
    const max = site.settings.related.maxTextRelated;
    // The truth: stories joined by same-text pairs (transitively), from the pairs module alone.
    const group = new Map<string, Set<string>>();
    for (const p of site.pairs.filter((x) => x.relation === "duplicate")) {
      const g = new Set([...(group.get(p.a.key) ?? [p.a.key]), ...(group.get(p.b.key) ?? [p.b.key])]);
      for (const k of g) group.set(k, g);
    }
    assert.ok(group.size > 10, `the corpus has copies (${group.size} stories in same-text groups)`);
    const byKey = new Map(site.stories.map((s) => [s.key, s]));
    let lines = 0;
    for (const page of site.pages.article.filter((p) => p.lang === "ar")) {
      const mine = group.get(page.storyKey);
      const urls = (keys: Iterable<string>) => [...keys].map((k) => `/ar/articles/${byKey.get(k)!.ar.id}/`);
      const expected = mine ? urls([...mine].filter((k) => k !== page.storyKey)) : [];
      const shown = page.related.sameText?.copies.map((c) => c.url) ?? [];
      assert.equal(shown.length, Math.min(expected.length, max), page.url);
      for (const u of shown) assert.ok(expected.includes(u), `${page.url}: ${u} is not a copy`);
      if (shown.length) lines++;
      for (const it of page.related.text) {
        assert.ok(!expected.includes(it.url), `${page.url}: copy ${it.url} listed again as an item`);
        const s = site.stories.find((x) => `/ar/articles/${x.ar.id}/` === it.url)!;
        if (s.ar.source) assert.equal(it.outlet?.text, s.ar.source, `${it.url} outlet`);
        for (const c of it.copies) assert.ok(group.get(s.key)?.has(site.stories.find((x) => `/ar/articles/${x.ar.id}/` === c.url)!.key), `${c.url} is a copy of ${it.url}`);
      }
      const dates = page.related.sameText?.copies.map((c) => c.datetime) ?? [];
      assert.deepEqual(dates, [...dates].sort().reverse(), `${page.url}: copies newest first`);
    }
    assert.ok(lines > 10, `${lines} pages with a same-text line`);
    console.log(`# corpus: ${group.size} stories in same-text groups, ${lines} pages with a same-text line`);
  } finally {
    cleanup(dir);
  }
});

test("bandPairs: exactly the pairs whose rows agree in some band, buckets over the limit left out", () => {
  // Signatures from a seeded generator, with planted copies of whole bands (and one huge bucket).
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed);
  const hashes = 12;
  const bands = 4;
  const rows = 3;
  const n = 300;
  const sigs = new Uint32Array(n * hashes).map(() => next());
  for (let i = 1; i < n; i += 7) {
    const j = next() % i;
    const b = next() % bands;
    sigs.copyWithin(i * hashes + b * rows, j * hashes + b * rows, j * hashes + (b + 1) * rows);
  }
  for (let i = 0; i < 60; i++) sigs.set([1, 2, 3], (i * 5) * hashes + 3 * rows); // 60 items in one bucket of band 3
  sigs.fill(0xffffffff, 11 * hashes, 12 * hashes); // an empty text: similar to nothing
  const got = new Set<string>();
  bandPairs(sigs, hashes, bands, (i, j) => {
    assert.ok(i < j);
    got.add(`${i} ${j}`);
  });
  // The plain way: for each band, group items by their rows' values.
  const bandGroups = (b: number): number[][] => {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      if (sigs[i * hashes] === 0xffffffff) continue;
      const k = Array.from(sigs.subarray(i * hashes + b * rows, i * hashes + (b + 1) * rows)).join(",");
      groups.set(k, [...(groups.get(k) ?? []), i]);
    }
    return [...groups.values()];
  };
  const want = new Set<string>();
  for (let b = 0; b < bands; b++) {
    for (const g of bandGroups(b)) if (g.length >= 2 && g.length <= 50) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) want.add(`${g[x]} ${g[y]}`);
  }
  assert.ok(want.size > 20);
  assert.deepEqual([...got].sort(), [...want].sort());

  // A rebuild that added items 240 and after: only pairs with a new item, and the old pairs of the
  // huge bucket, which held 48 old items (within the limit) and now holds 60.
  const isNew = Uint8Array.from({ length: n }, (_, i) => (i >= 240 ? 1 : 0));
  const gotNew = new Set<string>();
  const gotCrossed = new Set<string>();
  bandPairs(sigs, hashes, bands, (i, j) => gotNew.add(`${i} ${j}`), undefined, { isNew, crossed: (i, j) => gotCrossed.add(`${i} ${j}`) });
  const wantNew = new Set<string>();
  const wantCrossed = new Set<string>();
  for (let b = 0; b < bands; b++) {
    for (const g of bandGroups(b)) {
      const old = g.filter((i) => !isNew[i]);
      if (old.length === g.length) continue;
      if (g.length <= 50) {
        for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) if (isNew[g[x]!] || isNew[g[y]!]) wantNew.add(`${g[x]} ${g[y]}`);
      } else if (old.length <= 50) for (let x = 0; x < old.length; x++) for (let y = x + 1; y < old.length; y++) wantCrossed.add(`${old[x]} ${old[y]}`);
    }
  }
  assert.ok(wantNew.size > 5 && wantCrossed.size === (48 * 47) / 2);
  assert.deepEqual([...gotNew].sort(), [...wantNew].sort());
  assert.deepEqual([...gotCrossed].sort(), [...wantCrossed].sort());
});

test("a build that only adds stories starts from the last build's candidates and finds the same pairs as from scratch", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-candidates-"));
  try {
    // 48 stories share a passage; 6 added later share it too, pushing its LSH buckets over
    // the limit (the old pairs through it are no longer candidates), and 3 are new copies.
    const common = para(500);
    const own = (i: number) => [para(1000 + 3 * i), para(1001 + 3 * i), para(1002 + 3 * i)];
    const day = (i: number) => `2015-0${1 + (i % 9)}-1${i % 10}`;
    const old = Array.from({ length: 48 }, (_, i) => story(`old${i}`, day(i), [...own(i), common]));
    const added = [
      ...Array.from({ length: 6 }, (_, i) => story(`add${i}`, day(i), [...own(100 + i), common])),
      ...[3, 7, 9].map((i) => story(`copy${i}`, day(i + 1), own(i))),
    ];
    const show = (ps: ReturnType<typeof findTextPairs>) => ps.map((p) => `${p.a.key} ${p.b.key} ${p.relation} ${JSON.stringify(p.shared)}`);
    const before = findTextPairs(old, DEFAULT_RELATED, new ContentCache(dir).sketches);
    assert.equal(before.length, (48 * 47) / 2, "the passage pairs every old story");
    const all = [...old.slice(0, 20), ...added, ...old.slice(20)];
    const kept = new ContentCache(dir).sketches.candidates!(candidateScope(DEFAULT_RELATED));
    assert.equal(kept?.stories.length, 48);
    const again = show(findTextPairs(all, DEFAULT_RELATED, new ContentCache(dir).sketches));
    const fresh = show(findTextPairs(all, DEFAULT_RELATED));
    assert.deepEqual(again, fresh);
    assert.ok(fresh.length < before.length && fresh.some((p) => p.startsWith("old3 copy3")), `the passage's pairs gone, the copies found (${fresh.length})`);
    // A story gone (or edited) since: every candidate found again.
    const fewer = all.filter((s) => s.key !== "old5");
    assert.deepEqual(show(findTextPairs(fewer, DEFAULT_RELATED, new ContentCache(dir).sketches)), show(findTextPairs(fewer, DEFAULT_RELATED)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the pair set holds what a Set of the same pairs holds, through growth, and lists them in order", () => {
  // A fixed pseudo-random sequence with repeats and large item numbers.
  let seed = 20261206;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const set = new PairSet(4);
  const reference = new Set<string>();
  for (let k = 0; k < 20000; k++) {
    const i = k % 3 ? next(300) : 0xfffffffd - next(3);
    const j = next(300);
    const key = `${i},${j}`;
    assert.equal(set.add(i, j), !reference.has(key), `add(${key})`);
    reference.add(key);
    if (k % 7 === 0) assert.equal(set.has(j, i), reference.has(`${j},${i}`));
  }
  assert.equal(set.size, reference.size);
  const [firsts, seconds] = set.sorted();
  const listed = Array.from(firsts, (i, k) => `${i},${seconds[k]}`);
  const expected = [...reference].map((x) => x.split(",").map(Number)).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!).map((x) => x.join(","));
  assert.deepEqual(listed, expected);
});

test("a related section's print (what the build cache keys) stays the same only when the section does", () => {
  type Spec = { day: string; paras: number[]; title?: string; en?: string; source?: string };
  const make = (specs: Record<string, Spec>, byEntity: [string, string[]][]) => {
    const stories = Object.entries(specs).map(([key, s]) => {
      const st = story(key, s.day, s.paras.map(para));
      Object.assign(st.ar, { title: s.title ?? key, ...(s.source ? { source: s.source } : {}) });
      if (s.en) st.en = { ...st.ar, lang: "en", title: s.en } as Article;
      return st;
    });
    const byKey = new Map(stories.map((s) => [s.key, s]));
    const related = buildRelated(findTextPairs(stories), new Map(byEntity.map(([k, l]) => [k, l.map((x) => byKey.get(x)!)])), { digits: "latn", zone: "UTC", maxText: 3 });
    const out = new Map<string, { print: string; section: string }>();
    for (const s of stories) for (const lang of ["ar", "en"] as const) out.set(`${s.key} ${lang}`, { print: JSON.stringify(related.print(s, lang)), section: JSON.stringify(related(s, lang)) });
    return out;
  };
  const base: Record<string, Spec> = {
    orig: { day: "2015-01-01", paras: [1, 2, 3, 4, 5, 6, 7, 8] },
    copy: { day: "2015-01-02", paras: [1, 2, 3, 4, 5, 6, 7, 8] },
    longer: { day: "2015-01-03", paras: [1, 2, 3, 4, 5, 6, 7, 8, 20, 21] },
    partial: { day: "2015-01-04", paras: [3, 30, 31, 32, 33, 34, 35, 36] },
    other: { day: "2015-01-05", paras: [40, 41, 42, 43] },
    s1: { day: "2015-01-06", paras: [50, 51, 52, 53, 54] },
    s2: { day: "2015-01-07", paras: [50, 55, 56, 57, 58] },
  };
  const links: [string, string[]][] = [["other", ["s1"]]];
  // Each state edits the one before: what a page's related section shows of another story, the pairs, the copy groups, a translation, the entity links.
  const states: [string, Record<string, Spec>, [string, string[]][]][] = [["base", base, links]];
  const next = (name: string, edit: (s: Record<string, Spec>) => void, l = states.at(-1)![2]) => {
    const specs = structuredClone(states.at(-1)![1]);
    edit(specs);
    states.push([name, specs, l]);
  };
  next("a copy retitled", (s) => void (s.copy!.title = "copy, retitled"));
  next("an outlet named", (s) => void (s.partial!.source = "وكالة"));
  next("a copy of a related story added", (s) => void (s.longer2 = { day: "2015-01-08", paras: [1, 2, 3, 4, 5, 6, 7, 8, 20, 21] }));
  next("a shared paragraph lost", (s) => void (s.partial!.paras = [30, 31, 32, 33, 34, 35, 36, 37]));
  next("a related story translated", (s) => void (s.longer!.en = "Longer"));
  next("a related story moved to another day", (s) => void (s.copy!.day = "2015-01-09"));
  next("a paragraph added to a related story", (s) => void s.longer!.paras.push(22));
  next("an unrelated story edited", (s) => void (s.s2!.title = "s2, retitled"));
  next("entity links changed", () => {}, [["other", ["s1", "s2"]], ["s2", ["other"]]]);
  next("a story removed", (s) => void delete s.longer2);
  let same = 0;
  let changed = 0;
  let before = make(states[0]![1], states[0]![2]);
  for (const [name, specs, l] of states.slice(1)) {
    const after = make(specs, l);
    for (const [key, now] of after) {
      const was = before.get(key);
      if (!was) continue;
      if (was.print === now.print) {
        same++;
        assert.equal(now.section, was.section, `${name}: ${key}'s section changed under the same print`);
      } else if (was.section !== now.section) changed++;
    }
    before = after;
  }
  // Not vacuous: sections were kept by their print, and sections that changed had a new print.
  assert.ok(same > 50 && changed > 10, `${same} kept, ${changed} changed`);
});
