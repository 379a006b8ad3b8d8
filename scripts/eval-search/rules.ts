/**
 * Building blocks of the evaluation's truth rules: regular expressions over
 * text normalised by ./normalize.ts (so ة is ه, ى is ي, أ إ آ are ا, ؤ ئ are ء).
 * Written for the evaluation, independently of src/search and src/arabic.
 */

/** No letter or digit before / after: a whole written word. */
export const B = "(?<![\\p{L}\\p{N}])";
export const E = "(?![\\p{L}\\p{N}])";

/** Optional proclitics: و/ف, then ب/ك with the article, or ل+ال written لل, or ب/ل/ك alone, or the article alone. */
export const PRE = "(?:[وف]?(?:[بك]?ال|لل|[بلك])?)";
/** The same, the article required (names of places always written with it: العراق، الرياض). */
export const ART = "(?:[وف]?(?:[بك]?ال|لل))";
/** Proclitics without the article (names written without it: بغداد، مصر). */
export const NOART = "(?:[وف]?[بلك]?)";
/** PRE without a bare ك "like" (for words where ك + word spells another word: ك + اميرون is كاميرون). */
export const PRE_NO_K = "(?:[وف]?(?:[بك]?ال|لل|[بل])?)";

/**
 * Attached pronouns, without ي "my": a bare final ي is usually the nisba (مصري، حكومي), a
 * different word, and "my" is rare in news; after ت (حكومتي) it is allowed by FEM.
 */
export const PRON = "(?:ه|ها|هم|هما|هن|ك|كم|كما|كن|نا)";
/** Endings of a noun or adjective whose singular ends in ة (stem without it): ة, ات, duals, ت + pronoun. */
export const FEM = `(?:ه|ات${PRON}?|تان|تين|تا${PRON}?|تي${PRON}?|ت${PRON})`;
/**
 * Endings of a masculine noun or adjective: none, accusative ا, duals, sound plurals, construct
 * forms with pronouns. A bare final ي (nisba, or a construct plural) is left out on purpose;
 * queries that want it add it.
 */
export const MASC = `(?:ا|ان|ين|ون|و|${PRON}|ا${PRON}|ي${PRON}|و${PRON})?`;

/** A whole word: optional proclitics `pre`, then one of the forms in `core`. */
export function word(pre: string, core: string): string {
  return `${B}${pre}(?:${core})${E}`;
}

/** A word that begins with `start` (what a reader is still typing), after optional proclitics. */
export function prefix(pre: string, start: string): string {
  return `${B}${pre}(?:${start})`;
}

/** Words side by side (one space in the normalised text: a phrase does not run across punctuation or paragraphs). */
export function phrase(...words: string[]): string {
  return words.join(" ");
}

/** Alternatives. */
export function any(...alts: string[]): string {
  return alts.map((a) => `(?:${a})`).join("|");
}

/** Compiles a rule (Unicode mode: \p{L} needs it). Throws a clear error for a bad one. */
export function compile(source: string, what: string): RegExp {
  try {
    return new RegExp(source, "u");
  } catch (e) {
    throw new Error(`truth rule of ${what} does not compile: ${(e as Error).message}`);
  }
}
