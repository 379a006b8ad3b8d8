import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { makeProject, build, cleanup } from "./helpers/project.ts";
import { htmlFiles, load } from "./helpers/site.ts";
import { serve, type Served } from "./helpers/serve.ts";
import { withBrowser, openPage, describeProblems } from "./helpers/browser.ts";

/*
 * The bundled site, built once as `npm run build` does, checked the way a
 * reader's browser and the standards see it: valid HTML (Nu Html Checker),
 * no accessibility violations (axe-core), and — under its own CSP, without
 * and with a path prefix — no blocked resource, console error or request
 * to another host.
 */

const require = createRequire(import.meta.url);
const VNU_JAR = require.resolve("vnu-jar/build/dist/vnu.jar");
const AXE = require.resolve("axe-core/axe.min.js");

let dir = "";
let site = "";
let prefixed = "";
let sample: string[] = [];
let vnu: Promise<VnuResult>;

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}
interface VnuResult {
  code: number | null;
  messages: VnuMessage[];
  raw: string;
}

/**
 * One page of every kind in each language: the first (in path order) of each
 * URL shape, where path segments after the section are wildcards —
 * ar/dates/*, ar/dates/ * / *, ar/articles/*, ar/entities/* … — plus the
 * root and 404 pages. New kinds of pages are picked up without editing this.
 */
function samplePages(root: string): string[] {
  const byShape = new Map<string, string>();
  for (const f of htmlFiles(root)) {
    const segs = f.split("/").slice(0, -1);
    const shape = [...segs.slice(0, 2), ...segs.slice(2).map(() => "*"), f.split("/").pop()].join("/");
    if (!byShape.has(shape)) byShape.set(shape, f);
  }
  return [...byShape.values()].sort();
}

/** URL path (relative to the site root) a browser opens for an output file; search pages get a query. */
function pathFor(file: string): string {
  const path = file.replace(/(^|\/)index\.html$/, "$1");
  if (/^(ar|en)\/search\/$/.test(path)) return `${path}?q=${encodeURIComponent(searchWord(file.slice(0, 2) as "ar" | "en"))}`;
  return path;
}

/** A word every language's search finds: the longest word of the first article's headline. */
function searchWord(lang: "ar" | "en"): string {
  const article = sample.find((f) => f.startsWith(`${lang}/articles/`))!;
  const words = load(site, article)("h1").text().split(/[\s،,.:;"'()]+/u);
  return words.sort((a, b) => b.length - a.length)[0]!;
}

function runVnu(root: string, files: string[]): Promise<VnuResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("java", ["-Xss4m", "-jar", VNU_JAR, "--format", "json", "--errors-only", ...files], { cwd: root });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const json = out.slice(out.indexOf("{"));
      try {
        resolve({ code, messages: (JSON.parse(json) as { messages: VnuMessage[] }).messages, raw: out });
      } catch {
        resolve({ code, messages: [{ type: "fatal", message: `could not read vnu's output: ${out.slice(0, 2000)}` }], raw: out });
      }
    });
  });
}

before(() => {
  dir = makeProject({}, { bundledContent: true });
  const r = build(dir);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  site = join(dir, "_site");
  sample = samplePages(site);
  const p = build(dir, ["--pathprefix=/archive/", "--output=_site-prefixed"]);
  assert.equal(p.code, 0, p.stderr + p.stdout);
  prefixed = join(dir, "_site-prefixed");
  // Java starts slowly: validate both builds in one run, in the background while the browser tests run.
  vnu = runVnu(dir, [...sample.map((f) => join("_site", f)), ...sample.map((f) => join("_site-prefixed", f))]);
});
after(async () => {
  await vnu?.catch(() => undefined);
  cleanup(dir);
});

test("the sample covers every required kind of page in both languages", () => {
  const required = ["index.html", "404.html"];
  for (const lang of ["ar", "en"]) {
    required.push(`${lang}/index.html`, `${lang}/dates/index.html`, `${lang}/dates/*/index.html`, `${lang}/dates/*/*/index.html`, `${lang}/dates/*/*/*/index.html`);
    required.push(`${lang}/articles/*/index.html`, `${lang}/entities/index.html`, `${lang}/entities/*/index.html`);
    if (existsSync(join(site, lang, "search/index.html"))) required.push(`${lang}/search/index.html`);
  }
  const shapes = sample.map((f) => f.split("/").map((s, i, a) => (i >= 2 && i < a.length - 1 ? "*" : s)).join("/"));
  for (const r of required) assert.ok(shapes.includes(r), `sample has ${r}: ${sample.join(", ")}`);
});

