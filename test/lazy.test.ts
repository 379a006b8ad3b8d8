import { test } from "node:test";
import assert from "node:assert/strict";
import { keyText, lazyField } from "../src/archive/lazy.ts";

test("a lazy field is made when read, kept only for the page read last, and serialises like a plain field in its place", () => {
  let made = 0;
  const page = { url: "/a/", items: [] as number[], after: 1 };
  const other = { url: "/b/", items: [] as number[] };
  for (const p of [page, other]) {
    lazyField(p, "items", () => {
      made++;
      return [made];
    });
  }
  // Read twice in a row (as Nunjucks looks a member up): made once.
  assert.deepEqual(page.items, [1]);
  assert.deepEqual(page.items, [1]);
  assert.equal(made, 1);
  // Another page's field read in between: the first one's value was not kept.
  assert.deepEqual(other.items, [2]);
  assert.deepEqual(page.items, [3]);
  assert.equal(made, 3);
  assert.equal(JSON.stringify(other), '{"url":"/b/","items":[4]}');
  assert.equal(JSON.stringify(page), '{"url":"/a/","items":[5],"after":1}');
  assert.deepEqual(Object.keys(page), ["url", "items", "after"]);
});

test("the build cache's key text takes a lazy field's stand-in instead of making the field, and changes with it", () => {
  let made = 0;
  let input = "a";
  const page = { url: "/a/", head: "", n: 1 };
  lazyField(
    page,
    "head",
    () => {
      made++;
      return `head of ${input}`;
    },
    () => [input],
  );
  const before = keyText(page);
  assert.equal(made, 0);
  assert.equal(before, '{"url":"/a/","head":~["a"],"n":1,}');
  input = "b";
  assert.notEqual(keyText(page), before);
  page.n = 2;
  assert.match(keyText(page), /"n":2,/);
  assert.equal(made, 0);
  // Undefined fields are marked, not dropped; a page without stand-ins is its JSON.
  const plain = { url: "/b/", items: [1] };
  assert.equal(keyText(plain), JSON.stringify(plain));
  const sparse = { url: "/c/", x: undefined as string | undefined, y: 0 };
  lazyField(sparse, "y", () => 1, () => null);
  assert.equal(keyText(sparse), '{"url":"/c/","x":u,"y":~null,}');
});
