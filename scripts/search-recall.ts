/**
 * Recall and precision of the search, per phenomenon: arshif's index (its own
 * Arabic analyser, searched from the real search page in Chromium) against
 * plain Pagefind (its normal HTML indexing, Snowball Arabic stemmer) over the
 * same Arabic article pages. Ground truth: test/helpers/recall.ts.
 *
 *   npm run recall:search                 # bundled seeds + the whole corpus
 *   npm run recall:search -- --articles 300
 *
 * Needs ../shared/corpus/ (third-party test data, read in place).
 */
import { join } from "node:path";
import os from "node:os";
import * as pagefind from "pagefind";
import { makeProject, build, cleanup } from "../test/helpers/project.ts";
import { hasCorpus } from "../test/helpers/corpus.ts";
import { serve } from "../test/helpers/serve.ts";
import { withBrowser, openPage } from "../test/helpers/browser.ts";
import { PHENOMENA, arabicTexts, truth, importCorpusSample, collectResults, searchUrl, score, add, rates, type Score } from "../test/helpers/recall.ts";
import { load } from "../test/helpers/site.ts";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Plain Pagefind over the same Arabic pages: headline and body as HTML with lang="ar", indexed the normal way. */
async function writePlainIndex(site: string, urls: string[], outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const url of urls) {
      const $ = load(site, `${url.slice(1)}index.html`);
      $(".body .visually-hidden").remove();
      const title = $("h1").first().text();
      const body = $(".body p").map((_, p) => `<p>${esc($(p).text())}</p>`).get().join("\n");
      const content = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
      const r = await index.addHTMLFile({ url, content });
      if (r.errors.length) throw new Error(`${url}: ${r.errors.join("; ")}`);
    }
    const w = await index.writeFiles({ outputPath: outDir });
    if (w.errors.length) throw new Error(w.errors.join("; "));
  } finally {
    await pagefind.close();
  }
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + " %";

async function main(): Promise<void> {
  if (!hasCorpus) {
    console.error("../shared/corpus/ is not there: nothing to measure.");
    process.exit(1);
  }
  const n = Number(arg("articles") ?? 100_000);
  const started = Date.now();
  const dir = makeProject({}, { bundledContent: true });
  try {
    const imported = await importCorpusSample(dir, n);
    const r = build(dir);
    if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}${r.stdout}`);
    const site = join(dir, "_site");
    const texts = arabicTexts(site);
    await writePlainIndex(site, [...texts.keys()], join(site, "pagefind-plain"));
    const server = await serve(site);
    const rows: string[] = [];
    const details: string[] = [];
    try {
      await withBrowser(async (browser) => {
        const p = await openPage(browser, searchUrl(server.url, "ar", {}));
        const { page } = p;
        for (const ph of PHENOMENA) {
          let ours: Score = { relevant: 0, returned: 0, hits: 0 };
          let plain: Score = { relevant: 0, returned: 0, hits: 0 };
          for (const query of ph.queries) {
            const relevant = truth(texts, query);
            await page.goto(searchUrl(server.url, "ar", { q: query.q, lang: "ar" }));
            const mine = await collectResults(page, "/", 60_000);
            const theirs: string[] = await page.evaluate(async (q) => {
              const pf = await import(new URL("/pagefind-plain/pagefind.js", location.href).href);
              await pf.init();
              const res = await pf.search(q);
              return Promise.all(res.results.map(async (x: { data(): Promise<{ url: string }> }) => (await x.data()).url));
            }, query.q);
            const o = score(mine.urls, relevant);
            const t = score(theirs, relevant);
            ours = add(ours, o);
            plain = add(plain, t);
            const a = rates(o);
            const b = rates(t);
            details.push(`| ${query.q} | ${relevant.size} | ${o.returned} | ${pct(a.recall)} | ${pct(a.precision)} | ${t.returned} | ${pct(b.recall)} | ${pct(b.precision)} |`);
          }
          const a = rates(ours);
          const b = rates(plain);
          rows.push(`| ${ph.name} | ${ph.queries.length} | ${ours.relevant} | ${pct(a.recall)} | ${pct(a.precision)} | ${pct(b.recall)} | ${pct(b.precision)} |`);
        }
        await p.close();
      });
    } finally {
      await server.close();
    }
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`Arabic article pages: ${texts.size} (2 bundled + ${imported} corpus articles); ${new Date().toISOString().slice(0, 10)}, ${cpu} × ${os.cpus().length}, Node ${process.version}, ${Math.round((Date.now() - started) / 1000)} s`);
    console.log("");
    console.log("| phenomenon | queries | relevant | ours recall | ours precision | plain recall | plain precision |");
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) console.log(r);
    console.log("");
    console.log("| query | relevant | ours returned | ours recall | ours precision | plain returned | plain recall | plain precision |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const d of details) console.log(d);
  } finally {
    cleanup(dir);
  }
}

await main();
