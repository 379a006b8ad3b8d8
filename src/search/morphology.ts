import { stemmer } from "stemmer";
import { normalizeForSearch } from "../arabic/normalize.ts";

/**
 * Arabic light morphology for search: one key per word, the same for every
 * inflected or clitic-bearing form of it, and different for different words.
 *
 * The rules are those of the light stemmers (Larkey's light10, Lucene's
 * ArabicStemmer): proclitics و ف ب ل ك and the article, then attached pronouns,
 * dual and sound plural endings. Their known weakness is peeling a letter that
 * belongs to the word (بوتن is not ب + وتن, فيصل is not ف + يصل, لجنة is not
 * ل + جنة) and taking a suffix off a name (البحرين is not the dual of بحر).
 * So here a peel is taken only when what remains is a word of the archive:
 * the archive's own vocabulary is the lexicon (Lexicon below), and a word that
 * itself takes the article (الفيصل, اللجنة) is a word in its own right.
 *
 * The build knows the lexicon; the reader's browser does not need it: a query
 * word's candidate keys are tried against the index itself, least stripped
 * first, and the first key the index holds is the word's key (queryKey). A key
 * the index holds is one the build chose for some word, so a query finds
 * exactly the words analysed to the same key, and nothing when there are none.
 */

export const MIN_STEM = 3;

/**
 * What the build's analysis asks of the archive's vocabulary: the Lexicon, or
 * a wrapper that notes the questions and answers (src/search/record-cache.ts),
 * so that a word's key is known to hold as long as the answers do.
 */
export interface LexiconQueries {
  attested(stem: string): number;
  takesArticle(word: string): boolean;
}

/** What indexKey asks of the gazetteer's name words (a set, or a wrapper that notes the questions). */
export type NameQueries = Pick<ReadonlySet<string>, "has">;

/** Where indexKeys keeps the keys it worked out, by word as written (a Map, or the record cache's word table). */
export interface KeyCache {
  get(word: string): string | undefined;
  set(word: string, key: string): unknown;
}

/** Counts of search-normalised word forms in the archive. */
export class Lexicon implements LexiconQueries {
  private readonly counts = new Map<string, number>();

  addText(text: string): void {
    for (const w of normalizeForSearch(text).match(ARABIC_WORD) ?? []) {
      this.bump(w);
      // والاجتماع is an attestation of الاجتماع: clitics before the article are sure.
      const art = WITH_ARTICLE.exec(w);
      if (art && (art[1] || art[2]) && art[3]!.length >= MIN_STEM) this.bump(`ال${art[3]!}`);
    }
  }

  /** Takes a text's words off again (`addText` of the same text undone): a form counted nowhere else is gone, as if never counted. */
  removeText(text: string): void {
    for (const w of normalizeForSearch(text).match(ARABIC_WORD) ?? []) {
      this.bump(w, -1);
      const art = WITH_ARTICLE.exec(w);
      if (art && (art[1] || art[2]) && art[3]!.length >= MIN_STEM) this.bump(`ال${art[3]!}`, -1);
    }
  }

  private bump(w: string, by = 1): void {
    const n = (this.counts.get(w) ?? 0) + by;
    if (n < 0) throw new Error(`lexicon: «${w}» taken off more often than counted`);
    // takesArticle asks whether a form is there at all: a count of 0 is no form.
    if (n === 0) this.counts.delete(w);
    else this.counts.set(w, n);
  }

  /** The counts, to be kept (the record cache keeps the archive's lexicon between builds). */
  entries(): [string[], number[]] {
    return [[...this.counts.keys()], [...this.counts.values()]];
  }

  /** A lexicon with these counts (from `entries()`), to which more texts can be added. */
  static from(forms: readonly string[], counts: ArrayLike<number>): Lexicon {
    const l = new Lexicon();
    for (let i = 0; i < forms.length; i++) l.counts.set(forms[i]!, counts[i]!);
    return l;
  }

