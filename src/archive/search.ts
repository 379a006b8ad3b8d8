import { pageBase } from "./page.ts";
import { otherLang, type Lang } from "../i18n/lang.ts";
import { routes } from "./routes.ts";
import type { Digits } from "../dates/format.ts";
import { formatYear } from "../dates/format.ts";
import { t } from "../i18n/strings.ts";
import type { Entity } from "../entities/gazetteer.ts";
import type { EntityIndex } from "./entities.ts";
import { ENTITY_TYPES, entityName } from "./entities.ts";
import type { Story } from "./stories.ts";
import type { PageBase } from "./types.ts";

export interface Option {
  value: string;
  label: string;
}

export interface SearchPage extends PageBase {
  entityGroups: { label: string; options: Option[] }[];
  years: Option[];
  langs: Option[];
  /** Index folders besides pagefind/, searched together (space-separated). */
  extraIndexes: string;
  /** How many partitions, newest first, are keyed against the whole archive; the others against the sealed partitions' originals (src/search/records.ts, sealedSite). */
  openIndexes: number;
}

/** The search page's filter choices; results come from Pagefind in the browser. */
export function buildSearchPage(stories: Story[], index: EntityIndex, entities: Entity[], lang: Lang, digits: Digits): SearchPage {
  const url = routes.search(lang);
  const collator = new Intl.Collator(lang);
  const years = [...new Set(stories.map((s) => s.ar.date.year))].sort().reverse();
  return {
    ...pageBase({
      kind: "search",
      lang,
      url,
      heading: t(lang, "search"),
      otherUrl: routes.search(otherLang(lang)),
      description: t(lang, "search"),
      breadcrumbs: [{ url: routes.home(lang), label: t(lang, "home") }],
    }),
    entityGroups: ENTITY_TYPES.map((type) => ({
      label: t(lang, type),
      options: entities
        .filter((e) => e.type === type && index.byEntity.has(e.id))
        .map((e) => ({ value: e.id, label: entityName(e, lang).text }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    })).filter((g) => g.options.length > 0),
    years: years.map((y) => ({ value: y, label: formatYear(y, lang, digits) })),
    extraIndexes: "",
    openIndexes: 1,
    langs: [
      { value: "ar", label: t(lang, "langArabic") },
      { value: "en", label: t(lang, "langEnglish") },
    ],
  };
}
