import type { Lang } from "../site/settings.ts";
import type { Digits } from "../dates/format.ts";
import { formatNumber } from "../dates/format.ts";
import { plural } from "../i18n/plural.ts";
import type { Story } from "./stories.ts";
import { articleUrl, text, versionFor } from "./stories.ts";
import type { TextPair } from "../related/pairs.ts";
import type { Text } from "./types.ts";

export interface RelatedItem {
  url: string;
  title: Text;
  note: string;
}

export interface RelatedSection {
  text: RelatedItem[];
  entities: RelatedItem[];
  /** Paragraph indexes of this (Arabic) article shared with another. */
  shared: number[];
  /** Set when more stories share text than are listed: "closest 10 of 37". */
  closest?: string;
}

const RELATION: Record<TextPair["relation"], Record<Lang, string>> = {
  duplicate: { ar: "النص نفسه", en: "Same text" },
  update: { ar: "نسخة محدثة أو موسعة", en: "Update or expansion" },
  shared: { ar: "فقرات مشتركة", en: "Shared passages" },
};

function note(pair: TextPair, self: Story, lang: Lang, digits: Digits): string {
  const mine = pair.a === self ? 0 : 1;
  const other = mine === 0 ? pair.b : pair.a;
  const n = pair.shared.length;
  const selfLen = self.ar.paragraphs.length;
  const otherLen = other.ar.paragraphs.length;
  const num = (x: number) => formatNumber(x, lang, digits);
  const when = self.ar.date.day === other.ar.date.day ? "same" : self.ar.date.epoch < other.ar.date.epoch ? "earlier" : "later";
  const length = selfLen === otherLen ? "equal" : selfLen < otherLen ? "shorter" : "longer";
  if (lang === "ar") {
    const parts = [`${RELATION[pair.relation].ar}: يشتركان في ${plural("paragraphs", n, "ar", digits)}`];
    parts.push(length === "equal" ? "وهما بالطول نفسه" : `وهذا الخبر ${length === "shorter" ? "أقصر" : "أطول"} (${num(selfLen)} مقابل ${num(otherLen)} فقرة)`);
    parts.push(when === "same" ? "ونُشرا في اليوم نفسه" : when === "earlier" ? "ونُشر قبله" : "ونُشر بعده");
    return parts.join("، ");
  }
  const parts = [`${RELATION[pair.relation].en}: ${plural("paragraphs", n, "en", digits)} in common`];
  parts.push(length === "equal" ? "the same length" : `this article is ${length} (${num(selfLen)} paragraphs against ${num(otherLen)})`);
  parts.push(when === "same" ? "published the same day" : when === "earlier" ? "published before it" : "published after it");
  return parts.join("; ");
}

const RANK: Record<TextPair["relation"], number> = { duplicate: 0, update: 1, shared: 2 };

const pairKey = (p: TextPair) => `${p.a.key} ${p.b.key}`;

/** Closest first: the same text, then updates, then more shared paragraphs, then the higher whole-text similarity. */
function closer(x: TextPair, y: TextPair): number {
  return RANK[x.relation] - RANK[y.relation] || y.shared.length - x.shared.length || y.jaccard - x.jaccard || pairKey(x).localeCompare(pairKey(y), "en");
}

export function buildRelated(pairs: TextPair[], byEntities: Map<string, Story[]>, digits: Digits, maxText: number) {
  const byStory = new Map<Story, TextPair[]>();
  for (const p of pairs) {
    for (const s of [p.a, p.b]) {
      let l = byStory.get(s);
      if (!l) byStory.set(s, (l = []));
      l.push(p);
    }
  }
  return (story: Story, lang: Lang): RelatedSection => {
    const mine = [...(byStory.get(story) ?? [])].sort(closer);
    const textual = new Set<Story>();
    const shared = new Set<number>();
    for (const p of mine) {
      textual.add(p.a === story ? p.b : p.a);
      for (const [i, j] of p.shared) shared.add(p.a === story ? i : j);
    }
    // Only the listed ones are built (a story of a much-copied text can share with hundreds).
    const items: RelatedItem[] = mine.slice(0, maxText).map((p) => {
      const v = versionFor(p.a === story ? p.b : p.a, lang);
      return { url: articleUrl(v), title: text(v.title, v.lang, lang), note: note(p, story, lang, digits) };
    });
    const entities = (byEntities.get(story.key) ?? [])
      .filter((s) => !textual.has(s))
      .map((s) => {
        const v = versionFor(s, lang);
        return { url: articleUrl(v), title: text(v.title, v.lang, lang), note: "" };
      });
    const section: RelatedSection = { text: items, entities, shared: [...shared].sort((a, b) => a - b) };
    if (mine.length > items.length) {
      const num = (x: number) => formatNumber(x, lang, digits);
      section.closest = lang === "ar" ? `الأقرب فقط: ${num(items.length)} من ${num(mine.length)}` : `Closest only: ${num(items.length)} of ${num(mine.length)}`;
    }
    return section;
  };
}
