/**
 * `npm run bench -- --articles N [--runs K] [--hugo] [--seed S] [--rebuild] [--no-transfer] [--keep] [--out file]`
 *
 * Generates an archive of N articles from the real text of ../shared/corpus
 * (bench/generate.ts), builds it with the real build (`tsx src/cli/build.ts`,
 * what `npm run build` runs) K times, and reports per phase wall time, CPU
 * time and peak memory of the whole process tree (Pagefind's child process
 * included), files and bytes written and pages per second; with --hugo, a
 * minimal Hugo site of the same articles is built in the same run,
 * interleaved (A B A B). Then what a browser fetches for one article page
 * and a first search. Writes JSON (bench/results/latest.json) and a table.
 */
import { parseArgs } from "node:util";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { tmpdir, cpus, totalmem } from "node:os";
import { extraArticle, makeBenchProject, REPO, CORPUS } from "./generate.ts";
import { measure, window, type Measured } from "./measure.ts";
import { makeHugoSite } from "./hugo.ts";
import { measureTransfer, type TransferReport } from "./transfer.ts";

const MB = 1024 * 1024;

interface Output {
  files: number;
  bytes: number;
  pages: number;
}

/** Files, bytes and HTML pages under `dir`, split into search index (pagefind*) and the rest. */
function countOutput(dir: string): { site: Output; search: Output } {
  const site: Output = { files: 0, bytes: 0, pages: 0 };
  const search: Output = { files: 0, bytes: 0, pages: 0 };
  const walk = (d: string, into: Output) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, d === dir && /^pagefind/.test(e.name) ? search : into);
      else {
        into.files++;
        into.bytes += statSync(p).size;
        if (e.name.endsWith(".html")) into.pages++;
      }
    }
  };
  walk(dir, site);
  return { site, search };
}

interface Phase {
  wallMs: number;
  cpuMs: number;
  peakRss: number;
}

interface ArshifRun {
  wallMs: number;
  cpuMs: number;
  peakTreeRss: number;
  maxRssOne: number;
  peakByKind: Record<string, number>;
  /** CPU ms per process kind (node, pagefind, esbuild), as last sampled. */
  cpuByKind: Record<string, number>;
  processes: number;
  phases: Record<"load" | "tag" | "related" | "pages" | "eleventy" | "search", Phase>;
  output: { site: Output; search: Output };
  /** Article pages written, per language. */
  articlePages: { ar: number; en: number };
  pagesPerSec: number;
  searchRecordsPerSec: number;
}

interface HugoRun {
  wallMs: number;
  cpuMs: number;
  peakTreeRss: number;
  output: Output;
  pagesPerSec: number;
  /** The plain Pagefind CLI over Hugo's output, right after it (`pagefind --site public`). */
  pagefind: { wallMs: number; cpuMs: number; peakTreeRss: number };
}

function peakByKind(m: Measured): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of m.processes) out[p.kind] = Math.max(out[p.kind] ?? 0, p.hwm);
  return out;
}

/**
 * Waits until what the last build handed to its background removal (the old
 * site beside `_site`, the cache's trash) is gone, at most two minutes: each
 * run is measured without the previous one's clean-up beside it on this
 * machine's two cores.
 */
