import type { Lang } from "../i18n/lang.ts";
import type { Settings } from "../site/settings.ts";
import { LANGS } from "../i18n/lang.ts";
import type { Article } from "../content/article.ts";
import type { Entity } from "../entities/gazetteer.ts";
import { STRINGS } from "../i18n/strings.ts";
import { buildStories, type Story } from "./stories.ts";
import { buildDatePages, type DateIndexPage, type DayPage, type MonthPage, type YearPage } from "./dates.ts";
import { PAGE_KINDS, PAGE_KIND_NAMES, type PageKind } from "./kinds.ts";
import { buildArticlePages, type ArticlePage } from "./articles.ts";
import { buildEntityPages, entityGroupsFor, indexEntities, type EntityEvidence, type EntityIndex, type EntityIndexPage, type EntityPage } from "./entities.ts";
import { buildHome, buildRoot, type HomePage, type RootPage } from "./home.ts";
import { buildSearchPage, type SearchPage } from "./search.ts";
import { buildDataPage, type DataPage } from "./datapage.ts";
import { buildFeeds, type Feed } from "./feeds.ts";
import { routes, siteLinks, type SiteLinks } from "./routes.ts";
import { buildSitemaps, type Sitemap } from "./sitemap.ts";
import { headMeta, articleJsonLd, entityJsonLd, type HeadMeta } from "./meta.ts";
import type { PageBase } from "./types.ts";
import type { Urls } from "../site/urls.ts";
import { normalizeArabic } from "../arabic/normalize.ts";
import { findTextPairs, relatedByEntities, type SketchCache, type TextPair } from "../related/pairs.ts";
import { buildRelated } from "./related.ts";
import { addEnglishFacts } from "./english.ts";
import { planPartitions, type Partition } from "../search/partition.ts";
import { jsonHash, lazyField } from "./lazy.ts";

/** The data of a page of each kind (the kinds: src/archive/kinds.ts). */
export interface PageOf {
  article: ArticlePage;
  dateIndex: DateIndexPage;
  year: YearPage;
  month: MonthPage;
  day: DayPage;
  entityIndex: EntityIndexPage;
  entity: EntityPage;
  home: HomePage;
  search: SearchPage;
  data: DataPage;
}

/** Every page of the site, one list per kind, in the registry's order. */
export type SitePages = { [K in PageKind]: PageOf[K][] };

/** An empty list for every kind. */
export function emptyPages(): SitePages {
  return Object.fromEntries(PAGE_KIND_NAMES.map((k) => [k, []])) as unknown as SitePages;
}

/** Which of the build's Eleventy runs renders this view of the site (src/site/batches.ts). */
export interface Batch {
  index: number;
  count: number;
}

export interface SiteData {
  settings: Settings;
  pages: SitePages;
  /** Interface strings per language, for templates: `i18n[page.lang].home`. */
  i18n: Record<Lang, Record<keyof typeof STRINGS, string>>;
  stories: Story[];
  entities: Entity[];
  /** Story key → entity ids. */
  tags: Map<string, string[]>;
  /** How a story's original writes the names of an entity it is tagged with (EntityEvidence.names). */
  namesWritten: (s: Story, id: string) => readonly string[];
  counts: { stories: number; articles: number; pages: number };
  pairs: TextPair[];
  searchPartitions: Partition[];
  feeds: Feed[];
  sitemaps: Sitemap[];
  /** Set on the views the build renders one after another; absent for a single run (the dev server). */
  batch?: Batch;
  sitemapIndex: { loc: string; lastmod: string }[];
  sitemapUrl: string;
  urls: Urls;
  /** Each language's header and footer links (src/archive/routes.ts): templates take URLs from here, never build them. */
  links: Record<Lang, SiteLinks>;
  /** Where the single files go (the root, not-found, robots and sitemap index templates' permalinks). */
  paths: { root: string; notFound: string; robots: string; sitemapIndex: string };
  /** The root and not-found pages' view of both languages (not split into render batches). */
  root: RootPage;
}

/** A page's head metadata (canonical, Open Graph, JSON-LD) is made when a template reads it (src/archive/lazy.ts). */
function lazyHead<P extends PageBase>(p: P, make: (page: P) => HeadMeta, standIn: () => unknown): void {
  lazyField(p as unknown as { head: HeadMeta }, "head", make as (page: object) => HeadMeta, standIn);
}

/** Stories with their entities and related coverage: what the page model is built from. */
export interface Coverage {
  stories: Story[];
  /** How many article files (originals and translations) the stories hold. */
  articles: number;
  index: EntityIndex;
  pairs: TextPair[];
  related: ReturnType<typeof buildRelated>;
}

