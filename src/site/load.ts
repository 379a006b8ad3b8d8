import { join, isAbsolute, relative, sep } from "node:path";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { loadSettings, type Settings } from "./settings.ts";
import { loadArticles, type ArticleCache, type ContentListing, type LoadResult } from "../content/load.ts";
import { ContentError, ContentErrors } from "../content/errors.ts";
import { loadGazetteer, type Entity } from "../entities/gazetteer.ts";
import { EntityTagger } from "../entities/tagger.ts";
import { phraseAround, type Phrase } from "../entities/phrase.ts";
import { editedNameStrings, holdsAny, taggerEntries, type TaggerEntry } from "../entities/retag.ts";
import { relatedCoverage, buildPageModel, type SiteData } from "../archive/site.ts";
import type { EntityEvidence } from "../archive/entities.ts";
import type { Story } from "../archive/stories.ts";
import type { Article } from "../content/article.ts";
import { makeUrls } from "./urls.ts";
import { wholePages } from "./batches.ts";
import { articleBody } from "../content/body.ts";

export interface LoadOptions {
  /** Project root holding content/. */
  root: string;
  /** "Now" for the future-date check; tests pin it. */
  now?: number;
  /** URL path prefix the site will be served under (default "/"). */
  pathPrefix?: string;
  /** Articles parsed by earlier builds (src/build/content-cache.ts). */
  articleCache?: ArticleCache;
  /** The files under content/ with their stats, when the build's input check just listed them. */
  listing?: ContentListing;
}

export interface Loaded {
  site?: SiteData;
  /** Milliseconds per phase, for the benchmark. */
  timings: { load: number; tag: number; pages: number; related?: number };
  result: LoadResult;
  errors: ContentError[];
  settings?: Settings;
}

/** Runs `fn`, collecting its content errors with file names shown relative to the project. */
function collect(errors: ContentError[], root: string, fn: () => void): void {
  const shown = (e: ContentError) =>
    isAbsolute(e.file)
      ? new ContentError(relative(root, e.file).split(sep).join("/"), e.message, {
          hint: e.hint,
          ...(e.field !== undefined ? { field: e.field } : {}),
          ...(e.line !== undefined ? { line: e.line } : {}),
        })
      : e;
  try {
    fn();
  } catch (e) {
    if (e instanceof ContentErrors) errors.push(...e.errors.map(shown));
    else if (e instanceof ContentError) errors.push(shown(e));
    else throw e;
  }
}

/** Entity ids an article names in front matter must exist in the gazetteer. */
function checkEntityRefs(articles: Article[], known: Set<string>): ContentError[] {
  const errors: ContentError[] = [];
  for (const a of articles) {
    for (const [field, ids] of [["entities", a.addEntities], ["notEntities", a.removeEntities]] as const) {
      for (const id of ids) {
        if (!known.has(id)) {
          errors.push(new ContentError(a.file, `unknown entity id "${id}"`, {
            field,
            hint: "use an id from content/entities.yaml, or add the entity there first",
          }));
        }
      }
    }
  }
  return errors;
}

/** The article text entities are found in: the Arabic headline and body. */
export function taggableText(a: Article): string {
  return [a.title, ...articleBody(a).paragraphs].join("\n\n");
}

/** Settings, articles and gazetteer, validated; `errors` lists every content problem found. */
export interface Content {
  /** Absent when content/site.yaml itself is broken (then `errors` says why). */
  settings?: Settings;
  result: LoadResult;
  entities: Entity[];
  errors: ContentError[];
}

/** Which entities each story names, and where (the tag step's output). */
export interface Tags {
  tagsOf: (s: Story) => string[];
  evidence: EntityEvidence;
}

/**
 * Loads settings, articles and the gazetteer and validates everything.
 * Content problems come back as errors, never thrown, so the CLI can list them all.
 */
