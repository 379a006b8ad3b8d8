import type { Lang } from "../i18n/lang.ts";
import type { Digits } from "../dates/format.ts";
import { formatNumber } from "../dates/format.ts";
import type { PageNav } from "./types.ts";
import { t } from "../i18n/strings.ts";
import { routes } from "./routes.ts";

/** Splits a list into pages: `/base/`, `/base/page/2/`, … */
export function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function pageUrl(base: string, index: number): string {
  return index === 0 ? base : routes.paged(base, index + 1);
}

export function pageNav(base: string, index: number, count: number, lang: Lang, digits: Digits): PageNav | undefined {
  if (count <= 1) return undefined;
  const nav: PageNav = {
    pages: Array.from({ length: count }, (_, i) => ({
      url: pageUrl(base, i),
      label: formatNumber(i + 1, lang, digits),
      current: i === index,
    })),
  };
  if (index > 0) nav.prev = { url: pageUrl(base, index - 1), label: t(lang, "previous") };
  if (index < count - 1) nav.next = { url: pageUrl(base, index + 1), label: t(lang, "next") };
  return nav;
}

export function pageSuffix(index: number, lang: Lang, digits: Digits): string {
  return index === 0 ? "" : ` — ${t(lang, "page")} ${formatNumber(index + 1, lang, digits)}`;
}
