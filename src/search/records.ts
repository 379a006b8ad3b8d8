import type { SiteData } from "../archive/site.ts";
import type { Article } from "../content/article.ts";
import { articleUrl, type Story } from "../archive/stories.ts";
import { tokenize } from "../arabic/tokens.ts";
import { normalizeForSearch } from "../arabic/normalize.ts";
import { indexKeys, Lexicon } from "./morphology.ts";
import { indexWord } from "./terms.ts";
import { filterToken } from "./filters.ts";
import { maskText } from "./mask.ts";
import type { Entity } from "../entities/gazetteer.ts";
import { otherLang } from "../i18n/lang.ts";
import { articleOf, routes } from "../archive/routes.ts";

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
 * the article's text and the names of its entities in the other language.
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
export function copyGroups(site: SiteData): Map<string, string> {
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
  lexicon: Lexicon;
  names: ReadonlySet<string>;
  /** Keys already worked out, by word as written (most words recur). */
  cache: Map<string, string>;
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

/** The lexicon of the whole archive (Arabic originals) and the search forms of the gazetteer's Arabic name words. */
export function buildAnalysis(site: SiteData): Analysis {
  const lexicon = new Lexicon();
  for (const s of site.stories) {
    lexicon.addText(s.ar.title);
    for (const p of s.ar.paragraphs) lexicon.addText(p);
  }
  const names = nameWords(site.entities.flatMap((e) => e.names.ar));
  return { lexicon, names, cache: new Map(), copies: copyGroups(site) };
}

/**
 * The indexed words of a text: one per token, in order, so that Pagefind's
 * word positions are token positions the search page can mark in the text.
 */
export function indexedWords(text: string, analysis: Analysis): string[] {
  return indexKeys(
    tokenize(text).map((t) => t.text),
    analysis.lexicon,
    analysis.names,
    analysis.cache,
  ).map(indexWord);
}

function record(byId: Map<string, Entity>, analysis: Analysis, a: Article, original: Article, entityIds: string[], group: string | undefined): SearchRecord {
  // Names in the other language only: Shoigu on the English page finds the Arabic
  // articles, شويغو the translations. The page's own language is already in its text.
  const other = otherLang(a.lang);
  const names = entityIds.flatMap((id) => byId.get(id)?.names[other] ?? []);
  const d = original.date;
  const text = a.paragraphs.join("\n");
  const filters = [filterToken("lang", a.lang), filterToken("year", d.year), ...entityIds.map((id) => filterToken("entity", id))];
  const dateline = [a.source ?? original.source, a.place ?? original.place].filter(Boolean).join(" – ");
  // Title, dateline, text, then the names: the search page splits the positions the same way.
  const words = [a.title, dateline, text, names.join(" ")].flatMap((t) => indexedWords(t, analysis));
  return {
    url: articleUrl(a),
    content: `${words.join(" ")} ${filters.join(" ")}`,
    language: INDEX_LANGUAGE,
    meta: {
      title: maskText(a.title),
      day: DAY_MARK + d.day.replace(/-/g, ""),
      ...(dateline ? { dateline: maskText(dateline) } : {}),
      ...(group ? { copies: maskText(`${group} ${a.lang}`) } : {}),
    },
    sort: { date: d.hasTime ? d.iso : `${d.day}T00:00:00` },
    year: d.year,
    excerpt: { text, names: names.join(" ") },
  };
}

/** One record per article page of `stories` (default: all), in a stable order (deterministic index). */
export function searchRecords(site: SiteData, stories: Story[] = site.stories, analysis: Analysis = buildAnalysis(site)): SearchRecord[] {
  const out: SearchRecord[] = [];
  const byId = new Map(site.entities.map((e) => [e.id, e]));
  for (const s of stories) {
    const ids = site.tags.get(s.key) ?? [];
    out.push(record(byId, analysis, s.ar, s.ar, ids, analysis.copies.get(s.key)));
    if (s.en) out.push(record(byId, analysis, s.en, s.ar, ids, analysis.copies.get(s.key)));
  }
  return out;
}