async function settled(dir: string): Promise<void> {
  const pending = () =>
    readdirSync(dir).some((n) => n.startsWith("_site.old-")) || (existsSync(join(dir, ".arshif-cache/trash")) && readdirSync(join(dir, ".arshif-cache/trash")).length > 0);
  for (const until = Date.now() + 120_000; pending() && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
}

async function runArshif(dir: string, args: string[] = []): Promise<{ run: ArshifRun; m: Measured; timings: Record<string, number> }> {
  const timingsFile = join(dir, "timings.json");
  rmSync(timingsFile, { force: true });
  await settled(dir);
  const m = await measure(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--quiet", ...args], { cwd: dir, env: { ARSHIF_TIMINGS: timingsFile } });
  if (m.code !== 0) {
    const e = new Error(`arshif build failed (${m.code}):\n${m.stderr.slice(-4000)}\n${m.stdout.slice(-2000)}`);
    // What it cost until it failed, for the report.
    const reached = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, "utf8")) as Record<string, number>) : undefined;
    Object.assign(e, { measured: { code: m.code, timings: reached, wallMs: m.wallMs, cpuMs: m.cpuMs, peakTreeRss: m.peakTreeRss, peakByKind: peakByKind(m), stderr: m.stderr.slice(-4000) } });
    throw e;
  }
  const t = JSON.parse(readFileSync(timingsFile, "utf8")) as Record<string, number>;
  const loadEnd = t.at_start! + t.load!;
  const tagEnd = loadEnd + t.tag!;
  const w = (a: number, b: number) => window(m.samples, a, b);
  const phases: ArshifRun["phases"] = {
    load: { wallMs: t.load!, ...pick(w(t.at_start!, loadEnd)) },
    tag: { wallMs: t.tag!, ...pick(w(loadEnd, tagEnd)) },
    related: { wallMs: t.related!, ...pick(w(tagEnd, t.at_related! + t.related!)) },
    pages: { wallMs: t.pages!, ...pick(w(t.at_pages!, t.at_pages! + t.pages!)) },
    eleventy: { wallMs: t.eleventy!, ...pick(w(t.at_eleventy!, t.at_eleventy! + t.eleventy!)) },
    search: { wallMs: t.search!, ...pick(w(t.at_search!, t.at_search! + t.search!)) },
  };
  const output = countOutput(join(dir, "_site"));
  const articlePages = countArticles(join(dir, "_site"));
  const records = articlePages.ar + articlePages.en;
  return {
    m,
    timings: t,
    run: {
      wallMs: m.wallMs,
      cpuMs: m.cpuMs,
      peakTreeRss: m.peakTreeRss,
      maxRssOne: m.maxRssOne,
      peakByKind: peakByKind(m),
      cpuByKind: m.processes.reduce<Record<string, number>>((o, p) => ((o[p.kind] = (o[p.kind] ?? 0) + p.cpuMs), o), {}),
      processes: m.processes.length,
      phases,
      output,
      articlePages,
      pagesPerSec: output.site.pages / (t.eleventy! / 1000),
      searchRecordsPerSec: records / (t.search! / 1000),
    },
  };
}

function pick(x: { cpuMs: number; peakRss: number }): { cpuMs: number; peakRss: number } {
  return { cpuMs: x.cpuMs, peakRss: x.peakRss };
}

function countArticles(site: string): { ar: number; en: number } {
  const n = (lang: string) => (existsSync(join(site, lang, "articles")) ? readdirSync(join(site, lang, "articles")).length : 0);
  return { ar: n("ar"), en: n("en") };
}

