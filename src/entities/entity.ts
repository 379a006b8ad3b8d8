/**
 * What a gazetteer entry is (src/entities/gazetteer.ts reads them; countries.ts
 * makes them for countries): a type of its own so neither file imports the other for it.
 */
export type EntityType = "person" | "organization" | "place";

export interface Entity {
  id: string;
  type: EntityType;
  /** First name of each language is the display name; all are matched unless in `unmatched`. */
  names: { ar: string[]; en: string[] };
  description?: { ar?: string; en?: string };
  wikidata?: string;
  /** ISO 3166-1 alpha-2 code when the entity IS that country. */
  country?: string;
  /** Names shown but never matched automatically (ambiguous words such as مالي). */
  unmatched?: string[];
  /**
   * Phrases containing one of the names in which it does NOT mean this entity
   * (صلاة المغرب is the sunset prayer, not Morocco). The tagger matches them
   * like names and then drops them, so the name inside is not tagged.
   */
  notIn?: string[];
  /**
   * Conditions on some of the names (written as maps in `ar:`): dated names,
   * names that count only beside another entity, only after some words, or
   * that are also an adjective or a common noun. See NameRule.
   */
  rules?: NameRule[];
  /** Spellings with harakat (اليَمَن): the text's own harakat can rule a match out. */
  vowelled?: string[];
}

/** A name with conditions (an `ar:` item written as a map). */
export interface NameRule {
  /** The name as written; it is one of the entity's Arabic names. */
  name: string;
  /** Only in articles dated on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Only in articles dated on or before this day. */
  until?: string;
  /** Only when the article also names one of these entities (a designation: المملكة). */
  with?: string[];
  /** Never when the article also names one of these entities. */
  without?: string[];
  /** Only right after one of these words (في مالي, وسط مالي). */
  after?: string[];
  /** Also an adjective (السعودية): not right after a definite word (الحكومة السعودية). */
  noun?: boolean;
  /** Also a common noun (القاعدة, النصر): not before an adjective (القاعدة الخلفية) or على. */
  common?: boolean;
}
