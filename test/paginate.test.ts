import test from "node:test";
import assert from "node:assert/strict";
import { paginate, pageNav, pageUrl } from "../src/archive/paginate.ts";

const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);

test("paginate: numbered pages count from the oldest end and stay the same as newer items arrive", () => {
  assert.deepEqual(paginate([], 3), [{ number: 0, items: [] }]);
  assert.deepEqual(paginate(newestFirst(3), 3), [{ number: 0, items: [3, 2, 1] }]);
  assert.deepEqual(paginate(newestFirst(7), 3), [
    { number: 0, items: [7] },
    { number: 2, items: [6, 5, 4] },
    { number: 1, items: [3, 2, 1] },
  ]);
  for (let n = 1; n < 40; n++) {
    const before = new Map(paginate(newestFirst(n), 4).filter((p) => p.number > 0).map((p) => [p.number, p.items]));
    const after = new Map(paginate(newestFirst(n + 1), 4).map((p) => [p.number, p.items]));
    for (const [k, items] of before) assert.deepEqual(after.get(k), items, `page ${k} after item ${n + 1}`);
    // every item on exactly one page, in order
    assert.deepEqual(paginate(newestFirst(n), 4).flatMap((p) => p.items), newestFirst(n));
  }
});

test("pageNav: a numbered page's pager does not depend on how many pages there are (beyond its neighbours)", () => {
  const base = "/ar/entities/iraq/";
  assert.equal(pageNav(base, 0, 0, "ar", "arab"), undefined);
  const first = pageNav(base, 0, 5, "en", "latn")!;
  assert.equal(first.next!.url, pageUrl(base, 5));
  assert.equal(first.prev, undefined);
  assert.equal(first.pages![0]!.url, base);
  assert.ok(first.pages![0]!.current);
  const p2 = pageNav(base, 2, 5, "en", "latn")!;
  assert.deepEqual(pageNav(base, 2, 50, "en", "latn"), p2);
  assert.equal(p2.next!.url, "/ar/entities/iraq/page/1/");
  assert.equal(p2.prev!.url, "/ar/entities/iraq/page/3/");
  const last = pageNav(base, 5, 5, "en", "latn")!;
  assert.equal(last.prev!.url, base);
  assert.equal(pageNav(base, 1, 5, "en", "latn")!.next, undefined);
});
