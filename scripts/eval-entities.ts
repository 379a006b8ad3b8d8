/**
 * Evaluates EntityTagger on ANERcorp (../shared/corpus/ner/anercorp_sentences.jsonl,
 * see shared/corpus/PROVENANCE.md section C').
 *
 *   npm run eval:entities [-- --json] [-- --corpus path] [-- --min-ratio n]
 *
 * The tagger only finds names it has been given, so this measures how well it
 * finds them: gazetteer from one half of the corpus, tagging of the other.
 *
 * Split: ANERcorp has no document boundaries, so sentences are cut into
 * contiguous blocks of 50 and blocks alternate train / test (0 train, 1 test,
 * 2 train …) — deterministic, and each half samples the whole corpus.
 *
 * Gazetteer, built from the train half the way an editor would:
 * - names are the annotated PERS / ORG / LOC spans, normalised. ANERcorp keeps
 *   proclitics on the token (وبغداد is one B-LOC token), so a span's first
 *   token is reduced to its base name when splitting off و/ف/ب/ل(/ك before ال)
 *   gives another annotated name (وبالعراق → العراق; لل restores the ال);
 * - a name annotated with several types gets its majority type; MISC
 *   annotations vote too, and a name that is mostly MISC is dropped (MISC
 *   names themselves are not added);
 * - the train half is tagged with those names, and a name is dropped when its
 *   matches that are NOT an annotated span, plus its occurrences as a mere part
 *   of a longer annotated name (محمد in محمد حسني مبارك), outnumber its
 *   annotated matches (times --min-ratio, default 1): common words that are
 *   also names (علي = على in this corpus's spelling, أمين, عادل …) and bare
 *   first names, which an editor would not list either. Repeated until
 *   nothing changes, since dropping a long name can expose shorter ones.
 *
 * Scoring on the test half, for mentions whose name is in the gazetteer (the
 * span's normalised text is a name, or is proclitics + a name): a predicted
 * mention is correct when its word span (proclitics included, as ANERcorp
 * annotates them) and its type equal a gold span's. Precision is over
 * predictions, recall over in-gazetteer gold mentions; both split by type and
 * by whether proclitics were attached.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeArabic } from "../src/arabic/normalize.ts";
import { isProcliticSequence, prefixCandidates } from "../src/arabic/clitics.ts";
import { EntityTagger } from "../src/entities/tagger.ts";
import type { Entity, EntityType } from "../src/entities/gazetteer.ts";

type Gold = "PERS" | "ORG" | "LOC" | "MISC";
interface Span { start: number; end: number; type: Gold; text: string }
interface Sentence { id: string; text: string; entities: Span[] }

const BLOCK = 50;
const TYPES: Gold[] = ["PERS", "ORG", "LOC"];
const TO_ENTITY: Record<Exclude<Gold, "MISC">, EntityType> = { PERS: "person", ORG: "organization", LOC: "place" };

function parseArgs(argv: string[]) {
  const here = dirname(fileURLToPath(import.meta.url));
  let corpus = join(here, "../../shared/corpus/ner/anercorp_sentences.jsonl");
  let json = false;
  let minRatio = 1;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") json = true;
    else if (argv[i] === "--corpus" && argv[i + 1]) corpus = argv[++i]!;
    else if (argv[i] === "--min-ratio" && argv[i + 1]) minRatio = Number(argv[++i]);
    else {
      console.error(`unknown argument ${argv[i]}; usage: eval-entities [--json] [--corpus file] [--min-ratio n]`);
      process.exit(2);
    }
  }
  if (!(minRatio > 0)) {
    console.error("--min-ratio must be a positive number");
    process.exit(2);
  }
  return { corpus, json, minRatio };
}

function readCorpus(file: string): Sentence[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Sentence);
}

/**
 * Reads a normalised span as proclitics + name, the way the tagger would:
 * the prefix is a conjunction/preposition sequence, ك only before ال, and
 * the name keeps (or, after لل, regains) its article. Returns the split with
 * the longest prefix whose name satisfies `known`, or undefined.
 */
function splitClitics(norm: string, known: (name: string) => boolean): { prefix: string; name: string } | undefined {
  const sp = norm.indexOf(" ");
  const first = sp < 0 ? norm : norm.slice(0, sp);
  const rest = sp < 0 ? "" : norm.slice(sp);
  let best: { prefix: string; name: string } | undefined;
  for (const { prefix, stem } of prefixCandidates(first)) {
    if (!prefix || !isProcliticSequence(prefix)) continue;
    if (prefix.endsWith("ك") && !stem.startsWith("ال")) continue;
    const name = stem + rest;
    if (known(name) && (!best || prefix.length > best.prefix.length)) best = { prefix, name };
  }
  return best;
}

