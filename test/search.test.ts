import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { makeProject, build, cleanup } from "./helpers/project.ts";
import { readDataParts } from "./helpers/data.ts";
import { htmlFiles, load } from "./helpers/site.ts";
import { serve, type Served } from "./helpers/serve.ts";
import { launchBrowser, openPage, describeProblems, type OpenedPage } from "./helpers/browser.ts";
import { hasCorpus } from "./helpers/corpus.ts";
import { arabicTexts, importCorpusSample, collectResults, searchUrl } from "./helpers/recall.ts";
import { plural } from "../src/i18n/plural.ts";
import { normalizeArabic } from "../src/arabic/normalize.ts";
import { candidateKeys } from "../src/search/morphology.ts";
import { filterToken } from "../src/search/filters.ts";
import { maskText, unmaskText } from "../src/search/mask.ts";

/*
 * The search, proven in a real browser over the real index: the bundled
 * seeds plus a sample of the corpus are built (also under a path prefix),
 * served, and searched from /ar/search/ and /en/search/ the way a reader
 * does — typing, pressing Enter, following links and the back button. Every
 * expectation is computed from the built pages themselves (normalised
 * article text, /data/articles/YYYY.json), never written down.
 */

// Corpus files in the sample (a few are duplicates of others and are not imported twice).
const CORPUS_SAMPLE = 250;

let dir = "";
let site = "";
let prefixed = "";
let server: Served;
let prefixServer: Served;
let browser: Browser;
let texts = new Map<string, string>();
let corpusArticles = 0;

interface ArticleRow {
  id: string;
  language: "ar" | "en";
  date: string;
  entities: string;
}
let articles: ArticleRow[] = [];
const pageOf = (a: ArticleRow) => `/${a.language}/articles/${a.id}/`;
const seeds = () => articles.filter((a) => a.date.startsWith("2025-09-16"));

// One wire story printed by two outlets: a search lists it once, the second outlet beside it.
const WIRE =
  "أعلنت هيئة الأرصاد الجوية أن موجة من الأمطار الغزيرة ستضرب المحافظات الجنوبية خلال الأيام الثلاثة المقبلة، ودعت السكان إلى تجنب السفر غير الضروري.\n\n" +
  "وقال المتحدث باسم الهيئة إن فرق الطوارئ وضعت في حالة تأهب، وإن المدارس في المناطق المنخفضة قد تغلق أبوابها إذا ارتفع منسوب المياه في الأودية.\n\n" +
  "وأضاف أن كميات الأمطار المتوقعة تفوق المعدلات المسجلة في الشهر نفسه من العام الماضي، داعيا المزارعين إلى حماية محاصيلهم ومواشيهم.";
const COPIES = {
  "content/ar/2025/09/wire-a.md": `---\nid: 2025-09-10-wire-a\ntitle: "أمطار غزيرة متوقعة في الجنوب"\ndate: "2025-09-10"\nsource: وكالة الأنباء\n---\n\n${WIRE}\n`,
  "content/ar/2025/09/wire-b.md": `---\nid: 2025-09-10-wire-b\ntitle: "الأرصاد تحذر من أمطار غزيرة"\ndate: "2025-09-10"\nsource: صحيفة المساء\n---\n\n${WIRE}\n`,
};

before(async () => {
  dir = makeProject(COPIES, { bundledContent: true });
  if (hasCorpus) corpusArticles = await importCorpusSample(dir, CORPUS_SAMPLE);
  const r = build(dir);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  site = join(dir, "_site");
  const p = build(dir, ["--pathprefix=/archive/", "--output=_site-prefixed"]);
  assert.equal(p.code, 0, p.stderr + p.stdout);
  prefixed = join(dir, "_site-prefixed");
  texts = arabicTexts(site);
  articles = readDataParts<ArticleRow>(site, "articles");
  server = await serve(site);
  prefixServer = await serve(prefixed, "/archive/");
  // One browser for the whole file, closed in after().
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  await prefixServer?.close();
  cleanup(dir);
});

