/**
 * Related coverage measured on the real corpus (../shared/corpus/articles,
 * see shared/corpus/PROVENANCE.md section A): 1,526 scraped Saudi articles.
 *
 *   npx tsx scripts/related-corpus.ts [--seed n] [--sample n] [--full] [--json]
 *                                     [--corpus dir] [--keep]
 *
 * The corpus goes the way a user's files go: through the importer into the
 * content/ folder of a throwaway project (with this repo's content/site.yaml,
 * so its `related:` thresholds apply), then through the site loader, which
 * computes the related pairs. Printed: pairs per class, the time of the
 * related step (as the loader reports it, and findTextPairs alone), and a
 * seeded random sample of pairs stratified across the classes (an equal share
 * per class; a class with too few pairs gives its share to the others), each
 * with both articles' ids, outlets, dates, the class, the matched paragraphs
 * and the rest of the shorter text, to judge by reading.
 *
 * The corpus is test data: it is read in place and the temporary project is
 * deleted afterwards (--keep leaves it, and says where).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { importFiles } from "../src/import/run.ts";
import { loadSite } from "../src/site/load.ts";
import { findTextPairs, type Relation, type TextPair } from "../src/related/pairs.ts";
import { articleBody } from "../src/content/body.ts";

const here = dirname(fileURLToPath(import.meta.url));
const REPO = join(here, "..");
const CLASSES: Relation[] = ["duplicate", "update", "shared"];

function parseArgs(argv: string[]) {
  const o = { corpus: join(REPO, "../shared/corpus/articles"), seed: 20151, sample: 30, full: false, json: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--full") o.full = true;
    else if (a === "--json") o.json = true;
    else if (a === "--keep") o.keep = true;
    else if (a === "--corpus" && argv[i + 1]) o.corpus = argv[++i]!;
    else if (a === "--seed" && argv[i + 1]) o.seed = Number(argv[++i]);
    else if (a === "--sample" && argv[i + 1]) o.sample = Number(argv[++i]);
    else {
      console.error(`unknown argument ${a}\nusage: npx tsx scripts/related-corpus.ts [--seed n] [--sample n] [--full] [--json] [--corpus dir] [--keep]`);
      process.exit(2);
    }
  }
  return o;
}

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Equal shares per class; what a small class cannot fill goes to the others. */
function allocate(sizes: number[], total: number): number[] {
  const take = sizes.map(() => 0);
  let left = Math.min(total, sizes.reduce((x, y) => x + y, 0));
  while (left > 0) {
    const open = sizes.map((n, i) => (take[i]! < n ? i : -1)).filter((i) => i >= 0);
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const add = Math.min(each, sizes[i]! - take[i]!, left);
      take[i]! += add;
      left -= add;
    }
  }
  return take;
}