  /** How often `stem` occurs alone or with the article. */
  attested(stem: string): number {
    return (this.counts.get(stem) ?? 0) + (this.counts.get(`ال${stem}`) ?? 0);
  }

  /** Whether `word` takes the article somewhere in the archive (so it is a word, not clitic + word). */
  takesArticle(word: string): boolean {
    return this.counts.has(`ال${word}`);
  }
}

const ARABIC_WORD = /[\u0621-\u064A\u066E-\u06D3]+/g;
const ARABIC = /[\u0600-\u06FF]/;

// A clitic sequence that ends in the article: (و|ف)(ب|ك|ل)ال, or (و|ف)لل (ل + ال).
const WITH_ARTICLE = /^([وف]?)([بكل]?)ال(.+)$/;
const LAM_ARTICLE = /^([وف]?)لل(.+)$/;

const PRONOUNS = ["هما", "هم", "هن", "ها", "كم", "نا", "ه"];
const NUMBER = ["ات", "ين", "ون", "ان"];

/**
 * Frequent broken plurals and their singulars, as a reader expects them to
 * meet (وزراء finds وزير). Only plurals that are no other common word: كتب
 * (books / he wrote) and أسر (families / captured) are left out.
 */
const BROKEN_PLURALS: Record<string, string> = Object.fromEntries(
  Object.entries({
    دول: "دولة",
    مدن: "مدينة",
    وزراء: "وزير",
    رؤساء: "رئيس",
    أطفال: "طفل",
    أسعار: "سعر",
    أسواق: "سوق",
    بلدان: "بلد",
    بلاد: "بلد",
    أسئلة: "سؤال",
    مشاريع: "مشروع",
    مباريات: "مباراة",
    مواقع: "موقع",
    مناطق: "منطقة",
    أيام: "يوم",
    أشهر: "شهر",
    رجال: "رجل",
    // Not a plural: the indefinite spelling of المرأة. (نساء, of another root, stays a word of its own.)
    امرأة: "مرأة",
    شهداء: "شهيد",
    جنود: "جندي",
    أسلحة: "سلاح",
    ضباط: "ضابط",
    قادة: "قائد",
    علماء: "عالم",
    أعضاء: "عضو",
    قبائل: "قبيلة",
    مساجد: "مسجد",
    مدارس: "مدرسة",
    حقوق: "حق",
    أحزاب: "حزب",
    فصائل: "فصيل",
    ملايين: "مليون",
    آلاف: "ألف",
    أخبار: "خبر",
    صحف: "صحيفة",
    أمراء: "أمير",
    ملوك: "ملك",
    شعوب: "شعب",
    جيوش: "جيش",
    أراضي: "أرض",
    مباني: "مبنى",
    أمور: "أمر",
    أشخاص: "شخص",
    أسابيع: "أسبوع",
    شوارع: "شارع",
    مصادر: "مصدر",
    قوانين: "قانون",
    مسؤولين: "مسؤول",
    مراكز: "مركز",
    مواطنين: "مواطن",
    معارك: "معركة",
    مجالس: "مجلس",
    لاعبين: "لاعب",
    أندية: "ناد",
    ولايات: "ولاية",
    عواصم: "عاصمة",
    سفراء: "سفير",
    جرحى: "جريح",
    قتلى: "قتيل",
    أسرى: "أسير",
    مواقف: "موقف",
    جهود: "جهد",
    عوائل: "عائلة",
    أهداف: "هدف",
    أسباب: "سبب",
    أفراد: "فرد",
    أجهزة: "جهاز",
    أنظمة: "نظام",
    مراحل: "مرحلة",
    وسائل: "وسيلة",
    رسائل: "رسالة",
    مصالح: "مصلحة",
    خطط: "خطة",
    أعمال: "عمل",
    أماكن: "مكان",
  }).map(([p, s]) => [normalizeForSearch(p), normalizeForSearch(s)]),
);

/**
 * The singulars of the table's plurals that begin with `prefix`: a word being
 * typed (الأع…) that is becoming a plural (الأعمال) is indexed under its
 * singular (عمل), which a prefix of keys cannot reach.
 */