/** Groups articles into stories, indexes their entities and finds related coverage (`sketches`: what earlier builds read of each text). */
export function relatedCoverage(articles: Article[], tagsOf: (s: Story) => string[], settings: Settings, evidence?: EntityEvidence, sketches?: SketchCache): Coverage {
  const stories = buildStories(articles);
  const index = indexEntities(stories, tagsOf, evidence);
  const pairs = findTextPairs(stories, settings.related, sketches);
  const related = buildRelated(pairs, relatedByEntities(stories, index.byStory, settings.related), { digits: settings.digits, zone: settings.timeZone, maxText: settings.related.maxTextRelated });
  return { stories, articles: articles.length, index, pairs, related };
}

/** What the search index is made from: a part of the site data, ready before the pages are (src/build/pipeline.ts). */
export type SearchSite = Pick<SiteData, "stories" | "entities" | "tags" | "namesWritten" | "pairs" | "searchPartitions">;

/** Without the tagger's evidence (a coverage made without it), no story writes any name. */
const namesWrittenIn = (index: EntityIndex): SiteData["namesWritten"] => index.evidence?.names.bind(index.evidence) ?? (() => []);

/** The search index's partitions: whole months, by how many records (an original and its translation) each holds. */
function planSearch(stories: Story[], settings: Settings): Partition[] {
  const perMonth = new Map<string, number>();
  for (const s of stories) {
    const m = s.ar.date.day.slice(0, 7);
    perMonth.set(m, (perMonth.get(m) ?? 0) + (s.en ? 2 : 1));
  }
  return planPartitions(perMonth, settings.searchPartitionSize);
}

export function searchSite(coverage: Coverage, entities: Entity[], settings: Settings): SearchSite {
  const { stories, index, pairs } = coverage;
  return { stories, entities, tags: index.byStory, namesWritten: namesWrittenIn(index), pairs, searchPartitions: planSearch(stories, settings) };
}

/**
 * Turns the stories into every page of the site, in one pass per
 * kind of page (no Eleventy tags or collections: those grow badly with size).
 */
