import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { findTextPairs, relatedByEntities, DEFAULT_RELATED } from "../src/related/pairs.ts";
import { shingles, intersectionSize, jaccard } from "../src/related/shingles.ts";
import type { Story } from "../src/archive/stories.ts";
import type { Article } from "../src/content/article.ts";
import { loadSite } from "../src/site/load.ts";
import { buildRelated } from "../src/archive/related.ts";
import { REPO, makeProject, build, cleanup } from "./helpers/project.ts";
import { load } from "./helpers/site.ts";

function story(id: string, day: string, paragraphs: string[]): Story {
  const ar = { id, lang: "ar", title: id, translationKey: id, paragraphs, date: { day, epoch: Date.parse(day), iso: day, year: day.slice(0, 4), month: "", dayOfMonth: "", hasTime: false } } as unknown as Article;
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
  const section = buildRelated(pairs, new Map(), "latn", 10)(orig, "en");
  assert.equal(section.text.length, 10);
  assert.deepEqual(section.text.slice(0, 5).map((r) => r.url), ["/ar/articles/copy/", "/ar/articles/longer/", "/ar/articles/s00/", "/ar/articles/s01/", "/ar/articles/s02/"], "same text, update, then two shared paragraphs");
  assert.equal(section.closest, "Closest only: 10 of 14");
  assert.deepEqual(section.shared, [0, 1, 2, 3, 4, 5, 6, 7], "paragraphs shared with unlisted stories are marked too");
  assert.equal(buildRelated(pairs, new Map(), "latn", 20)(orig, "ar").closest, undefined);
  assert.equal(buildRelated(pairs, new Map(), "latn", 10)(orig, "ar").closest, "الأقرب فقط: 10 من 14");
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
  const short = p!.a.ar.paragraphs.length < p!.b.ar.paragraphs.length ? p!.a : p!.b;
  const long = short === p!.a ? p!.b : p!.a;
  assert.ok(seeds.includes(short.ar.paragraphs[0]!.slice(0, 30)), "the shorter one is seed 000");
  const pairs = p!.shared.map(([i, j]) => (short === p!.a ? [i, j] : [j, i]) as [number, number]).sort((x, y) => x[0] - y[0]);
  // 000's paragraphs 1–5 reappear in 001 as its paragraphs 11, 12, 13, 10 and 14 (0-based below).
  assert.deepEqual(pairs, [[0, 10], [1, 11], [2, 12], [3, 9], [4, 13]]);
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
    const related = JSON.parse(readFileSync(join(dir, "_site/data/related.json"), "utf8"));
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