interface GazetteerBuild {
  entities: Entity[];
  typeOf: Map<string, EntityType>;
  stats: { candidates: number; droppedMisc: number; droppedUnannotated: number; multiType: number; final: number; rounds: number };
}

function buildGazetteer(train: Sentence[], minRatio: number): GazetteerBuild {
  const goldNames = new Set<string>();
  for (const s of train) for (const e of s.entities) goldNames.add(normalizeArabic(e.text));
  // Type votes per base name (MISC included, see the header).
  const votes = new Map<string, Map<Gold, number>>();
  for (const s of train) {
    for (const e of s.entities) {
      const norm = normalizeArabic(e.text);
      const base = splitClitics(norm, (n) => goldNames.has(n))?.name ?? norm;
      let v = votes.get(base);
      if (!v) votes.set(base, (v = new Map()));
      v.set(e.type, (v.get(e.type) ?? 0) + 1);
    }
  }
  const typeOf = new Map<string, EntityType>();
  let droppedMisc = 0;
  let multiType = 0;
  let candidates = 0;
  for (const [name, v] of votes) {
    const ranked = [...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!TYPES.some((t) => v.has(t))) continue; // MISC only: never a candidate
    candidates++;
    if ([...v.keys()].length > 1) multiType++;
    const top = ranked[0]![0];
    if (top === "MISC") {
      droppedMisc++;
      continue;
    }
    typeOf.set(name, TO_ENTITY[top]);
  }

  // How often each name is only part of a longer annotated name (محمد in
  // محمد حسني مبارك): an editor would not list a bare first name.
  const inside = new Map<string, number>();
  for (const s of train) {
    for (const e of s.entities) {
      const toks = normalizeArabic(e.text).split(" ");
      // وعمرو زكي: the part is عمرو.
      const split = toks.length > 1 ? splitClitics(toks[0]!, (n) => typeOf.has(n)) : undefined;
      if (split) toks[0] = split.name;
      for (let i = 0; i < toks.length; i++) {
        for (let j = i + 1; j <= toks.length; j++) {
          if (j - i === toks.length) continue;
          const sub = toks.slice(i, j).join(" ");
          if (typeOf.has(sub)) inside.set(sub, (inside.get(sub) ?? 0) + 1);
        }
      }
    }
  }

  // Drop names whose matches in the train half are mostly not annotated spans.
  const goldSpans = train.map((s) => new Set(s.entities.map((e) => `${e.start}:${e.end}`)));
  let droppedUnannotated = 0;
  let rounds = 0;
  for (;;) {
    rounds++;
    const names = [...typeOf.keys()];
    const tagger = new EntityTagger(names.map((n, i) => entityFor(n, i, typeOf.get(n)!)));
    const yes = new Map<string, number>();
    const no = new Map<string, number>();
    train.forEach((s, k) => {
      for (const m of tagger.tag(s.text)) {
        const name = names[Number(m.entityId.slice(1))]!;
        const hit = goldSpans[k]!.has(`${m.wordStart}:${m.end}`);
        (hit ? yes : no).set(name, ((hit ? yes : no).get(name) ?? 0) + 1);
      }
    });
    let changed = false;
    for (const n of names) {
      if (minRatio * ((no.get(n) ?? 0) + (inside.get(n) ?? 0)) > (yes.get(n) ?? 0)) {
        typeOf.delete(n);
        droppedUnannotated++;
        changed = true;
      }
    }
    if (!changed || rounds >= 10) break;
  }
  const names = [...typeOf.keys()];
  return {
    entities: names.map((n, i) => entityFor(n, i, typeOf.get(n)!)),
    typeOf,
    stats: { candidates, droppedMisc, droppedUnannotated, multiType, final: names.length, rounds },
  };
}

function entityFor(name: string, i: number, type: EntityType): Entity {
  return { id: `n${i}`, type, names: { ar: [name], en: [] } };
}

interface Cell { tp: number; pred: number; goldTp: number; gold: number }
const emptyCell = (): Cell => ({ tp: 0, pred: 0, goldTp: 0, gold: 0 });
type Clitic = "without" | "with";

