/**
 * `npx tsx bench/search-index.ts --articles N [--partition-size P] [--runs K] [--dir D]`
 *
 * The search index step alone, in ways side by side in one run (A B C D A B C D …):
 * records sent one by one or all at once, partitions built in this process
 * one after another (the build before 2026-12-04: one by one) or in 2 worker processes. Each way
 * runs in a fresh process measured from /proc (bench/measure.ts) over the
 * step only: wall, CPU of the whole tree (Pagefind's processes included), peak
 * resident memory of the tree. The site data is loaded first in each process
 * and not counted.
 */
import { parseArgs } from "node:util";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { makeBenchProject, REPO } from "./generate.ts";
import { measure, window } from "./measure.ts";

const WAYS = {
  "one by one, 1 process": { jobs: 1, oneByOne: true },
  "all at once, 1 process": { jobs: 1, oneByOne: false },
  "all at once, 2 workers": { jobs: 2, oneByOne: false },
  "one by one, 2 workers": { jobs: 2, oneByOne: true },
} as const;
type Way = keyof typeof WAYS;

async function child(dir: string, way: Way): Promise<void> {
  const { loadSite } = await import("../src/site/load.ts");
  const { writeSearchIndex } = await import("../src/search/pagefind.ts");
  const loaded = loadSite({ root: dir });
  if (!loaded.site) throw new Error(`the archive in ${dir} did not load: ${loaded.errors.length} error(s)`);
  const out = mkdtempSync(join(tmpdir(), "arshif-search-index-"));
  try {
    const from = Date.now();
    const r = await writeSearchIndex(loaded.site, out, WAYS[way]);
    const to = Date.now();
    process.stdout.write(JSON.stringify({ from, to, ...r }) + "\n");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "2000" },
      "partition-size": { type: "string" },
      runs: { type: "string", default: "1" },
      seed: { type: "string", default: "20250916" },
      dir: { type: "string" },
      child: { type: "string" },
    },
  });
  if (values.child) return child(resolve(values.dir!), values.child as Way);
  const n = Number(values.articles);
  const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), "arshif-bench-"));
  const genFile = join(dir, "generated.json");
  const reuse = existsSync(genFile) ? (JSON.parse(readFileSync(genFile, "utf8")) as { articles: number; seed: number }) : undefined;
  if (!reuse || reuse.articles !== n || reuse.seed !== Number(values.seed)) {
    const gen = makeBenchProject(dir, n, Number(values.seed));
    writeFileSync(genFile, JSON.stringify({ ...gen, seed: Number(values.seed) }));
  }
  if (values["partition-size"]) {
    const f = join(dir, "content/site.yaml");
    const yaml = readFileSync(f, "utf8").replace(/^searchPartitionSize:.*$/m, "");
    writeFileSync(f, `${yaml.trimEnd()}\nsearchPartitionSize: ${Number(values["partition-size"])}\n`);
  }
  const rows = Object.fromEntries(Object.keys(WAYS).map((w) => [w, []])) as unknown as Record<Way, { wallMs: number; cpuMs: number; peakMb: number; byKind: Record<string, number> }[]>;
  let partitions = 0;
  let records = 0;
  for (let i = 0; i < Number(values.runs); i++) {
    for (const way of Object.keys(WAYS) as Way[]) {
      const m = await measure(join(REPO, "node_modules/.bin/tsx"), [join(REPO, "bench/search-index.ts"), "--child", way, "--dir", dir], { cwd: REPO });
      if (m.code !== 0) throw new Error(`${way} failed:\n${m.stderr.slice(-3000)}`);
      const r = JSON.parse(m.stdout.trim().split("\n").pop()!) as { from: number; to: number; records: number; partitions: number };
      ({ partitions, records } = r);
      const w = window(m.samples, r.from, r.to);
      rows[way].push({ wallMs: r.to - r.from, cpuMs: w.cpuMs, peakMb: w.peakRss / 2 ** 20, byKind: w.peakByKind });
      console.error(`[search-index] ${way}: ${((r.to - r.from) / 1000).toFixed(1)} s wall, ${(w.cpuMs / 1000).toFixed(1)} s CPU, peak ${(w.peakRss / 2 ** 20).toFixed(0)} MB`);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  console.log(`search index step: ${n} articles, ${records} records, ${partitions} partitions, median of ${values.runs} run(s)`);
  console.log("way                      wall s  CPU s  peak MB (tree)");
  for (const [way, rs] of Object.entries(rows)) {
    console.log(`${way.padEnd(24)} ${(med(rs.map((r) => r.wallMs)) / 1000).toFixed(1).padStart(6)} ${(med(rs.map((r) => r.cpuMs)) / 1000).toFixed(1).padStart(6)} ${med(rs.map((r) => r.peakMb)).toFixed(0).padStart(8)}`);
  }
  if (!values.dir) rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
