import { tokenTexts } from "../arabic/tokens.ts";
import type { Entity } from "../entities/entity.ts";

/**
 * The search page's map from a name typed in Latin letters to the entities
 * whose English names hold that word. An Arabic record does not carry its
 * entities' English names (records.ts): the search page finds the Arabic
 * pages of «Shoigu» through the entity tags their records hold
 * (filters.ts), so an English name edited in the gazetteer changes this
 * table and the pages that show the name, never a search partition.
 *
 * `entities`: the tagged entities with an English name, most often tagged
 * first (a search asks only the first few that match, src/search/query.ts),
 * each with the name shown beside a result found through it. `words`: each
 * Latin word of their English names, lower-cased → their places in `entities`.
 */
export interface NameTable {
  entities: [id: string, name: string][];
  words: Record<string, number[]>;
}

/** Written beside the word directory (directory.ts), fetched by the search page at its first Latin word. */
export const NAMES_FILE = "names.json";

/** A word typed in Latin letters (A–Z only: a name with é or ğ is not typed so). */
export function isLatinWord(w: string): boolean {
  return /^[A-Za-z]+$/.test(w);
}

/** The words of a name or a query as the table lists them: runs of Latin letters, lower-cased. */
export function latinWords(s: string): string[] {
  return tokenTexts(s)
    .filter(isLatinWord)
    .map((w) => w.toLowerCase());
}

/** The table for the entities tagged in the archive (`tagged`: id → stories tagged with it). */
export function nameTable(entities: readonly Entity[], tagged: ReadonlyMap<string, number>): NameTable {
  const used = entities.filter((e) => (tagged.get(e.id) ?? 0) > 0 && e.names.en.length > 0);
  used.sort((a, b) => tagged.get(b.id)! - tagged.get(a.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const words = new Map<string, number[]>();
  used.forEach((e, i) => {
    for (const w of new Set(e.names.en.flatMap(latinWords))) {
      const at = words.get(w);
      if (at) at.push(i);
      else words.set(w, [i]);
    }
  });
  return { entities: used.map((e) => [e.id, e.names.en[0]!]), words: Object.fromEntries([...words].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/**
 * The entities whose English names hold every word of `words` and, when
 * given, a word beginning with `typing` (the word still being typed): their
 * ids, most often tagged first.
 */
export function entitiesNamed(table: NameTable, words: readonly string[], typing?: string): string[] {
  const lists = words.map((w) => table.words[w.toLowerCase()] ?? []);
  if (typing !== undefined) {
    const p = typing.toLowerCase();
    const begun = new Set<number>();
    for (const [w, at] of Object.entries(table.words)) if (w.startsWith(p)) for (const i of at) begun.add(i);
    lists.push([...begun]);
  }
  if (!lists.length) return [];
  const [rarest, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((l) => new Set(l));
  return rarest!
    .filter((i) => sets.every((s) => s.has(i)))
    .sort((a, b) => a - b)
    .map((i) => table.entities[i]![0]);
}

const byId = new WeakMap<NameTable, Map<string, string>>();

/** The English name the table shows for entity `id`. */
export function entityNameIn(table: NameTable, id: string): string | undefined {
  let m = byId.get(table);
  if (!m) byId.set(table, (m = new Map(table.entities)));
  return m.get(id);
}
