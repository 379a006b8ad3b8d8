import type { Lang } from "../site/settings.ts";
import type { Digits } from "../dates/format.ts";
import { plural } from "../i18n/plural.ts";
import { t, type StringKey } from "../i18n/strings.ts";
import type { Entity, EntityType } from "../entities/gazetteer.ts";
import type { Story } from "./stories.ts";
import { dirOf, listItem, text } from "./stories.ts";
import type { EntityGroup } from "./articles.ts";
import type { ListItem, PageBase, PageNav, Text } from "./types.ts";
import { chunk, pageNav, pageSuffix, pageUrl } from "./paginate.ts";

export const ENTITY_TYPES: EntityType[] = ["person", "organization", "place"];

export interface EntityLink {
  url: string;
  name: Text;
  count: string;
}

export interface EntityIndexPage extends PageBase {
  groups: { type: EntityType; label: string; items: EntityLink[] }[];
}

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
  count: string;
  items: ListItem[];
  pagination?: PageNav;
}

export const entityUrl = (lang: Lang, id: string) => `/${lang}/entities/${id}/`;

/** The entity's name for a reader of `lang`; falls back to the other language. */
export function entityName(e: Entity, lang: Lang): Text {
  const own = e.names[lang][0];
  if (own) return text(own, lang, lang);
  const other: Lang = lang === "ar" ? "en" : "ar";
  return text(e.names[other][0] ?? e.id, other, lang);
}

const typeKey: Record<EntityType, StringKey> = { person: "person", organization: "organization", place: "place" };

export interface EntityIndex {
  /** Story key → entity ids, in gazetteer order. */
  byStory: Map<string, string[]>;
  /** Entity id → stories, newest first. */
  byEntity: Map<string, Story[]>;
}

/** One pass over the stories (already newest first) builds both directions of the index. */
export function indexEntities(stories: Story[], tagsOf: (s: Story) => string[]): EntityIndex {
  const byStory = new Map<string, string[]>();
  const byEntity = new Map<string, Story[]>();
  for (const s of stories) {
    const ids = tagsOf(s);
    byStory.set(s.key, ids);
    for (const id of ids) {
      let list = byEntity.get(id);
      if (!list) byEntity.set(id, (list = []));
      list.push(s);
    }
  }
  return { byStory, byEntity };
}

export function entityGroupsFor(ids: string[], entities: Map<string, Entity>, lang: Lang): EntityGroup[] {
  const groups: EntityGroup[] = [];
  for (const type of ENTITY_TYPES) {
    const items = ids
      .map((id) => entities.get(id))
      .filter((e): e is Entity => e !== undefined && e.type === type)
      .map((e) => ({ url: entityUrl(lang, e.id), name: entityName(e, lang) }));
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
  const other: Lang = lang === "ar" ? "en" : "ar";
  const home = { url: `/${lang}/`, label: t(lang, "home") };
  const indexUrl = `/${lang}/entities/`;
  const used = entities.filter((e) => index.byEntity.has(e.id));
  const collator = new Intl.Collator(lang);
  const items = new Map<Story, ListItem>();
  const item = (s: Story) => {
    let it = items.get(s);
    if (!it) items.set(s, (it = listItem(s, lang, ctx.zone, ctx.digits)));
    return it;
  };
  const base = (kind: string, url: string, heading: string, otherUrl: string, description: string): PageBase => ({
    kind,
    url,
    lang,
    dir: dirOf(lang),
    title: heading,
    heading,
    description,
    switchUrl: otherUrl,
    alternates: [
      { lang, url },
      { lang: other, url: otherUrl },
    ],
    breadcrumbs: [home],
  });

  const entityIndex: EntityIndexPage = {
    ...base("entityIndex", indexUrl, t(lang, "entities"), `/${other}/entities/`, t(lang, "entities")),
    groups: ENTITY_TYPES.map((type) => ({
      type,
      label: t(lang, typeKey[type]),
      items: used
        .filter((e) => e.type === type)
        .sort((a, b) => index.byEntity.get(b.id)!.length - index.byEntity.get(a.id)!.length || collator.compare(entityName(a, lang).text, entityName(b, lang).text))
        .map((e) => ({ url: entityUrl(lang, e.id), name: entityName(e, lang), count: plural("articles", index.byEntity.get(e.id)!.length, lang, ctx.digits) })),
    })).filter((g) => g.items.length > 0),
  };

  const pages: EntityPage[] = [];
  for (const e of used) {
    const stories = index.byEntity.get(e.id)!;
    const url = entityUrl(lang, e.id);
    const name = entityName(e, lang);
    const otherNameValue = e.names[other][0];
    const desc = e.description?.[lang] ?? e.description?.[other];
    const chunks = chunk(stories, ctx.pageSize);
    chunks.forEach((part, p) => {
      const nav = pageNav(url, p, chunks.length, lang, ctx.digits);
      pages.push({
        ...base("entity", pageUrl(url, p), name.text + pageSuffix(p, lang, ctx.digits), pageUrl(entityUrl(other, e.id), p), desc ?? name.text),
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
        count: plural("articles", stories.length, lang, ctx.digits),
        items: part.map(item),
        ...(nav ? { pagination: nav } : {}),
      });
    });
  }
  return { entityIndex: [entityIndex], entity: pages };
}