export function loadContent(opts: LoadOptions): Content {
  const contentDir = join(opts.root, "content");
  const errors: ContentError[] = [];
  let settings: Settings | undefined;
  collect(errors, opts.root, () => {
    settings = loadSettings(join(contentDir, "site.yaml"));
  });
  const zone = settings?.timeZone ?? "Asia/Baghdad";
  const result = loadArticles(contentDir, { zone, now: opts.now ?? Date.now(), cwd: opts.root, ...(opts.articleCache ? { cache: opts.articleCache } : {}), ...(opts.listing ? { listing: opts.listing } : {}) });
  errors.push(...result.errors);
  let entities: Entity[] = [];
  const gazetteer = join(contentDir, "entities.yaml");
  if (existsSync(gazetteer)) collect(errors, opts.root, () => {
    entities = loadGazetteer(gazetteer);
  });
  const known = new Set(entities.map((e) => e.id));
  errors.push(...checkEntityRefs([...result.articles, ...result.drafts], known));
  return { result, entities, errors, ...(settings ? { settings } : {}) };
}

/** What tagging found in one Arabic article: a pure function of the article and the gazetteer. */
export interface ArticleTags {
  /** Entity ids, in gazetteer order (front-matter additions and removals applied). */
  ids: string[];
  /** Each entity's first mention, in the order found. */
  phrases: [string, Phrase][];
  /** Each entity found in the text, in the order found, with its names as the text writes them (each once, in the order met). */
  names: [string, string[]][];
  /** Places named in the dateline; absent when the article has none. */
  filedFrom?: string[];
}

/** Tags made by earlier builds (src/build/content-cache.ts); `scope` names the gazetteer they were made with. */
export interface TagCache {
  get(a: Article, scope: string): ArticleTags | undefined;
  /** `carried`: tags made with another gazetteer that this one leaves as they were (not made again). */
  put(a: Article, scope: string, tags: ArticleTags, carried?: boolean): void;
  /** The gazetteer the last build tagged with, as the tagger read it. */
  lastGazetteer?(): { scope: string; entries: TaggerEntry[] } | undefined;
  keepGazetteer?(scope: string, entries: TaggerEntry[]): void;
}

/**
 * A key for everything tagging reads of the gazetteer: the entries, in order, without what the
 * tagger never reads (English names, descriptions, Wikidata ids), so that editing those re-tags nothing.
 */
export function gazetteerScope(entities: Entity[]): string {
  return scopeOf(taggerEntries(entities));
}

const scopeOf = (entries: TaggerEntry[]) => createHash("sha256").update(JSON.stringify(entries)).digest("hex");

/**
 * After an edit of the gazetteer's Arabic names since the last build, which
 * articles may tag otherwise (src/entities/retag.ts); undefined: any may.
 */
function touchedBy(cache: TagCache, entries: TaggerEntry[], scope: string): { scope: string; touches: (a: Article) => boolean } | undefined {
  const last = cache.lastGazetteer?.();
  if (!last || last.scope === scope) return undefined;
  const strings = editedNameStrings(last.entries, entries);
  if (!strings) return undefined;
  return { scope: last.scope, touches: (a) => holdsAny(`${taggableText(a)}\n${a.place ?? ""}`, strings) };
}

