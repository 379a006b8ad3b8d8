/**
 * Entity tagging measured on real archive text, judged by reading (issue 15,
 * "Measure"): 100 corpus articles, an editor's gazetteer for them and the
 * truth per article, all in scripts/eval-entities-archive/ and written before
 * the tagger was run on them.
 *
 *   npm run eval:entities:archive [-- --json] [-- --keep] [-- --corpus dir]
 *
 * The draw: the names of ../shared/corpus/articles/*.txt sorted, shuffled by
 * Fisher–Yates with mulberry32(20151504), the first 100, sorted
 * (eval-entities-archive/draw.ts); the committed list articles.txt is what is
 * measured, and the script says so if the draw no longer gives it.
 *
 * The articles go the way a user's files go: the importer writes them into
 * content/ of a throwaway project whose content/entities.yaml is the
 * evaluation's gazetteer (and content/site.yaml this repo's), then the site
 * loader tags them. Its (article, entity) pairs are compared with truth.json:
 *
 * - names: right when the article names the entity (truth `m`); wrong when it
 *   does not and the entity is neither named by a designation only (`d`) nor
 *   only in the dateline (`dl`), which are neutral; missed when named but not
 *   tagged;
 * - with designations: `d` pairs count as named too (so untagged ones are missed);
 * - listed forms: recall leaving out pairs named only by a form the gazetteer
 *   does not list (`u`).
 *
 * Precision and recall by type (person, organisation, place; places split
 * into countries and cities/regions), overall, the number of entity pages that
 * would list at least one wrong article, and every wrong and missed pair with
 * the words around it. The plain baseline (eval-entities-archive/plain.ts: the
 * same names as whole words, no context rules) is scored on the same imported
 * text in the same run. The corpus is read in place; the temporary project is
 * deleted afterwards (--keep leaves it).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importFiles } from "../src/import/run.ts";
import { loadSite, taggableText } from "../src/site/load.ts";
import { EntityTagger } from "../src/entities/tagger.ts";
import type { Article } from "../src/content/article.ts";
import { draw, SEED, SIZE } from "./eval-entities-archive/draw.ts";
import { PlainMatcher, loadGazetteer, type GazEntry } from "./eval-entities-archive/plain.ts";

const here = dirname(fileURLToPath(import.meta.url));
const REPO = join(here, "..");
const SET = join(here, "eval-entities-archive");

interface Truth {
  m: string[];
  u?: Record<string, string>;
  d?: Record<string, string>;
  dl?: string[];
  not?: Record<string, string>;
  notes?: string[];
}

type Kind = "person" | "organization" | "country" | "city/region";

function parseArgs(argv: string[]) {
  const o = { corpus: join(REPO, "../shared/corpus/articles"), json: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") o.json = true;
    else if (a === "--keep") o.keep = true;
    else if (a === "--corpus" && argv[i + 1]) o.corpus = argv[++i]!;
    else {
      console.error(`unknown argument ${a}\nusage: npm run eval:entities:archive [-- --json] [-- --keep] [-- --corpus dir]`);
      process.exit(2);
    }
  }
  return o;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const ratio = (n: number, d: number) => (d === 0 ? "—" : (n / d).toFixed(3));
const fmt = (s: Score) => `P ${ratio(s.tp, s.tp + s.fp)} (${s.tp}/${s.tp + s.fp})  R ${ratio(s.tp, s.tp + s.fn)} (${s.tp}/${s.tp + s.fn})`;

/** A few words either side of [start, end). */
function around(text: string, start: number, end: number, width = 45): string {
  const a = Math.max(0, start - width);
  const b = Math.min(text.length, end + width);
  return `${a > 0 ? "…" : ""}${text.slice(a, start)}[${text.slice(start, end)}]${text.slice(end, b)}${b < text.length ? "…" : ""}`.replace(/\s+/g, " ");
}

interface Pair {
  file: string;
  id: string;
  kind: Kind;
  context: string[];
  note?: string;
}

interface SystemResult {
  names: Record<Kind | "place" | "all", Score>;
  withDesignations: Score;
  listedForms: Score;
  wrong: Pair[];
  missed: Pair[];
  /** Entity pages (entities with at least one article here) and those listing a wrong one. */
  pages: { total: number; withWrong: number; ids: string[] };
}