function evaluate(test: Sentence[], g: GazetteerBuild) {
  const tagger = new EntityTagger(g.entities);
  const typeById = new Map(g.entities.map((e) => [e.id, e.type]));
  const nameById = new Map(g.entities.map((e) => [e.id, e.names.ar[0]!]));
  const cells = new Map<string, Cell>();
  const cell = (type: string, clitic: string) => {
    const k = `${type}|${clitic}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = emptyCell()));
    return c;
  };
  const bump = (type: EntityType, clitic: Clitic, f: (c: Cell) => void) => {
    for (const t of [type, "all"]) for (const cl of [clitic, "all"]) f(cell(t, cl));
  };
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  // Why predictions were wrong (see the printed legend).
  const errors = { wrongType: 0, partialSpan: 0, insideMisc: 0, unannotated: 0 };
  let spanOnlyTp = 0;
  let spanOnlyFound = 0;
  const vetoes = new Map<string, { lost: number; avoided: number; lostExamples: string[] }>();
  let outOfGazetteer = 0;
  for (const s of test) {
    const { mentions, rejected } = tagger.explain(s.text);
    // Each context rule, measured: a turned-down hit whose span is a gold
    // name of the entity's type was a right answer lost, any other a wrong one avoided.
    for (const r of rejected) {
      const rule = r.reason.replace(/\s*\(.*\)$/, "").replace(/«[^»]*»/g, "«…»");
      const g0 = s.entities.find((e) => e.end === r.end && e.start <= r.start && e.type !== "MISC");
      const lost = g0 !== undefined && TO_ENTITY[g0.type as Exclude<Gold, "MISC">] === typeById.get(r.entityId);
      const v = vetoes.get(rule) ?? { lost: 0, avoided: 0, lostExamples: [] as string[] };
      if (lost) {
        v.lost++;
        if (v.lostExamples.length < 3) v.lostExamples.push(s.text.slice(Math.max(0, r.start - 25), r.end + 25).replace(/\s+/g, " "));
      } else v.avoided++;
      vetoes.set(rule, v);
    }
    const predicted = new Map(mentions.map((m) => [`${m.wordStart}:${m.end}`, m]));
    const gold = new Map<string, Span>();
    for (const e of s.entities) if (e.type !== "MISC") gold.set(`${e.start}:${e.end}`, e);
    for (const m of mentions) {
      const type = typeById.get(m.entityId)!;
      const g0 = gold.get(`${m.wordStart}:${m.end}`);
      const ok = g0 !== undefined && TO_ENTITY[g0.type as Exclude<Gold, "MISC">] === type;
      bump(type, m.prefix ? "with" : "without", (c) => {
        c.pred++;
        if (ok) c.tp++;
      });
      if (g0) spanOnlyTp++;
      if (!ok) {
        const overlap = s.entities.filter((e) => e.start < m.end && m.wordStart < e.end);
        if (g0) errors.wrongType++;
        else if (overlap.length === 0) errors.unannotated++;
        else if (overlap.some((e) => e.type === "MISC")) errors.insideMisc++;
        else errors.partialSpan++;
        const key = `${nameById.get(m.entityId)} (${type}${g0 ? ` ≠ gold ${g0.type}` : ""})`;
        fp.set(key, (fp.get(key) ?? 0) + 1);
      }
    }
    for (const [key, e] of gold) {
      const norm = normalizeArabic(e.text);
      let clitic: Clitic;
      if (g.typeOf.has(norm)) clitic = "without";
      else if (splitClitics(norm, (n) => g.typeOf.has(n))) clitic = "with";
      else {
        outOfGazetteer++;
        continue;
      }
      const type = TO_ENTITY[e.type as Exclude<Gold, "MISC">];
      const m = predicted.get(key);
      if (m) spanOnlyFound++;
      const ok = m !== undefined && typeById.get(m.entityId) === type;
      bump(type, clitic, (c) => {
        c.gold++;
        if (ok) c.goldTp++;
      });
      if (!ok) {
        const k = `${e.text} (gold ${e.type}${m ? `, tagged ${typeById.get(m.entityId)}` : ""})`;
        fn.set(k, (fn.get(k) ?? 0) + 1);
      }
    }
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return { cells, outOfGazetteer, errors, spanOnlyTp, spanOnlyFound, falsePositives: top(fp), misses: top(fn), vetoes: [...vetoes].sort((a, b) => b[1].lost + b[1].avoided - a[1].lost - a[1].avoided) };
}

const ratio = (a: number, b: number) => (b ? a / b : NaN);
const fmt = (x: number) => (Number.isNaN(x) ? "  –  " : x.toFixed(3));

function main() {
  const { corpus, json, minRatio } = parseArgs(process.argv.slice(2));
  const sentences = readCorpus(corpus);
  const train = sentences.filter((_, i) => Math.floor(i / BLOCK) % 2 === 0);
  const test = sentences.filter((_, i) => Math.floor(i / BLOCK) % 2 === 1);
  const g = buildGazetteer(train, minRatio);
  const r = evaluate(test, g);

  const rows: { type: string; clitics: string; precision: number; recall: number; tp: number; predicted: number; goldFound: number; gold: number }[] = [];
  for (const type of ["person", "organization", "place", "all"]) {
    for (const clitics of ["without", "with", "all"]) {
      const c = r.cells.get(`${type}|${clitics}`) ?? emptyCell();
      rows.push({ type, clitics, precision: ratio(c.tp, c.pred), recall: ratio(c.goldTp, c.gold), tp: c.tp, predicted: c.pred, goldFound: c.goldTp, gold: c.gold });
    }
  }
  const overall = rows.find((x) => x.type === "all" && x.clitics === "all")!;
  const target = { precision: 0.97, recall: 0.95 };
  const met = overall.precision >= target.precision && overall.recall >= target.recall;
  const spanOnly = { precision: ratio(r.spanOnlyTp, overall.predicted), recall: ratio(r.spanOnlyFound, overall.gold) };

  if (json) {
    console.log(JSON.stringify({
      corpus,
      split: { block: BLOCK, trainSentences: train.length, testSentences: test.length },
      minRatio,
      gazetteer: g.stats,
      goldOutsideGazetteer: r.outOfGazetteer,
      rows: rows.map((x) => ({ ...x, precision: Number.isNaN(x.precision) ? null : x.precision, recall: Number.isNaN(x.recall) ? null : x.recall })),
      spanOnly,
      errors: r.errors,
      target,
      met,
      falsePositives: r.falsePositives,
      misses: r.misses,
      vetoes: Object.fromEntries(r.vetoes),
    }, null, 2));
    return;
  }
  console.log(`ANERcorp: ${sentences.length} sentences; blocks of ${BLOCK}, alternating → train ${train.length}, test ${test.length}`);
  const s = g.stats;
  console.log(`Gazetteer from train: ${s.candidates} PERS/ORG/LOC names; ${s.multiType} annotated with >1 type (majority kept); ` +
    `${s.droppedMisc} dropped as mostly MISC; ${s.droppedUnannotated} dropped as not annotated on their own ` +
    `(ratio ${minRatio}, ${s.rounds} rounds) → ${s.final} names`);
  console.log(`Test gold PERS/ORG/LOC mentions whose name is not in the gazetteer (not scored): ${r.outOfGazetteer}\n`);
  console.log("type          clitics   precision  (tp/pred)      recall  (found/gold)");
  for (const x of rows) {
    console.log(
      `${x.type.padEnd(13)} ${x.clitics.padEnd(8)}  ${fmt(x.precision)}  ${`(${x.tp}/${x.predicted})`.padEnd(14)} ${fmt(x.recall)}  (${x.goldFound}/${x.gold})`,
    );
  }
  console.log(`\nIgnoring the type (span only): precision ${fmt(spanOnly.precision)}, recall ${fmt(spanOnly.recall)}`);
  const e = r.errors;
  console.log(`Wrong predictions: ${e.wrongType} right span but other gold type; ${e.partialSpan} overlap a longer/shorter gold name ` +
    `(e.g. عمرو inside an unseen عمرو زكي); ${e.insideMisc} inside a MISC span; ${e.unannotated} overlap no gold entity ` +
    `(common words, or names the annotators missed)`);
  console.log(`\nTarget precision ≥ ${target.precision}, recall ≥ ${target.recall} overall: ${met ? "met" : "NOT met"}`);
  console.log("\nMost frequent false positives:");
  for (const [k, n] of r.falsePositives) console.log(`  ${n}× ${k}`);
  console.log("Most frequent misses:");
  for (const [k, n] of r.misses) console.log(`  ${n}× ${k}`);
  console.log("Hits turned down by the context rules (lost = the span was a gold name of that type; avoided = it was not):");
  for (const [rule, v] of r.vetoes) {
    console.log(`  ${rule}: ${v.avoided} avoided, ${v.lost} lost`);
    for (const x of v.lostExamples) console.log(`      lost: …${x}…`);
  }
}

main();
