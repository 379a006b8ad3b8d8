import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { makeProject, build, cleanup, article } from "./helpers/project.ts";
import { serve, type Served } from "./helpers/serve.ts";
import { launchBrowser, openPage, describeProblems } from "./helpers/browser.ts";
import { collectResults, searchUrl } from "./helpers/recall.ts";
import { plural } from "../src/i18n/plural.ts";
import { STRINGS } from "../src/i18n/strings.ts";

/*
 * Search over an index in several partitions (searchPartitionSize small), in
 * a real browser: a partition is fetched only when the results need it (and
 * only one that holds the words, as the word directory says), the results
 * come newest first across partitions, and the count announced is exact: for
 * one word from the directory at once, otherwise once every partition
 * answered ("at least N" until then).
 */

const CITIES = ["بغداد", "البصرة", "الموصل", "أربيل", "كربلاء", "النجف", "الحلة", "الكوت", "الرمادي", "تكريت", "السماوة", "العمارة"];
const THINGS = ["الطرق", "المدارس", "الأسواق", "الجسور", "المزارع", "المستشفيات", "الملاعب", "المطارات"];
const MONTHS = ["2025-06", "2025-07", "2025-08"];
const PER_MONTH = 24;
const RARE = "البراكين";

interface Made {
  url: string;
  day: string;
}
const made: Made[] = [];
const files: Record<string, string> = {};
let k = 0;
for (const m of MONTHS) {
  for (let d = 1; d <= PER_MONTH; d++) {
    const day = `${m}-${String(d).padStart(2, "0")}`;
    const id = `${day}-rain-${k}`;
    const city = CITIES[k % CITIES.length]!;
    const thing = THINGS[(k * 5) % THINGS.length]!;
    // Each text different enough not to be taken for a copy of another.
    const body = [
      `سجلت محطة ${city} هطول الأمطار بمعدل ${10 + k} ملم خلال ${1 + (k % 4)} ساعات، وأغلقت ${thing} في ${CITIES[(k + 3) % CITIES.length]} احتياطا.`,
      `وقال مسؤول في ${CITIES[(k + 7) % CITIES.length]} إن فرق ${["الدفاع المدني", "البلدية", "الكهرباء", "الصحة"][k % 4]} عملت ${["طوال الليل", "منذ الفجر", "حتى الظهر"][k % 3]} على ${["سحب المياه", "فتح الطرق", "إصلاح الأعطال", "إجلاء السكان", "توزيع الأغطية"][k % 5]}.`,
      ...(day === "2025-06-03" ? [`وتحدث خبراء عن ${RARE} في المنطقة.`] : []),
    ].join("\n\n");
    files[`content/ar/${m.replace("-", "/")}/${id}.md`] = article({ id, title: `أمطار في ${city} والعدد ${k}`, date: day }, body);
    made.push({ url: `/ar/articles/${id}/`, day });
    k++;
  }
}

let dir = "";
let server: Served;
let browser: Browser;

before(async () => {
  dir = makeProject(files);
  // One month per partition: three partitions, the newest (2025-08) in pagefind/.
  const settings = join(dir, "content/site.yaml");
  writeFileSync(settings, readFileSync(settings, "utf8").replace(/^searchPartitionSize:.*$/m, `searchPartitionSize: ${PER_MONTH}`));
  // Two partitions at once, in worker processes (the build's default is one, in-process).
  const r = build(dir, [], { ARSHIF_SEARCH_JOBS: "2" });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  server = await serve(join(dir, "_site"));
  // One browser for the whole file, closed in after().
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  cleanup(dir);
});

const atLeast = (n: number) => STRINGS.atLeast.ar.replace("#", plural("results", n, "ar", "latn"));

/** Partition folders (pagefind/, pagefind-2/, …) the page fetched anything from. */
function partitionsFetched(urls: string[]): string[] {
  return [...new Set(urls.map((u) => /\/(pagefind(?:-\d+)?)\/[^?]*\.pf_\w+/.exec(new URL(u).pathname)?.[1]).filter((x): x is string => !!x))].sort();
}

async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status")?.textContent ?? "";
    return s !== "" && !s.includes("…") && !(document.getElementById("search-more") as HTMLButtonElement).disabled;
  });
  return ((await page.textContent("#search-status")) ?? "").trim();
}

const listed = (page: Page) => page.$$eval("#search-results > li a.title, #search-results > li a.copy", (as) => as.map((a) => a.getAttribute("href") ?? ""));

