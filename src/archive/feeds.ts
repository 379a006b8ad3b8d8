import type { Lang } from "../i18n/lang.ts";
import type { Settings } from "../site/settings.ts";
import type { Urls } from "../site/urls.ts";
import type { Entity } from "../entities/gazetteer.ts";
import type { Story } from "./stories.ts";
import { versionFor, articleUrl } from "./stories.ts";
import { entityName, type EntityIndex } from "./entities.ts";
import { routes } from "./routes.ts";

export const FEED_SIZE = 20;

export interface FeedEntry {
  title: string;
  lang: Lang;
  url: string;
  updated: string;
  summary: string;
}

/** An Atom feed; rendered by content/feed.njk. */
export interface Feed {
  url: string;
  lang: Lang;
  title: string;
  self: string;
  alternate: string;
  updated: string;
  entries: FeedEntry[];
}

function entries(stories: Story[], lang: Lang, urls: Urls): FeedEntry[] {
  return stories.slice(0, FEED_SIZE).map((s) => {
    const a = versionFor(s, lang);
    return {
      title: a.title,
      lang: a.lang,
      url: urls.abs(articleUrl(a)),
      updated: s.ar.date.iso,
      summary: a.lead,
    };
  });
}

// A feed with no entries still needs <updated>: a fixed date keeps builds reproducible.
const EPOCH = "1970-01-01T00:00:00Z";

export function buildFeeds(stories: Story[], index: EntityIndex, entities: Entity[], lang: Lang, settings: Settings, urls: Urls): Feed[] {
  const feeds: Feed[] = [
    {
      url: routes.feed(lang),
      lang,
      title: settings.title[lang],
      self: urls.abs(routes.feed(lang)),
      alternate: urls.abs(routes.home(lang)),
      updated: stories[0]?.ar.date.iso ?? EPOCH,
      entries: entries(stories, lang, urls),
    },
  ];
  for (const e of entities) {
    const list = index.byEntity.get(e.id);
    if (!list) continue;
    feeds.push({
      url: routes.feed(lang, e.id),
      lang,
      title: `${entityName(e, lang).text} · ${settings.title[lang]}`,
      self: urls.abs(routes.feed(lang, e.id)),
      alternate: urls.abs(routes.entity(lang, e.id)),
      updated: list[0]!.ar.date.iso,
      entries: entries(list, lang, urls),
    });
  }
  return feeds;
}
