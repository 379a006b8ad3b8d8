/**
 * Candidate entities the gazetteer lacks, mined from the archive, ranked by
 * the number of articles that name them, each with contexts and ready to
 * paste into content/entities.yaml.
 *
 *   npm run entities:suggest [-- --corpus dir] [-- --root dir] [-- --top n] [-- --min n]
 *
 * The archive is the project at --root (default: this repository), or the
 * raw files of --corpus imported into a throwaway project. Three sources:
 * - names after a title (الرئيس، الأمير، الملك، الوزير، الشيخ، الدكتور …) or
 *   after an office and its field (وزير الخارجية الأمريكي جون كيري): people;
 * - names after an organisation head (وزارة، هيئة، جمعية، نادي، حزب، حركة …):
 *   organisations;
 * - the same name words elsewhere: a person's name that starts with a given
 *   name seen after a title (عادل الجبير without وزير الخارجية), counted
 *   for names seen after a title at least once.
 * Of the word runs read there, the longest that most occurrences share is
 * kept (محمد بن سلمان, not محمد بن nor محمد بن سلمان ولي). Names the
 * gazetteer already has (inside any of its names) are left out.
 */
import { parseArgs } from "node:util";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadGazetteer, matchedNames, type EntityType } from "../src/entities/gazetteer.ts";
import { EntityTagger } from "../src/entities/tagger.ts";
import { STOP_WORDS } from "../src/entities/context.ts";
import { importedTexts, projectTexts, type ArchiveText } from "../src/entities/archive.ts";
import { normalizeArabic } from "../src/arabic/normalize.ts";
import { tokenize } from "../src/arabic/tokens.ts";
import { ContentErrors } from "../src/content/errors.ts";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const set = (words: string) => new Set(words.trim().split(/\s+/).map(normalizeArabic));

/**
 * Titles written right before a name (الملك سلمان), possibly with adjectives
 * between (الرئيس الأمريكي باراك أوباما). Not الفريق (also "the team").
 */
const TITLES = set(`
  الرئيس الأمير الملك الوزير الشيخ الدكتور د السيد السيدة اللواء العميد العقيد المقدم الرائد النقيب
  السفير المستشار الإمام المهندس الأستاذ البروفيسور الرئيسة الأميرة الملكة سمو معالي فضيلة سماحة`);
/** Offices followed by their field, then the name (وزير الخارجية عادل الجبير). */
const OFFICES = set(`
  وزير وزيرة رئيس رئيسة أمير نائب مدير محافظ سفير قائد مستشار أمين مساعد وكيل المتحدث الناطق مفتي زعيم
  ملك ولي`);
/** Heads of organisation names. */
const ORG_HEADS = set(`
  وزارة هيئة جمعية نادي حزب حركة منظمة مجلس شركة جامعة مؤسسة اتحاد لجنة بنك جماعة تنظيم صندوق مصرف وكالة
  جبهة ائتلاف تحالف`);
/** Heads of state bodies, whose short names recur in every country (وزارة الصحة, مجلس الشورى). */
const STATE_HEADS = set("وزارة مجلس هيئة");
/** Links inside a name: the name goes on after them (محمد بن سلمان, عبد الله, آل سعود). */
const LINKS = set("بن بنت ابن أبو أبي أبا عبد آل");
/**
 * Words that end a name: function words, and the words that most often come
 * right after a name in news (قال، ولي، خلال …). Not a list of names.
 */
const ENDS = new Set([
  ...STOP_WORDS,
  ...set(`
  و أو وقال وأكد وأضاف أكد أضاف أعلن أشار أوضح قال يقول ذكر قالت أكدت أعلنت إنه إنها أنه أنها بأن لأن كما
  إلى إلي الى علي عليه عليها فيه فيها منه منها به بها له لها لهم عنه عنها ولي وزير رئيس نائب أمير أمين
  حفظه يحفظه رحمه يرحمه أيده يرعاه رعاه تعالى الله الذي التي ثم يوم أمس غد صباح مساء اليوم العام عام سنة
  شهر خلال أثناء لدى حيث وقد قد لقد كذلك أيضا بعد قبل عقب إثر بين حول نحو ضمن وفق عدد عدة جميع كافة
  كان كانت يكون تكون هناك هنا هذا هذه ليس ليست رقم داخل خارج
  جلالة صاحب السمو الملكي خادم الحرمين الشريفين سمو معالي فخامة دولة حضرة`),
]);

