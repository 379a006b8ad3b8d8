/**
 * Word lists and word-level helpers for the tagger's context rules
 * (src/entities/tagger.ts). Everything here is in normalised form
 * (src/arabic/normalize.ts: no diacritics, ة → ه, أ/إ/آ → ا, ى → ي).
 * The lists are short on purpose: each entry is a word whose presence next to
 * a name is a reason to read the name as part of something else.
 */
import { normalizeArabic } from "../arabic/normalize.ts";
import { prefixCandidates } from "../arabic/clitics.ts";
import { isWordChar, isWordCharAt } from "../arabic/tokens.ts";

const set = (words: string) => new Set(words.trim().split(/\s+/).map(normalizeArabic));

/**
 * Words for a newspaper, agency or channel: a name right after one of them
 * (quotes allowed between) is the outlet's name (صحيفة «الرياض», وكالة أنباء
 * الشرق الأوسط), not the place.
 */
export const PUBLICATION_HEADS = set("صحيفة جريدة وكالة قناة مجلة إذاعة أنباء تلفزيون فضائية صحيفتي جريدتي");

/**
 * Heads of the names of institutions and facilities that are named after a
 * person (جامعة الملك سعود, ملعب مدينة الملك عبدالله الرياضية, كأس ولي
 * العهد): a person's name right after one of them is part of that name.
 * Not طريق: عن طريق is "by means of".
 */
export const PERSON_NAME_HEADS = set(`
  مدينة جامعة مستشفى مستشفيات مطار مركز مؤسسة جائزة كأس بطولة ملعب استاد شارع مسجد جامع قاعة كلية
  معهد مجمع حي ميدان جسر قاعدة مدرسة مدارس مكتبة برنامج وقف مشروع منحة كرسي دارة مجمع ميناء محطة`);

/**
 * Heads of names of businesses, clubs and outlets named after a place
 * (فندق فلسطين, نادي الرياض, بنك أوف أمريكا): a place name right after one of
 * them is part of that name.
 */
export const PLACE_NAME_HEADS = set(`
  فندق بنك مصرف نادي ملعب استاد صحيفة جريدة مجلة قناة وكالة إذاعة مطعم فريق`);

/**
 * Heads of the names of competitions (كأس ألمانيا, كأس الخليج, دوري أبطال
 * أوروبا, كأس ولي العهد): a place or person right after one of them is part
 * of the competition's name.
 */
// Not أبطال alone: أبطال مصر are Egypt's champions (دوري أبطال is checked as a pair).
export const COMPETITION_HEADS = set("كأس دوري دورة بطولة خليجي");

/** Demonstratives: «تلك القاعدة», «هذه القاعدة» are a common noun, not the organisation. */
export const DEMONSTRATIVES = set("هذه هذا تلك ذلك هاتين هذين");

/**
 * Relative adjectives of regions and scopes that name another body after a
 * one-word body name (الاتحاد الأوروبي, الاتحاد الدولي); with the countries'
 * own (الاتحاد الكويتي), derived in the tagger.
 */
export const SCOPE_NISBAS = set("الأوروبي الآسيوي الأفريقي الإفريقي الدولي الخليجي العربي الوطني الإنجليزي الإنكليزي الاسكتلندي العالمي القاري الإيراني");

/** Ordinals that end like an adjective but follow any noun («قائمة الزمالك الأولى»). */
export const ORDINALS = set("الأولى الثاني الثانية الأول");

/**
 * Connecting words of transliterated foreign names (بنك أوف أمريكا, باريس
 * سان جرمان): a name right after or right before one of them is inside a
 * longer foreign name.
 */
// Not فان (van): it is also فإن "for indeed" once normalised.
export const FOREIGN_CONNECTORS = set("أوف اوف دي دو ديل دا فون ذا أند سان سانت");

/**
 * Words that continue a foreign name when they follow it (مانشستر سيتي,
 * بروسيا دورتموند, نيويورك تايمز): a name right before one of them is part of
 * that name.
 */
export const NAME_TAILS = set(`
  سيتي يونايتد دورتموند مونشنغلادباخ مونشنجلادباخ سان سانت أوف تايمز بوست جورنال هيرالد تريبيون نيوز تايم
  إكسبريس تلغراف غارديان`);

/**
 * Whole words that look like a proclitic + a name but are foreign names
 * themselves: بروسيا is Borussia, not ب + روسيا.
 */
export const FOREIGN_WORDS = set("بروسيا بوروسيا");

/**
 * Forms of على with a pronoun: النصر علينا is "the victory over us", not the club
 * (plain على is not one: فاز النصر على الهلال).
 */
export const ALA_FORMS = set("علينا عليه عليها عليهم عليهما عليكم عليك عليهن");

/**
 * Function words that begin with ال in normalised text (إلى → الى), so that
 * "definite word" tests do not take them for nouns.
 */
export const FUNCTION_WORDS_AL = set("إلى إلا التي الذي الذين اللذين اللتين اللاتي اللواتي الآن ألا أن أو");

/**
 * Words a name may never be: a gazetteer name that is one of them would tag
 * every article (a build error naming the entry).
 */
export const STOP_WORDS = set(`
  في من إلى على عن مع هذا هذه ذلك تلك التي الذي الذين أن إن كان قد لا لم لن ما هو هي هم بين بعد قبل
  حتى عند كل أو ثم قال اليوم أمس غدا الآن منذ خلال حول ضد دون عبر لدى غير بعض`);

