import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { makeProject, build, cleanup, article } from "./helpers/project.ts";
import { serve, type Served } from "./helpers/serve.ts";
import { withBrowser, openPage, describeProblems, type OpenedPage } from "./helpers/browser.ts";
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
let releaseBrowser: () => void = () => {};
let browserDone: Promise<unknown> = Promise.resolve();
let pages: KindPage[] = [];

const ARABIC_ONLY = article(
  { id: "2025-09-14-g20-summit", title: "قمة G20 تبحث في 2025 خطة من 12 بندًا للطاقة", date: "2025-09-14", source: "وكالة الأنباء العراقية", place: "بغداد" },
  "قال الوزير إن قمة G20 ستعقد في 14 أيلول 2025 بمشاركة 20 دولة.\n\nوأضاف أن الخطة تضم 12 بندًا.",
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
  await new Promise<void>((ready, fail) => {
    browserDone = withBrowser(async (b) => {
      browser = b;
      ready();
      await new Promise<void>((r) => (releaseBrowser = r));
    }).catch(fail);
  });
});

after(async () => {
  releaseBrowser();
  await browserDone.catch(() => undefined);
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
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${where}: ${overflow}px of horizontal overflow`);
        for (const t of await smallTargets(page)) problems.push(`${where}: touch target ${t}`);
        for (const d of await brokenDates(page)) problems.push(`${where}: date broken over lines: ${d}`);
        const synthesis = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue("font-synthesis-weight"));
        if (synthesis !== "none") problems.push(`${where}: font-synthesis-weight is ${synthesis}`);
        if (pg.kind !== "root" && pg.kind !== "404") {
          const rows = await headerRows(page);
          if (rows > (size === "phone" ? 2 : 1)) problems.push(`${where}: header on ${rows} rows`);
        }
        if (size === "phone" && pg.kind.startsWith("article")) {
          const top = await topOf(page, ".article .body");
          if (top > 320) problems.push(`${where}: article body starts at ${Math.round(top)}px (target ≤ 320)`);
        }
        if (size === "phone" && pg.kind.startsWith("search")) {
          const top = await topOf(page, "#search-results li");
          if (top > 500) problems.push(`${where}: first result at ${Math.round(top)}px (target ≤ 500)`);
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