interface Candidate {
  words: string[];
  type: EntityType;
  articles: Set<string>;
  titles: Map<string, number>;
  contexts: string[];
}

function parseCli() {
  const { values } = parseArgs({
    options: { corpus: { type: "string" }, root: { type: "string" }, gazetteer: { type: "string" }, top: { type: "string", default: "50" }, min: { type: "string", default: "2" } },
  });
  return { ...values, top: Number(values.top), min: Number(values.min) };
}

interface Word {
  norm: string;
  start: number;
  end: number;
  /** Punctuation (not only spaces) between this word and the previous one. */
  broken: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const t of tokenize(text)) {
    out.push({ norm: normalizeArabic(t.text), start: t.start, end: t.end, broken: !/^\s*$/.test(text.slice(last, t.start)) });
    last = t.end;
  }
  return out;
}

const arabic = (w: string) => /^[\u0621-\u064A]+$/.test(w) && w.length >= 2;
const definite = (w: string) => w.startsWith("ال") && w.length > 3;

/** How many times each normalised word occurs in the archive. */
let freq = new Map<string, number>();
const count = (w: string) => freq.get(w) ?? 0;
/** A word that is more often seen as ب/ل + another word (لكرة, بشكل, لشركة, للانتخابات) is not a name's first word. */
const cliticForm = (w: string) =>
  w.length >= 4 && !LINKS.has(w) && (w.startsWith("لل") || (/^[بل]/.test(w) && (count("ال" + w.slice(1)) > 0 || count(w.slice(1)) > count(w))));
/** A word more often seen with ال (إدارة → الإدارة) is a common noun, not a name. */
const commonNoun = (w: string) => count("ال" + w) * 3 > count(w);

/** The name read from word `i` on: a first word, then more words, links, and at most one definite surname that ends it. */
function readName(ws: Word[], i: number, maxWords = 5): number[] {
  const out: number[] = [];
  for (let k = i; k < ws.length && out.length < maxWords; k++) {
    const w = ws[k]!;
    if (k > i && w.broken) break;
    if (!arabic(w.norm) || ENDS.has(w.norm) || TITLES.has(w.norm) || OFFICES.has(w.norm)) break;
    if (cliticForm(w.norm) || (out.length === 0 && (definite(w.norm) || LINKS.has(w.norm)))) break;
    out.push(k);
    if (definite(w.norm)) break;
  }
  while (out.length && LINKS.has(ws[out[out.length - 1]!]!.norm)) out.pop();
  return out;
}

/** The organisation name from head `i`: the head, one word, then definite words (وزارة الخارجية الأمريكية, حزب العدالة والتنمية). */
function readOrg(ws: Word[], i: number): number[] {
  const out = [i];
  for (let k = i + 1; k < ws.length && out.length < 5; k++) {
    const w = ws[k]!;
    if (w.broken || !arabic(w.norm) || ENDS.has(w.norm)) break;
    if (out.length > 1 && !(definite(w.norm) || /^(?:لل|وال)/.test(w.norm))) break;
    if (out.length === 1 && !definite(w.norm) && (commonNoun(w.norm) || cliticForm(w.norm))) break;
    out.push(k);
  }
  return out.length > 1 ? out : [];
}

function context(text: string, ws: Word[], idx: number[]): string {
  const a = ws[idx[0]!]!.start;
  const b = ws[idx[idx.length - 1]!]!.end;
  const from = Math.max(0, a - 45);
  const to = Math.min(text.length, b + 45);
  const flat = (s: string) => s.replace(/\s+/g, " ");
  return `…${flat(text.slice(from, a))}⟪${text.slice(a, b)}⟫${flat(text.slice(b, to))}…`;
}

/** A rough Latin slug for the suggested id (the editor replaces it with the usual spelling). */
const LATIN: Record<string, string> = {
  ا: "a", ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh", ص: "s", ض: "d", ط: "t", ظ: "z",
  ع: "a", غ: "gh", ف: "f", ق: "q", ك: "k", ل: "l", م: "m", ن: "n", ه: "h", و: "w", ي: "y", ء: "",
};
function slug(name: string): string {
  const s = normalizeArabic(name).split(" ").map((w) => [...w].map((c) => LATIN[c] ?? "").join("")).filter(Boolean).join("-");
  return s.replace(/-+/g, "-").replace(/^-|-$/g, "") || "new-entity";
}

