import { test } from "node:test";
import assert from "node:assert/strict";
import { entitiesNamed, entityNameIn, latinWords, nameTable } from "../src/search/names.ts";
import { parseQuery, resolveQuery, searchesOf } from "../src/search/query.ts";
import { filterToken } from "../src/search/filters.ts";
import { indexWord } from "../src/search/terms.ts";
import type { Entity } from "../src/entities/entity.ts";

const entity = (id: string, en: string[], ar = ["اسم"]): Entity => ({ id, type: "person", names: { ar, en } });
const ENTITIES = [
  entity("araji", ["Qasim al-Araji", "Qassim Al-Araji"], ["قاسم الأعرجي"]),
  entity("soleimani", ["Qasem Soleimani"], ["قاسم سليماني"]),
  entity("putin", ["Vladimir Putin", "Putin"], ["بوتين"]),
  entity("erdogan", ["Recep Tayyip Erdoğan", "Erdogan"], ["أردوغان"]),
  entity("untagged", ["Qasim Nobody"]),
  entity("arabic-only", [], ["الحشد"]),
];
const TAGGED = new Map([
  ["araji", 3],
  ["soleimani", 9],
  ["putin", 5],
  ["erdogan", 1],
  ["arabic-only", 4],
]);
const table = nameTable(ENTITIES, TAGGED);
const tag = (id: string) => filterToken("entity", id);

test("name table: the tagged entities' English words, lower-cased, most often tagged first", () => {
  assert.deepEqual(latinWords("Qasim al-Araji, Erdoğan"), ["qasim", "al", "araji"], "a word with letters outside A–Z is not typed in Latin letters");
  assert.deepEqual(
    table.entities.map(([id]) => id),
    ["soleimani", "putin", "araji", "erdogan"],
    "an entity tagged in no story, or without an English name, is not listed",
  );
  assert.equal(entityNameIn(table, "araji"), "Qasim al-Araji", "shown under its first English name");
  assert.deepEqual(table.words.qasim, [2], "Nobody is not tagged");
  assert.deepEqual(table.words.qasem, [0]);
  assert.equal(table.words["erdoğan"], undefined);
  assert.deepEqual(Object.keys(table.words), [...Object.keys(table.words)].sort(), "sorted: the same archive writes the same file");
});

test("entitiesNamed: every word in the entity's names, the typed word as a beginning", () => {
  assert.deepEqual(entitiesNamed(table, ["Araji"]), ["araji"]);
  assert.deepEqual(entitiesNamed(table, ["Qasim", "Araji"]), ["araji"]);
  assert.deepEqual(entitiesNamed(table, ["Qassim", "al", "Araji"]), ["araji"], "words of its other English name");
  assert.deepEqual(entitiesNamed(table, ["Putin", "Erdogan"]), [], "no one entity");
  assert.deepEqual(entitiesNamed(table, [], "Q"), ["soleimani", "araji"], "beginnings: most often tagged first");
  assert.deepEqual(entitiesNamed(table, ["qasim"], "ar"), ["araji"]);
  assert.deepEqual(entitiesNamed(table, ["Nobody"]), []);
});

test("a Latin name finds the pages tagged with its entity: by the tag alone when no page holds the word", async () => {
  const held = new Map([[indexWord("putin"), 2], [tag("putin"), 40], [tag("araji"), 3], [tag("erdogan"), 1]]);
  const lookup = async (t: string) => held.get(t) ?? 0;
  const namesOf = async (words: string[], typing?: string) => entitiesNamed(table, words, typing);

  const araji = await resolveQuery(parseQuery("Qasim al-Araji"), lookup, namesOf);
  assert.deepEqual(araji.missing, []);
  assert.deepEqual(araji.terms, [tag("araji")], "the run is one entity: its tag stands for the three words");
  assert.deepEqual(searchesOf(araji), [[tag("araji")]]);
  assert.equal(araji.named.get(tag("araji")), "araji");

  // Putin is also a word of the translations: the word, or his tag.
  const putin = await resolveQuery(parseQuery("Putin"), lookup, namesOf);
  assert.deepEqual(searchesOf(putin), [[indexWord("putin")], [tag("putin")]]);

  // Two names that are not one entity's: each its own.
  const two = await resolveQuery(parseQuery("Putin Erdogan"), lookup, namesOf);
  assert.deepEqual(searchesOf(two), [
    [indexWord("putin"), tag("erdogan")],
    [tag("putin"), tag("erdogan")],
  ]);

  // Typed, not yet submitted: the beginning is matched against the names too.
  const typing = await resolveQuery(parseQuery("Qasim al-Ara", true), lookup, namesOf);
  assert.deepEqual(typing.missing, []);
  assert.deepEqual(searchesOf(typing), [[tag("araji")]]);

  // Without the table (or a name it does not list), the word is searched as before: missing here.
  assert.deepEqual((await resolveQuery(parseQuery("Araji"), lookup)).missing, ["Araji"]);
  assert.deepEqual((await resolveQuery(parseQuery("Nobody"), lookup, namesOf)).missing, ["Nobody"]);
});

test("a name's words, when pages hold them all, are searched as words and as the entity's tag", async () => {
  const held = new Set([indexWord("qasim"), indexWord("araji"), indexWord("بغداد")]);
  const lookup = async (t: string) => (held.has(t) ? 2 : 0);
  const r = await resolveQuery(parseQuery("بغداد Qasim Araji"), lookup, async (w, typing) => entitiesNamed(table, w, typing));
  assert.deepEqual(r.terms, [indexWord("بغداد"), indexWord("qasim"), indexWord("araji")]);
  assert.deepEqual(searchesOf(r), [
    [indexWord("بغداد"), indexWord("qasim"), indexWord("araji")],
    [indexWord("بغداد"), tag("araji")],
  ]);
});
