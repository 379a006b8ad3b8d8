import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { keyText, lazyField, made, plainFields } from "../src/archive/lazy.ts";

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

test("a stub is keyed by the print of its plain fields and its lazy fields' stand-ins; made whole, it is a new page in V8's fast mode", () => {
  setFlagsFromString("--allow-natives-syntax");
  const fast = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;
  setFlagsFromString("--no-allow-natives-syntax");
  let rests = 0;
  let input = "a";
  type Page = { url: string; lastmod: string; heading: string; head: string; [k: string]: unknown };
  const stubs = Array.from({ length: 100 }, (_, i) => {
    const p = { url: `/p/${i}/` } as Page;
    // The head is made from the whole page, which the stub is not.
    lazyField(p, "head", (page) => `head of ${page.heading}`, () => i);
    plainFields(p, () => [i, input], () => {
      rests++;
      // A literal, as the page builders write them (src/archive/articles.ts).
      const f: Record<string, unknown> = { url: `/p/${i}/`, heading: `page ${i} of ${input}`, f1: i, f2: i, f3: i, f4: i, f5: i, f6: i, f7: i, f8: i, f9: i, f10: i, f11: i, f12: i, f13: i, f14: i, f15: i, f16: i, f17: i, f18: i, f19: i, f20: i };
      if (i % 2) f.optional = i;
      return f;
    });
    p.lastmod = "2025-09-16";
    return p;
  });
  const stub = stubs[3]!;
  const key = keyText(stub);
  assert.equal(key, '{~~[3,"a"],"head":~3,}');
  assert.equal(rests, 0, "keying makes no page whole");
  assert.deepEqual(Object.keys(stub), ["url", "head", "lastmod"]);
  input = "b";
  assert.notEqual(keyText(stub), key);

  const whole = stubs.map((p) => made(p));
  assert.equal(rests, 100);
  assert.notEqual(whole[3], stub);
  // The maker's fields, then the stub's plain fields it does not give (the sitemap's date), then the lazy fields.
  assert.deepEqual(Object.keys(whole[3]!).slice(0, 2), ["url", "heading"]);
  assert.deepEqual(Object.keys(whole[3]!).slice(-2), ["lastmod", "head"]);
  assert.equal(whole[3]!.head, "head of page 3 of b");
  assert.equal(whole[3]!.lastmod, "2025-09-16");
  assert.equal(JSON.parse(JSON.stringify(whole[4]))["f7"], 4);
  assert.ok(whole.every(fast), `${whole.filter((p) => !fast(p)).length} of ${whole.length} whole pages in dictionary mode`);
  // The stub stays a stub; a page without a maker is its own whole page.
  assert.deepEqual(Object.keys(stub), ["url", "head", "lastmod"]);
  const plain = { url: "/x/" };
  assert.equal(made(plain), plain);
});
