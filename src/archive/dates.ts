import { pageBase } from "./page.ts";
import type { Lang } from "../i18n/lang.ts";
import type { Digits } from "../dates/format.ts";
import { formatDay, formatMonth, formatYear } from "../dates/format.ts";
import { plural } from "../i18n/plural.ts";
import { t } from "../i18n/strings.ts";
import type { Story } from "./stories.ts";
import { listItem } from "./stories.ts";
import type { CountLink, Link, ListItem, PageBase, PageNav } from "./types.ts";
import { chunk, pageNav, pageSuffix, pageUrl } from "./paginate.ts";

export interface DateIndexPage extends PageBase { years: CountLink[] }
export interface YearPage extends PageBase { months: CountLink[]; period: PageNav }
export interface MonthPage extends PageBase { days: CountLink[]; items: ListItem[]; period: PageNav; pagination?: PageNav }
export interface DayPage extends PageBase { items: ListItem[]; period: PageNav }

export interface DatePages {
  dateIndex: DateIndexPage[];
  year: YearPage[];
  month: MonthPage[];
  day: DayPage[];
}

interface Ctx {
  zone: string;
  digits: Digits;
  pageSize: number;
}

/** Groups stories by year → month → day of the original's date, in one pass. */
function group(stories: Story[]) {
  const years = new Map<string, Map<string, Map<string, Story[]>>>();
  for (const s of stories) {
    const d = s.ar.date;
    let months = years.get(d.year);
    if (!months) years.set(d.year, (months = new Map()));
    let days = months.get(d.month);
    if (!days) months.set(d.month, (days = new Map()));
    let list = days.get(d.dayOfMonth);
    if (!list) days.set(d.dayOfMonth, (list = []));
    list.push(s);
  }
  return years;
}

const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

export const dateUrl = (lang: Lang, ...parts: string[]) => `/${lang}/dates/${parts.map((p) => `${p}/`).join("")}`;

function base(kind: string, lang: Lang, url: string, heading: string, crumbs: Link[], otherUrl: string, description: string): PageBase {
  return pageBase({ kind, lang, url, heading, otherUrl, description, breadcrumbs: crumbs });
}

function otherLang(lang: Lang): Lang {
  return lang === "ar" ? "en" : "ar";
}

/** Previous/next period with articles; `keys` are sorted newest first. */
function periodNav<K>(keys: K[], i: number, link: (k: K) => Link, lang: Lang): PageNav {
  const nav: PageNav = {};
  const older = keys[i + 1];
  const newer = keys[i - 1];
  if (older !== undefined) nav.prev = { ...link(older), label: `${t(lang, "previousPeriod")}: ${link(older).label}` };
  if (newer !== undefined) nav.next = { ...link(newer), label: `${t(lang, "nextPeriod")}: ${link(newer).label}` };
  return nav;
}

export function buildDatePages(stories: Story[], lang: Lang, ctx: Ctx): DatePages {
  const { zone, digits } = ctx;
  const other = otherLang(lang);
  const years = group(stories);
  const out: DatePages = { dateIndex: [], year: [], month: [], day: [] };
  const home: Link = { url: `/${lang}/`, label: t(lang, "home") };
  const datesCrumb: Link = { url: dateUrl(lang), label: t(lang, "dates") };
  // Any story of a period gives its epoch, for formatting the period's name.
  const epochOf = (m: Map<string, Story[]>) => [...m.values()][0]![0]!.ar.date.epoch;
  const count = (n: number) => plural("articles", n, lang, digits);
  const items = new Map<Story, ListItem>();
  const item = (s: Story) => {
    let it = items.get(s);
    if (!it) items.set(s, (it = listItem(s, lang, zone, digits)));
    return it;
  };

  const yearKeys = [...years.keys()].sort(desc);
  const yearLink = (y: string): Link => ({ url: dateUrl(lang, y), label: formatYear(y, lang, digits) });
  const monthKeys: [string, string][] = [];
  for (const y of yearKeys) for (const m of [...years.get(y)!.keys()].sort(desc)) monthKeys.push([y, m]);
  const monthEpoch = (y: string, m: string) => epochOf(years.get(y)!.get(m)!);
  const monthLink = ([y, m]: [string, string]): Link => ({ url: dateUrl(lang, y, m), label: formatMonth(monthEpoch(y, m), zone, lang, digits) });
  const dayKeys: [string, string, string][] = [];
  for (const [y, m] of monthKeys) for (const d of [...years.get(y)!.get(m)!.keys()].sort(desc)) dayKeys.push([y, m, d]);
  const dayLink = ([y, m, d]: [string, string, string]): Link => ({
    url: dateUrl(lang, y, m, d),
    label: formatDay(years.get(y)!.get(m)!.get(d)![0]!.ar.date.epoch, zone, lang, digits),
  });
  const countStories = (months: Map<string, Map<string, Story[]>>) => {
    let n = 0;
    for (const days of months.values()) for (const l of days.values()) n += l.length;
    return n;
  };

  out.dateIndex.push({
    ...base("dateIndex", lang, dateUrl(lang), t(lang, "dates"), [home], dateUrl(other), t(lang, "dates")),
    years: yearKeys.map((y) => ({ ...yearLink(y), count: count(countStories(years.get(y)!)) })),
  });

  yearKeys.forEach((y, i) => {
    const months = years.get(y)!;
    const { label } = yearLink(y);
    out.year.push({
      ...base("year", lang, dateUrl(lang, y), label, [home, datesCrumb], dateUrl(other, y), `${t(lang, "dates")}: ${label}`),
      months: [...months.keys()].sort(desc).map((m) => {
        let n = 0;
        for (const l of months.get(m)!.values()) n += l.length;
        return { ...monthLink([y, m]), count: count(n) };
      }),
      period: periodNav(yearKeys, i, yearLink, lang),
    });
  });

  monthKeys.forEach(([y, m], i) => {
    const days = years.get(y)!.get(m)!;
    const dayList = [...days.keys()].sort(desc);
    const all: Story[] = [];
    for (const d of dayList) all.push(...days.get(d)!);
    const { label } = monthLink([y, m]);
    const url = dateUrl(lang, y, m);
    const crumbs = [home, datesCrumb, yearLink(y)];
    const chunks = chunk(all, ctx.pageSize);
    chunks.forEach((part, p) => {
      const nav = pageNav(url, p, chunks.length, lang, digits);
      out.month.push({
        ...base("month", lang, pageUrl(url, p), label + pageSuffix(p, lang, digits), crumbs, pageUrl(dateUrl(other, y, m), p), `${t(lang, "dates")}: ${label}`),
        heading: label,
        days: dayList.map((d) => ({ ...dayLink([y, m, d]), count: count(days.get(d)!.length) })),
        items: part.map(item),
        period: periodNav(monthKeys, i, monthLink, lang),
        ...(nav ? { pagination: nav } : {}),
      });
    });
  });

  dayKeys.forEach(([y, m, d], i) => {
    const { label } = dayLink([y, m, d]);
    out.day.push({
      ...base("day", lang, dateUrl(lang, y, m, d), label, [home, datesCrumb, yearLink(y), monthLink([y, m])], dateUrl(other, y, m, d), `${t(lang, "dates")}: ${label}`),
      items: years.get(y)!.get(m)!.get(d)!.map(item),
      period: periodNav(dayKeys, i, dayLink, lang),
    });
  });
  return out;
}