export function pluralsBeginning(prefix: string): string[] {
  if (prefix.length < 2) return [];
  return [...new Set(Object.entries(BROKEN_PLURALS).filter(([p]) => p.startsWith(prefix) && p !== prefix).map(([, s]) => s))];
}

/** The singular of a frequent broken plural, else the word itself. */
export function singular(stem: string): string {
  return BROKEN_PLURALS[stem] ?? stem;
}

/** The words that begin a compound name with the next word (عبد العزيز = عبدالعزيز). */
const COMPOUND_HEAD = "عبد";

/** Key of a non-Arabic word: lower case, English words stemmed. */
function latinKey(norm: string): string {
  return /^[a-z]+$/.test(norm) ? stemmer(norm) : norm;
}

// ---------------------------------------------------------------- the build

/** Bare proclitics (no article) taken off while what remains is a word of the archive. */
function peelBare(w: string, lex: LexiconQueries, level: 0 | 1 | 2): string {
  // بلاده: بلاد takes the article (البلاد), so its ب is the word's own.
  if (level === 2 || lex.takesArticle(w) || lex.takesArticle(suffixIndex(w, lex))) return w;
  const allowed = level === 0 ? "وفبل" : "بل";
  const first = w[0]!;
  if (!allowed.includes(first)) return w;
  const rest = w.slice(1);
  // What remains may itself carry an ending (وحكومته: حكومته is found only as حكومة).
  if (rest.length < MIN_STEM || !(lex.attested(rest) || suffixIndex(rest, lex) !== rest)) return w;
  return peelBare(rest, lex, first === "و" || first === "ف" ? 1 : 2);
}

function peelIndex(w: string, lex: LexiconQueries): string {
  const lam = LAM_ARTICLE.exec(w);
  if (lam && lam[2]!.length >= MIN_STEM && lex.attested(lam[2]!)) return lam[2]!;
  const art = WITH_ARTICLE.exec(w);
  if (art && art[3]!.length >= MIN_STEM) return art[3]!;
  return peelBare(w, lex, 0);
}

/** Whether a word carries the article (with or without clitics before it). */
function hasArticle(w: string): boolean {
  const art = WITH_ARTICLE.exec(w);
  const lam = LAM_ARTICLE.exec(w);
  return (!!art && art[3]!.length >= MIN_STEM) || (!!lam && lam[2]!.length >= MIN_STEM);
}

/** The article and an attached pronoun never go together: a final ه after the article is a ة without its dots (العمله is العملة). */
function definite(stem: string): string {
  return stem.endsWith("ه") ? `${stem.slice(0, -1)}ة` : stem;
}

/** ت before a suffix is the ة of the word (حكومتها, طائرتين). */
function withTaMarbuta(base: string, lex: LexiconQueries): string | undefined {
  if (!base.endsWith("ت")) return undefined;
  const alt = `${base.slice(0, -1)}ة`;
  return lex.attested(alt) ? alt : undefined;
}

function suffixIndex(w: string, lex: LexiconQueries): string {
  let s = w;
  for (const p of PRONOUNS) {
    if (!s.endsWith(p) || s.length - p.length < MIN_STEM) continue;
    const base = s.slice(0, -p.length);
    const pronoun = withTaMarbuta(base, lex) ?? (lex.attested(base) || constructPlural(base, lex) !== base ? base : undefined) ?? withAlefMaqsura(base, lex);
    // A final ه may be a ة written without its dots (حكومه): the commoner reading wins.
    if (p === "ه") {
      const ta = `${base}ة`;
      if (lex.attested(ta) > (pronoun ? lex.attested(pronoun) : 0)) {
        s = ta;
        break;
      }
    }
    if (pronoun) s = pronoun;
    break;
  }
  const beforeNumber = s;
  for (const n of NUMBER) {
    if (!s.endsWith(n) || s.length - n.length < MIN_STEM) continue;
    const base = s.slice(0, -n.length);
    if (n === "ات") {
      const fem = `${base}ة`;
      if (lex.attested(fem)) s = fem;
      else if (lex.attested(base)) s = base;
    } else {
      const fem = withTaMarbuta(base, lex);
      // A dual in ان is taken only when its other case (ين) is there too: لبنان, سلمان are not duals.
      // The other case or number of the same word (الطرفان / الطرفين) is evidence too.
      const other = (x: string) => x !== n && lex.attested(base + x) > 0;
      if (fem) s = fem;
      else if (n === "ان" ? other("ين") : lex.attested(base) || other("ين") || other("ون") || other("ان")) s = base;
    }
    break;
  }
  if (s === beforeNumber) s = constructPlural(s, lex);
  return masculine(s, lex);
}

