import type { SiteData } from "../archive/site.ts";
import type { Article } from "../content/article.ts";
import { articleUrl } from "../archive/stories.ts";
import { formatDay } from "../dates/format.ts";
import { indexText } from "./analyze.ts";
import { filterToken } from "./filters.ts";
import type { Entity } from "../entities/gazetteer.ts";

/**
 * All pages go into one Pagefind index under a neutral language code, so a
 * reader on either side finds articles in both languages (a filter narrows
 * to one). Pagefind's own stemming is off for that code: ours is in analyze.ts.
 */
export const INDEX_LANGUAGE = "und";

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  sort: Record<string, string>;
  /** For partitioning only; not sent to Pagefind as a field of its own. */
  year: string;
}

function record(site: SiteData, byId: Map<string, Entity>, a: Article, original: Article, entityIds: string[]): SearchRecord {
  const names = entityIds.flatMap((id) => {
    const e = byId.get(id);
    return e ? [...e.names.ar, ...e.names.en] : [];
  });
  const { timeZone, digits } = site.settings;
  const d = original.date;
  const text = a.paragraphs.join("\n");
  const filters = [filterToken("lang", a.lang), filterToken("year", d.year), ...entityIds.map((id) => filterToken("entity", id))];
  const dateline = [a.source ?? original.source, a.place ?? original.place].filter(Boolean).join(" – ");
  return {
    url: articleUrl(a),
    content: `${indexText(`${a.title}\n${text}`, names.join(" "))} ${filters.join(" ")}`,
    language: INDEX_LANGUAGE,
    meta: {
      title: a.title,
      lang: a.lang,
      datetime: d.hasTime ? d.iso : d.day,
      date_ar: formatDay(d.epoch, timeZone, "ar", digits),
      date_en: formatDay(d.epoch, timeZone, "en", digits),
      ...(dateline ? { dateline } : {}),
      // The original words, for excerpts: the indexed content is in search forms.
      text,
    },
    sort: { date: d.hasTime ? d.iso : `${d.day}T00:00:00` },
    year: d.year,
  };
}

/** One record per article page, in a stable order (deterministic index). */
export function searchRecords(site: SiteData): SearchRecord[] {
  const out: SearchRecord[] = [];
  const byId = new Map(site.entities.map((e) => [e.id, e]));
  for (const s of site.stories) {
    const ids = site.tags.get(s.key) ?? [];
    out.push(record(site, byId, s.ar, s.ar, ids));
    if (s.en) out.push(record(site, byId, s.en, s.ar, ids));
  }
  return out;
}
