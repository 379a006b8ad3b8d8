/**
 * Finds gazetteer names in Arabic text.
 *
 * One Aho–Corasick automaton over the normalised names scans the normalised
 * text once, so the cost is linear in the text (plus the hits) whatever the
 * gazetteer size. Each raw hit is then checked against Arabic word structure:
 *
 * - it must end where a word ends (روسيا never matches inside روسيات);
 * - it must start where a word starts, or right after proclitics attached to
 *   that word: a conjunction و/ف, then a preposition ب/ل (وبغداد, لبغداد,
 *   فببغداد…). A name starting with ال may also follow ك and the others
 *   (والعراق, بالعراق, كالعراق); after ل its alef is dropped (للعراق =
 *   ل+ال+عراق), so each such name is also entered without its alef, and that
 *   form is accepted only right after a ل. (ل before the full form is
 *   accepted too: names like ألمانيا normalise to المانيا, so لألمانيا.)
 *   The article is never added to a name that lacks it (الروسيا is not
 *   روسيا); list such a form as a variant if needed;
 * - then against its context, looking only at the words right next to it
 *   (so the cost stays linear), see `veto` below: an outlet's name, a name
 *   inside a longer name, a clitic reading of a foreign word, harakat that
 *   contradict the name, an adjective or common-noun reading, and the
 *   conditions an editor put on a name (dates, words it must follow);
 * - of the valid hits, the leftmost wins, then the longest, and hits never
 *   overlap (محمد شياع السوداني is one mention, not also السوداني);
 * - an entity's `notIn` phrases (صلاة المغرب) compete like names but yield no
 *   mention, so the name inside them is not tagged;
 * - last, names that count only beside (or never beside) another entity are
 *   kept or dropped by what else the article names; when several entities
 *   share such a name, the first whose condition holds takes the mention.
 */
import { Automaton } from "./automaton.ts";
import { normalizeArabic, normalizeWithMap, originalRange } from "../arabic/normalize.ts";
import { isProcliticSequence } from "../arabic/clitics.ts";
import { isWordCharAt } from "../arabic/tokens.ts";
import { ContentError } from "../content/errors.ts";
import { inDates, matchedNames, ruleFor, type Entity, type EntityType, type NameRule } from "./gazetteer.ts";
import { nisbaForms } from "./countries.ts";
import {
  ALA_FORMS, SCOPE_NISBAS, COMPETITION_HEADS, DEMONSTRATIVES, ORDINALS, OUTLET_NAMES, quoted, FOREIGN_CONNECTORS, FOREIGN_WORDS, GIVEN_NAMES, NAME_TAILS, PERSON_NAME_HEADS, PLACE_NAME_HEADS,
  PUBLICATION_HEADS, VOWEL_MARKS, adjacent, hasOpenQuote, inList, isDefinite, sameClause, wordAfter, wordBefore,
} from "./context.ts";

export interface Mention {
  entityId: string;
  /** UTF-16 offsets into the ORIGINAL text; the name itself, without proclitics. */
  start: number;
  end: number;
  /** text.slice(start, end) */
  surface: string;
  /** Start of the whole word, proclitics included (= start when there are none). */
  wordStart: number;
  /** Normalised proclitics before the name ("", "و", "وب", "ل" for للعراق …). */
  prefix: string;
  /** Why it counts: the name and the conditions it met (for entities:check). */
  rule: string;
}

/** A hit the tagger did not take, and why (for entities:check). */
export interface Rejected {
  entityId: string;
  start: number;
  end: number;
  surface: string;
  reason: string;
}

export interface TagOptions {
  /** The article's day (YYYY-MM-DD), for dated names; without it a dated name never counts. */
  date?: string;
}

export interface TaggerOptions {
  /**
   * Also match English names (whole words only, no clitics). Off by default:
   * the archive tags the Arabic text, and short English names (Chad, Jordan)
   * are ambiguous in English prose.
   */
  english?: boolean;
}

/** How a dictionary form relates to the name it came from. */
type Form = "plain" | "article" | "lam" | "latin";

