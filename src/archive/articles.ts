import { dirOf, otherLang, type Lang } from "../i18n/lang.ts";
import type { Digits } from "../dates/format.ts";
import { formatGregorian, formatHijri, formatDay, formatMonth, formatYear } from "../dates/format.ts";
import { t } from "../i18n/strings.ts";
import type { Article } from "../content/article.ts";
import type { Story } from "./stories.ts";
import { articleUrl, datelineText, text } from "./stories.ts";
import { routes } from "./routes.ts";
import type { Link, PageBase, Text } from "./types.ts";
import type { CoverageLink, RelatedSection, SharedParagraph } from "./related.ts";
import { lazyField, plainFields } from "./lazy.ts";
import { articlePrint } from "./prints.ts";
import { articleBody } from "../content/body.ts";

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
  /** Rendered by our markdown-it (html: false), so safe to insert; cut after shared paragraphs. */
  body: BodyPart[];
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
  /** What the build cache keys for an entity instead of what a page in `lang` shows of it: changes whenever that does. */
  entityPrint: (lang: Lang) => (id: string) => string;
  related: (story: Story, lang: Lang) => RelatedSection;
  /** What the build cache keys instead of a page's related section: changes whenever the section may. */
  relatedPrint: (story: Story, lang: Lang) => unknown;
  sharedLabel: Record<Lang, string>;
}

function page(story: Story, a: Article, ctx: ArticleCtx, related: ArticleCtx["related"]): ArticlePage {
  const lang = a.lang;
  const { zone, digits } = ctx;
  const d = story.ar.date;
  const other = otherLang(lang);
  const counterpartArticle = lang === "ar" ? story.en : story.ar;
  const url = articleUrl(a);
  // No translation yet: the nearest English page is the day the story belongs to.
  const switchUrl = counterpartArticle ? articleUrl(counterpartArticle) : routes.dates(other, d.year, d.month, d.dayOfMonth);
  const alternates = counterpartArticle
    ? [
        { lang, url },
        { lang: other, url: switchUrl },
      ]
    : [];
  const entityIds = ctx.entityIds(story);
  // What the sitemap, the page's metadata and the build cache read; the rest is made when the page is rendered.
  const p = { kind: "article", url, lang, alternates, storyKey: story.key, entityIds } as ArticlePage;
  // Every plain field is made of the story's two articles, the page's language and its entity ids.
  plainFields(p, () => [articlePrint(story.ar), story.en ? articlePrint(story.en) : null, lang, entityIds], () => {
    const dateline = datelineText(a, story.ar, lang);
    const fields: Omit<ArticlePage, "body" | "entityGroups" | "related"> = {
      kind: "article",
      url,
      lang,
      dir: dirOf(lang),
      title: a.title,
      heading: a.title,
      description: a.lead.slice(0, 200),
      switchUrl,
      alternates,
      breadcrumbs: [
        { url: routes.home(lang), label: t(lang, "home") },
        { url: routes.dates(lang, d.year), label: formatYear(d.year, lang, digits) },
        { url: routes.dates(lang, d.year, d.month), label: formatMonth(d.epoch, zone, lang, digits) },
        { url: routes.dates(lang, d.year, d.month, d.dayOfMonth), label: formatDay(d.epoch, zone, lang, digits) },
      ],
      titleText: text(a.title, lang, lang),
      titleDerived: a.titleDerived,
      // A calendar date stays a date: midnight would claim a time the source never gave.
      datetime: a.date.hasTime ? a.date.iso : a.date.day,
      gregorian: formatGregorian(a.date.epoch, zone, lang, digits),
      hijri: formatHijri(a.date.epoch, zone, lang, digits),
      dayLink: { url: routes.dates(lang, d.year, d.month, d.dayOfMonth), label: formatDay(d.epoch, zone, lang, digits) },
      storyKey: story.key,
      entityIds,
    };
    // The fields a page may lack are added after the literal: spreads before many more fields
    // leave an object in V8's dictionary mode, larger and slower to read (docs/scale.md).
    const f = fields as Partial<ArticlePage>;
    if (!counterpartArticle) Object.assign(f, { switchLabel: t(lang, "switchToDay"), switchTitle: t(lang, "switchToDayLabel") });
    if (a.titleDerived) f.titleDerivedNote = t(lang, "titleDerivedNote");
    if (dateline) f.dateline = dateline;
    const sourceUrl = a.url || story.ar.url;
    if (sourceUrl) f.sourceUrl = sourceUrl;
    if (counterpartArticle) f.counterpart = { url: switchUrl, label: t(lang, lang === "ar" ? "translation" : "originalArabic"), lang: other };
    if (lang === "ar" && !story.en) f.noTranslation = t(lang, "noTranslation");
    if (lang === "en") f.translatedFrom = t(lang, "translatedFrom");
    return f;
  });
  // The body's other input, the shared paragraphs, is in the page's `related` field, keyed beside it.
  lazyField(p, "body", () => {
    const { html } = articleBody(a);
    return lang === "ar" ? markShared(html, related(story, lang).sharedWith, ctx.sharedLabel.ar) : [{ html }];
  }, () => a.bodyHash);
  // Made of the page's entities (its entityIds, keyed) and what the gazetteer says of them.
  lazyField(p, "entityGroups", () => ctx.entityGroups(story, lang), () => entityIds.map(ctx.entityPrint(lang)));
  lazyField(p, "related", () => related(story, lang), () => ctx.relatedPrint(story, lang));
  return p;
}