function score(
  files: string[],
  tagged: Map<string, Set<string>>,
  truth: Record<string, Truth>,
  kindOf: (id: string) => Kind,
  contextOf: (file: string, id: string, tagged: boolean) => string[],
): SystemResult {
  const zero = (): Score => ({ tp: 0, fp: 0, fn: 0 });
  const names: SystemResult["names"] = { person: zero(), organization: zero(), country: zero(), "city/region": zero(), place: zero(), all: zero() };
  const withDesignations = zero();
  const listedForms = zero();
  const wrong: Pair[] = [];
  const missed: Pair[] = [];
  const pageIds = new Set<string>();
  const wrongIds = new Set<string>();
  const add = (k: Kind, f: keyof Score) => {
    names[k][f]++;
    if (k === "country" || k === "city/region") names.place[f]++;
    names.all[f]++;
  };
  for (const file of files) {
    const t = truth[file]!;
    const got = tagged.get(file) ?? new Set<string>();
    const named = new Set(t.m);
    const desig = new Set(Object.keys(t.d ?? {}));
    const neutral = new Set(t.dl ?? []);
    for (const id of got) {
      pageIds.add(id);
      const k = kindOf(id);
      if (named.has(id)) {
        add(k, "tp");
        withDesignations.tp++;
        if (!t.u?.[id]) listedForms.tp++;
      } else if (desig.has(id)) {
        withDesignations.tp++;
      } else if (!neutral.has(id)) {
        add(k, "fp");
        withDesignations.fp++;
        listedForms.fp++;
        wrongIds.add(id);
        wrong.push({ file, id, kind: k, context: contextOf(file, id, true), ...(t.not?.[id] ? { note: `truth: ${t.not[id]}` } : {}) });
      }
    }
    for (const id of [...named, ...desig]) {
      if (got.has(id)) continue;
      const k = kindOf(id);
      if (named.has(id)) {
        add(k, "fn");
        if (!t.u?.[id]) listedForms.fn++;
      }
      withDesignations.fn++;
      const note = named.has(id) ? (t.u?.[id] ? `only by an unlisted form: ${t.u[id]}` : undefined) : `designation only: ${t.d![id]}`;
      missed.push({ file, id, kind: k, context: contextOf(file, id, false), ...(note ? { note } : {}) });
    }
  }
  return { names, withDesignations, listedForms, wrong, missed, pages: { total: pageIds.size, withWrong: wrongIds.size, ids: [...wrongIds].sort() } };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const files = readFileSync(join(SET, "articles.txt"), "utf8").trim().split("\n");
  const truth = JSON.parse(readFileSync(join(SET, "truth.json"), "utf8")) as Record<string, Truth>;
  const drawn = draw(opts.corpus, SEED, SIZE);
  const drawSame = drawn.join("\n") === files.join("\n");
  for (const f of files) if (!truth[f]) throw new Error(`truth.json has no entry for ${f}`);

  const gaz = loadGazetteer(join(SET, "entities.yaml"));
  const byId = new Map<string, GazEntry>(gaz.map((e) => [e.id, e]));
  const kindOf = (id: string): Kind => {
    const e = byId.get(id);
    if (!e) return id.startsWith("cc-") ? "country" : "city/region";
    if (e.type !== "place") return e.type;
    return e.country ? "country" : "city/region";
  };

  const dir = mkdtempSync(join(tmpdir(), "arshif-eval-entities-"));
  try {
    mkdirSync(join(dir, "content"), { recursive: true });
    copyFileSync(join(REPO, "content", "site.yaml"), join(dir, "content", "site.yaml"));
    copyFileSync(join(SET, "entities.yaml"), join(dir, "content", "entities.yaml"));
    const res = await importFiles(files.map((f) => join(opts.corpus, f)), { contentDir: join(dir, "content") });
    const loaded = loadSite({ root: dir, now: Date.parse("2026-01-01") });
    if (loaded.errors.length || !loaded.site) {
      for (const e of loaded.errors) console.error(String(e));
      throw new Error(`the site loader reported ${loaded.errors.length} errors`);
    }
    const site = loaded.site;
    // Which source file each imported article came from.
    const fromOut = new Map(res.imported.map((i) => [basename(i.out), basename(i.file)]));
    const articleOf = new Map<string, Article>();
    const tagged = new Map<string, Set<string>>();
    // Ids the loader gives countries that come only from `countries: all` → cc-xx.
    const ourId = new Map<string, string>();
    for (const e of site.entities) ourId.set(e.id, byId.has(e.id) ? e.id : e.country ? `cc-${e.country.toLowerCase()}` : e.id);
    for (const s of site.stories) {
      const src = fromOut.get(basename(s.ar.file));
      if (!src) continue;
      articleOf.set(src, s.ar);
      tagged.set(src, new Set((site.tags.get(s.key) ?? []).map((id) => ourId.get(id) ?? id)));
    }
    const notImported = files.filter((f) => !articleOf.has(f));

    // Contexts: the tagger's own mentions for its pairs; the plain matcher's hits otherwise.
    const tagger = new EntityTagger(site.entities);
    const plain = new PlainMatcher(gaz);
    const mentionsOf = new Map<string, { id: string; start: number; end: number }[]>();
    const plainOf = new Map<string, { id: string; start: number; end: number; unmatched: boolean }[]>();
    const textOf = (f: string) => (articleOf.has(f) ? taggableText(articleOf.get(f)!) : "");
    for (const [f, a] of articleOf) {
      const text = taggableText(a);
      mentionsOf.set(f, tagger.tag(text, { date: a.date.day }).map((m) => ({ id: ourId.get(m.entityId) ?? m.entityId, start: m.start, end: m.end })));
      plainOf.set(f, plain.find(text, true));
    }
    const contextOf = (file: string, id: string, byTagger: boolean): string[] => {
      const text = textOf(file);
      const spans = (byTagger ? mentionsOf.get(file) : undefined)?.filter((m) => m.id === id) ?? [];
      const use = spans.length ? spans : (plainOf.get(file) ?? []).filter((h) => h.id === id);
      if (use.length) return use.slice(0, 3).map((m) => around(text, m.start, m.end));
      const raw = readFileSync(join(opts.corpus, file), "utf8");
      const inRaw = plain.find(raw, true).filter((h) => h.id === id);
      if (inRaw.length) return inRaw.slice(0, 2).map((h) => `(not in the imported text) ${around(raw, h.start, h.end)}`);
      return ["(no listed name of it in the text)"];
    };

    const tagger_ = score(files, tagged, truth, kindOf, contextOf);
    const plainTagged = new Map<string, Set<string>>();
    for (const [f, hits] of plainOf) plainTagged.set(f, new Set(hits.filter((h) => !h.unmatched).map((h) => h.id)));
    const baseline = score(files, plainTagged, truth, kindOf, (f, id) => {
      const text = textOf(f);
      return (plainOf.get(f) ?? []).filter((h) => h.id === id).slice(0, 2).map((h) => around(text, h.start, h.end));
    });

    const summary = {
      articles: files.length,
      drawReproduced: drawSame,
      imported: articleOf.size,
      notImported,
      truthPairs: { named: files.reduce((n, f) => n + truth[f]!.m.length, 0), designationOnly: files.reduce((n, f) => n + Object.keys(truth[f]!.d ?? {}).length, 0), datelineOnly: files.reduce((n, f) => n + (truth[f]!.dl ?? []).length, 0) },
      tagger: tagger_,
      baseline,
    };
    if (opts.json) {
      console.log(JSON.stringify(summary, null, 1));
      return;
    }
    console.log(`articles ${files.length} (draw seed ${SEED} ${drawSame ? "reproduces" : "NO LONGER reproduces"} articles.txt); imported ${articleOf.size}${notImported.length ? `; not imported: ${notImported.join(", ")}` : ""}`);
    console.log(`truth: ${summary.truthPairs.named} named pairs, ${summary.truthPairs.designationOnly} designation-only, ${summary.truthPairs.datelineOnly} dateline-only (neutral)\n`);
    for (const [label, r] of [["tagger", tagger_], ["plain baseline", baseline]] as const) {
      console.log(`== ${label}`);
      for (const k of ["person", "organization", "place", "country", "city/region", "all"] as const) console.log(`  ${k.padEnd(13)} ${fmt(r.names[k])}`);
      console.log(`  with designations   ${fmt(r.withDesignations)}`);
      console.log(`  listed forms only   ${fmt(r.listedForms)}`);
      console.log(`  entity pages listing a wrong article: ${r.pages.withWrong} of ${r.pages.total}\n`);
    }
    const show = (title: string, pairs: Pair[]) => {
      console.log(`== ${title} (${pairs.length})`);
      for (const p of pairs) {
        console.log(`  ${p.file.slice(0, 21)}  ${p.id} [${p.kind}]${p.note ? `  — ${p.note}` : ""}`);
        for (const c of p.context) console.log(`      ${c}`);
      }
      console.log("");
    };
    show("tagger: wrong pairs", tagger_.wrong);
    show("tagger: missed pairs", tagger_.missed);
  } finally {
    if (opts.keep) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