export function buildPageModel(coverage: Coverage, entities: Entity[], settings: Settings, urls: Urls): SiteData {
  const { stories, index, pairs, related } = coverage;
  const byId = new Map(entities.map((e) => [e.id, e]));
  addEnglishFacts(stories, index.byStory, byId);
  const ctx = { zone: settings.timeZone, digits: settings.digits, pageSize: settings.pageSize };
  const pages = emptyPages();
  // A hash of what pages read of an entity, made once: the build cache keys it instead of the head
  // metadata and entity links made of it. The entity's own pages read all of it (entityPrint), an
  // article page only what its reader is shown (articleEntityPrint).
  const entityPrints = new Map<string, string>();
  const printOnce = (key: string, of: () => unknown): string => {
    let print = entityPrints.get(key);
    if (print === undefined) entityPrints.set(key, (print = jsonHash(of())));
    return print;
  };
  const entityPrint = (id: string): string => {
    const e = byId.get(id);
    return printOnce(id, () => (e ? [e.id, e.type, e.names, e.wikidata, e.description] : null));
  };
  // What an article page in `lang` reads of a tagged entity: its name for that reader (entityName:
  // the other language's only when it has none in `lang`), type and Wikidata id; not its
  // description nor its other names. Which of them the headline names (JSON-LD's `about`) is keyed
  // apart, with the head metadata: a spelling added to an entity then redoes only such pages.
  const articleEntityPrint = (lang: Lang) => (id: string): string => {
    const e = byId.get(id);
    return printOnce(`${lang}\0${id}`, () => (e ? [e.id, e.type, e.wikidata, e.names.ar[0] ?? null, lang === "en" || !e.names.ar.length ? (e.names.en[0] ?? null) : null] : null));
  };
  const normalizedNames = new Map<Entity, string[]>();
  const named = new Map<Story, Entity[]>();
  // The tagged entities one of whose Arabic names is in the story's (Arabic) headline: once per
  // story, which both its pages' keys and head metadata ask for.
  const namedIn = (story: Story, tagged: Entity[]): Entity[] => {
    let found = named.get(story);
    if (!found) {
      const title = normalizeArabic(story.ar.title);
      found = tagged.filter((e) => {
        let names = normalizedNames.get(e);
        if (!names) normalizedNames.set(e, (names = e.names.ar.map(normalizeArabic)));
        return names.some((n) => title.includes(n));
      });
      named.set(story, found);
    }
    return found;
  };
  pages.article = buildArticlePages(stories, {
    ...ctx,
    entityGroups: (s, lang) => entityGroupsFor(index.byStory.get(s.key) ?? [], byId, lang),
    entityIds: (s) => index.byStory.get(s.key) ?? [],
    entityPrint: articleEntityPrint,
    related,
    relatedPrint: related.print,
    sharedLabel: { ar: STRINGS.sharedPassage.ar, en: STRINGS.sharedPassage.en },
  });
  for (const lang of LANGS) {
    const d = buildDatePages(stories, lang, ctx);
    const e = buildEntityPages(index, entities, lang, ctx);
    pages.dateIndex.push(...d.dateIndex);
    pages.year.push(...d.year);
    pages.month.push(...d.month);
    pages.day.push(...d.day);
    pages.entityIndex.push(...e.entityIndex);
    pages.entity.push(...e.entity);
    pages.home.push(buildHome(stories, lang, settings, d.dateIndex[0]!, e.entityIndex[0]!));
    pages.search.push(buildSearchPage(stories, index, entities, lang, settings.digits));
    pages.data.push(buildDataPage(lang, { settings, urls, stories, tags: index.byStory, entities, pairs }));
  }
  const searchPartitions = planSearch(stories, settings);
  for (const p of pages.search) {
    p.extraIndexes = searchPartitions.slice(1).map((x) => x.dir).join(" ");
    p.openIndexes = searchPartitions.filter((x) => !x.sealed).length;
  }

  const feeds: Feed[] = [];
  for (const lang of LANGS) feeds.push(...buildFeeds(stories, index, entities, lang, settings, urls));

  // Head metadata (canonical, Open Graph, feeds, JSON-LD) and sitemap dates, for every page.
  const storyByKey = new Map(stories.map((s) => [s.key, s]));
  const newest = stories[0]?.ar.date.day ?? "1970-01-01";
  const all: (PageBase & { head?: HeadMeta; lastmod?: string })[] = [];
  const articlesAll: typeof all = [];
  // What each `meta` of the page-kind registry means.
  const articleMeta = (p: ArticlePage) => {
    const story = storyByKey.get(p.storyKey)!;
    const tagged = () => p.entityIds.map((id) => byId.get(id)!).filter(Boolean);
    // Made from the whole page (a page is a stub until it is rendered: src/archive/lazy.ts).
    lazyHead(p, (page) => {
      const mentioned = tagged();
      const ld = articleJsonLd(story, p.lang, mentioned, urls, settings);
      const about = namedIn(story, mentioned);
      if (about.length) ld.about = (ld.mentions as unknown[]).filter((_, i) => about.includes(mentioned[i]!));
      return headMeta(page, settings, urls, { ogType: "article", jsonLd: [ld] });
    }, () => {
      // Besides the page's own fields (their print covers the story's articles: src/archive/articles.ts), the
      // site's settings and what articleJsonLd reads of the tagged entities (the print of the entity links,
      // keyed with them): which of those entities the headline names.
      return namedIn(story, tagged()).map((e) => e.id);
    });
    Object.assign(p, { lastmod: story.ar.date.day });
  };
  const entityMeta = (p: EntityPage) => {
    const e = byId.get(p.entityId)!;
    lazyHead(p, (page) =>
      headMeta(page, settings, urls, {
        jsonLd: [entityJsonLd(e, p.lang, urls)],
        feeds: [{ url: routes.feed(p.lang, e.id), title: page.heading }, { url: routes.feed(p.lang), title: settings.title[p.lang] }],
      }),
      () => entityPrint(e.id),
    );
    Object.assign(p, { lastmod: index.byEntity.get(e.id)?.[0]?.ar.date.day ?? newest });
  };
  const listingMeta = (p: PageBase & { lastmod?: string; items?: { datetime: string }[] }) => {
    // headMeta reads only the page's own fields and the settings, both keyed.
    lazyHead(p, (page) => headMeta(page, settings, urls), () => 0);
    // A listing page made when it is rendered (day, month) has its date from its builder.
    p.lastmod ??= p.items?.[0]?.datetime.slice(0, 10) ?? newest;
  };
  for (const kind of PAGE_KIND_NAMES) {
    const { meta, sitemap } = PAGE_KINDS[kind];
    for (const p of pages[kind]) {
      if (meta === "article") articleMeta(p as ArticlePage);
      else if (meta === "entity") entityMeta(p as EntityPage);
      else listingMeta(p);
      if (sitemap) (meta === "article" ? articlesAll : all).push(p);
    }
  }
  const { index: sitemapIndex, sitemaps } = buildSitemaps(articlesAll, all, newest, urls);

  const i18n = { ar: {}, en: {} } as SiteData["i18n"];
  for (const [key, v] of Object.entries(STRINGS)) {
    for (const lang of LANGS) (i18n[lang] as Record<string, string>)[key] = v[lang];
  }
  let pageCount = 0;
  for (const kind of PAGE_KIND_NAMES) pageCount += pages[kind].length;
  return {
    settings,
    pages,
    i18n,
    stories,
    entities,
    tags: index.byStory,
    namesWritten: namesWrittenIn(index),
    counts: { stories: stories.length, articles: coverage.articles, pages: pageCount },
    pairs,
    searchPartitions,
    feeds,
    sitemaps,
    sitemapIndex,
    sitemapUrl: urls.abs(routes.sitemapIndex()),
    links: { ar: siteLinks("ar"), en: siteLinks("en") },
    paths: { root: routes.root(), notFound: routes.notFound(), robots: routes.robots(), sitemapIndex: routes.sitemapIndex() },
    urls,
    root: buildRoot(pages.home),
  };
}
