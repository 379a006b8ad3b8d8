import type { Article } from "../content/article.ts";
import type { Lang } from "../i18n/lang.ts";
import type { Story } from "./stories.ts";
import { jsonHash } from "./lazy.ts";

/** An article's print, made once per article object (articles are not changed once loaded). */
const articlePrints = new WeakMap<Article, string>();

/**
 * A hash of all an article file gave (its body by the body's hash): whatever
 * a page makes of the article changes only when this does, given the site's
 * settings and code (in every key of the build cache).
 */
export function articlePrint(a: Article): string {
  let p = articlePrints.get(a);
  if (p === undefined) articlePrints.set(a, (p = jsonHash(a)));
  return p;
}

/**
 * Records the print of an article parsed from the UTF-16LE bytes of its JSON
 * (the build cache keeps articles so): their hash (`jsonBytesHash`), which is
 * the print, instead of serialising all the archive's articles again to key the pages.
 */
export function articlePrintOf(a: Article, print: string): void {
  articlePrints.set(a, print);
}

/** What a page in `lang` reads of a story's version for its reader (versionFor) and of its original (its date, its dateline). */
export function versionPrint(s: Story, lang: Lang): unknown {
  return lang === "en" && s.en ? [articlePrint(s.en), articlePrint(s.ar)] : articlePrint(s.ar);
}

/**
 * What a listing in `lang` reads of a story (listItem): its version and
 * original; for an untranslated story on an English page, also what is known
 * of it in English, its names only for listings that show them (`names`).
 */
export function listedPrint(s: Story, lang: Lang, names: boolean): unknown {
  if (lang === "ar" || s.en) return versionPrint(s, lang);
  return [articlePrint(s.ar), s.english?.dateline ?? null, names ? (s.english?.names ?? null) : null];
}