/** Errors already diagnosed, with the fix (see the final report of the test suite's author). */
const KNOWN: [RegExp, string][] = [
  [
    /Bad value “” for attribute “action” on element “form”/,
    'BUG in _includes/layouts/search.njk (the <form id="search-form"> line): action="" is invalid HTML; remove the action attribute (a form without one submits to its own page, which is what "" meant). With --pathprefix Eleventy rewrites it to ".", so only the unprefixed build shows it.',
  ],
];

test("the sampled pages are valid HTML (Nu Html Checker), without and with a path prefix", async () => {
  const result = await vnu;
  const errors = result.messages.filter((m) => m.type === "error" || m.type === "fatal" || m.subType === "fatal");
  const readable = errors.map((m) => {
    const file = (m.url ?? "").replace(/^file:/, "").replace(dir + "/", "");
    const known = KNOWN.find(([re]) => re.test(m.message));
    return `${file}:${m.lastLine ?? "?"}:${m.lastColumn ?? "?"} ${m.message}\n    ${(m.extract ?? "").replace(/\n/g, "⏎")}${known ? `\n    → ${known[1]}` : ""}`;
  });
  assert.equal(errors.length, 0, `vnu found ${errors.length} error(s) in ${sample.length * 2} pages:\n${readable.join("\n")}`);
  assert.equal(result.code, 0, result.raw.slice(0, 2000));
});

// Each browser test launches its own Chromium (a few hundred ms) so a crash cannot leak into the next.
async function inBrowser(root: string, prefix: string, fn: (b: Browser, s: Served) => Promise<void>): Promise<void> {
  const s = await serve(root, prefix);
  try {
    await withBrowser((b) => fn(b, s));
  } finally {
    await s.close();
  }
}

async function settle(page: import("playwright-core").Page, path: string): Promise<void> {
  // The search page searches from its URL: wait for results, so the index and WebAssembly load too.
  if (path.includes("search/?q=")) await page.waitForSelector("#search-results li", { timeout: 15_000 });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

test("no accessibility violations (axe-core) on the sampled pages", async () => {
  // The site's CSP forbids inline scripts, so page.addScriptTag cannot inject axe:
  // this context alone bypasses CSP, and the CSP is checked in the next tests.
  const found: string[] = [];
  await inBrowser(site, "/", async (browser, s) => {
    for (const f of sample) {
      const path = pathFor(f);
      const p = await openPage(browser, s.url + path, { bypassCSP: true });
      try {
        await settle(p.page, path);
        await p.page.addScriptTag({ path: AXE });
        const violations = await p.page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ["violations"] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
        });
        for (const v of violations) {
          found.push(`${path}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`).join("\n")}`);
        }
      } finally {
        await p.close();
      }
    }
  });
  assert.equal(found.length, 0, `axe found violations:\n${found.join("\n")}`);
});

async function checkUnderCsp(root: string, prefix: string): Promise<void> {
  const found: string[] = [];
  let requests = 0;
  await inBrowser(root, prefix, async (browser, s) => {
    const visits: { path: string; status: number }[] = sample.map((f) => ({ path: pathFor(f), status: 200 }));
    // What a reader gets for a missing page: the 404 page, styled, from any depth.
    visits.push({ path: "ar/no/such/page/", status: 404 });
    for (const { path, status } of visits) {
      const p = await openPage(browser, s.url + path, { status });
      try {
        await settle(p.page, path);
        // Let late requests (fonts, workers, the search index) start and finish.
        await p.settle();
        const problems = describeProblems(p);
        for (const r of p.requests) {
          if (!new URL(r.url).pathname.startsWith(prefix) && !/^(data|blob):/.test(r.url)) problems.push(`request outside ${prefix}: ${r.url}`);
        }
        requests += p.requests.length;
        // The stylesheet applied: the CSP did not silently block it.
        const rules = await p.page.evaluate(() => [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0));
        if (rules === 0) problems.push("no stylesheet applied");
        for (const x of problems) found.push(`${prefix}${path}: ${x}`);
      } finally {
        await p.close();
      }
    }
  });
  assert.ok(requests > sample.length * 2, `pages loaded their assets (${requests} requests)`);
  assert.equal(found.length, 0, `problems under the site's CSP:\n${found.join("\n")}`);
}

test("under the site's own CSP: no violations, console errors or requests to other hosts", async () => {
  await checkUnderCsp(site, "/");
});

test("the same under --pathprefix=/archive/, served below /archive/", async () => {
  await checkUnderCsp(prefixed, "/archive/");
});
