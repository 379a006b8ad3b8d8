import { stemmer } from "stemmer";
import { normalizeArabic } from "../arabic/normalize.ts";
import { tokenize } from "../arabic/tokens.ts";

/**
 * The words Pagefind indexes and searches, produced by the same code at build
 * time (Node) and in the reader's browser, so both sides always agree.
 *
 * Arabic attaches conjunctions, prepositions and the article to the word
 * (وبالعراق = و + ب + ال + عراق), and a clitic letter cannot be told from a
 * root letter without a dictionary (بغداد starts with a root ب). So every
 * word is indexed under *all* its readings — each way of peeling off
 * proclitics, repeatedly — and a query word is searched under its shortest
 * reading, which is always among the readings of any word that shares its
 * core: ببغداد, وبغداد, لبغداد and بغداد all contain the reading غداد.
 *
 * The shortest reading stands in the word's own position (phrases keep
 * working); the other readings follow the body, so a word typed in full or
 * half-typed with its prefix (الأع…, بغد…) still prefix-matches.
 * Each reading then loses light inflectional suffixes — feminine, dual and
 * sound plurals, attached pronouns — but not the nisba ي(ة), which makes a
 * different word (اتفاقية is not اتفاق); Pagefind's prefix matching already
 * takes العراق to العراقي.
 */

const MIN_STEM = 3;
// Proclitics, longest first: ك only before the article (كالعادة), never alone.
const PREFIXES = ["كال", "لل", "ال", "و", "ف", "ب", "ل"];
const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "ه"];
const MAX_DEPTH = 4;
const ARABIC = /[\u0600-\u06FF]/;

/** Every reading of a normalised Arabic word: itself and each proclitic peel, recursively. */
export function readings(word: string): string[] {
  const seen = new Set([word]);
  let frontier = [word];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (const p of PREFIXES) {
        if (w.startsWith(p) && w.length - p.length >= MIN_STEM) {
          const rest = w.slice(p.length);
          if (!seen.has(rest)) {
            seen.add(rest);
            next.push(rest);
          }
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/** Light suffix removal: each suffix at most once, in order, keeping ≥ 3 letters. */
export function stripSuffixes(word: string): string {
  let w = word;
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= MIN_STEM) w = w.slice(0, -s.length);
  return w;
}

function shortest(list: string[]): string {
  return list.reduce((a, b) => (b.length < a.length || (b.length === a.length && b < a) ? b : a));
}

export interface WordForms {
  /** The form in the word's position (also what a query for this word becomes). */
  main: string;
  /** Other forms the word can be found under. */
  extra: string[];
}

/** Index and query forms of one word (original spelling in, any script). */
export function wordForms(word: string): WordForms {
  const norm = normalizeArabic(word);
  if (!ARABIC.test(norm)) {
    const lower = norm.toLowerCase();
    const main = /^[a-z]+$/.test(lower) ? stemmer(lower) : lower;
    return { main, extra: main === lower ? [] : [lower] };
  }
  const all = readings(norm);
  const main = stripSuffixes(shortest(all));
  // Readings as written (no suffix removal): enough for half-typed words, no invented forms.
  // Not those still carrying كال (كالعادة): a query whose stem is كال (وكالة) would
  // prefix-match them all, and nobody types a word with that clitic to find it.
  const extra = new Set(all.filter((r) => !(r.startsWith("كال") && r.length - 3 >= MIN_STEM)));
  extra.delete(main);
  return { main, extra: [...extra] };
}

/** The text Pagefind indexes for a document: word forms in order, then the extra forms. */
export function indexText(text: string, extraText = ""): string {
  const main: string[] = [];
  const extra = new Set<string>();
  for (const t of tokenize(text)) {
    const f = wordForms(t.text);
    main.push(f.main);
    for (const e of f.extra) extra.add(e);
  }
  // Names of tagged entities in both languages: an English query finds Arabic pages and back.
  for (const t of tokenize(extraText)) {
    const f = wordForms(t.text);
    extra.add(f.main);
    for (const e of f.extra) extra.add(e);
  }
  return `${main.join(" ")} ${[...extra].sort().join(" ")}`.trim();
}

/** A reader's query in index forms: quoted phrases apart (Pagefind matches a phrase only as a whole query), the other words together. */
export interface QueryParts {
  phrases: string[];
  words: string[];
}

export function queryParts(query: string): QueryParts {
  const phrases: string[] = [];
  const words: string[] = [];
  const re = /"([^"]*)"?|[^\s"]+/g;
  for (const m of query.matchAll(re)) {
    if (m[1] !== undefined) {
      const forms = tokenize(m[1]).map((t) => wordForms(t.text).main);
      if (forms.length) phrases.push(forms.join(" "));
    } else {
      for (const t of tokenize(m[0])) words.push(wordForms(t.text).main);
    }
  }
  return { phrases, words };
}

/** The query as one Pagefind search string: quoted phrases stay phrases. */
export function analyzeQuery(query: string): string {
  const { phrases, words } = queryParts(query);
  return [...phrases.map((p) => `"${p}"`), ...words].join(" ");
}

/** Normalised forms of a query's words, for highlighting matches in the original text. */
export function queryWords(query: string): string[] {
  return tokenize(query).map((t) => wordForms(t.text).main).filter(Boolean);
}

/** Whether an original word matches one of the query words (prefix, as Pagefind does). */
export function wordMatches(word: string, query: string[]): boolean {
  const f = wordForms(word);
  const forms = [f.main, ...f.extra];
  return query.some((q) => forms.some((x) => x.startsWith(q)));
}
