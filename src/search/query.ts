import { tokenize } from "../arabic/tokens.ts";
import { compoundCandidates, isCompoundHead, pluralsBeginning, queryKey, typingPrefixes } from "./morphology.ts";
import { indexWord } from "./terms.ts";
import { arabicSpellings } from "./transliterate.ts";
import { normalizeForSearch } from "../arabic/normalize.ts";
import { filterToken } from "./filters.ts";
import { isLatinWord } from "./names.ts";

/**
 * A reader's query, word by word: quoted phrases, complete words and, while
 * the reader is still typing, the last word as a beginning. Runs in the
 * browser; the index is reached only through `lookup`.
 */
export interface QueryWord {
  /** As typed (for messages). */
  text: string;
  /** Compound name (عبد العزيز): the word after the head. */
  next?: string;
}

export interface ParsedQuery {
  phrases: QueryWord[][];
  words: QueryWord[];
  /** The word being typed, matched as a beginning (only while typing). */
  typing?: string;
}

function words(tokens: string[]): QueryWord[] {
  const out: QueryWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isCompoundHead(t) && i + 1 < tokens.length) {
      out.push({ text: `${t} ${tokens[i + 1]!}`, next: tokens[i + 1]! });
      i++;
    } else out.push({ text: t });
  }
  return out;
}

