import { test } from "node:test";
import assert from "node:assert/strict";
import { MergedResults } from "../src/search/merge.ts";

const r = (id: string, score = 1, day = "") => ({ id, score, day });

test("several searches' results: each page once, counted once, relevance by score", async () => {
  const m = new MergedResults([[r("a", 3), r("b", 1)], [r("c", 2), r("a", 3)]]);
  assert.equal(m.count, 3);
  assert.deepEqual((await m.take(10)).map((x) => x.id), ["a", "c", "b"]);
  assert.ok(m.done);
});

test("one list keeps Pagefind's order, taken a page at a time", async () => {
  const m = new MergedResults([[r("x", 1), r("y", 5), r("z", 2)]]);
  assert.deepEqual((await m.take(2)).map((x) => x.id), ["x", "y"]);
  assert.equal(m.done, false);
  assert.deepEqual((await m.take(2)).map((x) => x.id), ["z"]);
  assert.ok(m.done);
});

test("date order merges lists newest first, asking dates only of the lists' heads", async () => {
  const asked: string[] = [];
  const dateOf = async (x: { id: string; day: string }) => (asked.push(x.id), x.day);
  const a = [r("a1", 0, "20150811"), r("a2", 0, "20150801"), r("a3", 0, "20150701")];
  const b = [r("b1", 0, "20150805"), r("a2", 0, "20150801"), r("b2", 0, "20150601")];
  const m = new MergedResults([a, b], dateOf);
  assert.equal(m.count, 5);
  assert.deepEqual((await m.take(2)).map((x) => x.id), ["a1", "b1"]);
  assert.ok(!asked.includes("a3") && !asked.includes("b2"), "older pages wait until they head a list");
  assert.deepEqual((await m.take(10)).map((x) => x.id), ["a2", "a3", "b2"]);
  assert.equal(new Set(asked).size, asked.length, "each date asked once");
});

test("no lists: nothing found", async () => {
  const m = new MergedResults<{ id: string; score: number }>([]);
  assert.equal(m.count, 0);
  assert.deepEqual(await m.take(5), []);
  assert.ok(m.done);
});
