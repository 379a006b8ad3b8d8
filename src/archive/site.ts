import type { Lang, Settings } from "../site/settings.ts";
import { LANGS } from "../site/settings.ts";
import type { Article } from "../content/article.ts";
import type { Entity } from "../entities/gazetteer.ts";
import { STRINGS } from "../i18n/strings.ts";
import { buildStories, type Story } from "./stories.ts";
import { buildDatePages, type DatePages } from "./dates.ts";
import { buildArticlePages, type ArticlePage } from "./articles.ts";
import { buildEntityPages, entityGroupsFor, indexEntities, type EntityIndexPage, type EntityPage } from "./entities.ts";
import { buildHome, type HomePage } from "./home.ts";
import { buildSearchPage, type SearchPage } from "./search.ts";

export interface SitePages extends DatePages {
  article: ArticlePage[];
  entityIndex: EntityIndexPage[];
  entity: EntityPage[];
  home: HomePage[];
  search: SearchPage[];
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
  counts: { stories: number; articles: number; pages: number };
}

/**
 * Turns validated articles into every page of the site, in one pass per
 * kind of page (no Eleventy tags or collections: those grow badly with size).
 */
export function buildSite(articles: Article[], entities: Entity[], tagsOf: (s: Story) => string[], settings: Settings): SiteData {
  const stories = buildStories(articles);
  const index = indexEntities(stories, tagsOf);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const ctx = { zone: settings.timeZone, digits: settings.digits, pageSize: settings.pageSize };
  const pages: SitePages = { article: [], dateIndex: [], year: [], month: [], day: [], entityIndex: [], entity: [], home: [], search: [] };
  pages.article = buildArticlePages(stories, {
    ...ctx,
    entityGroups: (s, lang) => entityGroupsFor(index.byStory.get(s.key) ?? [], byId, lang),
    entityIds: (s) => index.byStory.get(s.key) ?? [],
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
  }
  const i18n = { ar: {}, en: {} } as SiteData["i18n"];
  for (const [key, v] of Object.entries(STRINGS)) {
    for (const lang of LANGS) (i18n[lang] as Record<string, string>)[key] = v[lang];
  }
  let pageCount = 0;
  for (const list of Object.values(pages)) pageCount += (list as unknown[]).length;
  return {
    settings,
    pages,
    i18n,
    stories,
    entities,
    tags: index.byStory,
    counts: { stories: stories.length, articles: articles.length, pages: pageCount },
  };
}
