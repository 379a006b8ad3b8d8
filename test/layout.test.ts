import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { load } from "./helpers/site.ts";
import { readDataParts } from "./helpers/data.ts";
import type { Browser, Page } from "playwright-core";
import { makeProject, build, cleanup, article } from "./helpers/project.ts";
import { serve, type Served } from "./helpers/serve.ts";
import { launchBrowser, openPage, describeProblems, type OpenedPage } from "./helpers/browser.ts";
import { hasCorpus } from "./helpers/corpus.ts";
import { importCorpusSample } from "./helpers/recall.ts";
import { pagesOfEachKind, VIEWPORTS, type KindPage } from "./helpers/pages.ts";

/*
 * The layout targets, measured in a real browser on every kind of page at a
 * desktop (1366×900) and a phone (390×844) size: no horizontal overflow;
 * on phones a header of at most two rows, the article body within the first
 * 320 px and the first search result within 500 px; touch targets of at
 * least 44 px; dates on one line; digits and Latin inside Arabic text set in
 * the site's face (the font Chromium really used, asked over CDP), with no
 * synthesised bold. The site: the bundled articles, an Arabic-only article
 * with Latin and digits in its text, and (when present) a corpus sample.
 */

const SITE = process.env.LAYOUT_SITE;
let dir = "";
let site = "";
let server: Served;
let browser: Browser;
let pages: KindPage[] = [];

const ARABIC_ONLY = article(
  { id: "2025-09-14-g20-summit", title: "قمة G20 تبحث في 2025 خطة من 12 بندًا للطاقة", date: "2025-09-14", source: "وكالة الأنباء العراقية", place: "بغداد" },
  "قال الوزير في بغداد إن قمة G20 ستعقد في 14 أيلول 2025 بمشاركة 20 دولة منها العراق.\n\nوأضاف أن الخطة تضم 12 بندًا.",
);

before(async () => {
  if (SITE) site = SITE;
  else {
    dir = makeProject({ "content/ar/2025/09/2025-09-14-g20-summit.md": ARABIC_ONLY }, { bundledContent: true });
    if (hasCorpus) await importCorpusSample(dir, 60);
    const r = build(dir);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    site = join(dir, "_site");
  }
  pages = pagesOfEachKind(site);
  server = await serve(site);
  // One browser for the whole file, closed in after().
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (dir) cleanup(dir);
});

async function open(pg: KindPage, size: keyof typeof VIEWPORTS): Promise<OpenedPage> {
  const opened = await openPage(browser, server.url + pg.path.slice(1), { viewport: VIEWPORTS[size], status: pg.status });
  if (pg.query) {
    await opened.page.fill("#q", pg.query);
    await opened.page.press("#q", "Enter");
    await opened.page.waitForSelector("#search-results li", { timeout: 20_000 });
  }
  await opened.settle();
  return opened;
}

/** Top of the first element matching `selector`, in CSS px from the top of the document. */
const topOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.getBoundingClientRect().top + window.scrollY);

/** Everything a reader taps that is too small: the site's own links, buttons, inputs, toggles (links inside running text are exempt). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = "header.site a, .crumbs a, .pager a, .orders a, .ways a, .calendar a, .years-months a, button, input, select, summary, .mark-label, .choose h2 a, .articles li > a, .coverage .title";
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue; // not shown at this size
      if (el instanceof HTMLInputElement && el.type === "checkbox") continue; // its label is the target
      if (r.height < 44 || r.width < 44) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
}

/** Dates broken over two lines. */
function brokenDates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("time")]
      // Bidi runs give one box each, on the same line; a break puts boxes on two lines.
      .filter((t) => new Set([...t.getClientRects()].map((r) => Math.round(r.bottom / 4))).size > 1)
      .map((t) => t.textContent ?? ""),
  );
}

/** Distinct rows the header's links sit on. */
function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tops = [...document.querySelectorAll("header.site a")].map((a) => Math.round(a.getBoundingClientRect().top / 8));
    return new Set(tops).size;
  });
}

/**
 * The fonts Chromium used for the text of the first element matching
 * `selector` that shows a digit inside Arabic text (CSS.getPlatformFontsForNode).
 */