interface PatternData {
  entityId: string;
  type: EntityType;
  name: string;
  form: Form;
  /** A `notIn` phrase: wins the text like a name, then yields no mention. */
  block: boolean;
  rule?: NameRule;
  /** For a surname listed alone: the words before it in the entity's longer names (باراك for أوباما). */
  ownGiven?: ReadonlySet<string>;
  /** Harakat per letter of each vowelled spelling of this name (اليَمَن). */
  vowels?: (string | undefined)[][];
  /** Why a mention by this pattern counts, in words (Mention.rule). */
  ruleText: string;
  /** The rule's `after` words, as a set. */
  after?: ReadonlySet<string>;
  /** Countries named by a `with` condition (their nisba does not veto the name). */
  ownCountries?: ReadonlySet<string>;
}

// Longest proclitic sequence before a dictionary form: C+P (e.g. وب, فل).
const MAX_PREFIX = 2;

function prefixAllowed(form: Form, prefix: string): boolean {
  switch (form) {
    // ك ("like") is accepted only before ال (كالعراق): before bare names it
    // mostly starts a foreign word (كلاوس is not ك+لاوس).
    case "plain":
      return isProcliticSequence(prefix) && !prefix.endsWith("ك");
    // ل+ال is normally written لل (the "lam" form), but a name may start
    // with a hamza alef that normalises to ال: لألمانيا → ل + المانيا.
    case "article":
      return isProcliticSequence(prefix);
    case "lam":
      return prefix === "ل" || prefix === "ول" || prefix === "فل";
    case "latin":
      return prefix === "";
  }
}

/** The vowel mark on each letter of a normalised span, read from the original text. */
function marksOf(text: string, map: readonly number[], a: number, b: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (let i = a; i < b; i++) {
    const from = map[i]!;
    const to = map[i + 1] ?? text.length;
    let mark: string | undefined;
    for (let k = from + 1; k < to; k++) if (VOWEL_MARKS.test(text[k]!)) mark = text[k];
    out.push(mark);
  }
  return out;
}

const quote = (s: string) => `«${s}»`;

export class EntityTagger {
  readonly #matcher: Automaton<PatternData>;
  readonly #empty: boolean;
  /** Normalised nisba adjective → id of the country it belongs to (المغربيه → morocco). */
  readonly #nisba = new Map<string, string>();
  readonly #given: Set<string>;