/** Opens a page and, at the end, checks it had no errors, CSP violations, failed or third-party requests. */
async function withPage<T>(url: string, fn: (p: OpenedPage) => Promise<T>): Promise<T> {
  const p = await openPage(browser, url);
  try {
    const out = await fn(p);
    assert.deepEqual(describeProblems(p), [], `problems on ${url}`);
    return out;
  } finally {
    await p.close();
  }
}

async function resultsAt(page: Page, base: string, root: string, lang: "ar" | "en", state: Record<string, string>) {
  await page.goto(searchUrl(base, lang, state));
  return collectResults(page, root);
}

/** Pages whose normalised text has a word matching `re` (a rule written by reading, not by the analyser). */
const having = (re: RegExp) => new Set([...texts].filter(([, t]) => re.test(t)).map(([u]) => u));
const word = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])[وف]?(?:[بلك]?ال|لل|[بل])?(?:${body})(?![\\p{L}\\p{N}])`, "u");

// The forms of حكومة a reader searching for it accepts: with pronouns, dual and plural, not حكومي (governmental).
const GOVERNMENT = "حكوم(?:ه|ات|اته|اتها|اتهم|اتنا|ته|تها|تهم|تنا|تي|تان|تين)";

/** Every listed result shows why it matched: a <mark> in its headline, dateline, excerpt or matched name. */
async function unmarked(page: Page): Promise<string[]> {
  return page.$$eval("#search-results > li", (lis) => lis.filter((li) => !li.querySelector("mark")).map((li) => li.querySelector("a")?.getAttribute("href") ?? ""));
}

test("reader checks: forms a reader expects meet, words that differ stay apart, absent words find nothing, every result shows its match", { skip: hasCorpus ? false : "../shared/corpus not present: these checks need the corpus sample" }, async () => {
  assert.ok(corpusArticles >= CORPUS_SAMPLE / 2, `only ${corpusArticles} corpus articles imported`);
  const statusForms = new Set<string>();
  await withPage(searchUrl(server.url, "ar", {}), async ({ page }) => {
    const run = async (q: string) => {
      const got = await resultsAt(page, server.url, "/", "ar", { q, lang: "ar" });
      assert.equal(got.urls.length, got.count, `${q}: the page lists every announced result`);
      assert.equal(got.status, plural("results", got.count, "ar", "latn"), `${q}: status line`);
      statusForms.add(new Intl.PluralRules("ar").select(got.count));
      assert.deepEqual(await unmarked(page), [], `${q}: results without a visible match`);
      return new Set(got.urls);
    };
    // Absent words: no article is offered, and the page says which word is in none.
    for (const q of ["كوفيد", "بيتكوين", "انستقرامز"]) {
      assert.equal(having(word(normalizeArabic(q))).size, 0, `${q} is in no page of the sample`);
      assert.equal((await run(q)).size, 0, q);
      assert.match((await page.textContent("#search-note")) ?? "", new RegExp(q), `${q}: the note names the word`);
    }
    // Sport is not the city, and the city is not sport.
    const sport = await run("الرياضة");
    const sportForms = word("رياض(?:ه|ات|يه?|يين|يون)");
    assert.ok(sport.size > 0);
    for (const u of sport) assert.match(texts.get(u)!, sportForms, `الرياضة → ${u} has no form of رياضة`);
    const city = await run("الرياض");
    for (const u of city) assert.match(texts.get(u)!, word("رياض"), `الرياض → ${u} does not name the city`);
    // An attached pronoun, a dual, ة typed as ه, hamza seats and the two spellings of a compound name meet.
    assert.deepEqual(await run("حكومته"), await run("الحكومة"), "حكومته = الحكومة");
    assert.deepEqual(await run("الحكومه"), await run("الحكومة"), "الحكومه = الحكومة");
    const government = await run("الحكومة");
    for (const u of having(word(GOVERNMENT))) assert.ok(government.has(u), `الحكومة misses ${u}`);
    assert.deepEqual(await run("مسئولية"), await run("مسؤولية"), "مسئولية = مسؤولية");
    assert.deepEqual(await run("عبد العزيز"), await run("عبدالعزيز"), "عبد العزيز = عبدالعزيز");
    for (const u of await run("عبدالله")) assert.match(texts.get(u)!, /عبد ?الله(?![\p{L}])/u, `عبدالله → ${u}`);
    // A quoted phrase needs its words side by side.
    for (const u of await run('"مجلس الأمن"')) assert.match(texts.get(u)!, word("مجلس") , u);
  });
  // The live region used more than one Arabic plural form along the way.
  assert.ok(statusForms.size >= 2, `plural forms seen: ${[...statusForms].join(", ")}`);
});

test("copies of one text are listed once, the other outlet beside it", async () => {
  await withPage(searchUrl(server.url, "ar", { q: "الأرصاد" }), async ({ page }) => {
    const got = await collectResults(page, "/");
    const wire = got.urls.filter((u) => u.includes("-wire-"));
    assert.equal(wire.length, 2, got.urls.join(" "));
    const lines = await page.$$eval("#search-results > li", (lis) => lis.filter((li) => li.querySelector("a.copy")).map((li) => li.querySelector("p.copies")?.textContent ?? ""));
    assert.equal(lines.length, 1, "one line holds both outlets");
    assert.match(lines[0]!, /وكالة الأنباء|صحيفة المساء/);
  });
});

test("typing: the word being typed matches as a beginning, and the results follow the box", async () => {
  const baghdad = having(word("بغداد"));
  assert.ok(baghdad.size > 0);
  await withPage(searchUrl(server.url, "ar", {}), async ({ page }) => {
    await page.fill("#q", "بغد");
    const typed = await collectResults(page, "/");
    for (const u of baghdad) assert.ok(typed.urls.includes(u), `بغد… finds ${u}`);
    assert.deepEqual(await unmarked(page), []);
    // Submitted, the same letters are a complete word, which no article has.
    await page.press("#q", "Enter");
    await page.waitForFunction(() => !/…/.test(document.getElementById("search-status")?.textContent ?? "") && document.getElementById("search-results")!.children.length === 0);
  });
});

test("filters: entity, year and language give exactly the tagged / dated / translated pages", async () => {
  const all = new Set(articles.map(pageOf));
  const count = new Map<string, number>();
  for (const a of articles) for (const e of a.entities.split(";").filter(Boolean)) count.set(e, (count.get(e) ?? 0) + 1);
  // The entity on most pages but not all, and one on few pages.
  const ranked = [...count].filter(([, n]) => n < all.size).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const entities = [ranked[0]![0], ranked[ranked.length - 1]![0]];
  const tagged = (e: string) => new Set(articles.filter((a) => a.entities.split(";").includes(e)).map(pageOf));
  const years = [...new Set(articles.map((a) => a.date.slice(0, 4)))].sort();
  await withPage(searchUrl(server.url, "ar", {}), async ({ page }) => {
    for (const e of entities) {
      const got = await resultsAt(page, server.url, "/", "ar", { entity: e });
      assert.deepEqual(new Set(got.urls), tagged(e), `entity=${e}`);
      assert.equal(await page.inputValue("#f-entity"), e, "the select shows the entity from the URL");
      const ar = await resultsAt(page, server.url, "/", "ar", { entity: e, lang: "ar" });
      assert.deepEqual(new Set(ar.urls), new Set([...tagged(e)].filter((u) => u.startsWith("/ar/"))), `entity=${e}&lang=ar`);
    }
    for (const y of years) {
      const got = await resultsAt(page, server.url, "/", "ar", { year: y });
      assert.deepEqual(new Set(got.urls), new Set(articles.filter((a) => a.date.startsWith(y)).map(pageOf)), `year=${y}`);
    }
    const en = await resultsAt(page, server.url, "/", "ar", { lang: "en" });
    assert.deepEqual(new Set(en.urls), new Set(articles.filter((a) => a.language === "en").map(pageOf)), "lang=en");
    // A query with every filter: exactly the pages that have the word, the entity, the year and the language.
    const q = { q: "بغداد" };
    const e = "iraq";
    const y = "2025";
    const expected = [...having(word("بغداد"))].filter((u) => tagged(e).has(u) && articles.some((a) => pageOf(a) === u && a.date.startsWith(y)));
    assert.ok(expected.length > 0);
    const got = await resultsAt(page, server.url, "/", "ar", { q: q.q, entity: e, year: y, lang: "ar" });
    assert.deepEqual(new Set(got.urls), new Set(expected), "q + entity + year + lang");
  });
});

test("sort by date: newest first, the same pages as by relevance", async () => {
  const dateOf = new Map(articles.map((a) => [pageOf(a), a.date]));
  // A word on many pages of different days.
  const q = hasCorpus ? "الحكومة" : "العراق";
  await withPage(searchUrl(server.url, "ar", {}), async ({ page }) => {
    const byDate = await resultsAt(page, server.url, "/", "ar", { q, sort: "date" });
    assert.ok(byDate.urls.length >= 3, `${q}: ${byDate.urls.length} results`);
    const shown = await page.$$eval("#search-results > li time", (ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
    assert.equal(shown.length, byDate.urls.length, "every result shows its date");
    byDate.urls.forEach((u, i) => assert.equal(shown[i], dateOf.get(u)!.slice(0, 10), `date shown for ${u}`));
    const days = byDate.urls.map((u) => dateOf.get(u)!);
    for (let i = 1; i < days.length; i++) assert.ok(days[i - 1]! >= days[i]!, `result ${i} (${days[i]}) is not older than result ${i - 1} (${days[i - 1]})`);
    assert.ok(new Set(days.map((d) => d.slice(0, 10))).size > 1, "results from several days");
    assert.equal(await page.inputValue("#f-sort"), "date");
    const byRelevance = await resultsAt(page, server.url, "/", "ar", { q });
    assert.deepEqual(new Set(byRelevance.urls), new Set(byDate.urls));
  });
});

test("cross-language: Shoigu and Baghdad on the English page find the Arabic seeds; the Arabic name finds the translations", async () => {
  const arSeeds = seeds().filter((a) => a.language === "ar").map(pageOf);
  const enSeeds = seeds().filter((a) => a.language === "en").map(pageOf);
  assert.equal(arSeeds.length, 2);
  assert.equal(enSeeds.length, 2);
  await withPage(searchUrl(server.url, "en", {}), async ({ page }) => {
    for (const q of ["Shoigu", "Baghdad"]) {
      const got = await resultsAt(page, server.url, "/", "en", { q });
      for (const u of arSeeds) assert.ok(got.urls.includes(u), `${q} on /en/search/ finds ${u}: ${got.urls.join(" ")}`);
      assert.equal(got.status, plural("results", got.count, "en", "latn"));
      // An Arabic page holds no English name: the result says which of its entities' names matched.
      const named = await page.$$eval("#search-results > li", (lis) =>
        lis.map((li) => {
          const mark = li.querySelector(".matched-name mark");
          return { href: li.querySelector("a.title")?.getAttribute("href") ?? "", text: mark?.textContent ?? "", lang: mark?.getAttribute("lang") ?? "" };
        }),
      );
      for (const u of arSeeds) {
        const item = named.find((n) => n.href === u);
        assert.ok(item?.text.includes(q) && item.lang === "en", `${u} shows the English name it was found by: ${JSON.stringify(item)}`);
      }
      // A translation shows the name in its own text, marked there: no line for it.
      if (q === "Shoigu") for (const u of enSeeds) assert.equal(named.find((n) => n.href === u)?.text, "", `${u}: its own text shows ${q}`);
    }
  });
  await withPage(searchUrl(server.url, "ar", {}), async ({ page }) => {
    const got = await resultsAt(page, server.url, "/", "ar", { q: "شويغو" });
    for (const u of [...enSeeds, ...arSeeds]) assert.ok(got.urls.includes(u), `شويغو on /ar/search/ finds ${u}: ${got.urls.join(" ")}`);
  });
});

test("excerpts are the original text with the matches in <mark>", async () => {
  await withPage(searchUrl(server.url, "ar", { q: "الحكومه", lang: "ar" }), async ({ page }) => {
    const got = await collectResults(page, "/");
    assert.ok(got.count > 0);
    const items = await page.$$eval("#search-results > li", (lis) =>
      lis.map((li) => ({
        href: li.querySelector("a.title")?.getAttribute("href") ?? "",
        excerpt: li.querySelector(".excerpt")?.textContent ?? "",
        marks: [...li.querySelectorAll(".excerpt mark")].map((m) => m.textContent ?? ""),
        titleMarks: li.querySelectorAll("a.title mark").length,
        lang: li.getAttribute("lang"),
        dir: li.getAttribute("dir"),
      })),
    );
    const re = word(GOVERNMENT);
    // Typed with ه, shown as written: ة (the index form حكوم never appears).
    assert.ok(items.some((it) => it.marks.some((m) => m.includes("ة"))), "marks keep the original spelling");
    for (const it of items) {
      const $ = load(site, `${it.href.slice(1)}index.html`);
      $(".body .visually-hidden").remove();
      const original = [$("h1").first().text(), ...$(".body p").map((_, p) => $(p).text()).get()].join("\n").replace(/\s+/g, " ");
      const body = it.excerpt.replace(/^… |…$| …$/g, "").replace(/\s+/g, " ").trim();
      assert.ok(original.includes(body), `${it.href}: excerpt is a passage of the original text: ${body.slice(0, 80)}`);
      assert.ok(it.marks.length > 0 || it.titleMarks > 0, `${it.href}: a <mark> in the headline or the excerpt`);
      for (const m of it.marks) assert.match(normalizeArabic(m), re, `${it.href}: marked «${m}» is a form of الحكومة`);
      assert.equal(it.lang, "ar");
      assert.equal(it.dir, "rtl");
    }
  });
});

test("live region: a role=status line announces the count with the Arabic plural forms", async () => {
  await withPage(searchUrl(server.url, "ar", {}), async ({ page }) => {
    assert.equal(await page.getAttribute("#search-status", "role"), "status");
    assert.equal(await page.getAttribute("#search-status", "aria-live"), "polite");
    const none = await resultsAt(page, server.url, "/", "ar", { q: "ذذذذذذ" });
    assert.equal(none.count, 0);
    assert.equal(none.status, "لا نتائج");
    const two = await resultsAt(page, server.url, "/", "ar", { q: "شويغو", lang: "ar" });
    assert.equal(two.count, 2);
    assert.equal(two.status, "نتيجتان");
    // An entity of one Arabic seed and not the other: one result.
    const [a, b] = seeds().filter((x) => x.language === "ar");
    const onlyIn = (x: ArticleRow, y: ArticleRow) => x.entities.split(";").find((e) => !y.entities.split(";").includes(e));
    const only = (onlyIn(a!, b!) ?? onlyIn(b!, a!))!;
    const one = await resultsAt(page, server.url, "/", "ar", { q: "شويغو", lang: "ar", entity: only });
    assert.equal(one.count, 1, `entity ${only}`);
    assert.equal(one.status, "نتيجة واحدة");
    const en = await resultsAt(page, server.url, "/", "en", { q: "Shoigu", lang: "en" });
    assert.equal(en.status, `${en.count} results`);
  });
});

test("an index that fails to load is reported in the live region, and the next search loads it again", async () => {
  for (const file of ["pagefind.js", "pagefind-entry.json"]) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    try {
      const page = await context.newPage();
      let failed = 0;
      // The first request for the file fails, as on a dropped connection; later ones go through.
      await page.route(`**/pagefind/${file}*`, (route) => (failed++ ? route.continue() : route.abort("connectionreset")));
      await page.goto(searchUrl(server.url, "ar", { q: "شويغو" }));
      await page.waitForFunction(() => document.getElementById("search-status")!.textContent!.trim() !== "" && !document.getElementById("search-status")!.textContent!.includes("…"));
      assert.equal((await page.textContent("#search-status"))?.trim(), "تعذر تحميل فهرس البحث.", file);
      assert.equal(await page.locator("#search-results li").count(), 0);
      await page.evaluate(() => (document.getElementById("search-form") as HTMLFormElement).requestSubmit());
      await page.waitForSelector("#search-results li", { timeout: 30_000 });
      assert.ok(failed >= 2, `${file} requested again`);
      assert.ok((await page.locator("#search-results li").count()) >= 2);
    } finally {
      await context.close();
    }
  }
});

test("the index is written whole: every compressed file decompresses, the entry file parses", () => {
  let n = 0;
  for (const root of [site, prefixed]) {
    for (const f of readdirSync(join(root, "pagefind"), { recursive: true, encoding: "utf8" })) {
      const file = join(root, "pagefind", f);
      if (!statSync(file).isFile()) continue;
      const body = readFileSync(file);
      if (body[0] === 0x1f && body[1] === 0x8b) {
        assert.doesNotThrow(() => gunzipSync(body), `${root}/pagefind/${f}`);
        n++;
      }
    }
    assert.ok(Object.keys((JSON.parse(readFileSync(join(root, "pagefind/pagefind-entry.json"), "utf8")) as { languages: object }).languages).length >= 1);
  }
  assert.ok(n >= 4, `${n} compressed files`);
});

/** Reader-level checks, run on the site at the root and below /archive/. */
async function readerChecks(base: string, root: string): Promise<void> {
  const arSeed = seeds().find((a) => a.language === "ar")!;
  await withPage(searchUrl(base, "ar", {}), async ({ page }) => {
    // Keyboard only: Tab to the search field, type, Enter.
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== "q"; i++) await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "q", "the search field is reachable with Tab");
    await page.keyboard.type("شويغو");
    await page.keyboard.press("Enter");
    const first = await collectResults(page, root);
    assert.ok(first.urls.includes(pageOf(arSeed)), `typed search finds ${pageOf(arSeed)}: ${first.status} ${first.urls.join(" ")} at ${page.url()}`);
    assert.equal(first.status, plural("results", first.count, "ar", "latn"), "the count is announced");
    // (English translations are found through the entity's Arabic name: their text has nothing to mark.)
    const marks = await page.$$eval("#search-results > li[lang=ar]", (lis) => lis.map((li) => li.querySelectorAll(".excerpt mark").length));
    assert.ok(marks.length > 0 && marks.every((n) => n > 0), `every Arabic excerpt has a <mark>: ${marks.join(",")}`);
    assert.equal(new URL(page.url()).searchParams.get("q"), "شويغو", "Enter puts the query in the URL");
    assert.equal(new URL(page.url()).pathname, `${root}ar/search/`);
    // A second search, typed slowly (the URL follows while typing), then Enter.
    await page.fill("#q", "");
    await page.keyboard.type("بغداد", { delay: 120 });
    await page.waitForTimeout(400);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "بغداد");
    const second = await collectResults(page, root);
    assert.ok(second.count > 0);
    // Changing a filter updates the URL and the results (the filters are in a disclosure, closed while none is set).
    if (!(await page.$eval("#search-filters", (d) => (d as HTMLDetailsElement).open))) await page.click("#search-filters > summary");
    await page.selectOption("#f-lang", "en");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("lang") === "en");
    const english = await collectResults(page, root);
    for (const u of english.urls) assert.match(u, /^\/en\//);
    // Back: the previous searches come back, form and results.
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("lang") === null);
    assert.equal(await page.inputValue("#f-lang"), "");
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "شويغو");
    assert.equal(await page.inputValue("#q"), "شويغو", "back restores the earlier query in the form");
    const back = await collectResults(page, root);
    assert.deepEqual(back.urls, first.urls, "back restores the earlier results");
    // Results are links that work under the site's root; Enter on one opens it.
    const link = page.locator(`#search-results a[href="${root}${pageOf(arSeed).slice(1)}"]`).first();
    await link.focus();
    await Promise.all([page.waitForURL(`**${root}${pageOf(arSeed).slice(1)}`), page.keyboard.press("Enter")]);
    assert.equal(await page.locator("h1").first().textContent(), load(site, `${pageOf(arSeed).slice(1)}index.html`)("h1").first().text());
  });
  // A URL with state restores the form and the results.
  const state = { q: "بغداد", year: "2025", lang: "ar", sort: "date", entity: "iraq" };
  await withPage(searchUrl(base, "ar", state), async ({ page }) => {
    const got = await collectResults(page, root);
    assert.equal(await page.inputValue("#q"), state.q);
    assert.equal(await page.inputValue("#f-year"), state.year);
    assert.equal(await page.inputValue("#f-lang"), state.lang);
    assert.equal(await page.inputValue("#f-sort"), state.sort);
    assert.equal(await page.inputValue("#f-entity"), state.entity);
    assert.deepEqual(new Set(got.urls), new Set(seeds().filter((a) => a.language === "ar").map(pageOf)));
    const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const h of hrefs) assert.ok(h.startsWith(`${root}ar/articles/`), `${h} is below ${root}`);
  });
  // Cross-language under this root too.
  await withPage(searchUrl(base, "en", { q: "Shoigu" }), async ({ page }) => {
    const got = await collectResults(page, root);
    for (const a of seeds()) assert.ok(got.urls.includes(pageOf(a)), `Shoigu finds ${pageOf(a)}`);
  });
}