/** `typing`: the reader has not finished (search as you type): the last word is a beginning unless a space or quote follows it. */
export function parseQuery(query: string, typing = false): ParsedQuery {
  const phrases: QueryWord[][] = [];
  const plain: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    if (m[1] !== undefined) {
      const ws = words(tokenize(m[1]).map((t) => t.text));
      if (ws.length) phrases.push(ws);
    } else plain.push(...tokenize(m[0]).map((t) => t.text));
  }
  const open = typing && plain.length > 0 && /[^\s"]$/.test(query) && !/"[^"]*$/.test(query);
  const last = open ? plain.pop() : undefined;
  // آل (the family of) folds to the article's letters: آل الشيخ is the family only as words side by side.
  for (let i = 0; i + 1 < plain.length; i++) {
    if (!/^[وفبل]?آل$/.test(plain[i]!)) continue;
    phrases.push(words(plain.splice(i, 2)));
    i--;
  }
  // A compound head typed last waits for its second word.
  return { phrases, words: words(plain), ...(last ? { typing: last } : {}) };
}

/** How many pages hold an indexed word, or begin one with a prefix (0: none). Cached by the caller. */
export type Lookup = (term: string) => Promise<number>;

async function keyOf(w: QueryWord, lookup: Lookup): Promise<string | undefined> {
  if (w.next === undefined) return queryKey(w.text, (k) => lookup(indexWord(k)));
  for (const k of compoundCandidates(w.next)) if ((await lookup(indexWord(k))) > 0) return k;
  return undefined;
}

export interface ResolvedQuery {
  /** Pagefind words that must all be in a page. */
  terms: string[];
  /**
   * Other indexed words that stand for the word at `at` in `terms`: a page
   * with any of them is found. The word being typed also
   * as the singulars of the plurals it begins (الأع… → عمل for الأعمال).
   */
  alternatives: { at: number; terms: string[]; span?: number }[];
  /** Complete words no page contains, searched as a spelling of the same name the archive uses (بوتن → بوتين): shown as such. */
  respelled: { typed: string; as: string }[];
  /** Each phrase as Pagefind words that must stand side by side. */
  phrases: string[][];
  /** Complete words no page contains: the query finds nothing. */
  missing: string[];
  /** Each word found under its key (in `terms` or a phrase), with that key's term: localKeys works them out again for a group of partitions. */
  keyed: { word: QueryWord; term: string }[];
  /** Entity tag words (in `terms` or `alternatives`) that stand for a name typed in Latin letters → the entity's id. */
  named: Map<string, string>;
}

/**
 * The entities whose English names hold every one of `words` (Latin, as
 * typed) and, when given, a word beginning with `typing`: ids, most often
 * tagged first (src/search/names.ts; the search page loads the table).
 */
export type NamesOf = (words: string[], typing?: string) => Promise<string[]>;

/** A beginning shorter than this is not matched against the names: almost every name would do. */
const NAME_PREFIX = 2;

/**
 * The runs of Latin words of a query (the word being typed is place
 * `q.words.length`) that name an entity, with the entities they name: a run
 * is taken whole when one entity's names hold all its words (Qasim al-Araji),
 * else word by word (Putin Erdogan).
 */
async function namedRuns(q: ParsedQuery, namesOf: NamesOf): Promise<{ from: number; to: number; ids: string[] }[]> {
  const texts = q.words.map((w) => (w.next === undefined && isLatinWord(w.text) ? w.text : undefined));
  if (q.typing !== undefined) texts.push(isLatinWord(q.typing) && q.typing.length >= NAME_PREFIX ? q.typing : undefined);
  const typedAt = q.typing !== undefined ? q.words.length : -1;
  const named = (from: number, to: number) => {
    const words = texts.slice(from, to) as string[];
    return to - 1 === typedAt ? namesOf(words.slice(0, -1), words[words.length - 1]) : namesOf(words);
  };
  const out: { from: number; to: number; ids: string[] }[] = [];
  for (let i = 0; i < texts.length; ) {
    if (texts[i] === undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j < texts.length && texts[j] !== undefined) j++;
    const whole = j - i > 1 ? await named(i, j) : [];
    if (whole.length) out.push({ from: i, to: j, ids: whole });
    else for (let k = i; k < j; k++) {
      const ids = await named(k, k + 1);
      if (ids.length) out.push({ from: k, to: k + 1, ids });
    }
    i = j;
  }
  return out;
}

/** The likeliest Arabic spelling of a Latin word that the index holds, as an indexed word. */
async function arabicSpelling(word: string, lookup: Lookup): Promise<string | undefined> {
  if (!isLatinWord(word)) return undefined;
  const terms = arabicSpellings(word).map((s) => indexWord(normalizeForSearch(s)));
  const counts = await Promise.all(terms.map(lookup));
  const i = counts.findIndex((n) => n > 0);
  return i < 0 ? undefined : terms[i];
}

/** The typed word as the first prefix the index begins a word with, and the held singulars of the plurals it begins. */
async function typedTerms(typing: string, lookup: Lookup): Promise<string[]> {
  for (const p of typingPrefixes(typing)) {
    const [n, singulars] = await Promise.all([
      lookup(p),
      Promise.all(pluralsBeginning(p).map(async (s) => ((await lookup(indexWord(s))) > 0 ? indexWord(s) : ""))),
    ]);
    const held = singulars.filter((s) => s && !s.startsWith(p));
    if (n > 0) return [p, ...held];
    if (held.length) return held;
  }
  return [];
}

/** A word found in at most this many pages is also searched in the archive's other spellings of it. */
const RARE = 3;

/**
 * Spellings of one foreign name (ج غ ق ك for g, a long vowel written or not:
 * غوغل/جوجل, انستقرام/انستغرام, بوتن/بوتين, نتانياهو/نتنياهو). Only for words
 * of four letters or more, and used only for a word the archive has rarely or
 * not at all: غال and قال are different words.
 */
export function foreignSpellings(word: string): string[] {
  const w = normalizeForSearch(word);
  if (w.length < 4 || !/^[\u0621-\u064A]+$/.test(w)) return [];
  const out = new Set<string>();
  for (const g of G_SOUNDS) out.add([...w].map((c) => (G_SOUNDS.includes(c) ? g : c)).join(""));
  for (let i = 1; i < w.length; i++) {
    if ("اوي".includes(w[i]!) && i < w.length - 1) out.add(w.slice(0, i) + w.slice(i + 1));
    for (const v of "اوي") out.add(w.slice(0, i) + v + w.slice(i));
  }
  out.delete(w);
  return [...out];
}

/** The other spellings the archive holds as words of their own in at least two pages and twice as many as `n` (most pages first, at most two). */
async function heldSpellings(word: string, n: number, lookup: Lookup): Promise<string[]> {
  const found = await Promise.all(foreignSpellings(word).map(async (v) => ({ v, n: await lookup(indexWord(v)) })));
  return found
    .filter((x) => x.n >= 2 && x.n >= 2 * n)
    .sort((a, b) => b.n - a.n || (a.v < b.v ? -1 : 1))
    .slice(0, 2)
    .map((x) => x.v);
}

/**
 * A word no article has, as two words the archive writes side by side
 * (ديميستورا, دي ميستورا): the first split whose halves are words of their
 * own in at least two pages each. Searched as a phrase, so the halves must
 * stand together.
 */
async function heldSplit(word: string, lookup: Lookup): Promise<[string, string] | undefined> {
  const w = normalizeForSearch(word);
  if (w.length < 5 || !/^[\u0621-\u064A]+$/.test(w)) return undefined;
  const cuts = Array.from({ length: w.length - 3 }, (_, i) => i + 2);
  const held = await Promise.all(cuts.map(async (i) => (await lookup(indexWord(w.slice(0, i)))) >= 2 && (await lookup(indexWord(w.slice(i)))) >= 2));
  const i = held.indexOf(true);
  return i < 0 ? undefined : [w.slice(0, cuts[i]!), w.slice(cuts[i]!)];
}

/**
 * The query in indexed words: each complete word under the key the index
 * holds for it (or its other forms), the typed word as a prefix. With
 * `namesOf`, Latin words that name entities also find the pages tagged with
 * those entities (an Arabic page holds no English name).
 */
export async function resolveQuery(q: ParsedQuery, lookup: Lookup, namesOf?: NamesOf): Promise<ResolvedQuery> {
  const missing: string[] = [];
  const keyed: { word: QueryWord; term: string }[] = [];
  const respelled: { typed: string; as: string }[] = [];
  const others = new Map<QueryWord | "typed", string[]>();
  const splits: string[][] = [];
  const runs = namesOf ? await namedRuns(q, namesOf) : [];
  const covered = new Set(runs.flatMap((r) => Array.from({ length: r.to - r.from }, (_, i) => r.from + i)));
  const resolve = async (w: QueryWord, latinAlternative = false, inPhrase = false, named = false) => {
    const k = await keyOf(w, lookup);
    // A name's word that no page holds as a word is found by the entities' tags alone (below).
    if (named) {
      if (k === undefined) return "";
      keyed.push({ word: w, term: indexWord(k) });
      return indexWord(k);
    }
    // A guessed Arabic spelling would also find other words (Turkey → تركي, a
    // given name): only a Latin word that no page holds and no entity's
    // English names hold (those find the tagged pages, above) is guessed.
    const arabic = latinAlternative && k === undefined ? await arabicSpelling(w.text, lookup) : undefined;
    const n = k === undefined ? 0 : await lookup(indexWord(k));
    const spellings = w.next === undefined && n <= RARE ? await heldSpellings(w.text, n, lookup) : [];
    // A quoted word is asked as typed: it is not split into two.
    const split = k === undefined && arabic === undefined && !spellings.length && w.next === undefined && !inPhrase ? await heldSplit(w.text, lookup) : undefined;
    if (split) {
      splits.push(split.map(indexWord));
      respelled.push({ typed: w.text, as: split.join(" ") });
      return "";
    }
    if (k === undefined && arabic === undefined && !spellings.length) missing.push(w.text);
    if (k === undefined && !arabic && spellings.length) {
      respelled.push({ typed: w.text, as: spellings[0]! });
      if (spellings.length > 1) others.set(w, spellings.slice(1).map(indexWord));
      return indexWord(spellings[0]!);
    }
    if (k === undefined) return arabic ?? "";
    const alt = [...(arabic ? [arabic] : []), ...spellings.map(indexWord)];
    if (alt.length) others.set(w, alt);
    keyed.push({ word: w, term: indexWord(k) });
    return indexWord(k);
  };
  // One Latin word per query that names no entity gets an Arabic spelling: the first.
  const guessed = q.words.findIndex((x, i) => isLatinWord(x.text) && !covered.has(i));
  const typedAt = q.words.length;
  const [terms, phrases, typed] = await Promise.all([
    Promise.all(q.words.map((w, i) => resolve(w, i === guessed, false, covered.has(i)))),
    Promise.all(q.phrases.map((p) => Promise.all(p.map((w) => resolve(w, false, true))))),
    (async () => {
      if (!q.typing) return undefined;
      const [first, ...rest] = await typedTerms(q.typing, lookup);
      if (!first && !covered.has(typedAt)) missing.push(q.typing);
      else if (rest.length) others.set("typed", rest);
      return first ?? "";
    })(),
  ]);
  const keys: (QueryWord | "typed")[] = [...q.words, ...(typed !== undefined ? ["typed" as const] : [])];
  const all = [...terms, ...(typed !== undefined ? [typed] : [])];
  const named = new Map<string, string>();
  // A named run's words, where some page holds them all as words, or else its first entity's tag in their place.
  const namedAlternatives = runs.flatMap(({ from, to, ids }) => {
    const tags = ids.map((id) => filterToken("entity", id));
    tags.forEach((t, i) => named.set(t, ids[i]!));
    if (all.slice(from, to).every(Boolean)) return [{ from, terms: tags, span: to - from }];
    all[from] = tags[0]!;
    for (let i = from + 1; i < to; i++) all[i] = "";
    others.delete(keys[from]!);
    return tags.length > 1 ? [{ from, terms: tags.slice(1), span: 1 }] : [];
  });
  const out: ResolvedQuery = { terms: all.filter(Boolean), alternatives: [], phrases: [...phrases, ...splits], missing, respelled, keyed, named };
  const place = (i: number) => all.slice(0, i).filter(Boolean).length;
  // The names first: searchesOf keeps the first alternatives when there are too many.
  for (const { from, terms, span } of namedAlternatives) out.alternatives.push({ at: place(from), terms, ...(span > 1 ? { span } : {}) });
  keys.forEach((k, i) => {
    const alt = others.get(k);
    if (alt && all[i]) out.alternatives.push({ at: place(i), terms: alt });
  });
  // Two words a name is also written as one (فيس بوك, فيسبوك): the joined word in their place.
  const joins = await Promise.all(
    q.words.slice(0, -1).map(async (w, i) => {
      const b = q.words[i + 1]!;
      if (w.next !== undefined || b.next !== undefined || !all[i] || !all[i + 1]) return undefined;
      const joined = normalizeForSearch(w.text + b.text);
      if (!/^[\u0621-\u064A]{4,}$/.test(joined)) return undefined;
      return (await lookup(indexWord(joined))) >= 2 ? { at: place(i), terms: [indexWord(joined)], span: 2 as const } : undefined;
    }),
  );
  for (const j of joins) if (j) out.alternatives.push(j);
  return out;
}

/**
 * The query's keys in a group of partitions whose words were keyed against
 * one lexicon (the sealed ones, or the others: src/search/records.ts,
 * sealedSite), where they differ from the keys chosen over the whole index:
 * each word's first candidate key that `lookup` (the group's pages) holds, by
 * the rule queryKey applies to the whole index. Term → the group's term.
 */
export async function localKeys(q: Pick<ResolvedQuery, "keyed">, lookup: Lookup): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { word, term } of q.keyed) {
    if (out.has(term)) continue;
    const k = await keyOf(word, lookup);
    if (k !== undefined && indexWord(k) !== term) out.set(term, indexWord(k));
  }
  return out;
}

