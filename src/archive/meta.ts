import { otherLang, type Lang } from "../i18n/lang.ts";
import type { Settings } from "../site/settings.ts";
import type { Urls } from "../site/urls.ts";
import { jsonForHtml } from "../site/urls.ts";
import type { Entity } from "../entities/gazetteer.ts";
import type { Story } from "./stories.ts";
import { versionFor } from "./stories.ts";
import { routes } from "./routes.ts";
import type { PageBase } from "./types.ts";

/** Head metadata every page carries: canonical URL, Open Graph, feeds, structured data. */
export interface HeadMeta {
  canonical: string;
  ogType: "article" | "website" | "profile";
  ogLocale: string;
  ogLocaleAlternate: string;
  siteName: string;
  feeds: { url: string; title: string }[];
  /** Absolute alternates for hreflang. */
  alternatesAbs: { lang: string; url: string }[];
  /** Serialised, script-safe JSON-LD blocks. */
  jsonLd: string[];
}

const LOCALE: Record<Lang, string> = { ar: "ar_IQ", en: "en_US" };

export function headMeta(page: PageBase, settings: Settings, urls: Urls, extra: { ogType?: HeadMeta["ogType"]; feeds?: HeadMeta["feeds"]; jsonLd?: unknown[] } = {}): HeadMeta {
  const other = otherLang(page.lang);
  const crumbs = [...page.breadcrumbs, { url: page.url, label: page.heading }];
  const breadcrumb = crumbs.length > 1
    ? [{
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.label, item: urls.abs(c.url) })),
      }]
    : [];
  return {
    canonical: urls.abs(page.url),
    ogType: extra.ogType ?? "website",
    ogLocale: LOCALE[page.lang],
    ogLocaleAlternate: LOCALE[other],
    siteName: settings.title[page.lang],
    feeds: extra.feeds ?? [{ url: routes.feed(page.lang), title: settings.title[page.lang] }],
    alternatesAbs: page.alternates.map((a) => ({ lang: a.lang, url: urls.abs(a.url) })),
    jsonLd: [...(extra.jsonLd ?? []), ...breadcrumb].map(jsonForHtml),
  };
}

const SCHEMA_TYPE: Record<Entity["type"], string> = { person: "Person", organization: "Organization", place: "Place" };

export function entityJsonLd(e: Entity, lang: Lang, urls: Urls): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": SCHEMA_TYPE[e.type],
    "@id": urls.abs(routes.entity("en", e.id)),
    name: e.names[lang][0] ?? e.names.ar[0] ?? e.id,
    alternateName: [...e.names.ar, ...e.names.en].filter((n) => n !== (e.names[lang][0] ?? "")),
    url: urls.abs(routes.entity(lang, e.id)),
    ...(e.description?.[lang] ? { description: e.description[lang] } : {}),
    ...(e.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${e.wikidata}` } : {}),
  };
}

export function articleJsonLd(story: Story, lang: Lang, entities: Entity[], urls: Urls, settings: Settings): Record<string, unknown> {
  const a = versionFor(story, lang);
  const dateline = [a.place ?? story.ar.place].filter(Boolean).join("");
  const source = a.source ?? story.ar.source;
  const mention = (e: Entity) => ({
    "@type": SCHEMA_TYPE[e.type],
    name: e.names[lang][0] ?? e.names.ar[0],
    url: urls.abs(routes.entity(lang, e.id)),
    ...(e.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${e.wikidata}` } : {}),
  });
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    url: urls.abs(routes.article(a.lang, a.id)),
    mainEntityOfPage: urls.abs(routes.article(a.lang, a.id)),
    // Full ISO time with the site zone's offset, even for a calendar date.
    datePublished: story.ar.date.iso,
    inLanguage: a.lang,
    ...(dateline ? { dateline } : {}),
    ...(source ? { publisher: { "@type": "Organization", name: source }, sourceOrganization: { "@type": "Organization", name: source } } : {}),
    ...(story.ar.url ? { isBasedOn: story.ar.url } : {}),
    ...(a !== story.ar ? { translationOfWork: { "@type": "NewsArticle", url: urls.abs(routes.article("ar", story.ar.id)), inLanguage: "ar" } } : {}),
    ...(entities.length ? { about: entities.slice(0, 3).map(mention), mentions: entities.map(mention) } : {}),
    isPartOf: { "@type": "WebSite", name: settings.title[lang], url: urls.abs(routes.home(lang)) },
  };
}