test("reader: keyboard, URL state, back button, links, cross-language — at the site root", async () => {
  await readerChecks(server.url, "/");
});

test("reader: the same below /archive/ (--pathprefix=/archive/)", async () => {
  await readerChecks(prefixServer.url, "/archive/");
});

test("pages other than the search pages load no JavaScript", async () => {
  for (const root of [site, prefixed]) {
    const offenders: string[] = [];
    for (const f of htmlFiles(root)) {
      if (/^(ar|en)\/search\/index\.html$/.test(f)) continue;
      const $ = load(root, f);
      $("script").each((_, s) => {
        if ($(s).attr("type") !== "application/ld+json") offenders.push(`${f}: ${$.html(s).slice(0, 100)}`);
      });
      $("[onclick], [onload], [onerror], a[href^='javascript:']").each((_, el) => void offenders.push(`${f}: inline handler ${$.html(el).slice(0, 80)}`));
    }
    assert.deepEqual(offenders, [], root);
  }
  // And in the browser: no script request on a page of each kind (prefixed build).
  const arSeed = seeds().find((a) => a.language === "ar")!;
  for (const path of ["", "ar/", "en/", `ar/articles/${arSeed.id}/`, `en/articles/${arSeed.id}/`, "ar/entities/", "ar/dates/", "ar/entities/iraq/"]) {
    await withPage(prefixServer.url + path, async (p) => {
      await p.settle();
      const scripts = p.requests.filter((r) => r.resourceType === "script");
      assert.deepEqual(scripts.map((r) => r.url), [], `${path || "/"} loads no script`);
    });
  }
  // The search page does load its script (the check above would pass on a site with no search at all).
  await withPage(prefixServer.url + "ar/search/", async (p) => {
    await p.settle();
    assert.ok(p.requests.some((r) => r.resourceType === "script" && r.url.endsWith("/archive/assets/search.js")));
  });
});