/**
 * The Pagefind searches whose results, together, answer the query: the
 * terms, then each alternative in its word's place (at most `max` searches;
 * a page needs every word, in any of its forms).
 */
export function searchesOf(q: Pick<ResolvedQuery, "terms" | "alternatives">, max = 8): string[][] {
  // Places stay those of `terms`: a joined word or a name's tag leaves the places of its other words empty until the end.
  let out: (string | undefined)[][] = [q.terms];
  for (const { at, terms, span } of q.alternatives) {
    const fit = terms.slice(0, Math.floor(max / out.length) - 1);
    out = out.flatMap((s) => [s, ...fit.map((t) => s.map((x, i) => (i === at ? t : span && i > at && i < at + span ? undefined : x)))]);
  }
  return out.map((s) => s.filter((x): x is string => x !== undefined));
}

const G_SOUNDS = "جغقك";

/**
 * Close spellings of a word no article has, to offer apart from the results
 * ("did you mean"): the letters foreign names write g with (جوجل, غوغل,
 * قوقل), ة written as ه and back, a long vowel written or not. The page shows
 * only those the index holds, as suggestions, never as matches.
 */
export function closeSpellings(word: string): string[] {
  const out = new Set<string>();
  const w = word.trim();
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (G_SOUNDS.includes(c)) for (const g of G_SOUNDS) if (g !== c) out.add(w.slice(0, i) + g + w.slice(i + 1));
    if ("اوي".includes(c) && i > 0 && i < w.length - 1) out.add(w.slice(0, i) + w.slice(i + 1));
  }
  // Every g-sound written the same way (قوقل → جوجل, غوغل).
  for (const g of G_SOUNDS) out.add([...w].map((c) => (G_SOUNDS.includes(c) ? g : c)).join(""));
  if (w.endsWith("ه")) out.add(`${w.slice(0, -1)}ة`);
  if (w.endsWith("ة")) out.add(`${w.slice(0, -1)}ه`);
  out.delete(w);
  return [...out];
}

/** The close spellings of `word` the index holds, most pages first (at most `max`). */
export async function suggestions(word: string, lookup: Lookup, max = 3): Promise<string[]> {
  const found = await Promise.all(
    closeSpellings(word).map(async (v) => {
      const k = await queryKey(v, (key) => lookup(indexWord(key)));
      return { v, n: k === undefined ? 0 : await lookup(indexWord(k)) };
    }),
  );
  return found
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || (a.v < b.v ? -1 : 1))
    .slice(0, max)
    .map((x) => x.v);
}
