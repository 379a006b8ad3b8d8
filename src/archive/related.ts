import type { Lang } from "../i18n/lang.ts";
import type { Digits } from "../dates/format.ts";
import { formatDay, formatNumber } from "../dates/format.ts";
import { plural } from "../i18n/plural.ts";
import type { Story } from "./stories.ts";
import { articleUrl, text, versionFor } from "./stories.ts";
import type { TextPair } from "../related/pairs.ts";
import type { Text } from "./types.ts";
import { jsonHash } from "./lazy.ts";

/** Another story, named by its outlet (its headline when it has none) and dated. */
export interface CoverageLink {
  url: string;
  label: Text;
  datetime: string;
  dateLabel: string;
}

export interface RelatedItem {
  url: string;
  title: Text;
  /** The outlet (`source`) and the dateline's place, each in the language it is written in. */
  outlet?: Text;
  place?: Text;
  datetime: string;
  dateLabel: string;
  note: string;
  /** The same text as this item in other stories, newest first (at most maxText). */
  copies: CoverageLink[];
  /** "(3)": how many copies there are in all, shown after the list. */
  copiesCount: string;
}

export interface SameText {
  copies: CoverageLink[];
  count: string;
}

export interface SharedParagraph {
  index: number;
  /** The stories this paragraph is found in, closest first (at most maxText). */
  with: CoverageLink[];
}

export interface RelatedSection {
  /** Stories carrying this article's own text ("the same text also in: …"), newest first. */
  sameText?: SameText;
  text: RelatedItem[];
  entities: RelatedItem[];
  /** Paragraph indexes of this (Arabic) article shared with another. */
  shared: number[];
  /** Each shared paragraph with the stories it is shared with. */
  sharedWith: SharedParagraph[];
  /** Set when more stories share text than are listed: "closest 10 of 37". */
  closest?: string;
}

export interface RelatedCtx {
  digits: Digits;
  zone: string;
  maxText: number;
}

const RELATION: Record<"update" | "shared", Record<Lang, string>> = {
  update: { ar: "نسخة محدثة أو موسعة", en: "Update or expansion" },
  shared: { ar: "فقرات مشتركة", en: "Shared passages" },
};

/**
 * The note under a related item: how the two texts relate, how many paragraphs
 * they share (every count through the plural rules), their lengths and which
 * came first. Copies of the same text are not described here: they are grouped.
 */
export function relationNote(pair: TextPair, self: Story, lang: Lang, digits: Digits): string {
  const other = pair.a === self ? pair.b : pair.a;
  const n = pair.shared.length;
  const selfLen = self.ar.paragraphCount;
  const otherLen = other.ar.paragraphCount;
  const paras = (x: number) => plural("paragraphs", x, lang, digits);
  const when = self.ar.date.day === other.ar.date.day ? "same" : self.ar.date.epoch < other.ar.date.epoch ? "earlier" : "later";
  const length = selfLen === otherLen ? "equal" : selfLen < otherLen ? "shorter" : "longer";
  const relation = pair.relation === "duplicate" ? "update" : pair.relation;
  if (lang === "ar") {
    // No paragraph matched one to one: the likeness is of the whole text (paragraphs split or merged differently).
    const common = n === 0 ? "يتشابه النصان دون أن تتطابق فيهما فقرة بفقرة" : `يشتركان في ${paras(n)}`;
    const parts = [`${RELATION[relation].ar}: ${common}`];
    parts.push(length === "equal" ? "وهما بالطول نفسه" : `وهذا الخبر ${length === "shorter" ? "أقصر" : "أطول"} (${paras(selfLen)} مقابل ${paras(otherLen)})`);
    parts.push(when === "same" ? "ونُشرا في اليوم نفسه" : when === "earlier" ? "ونُشر هذا الخبر قبله" : "ونُشر هذا الخبر بعده");
    return parts.join("، ");
  }
  const common = n === 0 ? "alike as wholes, though no paragraph matches one for one" : `${paras(n)} in common`;
  const parts = [`${RELATION[relation].en}: ${common}`];
  parts.push(length === "equal" ? "the same length" : `this article is ${length} (${paras(selfLen)} against ${paras(otherLen)})`);
  parts.push(when === "same" ? "published the same day" : when === "earlier" ? "this one published first" : "this one published later");
  return parts.join("; ");
}

const RANK: Record<TextPair["relation"], number> = { duplicate: 0, update: 1, shared: 2 };

const pairKey = (p: TextPair) => `${p.a.key} ${p.b.key}`;

/** Closest first: the same text, then updates, then more shared paragraphs, then the higher whole-text similarity. */
function closer(x: TextPair, y: TextPair): number {
  return RANK[x.relation] - RANK[y.relation] || y.shared.length - x.shared.length || y.jaccard - x.jaccard || pairKey(x).localeCompare(pairKey(y), "en");
}

/** Newest first; the key breaks ties so the order never depends on input order. */
function newer(x: Story, y: Story): number {
  return y.ar.date.epoch - x.ar.date.epoch || x.key.localeCompare(y.key, "en");
}

