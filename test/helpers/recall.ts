import { readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { load } from "./site.ts";
import { CORPUS, corpusGazetteer } from "./corpus.ts";
import { importFiles } from "../../src/import/run.ts";
import { normalizeArabic } from "../../src/arabic/normalize.ts";

/*
 * Helpers of the search tests and evaluations: the Arabic text of built
 * pages, a corpus sample imported into a project, and the results a search
 * page lists.
 */

/** Normalised headline, dateline and body of every Arabic article page of a built site, by URL path (/ar/articles/<id>/). */
export function arabicTexts(site: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of readdirSync(join(site, "ar/articles")).sort()) {
    const $ = load(site, `ar/articles/${id}/index.html`);
    $(".body .visually-hidden").remove();
    const paragraphs = $(".body p").map((_, p) => $(p).text()).get();
    out.set(`/ar/articles/${id}/`, normalizeArabic([$("h1").first().text(), $(".dateline").first().text(), ...paragraphs].join("\n")));
  }
  return out;
}

/**
 * Imports `n` corpus articles, spread evenly through the corpus in file-name
 * order (deterministic), into the project `dir`, with the corpus gazetteer
 * kept out (the bundled one stays). Returns how many were imported.
 */
export async function importCorpusSample(dir: string, n: number): Promise<number> {
  const folder = join(CORPUS, "articles");
  if (!existsSync(folder)) return 0;
  const all = readdirSync(folder).filter((f) => f.endsWith(".txt")).sort();
  const count = Math.min(n, all.length);
  const step = all.length / count;
  const files = Array.from({ length: count }, (_, i) => join(folder, all[Math.floor(i * step)]!));
  const res = await importFiles(files, { contentDir: join(dir, "content") });
  return res.imported.length;
}

/** Writes the corpus gazetteer into a project (unused by default: the bundled one has the seeds' entities). */
export function useCorpusGazetteer(dir: string): void {
  writeFileSync(join(dir, "content/entities.yaml"), corpusGazetteer());
}

/** The number a search status line announces ("لا نتائج", "نتيجتان", "١٢ نتيجة", "3 results"), or undefined while searching. */
export function statusCount(text: string): number | undefined {
  const t = text.trim();
  if (t === "لا نتائج" || t === "No results") return 0;
  if (t === "نتيجة واحدة") return 1;
  if (t === "نتيجتان") return 2;
  const digits = t.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).match(/^[0-9][0-9,٬]*/);
  return digits ? Number(digits[0].replace(/[,٬]/g, "")) : undefined;
}

export interface PageResults {
  status: string;
  count: number;
  /** Result links as URL paths relative to the site root (/ar/articles/<id>/), in page order. */
  urls: string[];
}

/**
 * Waits for the search page's current search to finish, then presses "more"
 * until every result is listed; returns the announced count and the links.
 * `root` is the site root's URL path ("/" or "/archive/").
 */
export async function collectResults(page: Page, root: string, timeout = 30_000): Promise<PageResults> {
  await page.waitForFunction(
    () => {
      const s = document.getElementById("search-status")?.textContent ?? "";
      return s !== "" && !/…/.test(s);
    },
    undefined,
    { timeout },
  );
  const status = (await page.textContent("#search-status")) ?? "";
  const count = statusCount(status);
  if (count === undefined) throw new Error(`status "${status}" is not a count`);
  const deadline = Date.now() + timeout;
  for (;;) {
    const { n, moreVisible } = await page.evaluate(() => ({
      // A result is listed on its own line, or beside another as a copy of the same text.
      n: document.querySelectorAll("#search-results > li a.title, #search-results > li a.copy").length,
      moreVisible: !(document.getElementById("search-more") as HTMLButtonElement).hidden,
    }));
    if (n >= count && !moreVisible) break;
    if (Date.now() > deadline) throw new Error(`only ${n} of ${count} results listed`);
    if (moreVisible) {
      await page.click("#search-more");
      await page.waitForFunction((k) => document.querySelectorAll("#search-results > li a.title, #search-results > li a.copy").length > k, n, { timeout });
    } else await page.waitForTimeout(25);
  }
  const hrefs = await page.$$eval("#search-results > li a.title, #search-results > li a.copy", (as) => as.map((a) => a.getAttribute("href") ?? ""));
  // An index in several partitions announces "at least N" until every partition answered: the count is the last one announced.
  const last = (await page.textContent("#search-status")) ?? "";
  return { status: last, count: statusCount(last) ?? count, urls: hrefs.map((h) => "/" + h.slice(root.length)) };
}

/** URL of a search page with a state. */
export function searchUrl(base: string, lang: "ar" | "en", state: Record<string, string>): string {
  const qs = new URLSearchParams(Object.entries(state).filter(([, v]) => v)).toString();
  return `${base}${lang}/search/${qs ? `?${qs}` : ""}`;
}

export interface Score {
  relevant: number;
  returned: number;
  hits: number;
}

export function score(found: Iterable<string>, relevant: Set<string>): Score {
  const f = new Set(found);
  let hits = 0;
  for (const u of f) if (relevant.has(u)) hits++;
  return { relevant: relevant.size, returned: f.size, hits };
}

export function add(a: Score, b: Score): Score {
  return { relevant: a.relevant + b.relevant, returned: a.returned + b.returned, hits: a.hits + b.hits };
}

/** Recall and precision of a summed score (1 when there is nothing to find / nothing returned). */
export function rates(s: Score): { recall: number; precision: number } {
  return { recall: s.relevant ? s.hits / s.relevant : 1, precision: s.returned ? s.hits / s.returned : 1 };
}
