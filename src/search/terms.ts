/**
 * How keys become Pagefind words. Pagefind matches every query word as a
 * prefix, and when nothing begins with it, it answers with the longest indexed
 * word that begins the query word (كوفيد → كوفي…): results that contain nothing
 * the reader asked for. So every indexed key ends in ى, which the search
 * normaliser folds away from any typed word: a complete word is searched as
 * key + ى and can match only that key, and no indexed word can be a shorter
 * beginning of it (every other indexed word either ends in ى too or starts
 * with it: masked metadata, filters). The word being typed is searched without
 * the ى, as a prefix of keys.
 */
export const KEY_END = "\u0649";

/** A token with no key (nothing left after normalising): keeps its position, matches nothing. */
const EMPTY = `${KEY_END}${KEY_END}`;

/** The indexed word of a key. */
export function indexWord(key: string): string {
  return key ? key + KEY_END : EMPTY;
}