/**
 * `ctx.related`, remembering its last answer only: a page's body and its
 * related section read the same section one after the other (in a template,
 * and when the build cache keys the page), and keeping more would hold every
 * page's section at once.
 */
function lastRelated(make: ArticleCtx["related"]): ArticleCtx["related"] {
  let last: { story: Story; lang: Lang; section: RelatedSection } | undefined;
  return (story, lang) => {
    if (last?.story !== story || last.lang !== lang) last = { story, lang, section: make(story, lang) };
    return last.section;
  };
}

/** A run of the article body, and the stories its last (shared) paragraph is also in. */
export interface BodyPart {
  html: string;
  sharedWith?: CoverageLink[];
}

const OPEN = /<(blockquote|ul|ol|li|table)\b/g;
const CLOSE = /<\/(blockquote|ul|ol|li|table)>/g;

/**
 * Marks shared paragraphs (numbered by the renderer) with a class and a note for
 * screen readers, and cuts the body after each of them, so the template can say
 * there which stories the paragraph is also in (outside the body's text, which
 * tests and readers take as the article). A paragraph inside a list or quote
 * gets its note after that block.
 */
function markShared(html: string, shared: SharedParagraph[], label: string): BodyPart[] {
  if (!shared.length) return [{ html }];
  const byIndex = new Map(shared.map((s) => [String(s.index), s]));
  const parts: BodyPart[] = [];
  let pending: CoverageLink[] = [];
  let from = 0;
  let out = "";
  const re = /<p data-p="(\d+)">([\s\S]*?)<\/p>\n?/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const s = byIndex.get(m[1]!);
    out += html.slice(from, m.index);
    from = re.lastIndex;
    if (!s) {
      out += m[0];
      continue;
    }
    out += `<p data-p="${m[1]}" class="shared"><span class="visually-hidden">${label} </span>${m[2]}</p>\n`;
    for (const l of s.with) if (!pending.some((p) => p.url === l.url)) pending.push(l);
    const before = html.slice(0, from);
    if ((before.match(OPEN)?.length ?? 0) === (before.match(CLOSE)?.length ?? 0)) {
      parts.push({ html: out, sharedWith: pending });
      out = "";
      pending = [];
    }
  }
  out += html.slice(from);
  if (out.trim() || pending.length) parts.push(pending.length ? { html: out, sharedWith: pending } : { html: out });
  return parts;
}

export function buildArticlePages(stories: Story[], ctx: ArticleCtx): ArticlePage[] {
  const out: ArticlePage[] = [];
  const related = lastRelated(ctx.related);
  for (const s of stories) {
    out.push(page(s, s.ar, ctx, related));
    if (s.en) out.push(page(s, s.en, ctx, related));
  }
  return out;
}
