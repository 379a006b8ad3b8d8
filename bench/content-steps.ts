/**
 * `npx tsx bench/content-steps.ts <project> [cache-dir]`
 *
 * Runs the build's content steps (load, tag, related, page model) the way
 * src/build/pipeline.ts calls them, in this process, and prints each step's
 * wall and CPU milliseconds; with a cache folder, through the per-article
 * content cache (src/build/content-cache.ts), with what it reused. The code
 * version is fixed ("bench") so that edits to src/ during a series of runs
 * do not empty the cache. Make a project with bench/generate.ts
 * (makeBenchProject).
 */
import { loadContent, tagArticles } from "../src/site/load.ts";
import { relatedCoverage, buildPageModel } from "../src/archive/site.ts";
import { makeUrls } from "../src/site/urls.ts";
import { ContentCache } from "../src/build/content-cache.ts";

const [root, cacheDir] = process.argv.slice(2);
if (!root) throw new Error("usage: npx tsx bench/content-steps.ts <project> [cache-dir]");
function time<T>(label: string, fn: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const out = fn();
  const c = process.cpuUsage(cpu);
  console.log(`${label.padEnd(10)} ${(performance.now() - wall).toFixed(0).padStart(7)} ms wall ${((c.user + c.system) / 1000).toFixed(0).padStart(7)} ms CPU`);
  return out;
}
const cache = cacheDir ? time("open", () => new ContentCache(cacheDir, "bench")) : undefined;
const content = time("load", () => loadContent({ root, ...(cache ? { articleCache: cache } : {}) }));
if (content.errors.length || !content.settings) throw new Error(content.errors.map((e) => e.format()).join("\n"));
const settings = content.settings;
const tags = time("tag", () => tagArticles(content.result.articles, content.entities, cache?.tags));
const coverage = time("related", () => relatedCoverage(content.result.articles, tags.tagsOf, settings, tags.evidence, cache?.sketches));
if (cache) time("save", () => cache.save());
time("pages", () => buildPageModel(coverage, content.entities, settings, makeUrls(settings.url, "/")));
if (cache) console.log(cache.stats);
console.log(`${content.result.articles.length} articles, ${coverage.pairs.length} text pairs`);
