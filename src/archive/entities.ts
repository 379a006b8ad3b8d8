import { otherLang, type Lang } from "../i18n/lang.ts";
import { routes } from "./routes.ts";
import type { PageKind } from "./kinds.ts";
import type { Digits } from "../dates/format.ts";
import { plural } from "../i18n/plural.ts";
import { t, type StringKey } from "../i18n/strings.ts";
import type { Entity, EntityType } from "../entities/gazetteer.ts";
import type { Story } from "./stories.ts";
import { listItem, text } from "./stories.ts";
import type { EntityGroup } from "./articles.ts";
import type { Link, ListItem, PageBase, PageNav, Text } from "./types.ts";
import { jsonHash, lazyField, plainFields } from "./lazy.ts";
import { listedPrint } from "./prints.ts";
import { formatDay } from "../dates/format.ts";
import { pageBase, pageStub } from "./page.ts";
import { paginate, pageNav, pageSuffix, pageUrl } from "./paginate.ts";
import type { Phrase } from "../entities/phrase.ts";

export const ENTITY_TYPES: EntityType[] = ["person", "organization", "place"];

export interface EntityLink {
  url: string;
  name: Text;
  count: string;
}

export interface EntityIndexPage extends PageBase {
  groups: { type: EntityType; label: string; items: EntityLink[] }[];
  /** The two orders of the index (by article count, by name); one is the current page. */
  orders: (Link & { current: boolean })[];
}

/** How many of the entity's articles also name another entity. */
export interface CoMention {
  url: string;
  name: Text;
  count: string;
}

/** A date of the entity's first or latest mention. */
export interface MentionDate {
  datetime: string;
  label: string;
}

/** The words in which an article names the entity (Arabic), for its entry on the entity's page. */
export interface PhraseText extends Phrase {
  /** Whether the phrase's language (Arabic) differs from the page's. */
  foreign: boolean;
}

export interface EntityItem extends ListItem {
  phrase?: PhraseText;
}

/** What the tagger saw beyond the ids: where each story names each entity, and where it was filed from. */
export interface EntityEvidence {
  /** The phrase of the story's first mention of entity `id`, if the tagger found one. */
  phrase(s: Story, id: string): Phrase | undefined;
  /** Entities named in the story's dateline (the places it was filed from). */
  filedFrom(s: Story): readonly string[];
  /** How the story's original writes entity `id`'s names (the name itself, without proclitics), each once; none for an entity only its front matter adds. */
  names(s: Story, id: string): readonly string[];
}

/** How many of the stories filed from a place its page lists. */
export const MAX_FILED_FROM = 10;

export interface EntityPage extends PageBase {
  entityId: string;
  entityType: EntityType;
  typeLabel: string;
  /** Name in the page's language, and in the other language (when known). */
  name: Text;
  otherName?: Text;
  variants: string[];
  descriptionText?: Text;
  wikidata?: string;
  /** On the first page only (the numbered pages do not change as articles are added). */
  count?: string;
  firstMention?: MentionDate;
  latestMention?: MentionDate;
  /** The entities named most often in the same articles, with counts. */
  coMentions: CoMention[];
  items: EntityItem[];
  pagination?: PageNav;
  /** Stories whose dateline is this place: how many, and the latest few. */
  filedFrom?: { count: string; items: ListItem[] };
}

/** How many co-mentioned entities an entity page lists. */
export const MAX_CO_MENTIONS = 10;

/** The entity's name for a reader of `lang`; falls back to the other language. */
export function entityName(e: Entity, lang: Lang): Text {
  const own = e.names[lang][0];
  if (own) return text(own, lang, lang);
  const other = otherLang(lang);
  return text(e.names[other][0] ?? e.id, other, lang);
}

const typeKey: Record<EntityType, StringKey> = { person: "person", organization: "organization", place: "place" };

export interface EntityIndex {
  /** Story key → entity ids, in gazetteer order. */
  byStory: Map<string, string[]>;
  /** Entity id → stories, newest first. */
  byEntity: Map<string, Story[]>;
  /** Place id → stories filed from it (dateline), newest first. */
  filedFrom: Map<string, Story[]>;
  evidence?: EntityEvidence;
}

