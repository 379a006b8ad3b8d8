/**
 * What a reader's browser fetches: a real Chromium (test/helpers/browser.ts)
 * against the built site on a local static server. Bytes are response
 * bodies as served (the test server does not compress); `gzip` is the same
 * with text responses gzipped as any static host or CDN does (Pagefind's
 * index files, fonts and WebAssembly are already compressed and count as is).
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { withBrowser } from "../test/helpers/browser.ts";
import { serve } from "../test/helpers/serve.ts";

export interface Fetched {
  requests: number;
  bytes: number;
  gzip: number;
  byType: Record<string, { n: number; bytes: number; gzip: number }>;
  scripts: number;
}

const TEXT = /\.(html|css|js|mjs|json|xml|txt|svg)$|\/$/;

function recorder(page: Page): { done: () => Promise<Fetched>; pending: Set<Promise<void>> } {
  const pending = new Set<Promise<void>>();
  const out: Fetched = { requests: 0, bytes: 0, gzip: 0, byType: {}, scripts: 0 };
  page.on("requestfinished", (req) => {
    const p = (async () => {
      const res = await req.response();
      if (!res) return;
      const body = await res.body().catch(() => Buffer.alloc(0));
      const path = new URL(req.url()).pathname;
      const type = req.resourceType();
      const gz = TEXT.test(path) && body.length ? gzipSync(body, { level: 6 }).length : body.length;
      out.requests++;
      out.bytes += body.length;
      out.gzip += gz;
      if (type === "script") out.scripts++;
      const name = path.split("/").pop()!;
      const key = /\/pagefind[^/]*\//.test(path) ? `pagefind ${/\.pf_[a-z]+$/.exec(name)?.[0].slice(1) ?? name.replace(/\.[0-9a-f]+\./, ".")}` : type;
      const t = (out.byType[key] ??= { n: 0, bytes: 0, gzip: 0 });
      t.n++;
      t.bytes += body.length;
      t.gzip += gz;
    })();
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  return {
    pending,
    done: async () => {
      await Promise.all([...pending]);
      return structuredClone(out);
    },
  };
}

async function quiet(page: Page, pending: Set<Promise<void>>, ms = 600): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => {});
  await new Promise((r) => setTimeout(r, ms));
  await Promise.all([...pending]);
}

export interface TransferReport {
  article: Fetched & { url: string };
  search: {
    url: string;
    commonWord: string;
    rareWord: string;
    /** After the page, Pagefind's init and the first (common) query. */
    afterCommon: Fetched & { results: string; shown: number };
    /** Everything, after the rare query too. */
    total: Fetched & { results: string; shown: number };
    indexes: number;
  };
}

async function articleVisit(browser: Browser, url: string): Promise<TransferReport["article"]> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const rec = recorder(page);
    await page.goto(url, { waitUntil: "load" });
    await quiet(page, rec.pending);
    return { url, ...(await rec.done()) };
  } finally {
    await context.close();
  }
}

async function searchVisit(browser: Browser, base: string, common: string, rare: string): Promise<TransferReport["search"]> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const rec = recorder(page);
    // What went wrong, if the search shows nothing: the error then says it.
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
    page.on("response", (r) => void (r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`)));
    const url = `${base}ar/search/?q=${encodeURIComponent(common)}`;
    await page.goto(url, { waitUntil: "load" });
    try {
      await page.waitForSelector("#search-results li", { timeout: 60_000 });
    } catch (e) {
      const shown = (await page.textContent("#search-status").catch(() => null))?.trim();
      throw new Error(`no result for "${common}" on ${url} after 60 s; status "${shown ?? "?"}"; ${problems.join("; ") || "no page error, console error or failed request"}`, { cause: e });
    }
    await quiet(page, rec.pending);
    const status1 = (await page.textContent("#search-status"))?.trim() ?? "";
    const afterCommon = { ...(await rec.done()), results: status1, shown: await page.locator("#search-results li").count() };
    const indexes = ((await page.getAttribute("#search-form", "data-extra-indexes")) ?? "").split(" ").filter(Boolean).length + 1;
    await page.fill("#q", rare);
    await page.evaluate(() => (document.getElementById("search-form") as HTMLFormElement).requestSubmit());
    await page.waitForFunction((w) => !!document.querySelector("#search-results li mark") && location.search.includes(encodeURIComponent(w)), rare, { timeout: 60_000 }).catch(() => {});
    await quiet(page, rec.pending);
    const status2 = (await page.textContent("#search-status"))?.trim() ?? "";
    const shown = await page.locator("#search-results li").count();
    return { url, commonWord: common, rareWord: rare, afterCommon, total: { ...(await rec.done()), results: status2, shown }, indexes };
  } finally {
    await context.close();
  }
}

export async function measureTransfer(siteDir: string, articlePath: string, common: string, rare: string): Promise<TransferReport> {
  const served = await serve(siteDir);
  try {
    return await withBrowser(async (browser) => ({
      article: await articleVisit(browser, served.url + articlePath),
      search: await searchVisit(browser, served.url, common, rare),
    }));
  } finally {
    await served.close();
  }
}