/** ى becomes ا before a pronoun (مستوى → مستواه). */
function withAlefMaqsura(base: string, lex: LexiconQueries): string | undefined {
  if (!base.endsWith("ا")) return undefined;
  const alt = `${base.slice(0, -1)}ي`;
  return alt.length >= MIN_STEM && lex.attested(alt) ? alt : undefined;
}

/**
 * A sound plural before the noun it belongs to loses its ن (موظفي الشركة is
 * موظفين, موظفو الشركة موظفون): taken when the full plural is there (ين: as
 * the commoner form). A nisba
 * (عراقي) has its plural in يين; a stray عراقين does not make it one.
 */
function constructPlural(s: string, lex: LexiconQueries): string {
  if (s.length - 1 < MIN_STEM) return s;
  const base = s.slice(0, -1);
  // The nominative (مسؤولو الحكومة, for مسؤولون) when the plural in ون is there.
  if (s.endsWith("و")) return lex.attested(`${base}ون`) && (lex.attested(base) || lex.attested(`${base}ين`)) ? base : s;
  if (!s.endsWith("ي")) return s;
  const plural = lex.attested(`${base}ين`);
  return plural > lex.attested(`${s}ين`) && plural * 2 >= lex.attested(s) && (lex.attested(base) || lex.attested(`${base}ون`)) ? base : s;
}

/**
 * A feminine adjective or participle meets its masculine: a nisba always
 * (الدولية → دولي), another word in ة when its masculine takes the plural in
 * ون, as people do, and is at least as common (المعلمة → معلم). A noun in ة whose masculine
 * shape is rarer is another word (مدرسة school / مدرس teacher, محافظة
 * province / محافظ governor, منظمة, رياضة, عملة), and so is عامة (عام: year).
 */
function masculine(s: string, lex: LexiconQueries): string {
  if (!s.endsWith("ة") || s.length - 1 < MIN_STEM || OWN_FEMININE.has(s)) return s;
  const base = s.slice(0, -1);
  const n = lex.attested(base);
  if (!n) return s;
  if (base.endsWith("ي")) return base;
  return n >= lex.attested(s) && lex.attested(`${base}ون`) > 0 ? base : s;
}

/** Feminine forms whose masculine shape is mostly another, common word. */
const OWN_FEMININE = new Set(["عامة"].map(normalizeForSearch));

/**
 * The key the build indexes a word under. `names` holds the search forms of
 * gazetteer name words: they keep their endings (البحرين, لبنان).
 */
export function indexKey(word: string, lex: LexiconQueries, names: NameQueries = new Set()): string {
  const norm = normalizeForSearch(word);
  if (!ARABIC.test(norm)) return latinKey(norm);
  const peeled = peelIndex(norm, lex);
  if (names.has(peeled) || names.has(norm)) return peeled;
  const compound = compoundRest(peeled);
  if (compound !== undefined) return COMPOUND_HEAD + indexKey(compound, lex, names);
  const definiteWord = hasArticle(norm) && peeled !== norm;
  return singular(suffixIndex(definiteWord ? definite(peeled) : tanween(peeled, lex), lex));
}

