import { normalizeArabic } from "../arabic/normalize.ts";
import { nisbaForms } from "./countries.ts";
import type { Entity } from "./entity.ts";

/**
 * Which articles a gazetteer edit can retag. Tags are a function of the
 * article and of what the tagger reads of the gazetteer (`TaggerEntry`).
 * After an edit of Arabic names only (names added to or taken from
 * entities, entities added or removed), an article whose text holds none of
 * the strings below is tagged as before: every pattern the tagger derives
 * from a name (src/entities/tagger.ts: the name, its ل form, a country's
 * adjectives), every given name it learns from one (the first word of a
 * person's longer name) and every phrase that blocks a name holds one of
 * them, and what a text does not hold cannot change its matches.
 */

/** What the tagger reads of one entry: all but its English names, description and Wikidata id. */
export type TaggerEntry = Omit<Entity, "names" | "description" | "wikidata"> & { ar: string[] };

export function taggerEntries(entities: readonly Entity[]): TaggerEntry[] {
  return entities.map(({ names, description: _d, wikidata: _w, ...rest }) => ({ ...rest, ar: names.ar }));
}

/**
 * The strings (normalised Arabic) one of which an article's normalised text
 * must hold for the edit from `before` to `after` to change its tags, or
 * undefined when the edit is of another kind (a type, rule or phrase of an
 * entity kept, or the order of the entities kept): then every article is
 * tagged again.
 */
export function editedNameStrings(before: readonly TaggerEntry[], after: readonly TaggerEntry[]): string[] | undefined {
  const was = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  // The entities both have, in the same order: the tagger's output lists ids in gazetteer order.
  const keptBefore = before.filter((e) => now.has(e.id)).map((e) => e.id);
  const keptAfter = after.filter((e) => was.has(e.id)).map((e) => e.id);
  if (keptBefore.join("\0") !== keptAfter.join("\0")) return undefined;
  const names = new Set<string>();
  const phrases: string[] = [];
  for (const e of after) {
    const old = was.get(e.id);
    if (!old) {
      // Added: its names, and its phrases that block other names.
      for (const n of e.ar) names.add(n);
      phrases.push(...(e.notIn ?? []));
      continue;
    }
    const { ar: a, ...rest } = e;
    const { ar: b, ...oldRest } = old;
    if (JSON.stringify(rest) !== JSON.stringify(oldRest)) return undefined;
    if (a.join("\0") === b.join("\0")) continue;
    // Which names are added or taken is not enough: one name's derived data (a surname's own given
    // names) comes from the entity's other names. Every name of an edited entity counts.
    for (const n of [...a, ...b]) names.add(n);
  }
  for (const e of before) {
    if (now.has(e.id)) continue;
    for (const n of e.ar) names.add(n);
    phrases.push(...(e.notIn ?? []));
  }
  const strings = new Set<string>();
  const country = new Set([...before, ...after].filter((e) => e.country).flatMap((e) => e.ar));
  const person = new Set([...before, ...after].filter((e) => e.type === "person").flatMap((e) => e.ar));
  for (const n of [...names, ...phrases]) {
    const norm = normalizeArabic(n).trim();
    if (!norm) continue;
    strings.add(core(norm));
    // A person's longer name makes its first word a given name, which can turn down another's surname after it.
    const words = norm.split(" ");
    if (person.has(n) && words.length > 1 && !words[0]!.startsWith("ال")) strings.add(words[0]!);
    // A country's adjectives (العراقي for العراق) need not hold its name.
    if (country.has(n)) for (const f of nisbaForms(n)) strings.add(core(f));
  }
  return [...strings];
}

/** A normalised name as every form of it holds it: without its article, since the tagger also meets الكويت as لكويت (للكويت). */
const core = (name: string): string => (name.startsWith("ال") && name.length > 3 ? name.slice(2) : name);

/** Whether a text (an article's taggable text and dateline) holds one of `strings`. */
export function holdsAny(text: string, strings: readonly string[]): boolean {
  if (!strings.length) return false;
  const norm = normalizeArabic(text);
  return strings.some((s) => norm.includes(s));
}
