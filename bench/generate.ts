/**
 * A synthetic archive of N articles made from real text: the SaudiNewsNet
 * articles of ../shared/corpus (third-party test data, read here at bench
 * time and never copied into the repo), leads kept and sentences recombined
 * into new paragraphs (5% follow-ups or copies of earlier articles), dates spread
 * over 2003–2025, entity names from the bundled gazetteer plus the corpus's
 * Iraqi governorates and districts, ~20% with English translations made of
 * UD PUD parallel sentences. Deterministic for a given seed.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { loadGazetteer, matchedNames } from "../src/entities/gazetteer.ts";
import { normalizeArabic } from "../src/arabic/normalize.ts";

export const REPO = resolve(import.meta.dirname, "..");
export const CORPUS = process.env.ARSHIF_CORPUS ?? join(REPO, "../shared/corpus");

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CorpusArticle {
  title: string;
  source: string;
  paragraphs: string[];
}

interface Corpus {
  articles: CorpusArticle[];
  /** English/Arabic parallel news sentences. */
  parallel: { ar: string; en: string }[];
}

// Characters the build refuses in one-line fields or that make no sense in a title.
const ONE_LINE = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "").replace(/\s+/g, " ").trim();

export function readCorpus(): Corpus {
  const articles: CorpusArticle[] = [];
  for (const line of readFileSync(join(CORPUS, "articles/articles.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { title: string; source_name: string; body: string };
    const paragraphs = r.body.split("\n").map((p) => p.trim()).filter((p) => p.length > 0);
    const title = ONE_LINE(r.title);
    if (!title || !paragraphs.length) continue;
    articles.push({ title, source: ONE_LINE(r.source_name), paragraphs });
  }
  const parallel: { ar: string; en: string }[] = [];
  for (const line of readFileSync(join(CORPUS, "parallel/pud_pairs.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { ar: string; en: string; genre: string };
    if (r.ar && r.en) parallel.push({ ar: r.ar.trim(), en: r.en.trim() });
  }
  return { articles, parallel };
}

interface Row {
  id: string;
  ar: string[];
  en: string | null;
  subtype?: string;
}

/**
 * The bundled gazetteer plus the corpus's Iraqi governorates and districts
 * (countries already come from `countries: all`), names already taken dropped.
 */
export function benchGazetteer(): string {
  const bundled = parse(readFileSync(join(REPO, "content/entities.yaml"), "utf8")) as { countries?: string; entities: Record<string, unknown>[] };
  const tmp = join(REPO, "content/entities.yaml");
  const known = loadGazetteer(tmp);
  const taken = new Set(known.flatMap((e) => e.names.ar.map(normalizeArabic)));
  const ids = new Set(known.map((e) => e.id));
  const extra: Record<string, unknown>[] = [];
  const rows = readFileSync(join(CORPUS, "gazetteer/iraq_admin.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row);
  for (const r of rows) {
    if (r.subtype !== "governorate" && r.subtype !== "district") continue;
    // Kurdish-orthography names (ۆ ە ڵ ک) are left out: the bundle's matching is for Arabic.
    const names = r.ar.map((n) => n.trim()).filter((n) => n && !/[\u06c0-\u06ff]/.test(n) && !taken.has(normalizeArabic(n)));
    if (!names.length) continue;
    const id = `iq-${r.id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
    if (ids.has(id)) continue;
    ids.add(id);
    for (const n of names) taken.add(normalizeArabic(n));
    extra.push({ id, type: "place", ar: names, en: r.en ? [r.en] : [id] });
  }
  return stringify({ ...bundled, entities: [...bundled.entities, ...extra] });
}

/** Arabic names the generator may mention, in gazetteer order. */
function mentionableNames(gazetteerFile: string): string[] {
  return loadGazetteer(gazetteerFile)
    .map((e) => matchedNames(e, "ar")[0])
    .filter((n): n is string => !!n);
}

const LINKS = [
  (n: string) => `وفي سياق متصل، أفادت مصادر مطلعة في ${n} بأن الاتصالات مستمرة.`,
  (n: string) => `وأشار البيان إلى زيارة مرتقبة لوفد من ${n} خلال الأيام المقبلة.`,
  (n: string) => `وتتابع الأوساط السياسية في ${n} هذه التطورات عن كثب.`,
  (n: string) => `ولم يصدر أي تعليق رسمي من ${n} حتى الآن.`,
];

export interface Generated {
  articles: number;
  translations: number;
  files: number;
  bytes: number;
  /** A word found in many articles and one found in very few, for search measurements. */
  commonWord: string;
  rareWord: string;
  rareWordArticles: number;
  /** id and relative path of the first Arabic article (for page-weight measurements). */
  sampleArticle: { id: string; file: string };
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

// Pieces of at most ~25 words (long sentences cut at commas), so that a paragraph of several pieces
// is never mostly one piece another paragraph also uses: each piece recurs about N/8,000 times.
const pieces = (p: string) => p.split(/(?<=[.!؟])\s+/u).flatMap((x) => (x.split(/\s+/).length > 25 ? x.split(/(?<=[،,؛])\s+/u) : [x]));

function storySentences(corpus: Corpus): string[] {
  return corpus.articles.flatMap((a) => a.paragraphs.slice(1).flatMap(pieces)).filter((x) => x.length > 20 && x.split(/\s+/).length <= 25);
}

/**
 * A lead that opens like a real article's (its first piece, then others), and paragraphs of
 * three or four pieces from anywhere in the corpus: as in a real archive, most articles share
 * no passage with any other. (Whole reused leads and paragraphs of one or two sentences made
 * passages shared by more articles the bigger N: shared pairs grew with the square of N.)
 * Now and then a story takes a whole paragraph of a recent one (`earlier`: the generator's
 * pool of recent stories), so that a passage is shared by a few stories whatever N is; taken
 * from the corpus's fixed 1,526 articles instead, each passage went into N/15,000 stories on
 * average, and far more for articles of one paragraph: shared pairs grew with the square of N
 * again (840 at 10k, 7,686 at 30k; docs/scale.md).
 */
function newStory(corpus: Corpus, base: CorpusArticle, sentences: string[], rand: () => number, earlier?: string[][]): string[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // At most 25 words: a lead that is one long sentence without a comma was a whole paragraph shared by
  // every story of the same base, N/1,526 of them (pairs with the square of N).
  const opening = pieces(base.paragraphs[0]!)[0]!.split(/\s+/).slice(0, 25).join(" ");
  const paras = [[opening, ...Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(sentences))].join(" ")];
  const more = 1 + Math.floor(rand() * 7);
  for (let k = 0; k < more; k++) {
    const len = 3 + Math.floor(rand() * 2);
    paras.push(Array.from({ length: len }, () => pick(sentences)).join(" "));
  }
  // Now and then a whole paragraph of another article (shared passages): a recent story's, when there are any.
  if (rand() < 0.1) paras.splice(1, 0, earlier?.length ? pick(pick(earlier)) : pick(pick(corpus.articles).paragraphs));
  return paras;
}

/**
 * One more article, made as the generator makes a new (not copied) story, dated
 * `date`: what the bench adds to measure a rebuild after an editor's addition.
 */
export function extraArticle(seed: number, id: string, date: string): string {
  const corpus = readCorpus();
  const rand = rng(seed);
  const base = corpus.articles[Math.floor(rand() * corpus.articles.length)]!;
  const paras = newStory(corpus, base, storySentences(corpus), rand);
  return `---\n${stringify({ id, title: base.title, date, source: base.source }).trim()}\n---\n\n${paras.join("\n\n")}\n`;
}

/** Writes N Arabic articles (and their translations) under `contentDir`. */
export function generateArticles(contentDir: string, n: number, seed: number, gazetteerFile: string): Generated {
  const corpus = readCorpus();
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const names = mentionableNames(gazetteerFile);
  // Zipf-like choice of names: a few very common, a long tail of rare ones.
  const zipfName = () => names[Math.min(names.length - 1, Math.floor(Math.pow(rand(), 2.5) * names.length))]!;
  const start = Date.UTC(2003, 0, 1);
  const end = Date.UTC(2025, 7, 31);
  const wordCount = new Map<string, number>();
  let bytes = 0;
  let files = 0;
  let translations = 0;
  let sample: Generated["sampleArticle"] | undefined;
  const made = new Set<string>();
  const sentences = storySentences(corpus);
  const previous: string[][] = [];
  for (let i = 0; i < n; i++) {
    const base = pick(corpus.articles);
    let paras: string[];
    if (previous.length && rand() < 0.05) {
      // A follow-up or copy of an earlier story (agency copy, updates): related coverage has work to do.
      const earlier = previous[Math.floor(rand() * previous.length)]!;
      paras = rand() < 0.5 ? [...earlier] : [...earlier, pick(pick(corpus.articles).paragraphs)];
    } else paras = newStory(corpus, base, sentences, rand, previous);
    if (previous.length < 2000) previous.push(paras);
    else previous[Math.floor(rand() * previous.length)] = paras;
    for (const p of paras) {
      for (const w of new Set(p.split(/[\s\p{P}]+/u))) if (w.length >= 6 && /^\p{Script=Arabic}+$/u.test(w)) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
    }
    const mentions = 1 + Math.floor(rand() * 3);
    // Each mention closes a paragraph of its own text: as paragraphs of their own, these few
    // formulas were "shared passages" between unrelated articles, more of them the bigger N.
    for (let k = 0; k < mentions; k++) {
      const at = paras.length > 1 ? 1 + Math.floor(rand() * (paras.length - 1)) : 0;
      paras[at] = `${paras[at]} ${pick(LINKS)(zipfName())}`;
    }
    const day = new Date(start + Math.floor(rand() * ((end - start) / 86400000)) * 86400000);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const id = `${date}-b${i.toString(16).padStart(6, "0")}`;
    const dir = `${day.getUTCFullYear()}/${pad(day.getUTCMonth() + 1)}`;
    const withEn = rand() < 0.2;
    const ar = `---\n${stringify({ id, title: base.title, date, source: base.source, translationKey: id }).trim()}\n---\n\n${paras.join("\n\n")}\n`;
    const arDir = join(contentDir, "ar", dir);
    if (!made.has(arDir)) {
      mkdirSync(arDir, { recursive: true });
      made.add(arDir);
    }
    writeFileSync(join(arDir, `${id}.md`), ar);
    sample ??= { id, file: `ar/${dir}/${id}.md` };
    bytes += Buffer.byteLength(ar);
    files++;
    if (withEn) {
      const k = Math.floor(rand() * corpus.parallel.length);
      const len = 3 + Math.floor(rand() * 6);
      const sents = Array.from({ length: len }, (_, j) => corpus.parallel[(k + j) % corpus.parallel.length]!.en);
      const title = ONE_LINE(sents[0]!).slice(0, 120);
      const en = `---\n${stringify({ id, title, date, source: "News agencies", translationKey: id }).trim()}\n---\n\n${sents.join("\n\n")}\n`;
      const enDir = join(contentDir, "en", dir);
      if (!made.has(enDir)) {
        mkdirSync(enDir, { recursive: true });
        made.add(enDir);
      }
      writeFileSync(join(enDir, `${id}.md`), en);
      bytes += Buffer.byteLength(en);
      files++;
      translations++;
    }
  }
  // Common: the most frequent long word; rare: a long word in exactly one article (first in sort order).
  const sorted = [...wordCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const commonWord = sorted[0]?.[0] ?? "العراق";
  const rareEntry = sorted.filter(([w, c]) => c === 1 && w.length >= 7).sort((a, b) => (a[0] < b[0] ? -1 : 1))[0] ?? sorted[sorted.length - 1]!;
  return { articles: n, translations, files, bytes, commonWord, rareWord: rareEntry[0], rareWordArticles: rareEntry[1], sampleArticle: sample! };
}

/**
 * A throwaway project: templates, layouts and public files copied, code and
 * node_modules linked, the bench gazetteer, and N generated articles.
 */
export function makeBenchProject(dir: string, n: number, seed: number): Generated {
  mkdirSync(join(dir, "content"), { recursive: true });
  for (const f of readdirSync(join(REPO, "content"), { withFileTypes: true })) {
    if (f.isFile()) copyFileSync(join(REPO, "content", f.name), join(dir, "content", f.name));
  }
  cpSync(join(REPO, "_includes"), join(dir, "_includes"), { recursive: true });
  if (existsSync(join(REPO, "public"))) cpSync(join(REPO, "public"), join(dir, "public"), { recursive: true });
  copyFileSync(join(REPO, "eleventy.config.ts"), join(dir, "eleventy.config.ts"));
  // The code is copied, not linked: the build cache's key includes it, and edits to the repo during a run must not change it.
  cpSync(join(REPO, "src"), join(dir, "src"), { recursive: true });
  for (const name of ["node_modules", "package.json", "tsconfig.json"]) symlinkSync(join(REPO, name), join(dir, name));
  const gaz = join(dir, "content/entities.yaml");
  writeFileSync(gaz, benchGazetteer());
  return generateArticles(join(dir, "content"), n, seed, gaz);
}
