import { pageBase, pageStub } from "./page.ts";
import { otherLang, type Lang } from "../i18n/lang.ts";
import { routes } from "./routes.ts";
import type { PageKind } from "./kinds.ts";
import type { Digits } from "../dates/format.ts";
import { arabicMonthName, formatDay, formatHijri, formatHijriSpan, formatMonth, formatNumber, formatYear, weekdays } from "../dates/format.ts";
import { plural } from "../i18n/plural.ts";
import { t } from "../i18n/strings.ts";
import type { Story } from "./stories.ts";
import { listItem, listedDatetime } from "./stories.ts";
import type { CountLink, Link, ListItem, PageBase, PageNav } from "./types.ts";
import { paginate, pageNav, pageSuffix, pageUrl } from "./paginate.ts";
import { plainFields } from "./lazy.ts";
import { listedPrint } from "./prints.ts";

/** A month column of the years × months table: its name (both Arabic forms, or English). */
export interface MonthColumn { label: string; alt?: string }
/** One cell: the month's article count linked to its page, or nothing. */
export interface YearMonthCell { url?: string; count?: string; label: string }
export interface YearRow { year: Link; total: string; cells: YearMonthCell[] }
export interface DateIndexPage extends PageBase { years: CountLink[]; monthColumns: MonthColumn[]; table: YearRow[]; tableCaption: string }
export interface YearPage extends PageBase { hijri: string; months: CountLink[]; period: PageNav }
/** A day of the month calendar: the day's number, and its article count and page when it has articles. */
export interface CalendarDay { day: string; datetime: string; url?: string; count?: string; countLabel?: string }
export interface Calendar { caption: string; weekdays: { short: string; long: string }[]; weeks: (CalendarDay | null)[][] }
export interface MonthPage extends PageBase { hijri: string; calendar: Calendar; days: CountLink[]; items: ListItem[]; itemsHeading: string; period: PageNav; pagination?: PageNav }
export interface DayPage extends PageBase { hijri: string; items: ListItem[]; period: PageNav }

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

