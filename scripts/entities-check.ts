/**
 * Every hit of one entity in the archive, in context, with the rule that made
 * it or the reason it was turned down; and warnings about its names.
 *
 *   npm run entities:check ID [-- --corpus dir] [-- --root dir] [-- --limit n]
 *
 * The archive is the project at --root (default: this repository), or the
 * raw files of --corpus imported into a throwaway project. The gazetteer is
 * the project's content/entities.yaml (--gazetteer file to use another).
 * Warnings: a name that is also an outlet's name (الرياض, الشرق الأوسط), and
 * a name that is also a common word — seen in the archive as a common word
 * is: with ال when the name has none (مالي → المالي), or without ال when the
 * name has it (القاعدة → قاعدة).
 */
import { parseArgs } from "node:util";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadGazetteer, ruleFor, type Entity } from "../src/entities/gazetteer.ts";
import { EntityTagger } from "../src/entities/tagger.ts";
import { OUTLET_NAMES } from "../src/entities/context.ts";
import { importedTexts, projectTexts, type ArchiveText } from "../src/entities/archive.ts";
import { normalizeArabic } from "../src/arabic/normalize.ts";
import { tokenize } from "../src/arabic/tokens.ts";
import { prefixCandidates } from "../src/arabic/clitics.ts";
import { ContentErrors } from "../src/content/errors.ts";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "usage: npm run entities:check ID [-- --corpus dir] [-- --root dir] [-- --gazetteer file] [-- --limit n]";

/** One line of context around [start, end), the name marked ⟪…⟫. */
export function context(text: string, start: number, end: number, width = 50): string {
  const flat = (s: string) => s.replace(/\s+/g, " ");
  const a = Math.max(0, start - width);
  const b = Math.min(text.length, end + width);
  return `${a > 0 ? "…" : ""}${flat(text.slice(a, start))}⟪${text.slice(start, end)}⟫${flat(text.slice(end, b))}${b < text.length ? "…" : ""}`;
}

/** Names of `e` that are also common words in `texts`: count of articles and one example word. */
function commonWordUses(e: Entity, texts: ArchiveText[]): { name: string; form: string; articles: number }[] {
  const forms = new Map<string, string>();
  for (const n of e.names.ar) {
    const norm = normalizeArabic(n).trim();
    if (norm.includes(" ") || norm.length < 3) continue;
    forms.set(norm.startsWith("ال") ? norm.slice(2) : "ال" + norm, n);
  }
  const seen = new Map<string, number>();
  for (const t of texts) {
    const here = new Set<string>();
    for (const tok of tokenize(t.text)) {
      const w = normalizeArabic(tok.text);
      for (const c of prefixCandidates(w)) if (forms.has(c.stem)) here.add(c.stem);
    }
    for (const f of here) seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n >= 3).map(([form, articles]) => ({ name: forms.get(form)!, form, articles }));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { corpus: { type: "string" }, root: { type: "string" }, gazetteer: { type: "string" }, limit: { type: "string", default: "40" } },
    allowPositionals: true,
  });
  const id = positionals[0];
  if (!id || positionals.length > 1) throw new Error(USAGE);
  const root = resolve(values.root ?? REPO);
  const entities = loadGazetteer(values.gazetteer ? resolve(values.gazetteer) : join(root, "content/entities.yaml"));
  const e = entities.find((x) => x.id === id);
  if (!e) {
    const near = entities.filter((x) => x.id.includes(id) || id.includes(x.id)).map((x) => x.id).slice(0, 8);
    throw new Error(`no entity "${id}" in the gazetteer${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}`);
  }
  const { texts, problems } = values.corpus ? await importedTexts(resolve(values.corpus)) : projectTexts(root);
  const limit = Number(values.limit);
  const tagger = new EntityTagger(entities);

  console.log(`${e.id} (${e.type}): ${e.names.ar.join(" · ")}${e.names.en.length ? ` / ${e.names.en.join(" · ")}` : ""}`);
  for (const n of e.names.ar) {
    const r = ruleFor(e, normalizeArabic(n).trim());
    if (r) console.log(`  rule on «${n}»: ${JSON.stringify({ ...r, name: undefined })}`);
  }
  if (e.unmatched?.length) console.log(`  never matched: ${e.unmatched.join(" · ")}`);
  if (e.notIn?.length) console.log(`  not in: ${e.notIn.join(" · ")}`);
  console.log(`archive: ${texts.length} Arabic articles${values.corpus ? ` imported from ${values.corpus}` : ` in ${root}`}${problems.length ? ` (${problems.length} files not read)` : ""}\n`);

  const warnings: string[] = [];
  for (const n of e.names.ar) {
    if (OUTLET_NAMES.has(normalizeArabic(n).trim())) warnings.push(`«${n}» is also an outlet's name: quoted after لـ or after صحيفة/وكالة/قناة it is not counted, but check the hits below`);
  }
  for (const c of commonWordUses(e, texts)) {
    warnings.push(`«${c.name}» is also a common word: «${c.form}» occurs in ${c.articles} articles; consider a longer name, \`notIn\` phrases, or {name: …, common: true}`);
  }
  for (const w of warnings) console.log(`WARNING ${w}`);
  if (warnings.length) console.log("");

  let hits = 0;
  let articles = 0;
  let turnedDown = 0;
  const byRule = new Map<string, number>();
  const lines: string[] = [];
  for (const t of texts) {
    const { mentions, rejected } = tagger.explain(t.text, { date: t.date });
    const mine = mentions.filter((m) => m.entityId === id);
    const no = rejected.filter((r) => r.entityId === id);
    if (mine.length) articles++;
    hits += mine.length;
    turnedDown += no.length;
    for (const m of mine) {
      byRule.set(m.rule, (byRule.get(m.rule) ?? 0) + 1);
      if (lines.length < limit) lines.push(`+ ${t.id} ${t.date}  ${context(t.text, m.start, m.end)}\n    ${m.rule}`);
    }
    for (const r of no) if (lines.length < limit) lines.push(`- ${t.id} ${t.date}  ${context(t.text, r.start, r.end)}\n    not counted: ${r.reason}`);
  }
  console.log(lines.join("\n"));
  if (lines.length >= limit) console.log(`… (first ${limit} lines; --limit n for more)`);
  console.log(`\n${hits} mentions in ${articles} articles; ${turnedDown} hits not counted`);
  for (const [rule, n] of [...byRule].sort((x, y) => y[1] - x[1])) console.log(`  ${n}× ${rule}`);
}

main().catch((err: unknown) => {
  if (err instanceof ContentErrors) for (const x of err.errors) console.error(x.format());
  else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