/**
 * The alif of an indefinite accusative (دوليا, معلما) is no letter of the
 * word: taken when the word without it is in the archive at least as often.
 * Never after the article, which takes no tanween; names (سوريا) are kept
 * before this is asked, and so is a word found with the article (العليا).
 */
function tanween(w: string, lex: LexiconQueries): string {
  // العليا, الدنيا: a word that takes the article ends in a letter of its own.
  if (!w.endsWith("ا") || w.length - 1 < MIN_STEM || lex.takesArticle(w)) return w;
  const base = w.slice(0, -1);
  const n = lex.attested(base);
  return n > 0 && n >= lex.attested(w) ? base : w;
}

/** For a word written as one with عبد (عبدالعزيز, عبدالله), what follows عبد. */
function compoundRest(stem: string): string | undefined {
  return stem.startsWith(`${COMPOUND_HEAD}ال`) && stem.length > COMPOUND_HEAD.length + 2 ? stem.slice(COMPOUND_HEAD.length) : undefined;
}

/** Whether `word` is the head of a two-word compound name (عبد, with its clitics). */
export function isCompoundHead(word: string): boolean {
  const n = normalizeForSearch(word);
  return n === COMPOUND_HEAD || (n.length === 4 && "وفبل".includes(n[0]!) && n.endsWith(COMPOUND_HEAD));
}

/**
 * Keys of a run of words in order, one per word: a compound head (عبد)
 * followed by a word takes the key of the whole name (عبد العزيز → عبدعزيز,
 * as عبدالعزيز), so the two spellings meet.
 */
export function indexKeys(words: readonly string[], lex: LexiconQueries, names: NameQueries = new Set(), cache?: KeyCache): string[] {
  const keyOf = (w: string) => {
    let k = cache?.get(w);
    if (k === undefined) {
      k = indexKey(w, lex, names);
      cache?.set(w, k);
    }
    return k;
  };
  const keys = words.map(keyOf);
  for (let i = 0; i + 1 < words.length; i++) {
    // The head's key is عبد (its clitics peeled), which no other word has.
    if (keys[i] === COMPOUND_HEAD && ARABIC.test(words[i + 1]!)) keys[i] = COMPOUND_HEAD + keys[i + 1]!;
  }
  return keys;
}

// ---------------------------------------------------------------- the query

/** Candidate keys of a compound name typed as two words (عبد العزيز): عبد + the next word's keys. */
export function compoundCandidates(next: string): string[] {
  return candidateKeys(next).map((k) => COMPOUND_HEAD + k);
}

/** Every orthographic peel of a word, least stripped first (no lexicon: the index decides). */
function peelCandidates(w: string): string[] {
  const out: string[] = [];
  const lam = LAM_ARTICLE.exec(w);
  if (lam && lam[2]!.length >= MIN_STEM) out.push(lam[2]!);
  const art = WITH_ARTICLE.exec(w);
  // With the article the build always peels (peelIndex), so the unpeeled word is no key.
  if (art && art[3]!.length >= MIN_STEM) return [...out, art[3]!];
  out.unshift(w);
  const walk = (x: string, level: 0 | 1) => {
    const allowed = level === 0 ? "وفبل" : "بل";
    if (!allowed.includes(x[0]!)) return;
    const rest = x.slice(1);
    if (rest.length < MIN_STEM) return;
    out.push(rest);
    if (level === 0 && (x[0] === "و" || x[0] === "ف")) walk(rest, 1);
  };
  walk(w, 0);
  return out;
}