function base(kind: PageKind, lang: Lang, url: string, heading: string, crumbs: Link[], otherUrl: string, description: string): PageBase {
  return pageBase({ kind, lang, url, heading, otherUrl, description, breadcrumbs: crumbs });
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
  const home: Link = { url: routes.home(lang), label: t(lang, "home") };
  const datesCrumb: Link = { url: routes.dates(lang), label: t(lang, "dates") };
  // Any story of a period gives its epoch, for formatting the period's name.
  const epochOf = (m: Map<string, Story[]>) => [...m.values()][0]![0]!.ar.date.epoch;
  const count = (n: number) => plural("articles", n, lang, digits);
  // A listing page until it is rendered (lazy.ts plainFields); its sitemap date is its newest item's.
  const stub = <P extends MonthPage | DayPage>(kind: P["kind"], url: string, p: number, otherUrl: string, items: Story[]): P =>
    ({ ...pageStub(kind, lang, pageUrl(url, p), pageUrl(otherUrl, p)), lastmod: listedDatetime(items[0]!).slice(0, 10) }) as unknown as P;
  const items = new Map<Story, ListItem>();
  const item = (s: Story) => {
    let it = items.get(s);
    if (!it) items.set(s, (it = listItem(s, lang, zone, digits)));
    return it;
  };

  const yearKeys = [...years.keys()].sort(desc);
  const yearLink = (y: string): Link => ({ url: routes.dates(lang, y), label: formatYear(y, lang, digits) });
  const monthKeys: [string, string][] = [];
  for (const y of yearKeys) for (const m of [...years.get(y)!.keys()].sort(desc)) monthKeys.push([y, m]);
  const monthEpoch = (y: string, m: string) => epochOf(years.get(y)!.get(m)!);
  const monthLink = ([y, m]: [string, string]): Link => ({ url: routes.dates(lang, y, m), label: formatMonth(monthEpoch(y, m), zone, lang, digits) });
  const dayKeys: [string, string, string][] = [];
  for (const [y, m] of monthKeys) for (const d of [...years.get(y)!.get(m)!.keys()].sort(desc)) dayKeys.push([y, m, d]);
  const dayLink = ([y, m, d]: [string, string, string]): Link => ({
    url: routes.dates(lang, y, m, d),
    label: formatDay(years.get(y)!.get(m)!.get(d)![0]!.ar.date.epoch, zone, lang, digits),
  });
  const countStories = (months: Map<string, Map<string, Story[]>>) => {
    let n = 0;
    for (const days of months.values()) for (const l of days.values()) n += l.length;
    return n;
  };

  const num = (n: number) => formatNumber(n, lang, digits);
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = (y: string, m: string) => new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  const monthHijri = (y: string, m: string) => formatHijriSpan(`${y}-${m}-01`, `${y}-${m}-${pad(lastDay(y, m))}`, "month", lang, digits);
  const monthCount = (y: string, m: string) => {
    let n = 0;
    for (const l of years.get(y)!.get(m)!.values()) n += l.length;
    return n;
  };
  // Column names of the years × months table: Iraqi and pan-Arab month names, or English short names.
  const monthColumns: MonthColumn[] = Array.from({ length: 12 }, (_, i) => {
    const epoch = Date.UTC(2001, i, 15, 12);
    if (lang === "en") return { label: new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(epoch) };
    const [label, alt] = arabicMonthName("UTC", epoch, digits).split("/");
    return alt ? { label: label!, alt } : { label: label! };
  });
  out.dateIndex.push({
    ...base("dateIndex", lang, routes.dates(lang), t(lang, "dates"), [home], routes.dates(other), t(lang, "dates")),
    years: yearKeys.map((y) => ({ ...yearLink(y), count: count(countStories(years.get(y)!)) })),
    monthColumns,
    tableCaption: t(lang, "yearsByMonths"),
    table: yearKeys.map((y) => ({
      year: yearLink(y),
      total: count(countStories(years.get(y)!)),
      cells: monthColumns.map((c, i) => {
        const m = pad(i + 1);
        const name = `${c.label}${c.alt ? `/${c.alt}` : ""} ${formatYear(y, lang, digits)}`;
        if (!years.get(y)!.has(m)) return { label: name };
        const n = monthCount(y, m);
        return { url: routes.dates(lang, y, m), count: num(n), label: name };
      }),
    })),
  });

  yearKeys.forEach((y, i) => {
    const months = years.get(y)!;
    const { label } = yearLink(y);
    out.year.push({
      ...base("year", lang, routes.dates(lang, y), label, [home, datesCrumb], routes.dates(other, y), `${t(lang, "dates")}: ${label}`),
      hijri: formatHijriSpan(`${y}-01-01`, `${y}-12-31`, "year", lang, digits),
      months: [...months.keys()].sort(desc).map((m) => {
        let n = 0;
        for (const l of months.get(m)!.values()) n += l.length;
        return { ...monthLink([y, m]), count: count(n) };
      }),
      period: periodNav(yearKeys, i, yearLink, lang),
    });
  });

  const week = weekdays(lang);
  /** Week rows of a month, in the language's week order; days with articles link to their page. */
  const calendar = (y: string, m: string, days: Map<string, Story[]>, label: string): Calendar => {
    const last = lastDay(y, m);
    const firstIso = ((new Date(Date.UTC(Number(y), Number(m) - 1, 1)).getUTCDay() + 6) % 7) + 1;
    const lead = week.findIndex((w) => w.iso === firstIso);
    const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
    for (let d = 1; d <= last; d++) {
      const key = pad(d);
      const list = days.get(key) ?? days.get(String(d));
      const cell: CalendarDay = { day: num(d), datetime: `${y}-${m}-${key}` };
      if (list) Object.assign(cell, { url: routes.dates(lang, y, m, days.has(key) ? key : String(d)), count: num(list.length), countLabel: count(list.length) });
      cells.push(cell);
    }
    while (cells.length % 7) cells.push(null);
    const weeks: (CalendarDay | null)[][] = [];
    for (let k = 0; k < cells.length; k += 7) weeks.push(cells.slice(k, k + 7));
    return { caption: `${t(lang, "calendar")}: ${label}`, weekdays: week.map(({ short, long }) => ({ short, long })), weeks };
  };

  monthKeys.forEach(([y, m], i) => {
    const days = years.get(y)!.get(m)!;
    const dayList = [...days.keys()].sort(desc);
    const all: Story[] = [];
    for (const d of dayList) all.push(...days.get(d)!);
    const { label } = monthLink([y, m]);
    const url = routes.dates(lang, y, m);
    const crumbs = [home, datesCrumb, yearLink(y)];
    const listing = paginate(all, ctx.pageSize);
    // What the calendar and the list of days show: each day with articles, and how many.
    const dayCounts = dayList.map((d) => [d, days.get(d)!.length]);
    for (const { number: p, items: part } of listing) {
      const page = stub<MonthPage>("month", url, p, routes.dates(other, y, m), part);
      // A period's name and its Hijri span are made of its date; its neighbours are named by theirs.
      plainFields(page, () => [lang, y, m, p, listing.length, dayCounts, part.map((s) => listedPrint(s, lang, true)), monthKeys[i + 1] ?? null, monthKeys[i - 1] ?? null], () => {
        const nav = pageNav(url, p, listing.length - 1, lang, digits);
        return {
          ...base("month", lang, pageUrl(url, p), label + pageSuffix(p, lang, digits), crumbs, pageUrl(routes.dates(other, y, m), p), `${t(lang, "dates")}: ${label}`),
          heading: label,
          hijri: monthHijri(y, m),
          calendar: calendar(y, m, days, label),
          itemsHeading: t(lang, "articlesOfMonth"),
          days: dayList.map((d) => ({ ...dayLink([y, m, d]), count: count(days.get(d)!.length) })),
          items: part.map(item),
          period: periodNav(monthKeys, i, monthLink, lang),
          ...(nav ? { pagination: nav } : {}),
        };
      });
      out.month.push(page);
    }
  });

  dayKeys.forEach(([y, m, d], i) => {
    const list = years.get(y)!.get(m)!.get(d)!;
    const page = stub<DayPage>("day", routes.dates(lang, y, m, d), 0, routes.dates(other, y, m, d), list);
    plainFields(page, () => [lang, y, m, d, list.map((s) => listedPrint(s, lang, true)), dayKeys[i + 1] ?? null, dayKeys[i - 1] ?? null], () => {
      const { label } = dayLink([y, m, d]);
      return {
        ...base("day", lang, routes.dates(lang, y, m, d), label, [home, datesCrumb, yearLink(y), monthLink([y, m])], routes.dates(other, y, m, d), `${t(lang, "dates")}: ${label}`),
        hijri: formatHijri(list[0]!.ar.date.epoch, zone, lang, digits),
        // The heading gives the date: items do not repeat it.
        items: list.map((s) => ({ ...item(s), dateLabel: "" })),
        period: periodNav(dayKeys, i, dayLink, lang),
      };
    });
    out.day.push(page);
  });
  return out;
}
