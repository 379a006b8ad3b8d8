import type { SiteData } from "../archive/site.ts";
import type { Article } from "../content/article.ts";
import { articleUrl, type Story } from "../archive/stories.ts";
import { indexText } from "./analyze.ts";
import { filterToken } from "./filters.ts";
import { maskText } from "./mask.ts";
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

/**
 * Pagefind 1.5 searches metadata too (raw words, without our analysis), so
 * metadata holds only what a reader may find — the title and the dateline —
 * and the original text for excerpts, masked (mask.ts). The date is one word
 * Pagefind cannot split or match (ى + digits, decoded by the search page), so
 * a search for 2015 or August does not find every article of that month.
 */
export const DAY_MARK = "\u0649";

function record(byId: Map<string, Entity>, a: Article, original: Article, entityIds: string[]): SearchRecord {
  // Names in the other language only: Shoigu on the English page finds the Arabic
  // articles, شويغو the translations. The page's own language is already in its text.
  const other = a.lang === "ar" ? "en" : "ar";
  const names = entityIds.flatMap((id) => byId.get(id)?.names[other] ?? []);
  const d = original.date;
  const text = a.paragraphs.join("\n");
  const filters = [filterToken("lang", a.lang), filterToken("year", d.year), ...entityIds.map((id) => filterToken("entity", id))];
  const dateline = [a.source ?? original.source, a.place ?? original.place].filter(Boolean).join(" – ");
  return {
    url: articleUrl(a),
    content: `${indexText(`${a.title}\n${dateline}\n${text}`, names.join(" "))} ${filters.join(" ")}`,
    language: INDEX_LANGUAGE,
    meta: {
      title: a.title,
      day: DAY_MARK + d.day.replace(/-/g, ""),
      ...(dateline ? { dateline } : {}),
      // The original words, for excerpts (the indexed content is in search forms),
      // masked: Pagefind searches metadata as raw words, and a query must match
      // our analysed forms only (see maskText).
      text: maskText(text),
    },
    sort: { date: d.hasTime ? d.iso : `${d.day}T00:00:00` },
    year: d.year,
  };
}

/** One record per article page of `stories` (default: all), in a stable order (deterministic index). */
export function searchRecords(site: SiteData, stories: Story[] = site.stories): SearchRecord[] {
  const out: SearchRecord[] = [];
  const byId = new Map(site.entities.map((e) => [e.id, e]));
  for (const s of stories) {
    const ids = site.tags.get(s.key) ?? [];
    out.push(record(byId, s.ar, s.ar, ids));
    if (s.en) out.push(record(byId, s.en, s.ar, ids));
  }
  return out;
}
