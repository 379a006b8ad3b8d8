/**
 * The gazetteer: people, organisations and places the archive links, read
 * from content/entities.yaml (format documented at the top of that file).
 * Everything wrong with it is reported at once, as ContentErrors.
 */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { ContentError, ContentErrors } from "../content/errors.ts";
import { normalizeArabic } from "../arabic/normalize.ts";
import { COUNTRY_CODES, countryEntity, isCountryCode } from "./countries.ts";
import { STOP_WORDS } from "./context.ts";
import type { EntityType, NameRule, Entity } from "./entity.ts";

export type { EntityType, NameRule, Entity };

export const ENTITY_TYPES: readonly EntityType[] = ["person", "organization", "place"];

/** Whether `day` (YYYY-MM-DD) is inside the rule's dates; no date fails a dated rule. */
export function inDates(rule: NameRule, day: string | undefined): boolean {
  if (!rule.from && !rule.until) return true;
  if (!day) return false;
  return (!rule.from || day >= rule.from) && (!rule.until || day <= rule.until);
}

export const ID_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const WIKIDATA = /^Q[1-9][0-9]*$/;
const ENTRY_FIELDS = ["id", "type", "ar", "en", "description", "wikidata", "country", "unmatched", "notIn"];
const RULE_FIELDS = ["name", "from", "until", "with", "without", "after", "noun", "common"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HARAKAT = /[\u064B-\u0652]/;
const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const TOP_FIELDS = ["entities", "countries"];

/** Names of `e` in `lang` that the tagger may match. */
export function matchedNames(e: Entity, lang: "ar" | "en"): string[] {
  if (!e.unmatched?.length) return e.names[lang];
  const skip = new Set(e.unmatched.map(normalizeArabic));
  return e.names[lang].filter((n) => !skip.has(normalizeArabic(n)));
}

/** Collapses spaces; names are compared and matched in this form. */
const clean = (s: string) => s.replace(/\s+/g, " ").trim();

/** Appends names not yet present (compared normalised), keeping the first spelling. */
function mergeNames(into: string[], more: readonly string[]): string[] {
  const seen = new Set(into.map(normalizeArabic));
  for (const n of more) {
    const k = normalizeArabic(n);
    if (!seen.has(k)) {
      seen.add(k);
      into.push(n);
    }
  }
  return into;
}

const describe = (v: unknown): string =>
  v === null ? "empty" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a map" : `"${String(v)}"`;

const ICU_HINT = "run arshif with an official Node.js build (it includes full ICU data)";

function generatedCountry(code: string, report: (problem: string) => void): Entity | undefined {
  try {
    return countryEntity(code);
  } catch (e) {
    report((e as Error).message);
    return undefined;
  }
}

/** The rule attached to a (normalised) name of `e`, if any. */
export function ruleFor(e: Entity, normName: string): NameRule | undefined {
  return e.rules?.find((r) => normalizeArabic(r.name) === normName);
}

/** Two entities may share a name when both uses are conditional, or their dates are disjoint. */
function mayShare(a: NameRule | undefined, b: NameRule | undefined): boolean {
  if (!a || !b) return false;
  const conditional = (r: NameRule) => Boolean(r.with?.length || r.without?.length);
  if (conditional(a) && conditional(b)) return true;
  const disjoint = (x: NameRule, y: NameRule) => Boolean(x.until && y.from && x.until < y.from);
  return disjoint(a, b) || disjoint(b, a);
}

/** Parses one `ar:` item written as a map ({name, from, until, with, without, after, noun, common}). */
function nameRule(v: Record<string, unknown>, bad: (field: string, problem: string, hint: string) => void): NameRule | undefined {
  let ok = true;
  const fail = (field: string, problem: string, hint: string) => {
    bad(field, problem, hint);
    ok = false;
  };
  for (const key of Object.keys(v)) {
    if (!RULE_FIELDS.includes(key)) fail(key, `unknown field "${key}" in a name`, `known fields of a name: ${RULE_FIELDS.join(", ")}`);
  }
  const rawName = v["name"];
  const name = typeof rawName === "string" || typeof rawName === "number" ? clean(String(rawName)) : "";
  if (!name || !normalizeArabic(name).trim()) fail("name", "a name written as a map has no `name:`", "write {name: الاسم, from: 2015-01-23} (or the name alone)");
  const r: NameRule = { name };
  for (const f of ["from", "until"] as const) {
    const d = v[f];
    if (d === undefined) continue;
    // YAML reads an unquoted 2015-01-23 as a date.
    const s = d instanceof Date ? d.toISOString().slice(0, 10) : typeof d === "string" ? d.trim() : "";
    if (!validDay(s)) fail(f, `\`${f}\` of "${name}" is ${describe(d)}, not a day`, `write ${f}: YYYY-MM-DD (e.g. 2015-01-23)`);
    else r[f] = s;
  }
  if (r.from && r.until && r.from > r.until) fail("until", `"${name}": \`until\` (${r.until}) is before \`from\` (${r.from})`, "swap the two dates");
  for (const f of ["with", "without", "after"] as const) {
    const l = v[f];
    if (l === undefined) continue;
    const arr = typeof l === "string" ? [l] : Array.isArray(l) ? l : undefined;
    const words = arr?.map((x) => (typeof x === "string" ? clean(x) : "")) ?? [];
    if (!arr || !words.length || words.some((x) => !x)) {
      fail(f, `\`${f}\` of "${name}" must be a list of ${f === "after" ? "words" : "entity ids"}`, f === "after" ? "write after: [في, وسط]" : "write with: [saudi-arabia]");
    } else if (f === "after") r.after = words.map(normalizeArabic);
    else r[f] = words;
  }
  for (const f of ["noun", "common"] as const) {
    const b = v[f];
    if (b === undefined) continue;
    if (typeof b !== "boolean") fail(f, `\`${f}\` of "${name}" must be true or false`, `write ${f}: true`);
    else if (b) r[f] = true;
  }
  return ok ? r : undefined;
}

/** Parses and validates gazetteer YAML; `file` is used in error messages. */
export function parseGazetteer(text: string, file: string): Entity[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const errors: ContentError[] = [];
  if (doc.errors.length) {
    for (const e of doc.errors) {
      errors.push(
        new ContentError(file, `invalid YAML: ${e.message.split("\n")[0]}`, {
          ...(e.linePos?.[0] ? { line: e.linePos[0].line } : {}),
          hint: "fix the YAML syntax (indentation, quotes, a missing dash before a list item)",
        }),
      );
    }
    throw new ContentErrors(errors);
  }
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let p = path; p.length; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const err = (path: (string | number)[], field: string, problem: string, hint: string) => {
    const line = lineOf(path);
    errors.push(new ContentError(file, problem, { field, hint, ...(line !== undefined ? { line } : {}) }));
  };

  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return [];
  if (typeof data !== "object" || Array.isArray(data)) {
    err([], "entities", "the file must be a map with an `entities:` list", "start the file with `entities:` followed by `- id: …` items");
    throw new ContentErrors(errors);
  }
  const top = data as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!TOP_FIELDS.includes(key)) err([key], key, `unknown top-level field "${key}"`, `known fields: ${TOP_FIELDS.join(", ")}`);
  }

  const entities: Entity[] = [];
  // Where each entity came from, for messages: its YAML path and label.
  const origin = new Map<Entity, { path: (string | number)[]; label: string; field: string }>();
  const ids = new Map<string, string>();
  const countriesClaimed = new Map<string, string>();

  const rawList = top["entities"];
  if (rawList !== undefined && rawList !== null && !Array.isArray(rawList)) {
    err(["entities"], "entities", "`entities` must be a list", "write each entity as a list item starting with `- id: …`");
  }
  const list = Array.isArray(rawList) ? (rawList as unknown[]) : [];

  list.forEach((raw, i) => {
    const path = ["entities", i];
    const at = `entities[${i}]`;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      err(path, at, `entity #${i + 1} is ${describe(raw)}, not a map`, "write `- id: …` then `type:`, `ar:` … indented under it");
      return;
    }
    const v = raw as Record<string, unknown>;
    const rawId = v["id"];
    const label = typeof rawId === "string" && rawId ? `entity "${rawId}"` : `entity #${i + 1}`;
    const bad = (field: string, problem: string, hint: string, sub: (string | number)[] = [field]) =>
      err([...path, ...sub], `${at}.${field}`, `${label}: ${problem}`, hint);

    for (const key of Object.keys(v)) {
      if (!ENTRY_FIELDS.includes(key)) bad(key, `unknown field "${key}"`, `check the spelling; known fields: ${ENTRY_FIELDS.join(", ")}`);
    }

    let ok = true;
    let id = "";
    if (typeof rawId !== "string" || !rawId) {
      bad("id", "has no id", "add `id: some-name` (lower-case ASCII letters, digits and hyphens)");
      ok = false;
    } else if (!ID_SLUG.test(rawId)) {
      bad("id", `id "${rawId}" is not a slug`, "use lower-case ASCII letters, digits and single hyphens, e.g. qasim-al-araji");
      ok = false;
    } else if (ids.has(rawId)) {
      bad("id", `duplicate id "${rawId}" (also ${ids.get(rawId)})`, "give each entity its own id, or merge the two entries");
      ok = false;
    } else {
      id = rawId;
      ids.set(id, `entities[${i}]`);
    }

    const type = v["type"];
    if (typeof type !== "string" || !(ENTITY_TYPES as readonly string[]).includes(type)) {
      bad("type", type === undefined ? "has no type" : `unknown type ${describe(type)}`, `use one of: ${ENTITY_TYPES.join(", ")}`);
      ok = false;
    }

    const names = (lang: "ar" | "en" | "unmatched" | "notIn"): string[] => {
      const val = v[lang];
      if (val === undefined || val === null) return [];
      const arr = typeof val === "string" ? [val] : Array.isArray(val) ? (val as unknown[]) : undefined;
      if (!arr) {
        bad(lang, `\`${lang}\` must be a list of names`, `write ${lang}: [name, other spelling]`);
        ok = false;
        return [];
      }
      const out: string[] = [];
      arr.forEach((n, k) => {
        if (lang === "ar" && n !== null && typeof n === "object" && !Array.isArray(n)) {
          const r = nameRule(n as Record<string, unknown>, (field, problem, hint) => {
            bad(`ar[${k}].${field}`, problem, hint, ["ar", k, field]);
            ok = false;
          });
          if (r) {
            rules.push(r);
            out.push(r.name);
          }
          return;
        }
        const s = typeof n === "string" || typeof n === "number" ? clean(String(n)) : "";
        if (!s || (lang === "ar" && !normalizeArabic(s).trim())) {
          bad(`${lang}[${k}]`, `name #${k + 1} in \`${lang}\` is empty or not a text`, "write the name, or delete the empty item", [lang, k]);
          ok = false;
        } else out.push(s);
      });
      return out;
    };
    const rules: NameRule[] = [];
    const before = errors.length;
    const ar = names("ar");
    const arFailed = errors.length > before;
    const en = names("en");
    const unmatched = names("unmatched");
    const notIn = names("notIn");

    let country: string | undefined;
    const rawCountry = v["country"];
    if (rawCountry !== undefined) {
      if (typeof rawCountry !== "string" || !isCountryCode(rawCountry)) {
        bad("country", `unknown country code ${describe(rawCountry)}`, "use an ISO 3166-1 alpha-2 code in capitals, e.g. IQ");
        ok = false;
      } else if (type !== "place") {
        bad("country", "`country` is set but the type is not place", "`country: XX` means this entity is that country; use type: place or remove it");
        ok = false;
      } else if (countriesClaimed.has(rawCountry)) {
        bad("country", `country ${rawCountry} is already ${countriesClaimed.get(rawCountry)}`, "describe each country once; merge the two entries");
        ok = false;
      } else {
        country = rawCountry;
        countriesClaimed.set(country, label);
      }
    }
    const gen = country ? generatedCountry(country, (m) => bad("country", m, ICU_HINT)) : undefined;
    if (gen) {
      // The entry's own names come first (they choose the display name).
      mergeNames(ar, gen.names.ar);
      mergeNames(en, gen.names.en);
      mergeNames(unmatched, gen.unmatched ?? []);
      mergeNames(notIn, gen.notIn ?? []);
      const own = new Set(rules.map((r) => normalizeArabic(r.name)));
      for (const r of gen.rules ?? []) if (!own.has(normalizeArabic(r.name))) rules.push(r);
    }
    if (!arFailed && ar.length === 0) {
      bad("ar", "has no Arabic name", "add `ar: [الاسم]` — the Arabic name is what the tagger looks for");
      ok = false;
    }
    if (unmatched.length) {
      const all = new Set([...ar, ...en].map(normalizeArabic));
      unmatched.forEach((n, k) => {
        if (!all.has(normalizeArabic(n))) {
          bad(`unmatched[${k}]`, `"${n}" in \`unmatched\` is not one of its names`, "list it under ar/en too, or remove it from unmatched", ["unmatched", k]);
          ok = false;
        }
      });
    }

    if (notIn.length) {
      const own = ar.map(normalizeArabic);
      notIn.forEach((n, k) => {
        const phrase = ` ${normalizeArabic(n)} `;
        if (!own.some((name) => phrase.includes(` ${name} `))) {
          bad(`notIn[${k}]`, `"${n}" in \`notIn\` does not contain any of its Arabic names`, "notIn lists longer phrases around a name (e.g. صلاة المغرب for المغرب); fix the phrase or remove it", ["notIn", k]);
          ok = false;
        }
      });
    }

    let description: Entity["description"];
    const rawDesc = v["description"];
    if (rawDesc !== undefined && rawDesc !== null) {
      if (typeof rawDesc !== "object" || Array.isArray(rawDesc)) {
        bad("description", "`description` must be a map with ar/en", "write description: {ar: …, en: …}");
        ok = false;
      } else {
        description = {};
        for (const [k, d] of Object.entries(rawDesc as Record<string, unknown>)) {
          if ((k !== "ar" && k !== "en") || typeof d !== "string" || !d.trim()) {
            bad(`description.${k}`, `description.${k} must be an Arabic (ar) or English (en) text`, "write description: {ar: …, en: …}", ["description", k]);
            ok = false;
          } else description[k] = clean(d);
        }
      }
    }

    const wikidata = v["wikidata"];
    if (wikidata !== undefined && (typeof wikidata !== "string" || !WIKIDATA.test(wikidata))) {
      bad("wikidata", `wikidata id ${describe(wikidata)} is not of the form Q123`, "copy the item id (Q followed by digits) from the Wikidata page, or remove the field");
      ok = false;
    }

    if (!ok) return;
    const e: Entity = { id, type: type as EntityType, names: { ar: mergeNames([], ar), en: mergeNames([], en) } };
    if (description && (description.ar || description.en)) e.description = description;
    if (typeof wikidata === "string") e.wikidata = wikidata;
    if (country) e.country = country;
    if (unmatched.length) e.unmatched = unmatched;
    if (notIn.length) e.notIn = mergeNames([], notIn);
    if (rules.length) e.rules = rules;
    const vowelled = [...ar, ...(gen?.vowelled ?? [])].filter((n) => HARAKAT.test(n));
    if (vowelled.length) e.vowelled = vowelled;
    entities.push(e);
    origin.set(e, { path, label, field: `${at}.ar` });
  });

  // countries: all | [IQ, RU, …] adds generated country entities.
  const rawCountries = top["countries"];
  let codes: string[] = [];
  if (rawCountries === "all") codes = [...COUNTRY_CODES];
  else if (Array.isArray(rawCountries)) {
    rawCountries.forEach((c, k) => {
      if (typeof c === "string" && isCountryCode(c)) codes.push(c);
      else err(["countries", k], `countries[${k}]`, `unknown country code ${describe(c)}`, "use ISO 3166-1 alpha-2 codes in capitals, e.g. [IQ, SY]");
    });
  } else if (rawCountries !== undefined && rawCountries !== null && rawCountries !== false) {
    err(["countries"], "countries", `\`countries\` must be "all" or a list of codes, not ${describe(rawCountries)}`, "write `countries: all` or `countries: [IQ, SY]`");
  }
  for (const code of codes) {
    if (countriesClaimed.has(code)) continue; // an entry with `country:` describes it
    const e = generatedCountry(code, (m) => err(["countries"], "countries", m, ICU_HINT));
    if (!e) break; // same cause for every code: report once
    const label = `country ${code} (from \`countries\`)`;
    if (ids.has(e.id)) {
      err(["countries"], "countries", `generated ${label} has the id "${e.id}", already used by ${ids.get(e.id)}`, `add \`country: ${code}\` to that entry (it then replaces the generated one), or rename it`);
      continue;
    }
    ids.set(e.id, label);
    entities.push(e);
    origin.set(e, { path: ["countries"], label, field: "countries" });
  }

  // A name that is a stop word would tag nearly every article.
  for (const e of entities) {
    for (const name of matchedNames(e, "ar")) {
      if (STOP_WORDS.has(normalizeArabic(name))) {
        const o = origin.get(e)!;
        err(o.path, o.field, `${o.label}: the Arabic name "${name}" is a common function word`, "remove it: it would tag nearly every article; write the full name instead");
      }
    }
  }

  // `with` / `without` must name entities of the gazetteer.
  for (const e of entities) {
    for (const r of e.rules ?? []) {
      for (const id of [...(r.with ?? []), ...(r.without ?? [])]) {
        if (!ids.has(id)) {
          const o = origin.get(e)!;
          err(o.path, o.field, `${o.label}: the name "${r.name}" refers to an unknown entity id "${id}"`, "use the id of an entity of this gazetteer (countries have ids such as saudi-arabia)");
        }
      }
    }
  }

  // One normalised Arabic name must point at one entity, or tagging is ambiguous;
  // a name may be shared only when each use is conditional (with/without) or their dates do not overlap.
  const owner = new Map<string, Entity>();
  for (const e of entities) {
    for (const name of matchedNames(e, "ar")) {
      const key = normalizeArabic(name);
      const prev = owner.get(key);
      if (prev && prev !== e && !mayShare(ruleFor(prev, key), ruleFor(e, key))) {
        const o = origin.get(e)!;
        const p = origin.get(prev)!;
        err(o.path, o.field, `${o.label}: the Arabic name "${name}" is also a name of ${p.label} (ambiguous)`, "keep the name on one entity only, list it under `unmatched` on one of them, or give both uses a condition (`with:`) or dates (`from:`/`until:`) that do not overlap");
      } else owner.set(key, e);
    }
  }

  if (errors.length) throw new ContentErrors(errors);
  return entities;
}

/** Reads and parses a gazetteer file (see parseGazetteer). */
export function loadGazetteer(file: string): Entity[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ContentErrors([
      new ContentError(file, `cannot read the gazetteer (${(e as NodeJS.ErrnoException).code ?? String(e)})`, {
        hint: "check that the file exists and is readable",
      }),
    ]);
  }
  return parseGazetteer(text, file);
}