// Fast checks of the pieces the browser tests rely on (no build, no browser).

test("filter words: one Pagefind word each, never typed, never a prefix of another", () => {
  const tokens = [filterToken("year", "2015"), filterToken("year", "2025"), filterToken("entity", "iraq"), filterToken("entity", "iraq-x"), filterToken("lang", "ar"), filterToken("lang", "en")];
  for (const t of tokens) {
    // Pagefind splits at . , / : - _, case changes and letter/digit changes: Arabic letters only.
    assert.match(t, /^\u0649[\u0621-\u064A]+\u0649$/u, t);
    // The search normaliser folds ى, so no query key can be or begin a filter word.
    assert.ok(candidateKeys(t).every((k) => !k.startsWith("\u0649")), t);
  }
  assert.equal(new Set(tokens).size, tokens.length);
  for (const a of tokens) for (const b of tokens) if (a !== b) assert.ok(!b.startsWith(a), `${a} is a prefix of ${b}`);
});

test("masked excerpt text: every word starts with ى, and unmasking gives the text back", () => {
  const text = "صرّح مصدر بالحكومة، على مستشفى McDonald-2015 في ٢٠١٥.\nسطر ثانٍ";
  const masked = maskText(text);
  assert.equal(unmaskText(masked), text);
  for (const w of masked.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean)) assert.ok(w.startsWith("\u0649"), w);
});
