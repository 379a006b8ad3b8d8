import { dirOf, otherLang, type Lang } from "../i18n/lang.ts";
import type { Link, PageBase } from "./types.ts";
import type { PageKind } from "./kinds.ts";

export interface PageSpec {
  kind: PageKind;
  lang: Lang;
  url: string;
  heading: string;
  /** The same page in the other language (it exists for every page built here). */
  otherUrl: string;
  description: string;
  breadcrumbs: Link[];
  /** Text of <title> when it differs from the heading. */
  title?: string;
}

/** A page until it is rendered (src/archive/lazy.ts plainFields): what the sitemap and the build cache read of it. */
export type PageStub = Pick<PageBase, "kind" | "url" | "lang" | "alternates">;

export function pageStub(kind: PageKind, lang: Lang, url: string, otherUrl: string): PageStub {
  return {
    kind,
    url,
    lang,
    alternates: [
      { lang, url },
      { lang: otherLang(lang), url: otherUrl },
    ],
  };
}

/**
 * The part every listing page shares: language, direction, the language
 * switch and the hreflang pair (these pages always exist in both languages).
 */
export function pageBase(s: PageSpec): PageBase {
  return {
    kind: s.kind,
    url: s.url,
    lang: s.lang,
    dir: dirOf(s.lang),
    title: s.title ?? s.heading,
    heading: s.heading,
    description: s.description,
    switchUrl: s.otherUrl,
    alternates: pageStub(s.kind, s.lang, s.url, s.otherUrl).alternates,
    breadcrumbs: s.breadcrumbs,
  };
}
