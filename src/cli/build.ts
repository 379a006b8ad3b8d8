import { parseArgs } from "node:util";
import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve, basename, dirname, join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { loadSite } from "../site/load.ts";
import { setPreloaded } from "../site/eleventy-data.ts";
import { renderBatches } from "../site/batches.ts";
import { report } from "../site/report.ts";
import { writeSearchIndex } from "../search/pagefind.ts";
import { writeFileSync } from "node:fs";

/**
 * `npm run build`: validate all content, render into a fresh directory, and
 * only then replace the output — a failed build leaves the previous site as it was.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      pathprefix: { type: "string", default: "/" },
      output: { type: "string", default: "_site" },
      quiet: { type: "boolean", default: false },
      "no-search": { type: "boolean", default: false },
    },
    allowPositionals: false,
  });
  const root = process.cwd();
  const output = resolve(root, values.output!);
  const started = performance.now();
  // Wall-clock marks (ms since the epoch) so the benchmark can split sampled CPU and memory by phase.
  const marks: Record<string, number> = { at_start: Date.now() };

  const loaded = loadSite({ root, pathPrefix: values.pathprefix! });
  if (loaded.errors.length || !loaded.site) {
    for (const e of loaded.errors) console.error(e.format());
    console.error(report(loaded.result, false, loaded.errors));
    console.error(`Build stopped: ${loaded.errors.length} content error(s). ${basename(output)}/ was not changed.`);
    return 1;
  }
  setPreloaded(loaded.site);
  const timings: Record<string, number> = { ...loaded.timings, ...marks };
  // The benchmark reads per-phase times from here (written after each phase, so a build that dies still tells how far it got).
  const saveTimings = () => process.env.ARSHIF_TIMINGS && writeFileSync(process.env.ARSHIF_TIMINGS, JSON.stringify(timings));
  saveTimings();

  const tmp = join(dirname(output), `${basename(output)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    // The search index first: Pagefind's process then runs while this one holds
    // only the site data, not also Eleventy's rendered pages (bench/: 10k articles).
    let t = performance.now();
    timings.at_search = Date.now();
    if (!values["no-search"]) await writeSearchIndex(loaded.site, tmp);
    timings.search = performance.now() - t;
    saveTimings();
    t = performance.now();
    timings.at_eleventy = Date.now();
    // One Eleventy run per batch of pages: the heap needed stays bounded as the archive grows.
    for (const view of renderBatches(loaded.site, loaded.site.settings.renderBatchSize)) {
      setPreloaded(view);
      const elev = new Eleventy("content", tmp, { configPath: "eleventy.config.ts", pathPrefix: values.pathprefix!, quietMode: true });
      await elev.write();
    }
    setPreloaded(loaded.site);
    timings.eleventy = performance.now() - t;
    timings.at_end = Date.now();
    swap(tmp, output);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`Build failed: ${(e as Error).message}`);
    console.error(`${basename(output)}/ was not changed.`);
    if (process.env.DEBUG) console.error(e);
    return 1;
  }
  const site = loaded.site;
  saveTimings();
  console.log(report(loaded.result, true, []));
  console.log(`Wrote ${site.counts.pages + 2} pages to ${basename(output)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

/** Replaces `output` with `fresh` in two renames; the old tree is removed only afterwards. */
function swap(fresh: string, output: string): void {
  if (!existsSync(join(fresh, "index.html"))) throw new Error(`the new site in ${fresh} is incomplete`);
  if (existsSync(output)) {
    const old = `${output}.old-${process.pid}`;
    renameSync(output, old);
    try {
      renameSync(fresh, output);
    } catch (e) {
      renameSync(old, output);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(fresh, output);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
