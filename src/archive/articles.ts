import { dirOf, type Lang } from "../i18n/lang.ts";
import type { Digits } from "../dates/format.ts";
import { formatGregorian, formatHijri, formatDay, formatMonth, formatYear } from "../dates/format.ts";
import { t } from "../i18n/strings.ts";
import type { Article } from "../content/article.ts";
import type { Story } from "./stories.ts";
import { articleUrl, datelineText, text } from "./stories.ts";
import { dateUrl } from "./dates.ts";
import type { Link, PageBase, Text } from "./types.ts";
import type { CoverageLink, RelatedSection, SharedParagraph } from "./related.ts";

export interface EntityGroup {
  type: string;
  label: string;
  items: { url: string; name: Text }[];
}

export interface ArticlePage extends PageBase {
  titleText: Text;
  titleDerived: boolean;
  /** Short note shown beside a derived headline. */
  titleDerivedNote?: string;
  dateline?: Text;
  datetime: string;
  gregorian: string;
  hijri: string;
  /** Rendered by our markdown-it (html: false), so safe to insert. */
  html: string;
  sourceUrl?: string;
  dayLink: Link;
  /** The other-language version: translation from an original, original from a translation. */
  counterpart?: Link & { lang: Lang };
  noTranslation?: string;
  translatedFrom?: string;
  entityGroups: EntityGroup[];
  /** Plain data for search/JSON-LD: the story key and entity ids. */
  storyKey: string;
  entityIds: string[];
  related: RelatedSection;
}

export interface ArticleCtx {
  zone: string;
  digits: Digits;
  entityGroups: (story: Story, lang: Lang) => EntityGroup[];
  entityIds: (story: Story) => string[];
  related: (story: Story, lang: Lang) => RelatedSection;
  sharedLabel: Record<Lang, string>;
}

function page(story: Story, a: Article, ctx: ArticleCtx): ArticlePage {
  const lang = a.lang;
  const { zone, digits } = ctx;
  const d = story.ar.date;
  const other: Lang = lang === "ar" ? "en" : "ar";
  const counterpartArticle = lang === "ar" ? story.en : story.ar;
  const url = articleUrl(a);
  // No translation yet: the nearest English page is the day the story belongs to.
  const switchUrl = counterpartArticle ? articleUrl(counterpartArticle) : dateUrl(other, d.year, d.month, d.dayOfMonth);
  const dateline = datelineText(a, story.ar, lang);
  const related = ctx.related(story, lang);
  return {
    kind: "article",
    url,
    lang,
    dir: dirOf(lang),
    title: a.title,
    heading: a.title,
    description: a.paragraphs[0]?.slice(0, 200) ?? a.title,
    switchUrl,
    ...(counterpartArticle ? {} : { switchLabel: t(lang, "switchToDay"), switchTitle: t(lang, "switchToDayLabel") }),
    alternates: counterpartArticle
      ? [
          { lang, url },
          { lang: other, url: switchUrl },
        ]
      : [],
    breadcrumbs: [
      { url: `/${lang}/`, label: t(lang, "home") },
      { url: dateUrl(lang, d.year), label: formatYear(d.year, lang, digits) },
      { url: dateUrl(lang, d.year, d.month), label: formatMonth(d.epoch, zone, lang, digits) },
      { url: dateUrl(lang, d.year, d.month, d.dayOfMonth), label: formatDay(d.epoch, zone, lang, digits) },
    ],
    titleText: text(a.title, lang, lang),
    titleDerived: a.titleDerived,
    ...(a.titleDerived ? { titleDerivedNote: t(lang, "titleDerivedNote") } : {}),
    ...(dateline ? { dateline } : {}),
    // A calendar date stays a date: midnight would claim a time the source never gave.
    datetime: a.date.hasTime ? a.date.iso : a.date.day,
    gregorian: formatGregorian(a.date.epoch, zone, lang, digits),
    hijri: formatHijri(a.date.epoch, zone, lang, digits),
    html: lang === "ar" ? markShared(a.html, related.sharedWith, ctx.sharedLabel.ar, t("ar", "sharedWith")) : a.html,
    ...(a.url ? { sourceUrl: a.url } : story.ar.url ? { sourceUrl: story.ar.url } : {}),
    dayLink: { url: dateUrl(lang, d.year, d.month, d.dayOfMonth), label: formatDay(d.epoch, zone, lang, digits) },
    ...(counterpartArticle
      ? { counterpart: { url: switchUrl, label: t(lang, lang === "ar" ? "translation" : "originalArabic"), lang: other } }
      : {}),
    ...(lang === "ar" && !story.en ? { noTranslation: t(lang, "noTranslation") } : {}),
    ...(lang === "en" ? { translatedFrom: t(lang, "translatedFrom") } : {}),
    entityGroups: ctx.entityGroups(story, lang),
    storyKey: story.key,
    entityIds: ctx.entityIds(story),
    related,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function linkHtml(l: CoverageLink): string {
  const name = escapeHtml(l.label.text);
  const label = l.label.foreign ? `<bdi lang="${l.label.lang}" dir="${l.label.dir}">${name}</bdi>` : `<bdi>${name}</bdi>`;
  return `<a href="${escapeHtml(l.url)}">${label}</a> <time datetime="${escapeHtml(l.datetime)}">${escapeHtml(l.dateLabel)}</time>`;
}

/**
 * Marks shared paragraphs (numbered by the renderer) with a class and a note for
 * screen readers, and follows each with the stories it is shared with (shown
 * when the reader highlights shared passages; kept out of the search index).
 * Names come from front matter, so everything inserted is escaped.
 */
function markShared(html: string, shared: SharedParagraph[], label: string, withLabel: string): string {
  if (!shared.length) return html;
  const byIndex = new Map(shared.map((s) => [String(s.index), s]));
  return html.replace(/<p data-p="(\d+)">([\s\S]*?)<\/p>/g, (m, n: string, inner: string) => {
    const s = byIndex.get(n);
    if (!s) return m;
    const links = s.with.map(linkHtml).join("<span class=\"sep\">، </span>");
    return `<p data-p="${n}" class="shared"><span class="visually-hidden">${label} </span>${inner}</p><div class="shared-with" data-pagefind-ignore>${escapeHtml(withLabel)} ${links}</div>`;
  });
}

export function buildArticlePages(stories: Story[], ctx: ArticleCtx): ArticlePage[] {
  const out: ArticlePage[] = [];
  for (const s of stories) {
    out.push(page(s, s.ar, ctx));
    if (s.en) out.push(page(s, s.en, ctx));
  }
  return out;
}
