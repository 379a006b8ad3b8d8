import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { keyText, lazyField } from "../src/archive/lazy.ts";

test("a lazy field is made when read, kept only for the page read last, and serialises like a plain field in its place", () => {
  let made = 0;
  type Page = { url: string; items: number[]; after?: number };
  const page = { url: "/a/" } as Page;
  const other = { url: "/b/" } as Page;
  for (const p of [page, other]) {
    lazyField(p, "items", () => {
      made++;
      return [made];
    });
  }
  page.after = 1;
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
  const page = { url: "/a/" } as { url: string; head: string; n: number };
  lazyField(
    page,
    "head",
    () => {
      made++;
      return `head of ${input}`;
    },
    () => [input],
  );
  page.n = 1;
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
  const sparse = { url: "/c/", x: undefined } as { url: string; x: string | undefined; y: number };
  lazyField(sparse, "y", () => 1, () => null);
  assert.equal(keyText(sparse), '{"url":"/c/","x":u,"y":~null,}');
});

test("pages with lazy fields stay in V8's fast mode; a field cannot be made lazy once it is there", () => {
  setFlagsFromString("--allow-natives-syntax");
  const fast = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;
  setFlagsFromString("--no-allow-natives-syntax");
  // Many fields, as a page has, then lazy ones: each page its own makers, the getters shared.
  const pages = Array.from({ length: 200 }, (_, i) => {
    const p = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`f${k}`, i])) as Record<string, unknown>;
    if (i % 2) p.optional = i;
    for (const key of ["body", "related", "head"]) lazyField(p, key, () => `${key} ${i}`, () => i);
    return p;
  });
  assert.ok(pages.every(fast), `${pages.filter((p) => !fast(p)).length} of ${pages.length} pages in dictionary mode`);
  assert.equal(pages[7]!.body, "body 7");
  assert.equal(pages[8]!.head, "head 8");
  assert.throws(() => lazyField({ items: [] as number[] }, "items", () => [1]), /already has a field items/);
});
