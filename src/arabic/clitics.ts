/**
 * Arabic proclitics, on NORMALISED tokens (see normalize.ts).
 *
 * Written Arabic attaches short words to the next word: a conjunction (و "and",
 * ف "so"), then a preposition (ب "in/with", ل "to/for", ك "like"), then the
 * article ال. So "and in Iraq" is one token: و+ب+ال+عراق = وبالعراق.
 * ل + ال is written لل (the article's alef is dropped): للعراق = ل+ال+عراق.
 */

export const CONJUNCTIONS = ["", "و", "ف"] as const;
export const PREPOSITIONS = ["", "ب", "ل", "ك"] as const;
export const ARTICLE = "ال";

/**
 * Shortest stem accepted after removing a prefix (counted without ال).
 * 2 keeps two-letter names such as قم (Qom) reachable; callers that need
 * fewer false splits (search) apply their own, stricter rules.
 */
export const MIN_STEM = 2;

/** Every conjunction+preposition sequence, e.g. "", "و", "وب", "فل". */
export const PROCLITIC_SEQUENCES: readonly string[] = CONJUNCTIONS.flatMap((c) => PREPOSITIONS.map((p) => c + p));
const SEQUENCES = new Set(PROCLITIC_SEQUENCES);

/** Whether `prefix` is a conjunction and/or preposition sequence (possibly empty). */
export function isProcliticSequence(prefix: string): boolean {
  return SEQUENCES.has(prefix);
}

export interface PrefixSplit {
  /** The proclitics as written in the token (ال included when the stem lost it). */
  prefix: string;
  /**
   * The rest of the word. For لل the article is restored ("للعراق" gives
   * {prefix "ل", stem "العراق"}), so prefix + stem is not always the token.
   */
  stem: string;
}

/**
 * All ways to read `normToken` as proclitics + stem, starting with the
 * unsplit token itself. Purely orthographic: "ولد" yields {و, لد} too; the
 * caller decides which readings are words (e.g. the tagger keeps only stems
 * that are gazetteer names).
 */
export function prefixCandidates(normToken: string): PrefixSplit[] {
  const out: PrefixSplit[] = [{ prefix: "", stem: normToken }];
  const seen = new Set([`|${normToken}`]);
  const add = (prefix: string, stem: string, bare: string) => {
    const key = `${prefix}|${stem}`;
    if (bare.length < MIN_STEM || seen.has(key)) return;
    seen.add(key);
    out.push({ prefix, stem });
  };
  for (const c of CONJUNCTIONS) {
    if (!normToken.startsWith(c)) continue;
    const afterC = normToken.slice(c.length);
    for (const p of PREPOSITIONS) {
      if (!afterC.startsWith(p)) continue;
      const prefix = c + p;
      const rest = afterC.slice(p.length);
      if (prefix) add(prefix, rest, rest.startsWith(ARTICLE) ? rest.slice(2) : rest);
      if (p === "ل") {
        // لل: the second lam is the article's.
        if (rest.startsWith("ل")) {
          add(prefix, ARTICLE + rest.slice(1), rest.slice(1));
          add(prefix + "ل", rest.slice(1), rest.slice(1));
        }
      } else if (rest.startsWith(ARTICLE)) {
        add(prefix + ARTICLE, rest.slice(2), rest.slice(2));
      }
    }
  }
  return out;
}

// Light10-style suffixes (Larkey, Ballesteros & Connell 2002), in the order
// they are tried, written in normalised form (ة → ه, so ية is يه).
const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
const ARTICLES = ["وال", "بال", "كال", "فال", "لل", "ال"];

/**
 * A light, deterministic stem for search indexing: the same input always
 * gives the same output, with no dictionary. Applied identically to indexed
 * words and to queries, so its mistakes cancel out in most cases.
 *
 * 1. drop a leading و when at least 3 letters remain (not ف/ب/ل/ك alone:
 *    too many words start with them — فرنسا, بغداد, لبنان);
 * 2. drop one article form (وال بال كال فال لل ال) when ≥ 2 letters remain;
 * 3. drop each suffix of ها ان ات ون ين يه ه ي once, in that order, while
 *    ≥ 2 letters remain.
 *
 * Known limits (as Light10): broken plurals are not conflated; للبنان
 * (ل+لبنان) is read as لل+بنان; feminine ة and possessive ه fold together.
 */
export function lightStem(normToken: string): string {
  let w = normToken;
  if (w.startsWith("و") && w.length >= 4) w = w.slice(1);
  for (const a of ARTICLES) {
    if (w.startsWith(a) && w.length - a.length >= 2) {
      w = w.slice(a.length);
      break;
    }
  }
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  }
  return w;
}
