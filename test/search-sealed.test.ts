import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { makeProject, build, cleanup, article, digest } from "./helpers/project.ts";
import { serve, type Served } from "./helpers/serve.ts";
import { launchBrowser, openPage, describeProblems } from "./helpers/browser.ts";
import { collectResults, searchUrl } from "./helpers/recall.ts";

/*
 * Sealed partitions (src/search/records.ts, sealedSite). Worked out from
 * morphology.ts's rules (tanween: an accusative alif is dropped when the word
 * without it is in the archive at least as often) before running:
 *  - Partitions of two records: 2025-01 (A, F1) and 2025-02 (F2, F3) are
 *    full, so sealed; 2025-03 (C, then B) is the newest, still open.
 *  - A and C have دوليا only. B, added to 2025-03, brings دولي three times:
 *    over the whole archive دوليا is then keyed as دولي. A's partition is
 *    sealed: its words are keyed against the sealed partitions' originals,
 *    of which B is none, so its record stays and its partition is reused;
 *    C's (open) is keyed again. The rebuild sends only 2025-03 to Pagefind
 *    and equals a clean build, byte for byte.
 *  - In a real browser, دوليا finds A (keyed دوليا in the sealed group) and
 *    B and C (keyed دولي in the open group): each group's own key for the
 *    word. Keyed once for the whole index (دوليا, the first key any
 *    partition holds), it would find A alone.
 */

const A = article({ id: "2025-01-10-a", title: "تعاون مع الشركاء", date: "2025-01-10" }, "أكدت الحكومة أنها تتعاون دوليا مع الشركاء في مجال المياه.");
const F1 = article({ id: "2025-01-20-f1", title: "افتتاح جسر", date: "2025-01-20" }, "افتتح المحافظ جسرا جديدا على النهر بعد عامين من العمل.");
const F2 = article({ id: "2025-02-05-f2", title: "موسم الحصاد", date: "2025-02-05" }, "بدأ المزارعون حصاد القمح في السهول الشمالية وسط توقعات بمحصول وفير.");
const F3 = article({ id: "2025-02-15-f3", title: "معرض الكتاب", date: "2025-02-15" }, "استقبل معرض الكتاب زوارا من مختلف المدن طوال أسبوع كامل.");
const C = article({ id: "2025-03-02-c", title: "دعم المدارس", date: "2025-03-02" }, "قالت الوزارة إن المدارس تحظى بدعم مقدم دوليا لتجديد الصفوف.");
const B = article({ id: "2025-03-09-b", title: "مؤتمر", date: "2025-03-09" }, "انعقد المؤتمر الدولي بحضور خبير دولي وممثل دولي عن المنظمات.");

const dirs: string[] = [];
let server: Served | undefined;
let browser: Browser | undefined;

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  for (const d of dirs) cleanup(d);
});

test("an addition that changes a word's key over the whole archive leaves the sealed partitions as they were; each group of partitions is searched under its own key", async () => {
  const dir = makeProject({ "content/ar/a.md": A, "content/ar/f1.md": F1, "content/ar/f2.md": F2, "content/ar/f3.md": F3, "content/ar/c.md": C });
  dirs.push(dir);
  const settings = join(dir, "content/site.yaml");
  writeFileSync(settings, readFileSync(settings, "utf8").replace(/^searchPartitionSize:.*$/m, "searchPartitionSize: 2"));
  let r = build(dir);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const form = readFileSync(join(dir, "_site/ar/search/index.html"), "utf8");
  assert.match(form, /data-extra-indexes="pagefind-2\/ pagefind-3\/" data-open-indexes="1"/);

  writeFileSync(join(dir, "content/ar/b.md"), B);
  r = build(dir);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout + r.stderr, /reused 2 of 3 search partitions/);
  r = build(dir, ["--no-cache", "--output", "_clean"]);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const [built, clean] = [digest(join(dir, "_site")), digest(join(dir, "_clean"))];
  assert.deepEqual([...built.keys()], [...clean.keys()]);
  assert.deepEqual([...built].filter(([f, h]) => clean.get(f) !== h).map(([f]) => f), [], "files that differ from a clean build");

  server = await serve(join(dir, "_site"));
  browser = await launchBrowser();
  const p = await openPage(browser, searchUrl(server.url, "ar", {}));
  try {
    await p.page.goto(searchUrl(server.url, "ar", { q: "دوليا" }));
    const found = await collectResults(p.page, new URL(server.url).pathname);
    assert.deepEqual(found.urls.sort(), ["/ar/articles/2025-01-10-a/", "/ar/articles/2025-03-02-c/", "/ar/articles/2025-03-09-b/"]);
    assert.equal(found.count, 3);
    assert.deepEqual(describeProblems(p), []);
  } finally {
    await p.close();
  }

  // Back to one group of partitions: the sealed partitions' record cache goes with them.
  const sealedCache = join(dir, ".arshif-cache/search-sealed");
  assert.ok(existsSync(sealedCache), "the sealed partitions' record cache is kept while there are some");
  writeFileSync(settings, readFileSync(settings, "utf8").replace(/^searchPartitionSize:.*$/m, "searchPartitionSize: 100"));
  r = build(dir);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.ok(!existsSync(sealedCache), "no sealed record cache is left once no partition is sealed");
});