/** One pass over the stories (already newest first) builds both directions of the index. */
export function indexEntities(stories: Story[], tagsOf: (s: Story) => string[], evidence?: EntityEvidence): EntityIndex {
  const byStory = new Map<string, string[]>();
  const byEntity = new Map<string, Story[]>();
  const filedFrom = new Map<string, Story[]>();
  for (const s of stories) {
    for (const id of evidence?.filedFrom(s) ?? []) {
      let list = filedFrom.get(id);
      if (!list) filedFrom.set(id, (list = []));
      list.push(s);
    }
    const ids = tagsOf(s);
    byStory.set(s.key, ids);
    for (const id of ids) {
      let list = byEntity.get(id);
      if (!list) byEntity.set(id, (list = []));
      list.push(s);
    }
  }
  return { byStory, byEntity, filedFrom, ...(evidence ? { evidence } : {}) };
}

export function entityGroupsFor(ids: string[], entities: Map<string, Entity>, lang: Lang): EntityGroup[] {
  const groups: EntityGroup[] = [];
  for (const type of ENTITY_TYPES) {
    const items = ids
      .map((id) => entities.get(id))
      .filter((e): e is Entity => e !== undefined && e.type === type)
      .map((e) => ({ url: routes.entity(lang, e.id), name: entityName(e, lang) }));
    if (items.length) groups.push({ type, label: t(lang, typeKey[type]), items });
  }
  return groups;
}

interface Ctx {
  zone: string;
  digits: Digits;
  pageSize: number;
}

