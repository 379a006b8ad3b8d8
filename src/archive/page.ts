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

/**
 * The part every listing page shares: language, direction, the language
 * switch and the hreflang pair (these pages always exist in both languages).
 */
export function pageBase(s: PageSpec): PageBase {
  const other = otherLang(s.lang);
  return {
    kind: s.kind,
    url: s.url,
    lang: s.lang,
    dir: dirOf(s.lang),
    title: s.title ?? s.heading,
    heading: s.heading,
    description: s.description,
    switchUrl: s.otherUrl,
    alternates: [
      { lang: s.lang, url: s.url },
      { lang: other, url: s.otherUrl },
    ],
    breadcrumbs: s.breadcrumbs,
  };
}
