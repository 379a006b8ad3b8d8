import { test } from "node:test";
import assert from "node:assert/strict";
import { lazyField } from "../src/archive/lazy.ts";

test("a lazy field is made on every read, kept nowhere, and serialises like a plain field in its place", () => {
  let made = 0;
  const page = { url: "/a/", items: [] as number[], after: 1 };
  lazyField(page, "items", () => {
    made++;
    return [made];
  });
  assert.deepEqual(page.items, [1]);
  assert.deepEqual(page.items, [2]);
  assert.equal(made, 2);
  assert.equal(JSON.stringify(page), '{"url":"/a/","items":[3],"after":1}');
  assert.deepEqual(Object.keys(page), ["url", "items", "after"]);
});
