import type { Article } from "../content/article.ts";
import { dirOf, type Lang } from "../i18n/lang.ts";
import type { Digits } from "../dates/format.ts";
import { formatDay } from "../dates/format.ts";
import type { ListItem, Text } from "./types.ts";
import { t } from "../i18n/strings.ts";
import { routes } from "./routes.ts";

/** An Arabic original and, when one exists, its English translation. */
export interface Story {
  key: string;
  ar: Article;
  en?: Article;
  /** For an untranslated story: what is known of it in English (src/archive/english.ts). */
  english?: { dateline?: string; names: string[] };
}

export function text(value: string, lang: Lang, pageLang: Lang): Text {
  return { text: value, lang, dir: dirOf(lang), foreign: lang !== pageLang };
}

export function articleUrl(a: Article): string {
  return routes.article(a.lang, a.id);
}

/** Pairs originals with translations; newest first (the loader already sorted). */
export function buildStories(articles: Article[]): Story[] {
  const en = new Map<string, Article>();
  for (const a of articles) if (a.lang === "en") en.set(a.translationKey, a);
  const stories: Story[] = [];
  for (const a of articles) {
    if (a.lang !== "ar") continue;
    const t = en.get(a.translationKey);
    stories.push(t ? { key: a.translationKey, ar: a, en: t } : { key: a.translationKey, ar: a });
  }
  return stories;
}

/** The version of a story a reader of `lang` should see: the translation if any, else the original. */
export function versionFor(story: Story, lang: Lang): Article {
  return lang === "en" && story.en ? story.en : story.ar;
}

export function datelineText(a: Article, fallback: Article | undefined, pageLang: Lang): Text | undefined {
  const src = a.source ?? fallback?.source;
  const place = a.place ?? fallback?.place;
  const value = [src, place].filter(Boolean).join(" – ");
  if (!value) return undefined;
  // A translation without its own dateline borrows the original's Arabic one.
  const lang: Lang = a.source || a.place ? a.lang : "ar";
  return text(value, lang, pageLang);
}

/** The date a listing gives a story: the original's (lists are grouped by it), its time when the source gave one. */
export function listedDatetime(story: Story): string {
  return story.ar.date.hasTime ? story.ar.date.iso : story.ar.date.day;
}

export function listItem(story: Story, lang: Lang, zone: string, digits: Digits): ListItem {
  const a = versionFor(story, lang);
  const dateline = datelineText(a, story.ar, lang);
  return {
    url: articleUrl(a),
    title: text(a.title, a.lang, lang),
    datetime: listedDatetime(story),
    dateLabel: formatDay(story.ar.date.epoch, zone, lang, digits),
    ...(dateline ? { dateline } : {}),
    ...(a.lang !== lang ? { badge: t(lang, "arabicOnly") } : {}),
    ...(a.lang !== lang && story.english?.dateline ? { dateline: text(story.english.dateline, lang, lang) } : {}),
    ...(a.lang !== lang && story.english?.names.length ? { about: `${t(lang, "about")}: ${story.english.names.join(", ")}` } : {}),
  };
}
