/**
 * `npx tsx bench/search-step.ts <project> <out> <cache-dir | none> [src]`
 *
 * The search index step alone, as the pipeline runs it with the build cache
 * (partition reuse and the record cache), on a project's loaded site: prints
 * one JSON line with the step's wall time, this process's CPU over the step
 * (Pagefind's own process not included), records made and reused, partitions
 * reused and where the record cache's time went. Run it again after an edit
 * to see what a rebuild remakes. `src` (default: this checkout's) lets a
 * frozen copy of the code be measured: the cache is keyed by the code, so
 * code edited between runs makes everything again.
 */
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

async function main(): Promise<void> {
  const [root, out, cacheDir, srcArg] = process.argv.slice(2);
  if (!root || !out || !cacheDir) throw new Error("usage: bench/search-step.ts <project> <out> <cache-dir | none> [src]");
  const src = resolve(srcArg ?? new URL("../src", import.meta.url).pathname);
  const { loadSite } = (await import(`${src}/site/load.ts`)) as typeof import("../src/site/load.ts");
  const { writeSearchIndex } = (await import(`${src}/search/pagefind.ts`)) as typeof import("../src/search/pagefind.ts");
  const { BuildCache, codeVersion } = (await import(`${src}/build/cache.ts`)) as typeof import("../src/build/cache.ts");
  const loaded = loadSite({ root: resolve(root) });
  if (!loaded.site) throw new Error(`the archive in ${root} did not load`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const cache = cacheDir === "none" ? undefined : new BuildCache(resolve(cacheDir), codeVersion(resolve(root)));
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const r = await writeSearchIndex(loaded.site, out, {
    reuse: cache && {
      key: (hashes) => cache.partitionKey(hashes),
      restore: (key, dir) => cache.restorePartition(key, dir),
      save: (key, dir) => cache.savePartition(key, dir),
      records: { dir: cache.dir, code: cache.code },
    },
  });
  const cpu = process.cpuUsage(cpu0);
  cache?.pruneSearch();
  console.log(JSON.stringify({ searchWallMs: Date.now() - t0, searchCpuMs: Math.round((cpu.user + cpu.system) / 1000), ...r, partitionsReused: cache?.stats.partitionsReused }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
