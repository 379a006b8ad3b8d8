import { pageBase } from "./page.ts";
import { otherLang, type Lang } from "../i18n/lang.ts";
import { routes } from "./routes.ts";
import type { Settings } from "../site/settings.ts";
import { t } from "../i18n/strings.ts";
import type { Story } from "./stories.ts";
import { listItem } from "./stories.ts";
import type { CountLink, Link, ListItem, PageBase } from "./types.ts";
import type { DateIndexPage } from "./dates.ts";
import type { EntityIndexPage } from "./entities.ts";

export const LATEST_COUNT = 10;
const TOP_ENTITIES = 8;
const ROOT_LATEST = 5;

export interface HomePage extends PageBase {
  latest: ListItem[];
  /** The first few of them, for the root page that shows both languages. */
  rootLatest: ListItem[];
  /** The language's own name ("العربية", "English"), for the root page. */
  languageName: string;
  years: CountLink[];
  entityGroups: EntityIndexPage["groups"];
  links: Link[];
}

export function buildHome(stories: Story[], lang: Lang, settings: Settings, dates: DateIndexPage, entities: EntityIndexPage): HomePage {
  const url = routes.home(lang);
  const latest = stories.slice(0, LATEST_COUNT).map((s) => listItem(s, lang, settings.timeZone, settings.digits));
  return {
    ...pageBase({
      kind: "home",
      lang,
      url,
      heading: settings.title[lang],
      otherUrl: routes.home(otherLang(lang)),
      description: settings.description[lang],
      breadcrumbs: [],
    }),
    latest,
    rootLatest: latest.slice(0, ROOT_LATEST),
    languageName: t(lang, lang === "ar" ? "langArabic" : "langEnglish"),
    years: dates.years,
    entityGroups: entities.groups.map((g) => ({ ...g, items: g.items.slice(0, TOP_ENTITIES) })),
    links: [
      { url: routes.dates(lang), label: t(lang, "dates") },
      { url: routes.entities(lang), label: t(lang, "entities") },
    ],
  };
}

/** One language's half of the root and not-found pages. */
export interface RootSection {
  lang: HomePage["lang"];
  dir: HomePage["dir"];
  url: string;
  languageName: string;
  latest: ListItem[];
}

export interface RootPage {
  sections: RootSection[];
}

/** The root page shows both languages: each home page's name, address and first few articles. */
export function buildRoot(homes: HomePage[]): RootPage {
  return { sections: homes.map((h) => ({ lang: h.lang, dir: h.dir, url: h.url, languageName: h.languageName, latest: h.rootLatest })) };
}