test("three partitions are built, one month each, newest in pagefind/", () => {
  const site = join(dir, "_site");
  const dirs = readdirSync(site).filter((d) => /^pagefind(-\d+)?$/.test(d)).sort();
  assert.deepEqual(dirs, ["pagefind", "pagefind-2", "pagefind-3"]);
  for (const d of dirs) assert.equal(readdirSync(join(site, d, "fragment")).length, PER_MONTH, d);
});

test("newest first: the first page comes from the newest partition alone, 'more' opens older ones, the count of two words becomes exact", async () => {
  const p = await openPage(browser, searchUrl(server.url, "ar", {}));
  try {
    const { page } = p;
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(r.url()));
    // Two words, both in every article: no count is known before the partitions answer.
    await page.goto(searchUrl(server.url, "ar", { q: "الأمطار محطة", sort: "date" }));
    assert.equal(await settled(page), atLeast(PER_MONTH));
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length >= 20);
    assert.equal((await listed(page)).length, 20);
    assert.deepEqual(partitionsFetched(fetched), ["pagefind"], "only the newest partition");
    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length >= 40);
    assert.equal(await settled(page), atLeast(2 * PER_MONTH));
    assert.deepEqual(partitionsFetched(fetched), ["pagefind", "pagefind-2"], "'more' opened the next partition only");
    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length >= 60);
    assert.equal(await settled(page), plural("results", 3 * PER_MONTH, "ar", "latn"), "every partition answered: the exact count");
    assert.deepEqual(partitionsFetched(fetched), ["pagefind", "pagefind-2", "pagefind-3"]);
    const all = await collectResults(page, "/");
    assert.equal(all.count, made.length);
    // Newest first across partitions, every article once.
    const dayOf = new Map(made.map((m) => [m.url, m.day]));
    const days = all.urls.map((u) => dayOf.get(u) ?? `not an article of the test: ${u}`);
    for (let i = 1; i < days.length; i++) assert.ok(days[i - 1]! >= days[i]!, `result ${i} (${days[i]}) after ${days[i - 1]}`);
    assert.deepEqual(new Set(all.urls), new Set(made.map((m) => m.url)));
    assert.equal(all.urls.length, made.length);
    assert.deepEqual(describeProblems(p), []);
  } finally {
    await p.close();
  }
});

test("by relevance: the first page also from the newest partition; one word's count is exact at once; all results once 'more' is pressed to the end", async () => {
  const p = await openPage(browser, searchUrl(server.url, "ar", {}));
  try {
    const { page } = p;
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(r.url()));
    await page.goto(searchUrl(server.url, "ar", { q: "الأمطار" }));
    assert.equal(await settled(page), plural("results", made.length, "ar", "latn"));
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length >= 20);
    assert.deepEqual(partitionsFetched(fetched), ["pagefind"]);
    const newest = new Set(made.filter((m) => m.day.startsWith(MONTHS[2]!)).map((m) => m.url));
    for (const u of await listed(page)) assert.ok(newest.has(u), `${u} is from the newest month`);
    const all = await collectResults(page, "/");
    assert.equal(all.count, made.length);
    assert.deepEqual(new Set(all.urls), new Set(made.map((m) => m.url)));
    assert.deepEqual(describeProblems(p), []);
  } finally {
    await p.close();
  }
});

test("a word only the oldest partition holds opens that partition alone, with the exact count; a word no article has opens none", async () => {
  const p = await openPage(browser, searchUrl(server.url, "ar", {}));
  try {
    const { page } = p;
    let fetched: string[] = [];
    page.on("request", (r) => fetched.push(r.url()));
    await page.goto(searchUrl(server.url, "ar", { q: RARE }));
    assert.equal(await settled(page), plural("results", 1, "ar", "latn"));
    await page.waitForSelector("#search-results > li");
    assert.deepEqual(await listed(page), [made.find((m) => m.day === "2025-06-03")!.url]);
    // pagefind/ is Pagefind's own index (its metadata comes with it); pagefind-2/ is never opened.
    assert.deepEqual(partitionsFetched(fetched), ["pagefind", "pagefind-3"]);
    fetched = [];
    await page.goto(searchUrl(server.url, "ar", { q: "الزلازل" }));
    assert.equal(await settled(page), plural("results", 0, "ar", "latn"));
    assert.equal((await listed(page)).length, 0);
    assert.deepEqual(partitionsFetched(fetched), ["pagefind"]);
    assert.deepEqual(describeProblems(p), []);
  } finally {
    await p.close();
  }
});