/** Tags the entities each Arabic article names (translations share their original's). */
export function tagArticles(articles: Article[], entities: Entity[], cache?: TagCache): Tags {
  // Made only when some article is not in the cache (building the automaton takes a while).
  let made: { tagger: EntityTagger; order: Map<string, number>; places: Set<string> } | undefined;
  const tools = () =>
    (made ??= {
      tagger: new EntityTagger(entities),
      order: new Map(entities.map((e, i) => [e.id, i])),
      places: new Set(entities.filter((e) => e.type === "place").map((e) => e.id)),
    });
  const entries = cache ? taggerEntries(entities) : [];
  const scope = cache ? scopeOf(entries) : "";
  // Looked up once, at the first article without tags for this gazetteer (most builds have none); null until then.
  let edited: ReturnType<typeof touchedBy> | null = null;
  const tags = new Map<Article, string[]>();
  // Where each article first names each entity, and the places of its dateline (entity pages show both).
  const phrases = new Map<Article, Map<string, Phrase>>();
  const filedFrom = new Map<Article, string[]>();
  const names = new Map<Article, Map<string, string[]>>();
  for (const a of articles) {
    if (a.lang !== "ar") continue;
    let t = cache?.get(a, scope);
    if (!t && cache) {
      if (edited === null) edited = touchedBy(cache, entries, scope);
      const before = edited ? cache.get(a, edited.scope) : undefined;
      if (before && !edited?.touches(a)) cache.put(a, scope, (t = before), true);
    }
    if (!t) {
      t = tagOne(a, tools());
      cache?.put(a, scope, t);
    }
    tags.set(a, t.ids);
    phrases.set(a, new Map(t.phrases));
    names.set(a, new Map(t.names));
    if (t.filedFrom) filedFrom.set(a, t.filedFrom);
  }
  cache?.keepGazetteer?.(scope, entries);
  return {
    tagsOf: (s: Story) => tags.get(s.ar) ?? [],
    evidence: {
      phrase: (s: Story, id: string) => phrases.get(s.ar)?.get(id),
      filedFrom: (s: Story) => filedFrom.get(s.ar) ?? [],
      names: (s: Story, id: string) => names.get(s.ar)?.get(id) ?? [],
    },
  };
}

function tagOne(a: Article, { tagger, order, places }: { tagger: EntityTagger; order: Map<string, number>; places: Set<string> }): ArticleTags {
  const text = taggableText(a);
  const mentions = tagger.tag(text, { date: a.date.day });
  const found = new Set(mentions.map((m) => m.entityId));
  const first = new Map<string, Phrase>();
  const written = new Map<string, string[]>();
  for (const m of mentions) {
    if (!first.has(m.entityId)) first.set(m.entityId, phraseAround(text, m.start, m.end));
    const seen = written.get(m.entityId);
    if (!seen) written.set(m.entityId, [m.surface]);
    else if (!seen.includes(m.surface)) seen.push(m.surface);
  }
  for (const id of a.addEntities) found.add(id);
  for (const id of a.removeEntities) found.delete(id);
  return {
    // Gazetteer order keeps the output stable and groups predictable.
    ids: [...found].sort((x, y) => order.get(x)! - order.get(y)!),
    phrases: [...first],
    names: [...written],
    ...(a.place ? { filedFrom: [...new Set(tagger.tag(a.place, { date: a.date.day }).map((m) => m.entityId).filter((id) => places.has(id)))] } : {}),
  };
}

/**
 * The content half of the build (src/build/pipeline.ts runs the same four
 * steps, then writes the site), for tests and scripts that need the page data.
 */
export function loadSite(opts: LoadOptions): Loaded {
  const timings: Loaded["timings"] = { load: 0, tag: 0, pages: 0 };
  let t = performance.now();
  const content = loadContent(opts);
  const { result, errors, entities, settings } = content;
  timings.load = performance.now() - t;
  if (errors.length || !settings) return { result, errors, timings, ...(settings ? { settings } : {}) };
  t = performance.now();
  const tags = tagArticles(result.articles, entities);
  timings.tag = performance.now() - t;
  t = performance.now();
  const coverage = relatedCoverage(result.articles, tags.tagsOf, settings, tags.evidence);
  timings.related = performance.now() - t;
  t = performance.now();
  // Every page whole, as its readers expect (the build makes only the pages it renders whole).
  const site = wholePages(buildPageModel(coverage, entities, settings, makeUrls(settings.url, opts.pathPrefix ?? "/")));
  timings.pages = performance.now() - t;
  return { site, result, errors, settings, timings };
}
