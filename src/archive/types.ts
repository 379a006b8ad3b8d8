import type { Lang } from "../i18n/lang.ts";
import type { PageKind } from "./kinds.ts";

export interface Link {
  url: string;
  label: string;
}

/** A piece of text with the language it is written in (for lang/dir/bdi in templates). */
export interface Text {
  text: string;
  lang: Lang;
  dir: "rtl" | "ltr";
  /** True when the text's language differs from the page's: wrap in <bdi lang dir>. */
  foreign: boolean;
}

export interface ListItem {
  url: string;
  title: Text;
  datetime: string;
  dateLabel: string;
  dateline?: Text;
  /** "Arabic only": the item is shown in another language than the page's, having no translation. */
  badge?: string;
  /** With the badge on English pages: the English names of the entities in the article. */
  about?: string;
}

export interface CountLink extends Link {
  count: string;
}

export interface PageNav {
  prev?: Link;
  next?: Link;
  pages?: { url: string; label: string; current: boolean }[];
}

export interface Alternate {
  lang: Lang;
  url: string;
}

export interface PageBase {
  kind: PageKind;
  url: string;
  lang: Lang;
  dir: "rtl" | "ltr";
  /** Text of <title>, without the site name. */
  title: string;
  heading: string;
  description: string;
  /** Where the language switcher leads: the same page in the other language or its nearest equivalent. */
  switchUrl: string;
  /** Set when the switcher does not lead to this page's own translation: what it says instead, and its tooltip. */
  switchLabel?: string;
  switchTitle?: string;
  /** `<link rel=alternate hreflang>`: only pages that really exist in both languages. */
  alternates: Alternate[];
  breadcrumbs: Link[];
}
