import { test } from "node:test";
import assert from "node:assert/strict";
import { WordDirectory, WORDS_META, lookUp, parseShard, shardOf } from "../src/search/directory.ts";

const END = "\u0649";

function build(records: [number, string][]): { shards: number; files: Map<string, string> } {
  const d = new WordDirectory();
  for (const [part, content] of records) d.add(part, content);
  const files = d.files();
  return { shards: (JSON.parse(files.get(WORDS_META)!) as { shards: number }).shards, files };
}

const ask = (b: ReturnType<typeof build>, term: string) => {
  const s = shardOf(term, b.shards);
  assert.notEqual(s, undefined, term);
  return lookUp(parseShard(b.files.get(`${s}.txt`)!), term, END);
};

test("a word's pages and partitions: each page once, however often it has the word", () => {
  const b = build([
    [0, `عراقى عراقى بغدادى`],
    [0, `عراقى`],
    [2, `عراقى موصلى`],
  ]);
  assert.deepEqual(ask(b, `عراقى`), { pages: 3, parts: 0b101n });
  assert.deepEqual(ask(b, `موصلى`), { pages: 1, parts: 0b100n });
  assert.deepEqual(ask(b, `بصرةى`), { pages: 0, parts: 0n });
});

test("a beginning of three letters or more: every word it begins, the most pages of one as its count", () => {
  const b = build([
    [0, `عراقى`],
    [1, `عراقيةى`],
    [1, `عراقيةى`],
    [3, `عرضى`],
  ]);
  assert.deepEqual(ask(b, "عراق"), { pages: 2, parts: 0b011n });
  assert.deepEqual(ask(b, "عرض"), { pages: 1, parts: 0b1000n });
  assert.deepEqual(ask(b, "عرب"), { pages: 0, parts: 0n });
});

test("not listed: beginnings under three letters, words with digits (Pagefind splits them its own way)", () => {
  assert.equal(shardOf("عر", 64), undefined);
  assert.equal(shardOf(`2015${END}`, 64), undefined);
  const b = build([[0, `2015${END} عامى`]]);
  const all = [...b.files].filter(([n]) => n !== WORDS_META).map(([, t]) => t).join("");
  assert.equal(all, `عامى 1 1\n`);
});

test("every shard is written (an absent file would be an error on the page), about 40 words each, the same files for the same input", () => {
  const L = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
  const words = Array.from({ length: 1000 }, (_, i) => `${L[i % 28]}${L[Math.floor(i / 28) % 28]}${L[Math.floor(i / 784)]}كلمة${END}`);
  const records: [number, string][] = words.map((w, i) => [i % 3, w]);
  const a = build(records);
  assert.equal(a.shards, 32);
  assert.equal(a.files.size, a.shards + 1);
  for (let i = 0; i < a.shards; i++) assert.ok(a.files.has(`${i}.txt`), `${i}.txt`);
  assert.deepEqual(build([...records].reverse()).files, a.files);
  for (const w of words.slice(0, 50)) assert.equal(ask(a, w).pages, 1, w);
});

test("filter words (ى…ى, sharing their first letters) spread over the shards", () => {
  const tokens = Array.from({ length: 200 }, (_, i) => `\u0649ع${"ابتثجحخدذرزشصضطظ"[i % 16]}${"ابتثجحخدذرزشصضطظ"[Math.floor(i / 16) % 16]}خخ\u0649`);
  const shards = new Set(tokens.map((t) => shardOf(t, 64)));
  assert.ok(shards.size > 32, `${shards.size} shards`);
  const b = build(tokens.map((t, i) => [i % 2, t]));
  for (const t of tokens) assert.equal(ask(b, t).pages, 1, t);
});
