import type { SearchSite } from "../archive/site.ts";
import type { Article } from "../content/article.ts";
import { articleUrl, type Story } from "../archive/stories.ts";
import { tokenize } from "../arabic/tokens.ts";
import { normalizeForSearch } from "../arabic/normalize.ts";
import { indexKeys, Lexicon, type KeyCache, type LexiconQueries, type NameQueries } from "./morphology.ts";
import { indexWord } from "./terms.ts";
import { filterToken } from "./filters.ts";
import { maskText } from "./mask.ts";
import type { Entity } from "../entities/gazetteer.ts";
import { articleOf, routes } from "../archive/routes.ts";
import { articleBody } from "../content/body.ts";

/**
 * All pages go into one Pagefind index under a neutral language code, so a
 * reader on either side finds articles in both languages (a filter narrows
 * to one). Pagefind's own stemming is off for that code: ours is in morphology.ts.
 */
export const INDEX_LANGUAGE = "und";

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  sort: Record<string, string>;
  /** For partitioning only; not sent to Pagefind as a field of its own. */
  year: string;
  /** The original text and matched names for the excerpt, written beside the index (textPath), not sent to Pagefind. */
  excerpt: ExcerptSource;
}

/**
 * The words of a result the search page marks but Pagefind need not hold:
 * the article's text and, for a translation, the Arabic names its record carries (RecordInput.names).
 * Kept out of Pagefind's records, which it holds in memory while it builds an
 * index, and fetched only for the results shown.
 */
export interface ExcerptSource {
  text: string;
  names: string;
}

/** Where the excerpt source of the article at `url` (/ar/articles/<id>/) is, relative to the site root. */
export function textPath(url: string): string {
  const a = articleOf(url);
  if (!a) throw new Error(`not an article URL: ${url}`);
  return routes.searchText(a.lang, a.id).slice(1);
}

/**
 * Pagefind 1.5 searches metadata too (raw words, without our analysis), so
 * the metadata texts (headline, dateline) are masked (mask.ts): a query matches our keys only. The
 * date is one word Pagefind cannot split or match (ى + digits, decoded by the
 * search page), so a search for 2015 or August does not find every article
 * of that month.
 */
export const DAY_MARK = "\u0649";

/** What the build's analysis needs beyond one article: the archive's lexicon and the gazetteer's name words. */
/**
 * Copies of one text (related coverage's "same text" pairs, joined
 * transitively): story key → the key of the group's first story. A search
 * lists a group once, with the other outlets beside it.
 */
export function copyGroups(site: SearchSite): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const p of site.pairs) {
    if (p.relation !== "duplicate") continue;
    const [x, y] = [find(p.a.key), find(p.b.key)];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  }
  const out = new Map<string, string>();
  for (const k of parent.keys()) out.set(k, find(k));
  return out;
}

export interface Analysis {
  lexicon: LexiconQueries;
  names: NameQueries;
  /** Keys already worked out, by word as written (most words recur). */
  cache: KeyCache;
  copies: Map<string, string>;
}

/**
 * The search forms of the gazetteer's Arabic name words, which keep their
 * endings (البحرين is no dual). An adjective inside a longer name (الدولية in
 * المحكمة الجنائية الدولية) is the ordinary word and meets its other forms; a
 * name of one word (السعودية) keeps its own.
 */
export function nameWords(arabicNames: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const n of arabicNames) {
    const tokens = tokenize(normalizeForSearch(n));
    for (const t of tokens) {
      if (tokens.length > 1 && /(?:ية|ي)$/.test(t.text)) continue;
      names.add(t.text);
      if (t.text.startsWith("ال")) names.add(t.text.slice(2));
    }
  }
  return names;
}

/** The month a story's records are filed under in the partition plan (src/search/partition.ts): its original's. */
export function partitionMonth(s: Story): string {
  return s.ar.date.day.slice(0, 7);
}

/**
 * The archive a sealed partition's words are keyed against: the originals of
 * the sealed (full) partitions alone. The other partitions' words are keyed
 * against the whole archive. Articles added to the newest months then change
 * no sealed partition's records, even when they change a word's key in the
 * whole archive (a count overtaking another: حاضرة keyed as حاضر, or not);
 * the reader's query is keyed against each of the two apart
 * (src/search/query.ts, localKeys).
 */
export function sealedSite(site: SearchSite): SearchSite {
  const sealed = new Set(site.searchPartitions.filter((p) => p.sealed).flatMap((p) => p.months));
  return { ...site, stories: site.stories.filter((s) => sealed.has(partitionMonth(s))) };
}

/** The lexicon of the whole archive: every Arabic original's headline and paragraphs. */
export function archiveLexicon(site: SearchSite): Lexicon {
  const lexicon = new Lexicon();
  for (const s of site.stories) countStory(lexicon, s);
  return lexicon;
}

/** What an original gives the lexicon: its headline and paragraphs (taken off again with `by` -1). */
export function countStory(lexicon: Lexicon, s: Story, by: 1 | -1 = 1): void {
  const texts = [s.ar.title, ...articleBody(s.ar).paragraphs];
  for (const t of texts) (by === 1 ? lexicon.addText(t) : lexicon.removeText(t));
}

/**
 * The sealed partitions' lexicon made from the whole archive's, which it
 * takes over: the newest group's originals taken off again, far fewer than
 * the sealed originals to count afresh.
 */
export function sealedLexicon(whole: Lexicon, site: SearchSite, sealed: SearchSite): Lexicon {
  const inSealed = new Set(sealed.stories);
  for (const s of site.stories) if (!inSealed.has(s)) countStory(whole, s, -1);
  return whole;
}