function mine(texts: ArchiveText[]): Map<string, Candidate> {
  // Every prefix of every name read, per source; the longest shared one is chosen below.
  const runs = new Map<string, Candidate>();
  const note = (t: ArchiveText, ws: Word[], idx: number[], type: EntityType, title: string) => {
    for (let n = 1; n <= idx.length; n++) {
      const part = idx.slice(0, n);
      const last = ws[part[n - 1]!]!.norm;
      if (LINKS.has(last)) continue;
      if (type === "organization" && n < 2) continue;
      // One word is a name only after الملك (الملك سلمان): other titles name many people by one word.
      if (type === "person" && n < 2 && title !== "الملك") continue;
      // An organisation head keeps no conjunction (وحزب العمال → حزب العمال).
      const head = (k: number, s: string) => (type === "organization" && k === part[0] && !ORG_HEADS.has(normalizeArabic(s)) ? s.slice(1) : s);
      const key = `${type}|${n < 2 && type === "person" ? "الملك " : ""}${part.map((k) => head(k, ws[k]!.norm)).join(" ")}`;
      let c = runs.get(key);
      if (!c) runs.set(key, (c = { words: part.map((k) => head(k, t.text.slice(ws[k]!.start, ws[k]!.end))), type, articles: new Set(), titles: new Map(), contexts: [] }));
      if (!c.articles.has(t.id) && c.contexts.length < 2) c.contexts.push(context(t.text, ws, part));
      c.articles.add(t.id);
      if (title) c.titles.set(title, (c.titles.get(title) ?? 0) + 1);
    }
  };
  const given = new Map<string, number>();
  const perText = texts.map((t) => ({ t, ws: words(t.text) }));
  freq = new Map();
  for (const { ws } of perText) for (const w of ws) freq.set(w.norm, (freq.get(w.norm) ?? 0) + 1);
  for (const { t, ws } of perText) {
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!.norm;
      const bare = w.replace(/^[وف]/, "");
      if (TITLES.has(w) || TITLES.has(bare) || OFFICES.has(w) || OFFICES.has(bare)) {
        // Skip the office's field and adjectives (الخارجية الأمريكي), at most three words.
        let k = i + 1;
        const office = OFFICES.has(w) || OFFICES.has(bare);
        while (k < ws.length && k - i <= 3 && !ws[k]!.broken && (definite(ws[k]!.norm) || ws[k]!.norm.startsWith("لل")) && !ENDS.has(ws[k]!.norm)) k++;
        if (office && k === i + 1) continue;
        if (k < ws.length && ws[k]!.broken) continue;
        const idx = readName(ws, k);
        if (idx.length) {
          note(t, ws, idx, "person", TITLES.has(bare) ? bare : w);
          if (idx.length >= 2) given.set(ws[idx[0]!]!.norm, (given.get(ws[idx[0]!]!.norm) ?? 0) + 1);
        }
      } else if (ORG_HEADS.has(w) || ORG_HEADS.has(bare)) {
        const idx = readOrg(ws, i);
        if (idx.length) note(t, ws, idx, "organization", "");
      }
    }
  }
  // Names that start with a given name seen after titles, wherever they stand.
  const givenNames = new Set([...given].filter(([, n]) => n >= 3).map(([w]) => w));
  for (const { t, ws } of perText) {
    for (let i = 0; i < ws.length; i++) {
      if (!givenNames.has(ws[i]!.norm)) continue;
      const before = ws[i - 1]?.norm ?? "";
      // Counted above, or inside a longer name (علي عبدالله صالح).
      if (i > 0 && !ws[i]!.broken && (TITLES.has(before) || LINKS.has(before) || givenNames.has(before))) continue;
      const idx = readName(ws, i);
      if (idx.length < 2) continue;
      // A common adjective is no surname: رمضان المبارك, حسن الجوار (مبارك, جوار are common words).
      const lastWord = ws[idx[idx.length - 1]!]!.norm;
      if (definite(lastWord) && count(lastWord.slice(2)) >= count(lastWord)) continue;
      note(t, ws, idx, "person", "");
    }
  }
  return runs;
}

