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
 * What a listing in `lang` reads of a story (listItem): the version shown
 * and the original (its date and dateline); for an untranslated story on an
 * English page, what is known of it in English, its names only for listings
 * that show them (`names`).
 */
export function listedPrint(s: Story, lang: Lang, names: boolean): unknown {
  if (lang === "ar") return articlePrint(s.ar);
  if (s.en) return [articlePrint(s.en), articlePrint(s.ar)];
  return [articlePrint(s.ar), s.english?.dateline ?? null, names ? (s.english?.names ?? null) : null];
}
