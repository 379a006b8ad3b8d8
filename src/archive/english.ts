import type { Entity } from "../entities/gazetteer.ts";
import { normalizeArabic } from "../arabic/normalize.ts";
import type { Story } from "./stories.ts";

/** Most names listed for an untranslated article on English pages. */
const MAX_NAMES = 4;

/**
 * What an English reader can be told about an article that exists only in
 * Arabic: its dateline in English when the gazetteer knows both the outlet
 * and the place by an English name, and the English names of the people,
 * organisations and places found in it (in the order they were tagged).
 */
export function addEnglishFacts(stories: Story[], tags: Map<string, string[]>, byId: Map<string, Entity>): void {
  const byName = new Map<string, Entity>();
  for (const e of byId.values()) {
    if (!e.names.en.length) continue;
    for (const n of e.names.ar) {
      const k = normalizeArabic(n);
      if (!byName.has(k)) byName.set(k, e);
    }
  }
  const english = (arabic: string | undefined) => (arabic ? byName.get(normalizeArabic(arabic))?.names.en[0] : undefined);
  for (const s of stories) {
    if (s.en) continue;
    const names = (tags.get(s.key) ?? []).map((id) => byId.get(id)?.names.en[0]).filter((n): n is string => !!n);
    const source = english(s.ar.source);
    const place = english(s.ar.place);
    // Only a wholly English dateline: half-translated it would mix directions in one line.
    const complete = (!s.ar.source || source) && (!s.ar.place || place) && (source || place);
    s.english = {
      ...(complete ? { dateline: [source, place].filter(Boolean).join(" – ") } : {}),
      names: [...new Set(names)].slice(0, MAX_NAMES),
    };
  }
}