/** Stories joined by "duplicate" pairs, transitively: each story → the list of its group (itself included). */
function copyGroups(pairs: TextPair[]): Map<Story, Story[]> {
  const parent = new Map<Story, Story>();
  const find = (s: Story): Story => {
    let r = s;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let x = s;
    while (x !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const p of pairs) {
    if (p.relation !== "duplicate") continue;
    for (const s of [p.a, p.b]) if (!parent.has(s)) parent.set(s, s);
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const lists = new Map<Story, Story[]>();
  for (const s of parent.keys()) {
    const r = find(s);
    let l = lists.get(r);
    if (!l) lists.set(r, (l = []));
    l.push(s);
  }
  const out = new Map<Story, Story[]>();
  for (const l of lists.values()) {
    l.sort(newer);
    for (const s of l) out.set(s, l);
  }
  return out;
}

export function buildRelated(pairs: TextPair[], byEntities: Map<string, Story[]>, ctx: RelatedCtx) {
  const { digits, zone, maxText } = ctx;
  const byStory = new Map<Story, TextPair[]>();
  for (const p of pairs) {
    for (const s of [p.a, p.b]) {
      let l = byStory.get(s);
      if (!l) byStory.set(s, (l = []));
      l.push(p);
    }
  }
  const groups = copyGroups(pairs);
  const dated = (s: Story, lang: Lang) => ({
    datetime: s.ar.date.hasTime ? s.ar.date.iso : s.ar.date.day,
    dateLabel: formatDay(s.ar.date.epoch, zone, lang, digits),
  });
  const link = (s: Story, lang: Lang): CoverageLink => {
    const v = versionFor(s, lang);
    const outlet = v.source ?? s.ar.source;
    const label = outlet ? text(outlet, v.source ? v.lang : "ar", lang) : text(v.title, v.lang, lang);
    return { url: articleUrl(v), label, ...dated(s, lang) };
  };
  const count = (n: number, lang: Lang) => `(${formatNumber(n, lang, digits)})`;
  const item = (s: Story, lang: Lang, note: string, copies: Story[]): RelatedItem => {
    const v = versionFor(s, lang);
    const outlet = v.source ?? s.ar.source;
    const place = v.place ?? s.ar.place;
    return {
      url: articleUrl(v),
      title: text(v.title, v.lang, lang),
      ...(outlet ? { outlet: text(outlet, v.source ? v.lang : "ar", lang) } : {}),
      ...(place ? { place: text(place, v.place ? v.lang : "ar", lang) } : {}),
      ...dated(s, lang),
      note,
      copies: copies.slice(0, maxText).map((c) => link(c, lang)),
      copiesCount: copies.length ? count(copies.length, lang) : "",
    };
  };

  const section = (story: Story, lang: Lang): RelatedSection => {
    const mine = [...(byStory.get(story) ?? [])].sort(closer);
    const own = groups.get(story) ?? [story];
    const ownSet = new Set(own);
    const textual = new Set<Story>();
    const sharedWith = new Map<number, Story[]>();
    // One line per group of copies, led by the closest of them; this story's own copies make the "same text" line.
    const lines: { lead: Story; pair: TextPair; copies: Story[] }[] = [];
    const placed = new Set<Story>();
    for (const p of mine) {
      const other = p.a === story ? p.b : p.a;
      textual.add(other);
      for (const [i, j] of p.shared) {
        const k = p.a === story ? i : j;
        let l = sharedWith.get(k);
        if (!l) sharedWith.set(k, (l = []));
        l.push(other);
      }
      if (ownSet.has(other) || placed.has(other)) continue;
      const group = groups.get(other) ?? [other];
      for (const g of group) placed.add(g);
      lines.push({ lead: other, pair: p, copies: group.filter((g) => g !== other && !ownSet.has(g)) });
    }
    const section: RelatedSection = {
      text: lines.slice(0, maxText).map((l) => item(l.lead, lang, relationNote(l.pair, story, lang, digits), l.copies)),
      entities: (byEntities.get(story.key) ?? []).filter((s) => !textual.has(s)).map((s) => item(s, lang, "", [])),
      shared: [...sharedWith.keys()].sort((a, b) => a - b),
      sharedWith: [...sharedWith.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([index, list]) => ({ index, with: list.slice(0, maxText).map((s) => link(s, lang)) })),
    };
    const copies = own.filter((s) => s !== story);
    if (copies.length) section.sameText = { copies: copies.slice(0, maxText).map((s) => link(s, lang)), count: count(copies.length, lang) };
    if (lines.length > section.text.length) {
      const num = (x: number) => formatNumber(x, lang, digits);
      section.closest = lang === "ar" ? `الأقرب فقط: ${num(section.text.length)} من ${num(lines.length)}` : `Closest only: ${num(section.text.length)} of ${num(lines.length)}`;
    }
    return section;
  };

  // What a section is made of, for the build cache to key instead of the section (lazy.ts stand-ins):
  // this story's pairs and copy groups, its related stories by entities, and each story they name by
  // a hash of what `section` reads of it (made once per story and language). The settings the
  // section reads (digits, time zone, maxText) are in every page's key.
  const printed: Record<Lang, Map<Story, string>> = { ar: new Map(), en: new Map() };
  const read = (s: Story, lang: Lang): string => {
    let p = printed[lang].get(s);
    if (p === undefined) {
      const v = versionFor(s, lang);
      const d = s.ar.date;
      p = jsonHash([s.key, v.id, v.lang, v.title, v.source, v.place, s.ar.source, s.ar.place, d.iso, d.hasTime, d.day, d.epoch, s.ar.paragraphCount]);
      printed[lang].set(s, p);
    }
    return p;
  };
  const print = (story: Story, lang: Lang): unknown => {
    const group = (s: Story) => (groups.get(s) ?? [s]).map((g) => read(g, lang));
    return [
      read(story, lang),
      group(story),
      (byStory.get(story) ?? []).map((p) => {
        const other = p.a === story ? p.b : p.a;
        return [p.a === story, read(other, lang), p.relation, p.shared, p.jaccard, group(other)];
      }),
      (byEntities.get(story.key) ?? []).map((s) => read(s, lang)),
    ];
  };
  return Object.assign(section, { print });
}