function suffixCandidates(w: string): string[] {
  const out = [w];
  const numbers = (x: string) => {
    for (const n of NUMBER) {
      if (!x.endsWith(n) || x.length - n.length < MIN_STEM) continue;
      const base = x.slice(0, -n.length);
      if (base.endsWith("ت")) out.push(`${base.slice(0, -1)}ة`);
      if (n === "ات") out.push(`${base}ة`);
      out.push(base);
    }
    // A plural before its noun (موظفي, موظفو): as the build's constructPlural.
    if (/[يو]$/.test(x) && x.length - 1 >= MIN_STEM) out.push(x.slice(0, -1));
  };
  numbers(w);
  for (const p of PRONOUNS) {
    if (!w.endsWith(p) || w.length - p.length < MIN_STEM) continue;
    const base = w.slice(0, -p.length);
    if (base.endsWith("ت")) out.push(`${base.slice(0, -1)}ة`);
    out.push(base);
    if (base.endsWith("ا") && base.length >= MIN_STEM) out.push(`${base.slice(0, -1)}ي`);
    numbers(base);
  }
  return out;
}

/** A query word's candidate keys, least stripped first, without duplicates. */
export function candidateKeys(word: string): string[] {
  const norm = normalizeForSearch(word);
  if (!norm) return [];
  if (!ARABIC.test(norm)) return [latinKey(norm)];
  const out: string[] = [];
  const article = hasArticle(norm);
  for (const peeled of peelCandidates(norm)) {
    const compound = compoundRest(peeled);
    if (compound !== undefined) {
      for (const k of candidateKeys(compound)) out.push(COMPOUND_HEAD + k);
      continue;
    }
    const stem = article && peeled !== norm ? definite(peeled) : peeled;
    const stems = !article && stem.endsWith("ا") && stem.length - 1 >= MIN_STEM ? [stem, stem.slice(0, -1)] : [stem];
    for (const s of stems.flatMap(suffixCandidates)) {
      out.push(s, singular(s));
      if (s.endsWith("ة") && s.length - 1 >= MIN_STEM) out.push(s.slice(0, -1));
    }
  }
  return [...new Set(out)];
}

/**
 * The key of a complete query word: the first candidate the index holds.
 * `pages(key)` says in how many pages the index has a key (0: none). A word
 * ending in ه may be a ة typed without its dots (الحكومه): both readings are
 * tried and the one found in more pages wins, as at build time.
 */
export async function queryKey(word: string, pages: (key: string) => Promise<number>): Promise<string | undefined> {
  type Best = { key?: string; n: number };
  const best = async (w: string): Promise<Best> => {
    const cands = candidateKeys(w);
    if (!cands.length) return { n: 0 };
    // Most words are found as typed: one index chunk. Only then are the others fetched, together.
    const first = await pages(cands[0]!);
    if (first > 0) return { key: cands[0]!, n: first };
    const counts = await Promise.all(cands.slice(1).map(pages));
    const i = counts.findIndex((n) => n > 0);
    return i < 0 ? { n: 0 } : { key: cands[i + 1]!, n: counts[i]! };
  };
  const norm = normalizeForSearch(word);
  const [asTyped, asTa] = await Promise.all([best(word), norm.endsWith("ه") && ARABIC.test(norm) ? best(`${norm.slice(0, -1)}ة`) : Promise.resolve<Best>({ n: 0 })]);
  return asTa.n > asTyped.n ? asTa.key : asTyped.key;
}

/**
 * Prefixes for the word being typed (the last word, before the reader is
 * done): without a typed article, as typed, then without a clitic letter.
 * Tried in order; the first that begins some key of the index is used.
 */
export function typingPrefixes(word: string): string[] {
  const norm = normalizeForSearch(word);
  if (!norm) return [];
  if (!ARABIC.test(norm)) return [norm];
  // The build always takes the article off, so a typed article goes first (الأع… is اع…);
  // a bare clitic letter may be the word's own (لبنا… is لبنان), so the letters as typed go first.
  const out: string[] = [];
  const lam = /^([وف]?)لل(.+)$/.exec(norm);
  if (lam) out.push(lam[2]!);
  const art = WITH_ARTICLE.exec(norm);
  if (art) out.push(art[3]!);
  out.push(norm);
  const bare = /^([وف]?[بل]?)(.{3,})$/.exec(norm);
  if (bare && bare[1]) out.push(bare[2]!, norm.slice(1));
  return [...new Set(out)];
}
