/**
 * Reading aid for the truth rules: for each query (or those whose text contains
 * the argument), how many corpus articles its rule accepts and which written
 * forms it accepts, read from ../shared/corpus/articles/*.txt (the runner itself
 * judges the built pages, whose text is the same).
 *
 *   npx tsx scripts/eval-search/audit.ts [substring of a query]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalize } from "./normalize.ts";
import { QUERIES } from "./queries.ts";
import { compile } from "./rules.ts";

const dir = join(import.meta.dirname, "../../../shared/corpus/articles");
const texts = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => normalize(readFileSync(join(dir, f), "utf8")));
const only = process.argv[2];
for (const query of QUERIES) {
  if (only && !query.q.includes(only)) continue;
  const re = compile(query.rule, query.q);
  const global = new RegExp(re.source, "gu");
  const forms = new Map<string, number>();
  let n = 0;
  for (const t of texts) {
    if (!re.test(t)) continue;
    n++;
    for (const m of t.matchAll(global)) forms.set(m[0], (forms.get(m[0]) ?? 0) + 1);
  }
  const top = [...forms].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([w, c]) => `${w}:${c}`);
  console.log(`${query.cls}\t${query.q}\t${n} articles\t${forms.size} forms\t${top.join(" ")}`);
}