async function fontsOfDigits(page: Page, selector: string): Promise<{ text: string; fonts: { familyName: string; isCustomFont: boolean }[] } | undefined> {
  const marked = await page.evaluate((sel) => {
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const t = el.textContent ?? "";
      if (/[0-9]/.test(t) && el.closest("[lang]")?.getAttribute("lang") === "ar" && el.getClientRects().length) {
        el.setAttribute("data-font-probe", "");
        return t;
      }
    }
    return undefined;
  }, selector);
  if (marked === undefined) return undefined;
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "[data-font-probe]" });
    // The text node itself: its fonts are the ones really used for these characters.
    const { node } = await cdp.send("DOM.describeNode", { nodeId, depth: 1 });
    const textChild = node.children?.find((c) => c.nodeType === 3);
    const target = textChild ? (await cdp.send("DOM.pushNodesByBackendIdsToFrontend", { backendNodeIds: [textChild.backendNodeId] })).nodeIds[0]! : nodeId;
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId: target });
    return { text: marked, fonts };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

const DIGIT_PLACES = ".article .dates time, .articles time, .related time, .calendar a, .years-months a, .count, .meta time, .num, h1";

for (const size of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
  test(`${size}: every kind of page fits, with big enough targets, whole dates and the site's face`, async () => {
    const problems: string[] = [];
    for (const pg of pages) {
      const o = await open(pg, size);
      try {
        const { page } = o;
        const where = `${size} ${pg.kind} ${pg.path}`;
        problems.push(...describeProblems(o).map((p) => `${where}: ${p}`));
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const over = document.documentElement.scrollWidth - width;
          // Name the outermost elements sticking out, to say what to fix.
          const out = [...document.body.querySelectorAll("*")].filter((el) => {
            const r = el.getBoundingClientRect();
            return (r.right > width + 1 || r.left < -1) && !el.closest(".table-wrap, .crumbs") && !(el.parentElement && (el.parentElement.getBoundingClientRect().right > width + 1 || el.parentElement.getBoundingClientRect().left < -1));
          });
          return { over, what: out.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`).join(", ") };
        });
        if (overflow.over > 0) problems.push(`${where}: ${overflow.over}px of horizontal overflow (${overflow.what})`);
        for (const t of await smallTargets(page)) problems.push(`${where}: touch target ${t}`);
        for (const d of await brokenDates(page)) problems.push(`${where}: date broken over lines: ${d}`);
        const synthesis = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue("font-synthesis-weight"));
        if (synthesis !== "none") problems.push(`${where}: font-synthesis-weight is ${synthesis}`);
        if (pg.kind !== "root" && pg.kind !== "404") {
          const rows = await headerRows(page);
          if (rows > (size === "phone" ? 2 : 1)) problems.push(`${where}: header on ${rows} rows`);
          if (size === "phone" && pg.kind.startsWith("article")) console.log(`${where}: header on ${rows} rows, ${Math.round(await page.$eval("header.site", (h) => h.getBoundingClientRect().height))} px`);
        }
        if (size === "phone" && pg.kind.startsWith("article")) {
          const top = await topOf(page, ".article .body");
          if (top > 320) problems.push(`${where}: article body starts at ${Math.round(top)}px (target ≤ 320)`);
          console.log(`${where}: article body at ${Math.round(top)} px`);
        }
        if (size === "phone" && pg.kind.startsWith("search")) {
          const top = await topOf(page, "#search-results li");
          if (top > 500) problems.push(`${where}: first result at ${Math.round(top)}px (target ≤ 500)`);
          console.log(`${where}: first result at ${Math.round(top)} px`);
        }
        const probe = await fontsOfDigits(page, DIGIT_PLACES);
        if (pg.kind.endsWith("-ar") && !probe) problems.push(`${where}: no digits in Arabic text found to check the font`);
        if (probe) {
          const wrong = probe.fonts.filter((f) => f.familyName !== "Noto Naskh Arabic" || !f.isCustomFont);
          if (wrong.length) problems.push(`${where}: "${probe.text.trim()}" drawn in ${wrong.map((f) => f.familyName).join(", ")}`);
        }
      } finally {
        await o.close();
      }
    }
    assert.deepEqual(problems, []);
  });
}

// The reading pages, from the built HTML: the truths below come from the content
// (three articles in September 2025: two on the 16th, this test's one on the 14th;
// 1 September 2025 was a Monday; the month runs from Rabiʻ I into Rabiʻ II 1447).
test("dates: Hijri headings, a calendar in each language's week order, a years × months table, day items without dates", { skip: !!SITE }, () => {
  const ar = load(site, "ar/dates/2025/09/index.html");
  assert.equal(ar(".hijri-heading").text(), "ربيع الأول – ربيع الآخر 1447 هـ");
  assert.deepEqual(ar(".calendar thead abbr").map((_, el) => ar(el).attr("title")).get(), ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]);
  const firstRow = ar(".calendar tbody tr").first().find("td").map((_, el) => ar(el).text().trim()).get();
  assert.deepEqual(firstRow, ["", "", "1", "2", "3", "4", "5"], "Monday the 1st is the third column from Saturday");
  const linked = ar(".calendar a").map((_, el) => `${ar(el).attr("href")} ${ar(el).find(".n").text()}`).get();
  assert.deepEqual(linked.filter((l) => l.startsWith("/ar/dates/2025/09/")), ["/ar/dates/2025/09/14/ 1", "/ar/dates/2025/09/16/ 2"]);
  const en = load(site, "en/dates/2025/09/index.html");
  assert.equal(en(".hijri-heading").text(), "Rabiʻ I – Rabiʻ II 1447 AH");
  assert.equal(en(".calendar thead abbr").first().attr("title"), "Monday");
  assert.equal(en(".calendar tbody tr").first().find("td").first().text().trim(), "1");
  const index = load(site, "ar/dates/index.html");
  const row = index(".years-months tbody tr").filter((_, el) => index(el).find("th a").attr("href") === "/ar/dates/2025/");
  const cells = row.find("td").map((_, el) => index(el).find("a").contents().last().text()).get();
  assert.equal(cells.length, 12);
  assert.equal(cells[8], "3", "September 2025: three articles");
  assert.equal(cells.filter(Boolean).length, 1, "no other month of 2025 has articles");
  assert.equal(load(site, "ar/dates/2025/index.html")(".hijri-heading").text(), "1446–1447 هـ");
  const day = load(site, "ar/dates/2025/09/16/index.html");
  // Umm al-Qura: 16 September 2025 was 24 Rabiʻ I 1447.
  assert.match(day(".hijri-heading").text(), /^24 ربيع الأول 1447 هـ$/);
  assert.equal(day(".articles li").length, 2);
  assert.equal(day(".articles time").length, 0, "the heading gives the date");
});

test("both languages: Arabic-only articles labelled on English pages with what is known in English; root, 404 and data pages", { skip: !!SITE }, () => {
  const home = load(site, "en/index.html");
  const item = home(".articles li").filter((_, el) => home(el).find("a").first().attr("href") === "/ar/articles/2025-09-14-g20-summit/");
  assert.equal(item.find(".badge").text(), "Arabic only");
  assert.match(item.find(".about").text(), /^About: .*Baghdad/);
  assert.match(item.find(".about").text(), /Iraq/);
  const translated = home(".articles li").filter((_, el) => (home(el).find("a").first().attr("href") ?? "").startsWith("/en/articles/"));
  assert.ok(translated.length >= 2 && translated.find(".badge").length === 0, "translated articles carry no badge");
  const art = load(site, "ar/articles/2025-09-14-g20-summit/index.html");
  assert.equal(art("header.site .lang").attr("href"), "/en/dates/2025/09/14/");
  assert.equal(art("header.site .lang").text(), "English: same day");
  const root = load(site, "index.html");
  for (const lang of ["ar", "en"]) {
    const sec = root(`section[lang="${lang}"]`);
    assert.equal(sec.find(`form[action="/${lang}/search/"] input[name="q"]`).length, 1, `${lang} search box`);
    assert.ok(sec.find(".articles li").length >= 3, `${lang} latest articles`);
  }
  assert.deepEqual(root("section h2 .name").map((_, el) => root(el).text()).get(), ["العربية", "English"]);
  const nf = load(site, "404.html");
  assert.equal(nf("header.site a.brand").length, 1);
  assert.equal(nf('form[action="/ar/search/"]').length + nf('form[action="/en/search/"]').length, 2);
  const data = load(site, "en/data/index.html");
  // A table per set, a row per year (or per kind of file): [label, files cell, records].
  const rows = (set: string) => data(`#${set} table.files tbody tr`).map((_, el) => [[data(el).find("th").text(), ...data(el).find("td").map((__, td) => data(td).text()).get()]]).get() as string[][];
  const links = data("table.files a").map((_, a) => data(a).text()).get();
  assert.ok(["entities.csv", "entities.json", "datapackage.json"].every((f) => links.includes(f)), links.join(" "));
  const articles = readDataParts(site, "articles");
  const related = readDataParts(site, "related");
  const sum = (set: string) => rows(set).reduce((n, r) => n + Number(r[2]!.replace(/\D/g, "")), 0);
  assert.equal(sum("articles"), articles.length, "the years' records add up");
  assert.equal(sum("related"), related.length);
  for (const [year, files] of rows("articles")) assert.match(files!, new RegExp(`^${year}\\.csv \\([0-9.]+ (B|KB|MB)\\)${year}\\.json \\([0-9.]+ (B|KB|MB)\\)$`));
  assert.equal(data('a[rel="license"]').attr("href"), "https://creativecommons.org/licenses/by/4.0/");
  assert.match(data("main").text(), /not the articles' text/);
});
