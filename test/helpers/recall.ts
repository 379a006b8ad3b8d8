import { readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { load } from "./site.ts";
import { CORPUS, corpusGazetteer } from "./corpus.ts";
import { importFiles } from "../../src/import/run.ts";
import { normalizeArabic } from "../../src/arabic/normalize.ts";

/*
 * The search recall suite, shared by test/search.test.ts and
 * scripts/search-recall.ts: queries grouped by the phenomenon they exercise,
 * and for each query the pages it must find, worked out from the article
 * text itself — never from the analyser under test.
 *
 * "Truly matching" (the ground truth of recall and precision): a page
 * matches a query when its normalised headline, dateline and body (src/arabic/normalize.ts:
 * hamza forms, ة→ه, ى→ي, diacritics, tatweel, digits folded) contains a word
 * that, after an optional run of proclitics — و/ف, then ب/ل/ك with ال, or
 * لل, or ب/ل alone — begins with the query's stem. "Begins with" is Pagefind's
 * own prefix matching, so بغد matches بغداد and اتفاقي matches اتفاقيات.
 * The stem is written by hand for each query (a linguist's choice: the word
 * without article and without its feminine/plural ending); a phrase matches
 * when its words' patterns follow each other, separated by one space.
 */

export interface Query {
  /** What the reader types. */
  q: string;
  /** Stem regex source (normalised spelling) of each word; several for a phrase. */
  stems: string[];
  /** The article is part of what was typed (الأع…): ال (or لل) must be there. */
  article?: boolean;
}

export interface Phenomenon {
  name: string;
  /** Plain Pagefind (Snowball Arabic) is expected to miss these. */
  hard: boolean;
  queries: Query[];
}

export const PHENOMENA: Phenomenon[] = [
  {
    name: "ة/ه (tāʾ marbūṭa typed as hāʾ)",
    hard: true,
    queries: [
      { q: "الحكومه", stems: ["حكوم"] },
      { q: "المملكه", stems: ["مملك"] },
      { q: "وزاره", stems: ["وزار"] },
    ],
  },
  {
    name: "ل prefix (لوكالة, لزيارة)",
    hard: true,
    queries: [
      { q: "وكالة", stems: ["وكال(?:[هت]|ات)"] },
      { q: "لزيارة", stems: ["زيار[هت]"] },
      { q: "لوزير", stems: ["وزير"] },
    ],
  },
  {
    name: "و + ال (والاقتصاد)",
    hard: true,
    queries: [
      { q: "الاقتصاد", stems: ["اقتصاد"] },
      { q: "التعليم", stems: ["تعليم"] },
      { q: "الصحة", stems: ["صح[هت]"] },
    ],
  },
  {
    name: "words beginning with ب (بغداد/ببغداد, البيان/بيان)",
    hard: true,
    queries: [
      { q: "بغداد", stems: ["بغداد"] },
      { q: "ببغداد", stems: ["بغداد"] },
      { q: "البيان", stems: ["بيان"] },
      { q: "برنامج", stems: ["برنامج"] },
    ],
  },
  {
    name: "plurals without article (اتفاقيات)",
    hard: true,
    queries: [
      { q: "اتفاقيات", stems: ["اتفاقي"] },
      { q: "مسؤولين", stems: ["مسوول"] },
      { q: "موظفين", stems: ["موظف"] },
      { q: "مباحثات", stems: ["مباحث"] },
    ],
  },
  {
    name: "typing in progress (بغ، بغد، الأع، الحك)",
    hard: true,
    queries: [
      { q: "بغ", stems: ["بغ"] },
      { q: "بغد", stems: ["بغد"] },
      { q: "الأع", stems: ["اع"], article: true },
      { q: "الحك", stems: ["حك"], article: true },
    ],
  },
  {
    name: "hamza forms (أ إ آ)",
    hard: false,
    queries: [
      { q: "الاعرجي", stems: ["اعرج"] },
      { q: "ابرام", stems: ["ابرام"] },
      { q: "الأمير", stems: ["امير"] },
      { q: "أعلن", stems: ["اعلن"] },
    ],
  },
  {
    name: "diacritics (الحُكُومَة)",
    hard: false,
    queries: [
      { q: "الحُكُومَة", stems: ["حكوم"] },
      { q: "صرّح", stems: ["صرح"] },
      { q: "المَمْلَكَة", stems: ["مملك"] },
    ],
  },
  {
    name: "tatweel (الحكـــومة)",
    hard: false,
    queries: [
      { q: "الحكـــومة", stems: ["حكوم"] },
      { q: "بغـداد", stems: ["بغداد"] },
    ],
  },
  {
    name: "Arabic-Indic digits (٢٠١٥)",
    hard: false,
    queries: [
      { q: "٢٠١٥", stems: ["2015"] },
      { q: "١٤٣٦", stems: ["1436"] },
    ],
  },
  {
    name: "phrases (\"مجلس الأمن\")",
    hard: false,
    queries: [
      { q: "\"مجلس الأمن\"", stems: ["مجلس", "امن"] },
      { q: "\"ولي العهد\"", stems: ["ولي", "عهد"] },
      { q: "\"وزارة الداخلية\"", stems: ["وزار", "داخلي"] },
    ],
  },
];

const PROCLITICS = "(?:[وف]?(?:[بلك]?ال|لل|[بل])?)";
const WITH_ARTICLE = "(?:[وف]?(?:[بلك]?ال|لل))";

/** The ground-truth pattern of a query (see the module comment). */
export function truthRegex(query: Query): RegExp {
  const pre = query.article ? WITH_ARTICLE : PROCLITICS;
  const words = query.stems.map((s) => `${pre}(?:${s})`);
  // Each word of a phrase runs to its end before the next one starts.
  const body = words.join("[\\p{L}\\p{N}]* ");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}`, "u");
}

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

/** The pages of `texts` that truly match `query`. */
export function truth(texts: Map<string, string>, query: Query): Set<string> {
  const re = truthRegex(query);
  return new Set([...texts].filter(([, t]) => re.test(t)).map(([url]) => url));
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
      n: document.querySelectorAll("#search-results > li").length,
      moreVisible: !(document.getElementById("search-more") as HTMLButtonElement).hidden,
    }));
    if (n >= count && !moreVisible) break;
    if (Date.now() > deadline) throw new Error(`only ${n} of ${count} results listed`);
    if (moreVisible) {
      await page.click("#search-more");
      await page.waitForFunction((k) => document.querySelectorAll("#search-results > li").length > k, n, { timeout });
    } else await page.waitForTimeout(25);
  }
  const hrefs = await page.$$eval("#search-results > li a.title", (as) => as.map((a) => a.getAttribute("href") ?? ""));
  return { status, count, urls: hrefs.map((h) => "/" + h.slice(root.length)) };
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
