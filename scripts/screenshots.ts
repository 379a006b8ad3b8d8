/**
 * Screenshots of every kind of page at a desktop and a phone size, for review.
 *
 *   npm run screenshots [-- --site <built _site dir>] [--out screenshots] [--corpus n]
 *
 * Without --site, a throwaway project is built: the bundled articles plus n
 * (default 200) articles of ../shared/corpus imported as a user would (skipped
 * when the corpus is absent), with the search index. Pages are served locally
 * and opened in the test Chromium (test/helpers/browser.ts); each kind of page
 * (test/helpers/pages.ts) is written as <out>/<kind>-<size>.png (the first
 * screen) and <out>/<kind>-<size>-full.png (the whole page).
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { withBrowser, openPage } from "../test/helpers/browser.ts";
import { serve } from "../test/helpers/serve.ts";
import { makeProject, build, cleanup } from "../test/helpers/project.ts";
import { importCorpusSample } from "../test/helpers/recall.ts";
import { pagesOfEachKind, VIEWPORTS } from "../test/helpers/pages.ts";

function args(argv: string[]) {
  const o = { site: "", out: "screenshots", corpus: 200 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--site" && argv[i + 1]) o.site = argv[++i]!;
    else if (a === "--out" && argv[i + 1]) o.out = argv[++i]!;
    else if (a === "--corpus" && argv[i + 1]) o.corpus = Number(argv[++i]);
    else {
      console.error(`unknown argument ${a}\nusage: npm run screenshots -- [--site dir] [--out dir] [--corpus n]`);
      process.exit(2);
    }
  }
  return o;
}

async function main() {
  const o = args(process.argv.slice(2));
  let project = "";
  let site = o.site ? resolve(o.site) : "";
  if (!site) {
    project = makeProject({}, { bundledContent: true });
    const n = await importCorpusSample(project, o.corpus);
    console.log(`building ${n} corpus articles and the bundled ones in ${project}`);
    const r = build(project);
    if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
    site = join(project, "_site");
  }
  const out = resolve(o.out);
  mkdirSync(out, { recursive: true });
  const server = await serve(site);
  try {
    await withBrowser(async (browser) => {
      for (const pg of pagesOfEachKind(site)) {
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          const opened = await openPage(browser, server.url + pg.path.slice(1), { viewport, status: pg.status });
          try {
            if (pg.query) {
              await opened.page.fill("#q", pg.query);
              await opened.page.press("#q", "Enter");
              await opened.page.waitForSelector("#search-results li", { timeout: 20_000 }).catch(() => {});
            }
            await opened.settle();
            // The first screen (what a reader sees on arrival) and the whole page.
            const file = join(out, `${pg.kind}-${size}.png`);
            await opened.page.screenshot({ path: file });
            await opened.page.screenshot({ path: join(out, `${pg.kind}-${size}-full.png`), fullPage: true });
            console.log(`${file}  ${pg.path}`);
          } finally {
            await opened.close();
          }
        }
      }
    });
  } finally {
    await server.close();
    if (project) cleanup(project);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