/**
 * Outlets often quoted in the archive's sources (Saudi, Gulf, Arab and
 * international). `entities:check` warns when a gazetteer name is one of them:
 * «الرياض» and «الشرق الأوسط» are newspapers as well as a city and a region.
 */
export const OUTLET_NAMES = set(`
  الرياض عكاظ الجزيرة الوطن المدينة اليوم الحياة الاقتصادية سبق واس الشرق الأهرام النهار السفير الخليج
  البيان الاتحاد العربية رويترز الرأي الغد القبس الأنباء`).add(normalizeArabic("الشرق الأوسط")).add(normalizeArabic("القدس العربي"));

/**
 * Quote marks that may open a quotation (a quoted name after لـ is an
 * outlet: «أكد لـ"الرياض"»); writers also open with » or ” (ل»الرياض»).
 */
const OPEN_QUOTES = /[«»"“”„'‘’‹›]/;
/** Characters that end a phrase: a context word across them is not next to the name. */
const PHRASE_BREAK = /[.،,؛;:!?؟\n()[\]{}]/;

export interface Neighbour {
  /** The neighbouring word (normalised), or "" when there is none. */
  word: string;
  /** What stands between it and the name. */
  gap: string;
}

// Word-character test by table for the Basic Multilingual Plane (the
// tagger asks it for every neighbouring character); surrogates fall back.
let WORD_TABLE: Uint8Array | undefined;
function isWord(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) return isWordCharAt(s, i);
  if (!WORD_TABLE) {
    WORD_TABLE = new Uint8Array(65536);
    for (let k = 0; k < 65536; k++) if (k < 0xd800 || k > 0xdfff) WORD_TABLE[k] = isWordChar(String.fromCharCode(k)) ? 1 : 0;
  }
  return WORD_TABLE[c] === 1;
}

/** The word before position `t` of normalised text (and the characters between). */
export function wordBefore(norm: string, t: number): Neighbour {
  let e = t;
  while (e > 0 && !isWord(norm, e - 1) && t - e < 8) e--;
  if (e === 0 || !isWord(norm, e - 1)) return { word: "", gap: norm.slice(e, t) };
  let s = e;
  while (s > 0 && isWord(norm, s - 1)) s--;
  return { word: norm.slice(s, e), gap: norm.slice(e, t) };
}

/** The word after position `b` of normalised text (and the characters between). */
export function wordAfter(norm: string, b: number): Neighbour {
  let s = b;
  while (s < norm.length && !isWord(norm, s) && s - b < 8) s++;
  if (s >= norm.length || !isWord(norm, s)) return { word: "", gap: norm.slice(b, s) };
  let e = s;
  while (e < norm.length && isWord(norm, e)) e++;
  return { word: norm.slice(s, e), gap: norm.slice(b, s) };
}

/** Only spaces between the name and the word: they stand in one phrase. */
export const adjacent = (n: Neighbour) => n.word !== "" && /^ ?$/.test(n.gap);
/** Spaces and quotes only (no phrase break). */
export const sameClause = (n: Neighbour) => n.word !== "" && !PHRASE_BREAK.test(n.gap);
export const hasOpenQuote = (n: Neighbour) => OPEN_QUOTES.test(n.gap);
/** Whether a name stands between quote marks of its own («الرياض»). */
export const quoted = (prev: Neighbour, next: Neighbour) => OPEN_QUOTES.test(prev.gap.slice(-1)) && OPEN_QUOTES.test(next.gap.charAt(0));

/** The word and its readings without proclitics (وصحيفة → صحيفه). */
export function stems(word: string): string[] {
  return prefixCandidates(word).map((c) => c.stem);
}

/** Whether some reading of `word` (proclitics peeled) is in `list`. */
export function inList(word: string, list: ReadonlySet<string>): boolean {
  if (word === "") return false;
  if (list.has(word)) return true;
  // Cheap first look: most words start with no proclitic letter at all.
  const c = word.charCodeAt(0);
  if (c !== 0x648 && c !== 0x641 && c !== 0x628 && c !== 0x644 && c !== 0x643) return false;
  return stems(word).some((s) => list.has(s));
}

/** A definite word (الحكومه, للحكومه, والحكومه …) that is not a function word such as الى. */
export function isDefinite(word: string): boolean {
  if (!word || FUNCTION_WORDS_AL.has(word)) return false;
  return /^(?:[وف]?[بك]?ال|[وف]?لل)/.test(word) && word.length > 3;
}

/**
 * Given names often written before a surname the gazetteer lists alone
 * (ميشيل أوباما is not باراك أوباما). The tagger adds the first words of the
 * gazetteer's own multi-word person names.
 */
export const GIVEN_NAMES = set(`
  ميشيل ميشال هيلاري بيل جورج جيب دونالد جون جو جوزيف جيمس روبرت ديفيد مايكل ماري آن كاثرين إليزابيث
  نيكولا فرانسوا جاك ماريا لورا سارة ألكسندر ديمتري سيرغي فلاديمير ميخائيل بشار حافظ رفعت ماهر جمال علاء
  سيف هانيبال معتصم عدي قصي`);

/** Vowel marks a text may carry on a letter: fatha, damma, kasra, sukun. */
export const VOWEL_MARKS = /[\u064E\u064F\u0650\u0652]/;