function sample<T>(items: T[], n: number, rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)} […]` : s);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const files = readdirSync(opts.corpus).filter((f) => f.endsWith(".txt")).sort().map((f) => join(opts.corpus, f));
  // Outlet per file, from the corpus's own metadata.
  const outletOf = new Map<string, string>();
  for (const line of readFileSync(join(opts.corpus, "articles.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { txt_file: string; source: string };
    outletOf.set(basename(r.txt_file), r.source);
  }

  const dir = mkdtempSync(join(tmpdir(), "arshif-related-"));
  try {
    mkdirSync(join(dir, "content"));
    for (const f of readdirSync(join(REPO, "content"), { withFileTypes: true })) {
      if (f.isFile()) copyFileSync(join(REPO, "content", f.name), join(dir, "content", f.name));
    }
    const ti = performance.now();
    const res = await importFiles(files, { contentDir: join(dir, "content") });
    const importMs = performance.now() - ti;
    const fileOf = new Map(res.imported.map((x) => [x.id, basename(x.file)]));

    const tl = performance.now();
    const loaded = loadSite({ root: dir, now: Date.parse("2026-01-01") });
    const loadMs = performance.now() - tl;
    if (!loaded.site) {
      console.error(`the site did not load: ${loaded.errors.slice(0, 5).map((e) => e.format()).join("\n")}`);
      process.exit(1);
    }
    const site = loaded.site;
    const pairs = site.pairs;
    // findTextPairs alone (the loader's figure also covers related-by-entities and the notes).
    const tp = performance.now();
    const again = findTextPairs(site.stories, site.settings.related);
    const pairsMs = performance.now() - tp;
    if (again.length !== pairs.length) throw new Error("findTextPairs is not deterministic");

    const byClass = new Map<Relation, TextPair[]>(CLASSES.map((c) => [c, []]));
    for (const p of pairs) byClass.get(p.relation)!.push(p);
    const inPairs = new Set(pairs.flatMap((p) => [p.a.key, p.b.key]));
    const crossOutlet = (p: TextPair) => outletOf.get(fileOf.get(p.a.ar.id) ?? "") !== outletOf.get(fileOf.get(p.b.ar.id) ?? "");

    const rand = rng(opts.seed);
    const shares = allocate(CLASSES.map((c) => byClass.get(c)!.length), opts.sample);
    const picked: TextPair[] = [];
    CLASSES.forEach((c, i) => {
      const sorted = [...byClass.get(c)!].sort((x, y) => (x.a.ar.id + x.b.ar.id < y.a.ar.id + y.b.ar.id ? -1 : 1));
      picked.push(...sample(sorted, shares[i]!, rand));
    });

    const describe = (p: TextPair) => {
      const side = (s: TextPair["a"]) => ({ id: s.ar.id, file: fileOf.get(s.ar.id), outlet: outletOf.get(fileOf.get(s.ar.id) ?? ""), date: s.ar.date.day, paragraphs: s.ar.paragraphCount });
      return { a: side(p.a), b: side(p.b), relation: p.relation, jaccard: +p.jaccard.toFixed(3), containment: +p.containment.toFixed(3), shared: p.shared };
    };

    const summary = {
      corpus: opts.corpus,
      files: files.length,
      imported: res.imported.length,
      skipped: res.skipped.length,
      stories: site.stories.length,
      settings: site.settings.related,
      pairs: pairs.length,
      perClass: Object.fromEntries(CLASSES.map((c) => [c, byClass.get(c)!.length])),
      crossOutletPerClass: Object.fromEntries(CLASSES.map((c) => [c, byClass.get(c)!.filter(crossOutlet).length])),
      articlesInPairs: inPairs.size,
      ms: { import: Math.round(importMs), loadSite: Math.round(loadMs), relatedStep: Math.round(loaded.timings.related ?? 0), findTextPairs: Math.round(pairsMs) },
      seed: opts.seed,
      sample: picked.map(describe),
    };
    if (opts.json) {
      console.log(JSON.stringify(summary, null, 2));
      return;
    }

    console.log(`corpus: ${opts.corpus}`);
    console.log(`files ${files.length}: imported ${res.imported.length}, skipped ${res.skipped.length}; stories ${site.stories.length}`);
    for (const s of res.skipped) console.log(`  skipped ${basename(s.file)}: ${s.reason.replace(`${s.file}: `, "")}`);
    console.log(`settings: ${JSON.stringify(site.settings.related)}`);
    console.log(`pairs: ${pairs.length} (${inPairs.size} articles in at least one pair)`);
    for (const c of CLASSES) console.log(`  ${c.padEnd(9)} ${String(byClass.get(c)!.length).padStart(5)}  (between different outlets: ${byClass.get(c)!.filter(crossOutlet).length})`);
    console.log(`time: import ${summary.ms.import} ms, loadSite ${summary.ms.loadSite} ms, related step in the loader ${summary.ms.relatedStep} ms, findTextPairs alone ${summary.ms.findTextPairs} ms`);
    console.log(`sample: ${picked.length} pairs, seed ${opts.seed}, per class ${CLASSES.map((c, i) => `${c} ${shares[i]}`).join(", ")}`);

    picked.forEach((p, n) => {
      const d = describe(p);
      console.log(`\n${"=".repeat(100)}\n#${n + 1} ${p.relation}  jaccard ${d.jaccard}  containment ${d.containment}  matched paragraphs ${p.shared.length}`);
      for (const [k, s] of [["A", d.a], ["B", d.b]] as const) console.log(`  ${k}: ${s.id}  ${s.outlet}  ${s.date}  ${s.file}  ${s.paragraphs} paragraphs, ${articleBody((k === "A" ? p.a : p.b).ar).paragraphs.join(" ").split(/\s+/).length} words`);
      const limit = opts.full ? Infinity : 300;
      console.log(`  -- matched paragraphs [A index, B index]:`);
      for (const [i, j] of p.shared) {
        console.log(`  [${i},${j}] A: ${clip(articleBody(p.a.ar).paragraphs[i]!, limit)}`);
        console.log(`  ${" ".repeat(String(i).length + String(j).length + 3)} B: ${clip(articleBody(p.b.ar).paragraphs[j]!, limit)}`);
      }
      const matchedA = new Set(p.shared.map(([i]) => i));
      const matchedB = new Set(p.shared.map(([, j]) => j));
      for (const [k, s, matched] of [["A", p.a, matchedA], ["B", p.b, matchedB]] as const) {
        const rest = articleBody(s.ar).paragraphs.map((t, i) => [i, t] as const).filter(([i]) => !matched.has(i));
        console.log(`  -- ${k}, unmatched paragraphs (${rest.length}):`);
        for (const [i, t] of opts.full ? rest : rest.slice(0, 6)) console.log(`  ${k}${i}: ${clip(t, opts.full ? Infinity : 200)}`);
        if (!opts.full && rest.length > 6) console.log(`  … ${rest.length - 6} more`);
      }
    });
  } finally {
    if (opts.keep) console.error(`project kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