async function runHugo(dir: string): Promise<HugoRun> {
  const out = join(dir, "public");
  rmSync(out, { recursive: true, force: true });
  const m = await measure("hugo", ["--quiet", "--source", dir, "--destination", out], { cwd: dir });
  if (m.code !== 0) throw new Error(`hugo failed (${m.code}):\n${m.stderr.slice(0, 4000)}`);
  const { site } = countOutput(out);
  const pf = await measure(join(REPO, "node_modules/.bin/pagefind"), ["--site", out], { cwd: dir });
  if (pf.code !== 0) throw new Error(`pagefind --site failed (${pf.code}):\n${pf.stderr.slice(0, 4000)}`);
  return {
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    peakTreeRss: m.peakTreeRss,
    output: site,
    pagesPerSec: site.pages / (m.wallMs / 1000),
    pagefind: { wallMs: pf.wallMs, cpuMs: pf.cpuMs, peakTreeRss: pf.peakTreeRss },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

/** Field-wise median of numbers (recursively) over runs of the same shape. */
function medianOf<T>(runs: T[]): T {
  const first = runs[0] as unknown;
  if (typeof first === "number") return median(runs as number[]) as T;
  if (first && typeof first === "object") {
    const keys = new Set(runs.flatMap((r) => Object.keys(r as object)));
    return Object.fromEntries([...keys].map((k) => [k, medianOf(runs.map((r) => (r as Record<string, unknown>)[k]).filter((v) => v !== undefined))])) as T;
  }
  return first as T;
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const mb = (b: number) => (b / MB).toFixed(0);
const kb = (b: number) => (b / 1024).toFixed(1);

function table(rows: (string | number)[][]): string {
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r, j) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]!) : String(c).padStart(w[i]!))).join("  ") + (j === 0 ? "\n" + w.map((x) => "-".repeat(x)).join("  ") : "")).join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "1000" },
      runs: { type: "string", default: "1" },
      hugo: { type: "boolean", default: false },
      seed: { type: "string", default: "20250916" },
      rebuild: { type: "boolean", default: false },
      "no-transfer": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      out: { type: "string", default: join(REPO, "bench/results/latest.json") },
      dir: { type: "string" },
      "partition-size": { type: "string" },
    },
    allowPositionals: false,
  });
  const n = Number(values.articles);
  const runs = Number(values.runs);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) throw new Error("--articles and --runs take positive whole numbers");
  if (!existsSync(join(CORPUS, "articles/articles.jsonl"))) throw new Error(`the corpus is not at ${CORPUS} (set ARSHIF_CORPUS)`);
  const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), "arshif-bench-"));
  const log = (m: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
  try {
    let t = Date.now();
    // --dir with an archive generated before (same N and seed) reuses it.
    const genFile = join(dir, "generated.json");
    const reuse = existsSync(genFile) ? (JSON.parse(readFileSync(genFile, "utf8")) as ReturnType<typeof makeBenchProject> & { seed: number }) : undefined;
    const gen = reuse && reuse.articles === n && reuse.seed === Number(values.seed) ? reuse : makeBenchProject(dir, n, Number(values.seed));
    writeFileSync(genFile, JSON.stringify({ ...gen, seed: Number(values.seed) }));
    if (values["partition-size"]) {
      // Only for tests of several partitions on a small archive: the setting of content/site.yaml, overridden.
      const f = join(dir, "content/site.yaml");
      const yaml = readFileSync(f, "utf8").replace(/^searchPartitionSize:.*$/m, "");
      writeFileSync(f, `${yaml.trimEnd()}\nsearchPartitionSize: ${Number(values["partition-size"])}\n`);
    }
    log(`generated ${gen.articles} articles + ${gen.translations} translations (${mb(gen.bytes)} MB of Markdown) in ${s(Date.now() - t)} s in ${dir}`);

    const arshif: ArshifRun[] = [];
    const hugo: HugoRun[] = [];
    const hugoDir = join(dir, "hugo");
    for (let i = 0; i < runs; i++) {
      log(`arshif run ${i + 1}/${runs} (cold: no previous output, empty build cache)…`);
      rmSync(join(dir, "_site"), { recursive: true, force: true });
      rmSync(join(dir, ".arshif-cache"), { recursive: true, force: true });
      let run: ArshifRun;
      try {
        ({ run } = await runArshif(dir));
      } catch (e) {
        const measured = (e as { measured?: unknown }).measured;
        if (measured) {
          mkdirSync(dirname(values.out!), { recursive: true });
          writeFileSync(values.out!, JSON.stringify({ date: new Date().toISOString(), articles: n, generated: gen, failed: measured }, null, 1) + "\n");
          log(`arshif run failed; measurements until the failure in ${values.out}`);
        }
        throw e;
      }
      arshif.push(run);
      log(`arshif run ${i + 1}: ${s(run.wallMs)} s wall, ${s(run.cpuMs)} s CPU, peak ${mb(run.peakTreeRss)} MB (tree), ${run.output.site.pages} pages`);
      if (values.hugo) {
        if (i === 0) {
          // The articles' data file, one part per year (src/export/data.ts).
          const parts = join(dir, "_site/data/articles");
          const list = readdirSync(parts)
            .filter((f) => f.endsWith(".json"))
            .flatMap((f) => JSON.parse(readFileSync(join(parts, f), "utf8")) as { id: string; language: string; entities: string }[]);
          const ents = new Map(list.map((a) => [`${a.language}:${a.id}`, a.entities ? a.entities.split(";") : []]));
          t = Date.now();
          const pages = makeHugoSite(hugoDir, join(dir, "content"), ents);
          log(`hugo site: ${pages} content files in ${s(Date.now() - t)} s`);
        }
        log(`hugo run ${i + 1}/${runs}…`);
        const h = await runHugo(hugoDir);
        hugo.push(h);
        log(`hugo run ${i + 1}: ${s(h.wallMs)} s wall, ${s(h.cpuMs)} s CPU, peak ${mb(h.peakTreeRss)} MB, ${h.output.pages} pages; + pagefind --site ${s(h.pagefind.wallMs)} s wall, ${s(h.pagefind.cpuMs)} s CPU`);
      }
    }
    const med = medianOf(arshif);
    const hmed = hugo.length ? medianOf(hugo) : undefined;

    let transfer: TransferReport | undefined;
    if (!values["no-transfer"]) {
      log("browser: article page and first search…");
      transfer = await measureTransfer(join(dir, "_site"), `ar/articles/${gen.sampleArticle.id}/`, gen.commonWord, gen.rareWord);
    }

    // Incremental rebuilds with the build cache, after the last cold run: nothing
    // changed (at least 2 runs), then one article added (a new one each run, at
    // least 3: the first follows a cold build, which leaves no spare tree for it to
    // recycle (src/build/spare.ts), the next ones are an archive's daily rebuilds).
    const incRuns = Math.max(2, runs);
    const addRuns = Math.max(3, runs);
    const incremental: { noChange: { wallMs: number; cpuMs: number; peakTreeRss: number; out: string }[]; addOne: { wallMs: number; cpuMs: number; peakTreeRss: number; out: string }[] } = { noChange: [], addOne: [] };
    const incOne = async (): Promise<{ wallMs: number; cpuMs: number; peakTreeRss: number; out: string }> => {
      const timingsFile = join(dir, "timings.json");
      await settled(dir);
      const m = await measure(process.execPath, ["--import", "tsx", "src/cli/build.ts"], { cwd: dir, env: { ARSHIF_TIMINGS: timingsFile } });
      if (m.code !== 0) throw new Error(`incremental build failed (${m.code}):\n${m.stderr.slice(-4000)}`);
      const t = JSON.parse(readFileSync(timingsFile, "utf8")) as Record<string, number>;
      // Each step's time and the peak of all processes while it ran.
      const steps = Object.entries(t)
        .filter(([k]) => !k.startsWith("at_"))
        .map(([k, v]) => `${k} ${s(v)}${t[`at_${k}`] && v >= 1000 ? `/${mb(window(m.samples, t[`at_${k}`]!, t[`at_${k}`]! + v).peakRss)} MB` : ""}`)
        .join(", ");
      return { wallMs: m.wallMs, cpuMs: m.cpuMs, peakTreeRss: m.peakTreeRss, out: `${m.stdout.match(/^Build cache: .*$/m)?.[0] ?? ""} (steps, s/peak: ${steps})` };
    };
    const added: string[] = [];
    for (let i = 0; i < incRuns; i++) {
      log(`incremental: nothing changed ${i + 1}/${incRuns}…`);
      const r = await incOne();
      incremental.noChange.push(r);
      log(`  ${s(r.wallMs)} s wall, ${s(r.cpuMs)} s CPU — ${r.out}`);
    }
    for (let i = 0; i < addRuns; i++) {
      const id = `2025-09-28-bench-inc-${i}`;
      const f = join(dir, `content/ar/2025/09/${id}.md`);
      mkdirSync(dirname(f), { recursive: true });
      // A new story after the archive's last day, as an editor's daily addition (not a copy of an older article).
      writeFileSync(f, extraArticle(Number(values.seed) + 1 + i, id, "2025-09-28"));
      added.push(f);
      log(`incremental: one article added ${i + 1}/${addRuns}…`);
      const r = await incOne();
      incremental.addOne.push(r);
      log(`  ${s(r.wallMs)} s wall, ${s(r.cpuMs)} s CPU — ${r.out}`);
    }
    for (const f of added) rmSync(f);

    let rebuild: { addMs: number; editMs: number; addNoSearchMs: number } | undefined;
    if (values.rebuild) {
      // One article added, then edited, in the full archive: the build is not incremental, so this is a full build.
      const add = join(dir, "content/ar/2025/08/2025-08-30-bench-added.md");
      mkdirSync(dirname(add), { recursive: true });
      const body = readFileSync(join(dir, "content", gen.sampleArticle.file), "utf8").split("\n---\n")[1]!;
      writeFileSync(add, `---\nid: 2025-08-30-bench-added\ntitle: "مقال مضاف للقياس"\ndate: "2025-08-30"\n---\n${body}`);
      log("rebuild after adding one article…");
      const a = await runArshif(dir);
      writeFileSync(add, `---\nid: 2025-08-30-bench-added\ntitle: "مقال مضاف للقياس بعد التعديل"\ndate: "2025-08-30"\n---\n${body}\n\nفقرة مضافة.\n`);
      log("rebuild after editing it…");
      const e = await runArshif(dir);
      log("rebuild without the search index…");
      const ns = await runArshif(dir, ["--no-search"]);
      rebuild = { addMs: a.run.wallMs, editMs: e.run.wallMs, addNoSearchMs: ns.run.wallMs };
      rmSync(add);
      log(`rebuild: add ${s(rebuild.addMs)} s, edit ${s(rebuild.editMs)} s, without search ${s(rebuild.addNoSearchMs)} s`);
    }

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, memGB: Math.round(totalmem() / 2 ** 30), node: process.version },
      articles: n,
      runs,
      seed: Number(values.seed),
      generated: gen,
      arshif: { median: med, runs: arshif },
      ...(hmed ? { hugo: { median: hmed, runs: hugo, ratio: med.wallMs / hmed.wallMs, note: "Hugo builds no search index" } } : {}),
      ...(rebuild ? { rebuild } : {}),
      incremental: { ...incremental, median: { noChange: medianOf(incremental.noChange.map(({ out: _, ...x }) => x)), addOne: medianOf(incremental.addOne.map(({ out: _, ...x }) => x)) } },
      ...(transfer ? { transfer } : {}),
    };
    mkdirSync(dirname(values.out!), { recursive: true });
    writeFileSync(values.out!, JSON.stringify(result, null, 1) + "\n");

    // The table.
    const o = med.output;
    const ph = med.phases;
    const rows: (string | number)[][] = [["phase", "wall s", "CPU s", "peak MB", "files", "MB written", "pages/s"]];
    rows.push(["content load+validation", s(ph.load.wallMs), s(ph.load.cpuMs), mb(ph.load.peakRss), "", "", ""]);
    rows.push(["entity tagging", s(ph.tag.wallMs), s(ph.tag.cpuMs), mb(ph.tag.peakRss), "", "", ""]);
    rows.push(["related coverage", s(ph.related.wallMs), s(ph.related.cpuMs), mb(ph.related.peakRss), "", "", ""]);
    rows.push(["page model", s(ph.pages.wallMs), s(ph.pages.cpuMs), mb(ph.pages.peakRss), "", "", ""]);
    rows.push(["Eleventy rendering (+data files)", s(ph.eleventy.wallMs), s(ph.eleventy.cpuMs), mb(ph.eleventy.peakRss), o.site.files, mb(o.site.bytes), med.pagesPerSec.toFixed(0)]);
    rows.push(["search index (Pagefind)", s(ph.search.wallMs), s(ph.search.cpuMs), mb(ph.search.peakRss), o.search.files, mb(o.search.bytes), med.searchRecordsPerSec.toFixed(0)]);
    rows.push(["arshif total (incl. startup)", s(med.wallMs), s(med.cpuMs), mb(med.peakTreeRss), o.site.files + o.search.files, mb(o.site.bytes + o.search.bytes), (o.site.pages / (med.wallMs / 1000)).toFixed(0)]);
    const inc = result.incremental.median;
    rows.push([`arshif, nothing changed (cache; median of ${incRuns})`, s(inc.noChange.wallMs), s(inc.noChange.cpuMs), mb(inc.noChange.peakTreeRss), "", "", ""]);
    rows.push([`arshif, +1 article (cache; median of ${addRuns})`, s(inc.addOne.wallMs), s(inc.addOne.cpuMs), mb(inc.addOne.peakTreeRss), "", "", ""]);
    if (hmed) rows.push(["Hugo (no search index)", s(hmed.wallMs), s(hmed.cpuMs), mb(hmed.peakTreeRss), hmed.output.files, mb(hmed.output.bytes), hmed.pagesPerSec.toFixed(0)]);
    if (hmed) rows.push(["Hugo + plain Pagefind CLI", s(hmed.wallMs + hmed.pagefind.wallMs), s(hmed.cpuMs + hmed.pagefind.cpuMs), mb(Math.max(hmed.peakTreeRss, hmed.pagefind.peakTreeRss)), "", "", ""]);
    console.log(`\narshif bench: ${n} articles + ${gen.translations} translations, median of ${runs} run(s), ${result.machine.cpus} cores, ${result.machine.memGB} GB, node ${process.version}`);
    console.log(table(rows));
    console.log(`pages: ${o.site.pages} HTML; peak of one process: ${Object.entries(med.peakByKind).map(([k, v]) => `${k} ${mb(v)} MB`).join(", ")}; processes: ${med.processes}`);
    if (hmed) console.log(`arshif / Hugo wall time: ${(med.wallMs / hmed.wallMs).toFixed(2)}× (Hugo: ${hmed.output.pages} pages, no search index); arshif cold / (Hugo + plain Pagefind CLI): ${(med.wallMs / (hmed.wallMs + hmed.pagefind.wallMs)).toFixed(2)}×`);
    console.log(`+1 article, each run (the first after the cold build, without a spare tree): ${result.incremental.addOne.map((r) => s(r.wallMs)).join(", ")} s`);
    if (rebuild) console.log(`rebuild after adding one article: ${s(rebuild.addMs)} s; after editing it: ${s(rebuild.editMs)} s; without search index: ${s(rebuild.addNoSearchMs)} s`);
    if (transfer) {
      const a = transfer.article;
      console.log(`article page, first visit: ${a.requests} requests, ${kb(a.bytes)} KB as served (${kb(a.gzip)} KB with gzip on text), ${a.scripts} scripts — ${Object.entries(a.byType).map(([k, v]) => `${k} ${kb(v.gzip)} KB`).join(", ")}`);
      const q = transfer.search;
      console.log(`first search (${q.indexes} index partition(s)): init + "${q.commonWord}" ${kb(q.afterCommon.bytes)} KB (${kb(q.afterCommon.gzip)} gzip) [${q.afterCommon.results}]; + rare "${q.rareWord}" total ${kb(q.total.bytes)} KB (${kb(q.total.gzip)} gzip) [${q.total.results}]`);
    }
    console.log(`JSON: ${values.out}`);
  } finally {
    if (!values.keep && !values.dir) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
