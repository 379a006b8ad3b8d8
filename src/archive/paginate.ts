import type { Lang } from "../i18n/lang.ts";
import type { Digits } from "../dates/format.ts";
import { formatNumber } from "../dates/format.ts";
import type { PageNav } from "./types.ts";
import { t } from "../i18n/strings.ts";
import { routes } from "./routes.ts";

/**
 * One page of a listing. Numbered pages count from the oldest end (page 1 =
 * the oldest items) and are always full; the unnumbered first page holds the
 * newest 1…size items. Adding a newer item then changes only the first page
 * (and, once every `size` items, adds a numbered page), so the old pages and
 * their URLs keep their content and an incremental build can reuse them.
 */
export interface ListingPage<T> {
  /** 0: the unnumbered first page; otherwise the page number (1 = oldest). */
  number: number;
  items: T[];
}

/** Splits a newest-first list into listing pages, newest page first. */
export function paginate<T>(items: T[], size: number): ListingPage<T>[] {
  const n = items.length;
  const numbered = n === 0 ? 0 : Math.floor((n - 1) / size);
  const head = n - numbered * size;
  const out: ListingPage<T>[] = [{ number: 0, items: items.slice(0, head) }];
  for (let k = numbered; k >= 1; k--) out.push({ number: k, items: items.slice(n - k * size, n - (k - 1) * size) });
  return out;
}

export function pageUrl(base: string, number: number): string {
  return number === 0 ? base : routes.paged(base, number);
}

/** How many numbered pages either side of the current one the pager lists. */
const WINDOW = 2;

/**
 * The pager of page `number` of a listing with `numbered` numbered pages. It
 * lists the first page and the numbered pages near the current one (not all
 * of them), so an old page's pager does not change when the listing grows.
 */
export function pageNav(base: string, number: number, numbered: number, lang: Lang, digits: Digits): PageNav | undefined {
  if (numbered === 0) return undefined;
  const link = (k: number) => ({
    url: pageUrl(base, k),
    label: k === 0 ? t(lang, "newestPage") : formatNumber(k, lang, digits),
    current: k === number,
  });
  const centre = number === 0 ? numbered : number;
  const pages = [link(0)];
  for (let k = Math.min(numbered, centre + WINDOW); k >= Math.max(1, centre - WINDOW); k--) pages.push(link(k));
  const nav: PageNav = { pages };
  // prev: the newer page; next: the older one.
  if (number !== 0) nav.prev = { url: pageUrl(base, number === numbered ? 0 : number + 1), label: t(lang, "previous") };
  const older = number === 0 ? numbered : number - 1;
  if (older >= 1) nav.next = { url: pageUrl(base, older), label: t(lang, "next") };
  return nav;
}

export function pageSuffix(number: number, lang: Lang, digits: Digits): string {
  return number === 0 ? "" : ` — ${t(lang, "page")} ${formatNumber(number, lang, digits)}`;
}
