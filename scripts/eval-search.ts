/**
 * Independent evaluation of the search by reader judgement (issue 13).
 *
 *   npm run eval:search                          # the committed code (HEAD), all corpus articles
 *   npm run eval:search -- --articles 300        # a deterministic spread of 300 articles
 *   npm run eval:search -- --commit abc123       # another commit
 *   npm run eval:search -- --worktree            # the working tree as it is
 *   npm run eval:search -- --out /tmp/eval       # where results go (default: a temp folder, printed)
 *   npm run eval:search -- --only q1,q2 --settle 2000   # some queries, waiting longer for a page's list to settle
 *   npm run eval:search -- --partition-size 300  # the index in partitions of at most 300 records (searchPartitionSize)
 *
 * Imports ../shared/corpus/articles/*.txt with the code's own importer into a
 * temporary project, builds it with search, serves it, and in Chromium runs every
 * query of scripts/eval-search/queries.ts on /ar/search/?q=… (English ones on
 * /en/search/), the half-typed class typed into #q without submitting. Every
 * result (#search-results > li, "more" pressed until all are listed) is judged
 * against the query's truth rule over the article page's normalised headline,
 * dateline and body; a result "shows a match" when its li holds a <mark>. Plain
 * Pagefind (its HTML indexing of the same pages' headline + body, lang="ar",
 * searched with its JS API) runs the same queries in the same run. Output: a
 * table per class for both systems, JSON of every query, and a file listing every
 * wrong result and every miss, to read.
 *
 * The query set and its truth were written by reading the corpus, not the code
 * under test (src/search, src/arabic); see docs/search.md, "Measured by reader judgement".
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as cheerio from "cheerio";
import type { Page } from "playwright-core";
import * as pagefind from "pagefind";
import { withBrowser, openPage } from "../test/helpers/browser.ts";
import { serve } from "../test/helpers/serve.ts";
import { CORPUS, hasCorpus } from "../test/helpers/corpus.ts";
import { statusCount } from "../test/helpers/recall.ts";
import { normalize } from "./eval-search/normalize.ts";
import { CLASSES, QUERIES, TYPED, type ClassId, type EvalQuery } from "./eval-search/queries.ts";
import { compile } from "./eval-search/rules.ts";
import { DISPUTES } from "./eval-search/disputes.ts";

const REPO = resolve(import.meta.dirname, "..");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

// ---------------------------------------------------------------- code and project

interface Code {
  dir: string;
  label: string;
  temporary: boolean;
}

/** The code to measure: a commit exported with git archive (default HEAD), or the working tree. */
function codeTree(): Code {
  if (flag("worktree")) {
    const dirty = execFileSync("git", ["status", "--short", "--", "src", "_includes", "public", "eleventy.config.ts", "content"], { cwd: REPO, encoding: "utf8" }).trim();
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim();
    return { dir: REPO, label: `working tree on ${head}${dirty ? " (with uncommitted changes)" : ""}`, temporary: false };
  }
  const rev = arg("commit") ?? "HEAD";
  const hash = execFileSync("git", ["rev-parse", rev], { cwd: REPO, encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(os.tmpdir(), `arshif-code-${hash.slice(0, 7)}-`));
  const tar = execFileSync("git", ["archive", hash, "src", "_includes", "public", "content", "eleventy.config.ts", "package.json", "tsconfig.json"], { cwd: REPO, maxBuffer: 512 * 1024 * 1024 });
  const r = spawnSync("tar", ["-x", "-C", dir], { input: tar });
  if (r.status !== 0) throw new Error(`could not unpack ${hash}: ${r.stderr}`);
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  return { dir, label: `commit ${hash.slice(0, 10)}`, temporary: true };
}

/** A throwaway project using `code`: code linked, content/ holding the code's settings and templates plus the imported corpus. */
function makeProject(code: Code): string {
  const dir = mkdtempSync(join(os.tmpdir(), "arshif-eval-"));
  for (const name of ["src", "_includes", "public", "node_modules", "eleventy.config.ts", "package.json", "tsconfig.json"]) {
    symlinkSync(name === "node_modules" ? join(REPO, name) : join(code.dir, name), join(dir, name));
  }
  mkdirSync(join(dir, "content"));
  for (const f of readdirSync(join(code.dir, "content"), { withFileTypes: true })) {
    if (f.isFile()) copyFileSync(join(code.dir, "content", f.name), join(dir, "content", f.name));
  }
  return dir;
}

/** `n` corpus files spread evenly through the corpus (file-name order), imported with the code's own importer. */
async function importCorpus(code: Code, dir: string, n: number): Promise<{ files: number; imported: number }> {
  const folder = join(CORPUS, "articles");
  const all = readdirSync(folder).filter((f) => f.endsWith(".txt")).sort();
  const count = Math.min(n, all.length);
  const step = all.length / count;
  const files = Array.from({ length: count }, (_, i) => join(folder, all[Math.floor(i * step)]!));
  const mod = (await import(pathToFileURL(join(code.dir, "src/import/run.ts")).href)) as {
    importFiles(files: string[], opts: { contentDir: string }): Promise<{ imported: unknown[] }>;
  };
  const res = await mod.importFiles(files, { contentDir: join(dir, "content") });
  return { files: count, imported: res.imported.length };
}

function build(dir: string): void {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, "src/cli/build.ts"), "--quiet"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(-4000)}${r.stdout.slice(-4000)}`);
}

// ---------------------------------------------------------------- the articles as a reader sees them

interface ArticlePage {
  url: string;
  headline: string;
  /** Headline, dateline and body paragraphs, as shown. */
  text: string;
  /** The same, normalised (what truth rules read). */
  norm: string;
}

const load = (site: string, file: string) => cheerio.load(readFileSync(join(site, file), "utf8"));

function articlePages(site: string): Map<string, ArticlePage> {
  const out = new Map<string, ArticlePage>();
  for (const id of readdirSync(join(site, "ar/articles")).sort()) {
    const file = `ar/articles/${id}/index.html`;
    if (!existsSync(join(site, file))) continue;
    const $ = load(site, file);
    $(".body .visually-hidden").remove();
    const headline = $("h1").first().text().trim();
    const paragraphs = $(".body p").map((_, p) => $(p).text()).get();
    const text = [headline, $(".dateline").first().text(), ...paragraphs].join("\n");
    out.set(`/ar/articles/${id}/`, { url: `/ar/articles/${id}/`, headline, text, norm: normalize(text) });
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Plain Pagefind over the same article pages: headline and body as HTML with lang="ar", indexed the normal way. */
async function writePlainIndex(site: string, pages: Map<string, ArticlePage>, outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const { url } of pages.values()) {
      const $ = load(site, `${url.slice(1)}index.html`);
      $(".body .visually-hidden").remove();
      const title = $("h1").first().text();
      const body = $(".body p").map((_, p) => `<p>${esc($(p).text())}</p>`).get().join("\n");
      const content = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
      const r = await index.addHTMLFile({ url, content });
      if (r.errors.length) throw new Error(`${url}: ${r.errors.join("; ")}`);
    }
    const got = await index.getFiles();
    if (got.errors.length) throw new Error(got.errors.join("; "));
    for (const f of got.files) {
      const path = join(outDir, f.path);
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, f.content);
    }
  } finally {
    await pagefind.close();
  }
}

// ---------------------------------------------------------------- running queries

interface Shown {
  url: string;
  title: string;
  excerpt: string;
  marked: boolean;
  /** Listed as another copy of the same text inside a result ("the same text also in: …"), not as its title link. */
  copy?: boolean;
}

/** Waits until the status announces a count and the list has stopped changing for `quietMs`. */
async function waitSettled(page: Page, quietMs: number, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  let last = "";
  let since = Date.now();
  for (;;) {
    const state = await page.evaluate(() => {
      const s = document.getElementById("search-status")?.textContent ?? "";
      return `${s}|${document.querySelectorAll("#search-results > li").length}`;
    });
    const status = state.slice(0, state.lastIndexOf("|"));
    if (state !== last) {
      last = state;
      since = Date.now();
    } else if (statusCount(status) !== undefined && !/…/.test(status) && Date.now() - since >= quietMs) return;
    if (Date.now() > until) throw new Error(`search did not settle: status "${status}"`);
    await page.waitForTimeout(50);
  }
}

/** Presses "more" until every announced result is listed; returns what the list shows. */
async function listAll(page: Page, root: string, timeout: number): Promise<{ status: string; count: number; shown: Shown[] }> {
  const status = ((await page.textContent("#search-status")) ?? "").trim();
  const count = statusCount(status);
  if (count === undefined) throw new Error(`status "${status}" is not a count`);
  const deadline = Date.now() + timeout;
  // Copies of one text share a line, so the list can hold fewer lines than the count announced:
  // the list is complete when "more" is gone and the number of lines has stopped changing.
  let lastN = -1;
  let stableSince = Date.now();
  for (;;) {
    const { n, moreVisible } = await page.evaluate(() => ({
      n: document.querySelectorAll("#search-results > li").length,
      moreVisible: !((document.getElementById("search-more") as HTMLButtonElement | null)?.hidden ?? true),
    }));
    if (n !== lastN) {
      lastN = n;
      stableSince = Date.now();
    }
    // "More" can appear a moment after the first lines: a list shorter than the count must stay unchanged for 4 s.
    if (!moreVisible && (n >= count || Date.now() - stableSince >= 4000)) break;
    if (Date.now() > deadline) throw new Error(`only ${n} of ${count} results listed`);
    if (moreVisible) {
      await page.click("#search-more");
      await page.waitForFunction((k) => document.querySelectorAll("#search-results > li").length > k, n, { timeout });
    } else await page.waitForTimeout(25);
  }
  const shown = await page.$$eval("#search-results > li", (lis) =>
    lis.map((li) => {
      const a = li.querySelector("a.title") as HTMLAnchorElement | null;
      const title = (a?.textContent ?? "").trim();
      // Other article links inside the result: copies of the same text listed beside it.
      const copies = [...li.querySelectorAll("a[href]")]
        .filter((x) => x !== a)
        .map((x) => ({ path: new URL((x as HTMLAnchorElement).href).pathname, title: (x.textContent ?? "").trim() }));
      return {
        path: a ? new URL(a.href).pathname : "",
        title,
        excerpt: ((li as HTMLElement).innerText ?? li.textContent ?? "").replace(title, "").replace(/\s+/g, " ").trim(),
        marked: li.querySelector("mark") !== null,
        copies,
      };
    }),
  );
  const local = (path: string) => "/" + decodeURI(path).slice(root.length);
  const out: Shown[] = [];
  for (const s of shown) {
    out.push({ url: local(s.path), title: s.title, excerpt: s.excerpt, marked: s.marked });
    for (const c of s.copies) {
      const url = local(c.path);
      if (/^\/ar\/articles\/[^/]+\/$/.test(url)) out.push({ url, title: c.title, excerpt: s.excerpt, marked: s.marked, copy: true });
    }
  }
  return { status, count, shown: out };
}

async function runArshif(page: Page, base: string, query: EvalQuery): Promise<{ status: string; shown: Shown[] }> {
  const lang = query.cls === "english" ? "en" : "ar";
  if (TYPED.has(query.cls)) {
    await page.goto(`${base}${lang}/search/`);
    await page.focus("#q");
    await page.keyboard.type(query.q, { delay: 60 });
    await waitSettled(page, 1200, 60_000);
  } else {
    await page.goto(`${base}${lang}/search/?${new URLSearchParams({ q: query.q })}`);
    await waitSettled(page, Number(arg("settle") ?? 150), 60_000);
  }
  return listAll(page, "/", 120_000);
}

async function runPlain(page: Page, q: string): Promise<Shown[]> {
  return page.evaluate(async (query) => {
    const w = window as unknown as { __plain?: { search(q: string): Promise<{ results: { data(): Promise<{ url: string; meta: { title?: string }; excerpt: string }> }[] }> } };
    if (!w.__plain) {
      const pf = await import(new URL("/pagefind-plain/pagefind.js", location.href).href);
      await pf.init();
      w.__plain = pf;
    }
    const res = await w.__plain!.search(query);
    const data = await Promise.all(res.results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, title: d.meta.title ?? "", excerpt: d.excerpt.replace(/<[^>]*>/g, ""), marked: /<mark>/.test(d.excerpt) }));
  }, q);
}

// ---------------------------------------------------------------- scoring and reports

interface SystemRun {
  ms: number;
  status?: string;
  /** Every result shown, in order (articles and anything else). */
  shown: Shown[];
  /** Arabic article results (what is scored). */
  articles: string[];
  hits: number;
  wrong: string[];
  missed: string[];
  unmarked: number;
  unmarkedWrong: number;
  /** Article results shown only as another copy inside a result, not as a result's title. */
  copies: number;
  error?: string;
}

interface QueryRun {
  cls: ClassId;
  q: string;
  rule: string;
  relevant: number;
  arshif: SystemRun;
  plain: SystemRun;
}

function judge(shown: Shown[], truth: Set<string>, ms: number, status?: string): SystemRun {
  const articles = [...new Set(shown.map((s) => s.url).filter((u) => u.startsWith("/ar/articles/")))];
  const found = new Set(articles);
  const wrong = articles.filter((u) => !truth.has(u));
  const wrongSet = new Set(wrong);
  const titled = new Set(shown.filter((s) => !s.copy).map((s) => s.url));
  const unmarkedShown = [...new Map(shown.filter((s) => s.url.startsWith("/ar/articles/")).map((s) => [s.url, s])).values()].filter((s) => !s.marked);
  return {
    ms,
    ...(status !== undefined ? { status } : {}),
    shown,
    articles,
    hits: articles.length - wrong.length,
    wrong,
    missed: [...truth].filter((u) => !found.has(u)),
    unmarked: unmarkedShown.length,
    unmarkedWrong: unmarkedShown.filter((s) => wrongSet.has(s.url)).length,
    copies: articles.filter((u) => !titled.has(u)).length,
  };
}

const failed = (e: unknown, ms: number): SystemRun => ({ ms, shown: [], articles: [], hits: 0, wrong: [], missed: [], unmarked: 0, unmarkedWrong: 0, copies: 0, error: (e as Error).message.split("\n")[0] });

interface Sum {
  queries: number;
  relevant: number;
  returned: number;
  hits: number;
}
const zero = (): Sum => ({ queries: 0, relevant: 0, returned: 0, hits: 0 });
function addTo(s: Sum, relevant: number, r: SystemRun): void {
  s.queries++;
  s.relevant += relevant;
  s.returned += r.articles.length;
  s.hits += r.hits;
}
const recall = (s: Sum) => (s.relevant ? s.hits / s.relevant : 1);
const precision = (s: Sum) => (s.returned ? s.hits / s.returned : 1);
const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);

/** A short excerpt of an article around the first place its rule matches (normalised text). */
function context(page: ArticlePage, re: RegExp): string {
  const m = re.exec(page.norm);
  if (!m) return page.norm.slice(0, 120).replace(/\s+/g, " ");
  const from = Math.max(0, m.index - 60);
  return (from > 0 ? "…" : "") + page.norm.slice(from, m.index + m[0].length + 60).replace(/\s+/g, " ") + "…";
}

function cut(s: string, n = 220): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? t.slice(0, n) + "…" : t;
}

/** Re-judges the results of an earlier run (its results.json and pages.json) with the rules as they are now. */
function rescore(from: string): void {
  const saved = JSON.parse(readFileSync(join(from, "results.json"), "utf8")) as { info: RunInfo; runs: { q: string; arshif: SystemRun; plain: SystemRun }[] };
  const norms = JSON.parse(readFileSync(join(from, "pages.json"), "utf8")) as Record<string, string>;
  const pages = new Map(Object.entries(norms).map(([url, norm]) => [url, { url, headline: "", text: "", norm }]));
  const bare = (r: SystemRun): Shown[] => r.shown.map((x) => ({ url: x.url, title: "", excerpt: "", marked: x.marked, ...(x.copy ? { copy: true } : {}) }));
  const runs: QueryRun[] = [];
  for (const query of QUERIES) {
    const old = saved.runs.find((r) => r.q === query.q);
    if (!old) throw new Error(`${from}/results.json has no query ${query.q}`);
    const truth = truthOf(query.rule, query.q, pages);
    runs.push({ cls: query.cls, q: query.q, rule: query.rule, relevant: truth.size, arshif: judge(bare(old.arshif), truth, old.arshif.ms), plain: judge(bare(old.plain), truth, old.plain.ms) });
  }
  report(runs, pages, { ...saved.info, outDir: from }, false);
}

function truthOf(rule: string, q: string, pages: Map<string, ArticlePage>): Set<string> {
  const re = compile(rule, q);
  return new Set([...pages.values()].filter((p) => re.test(p.norm)).map((p) => p.url));
}

async function main(): Promise<void> {
  const again = arg("rescore");
  if (again) return rescore(resolve(again));
  if (!hasCorpus) {
    console.error("../shared/corpus/ is not there: nothing to measure.");
    process.exit(1);
  }
  const n = Number(arg("articles") ?? 100_000);
  const outDir = resolve(arg("out") ?? mkdtempSync(join(os.tmpdir(), "arshif-eval-search-")));
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const code = codeTree();
  console.log(`measuring ${code.label}`);
  const dir = makeProject(code);
  try {
    const { files, imported } = await importCorpus(code, dir, n);
    const size = arg("partition-size");
    if (size) {
      const settings = join(dir, "content/site.yaml");
      writeFileSync(settings, readFileSync(settings, "utf8").replace(/^searchPartitionSize:.*$/m, `searchPartitionSize: ${Number(size)}`));
    }
    const t0 = Date.now();
    build(dir);
    const buildSeconds = (Date.now() - t0) / 1000;
    const site = join(dir, "_site");
    const pages = articlePages(site);
    await writePlainIndex(site, pages, join(site, "pagefind-plain"));
    console.log(`${files} corpus files, ${imported} imported, ${pages.size} Arabic article pages; build ${buildSeconds.toFixed(0)} s`);

    const runs: QueryRun[] = [];
    const server = await serve(site);
    try {
      await withBrowser(async (browser) => {
        const only = arg("only")?.split(",");
        const selected = only ? QUERIES.filter((q) => only.includes(q.q)) : QUERIES;
        const truths = selected.map((query) => {
          const re = compile(query.rule, query.q);
          return new Set([...pages.values()].filter((p) => re.test(p.norm)).map((p) => p.url));
        });
        // arshif: the real search page, one page load (or typing) per query.
        const opened = await openPage(browser, `${server.url}ar/search/`);
        const ours: SystemRun[] = [];
        for (const [i, query] of selected.entries()) {
          const t = Date.now();
          try {
            const r = await runArshif(opened.page, server.url, query);
            ours.push(judge(r.shown, truths[i]!, Date.now() - t, r.status));
          } catch (e) {
            ours.push(failed(e, Date.now() - t));
          }
          const s = ours[i]!;
          console.error(`arshif ${query.cls.padEnd(10)} ${query.q.padEnd(24)} relevant ${String(truths[i]!.size).padStart(4)}  ${s.error ? `ERROR ${s.error}` : `${s.hits}/${s.articles.length}`}  ${s.ms} ms`);
        }
        if (opened.pageErrors.length) console.error(`page errors: ${opened.pageErrors.slice(0, 5).join(" | ")}`);
        await opened.close();
        // Plain Pagefind: its own JS API in a page of the same site (a page with no script of ours), loaded once.
        const other = await openPage(browser, `${server.url}ar/`);
        for (const [i, query] of selected.entries()) {
          const t = Date.now();
          let plain: SystemRun;
          try {
            plain = judge(await runPlain(other.page, query.q), truths[i]!, Date.now() - t);
          } catch (e) {
            plain = failed(e, Date.now() - t);
          }
          runs.push({ cls: query.cls, q: query.q, rule: query.rule, relevant: truths[i]!.size, arshif: ours[i]!, plain });
        }
        await other.close();
      });
    } finally {
      await server.close();
    }
    writeFileSync(join(outDir, "pages.json"), JSON.stringify(Object.fromEntries([...pages.values()].map((p) => [p.url, p.norm]))));
    report(runs, pages, { code: code.label, files, imported, pages: pages.size, buildSeconds, seconds: (Date.now() - started) / 1000, outDir }, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (code.temporary) rmSync(code.dir, { recursive: true, force: true });
  }
}

interface RunInfo {
  code: string;
  files: number;
  imported: number;
  pages: number;
  buildSeconds: number;
  seconds: number;
  outDir: string;
}

function report(runs: QueryRun[], pages: Map<string, ArticlePage>, info: RunInfo, details: boolean): void {
  const classes = Object.keys(CLASSES) as ClassId[];
  const rows: string[] = [];
  const all = { arshif: zero(), plain: zero() };
  for (const c of classes) {
    const a = zero();
    const p = zero();
    for (const r of runs.filter((x) => x.cls === c)) {
      addTo(a, r.relevant, r.arshif);
      addTo(p, r.relevant, r.plain);
      if (c !== "english") {
        addTo(all.arshif, r.relevant, r.arshif);
        addTo(all.plain, r.relevant, r.plain);
      }
    }
    rows.push(`| ${CLASSES[c]} | ${a.queries} | ${a.relevant} | ${a.returned} | ${f2(recall(a))} / ${f2(precision(a))} | ${p.returned} | ${f2(recall(p))} / ${f2(precision(p))} |`);
  }
  const A = all.arshif;
  const P = all.plain;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const out: string[] = [];
  out.push(`Code: ${info.code}. ${info.files} corpus files, ${info.imported} imported, ${info.pages} Arabic article pages. ${new Date().toISOString().slice(0, 16)}Z, ${cpu} × ${os.cpus().length}, Node ${process.version}; build ${info.buildSeconds.toFixed(0)} s, whole run ${info.seconds.toFixed(0)} s.`);
  out.push("");
  out.push("| class | queries | relevant | arshif returned | arshif recall / precision | plain returned | plain recall / precision |");
  out.push("|---|---:|---:|---:|---|---:|---|");
  out.push(...rows);
  out.push(`| **all Arabic** | ${A.queries} | ${A.relevant} | ${A.returned} | **${f3(recall(A))} / ${f3(precision(A))}** | ${P.returned} | **${f3(recall(P))} / ${f3(precision(P))}** |`);
  out.push("");
  const arabic = runs.filter((r) => r.cls !== "english");
  const unmarked = runs.reduce((s, r) => s + r.arshif.unmarked, 0);
  const unmarkedWrong = runs.reduce((s, r) => s + r.arshif.unmarkedWrong, 0);
  const returned = runs.reduce((s, r) => s + r.arshif.articles.length, 0);
  out.push(`arshif results without a visible match (no <mark> in the result): ${unmarked} of ${returned} article results (${unmarkedWrong} of them wrong).`);
  const absent = runs.filter((r) => r.cls === "absent");
  const absentA = absent.filter((r) => r.arshif.articles.length > 0);
  const absentP = absent.filter((r) => r.plain.articles.length > 0);
  out.push(`Words in no article that returned something: arshif ${absentA.length} of ${absent.length} (${absentA.map((r) => `${r.q} ${r.arshif.articles.length}`).join(", ") || "none"}); plain ${absentP.length} of ${absent.length} (${absentP.map((r) => `${r.q} ${r.plain.articles.length}`).join(", ") || "none"}).`);
  const nonArticle = runs.reduce((s, r) => s + r.arshif.shown.filter((x) => !x.url.startsWith("/ar/articles/")).length, 0);
  out.push(`arshif results that are not Arabic article pages (not scored): ${nonArticle}.`);
  const copies = arabic.reduce((s, r) => s + r.arshif.copies, 0);
  const copyHits = arabic.reduce((s, r) => s + r.arshif.copies - r.arshif.wrong.filter((u) => !r.arshif.shown.some((x) => x.url === u && !x.copy)).length, 0);
  out.push(`arshif Arabic-query results shown only as another copy of a listed text (counted as results): ${copies} (${copyHits} of them relevant).`);
  const errors = runs.filter((r) => r.arshif.error || r.plain.error);
  if (errors.length) out.push(`Queries that failed: ${errors.map((r) => `${r.q} (${r.arshif.error ?? ""}${r.plain.error ? ` plain: ${r.plain.error}` : ""})`).join("; ")}`);
  const slow = (key: "arshif" | "plain") => [...runs].sort((a, b) => b[key].ms - a[key].ms).slice(0, 5).map((r) => `${r.q} ${(r[key].ms / 1000).toFixed(1)} s (${r[key].articles.length} results)`).join(", ");
  out.push(`Slowest arshif queries (page load or typing until every result is listed): ${slow("arshif")}.`);
  out.push(`Slowest plain queries: ${slow("plain")}.`);
  out.push("");
  // Disputed judgements: the same results judged under the other reading.
  out.push("Disputed judgements (the table above uses the committed rule; here the other reading, scripts/eval-search/disputes.ts):");
  out.push("");
  out.push("| query | reading | relevant | arshif recall / precision | plain recall / precision |");
  out.push("|---|---|---:|---|---|");
  const altAll = { arshif: zero(), plain: zero() };
  const disputed = new Map(DISPUTES.map((d) => [d.q, d]));
  for (const r of runs) {
    const d = disputed.get(r.q);
    const truth = d ? truthOf(d.rule, d.q, pages) : undefined;
    const ra = truth ? judge(r.arshif.shown, truth, r.arshif.ms) : r.arshif;
    const rp = truth ? judge(r.plain.shown.length ? r.plain.shown : r.plain.articles.map((url) => ({ url, title: "", excerpt: "", marked: false })), truth, r.plain.ms) : r.plain;
    const rel = truth ? truth.size : r.relevant;
    if (r.cls !== "english") {
      addTo(altAll.arshif, rel, ra);
      addTo(altAll.plain, rel, rp);
    }
    if (!d) continue;
    const one = (x: SystemRun, n: number) => { const s = zero(); addTo(s, n, x); return `${f2(recall(s))} / ${f2(precision(s))}`; };
    out.push(`| ${r.q} | committed | ${r.relevant} | ${one(r.arshif, r.relevant)} | ${one(r.plain, r.relevant)} |`);
    out.push(`| ${r.q} | other | ${rel} | ${one(ra, rel)} | ${one(rp, rel)} |`);
  }
  out.push(`| **all Arabic** | other readings | ${altAll.arshif.relevant} | **${f3(recall(altAll.arshif))} / ${f3(precision(altAll.arshif))}** | **${f3(recall(altAll.plain))} / ${f3(precision(altAll.plain))}** |`);
  out.push("");
  out.push("| English query | relevant Arabic articles | arshif found / returned | plain found / returned |");
  out.push("|---|---:|---:|---:|");
  for (const r of runs.filter((x) => x.cls === "english")) out.push(`| ${r.q} | ${r.relevant} | ${r.arshif.hits} / ${r.arshif.articles.length} | ${r.plain.hits} / ${r.plain.articles.length} |`);
  out.push("");
  out.push("| query | class | relevant | arshif found / returned (unmarked) | plain found / returned |");
  out.push("|---|---|---:|---:|---:|");
  for (const r of arabic) out.push(`| ${r.q} | ${r.cls} | ${r.relevant} | ${r.arshif.hits} / ${r.arshif.articles.length} (${r.arshif.unmarked}) | ${r.plain.hits} / ${r.plain.articles.length} |`);
  const summary = out.join("\n");
  console.log(summary);

  // Every wrong result and every miss, to read.
  const lines: string[] = [`# Wrong results and misses — ${info.code}`, ""];
  const titleOf = (u: string) => pages.get(u)?.headline ?? "(not an article page)";
  for (const r of runs) {
    const re = compile(r.rule, r.q);
    lines.push(`## ${r.q} (${r.cls}) — relevant ${r.relevant}; arshif ${r.arshif.hits}/${r.arshif.articles.length}; plain ${r.plain.hits}/${r.plain.articles.length}`);
    for (const key of ["arshif", "plain"] as const) {
      const s = r[key];
      if (s.error) lines.push(`- ${key} ERROR: ${s.error}`);
      const byUrl = new Map(s.shown.map((x) => [x.url, x]));
      for (const u of s.wrong) {
        const x = byUrl.get(u)!;
        lines.push(`- ${key} WRONG${x.marked ? "" : " (no mark)"}${x.copy ? " (as a copy)" : ""} ${u} «${cut(x.title, 100)}» — ${cut(x.excerpt)}`);
      }
      for (const u of s.missed) lines.push(`- ${key} MISSED ${u} «${cut(titleOf(u), 100)}» — ${pages.get(u) ? context(pages.get(u)!, re) : ""}`);
    }
    lines.push("");
  }
  if (!details) {
    writeFileSync(join(info.outDir, "summary-rescored.md"), summary + "\n");
    return;
  }
  writeFileSync(join(info.outDir, "summary.md"), summary + "\n");
  writeFileSync(join(info.outDir, "wrong-and-missed.md"), lines.join("\n"));
  writeFileSync(
    join(info.outDir, "results.json"),
    JSON.stringify(
      { info, runs: runs.map((r) => ({ ...r, arshif: { ...r.arshif, shown: r.arshif.shown.map((s) => ({ url: s.url, marked: s.marked, ...(s.copy ? { copy: true } : {}) })) }, plain: { ...r.plain, shown: r.plain.shown.map((s) => ({ url: s.url, marked: s.marked })) } })) },
      null,
      1,
    ),
  );
  console.log(`\nWritten: ${join(info.outDir, "summary.md")}, wrong-and-missed.md, results.json (they quote corpus text: keep them out of the repo)`);
}

await main();
