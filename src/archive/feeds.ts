import type { Lang } from "../i18n/lang.ts";
import type { Settings } from "../site/settings.ts";
import type { Urls } from "../site/urls.ts";
import type { Entity } from "../entities/gazetteer.ts";
import type { Story } from "./stories.ts";
import { versionFor, articleUrl } from "./stories.ts";
import { entityName, type EntityIndex } from "./entities.ts";
import { routes } from "./routes.ts";
import { lazyField } from "./lazy.ts";
import { versionPrint } from "./prints.ts";

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

/**
 * A feed without its entries, which are made when read (src/archive/lazy.ts):
 * the build cache keys them by what they are made of, and a rebuild renders
 * few of the 800 feeds of a 10k archive.
 */
function feed(fields: Omit<Feed, "entries">, stories: Story[], urls: Urls): Feed {
  const f = fields as Feed;
  const newest = stories.slice(0, FEED_SIZE);
  lazyField(
    f,
    "entries",
    () =>
      newest.map((s) => {
        const a = versionFor(s, f.lang);
        return {
          title: a.title,
          lang: a.lang,
          url: urls.abs(articleUrl(a)),
          updated: s.ar.date.iso,
          summary: a.lead,
        };
      }),
    () => newest.map((s) => versionPrint(s, f.lang)),
  );
  return f;
}

// A feed with no entries still needs <updated>: a fixed date keeps builds reproducible.
const EPOCH = "1970-01-01T00:00:00Z";

export function buildFeeds(stories: Story[], index: EntityIndex, entities: Entity[], lang: Lang, settings: Settings, urls: Urls): Feed[] {
  const feeds: Feed[] = [
    feed(
      {
        url: routes.feed(lang),
        lang,
        title: settings.title[lang],
        self: urls.abs(routes.feed(lang)),
        alternate: urls.abs(routes.home(lang)),
        updated: stories[0]?.ar.date.iso ?? EPOCH,
      },
      stories,
      urls,
    ),
  ];
  for (const e of entities) {
    const list = index.byEntity.get(e.id);
    if (!list) continue;
    feeds.push(
      feed(
        {
          url: routes.feed(lang, e.id),
          lang,
          title: `${entityName(e, lang).text} · ${settings.title[lang]}`,
          self: urls.abs(routes.feed(lang, e.id)),
          alternate: urls.abs(routes.entity(lang, e.id)),
          updated: list[0]!.ar.date.iso,
        },
        list,
        urls,
      ),
    );
  }
  return feeds;
}
