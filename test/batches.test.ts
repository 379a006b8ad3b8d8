import { test } from "node:test";
import assert from "node:assert/strict";
import { loadSite } from "../src/site/load.ts";
import { renderBatches } from "../src/site/batches.ts";
import { REPO } from "./helpers/project.ts";

const { site } = loadSite({ root: REPO });

test("render batches: every page, feed and sitemap lands in exactly one batch, none over the size", () => {
  assert.ok(site);
  const all = [...Object.values(site.pages).flat(), ...site.feeds, ...site.sitemaps];
  for (const size of [1, 7, all.length - 1, all.length, 5000]) {
    const views = renderBatches(site, size);
    assert.equal(views.length, Math.ceil(all.length / size), `size ${size}`);
    const seen = new Map<unknown, number>();
    views.forEach((v, i) => {
      assert.deepEqual(v.batch, { index: i, count: views.length });
      const mine = [...Object.values(v.pages).flat(), ...v.feeds, ...v.sitemaps];
      assert.ok(mine.length >= 1 && mine.length <= size, `batch ${i} of size ${size}: ${mine.length} pages`);
      for (const p of mine) seen.set(p, (seen.get(p) ?? 0) + 1);
      // The rest of the site data is shared, not copied.
      assert.equal(v.stories, site.stories);
      assert.equal(v.entities, site.entities);
    });
    assert.equal(seen.size, all.length);
    assert.ok([...seen.values()].every((n) => n === 1));
  }
});

test("render batches: one batch for a site smaller than the size; the site itself is not changed", () => {
  assert.ok(site);
  const before = Object.fromEntries(Object.entries(site.pages).map(([k, v]) => [k, v.length]));
  const [only, ...rest] = renderBatches(site, 1_000_000);
  assert.equal(rest.length, 0);
  assert.deepEqual(only!.pages, site.pages);
  assert.equal(site.batch, undefined);
  assert.deepEqual(Object.fromEntries(Object.entries(site.pages).map(([k, v]) => [k, v.length])), before);
});