export function buildEntityPages(index: EntityIndex, entities: Entity[], lang: Lang, ctx: Ctx): { entityIndex: EntityIndexPage[]; entity: EntityPage[] } {
  const other = otherLang(lang);
  const home = { url: routes.home(lang), label: t(lang, "home") };
  const indexUrl = routes.entities(lang);
  const used = entities.filter((e) => index.byEntity.has(e.id));
  const collator = new Intl.Collator(lang);
  const items = new Map<Story, ListItem>();
  const item = (s: Story) => {
    let it = items.get(s);
    if (!it) {
      // An entity page shows neither the badge nor what an untranslated article is about (entity.njk):
      // left out, so the build cache does not key them either (else an English name edited would redo
      // every entity page that lists an untranslated article naming it).
      const { badge: _badge, about: _about, ...shown } = listItem(s, lang, ctx.zone, ctx.digits);
      items.set(s, (it = shown));
    }
    return it;
  };
  // What the build cache keys for a story an entity page lists (item): neither its badge nor its names.
  const listed = (s: Story) => listedPrint(s, lang, false);
  const base = (kind: PageKind, url: string, heading: string, otherUrl: string, description: string): PageBase =>
    pageBase({ kind, lang, url, heading, otherUrl, description, breadcrumbs: [home] });

  const count = (e: Entity) => index.byEntity.get(e.id)!.length;
  const byName = (a: Entity, b: Entity) => collator.compare(entityName(a, lang).text, entityName(b, lang).text);
  // Static pages cannot re-sort themselves without JavaScript: each order is a page.
  const orders = [
    { key: "count", route: routes.entities, label: t(lang, "sortByCount"), cmp: (a: Entity, b: Entity) => count(b) - count(a) || byName(a, b) },
    { key: "name", route: routes.entitiesByName, label: t(lang, "sortByName"), cmp: byName },
  ];
  const entityIndex: EntityIndexPage[] = orders.map((o) => ({
    ...base("entityIndex", o.route(lang), t(lang, "entities"), o.route(other), t(lang, "entities")),
    orders: orders.map((x) => ({ url: x.route(lang), label: x.label, current: x.key === o.key })),
    groups: ENTITY_TYPES.map((type) => ({
      type,
      label: t(lang, typeKey[type]),
      items: used
        .filter((e) => e.type === type)
        .sort(o.cmp)
        .map((e) => ({ url: routes.entity(lang, e.id), name: entityName(e, lang), count: plural("articles", count(e), lang, ctx.digits) })),
    })).filter((g) => g.items.length > 0),
  }));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const mentionDate = (s: Story): MentionDate => ({
    datetime: s.ar.date.day,
    label: formatDay(s.ar.date.epoch, ctx.zone, lang, ctx.digits),
  });

  const pages: EntityPage[] = [];
  for (const e of used) {
    const stories = index.byEntity.get(e.id)!;
    const url = routes.entity(lang, e.id);
    const name = entityName(e, lang);
    const otherNameValue = e.names[other][0];
    const desc = e.description?.[lang] ?? e.description?.[other];
    const listing = paginate(stories, ctx.pageSize);
    const filed = index.filedFrom.get(e.id);
    const entry = (s: Story): EntityItem => {
      const phrase = index.evidence?.phrase(s, e.id);
      return phrase ? { ...item(s), phrase: { ...phrase, foreign: lang !== "ar" } } : item(s);
    };
    const co = coMentionsOf(index, e.id);
    const coMentions = (): CoMention[] =>
      co.map(([id, n]) => ({
        url: routes.entity(lang, id),
        name: entityName(byId.get(id)!, lang),
        count: plural("articles", n, lang, ctx.digits),
      }));
    // What the entity's pages show of it, hashed once for all of them.
    const entityPrint = jsonHash([e.id, e.type, e.names, e.wikidata, e.description]);
    // What the first page's summary shows besides the entity: the dates of its latest and first mentions, the
    // entities named beside it, the stories filed from it.
    const summary = () => [stories.length, stories[stories.length - 1]!.ar.date.day, coMentions(), filed ? [filed.length, filed.slice(0, MAX_FILED_FROM).map(listed)] : null];
    for (const { number: p, items: part } of listing) {
      // The summary (count, mentions, co-mentions, filed from) changes with every new
      // article: the first page has it, the numbered pages stay as they were.
      const first = p === 0;
      // What the sitemap and the page's metadata read; the rest is made when the page is rendered.
      const page = { ...pageStub("entity", lang, pageUrl(url, p), pageUrl(routes.entity(other, e.id), p)), entityId: e.id } as EntityPage;
      lazyField(
        page,
        "items",
        () => part.map(entry),
        // A phrase is fixed by the story's text (in its print) and where the name is in it.
        () =>
          part.map((s) => {
            const phrase = index.evidence?.phrase(s, e.id);
            return [listed(s), phrase ? [phrase.at, phrase.name.length] : null];
          }),
      );
      // The latest mention's date is also every page's sitemap date.
      plainFields(page, () => [lang, entityPrint, p, listing.length, stories[0]!.ar.date.day, first ? summary() : null], () => {
        const nav = pageNav(url, p, listing.length - 1, lang, ctx.digits);
        return {
          ...base("entity", pageUrl(url, p), name.text + pageSuffix(p, lang, ctx.digits), pageUrl(routes.entity(other, e.id), p), desc ?? name.text),
          heading: name.text,
          breadcrumbs: [home, { url: indexUrl, label: t(lang, "entities") }],
          entityId: e.id,
          entityType: e.type,
          typeLabel: t(lang, typeKey[e.type]),
          name,
          ...(otherNameValue && otherNameValue !== name.text ? { otherName: text(otherNameValue, other, lang) } : {}),
          variants: e.names.ar.slice(1),
          ...(desc ? { descriptionText: text(desc, e.description?.[lang] ? lang : other, lang) } : {}),
          ...(e.wikidata ? { wikidata: e.wikidata } : {}),
          // Stories are newest first.
          ...(first ? { count: plural("articles", stories.length, lang, ctx.digits), latestMention: mentionDate(stories[0]!), firstMention: mentionDate(stories[stories.length - 1]!) } : {}),
          coMentions: first ? coMentions() : [],
          ...(nav ? { pagination: nav } : {}),
          ...(first && filed ? { filedFrom: { count: plural("articles", filed.length, lang, ctx.digits), items: filed.slice(0, MAX_FILED_FROM).map(item) } } : {}),
        };
      });
      pages.push(page);
    }
  }
  return { entityIndex, entity: pages };
}

/** Counted once per index, not once per language: the counts are the same for both. */
const coMentionCounts = new WeakMap<EntityIndex, Map<string, [string, number][]>>();

function coMentionsOf(index: EntityIndex, id: string): [string, number][] {
  let byId = coMentionCounts.get(index);
  if (!byId) coMentionCounts.set(index, (byId = new Map()));
  let top = byId.get(id);
  if (!top) byId.set(id, (top = topCoMentions(id, index.byEntity.get(id) ?? [], index.byStory)));
  return top;
}

/**
 * The entities named most often in the same stories as `id` (count, then id,
 * so the order is stable). Cost: the entity tags of the entity's own stories.
 */
export function topCoMentions(id: string, stories: Story[], byStory: Map<string, string[]>, max = MAX_CO_MENTIONS): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of stories) {
    for (const other of byStory.get(s.key) ?? []) if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, max);
}
