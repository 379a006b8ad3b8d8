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
 * - of the valid hits, the leftmost wins, then the longest, and hits never
 *   overlap (محمد شياع السوداني is one mention, not also السوداني);
 * - an entity's `notIn` phrases (صلاة المغرب) compete like names but yield no
 *   mention, so the name inside them is not tagged.
 */
import { Automaton } from "./automaton.ts";
import { normalizeArabic, normalizeWithMap, originalRange } from "../arabic/normalize.ts";
import { isProcliticSequence } from "../arabic/clitics.ts";
import { isWordCharAt } from "../arabic/tokens.ts";
import { ContentError } from "../content/errors.ts";
import { matchedNames, type Entity } from "./gazetteer.ts";

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
  form: Form;
  /** A `notIn` phrase: wins the text like a name, then yields no mention. */
  block: boolean;
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

export class EntityTagger {
  readonly #matcher: Automaton<PatternData>;
  readonly #empty: boolean;

  constructor(entities: readonly Entity[], options: TaggerOptions = {}) {
    const patterns: { pattern: string; data: PatternData }[] = [];
    const seen = new Set<string>();
    const add = (pattern: string, data: PatternData) => {
      const key = `${data.entityId}\u0000${data.form}\u0000${data.block}\u0000${pattern}`;
      if (!pattern || seen.has(key)) return;
      seen.add(key);
      patterns.push({ pattern, data });
    };
    const addArabic = (entityId: string, name: string, block: boolean) => {
      const n = normalizeArabic(name).trim();
      if (!n) return;
      if (n.startsWith("ال") && n.length > 3) {
        add(n, { entityId, form: "article", block });
        add(n.slice(1), { entityId, form: "lam", block });
      } else {
        add(n, { entityId, form: "plain", block });
      }
    };
    for (const e of entities) {
      for (const name of matchedNames(e, "ar")) addArabic(e.id, name, false);
      for (const phrase of e.notIn ?? []) addArabic(e.id, phrase, true);
      if (options.english) {
        for (const name of matchedNames(e, "en")) add(normalizeArabic(name).trim(), { entityId: e.id, form: "latin", block: false });
      }
    }
    this.#matcher = new Automaton(patterns);
    this.#empty = patterns.length === 0;
  }

  /** Mentions in `text`, in text order, non-overlapping. */
  tag(text: string): Mention[] {
    if (this.#empty || !text) return [];
    const { text: norm, map } = normalizeWithMap(text);
    interface Hit { a: number; b: number; t: number; id: string; order: number; block: boolean }
    const hits: Hit[] = [];
    for (const m of this.#matcher.all(norm)) {
      const a = m.start;
      const b = m.end;
      const data = m.data;
      // Ends at a word end, starts at a word start or after proclitics.
      if (!isWordCharAt(norm, b - 1) || isWordCharAt(norm, b) || !isWordCharAt(norm, a)) continue;
      let t = a;
      while (t > 0 && a - t <= MAX_PREFIX && isWordCharAt(norm, t - 1)) t--;
      if (t > 0 && isWordCharAt(norm, t - 1)) continue;
      if (!prefixAllowed(data.form, norm.slice(t, a))) continue;
      hits.push({ a, b, t, id: data.entityId, order: m.patternIndex, block: data.block });
    }
    // Leftmost, then longest, then a name before a notIn phrase of the same
    // span, then gazetteer order; no overlaps.
    hits.sort((x, y) => x.a - y.a || y.b - x.b || Number(x.block) - Number(y.block) || x.order - y.order);
    const mentions: Mention[] = [];
    let until = 0;
    for (const h of hits) {
      if (h.a < until) continue;
      until = h.b;
      if (h.block) continue;
      const { start, end } = originalRange(map, h.a, h.b);
      // Trailing invisible controls (RLM, ZWJ) are not part of the name.
      let e = end;
      while (e > start && /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/.test(text[e - 1]!)) e--;
      mentions.push({
        entityId: h.id,
        start,
        end: e,
        surface: text.slice(start, e),
        wordStart: map[h.t]!,
        prefix: norm.slice(h.t, h.a),
      });
    }
    return mentions;
  }

  /**
   * Entity ids of one article with their mention counts, in order of first
   * mention. `include` adds ids the tagger missed (count 0 unless found),
   * `exclude` removes false positives. Unknown ids are the caller's to report
   * (see checkEntityRefs).
   */
  tagArticle(text: string, opts: { include?: readonly string[]; exclude?: readonly string[] } = {}): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.tag(text)) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    for (const id of opts.include ?? []) if (!counts.has(id)) counts.set(id, 0);
    for (const id of opts.exclude ?? []) counts.delete(id);
    return counts;
  }
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