/** The lexicon of the whole archive (Arabic originals) and the search forms of the gazetteer's Arabic name words. */
export function buildAnalysis(site: SearchSite, lexicon: Lexicon = archiveLexicon(site)): Analysis & { lexicon: Lexicon } {
  const names = nameWords(site.entities.flatMap((e) => e.names.ar));
  return { lexicon, names, cache: new Map(), copies: copyGroups(site) };
}

/**
 * The indexed words of a text: one per token, in order, so that Pagefind's
 * word positions are token positions the search page can mark in the text.
 * `seen` collects the words as written (what a record's keys depend on).
 */
export function indexedWords(text: string, analysis: Analysis, seen?: Set<string>): string[] {
  const words = tokenize(text).map((t) => t.text);
  if (seen) for (const w of words) seen.add(w);
  return indexKeys(words, analysis.lexicon, analysis.names, analysis.cache).map(indexWord);
}

/**
 * Everything one record is made of besides the archive-wide analysis: its
 * article's texts, dates, entities and copy group, as plain data. A record is
 * a function of this and of its words' keys, so the record cache keys a
 * record by a hash of this (src/search/record-cache.ts): of its enumerable
 * fields, where the body's hash stands for the text.
 */
export interface RecordInput {
  url: string;
  lang: string;
  title: string;
  dateline: string;
  /** The article's body hash (src/content/body.ts): what the input's hash has for `text`. */
  bodyHash: string;
  /**
   * The paragraphs, one a line: read from the article's body when first asked
   * for, then kept with the input (not enumerable). A rebuild hashes every
   * input and makes the records of only a few.
   */
  readonly text: string;
  /** A translation's entities' Arabic names (each one's main name and the ones its original writes), space-separated; none for an Arabic page. */
  names: string;
  entityIds: string[];
  year: string;
  day: string;
  sortDate: string;
  group?: string;
}

function recordInput(byId: Map<string, Entity>, a: Article, original: Article, entityIds: string[], group: string | undefined, written: (id: string) => readonly string[]): RecordInput {
  // A translation carries the Arabic names of its entities as its original writes them, and each
  // one's main name: شويغو finds it as it finds the original. Not every spelling the gazetteer
  // knows: a spelling added there then changes the records of only the articles that write it.
  // An Arabic page does not carry the English names: the search page finds it by its entity tags
  // (names.ts), so an English name edited in the gazetteer changes no record. The page's own
  // language is already in its text.
  const names = a.lang === "en" ? entityIds.flatMap((id) => [...new Set([...(byId.get(id)?.names.ar.slice(0, 1) ?? []), ...written(id)])]) : [];
  const d = original.date;
  const input = {
    url: articleUrl(a),
    lang: a.lang,
    title: a.title,
    dateline: [a.source ?? original.source, a.place ?? original.place].filter(Boolean).join(" – "),
    bodyHash: a.bodyHash,
    names: names.join(" "),
    entityIds,
    year: d.year,
    day: d.day,
    sortDate: d.hasTime ? d.iso : `${d.day}T00:00:00`,
    ...(group ? { group } : {}),
  };
  Object.defineProperty(input, "text", {
    get() {
      const text = articleBody(a).paragraphs.join("\n");
      Object.defineProperty(input, "text", { value: text, enumerable: false });
      return text;
    },
    enumerable: false,
    configurable: true,
  });
  return input as RecordInput;
}

/** The inputs of the records of `stories`, in record order: each story's original, then its translation. */
export function recordInputs(site: SearchSite, stories: Story[], copies: Map<string, string>): RecordInput[] {
  const out: RecordInput[] = [];
  const byId = new Map(site.entities.map((e) => [e.id, e]));
  for (const s of stories) {
    const ids = site.tags.get(s.key) ?? [];
    const written = (id: string) => site.namesWritten(s, id);
    out.push(recordInput(byId, s.ar, s.ar, ids, copies.get(s.key), written));
    if (s.en) out.push(recordInput(byId, s.en, s.ar, ids, copies.get(s.key), written));
  }
  return out;
}

/** The record of one input; `seen` collects its words as written. */
export function makeRecord(input: RecordInput, analysis: Analysis, seen?: Set<string>): SearchRecord {
  const filters = [filterToken("lang", input.lang), filterToken("year", input.year), ...input.entityIds.map((id) => filterToken("entity", id))];
  // Title, dateline, text, then the names: the search page splits the positions the same way.
  const words = [input.title, input.dateline, input.text, input.names].flatMap((t) => indexedWords(t, analysis, seen));
  return {
    url: input.url,
    content: `${words.join(" ")} ${filters.join(" ")}`,
    language: INDEX_LANGUAGE,
    meta: {
      title: maskText(input.title),
      day: DAY_MARK + input.day.replace(/-/g, ""),
      ...(input.dateline ? { dateline: maskText(input.dateline) } : {}),
      ...(input.group ? { copies: maskText(`${input.group} ${input.lang}`) } : {}),
    },
    sort: { date: input.sortDate },
    year: input.year,
    excerpt: excerptSource(input),
  };
}

/** The excerpt source of a record (needs no analysis). */
export function excerptSource(input: RecordInput): ExcerptSource {
  return { text: input.text, names: input.names };
}

/** One record per article page of `stories` (default: all), in a stable order (deterministic index). */
export function searchRecords(site: SearchSite, stories: Story[] = site.stories, analysis: Analysis = buildAnalysis(site)): SearchRecord[] {
  return recordInputs(site, stories, analysis.copies).map((i) => makeRecord(i, analysis));
}