  constructor(entities: readonly Entity[], options: TaggerOptions = {}) {
    const patterns: { pattern: string; data: PatternData }[] = [];
    const seen = new Set<string>();
    this.#given = new Set(GIVEN_NAMES);
    for (const e of entities) {
      if (e.type !== "person") continue;
      for (const n of matchedNames(e, "ar")) {
        const words = normalizeArabic(n).trim().split(" ");
        if (words.length > 1 && !words[0]!.startsWith("ال")) this.#given.add(words[0]!);
      }
    }
    for (const e of entities) {
      if (!e.country) continue;
      for (const n of matchedNames(e, "ar")) {
        if (ruleFor(e, normalizeArabic(n))?.after) continue;
        for (const f of nisbaForms(n)) if (!this.#nisba.has(f)) this.#nisba.set(f, e.id);
      }
    }
    const byId = new Map(entities.map((e) => [e.id, e]));
    const add = (pattern: string, data: PatternData) => {
      const key = `${data.entityId}\u0000${data.form}\u0000${data.block}\u0000${pattern}`;
      if (!pattern || seen.has(key)) return;
      seen.add(key);
      patterns.push({ pattern, data });
    };
    for (const e of entities) {
      const names = matchedNames(e, "ar").map((n) => normalizeArabic(n).trim());
      const vowelled = (e.vowelled ?? []).map((v) => {
        const { text, map } = normalizeWithMap(v);
        return { norm: text.trim(), marks: marksOf(v, map, 0, text.trim().length) };
      });
      const base = (name: string, block: boolean): Omit<PatternData, "form"> => {
        const rule = block ? undefined : ruleFor(e, name);
        const data: Omit<PatternData, "form"> = { entityId: e.id, type: e.type, name, block, ruleText: describeRule(name, rule) };
        if (block) return data;
        if (rule) {
          data.rule = rule;
          if (rule.after) data.after = new Set(rule.after);
          const own = (rule.with ?? []).map((id) => byId.get(id)).filter((x): x is Entity => x?.country !== undefined).map((x) => x.id);
          data.ownCountries = new Set(own);
        }
        if (e.type === "person" && !name.includes(" ")) {
          const given = new Set<string>();
          for (const other of names) {
            const w = other.split(" ");
            const k = w.lastIndexOf(name);
            if (k > 0) given.add(w[k - 1]!);
          }
          if (given.size) data.ownGiven = given;
        }
        const v = vowelled.filter((x) => x.norm === name).map((x) => x.marks);
        if (v.length) data.vowels = v;
        return data;
      };
      const addArabic = (n: string, block: boolean) => {
        if (!n) return;
        if (n.startsWith("ال") && n.length > 3) {
          add(n, { ...base(n, block), form: "article" });
          add(n.slice(1), { ...base(n, block), form: "lam" });
        } else {
          add(n, { ...base(n, block), form: "plain" });
        }
      };
      for (const n of names) addArabic(n, false);
      for (const phrase of e.notIn ?? []) addArabic(normalizeArabic(phrase).trim(), true);
      if (options.english) {
        for (const name of matchedNames(e, "en")) {
          const n = normalizeArabic(name).trim();
          add(n, { ...base(n, false), form: "latin" });
        }
      }
    }
    this.#matcher = new Automaton(patterns);
    this.#empty = patterns.length === 0;
  }

  /**
   * Why a hit at normalised [a, b) with proclitics at [t, a) is not this
   * entity, or undefined when it may be. Looks at the neighbouring words only.
   */
  #veto(d: PatternData, norm: string, text: string, map: readonly number[], t: number, a: number, b: number, opts: TagOptions): string | undefined {
    const prefix = t === a ? "" : norm.slice(t, a);
    const prev = wordBefore(norm, t);
    const next = wordAfter(norm, b);
    const r = d.rule;
    if (r && !inDates(r, opts.date)) {
      return `dated name: counts ${r.from ? `from ${r.from}` : ""}${r.from && r.until ? " " : ""}${r.until ? `until ${r.until}` : ""}, the article is of ${opts.date ?? "no known date"}`;
    }
    if (r?.after && !(adjacent(prev) && (prefix === "" || prefix === "و") && inList(prev.word, d.after!))) {
      return `counts only right after ${r.after.map(quote).join(" ")}`;
    }
    if (d.type === "place") {
      if (sameClause(prev) && inList(prev.word, PUBLICATION_HEADS)) return `an outlet's name (after ${quote(prev.word)})`;
      if (hasOpenQuote(prev) && sameClause(prev) && (prev.word === "ل" || prev.word === "ول" || prev.word === "فل")) return "an outlet's name (quoted after لـ)";
      // A city that is also a newspaper, in quotes of its own: «جولة نفذتها «الرياض»».
      if (prefix === "" && quoted(prev, next) && OUTLET_NAMES.has(d.name)) return "an outlet's name (in quotes)";
    }
    if (prefix === "" && adjacent(prev) && (d.type === "place" || d.type === "person")) {
      if (inList(prev.word, COMPETITION_HEADS)) return `part of a competition's name (after ${quote(prev.word)})`;
      if (prev.word === "ابطال" && inList(wordBefore(norm, t - prev.gap.length - prev.word.length).word, COMPETITION_HEADS)) return "part of a competition's name (after «دوري أبطال»)";
    }
    if (prefix === "" && adjacent(prev)) {
      if (d.type === "person" && inList(prev.word, PERSON_NAME_HEADS)) return `part of an institution's name (after ${quote(prev.word)})`;
      if (d.type === "place" && inList(prev.word, PLACE_NAME_HEADS)) return `part of a longer name (after ${quote(prev.word)})`;
      if (FOREIGN_CONNECTORS.has(prev.word)) return `inside a longer foreign name (after ${quote(prev.word)})`;
      if (d.ownGiven && this.#given.has(prev.word) && !d.ownGiven.has(prev.word)) return `another person's surname (after ${quote(prev.word)})`;
    }
    if (adjacent(next) && NAME_TAILS.has(next.word)) return `inside a longer name (before ${quote(next.word)})`;
    if (prefix !== "") {
      let e = b;
      while (isWordCharAt(norm, e)) e++;
      const whole = norm.slice(t, e);
      if (FOREIGN_WORDS.has(whole)) return `${quote(whole)} is a foreign name, not ${quote(prefix)} + the name`;
    }
    if (d.vowels) {
      const own = marksOf(text, map, a, b);
      for (let i = 0; i < own.length; i++) {
        const m = own[i];
        if (!m) continue;
        if (d.vowels.every((v) => v[i] !== undefined && v[i] !== m)) return "the text's harakat spell another word";
      }
    }
    // «الحدود العراقية - السعودية»: a pair of adjectives joined by a dash.
    if (r?.noun && prefix === "" && (adjacent(prev) || /^ ?[-–/] ?$/.test(prev.gap)) && isDefinite(prev.word)) return `an adjective here (after ${quote(prev.word)})`;
    // A one-word definite organisation name (القاعدة, النصر) is also a common
    // noun: not before على with a pronoun (للنصر علينا) nor before a feminine
    // adjective of its own (القاعدة الخلفية, القاعدة الاقتصادية). Only that
    // form: قائمة الزمالك الأولى or قناة الجزيرة والإذاعة are the names.
    const common = r?.common || (d.type === "organization" && d.name.startsWith("ال") && !d.name.includes(" "));
    if (common && adjacent(next) && (ALA_FORMS.has(next.word) || (next.word.startsWith("ال") && next.word.endsWith("يه") && isDefinite(next.word) && !this.#nisba.has(next.word) && !ORDINALS.has(next.word)))) {
      return `a common noun here (before ${quote(next.word)})`;
    }
    if (common && prefix === "" && adjacent(prev) && DEMONSTRATIVES.has(prev.word)) return `a common noun here (after ${quote(prev.word)})`;
    // «الاتحاد الكويتي», «الاتحاد الإنجليزي»: a one-word body name before a
    // relative adjective is another body (the Kuwaiti, English federation).
    if (common && !r?.common && adjacent(next) && (SCOPE_NISBAS.has(next.word) || this.#nisba.has(next.word))) {
      return `another body (before ${quote(next.word)})`;
    }
    if ((r?.with || r?.without) && adjacent(next)) {
      const country = this.#nisba.get(next.word);
      if (country && !d.ownCountries?.has(country)) return `another country's (before ${quote(next.word)})`;
    }
    return undefined;
  }

  /** Mentions in `text`, in text order, non-overlapping. */
  tag(text: string, opts: TagOptions = {}): Mention[] {
    return this.#run(text, opts, false).mentions;
  }

  /** Mentions, and the hits the context rules or conditions turned down, with the reason. */
  explain(text: string, opts: TagOptions = {}): { mentions: Mention[]; rejected: Rejected[] } {
    return this.#run(text, opts, true);
  }

  #run(text: string, opts: TagOptions, explain: boolean): { mentions: Mention[]; rejected: Rejected[] } {
    const rejected: Rejected[] = [];
    if (this.#empty || !text) return { mentions: [], rejected };
    const { text: norm, map } = normalizeWithMap(text);
    interface Hit { a: number; b: number; t: number; d: PatternData; order: number }
    const hits: Hit[] = [];
    const span = (a: number, b: number) => {
      const { start, end } = originalRange(map, a, b);
      // Trailing invisible controls (RLM, ZWJ) are not part of the name.
      let e = end;
      while (e > start && /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/.test(text[e - 1]!)) e--;
      return { start, end: e, surface: text.slice(start, e) };
    };
    for (const m of this.#matcher.all(norm)) {
      const a = m.start;
      const b = m.end;
      const d = m.data;
      // Ends at a word end, starts at a word start or after proclitics.
      if (!isWordCharAt(norm, b - 1) || isWordCharAt(norm, b) || !isWordCharAt(norm, a)) continue;
      let t = a;
      while (t > 0 && a - t <= MAX_PREFIX && isWordCharAt(norm, t - 1)) t--;
      if (t > 0 && isWordCharAt(norm, t - 1)) continue;
      if (!prefixAllowed(d.form, norm.slice(t, a))) continue;
      if (!d.block) {
        const why = this.#veto(d, norm, text, map, t, a, b, opts);
        if (why) {
          if (explain) rejected.push({ entityId: d.entityId, ...span(a, b), reason: why });
          continue;
        }
      }
      hits.push({ a, b, t, d, order: m.patternIndex });
    }
    // Leftmost, then longest, then a name before a notIn phrase of the same
    // span, then gazetteer order; no overlaps. Same-span names of other
    // entities stay as alternatives for the conditions below.
    hits.sort((x, y) => x.a - y.a || y.b - x.b || Number(x.d.block) - Number(y.d.block) || x.order - y.order);
    const groups: Hit[][] = [];
    let until = 0;
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      if (h.a < until) continue;
      until = h.b;
      if (h.d.block) continue;
      const group = [h];
      while (i + 1 < hits.length && hits[i + 1]!.a === h.a && hits[i + 1]!.b === h.b && !hits[i + 1]!.d.block) group.push(hits[++i]!);
      groups.push(group);
    }
    const conditional = (d: PatternData) => Boolean(d.rule?.with?.length || d.rule?.without?.length);
    const named = new Set(groups.filter((g) => !conditional(g[0]!.d)).map((g) => g[0]!.d.entityId));
    const mentions: Mention[] = [];
    for (const group of groups) {
      let chosen: Hit | undefined;
      for (const h of group) {
        const r = h.d.rule;
        const ok = (!r?.with || r.with.some((id) => named.has(id))) && (!r?.without || !r.without.some((id) => named.has(id)));
        if (ok && !chosen) chosen = h;
        else if (!ok && explain) {
          rejected.push({
            entityId: h.d.entityId,
            ...span(h.a, h.b),
            reason: r?.with && !r.with.some((id) => named.has(id)) ? `counts only beside ${r.with.join(", ")}` : `never beside ${r!.without!.join(", ")}`,
          });
        }
      }
      if (!chosen) continue;
      const { a, b, t, d } = chosen;
      const prefix = norm.slice(t, a);
      mentions.push({ entityId: d.entityId, ...span(a, b), wordStart: map[t]!, prefix, rule: prefix ? `${d.ruleText}, after the proclitics ${quote(prefix)}` : d.ruleText });
    }
    // A turned-down reading inside a counted mention would have lost anyway (السعودية in المملكة العربية السعودية).
    const inside = (r: Rejected) => mentions.some((m) => m.start <= r.start && r.end <= m.end && !(m.start === r.start && m.end === r.end));
    return { mentions, rejected: explain ? rejected.filter((r) => !inside(r)) : rejected };
  }

  /**
   * Entity ids of one article with their mention counts, in order of first
   * mention. `include` adds ids the tagger missed (count 0 unless found),
   * `exclude` removes false positives. Unknown ids are the caller's to report
   * (see checkEntityRefs).
   */
  tagArticle(text: string, opts: TagOptions & { include?: readonly string[]; exclude?: readonly string[] } = {}): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.tag(text, opts)) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    for (const id of opts.include ?? []) if (!counts.has(id)) counts.set(id, 0);
    for (const id of opts.exclude ?? []) counts.delete(id);
    return counts;
  }
}

/** The rule that made a mention, in words: the name and the conditions it met. */
function describeRule(name: string, r: NameRule | undefined): string {
  const parts = [`name ${quote(name)}`];
  if (r?.from || r?.until) parts.push(`dated${r.from ? ` from ${r.from}` : ""}${r.until ? ` until ${r.until}` : ""}`);
  if (r?.after) parts.push("in a safe context");
  if (r?.with) parts.push(`beside ${r.with.join(" / ")}`);
  if (r?.without) parts.push(`not beside ${r.without.join(" / ")}`);
  if (r?.noun) parts.push("as a noun");
  return parts.join(", ");
}

/**
 * Errors for entity ids (from front matter `field`) missing in the gazetteer.
 */
export function checkEntityRefs(
  ids: Iterable<string>,
  knownIds: ReadonlySet<string>,
  file: string,
  field: string,
): ContentError[] {
  const errors: ContentError[] = [];
  for (const id of ids) {
    if (!knownIds.has(id)) {
      errors.push(
        new ContentError(file, `unknown entity id "${id}"`, {
          field,
          hint: "use an id from content/entities.yaml, or add the entity there first",
        }),
      );
    }
  }
  return errors;
}