/** Keeps the longest runs that most of their prefix's articles share. */
function choose(runs: Map<string, Candidate>, min: number): Candidate[] {
  const out: Candidate[] = [];
  for (const [key, c] of runs) {
    if (c.articles.size < min) continue;
    // A longer run that keeps most of the articles replaces this one.
    let dominated = false;
    for (const [k2, c2] of runs) {
      if (k2.length > key.length && k2.startsWith(key + " ") && c2.articles.size >= 0.6 * c.articles.size) {
        dominated = true;
        break;
      }
    }
    if (dominated) continue;
    // A person's name must have been seen after a title at least once (not رمضان المبارك).
    if (c.type === "person" && c.titles.size === 0) continue;
    // A prefix that its longer runs share between them (وزارة الشؤون …
    // الإسلامية / الاجتماعية) is not a name of its own.
    let extended = 0;
    for (const [k2, c2] of runs) {
      if (k2.startsWith(key + " ") && !k2.slice(key.length + 1).includes(" ")) extended += c2.articles.size;
    }
    if (extended >= 0.6 * c.articles.size) continue;
    if (c.type === "person" && c.words.length < 2) c.words = ["الملك", ...c.words];
    out.push(c);
  }
  // A run that extends another chosen one (تنظيم داعش الإرهابي after تنظيم داعش) adds nothing.
  const keys = new Set(out.map((c) => `${c.type}|${normalizeArabic(c.words.join(" "))}`));
  return out.filter((c) => {
    const ws = normalizeArabic(c.words.join(" ")).split(" ");
    for (let n = 1; n < ws.length; n++) if (keys.has(`${c.type}|${ws.slice(0, n).join(" ")}`)) return false;
    return true;
  });
}

async function main(): Promise<void> {
  const o = parseCli();
  const root = resolve(o.root ?? REPO);
  const entities = loadGazetteer(o.gazetteer ? resolve(o.gazetteer) : join(root, "content/entities.yaml"));
  const { texts, problems } = o.corpus ? await importedTexts(resolve(o.corpus)) : projectTexts(root);
  const known = entities.flatMap((e) => matchedNames(e, "ar").map((n) => ` ${normalizeArabic(n).trim()} `));
  // Entities each article names, to see which country a generic name (وزارة الصحة) belongs to.
  const tagger = new EntityTagger(entities);
  const countryIds = new Set(entities.filter((e) => e.country).map((e) => e.id));
  const countriesOf = new Map(texts.map((t) => [t.id, new Set(tagger.tag(t.text, { date: t.date }).map((m) => m.entityId).filter((id) => countryIds.has(id)))]));
  const candidates = choose(mine(texts), o.min)
    .filter((c) => {
      const n = ` ${normalizeArabic(c.words.join(" "))} `;
      return !known.some((k) => k.includes(n) || n.includes(k));
    })
    .sort((a, b) => b.articles.size - a.articles.size || (a.words.join(" ") < b.words.join(" ") ? -1 : 1))
    .slice(0, o.top);
  console.log(`# ${candidates.length} candidates from ${texts.length} Arabic articles${o.corpus ? ` imported from ${o.corpus}` : ""}${problems.length ? ` (${problems.length} files not read)` : ""}`);
  console.log("# ranked by articles; check each (npm run entities:check ID after adding it), then paste under `entities:`\n");
  candidates.forEach((c, i) => {
    const name = c.words.join(" ");
    const titles = [...c.titles].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, n]) => `${t} ×${n}`).join(", ");
    console.log(`  # ${i + 1}. ${c.articles.size} articles${titles ? `; after ${titles}` : ""}`);
    for (const x of c.contexts) console.log(`  #    ${x}`);
    // A head and one word (وزارة الصحة, مجلس الشورى) is the same name in many
    // countries: qualified by the country most of its articles name.
    if (c.type === "organization" && c.words.length === 2 && STATE_HEADS.has(normalizeArabic(c.words[0]!))) {
      const tally = new Map<string, number>();
      for (const id of c.articles) for (const k of countriesOf.get(id) ?? []) tally.set(k, (tally.get(k) ?? 0) + 1);
      const [top, n] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
      console.log(`  #    the same name in other countries${top ? `; ${n} of its ${c.articles.size} articles name ${top}` : ""}: if it is one country's, write {name: ${name}, with: [${top || "country-id"}]}`);
    }
    console.log(`  - id: ${slug(name)}\n    type: ${c.type}\n    ar: [${name}]\n`);
  });
}

main().catch((err: unknown) => {
  if (err instanceof ContentErrors) for (const x of err.errors) console.error(x.format());
  else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
