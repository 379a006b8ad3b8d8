/**
 * What adding one article changes in the data files (/data/), in bytes: the
 * export as one file per set (the exporter at `--before`, a commit) against
 * the export split by year (this tree's src/export/data.ts). The bench archive
 * of N articles (bench/generate.ts), its page model made twice — before and
 * after adding the article bench/bench.ts adds for its +1-article rebuild —
 * and each export's files compared byte for byte.
 *
 * `npx tsx bench/data-files.ts [--articles 2000] [--seed 20250916] [--before e20ea9a]`
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { makeBenchProject, REPO } from "./generate.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "2000" },
    seed: { type: "string", default: "20250916" },
    before: { type: "string", default: "e20ea9a" },
  },
});

type Files = Record<string, string>;
type Exporter = (site: unknown) => Files;

const dir = mkdtempSync(join(tmpdir(), "arshif-data-files-"));
try {
  const gen = makeBenchProject(dir, Number(values.articles), Number(values.seed));
  // The exporter as it was, beside the copied code (its imports resolve there).
  writeFileSync(join(dir, "src/export/data-whole.ts"), execFileSync("git", ["show", `${values.before}:src/export/data.ts`], { cwd: REPO, encoding: "utf8" }));
  const { loadSite } = (await import(join(dir, "src/site/load.ts"))) as typeof import("../src/site/load.ts");
  const whole = ((await import(join(dir, "src/export/data-whole.ts"))) as { dataFiles: Exporter }).dataFiles;
  const split = ((await import(join(dir, "src/export/data.ts"))) as { dataFiles: Exporter }).dataFiles;

  const exports = (): { whole: Files; split: Files } => {
    const { site, errors } = loadSite({ root: dir });
    if (!site) throw new Error(`the bench archive does not load: ${errors.length} errors`);
    return { whole: whole(site), split: split(site) };
  };
  const first = exports();
  // The article bench/bench.ts adds for its +1-article rebuild.
  const body = readFileSync(join(dir, "content", gen.sampleArticle.file), "utf8").split("\n---\n")[1]!;
  const id = "2025-09-28-bench-inc-0";
  const f = join(dir, `content/ar/2025/09/${id}.md`);
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, `---\nid: ${id}\ntitle: "مقال مضاف للقياس 1"\ndate: "2025-09-28"\n---\n${body}`);
  const second = exports();

  const kb = (n: number) => (n / 1024).toFixed(1);
  for (const layout of ["whole", "split"] as const) {
    const [a, b] = [first[layout], second[layout]];
    const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const total = paths.reduce((n, p) => n + Buffer.byteLength(b[p] ?? "", "utf8"), 0);
    const changed = paths.filter((p) => a[p] !== b[p]);
    const bytes = changed.reduce((n, p) => n + Buffer.byteLength(b[p] ?? "", "utf8"), 0);
    console.log(`${layout}: ${paths.length} files, ${kb(total)} KB; after +1 article ${changed.length} changed (${kb(bytes)} KB, ${((100 * bytes) / total).toFixed(1)} %):`);
    for (const p of changed) console.log(`  ${p}  ${kb(Buffer.byteLength(b[p] ?? "", "utf8"))} KB${p in a ? "" : " (new)"}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
