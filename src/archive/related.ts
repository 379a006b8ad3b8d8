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

export function buildRelated(pairs: TextPair[], byEntities: Map<string, Story[]>, digits: Digits) {
  const byStory = new Map<Story, TextPair[]>();
  for (const p of pairs) {
    for (const s of [p.a, p.b]) {
      let l = byStory.get(s);
      if (!l) byStory.set(s, (l = []));
      l.push(p);
    }
  }
  return (story: Story, lang: Lang): RelatedSection => {
    const mine = byStory.get(story) ?? [];
    const textual = new Set<Story>();
    const shared = new Set<number>();
    const items: RelatedItem[] = mine.map((p) => {
      const other = p.a === story ? p.b : p.a;
      textual.add(other);
      for (const [i, j] of p.shared) shared.add(p.a === story ? i : j);
      const v = versionFor(other, lang);
      return { url: articleUrl(v), title: text(v.title, v.lang, lang), note: note(p, story, lang, digits) };
    });
    const entities = (byEntities.get(story.key) ?? [])
      .filter((s) => !textual.has(s))
      .map((s) => {
        const v = versionFor(s, lang);
        return { url: articleUrl(v), title: text(v.title, v.lang, lang), note: "" };
      });
    return { text: items, entities, shared: [...shared].sort((a, b) => a - b) };
  };
}
