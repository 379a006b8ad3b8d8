import { CAPTION } from "./boilerplate.ts";
import { CLAUSE_WORDS, DANGLING, MARK, opensSomething, NAME_LINK, NAME_MARKERS, NUMBER_WORD, PLACE_ADJUNCT, PREPOSITIONS, TITLE_WORDS, TRAILING_PARTICIPLE, bare, closes, count } from "./title-words.ts";
import { APPOSITION_HEAD, definiteWord, dropNameChains } from "./title-names.ts";

/**
 * A headline derived from the lead for articles imported without one (front matter
 * `titleDerived: true` tells editors to check it). Extractive: only words of the lead, in order,
 * with asides left out. Cut by clause, not by count: an opening time or concessive clause is
 * skipped, a reporting lead («قال X إن …») becomes «X: …», and a long sentence is cut only where
 * a phrase ends (never after a preposition, a number, a name link or a verb that needs its object).
 */
export const TITLE_MIN_WORDS = 5;
/** Longest headline; a lead sentence up to this length is kept whole, a longer one cut near TITLE_CUT_WORDS. */
export const TITLE_MAX_WORDS = 18;
export const TITLE_CUT_WORDS = 16;
/** Hard limit: a long subject (a title chain) may push the object past TITLE_CUT_WORDS. */
export const TITLE_LIMIT_WORDS = 24;
/** How far a cut may look past the window for a phrase end before it settles for a shorter prefix. */
const TITLE_LOOK_PAST_WORDS = 20;
/** A headline longer than this (besides an `X:` prefix) is cut at a clause boundary when there is one. */
export const TITLE_TARGET_WORDS = 13;

const DAYS = "السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة";
const PART_OF_DAY = "يوم|مساء|صباح|ظهر|فجر|ليلة|عصر|ظهيرة|مساء يوم|صباح يوم|ظهر يوم";

// Time asides: `، يوم الثلاثاء،`, `أمس`, `مساء أمس الأول`, `(الثلاثاء)`, `اليوم الأحد`.
const TIME_WORDS = [
  new RegExp(`(?<=\\s|^)(?:(?:${PART_OF_DAY})\\s+)?(?:أول|اول)\\s+(?:من\\s+)?(?:أمس|امس)(?:\\s+(?:${DAYS}))?(?=[\\s،,.]|$)`, "gu"),
  new RegExp(`\\s*[،,]\\s*(?:(?:${PART_OF_DAY})\\s+)?(?:اليوم|أمس|امس|${DAYS})(?:\\s+(?:${DAYS}|الأول|الماضي|المقبل|الفائت))?\\s*[،,]\\s*`, "gu"),
  new RegExp(`\\s*\\((?:${DAYS}|أمس|اليوم)[^()]{0,20}\\)`, "gu"),
  new RegExp(`(?<=\\s|^)(?:(?:من\\s+)?(?:${PART_OF_DAY})\\s+)?(?:أمس|امس)(?:\\s+(?:الأول|الاول|${DAYS}))?(?=[\\s،,.]|$)`, "gu"),
  // `في الساعات الأولى من اليوم الجمعة،`: the من goes with it.
  new RegExp(`(?<=\\s|^)(?:من\\s+)?(?:(?:${PART_OF_DAY})\\s+)?اليوم\\s+(?:${DAYS})(?=[\\s،,.]|$)`, "gu"),
  new RegExp(`(?<=\\s|^)(?:${PART_OF_DAY})\\s+(?:${DAYS})(?:\\s+(?:الماضي|المقبل|القادم))?(?=[\\s،,.]|$)`, "gu"),
  /(?<=\s|^)(?:مؤخرا|مؤخراً|حاليا|حالياً)(?=[\s،,.]|$)/gu,
  new RegExp(`(?<=\\s|^)(?:مساء|صباح|ظهر|فجر|ليلة|عصر)\\s+(?:اليوم|الغد|غد)(?=[\\s،,.]|$)`, "gu"),
  new RegExp(`(?<=\\s|^)ليل(?:ة)?\\s+(?:${DAYS})(?:\\s+(?:${DAYS}))?(?=[\\s،,.]|$)`, "gu"),
  /\s*[،,]\s*(?:الشهر|الأسبوع|العام)\s+(?:القادم|المقبل|الماضي|الجاري|الحالي)\s*[،,]\s*/gu,
  /(?<=\s|^)اعتبارا\s+من\s+(?:اليوم|الغد|غد)(?=[\s،,.]|$)/gu,
  // `يوم غد الجمعة`, `البارحة`, `اليوم،` after the subject.
  new RegExp(`(?<=\\s|^)(?:(?:(?:بدءا|بدءاً|ابتداء|ابتداءً|اعتبارا|اعتباراً)\\s+)?(?:من|في|حتى|منذ)\\s+)?(?:يوم\\s+)?(?:غدا|غداً|غد|غدٍ)\\s+(?:${DAYS})(?=[\\s،,.]|$)`, "gu"),
  /(?<=\s|^)البارحة(?=[\s،,.]|$)/gu,
  // A bare day name after the verb's phrase (`شن غارات جوية السبت مواقع …`), not one a preposition or a time word governs.
  new RegExp(`(?<=[^\\s،,.:]{3,}\\s)(?<!(?:في|من|إلى|الى|حتى|منذ|يوم|مساء|صباح|ليلة|ليل|فجر|ظهر|عصر|أمس|امس|اليوم|غد|غدا|قبل|بعد|و|أو|حتى|مطلع|نهاية|صلاة|خطبة|خطب|سوق|صدمة|أحداث|مظاهرات|تظاهرات)\\s)(?:${DAYS})(?=\\s+(?!الماضي|الماضية|المقبل|المقبلة|القادم|القادمة|الفائت|المنصرم|\\p{Nd})[^\\s،,.])`, "gu"),
  // `وصل الوزير اليوم إلى …`: a bare اليوم between the subject and a preposition.
  /(?<=\S\s)(?<!(?:في|من|إلى|الى|حتى|منذ|هذا|مثل|لهذا|بهذا|نهاية|بداية|صباح|مساء)\s)اليوم(?=\s+(?:إلى|الى|في|من|على|مع|عن|معالي|سعادة|فخامة|سمو|صاحب|صاحبة)\s)/gu,
  // `تعقد الحكومة اليوم اجتماعا`, `عقدها اليوم بالإجماع`: a bare اليوم before a word that is not its adjective.
  /(?<=[^\s،,.:]{2,}\s)(?<!(?:في|من|إلى|الى|حتى|منذ|هذا|مثل|لهذا|بهذا|نهاية|بداية|صباح|مساء|ظهر|عصر|فجر|ليلة|صحيفة|لصحيفة|جريدة|لجريدة|عين|و|أو|حتى|طوال|طيلة|الصادرة|الصادر|حديثي|حديثه)\s)اليوم(?=\s+(?!ال|لل)[^\s،,.]{2,})/gu,
  // `الأسبوع الماضي` as an aside (not the object of a preposition: `خلال الأسبوع الماضي` stays).
  /(?<=\S\s)(?<!(?:في|خلال|منذ|من|حتى|مطلع|نهاية|بداية|منتصف|أواخر|أوائل|طوال|طيلة|إلى|الى)\s)(?:الأسبوع|الشهر|العام)\s+(?:الماضي|المنصرم|الفائت)(?=[\s،,.]|$)/gu,
  // `خلال الأشهر الخمسة الماضية`, `خلال 48 ساعة الماضية` between the verb and its object: a time aside
  // (a plural or counted span; `خلال الأسبوع الماضي` stays).
  /(?<=\S\s)خلال\s+(?:ال)?(?:\p{Nd}+\s+)?(?:ساعة|ساعات|الساعات|يوما|يوماً|أيام|الأيام|أسابيع|الأسابيع|أشهر|الأشهر|شهور|الشهور|الشهرين|اليومين|السنوات|الأعوام|سنوات|أعوام)(?:\s+(?!الماضية|الماضي|الأخيرة|الأخير)\S+)?\s+(?:الماضية|الماضي|الأخيرة|الأخير|المنصرمة|المنصرم)(?=\s+[^\s،,.]+\s+[^\s،,.]+)/gu,
  // A date span: `خلال الفترة من الرابع وحتى 15 أغسطس من الشهر المقبل`.
  /(?<=\s|^)(?:خلال\s+)?الفترة\s+من\s+[^\s،,.]+(?:\s+[^\s،,.]+)?\s+(?:و?حتى|و?إلى|و?الى)\s+[^\s،,.]+(?:\s+(?:يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|محرم|صفر|رجب|شعبان|رمضان|شوال))?(?:\s+(?:من\s+)?(?:الشهر|العام)\s+(?:المقبل|الجاري|القادم|الحالي))?(?=[\s،,.]|$)/gu,
];

// Honorific chains and pious asides: `صاحب السمو الملكي الأمير` → `الأمير`.
const HONORIFICS = [
  /(?<=\s|^)خادم الحرمين الشريفين\s+(?=الملك)/gu,
  /(?<=\s|^)(?:صاحب|صاحبة)\s+(?:السمو(?:\s+الملكي)?|المعالي|السعادة|الفضيلة|السماحة)\s+/gu,
  /(?<=\s|^)(?:معالي|سعادة|فضيلة|سماحة|سمو|فخامة|دولة(?=\s+رئيس))\s+(?=\S)/gu,
  /\s*[-–—ـ]\s*(?:حفظه|يحفظه|رعاه|أيده|رحمه)\s+الله\s*[-–—ـ]\s*/gu,
  /\s*[،,]?\s*(?:حفظه|يحفظه|رعاه|أيده|رحمه)\s+الله(?=[\s،,.]|$)/gu,
];

// Courtesy markers dropped once the name chains are read (they mark where a name starts).
const COURTESY = /(?<=\s|^)(?:الأستاذ|المهندس|الشيخ الدكتور)\s+(?=\S)/gu;

// Openings that are a time or concessive clause, not the news: skipped up to their comma.
const OPENING_CLAUSE = /^(?:و?(?:على صعيد|في سياق|في ضوء|بعد|قبل|رغم|برغم|بالرغم|على الرغم|في الوقت الذي|في ظل|وسط|عقب|إثر|اثر|منذ|خلال|مع|في إطار|ضمن|تزامنا|تزامناً|بمناسبة|نظرا|نظراً|بناء على|بناءً على|في حين|فيما|بينما|لليوم|للمرة|في خطوة|في سابقة|على خلفية|في أعقاب|قبيل|بعيد|حين|عندما|لما|إذا|وفي|في|إنفاذا|إنفاذًا|إنفاذاً|تنفيذا|تنفيذًا|تنفيذاً|استجابة|حرصا|حرصًا|حرصاً|انطلاقا|انطلاقًا|انطلاقاً|برعاية|تحت رعاية|بحضور|وفقا|وفقًا|وفقاً|بتوجيه|بتوجيهات))\s/u;

// Reporting verbs (masculine and feminine, with و/ف): the lead «VERB X أن …» becomes «X: …».
// Not a denial (نفى، نفت): «X: …» would assert what X denied; such a lead keeps its verb.
const REPORT_VERBS =
  "قال|قالت|أكد|أكدت|اكد|اكدت|أعلن|أعلنت|اعلن|اعلنت|أوضح|أوضحت|كشف|كشفت|ذكر|ذكرت|أشار|أشارت|صرح|صرّح|صرحت|أفاد|أفادت|رأى|رأت|اعتبر|اعتبرت|توقع|توقعت|شدد|شددت|حذر|حذرت|لفت|لفتت|بين|بيّن|بينت|أفصح|أفصحت|أقر|أقرت|زعم|زعمت|يرى|ترى|يؤكد|تؤكد|أبلغ|أبلغت|أضاف|أضافت|نقل|نقلت|أوردت|أورد|أظهر|أظهرت";
const REPORT = new RegExp(
  `^[وف]?(?:${REPORT_VERBS})\\s+(.+?)\\s+(?:إلى|الى|على|عن|من)?\\s*(?:أن|إن|ان|بأن|بان|بأنه|بانه|بأنها|بانها|بأنهم|بانهم|أنهم|انهم|إنهم|أنه|إنه|انه|أنها|إنها|انها|أنّ|إنّ)[:]?\\s+(.+)$`,
  "u",
);
// A lead with no reporting verb that quotes someone (`وكالة الأنباء عن فلان قوله إن …`).
const QUOTING = /^(\S.{2,}?\s+عن\s+.{3,}?\s+(?:قوله|قولها|قولهم|قولهما))\s+(?:إن|أن|ان|إنه|إنها|أنه|أنها)\s+(.+)$/u;
// A reported subject longer than this is taken for no subject (the أن belongs to something else).
const SUBJECT_MAX_WORDS = 36;
// Inside the reported subject: where it stops being the subject (`لـ«الشرق الأوسط»`, `في بيان`, `خلال لقائه`).
const SUBJECT_END = new RegExp(`^(?:لـ?«|لـ?"|لـ?”|لوكالة|لصحيفة|لجريدة|لقناة|لموقع)|^(?:نقلا|نقلاً|التي|الذي|الذين|خلال|أثناء|اثناء|لدى|عبر|أمام|امام|عقب|بعد|قبل|ضمن|على|عن|من|أمس|امس|اليوم|يوم|مساء|صباح|ظهر|${DAYS})$`, "u");

// `عدد من …`, `بعض …`: the subject goes on past its `من`.
const QUANTIFIER = /^(?:عدد|مجموعة|بعض|أحد|إحدى|عشرات|مئات|آلاف|كثير|جملة|عدة)$/u;

// `في بيان`, `في تصريح`: where the reported subject ends.
const STATEMENT = /^(?:خطبة|خطبته|محاضرة|ندوة|أول|اول|بيان|تصريح|تصريحات|حديث|مؤتمر|كلمة|لقاء|اتصال|مقابلة|تقرير|رسالة|تغريدة|حوار|ختام|أعقاب)/u;

/** Headline from the lead paragraph: first sentence, asides out, reporting leads as `X: …`, cut by clause. */
export function deriveTitle(lead: string): string {
  // A web address (an image link the scraper kept) is never headline text, and its `?` is no sentence end.
  let s = firstSentence(lead.replace(/\s*(?:https?:\/\/|www\.)\S+/gu, " ").replace(/\s+/g, " ").trim());
  // A time aside often closes the subject (`دشن الأمير … بالمنطقة مساء أمس، مهرجان …`): it leaves a
  // mark that the title-chain rule reads and that goes before the cut.
  for (const re of TIME_WORDS) s = s.replace(re, ` ${MARK} `);
  // `… المقدسة اليوم، حريقاً`: the comma after the subject's time aside goes too, unless it closes
  // a circumstance that opened before it (`عقب صلاة العشاء اليوم، في المسجد`).
  s = s.replace(new RegExp(`(?<=\\S\\s)(?<!(?:في|من|إلى|الى|حتى|منذ|هذا|مثل)\\s)اليوم\\s*(?:${MARK}\\s*)?([،,])(?=\\s*\\S)`, "gu"), (_m, comma: string, at: number, all: string) =>
    new RegExp(`(?:^|\\s)${CIRCUMSTANCE_WORDS}\\s[^،,.]*$|[،,]\\s*$`, "u").test(all.slice(Math.max(0, at - 80), at)) ? ` ${MARK}${comma} ` : ` ${MARK} `);
  // `، اليوم (الجمعة)، `: the commas that enclosed a time aside go with it.
  // One stays when it closes a relative clause or description (`، الذي يحاكم …، أمس، عامه`).
  s = s.replace(new RegExp(`[،,]\\s*${MARK}(?:\\s*${MARK})*\\s*[،,]`, "gu"), (_m, at: number, all: string) =>
    /[،,]\s*(?:الذي|التي|الذين|و?هو|و?هي|وهم)\s[^،,]*$/u.test(all.slice(0, at)) || ASIDE_OPENER.test(all.slice(0, at)) ? `، ${MARK} ` : ` ${MARK} `);
  s = s.replace(/(?<=\s|^)ل(?:فخامة|معالي|سمو|سعادة|دولة)\s+(ال)?/gu, (_m, al?: string) => (al ? "لل" : "ل"));
  // A reporter's byline glued before the lead (`فلان – عين اليوم (تصوير: …)`).
  s = s.replace(/^[^.،,:\s]+(?:\s+[^.،,:\s]+){0,3}\s*[-–—]\s*(?:عين اليوم|الوئام|سبق|واس)\s*(?:\(تصوير[^)]*\))?\s+(?=\S)/u, "");
  for (const re of HONORIFICS) s = s.replace(re, (m) => (m.startsWith(" ") || /^\s*[-–—ـ،,]/u.test(m) ? " " : ""));
  s = s.replace(/\s+([،,.])/g, "$1").replace(/[،,]\s*[،,]/g, "،").replace(/\s+/g, " ").trim();
  // `بحمد الله نجح فريق طبي …`: a pious opener is no part of the news.
  s = s.replace(/^(?:بحمد الله|بفضل الله|بفضل من الله|بعون الله|بتوفيق الله|بتوفيق من الله)(?:\s+(?:تعالى|وتوفيقه|وعونه))?(?:\s+ثم\s+[^\s،,]+(?:\s+[^\s،,]+)?)?\s*[،,]?\s+(?=\S+\s+\S+\s+\S+)/u, "");
  s = dropCircumstance(s);
  s = dropNameChains(s).replace(COURTESY, "");
  s = s.replace(new RegExp(`\\s*${MARK}\\s*`, "gu"), " ").replace(/\s+([،,.])/g, "$1").replace(/[،,]\s*[،,]/g, "،").replace(/\s+/g, " ").trim();
  s = dropAsides(s);
  s = skipOpeningClause(s);
  const reported = reportingLead(s);
  const head = reported ? reported.slice(0, reported.indexOf(":") + 1).split(" ").length : 0;
  const words = firstClause((reported ?? s).split(" ").filter(Boolean), head);
  let kept = cut(words, head);
  // A headline that would repeat the whole lead paragraph says nothing new above it: cut at a
  // phrase end within four fifths of it when there is one.
  const leadWords = count(lead);
  if (kept.length >= 0.9 * leadWords && leadWords >= 12) {
    const shorter = cut(kept, head, Math.floor(kept.length * 0.8), 0, true);
    if (shorter.length < kept.length && shorter.length >= 7) kept = shorter;
  }
  // Length target: news headlines run to about a dozen words; a longer one ends at a clause
  // boundary (a comma, `حيث`, `الذي`, `وذلك` …) when one leaves at least nine words.
  if (kept.length > TITLE_TARGET_WORDS + head && !/[؟?]$/u.test(kept[kept.length - 1]!)) {
    const shorter = cut(kept, head, TITLE_TARGET_WORDS + head, 0, true, true);
    if (shorter.length < kept.length && shorter.length >= 9) kept = shorter;
  }
  // Never end on a number cut from its noun (`… من 20`).
  while (kept.length > Math.max(5, head + 3) && /^\p{Nd}[\p{Nd}.,]*$/u.test(kept[kept.length - 1]!) && PREPOSITIONS.has(bare(kept[kept.length - 2]!))) kept.splice(-2);
  // Never end on a word that opens something (`فيما`, `كانوا`, a preposition).
  while (kept.length > Math.max(3, head + 2) && (opensSomething(kept[kept.length - 1]!) || TRAILING_PARTICIPLE.test(bare(kept[kept.length - 1]!)))) kept.pop();
  const all = (reported ?? s).split(" ").filter(Boolean);
  kept = completeGoverned(kept, all, head);
  kept = completeVerbComplement(kept, all, head);
  kept = completePredicate(kept, all, head);
  // `… إلى تدويل القضية للتخلص | من …`: a purpose or coordinated masdar cut from its preposition goes.
  while (kept.length > Math.max(7, head + 4) && kept.every((w, i) => all[i] === w) && /^(?:لل|بال|وال[تإا])\S{3,}$/u.test(bare(kept[kept.length - 1]!)) && !/[^ا]ية$/u.test(bare(kept[kept.length - 1]!)) && closes(kept[kept.length - 2]!) && !/^(?:بدء|ابتداء)/u.test(bare(kept[kept.length - 2]!)) && /^(?:من|إلى|الى|على|مع|عن)$/u.test(bare(all[kept.length] ?? ""))) kept.pop();
  // A time word left at the end (`… بمحافظة ديالى الجمعة`), not one a preposition governs.
  while (kept.length > Math.max(6, head + 3) && new RegExp(`^(?:اليوم|أمس|امس|${DAYS})$`, "u").test(bare(kept[kept.length - 1]!)) && !PREPOSITIONS.has(bare(kept[kept.length - 2]!)) && !/^(?:يوم|صلاة|خطبة|مساء|صباح|ليلة|هذا|لهذا|بهذا|منذ|حتى|الصادرة|الصادر)$/u.test(bare(kept[kept.length - 2]!))) kept.pop();
  kept = dropOpenList(kept, all, head);
  return tidy(joinSpeaker(dropLeadingConjunction(dropLoneComma(kept, head)), head).join(" "));
}

/**
 * `… برفقة أندية الرائد والحزم | ونجران والجيل`, `…، شملت كلا من الدائر | وهروب …`: a headline cut inside
 * a list goes back to before the word that opens the list (with its comma), when enough is left.
 */
function dropOpenList(kept: string[], all: string[], head: number): string[] {
  if (kept.length >= all.length || !kept.every((w, i) => all[i] === w) || !/^و\S{2,}/u.test(all[kept.length]!)) return kept;
  for (let b = kept.length - 1; b >= Math.max(head + 5, kept.length - 8, 6); b--) {
    if (!/^(?:برفقة|بمشاركة|بينهم|منهم|شملت|شمل|تشمل|يشمل|وشملت|وشمل)$/u.test(bare(kept[b]!))) continue;
    const out = /[،,]$/u.test(kept[b - 1]!) ? prefix(kept, b) : kept.slice(0, b);
    // `جولته الخليجية التي | تشمل …`: what opened the list's clause goes too.
    while (out.length > head + 4 && opensSomething(out[out.length - 1]!)) out.pop();
    return out;
  }
  return kept;
}

/**
 * A headline carries no comma between its subject and its object (`نفذ الائتلاف الدولي بقيادة أميركية، 17
 * غارة`): a lone comma before a preposition, a number or a ب/ل-phrase goes; a short descriptive clause
 * after it (`… 130 وظيفة شاغرة، ترغب الجامعة في شغلها`) goes with it.
 */
function dropLoneComma(kept: string[], head: number): string[] {
  const commas = kept.map((w, i) => (/[،,]$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (commas.length !== 1) return kept;
  const at = commas[0]!;
  const rest = kept.slice(at + 1);
  // Not after a quote (`"إيران جننتكم"، في الحقيقة …`), nor before a word that opens a clause of its own.
  if (at < head + 2 || rest.length < 2 || /[»"”]/u.test(kept[at]!)) return kept;
  const next = bare(rest[0]!);
  if ((/^[وف]\S/u.test(next) && next !== "في") || /^(?:للأسف|بينما|بعدما|بعد|لكن|لكنه|لكنها|لأن|لانه|لأنه|لذلك|لذا|ليس|ليست|بل)$/u.test(next)) return kept;
  // The trailing clause goes only after a whole news clause (a lead verb, or a speaker's words).
  const whole = head > 0 || new RegExp(`^${LEAD_VERBS}$`, "u").test(bare(kept[0]!));
  if (whole && /^[يت](?!ال)\S{2,}$/u.test(next) && !/(?:ة|ات|ية)$/u.test(next) && rest.length <= 5 && at + 1 - head >= 8) return prefix(kept, at + 1);
  if (PREPOSITIONS.has(next) || /^\p{Nd}/u.test(next) || /^[بل](?!ين$)\S{3,}$/u.test(next)) return [...prefix(kept, at + 1), ...rest];
  return kept;
}

/** `ولا يوجد …` → `لا يوجد …`, `فإن الدراسات …` → `الدراسات …`: a headline does not open on a conjunction. */
function dropLeadingConjunction(kept: string[]): string[] {
  if (kept.length < 5) return kept;
  const first = kept[0]!;
  if (/^(?:فإن|وإن|فان|إن|ان)$/u.test(first) && /^(?:[وبلك]?ال|لل)\S{2,}/u.test(bare(kept[1]!))) return kept.slice(1);
  if (/^[وف](?:لا|لم|لن|قد|في|كان|كانت|هو|هي|هذا|هذه|يوجد|توجد)$/u.test(first)) return [first.slice(1), ...kept.slice(1)];
  return kept;
}

/**
 * `تركيا: ستطلق قريبا هجوما …` → `تركيا ستطلق قريبا هجوما …`: when what the speaker said opens with
 * a future or intention verb (the speaker is its subject), the headline needs no colon.
 */
function joinSpeaker(kept: string[], head: number): string[] {
  if (head === 0 || kept.length < head + 2 || !/:$/u.test(kept[head - 1]!)) return kept;
  const verb = bare(kept[head]!);
  const next = bare(kept[head + 1]!);
  const future = /^س[يت][^\sاةى]\S{1,4}$/u.test(verb) && !/(?:ة|ات|هم|ها)$/u.test(verb);
  const intends = /^(?:ينوي|تنوي|يعتزم|تعتزم|يعتزمون|يرفض|ترفض|يطالب|تطالب|يطالبون)$/u.test(verb);
  const negated = /^(?:لم|لن)$/u.test(verb) && /^[يت]\S{2,}$/u.test(next) && !/^(?:يكن|تكن|يكون|تكون|يعد|تعد)$/u.test(next);
  // `سيستفيد حجاج …`: a verb whose subject follows it is not the speaker's.
  if (!(future || intends || negated) || /^(?:ستكون|سيكون|ستشهد|سيشهد)$/u.test(verb)) return kept;
  return [...kept.slice(0, head - 1), kept[head - 1]!.replace(/:$/u, ""), ...kept.slice(head)];
}

// Verbal nouns and participles that govern a preposition (`السيطرة على`, `الخارجة عن`): a headline
// never stops between them.
const GOVERNS: Record<string, string> = {
  سيطرة: "على", حصول: "على", قدرة: "على", قضاء: "على", عثور: "على", توقيع: "على", موافقة: "على", هجوم: "على", رد: "على", تغلب: "على", اعتداء: "على", تعدي: "على", قبض: "على", حفاظ: "على", تأكيد: "على", اطلاع: "على", إشراف: "على",
  انتقال: "إلى", توصل: "إلى", وصول: "إلى", عودة: "إلى", دعوة: "إلى", انضمام: "إلى", لجوء: "إلى", سعي: "إلى", إحالة: "إلى",
  خارجة: "عن", خارجين: "عن", خارج: "عن", كشف: "عن", إفراج: "عن", بحث: "عن", إعلان: "عن", تخلي: "عن", تنازل: "عن", دفاع: "عن", عجز: "عن", غياب: "عن", مسؤول: "عن", مسؤولية: "عن", مسؤولة: "عن",
  تعاقد: "مع", تعامل: "مع", تعاون: "مع", تفاوض: "مع", تحالف: "مع",
  خروج: "من", انسحاب: "من", تحرير: "من", تمكن: "من", استفادة: "من", تحذير: "من", حرمان: "من",
  تحقيق: "في", مشاركة: "في", مساهمة: "في", نظر: "في", تدخل: "في", استثمار: "في", كائن: "في", كائنة: "في",
  // A quantity cut from what it counts (`تظهر فيها مجموعة | من فساتينها`).
  مجموعة: "من", واحدة: "من", واحد: "من", كثير: "من", عديد: "من", عدد: "من", مزيد: "من", عشرات: "من", مئات: "من", آلاف: "من",
  // `شريط الفيديو الخاص | بقضية …`: بـ is glued to its noun.
  خاص: "بـ", خاصة: "بـ", متعلق: "بـ", متعلقة: "بـ",
};
const governed = (w: string): string | undefined => GOVERNS[bare(w).replace(/^(?:و?(?:بال|لل|كال|فال|ال)|[بل])(?=\S{3,})/u, "")];

/**
 * `… من أجل السيطرة | على بلدتي الفوعة وكفريا` → through the preposition's object: a governed
 * preposition completes the phrase (up to five words more, within the hard limit).
 */
function completeGoverned(kept: string[], all: string[], head: number): string[] {
  if (kept.length < 3 || kept.length >= all.length || !kept.every((w, i) => all[i] === w)) return kept;
  // `تعاقده رسميا | مع`: a pronoun on the noun, an adverb after it.
  const adverb = kept.length > 3 && /^\S{3,}يا[ً]?$/u.test(bare(kept[kept.length - 1]!)) && !/^(?:[وفبلك]?ال)/u.test(bare(kept[kept.length - 1]!));
  // `قدرة الطلاب | على`: the noun with its genitive.
  const wants = (w: string) => governed(w) ?? governed(bare(w).replace(/(?:ه|ها|هم|هما)$/u, ""));
  const genitive = !adverb && !wants(kept[kept.length - 1]!) && kept.length > 3 && /^(?:ال|لل)\S{2,}/u.test(bare(kept[kept.length - 1]!)) && !/^(?:[وفبلك]?ال|لل)/u.test(bare(kept[kept.length - 2]!));
  const want = wants(kept[kept.length - (adverb || genitive ? 2 : 1)]!);
  const next = bare(all[kept.length]!).replace(/^الى$/u, "إلى");
  const follows = want === "بـ" ? /^ب(?!ين$)\S{3,}/u.test(next) : next === want;
  // A coordinated one (`، والإعلان | عن`) is dropped instead, below.
  if (!want || !follows || /[،,؛;:]$/u.test(kept[kept.length - 1]!) || (/^و/u.test(kept[kept.length - 1]!) && !/^واحد/u.test(kept[kept.length - 1]!))) return kept;
  const e = phraseEnd(all, kept.length, 2, 6);
  if (e !== undefined && e <= TITLE_LIMIT_WORDS + head) return prefix(all, e);
  return kept;
}

// Lead verbs whose complement opens with a preposition (`عزا X انخفاض الذهب إلى …`, `حذر X من …`).
const VERB_GOVERNS: Record<string, string> = {
  عزا: "إلى", عزت: "إلى", دعا: "إلى", دعت: "إلى", أغلق: "على", أغلقت: "على", حصل: "على", حصلت: "على", تحفظ: "على", تحفظت: "على", تحفّظ: "على",
  حذر: "من", حذرت: "من", حذّر: "من", حذّرت: "من", اقترب: "من", اقتربت: "من", أسفر: "عن", أسفرت: "عن", أعرب: "عن", أعربت: "عن", خضع: "إلى", خضعت: "إلى", نجح: "في", نجحت: "في", تمكن: "من", تمكنت: "من", تعاقد: "مع", تعاقدت: "مع",
};

/** The first `e` words, without the punctuation that closed the last one. */
const prefix = (all: string[], e: number): string[] => all.slice(0, e).map((x, i) => (i === e - 1 ? x.replace(/[،,؛;:]$/u, "") : x));

/** The first phrase end from `from` (at least `least` words in), up to `most` words: a boundary after a closed word, else the last closed word. */
function phraseEnd(all: string[], from: number, least: number, most: number): number | undefined {
  let fallback: number | undefined;
  for (let e = from + least; e <= Math.min(all.length, from + most); e++) {
    const last = all[e - 1]!.replace(/[،,؛;:]$/u, "");
    const after = bare(all[e] ?? "");
    if (DANGLING.has(bare(last)) || PREPOSITIONS.has(bare(last)) || NAME_LINK.test(after) || bare(last).length < 2) continue;
    if (e === all.length || /[،,؛;:]$/u.test(all[e - 1]!) || PREPOSITIONS.has(after) || /^(?:بـ?|هي|هو|هم)$/u.test(after) || CLAUSE_WORDS.has(after) || /^و\S{2,}/u.test(all[e]!)) return e;
    // A definite word not followed by its adjective or genitive (`عن المخدرات | إبان`) ends the phrase.
    if (closes(last) && !/^\p{Nd}/u.test(all[e] ?? "")) {
      if (/^(?:[وفبلك]?ال|لل)\S{2,}/u.test(bare(last)) && !/^(?:ال|لل|بال)\S{2,}/u.test(after)) return e;
      fallback = e;
    }
  }
  return fallback;
}

/** `عزا X انخفاض سعر الذهب | إلى خفض الصين …`: a lead verb's prepositional complement is kept. */
function completeVerbComplement(kept: string[], all: string[], head: number): string[] {
  if (head > 0 || kept.length >= all.length || !kept.every((w, i) => all[i] === w)) return kept;
  const want = VERB_GOVERNS[bare(all[0]!).replace(/^[وف](?=\S{3,})/u, "")];
  const norm = (w: string) => bare(w).replace(/^الى$/u, "إلى");
  if (!want || kept.slice(1).some((w) => norm(w) === want)) return kept;
  const j = all.findIndex((w, i) => i >= kept.length && norm(w) === want);
  if (j < 0 || j + 2 > TITLE_LIMIT_WORDS || all.slice(kept.length - 1, j - 1).some((w) => /[؛;:.]$/u.test(w) || /[،,]$/u.test(w))) return kept;
  const e = phraseEnd(all, j, 2, 6);
  if (e === undefined || e > TITLE_LIMIT_WORDS) return kept;
  return prefix(all, e);
}

// A reported nominal clause's predicate: a copula pronoun, a future or imperfect verb.
// Past verbs that head a reported clause's predicate (`اللقاء الذي جمع … حمل ثلاث رسائل`).
const PAST_PREDICATE = /^(?:كان|كانت|حمل|حملت|أخذ|أخذت|جاء|جاءت|بلغ|بلغت|شهد|شهدت|تجاوز|تجاوزت|سجل|سجلت|ظل|ظلت|أدى|أدت|أسهم|أسهمت|ساهم|ساهمت)$/u;
const COPULA_OR_VERB = /^(?:هي|هو|هم|ستكون|سيكون|س[يت][^\sاةى]\S{1,3}(?<!ة|ات|هم|ها)|لن|لم|باتت|بات|أصبح|أصبحت)$/u;

/**
 * `فيفا: مباريات الدور ربع النهائي من مونديال روسيا | 2018 ستقام في أربع مدن` → through the
 * predicate: a reported nominal clause cut before its predicate goes on to the phrase after it.
 */
function completePredicate(kept: string[], all: string[], head: number): string[] {
  if (head === 0 || kept.length >= all.length || !kept.every((w, i) => all[i] === w)) return kept;
  const said = all.slice(head);
  // Only a clause that opens with a noun: definite, or with a noun's ending (`قطعة`, `مباريات`).
  const first = bare(said[0]!);
  const verbLike = /^(?:[يتن]|س[يت])\S{2,4}$/u.test(first) && !/(?:ة|ات|ين|ون)$/u.test(first);
  if (!/^(?:[وفبلك]?ال|لل)\S{2,}/u.test(first) && (verbLike || /^(?:لن|لم|قد|لا|ما|إن|أن|في|على|من|إلى|الى|عن|مع)$/u.test(first) || /^\S{2,3}ت?$/u.test(first))) return kept;
  if (kept.slice(head).some((w) => COPULA_OR_VERB.test(bare(w)))) return kept;
  // Also a past verb that often heads a predicate, or an imperfect verb right after a definite word
  // (`الشركات … في منطقة الشرق الأوسط | تفشل في …`), not a noun of a verb's shape (`تنمية`, `تقارير`).
  const verbAfterNoun = (w: string, prev: string) =>
    (PAST_PREDICATE.test(w) || (IMPERFECT.test(w) && !/(?:ه|ها|هم|يا|ية|ات|ة|ون|ين|ير)$/u.test(w))) && /^(?:[وفبلك]?ال|لل)\S{2,}/u.test(bare(prev)) && !/[،,]$/u.test(prev);
  const p = said.findIndex((w, i) => i >= 2 && ((COPULA_OR_VERB.test(bare(w)) && !/[،,]$/u.test(said[i - 1]!)) || (head + i <= kept.length + 1 && verbAfterNoun(bare(w), said[i - 1]!))));
  // Not the verb of a relative clause, and near enough to be the first clause's.
  if (p < 0 || p > 14 || head + p < kept.length || said.slice(0, p).some((x) => /[،,؛;(]$/u.test(x)) || /^(?:الذي|التي|الذين)$/u.test(bare(said[p - 1]!))) return kept;
  // A copula's predicate is a noun phrase (`هي جزء من الطائرة …`): at least three words.
  const e = phraseEnd(all, head + p, /^(?:هي|هو|هم)$/u.test(bare(said[p]!)) ? 3 : 2, 7);
  if (e === undefined || e > TITLE_LIMIT_WORDS + head) return kept;
  return prefix(all, e);
}

// A circumstance between the subject and the object: `، خلال لقائه …، والوفد المرافق له،`.
const CIRCUMSTANCE_WORDS = `(?:خلال(?!\\s+(?:الأيام|الأسابيع|الأشهر|الشهر|الشهرين|العام|الأعوام|السنوات|الفترة|الساعات|اليومين|الأسبوعين))|لدى|أثناء|اثناء|عقب|في ختام|على هامش|في كلمة|في تصريح|في تصريحات|في بيان|في حديث|في مؤتمر|في لقاء|في اتصال|في مقابلة)`;
const CIRCUMSTANCE = new RegExp(`(?<=\\S)[،,]?\\s+${CIRCUMSTANCE_WORDS}\\s[^،,.]{3,60}[،,](?:\\s*و[^،,.\\s]+(?:\\s+[^،,.\\s]+){0,3}[،,])?\\s*`, "u");
// A longer one only between two commas (`الوزير، خلال اجتماع عقده مع … في …، بتخصيص`).
const CIRCUMSTANCE_LONG = new RegExp(`(?<=\\S)[،,]\\s*${CIRCUMSTANCE_WORDS}\\s[^،,.]{3,100}[،,]\\s*`, "u");

/** Drops one circumstance aside when a real continuation (3+ words) follows it. */
function dropCircumstance(s: string): string {
  s = s.replace(/(?<=\S)\s+في\s+اتصال\s+هاتفي(?:\s+(?:أجراه|تلقاه)(?:\s+مع)?)?(?=\s+\S+\s+\S+\s+\S+)/u, "");
  const m = CIRCUMSTANCE.exec(s) ?? CIRCUMSTANCE_LONG.exec(s);
  if (!m || m.index === 0) return s;
  // `يشارك المركز، في مؤتمر …`: the verb's complement, not a circumstance.
  if (/^[\s،,]*في\s/u.test(m[0]) && /^[وف]?(?:شارك|شاركت|يشارك|تشارك|يشاركون|ساهم|ساهمت|يساهم|تساهم|أسهم|أسهمت|يسهم|تسهم)\s/u.test(s)) return s;
  const rest = s.slice(m.index + m[0].length);
  return count(rest) >= 3 ? `${s.slice(0, m.index)} ${rest}` : s;
}

// Between two commas after the subject: a relative clause (`، الذي يحاكم في طهران،`) or a
// description (`، حامل لقب الدوري الفرنسي،`, `، السفير السعودي السابق في واشنطن،`).
const ASIDE = /[،,]\s*(?:إضافة\s+إلى|إضافة\s+الى|بالإضافة\s+إلى|بالاضافة\s+الى|الذي|التي|الذين|(?:وهي|وهو)(?=\s+(?!(?:ليس|ليست|لم|لا|ما|قد|بالتالي|أيضا|محافظات)\s)(?![وفبلك]?ال)[^\s،,.]{2,}\s)|حامل|حاملة|رئيس|رئيسة|وزير|وزيرة|عضو|أحد|إحدى|المتحدث|الناطق|السفير|الخبير|المدرب|مدرب|لاعب|نجم|نجمة|مدير|مديرة|أمين|الأمين|المستشار|مستشار|قائد|زعيم|نائب|صاحب|صاحبة|المرشح|مرشح|الممثل|الممثلة|الفنان|الفنانة|المطرب|المطربة|الكاتب|الكاتبة|الباحث|الباحثة|البالغ|البالغة|المعروف|المعروفة|الواقع|الواقعة)\s[^،,.؟!]{2,90}[،,](?!\s*(?:أو|او)\s)\s*/u;
const ASIDE_OPENER = /[،,]\s*(?:الذي|التي|الذين|حامل|حاملة|رئيس|رئيسة|وزير|وزيرة|عضو|أحد|إحدى|المتحدث|الناطق|السفير|الخبير|المدرب|مدرب|لاعب|نجم|نجمة|مدير|مديرة|أمين|الأمين|المستشار|مستشار|قائد|زعيم|نائب|صاحب|صاحبة|المرشح|مرشح|الممثل|الممثلة|الفنان|الفنانة|المطرب|المطربة|الكاتب|الكاتبة|الباحث|الباحثة|البالغ|البالغة|المعروف|المعروفة|الواقع|الواقعة)\s[^،,]*$/u;
// An official's title chain before the prince or king it names: `ولي ولي العهد النائب الثاني … وزير الدفاع الأمير محمد`.
const TITLE_CHAIN = /(?<=^\S+\s)(?:(?:ولي\s+ولي\s+العهد|ولي\s+العهد|النائب\s+(?:الأول|الثاني)\s+لرئيس\s+مجلس\s+الوزراء|نائب\s+رئيس\s+مجلس\s+الوزراء|وزير\s+(?:ال)?\S+|مستشار\s+(?:خادم\s+الحرمين\s+الشريفين|الملك)|أمير\s+منطقة\s+(?:مكة\s+المكرمة|المدينة\s+المنورة|\S+)|رئيس\s+(?:ال)?\S+(?:\s+(?:ال)?\S+)?)\s+){1,5}(?=(?:الأمير|الملك)\s)/u;

/** Drops asides that keep the subject from its verb or the verb from its object, when enough text follows. */
// `- والذي يشغل منصب نائب الرئيس العراقي –`: an aside between two dashes.
const DASH_ASIDE = /\s?[-–—]\s+[^-–—.،,]{3,80}?\s+[-–—]\s?/u;
// `، تجريها الحكومة الشرعية،`: a short clause between commas opened by a present-tense verb.
const VERB_ASIDE = /[،,]\s*[يت](?!ال)\S{2,}(?:\s+[^\s،,.]+){0,4}[،,]\s*/u;

// `المتحدث باسم المجلس، علي الأحمدي، ميليشيات …`: a person's name between commas after the title that names him.
const NAME_ASIDE = /(?<=(?:^|\s)(?:[وفبلك]?ال|لل)[^\s،,]{2,})\s*[،,]\s*(?!(?:ال|شمال|جنوب|شرق|غرب|وسط|جنوبي|شمالي|شرقي|غربي)[^\s]*\s)[^\s،,.:«»"()\d]{2,}(?:\s+[^\s،,.:«»"()\d]{2,}){1,2}\s*[،,]\s*/u;

// `أعرب رئيس المجلس بالإنابة سالم بن حمد العلي، عن …`: a بن-name closed by a comma after the title that names him.
const BIN_NAME_ASIDE = new RegExp(`(?<!(?:الأمير|الملك))\\s+(?:(?:${NAME_MARKERS})\\s+)?(?!(?:ال|الأمير|الملك)\\S*\\s)[^\\s،,.:«»"()\\d]{2,}\\s+(?:بن|بنت)\\s+[^\\s،,.]+(?:\\s+(?:بن|بنت)\\s+[^\\s،,.]+)*(?:\\s+(?:آل\\s+)?[^\\s،,.]+)?\\s*[،,]\\s*`, "u");

/** Drops one person's name between the title that names him and a comma (`NAME_ASIDE`, `BIN_NAME_ASIDE`). */
function dropNameAside(t: string, re: RegExp): string {
  const m = re.exec(t);
  if (!m || m.index === 0) return t;
  const words = m[0].replace(/[،,]/gu, " ").trim().split(/\s+/u);
  if (words.some((x) => (DANGLING.has(bare(x)) && !NAME_LINK.test(bare(x))) || PREPOSITIONS.has(bare(x)) || CLAUSE_WORDS.has(bare(x)) || /^[يت]\S{3,}$/u.test(x) || /^و/u.test(x))) return t;
  // Only after a title that names the person (`رئيس المجلس`, `وزير الخارجية السعودي`).
  const before = t.slice(0, m.index).split(/\s+/u).slice(-6);
  if (!before.some((x) => APPOSITION_HEAD.test(bare(x)) || new RegExp(`^(?:${TITLE_WORDS})$`, "u").test(bare(x)))) return t;
  const rest = t.slice(m.index + m[0].length);
  // A reporting lead keeps its speaker's name (`أكد وزير الإسكان فلان بن فلان، أن …`).
  if (/^(?:أن|إن|ان|أنه|إنه|انه|أنها|إنها|بأن|بأنه)\s/u.test(rest)) return t;
  if (count(rest) < 3 || count(t.slice(0, m.index)) < 3) return t;
  return `${t.slice(0, m.index)} ${rest}`;
}

function dropAsides(s: string): string {
  // A hedge between commas (`قررت، فيما يبدو، خوض …`).
  s = s.replace(/\s*[،,]\s*(?:فيما|على ما|كما)\s+يبدو\s*[،,]\s*/u, " ");
  // `قامت اللجنة وبحضور الرئيس التنفيذي …، بتقديم هدية`: who attended, between the verb and its complement.
  s = s.replace(/(?<=\S)\s+و?(?:بحضور|بمشاركة)\s[^،,.؟!]{3,90}[،,]\s*(?=ب(?!ين\s)\S{3,}(?:\s+\S+){2})/u, " ");
  let t = dropNameAside(dropNameAside(s, NAME_ASIDE), NAME_ASIDE);
  t = dropNameAside(t, BIN_NAME_ASIDE);
  t = t.replace(TITLE_CHAIN, "");
  const dash = DASH_ASIDE.exec(t);
  if (dash && count(t.slice(dash.index + dash[0].length)) >= 3) t = `${t.slice(0, dash.index)} ${t.slice(dash.index + dash[0].length)}`;
  const verb = VERB_ASIDE.exec(t);
  if (verb && count(t.slice(verb.index + verb[0].length)) >= 4 && count(t.slice(0, verb.index)) >= 3) t = `${t.slice(0, verb.index)} ${t.slice(verb.index + verb[0].length)}`;
  for (let i = 0; i < 3; i++) {
    const m = ASIDE.exec(t);
    if (!m || count(t.slice(m.index + m[0].length)) < 4 || count(t.slice(0, m.index)) < 2) break;
    t = `${t.slice(0, m.index)} ${t.slice(m.index + m[0].length)}`;
  }
  return t;
}

// Verbs that open a news lead; after an opening phrase with no comma (`ضمن برامج اللجنة أقام القسم …`)
// the lead starts at the first of them.
const LEAD_VERBS = `(?:قال|قالت|أكد|أكدت|أعلن|أعلنت|اعلن|اعلنت|كشف|كشفت|أوضح|أوضحت|أقام|أقامت|نظم|نظمت|نظّم|نظّمت|بدأ|بدأت|بدات|دشن|دشنت|افتتح|افتتحت|استقبل|استقبلت|وصل|وصلت|أصدر|أصدرت|عقد|عقدت|شارك|شاركت|أطلق|أطلقت|اختتم|اختتمت|تمكن|تمكنت|قام|قامت|قرر|قررت|وقع|وقعت|كرم|كرمت|زار|زارت|التقى|التقت|رعى|رعت|تسلم|تسلمت|سلم|سلمت|وجه|وجهت|انطلق|انطلقت|أجرى|أجرت|ناقش|ناقشت|بحث|بحثت|شهد|شهدت|فاز|فازت|حقق|حققت|قتل|قتلت|أصيب|أصيبت|شنت|شن|أطلقت|سيطر|سيطرت|هاجم|هاجمت|يقيم|تقيم|ينظم|تنظم|يشارك|تشارك|يستضيف|تستضيف|ينطلق|تنطلق|يعقد|تعقد|يبدأ|تبدأ|وافق|وافقت|رفض|رفضت|طالب|طالبت|منح|منحت|لم|لن)`;
const LEAD_VERB_AFTER_PHRASE = new RegExp(`^(?:و?(?:ضمن|على صعيد|في إطار|تحت رعاية|برعاية|بمناسبة|بحضور|في ظل|وسط|تزامنا مع|تزامناً مع|بعد|عقب|إثر|اثر|خلال|قبيل|في أعقاب|على خلفية|للمرة))\\s(?:[^\\s،,.:]+\\s){1,9}?(?<!(?:الذي|التي|الذين|ما|أن|ان|عندما|حين|حيث|لما)\\s)(?=${LEAD_VERBS}\\s)`, "u");

/** `بعد 34 يوما من …، أعلن …` → `أعلن …` when what follows the comma can stand alone. */
function skipOpeningClause(s: string): string {
  if (!OPENING_CLAUSE.test(s)) return s;
  const whilst = whileClause(s);
  if (whilst !== undefined) return whilst;
  const phrase = LEAD_VERB_AFTER_PHRASE.exec(s);
  if (phrase && count(s.slice(phrase[0].length)) >= TITLE_MIN_WORDS + 1 && !/^[^،,]*[،,]/u.test(phrase[0])) return s.slice(phrase[0].length);
  // Concessive: `رغم …، إلا أن X …` → `X …`.
  const concessive = /^و?(?:رغم|برغم|بالرغم|على الرغم)\s[^.؟!]{3,200}?[،,]\s*(?:(?:إلا|الا)\s+(?:أن|ان)(?:ه|ها)?|فإن|فان)\s+(.+)$/u.exec(s);
  if (concessive && count(concessive[1]!) >= TITLE_MIN_WORDS) return concessive[1]!;
  let t = s;
  // The clause may run over several commas while it goes on with a preposition or و (`إنفاذًا لتوجيهات …، بتقديم …، وبإشراف …، وصلت …`).
  for (let i = 0; i < 4; i++) {
    const m = commaOutsideBrackets(t);
    // Nor into a conditional that leans on the opening (`في صيف العراق …، فكلما أعلن …`).
    if (!m || count(m[2]!) < TITLE_MIN_WORDS || /^(?:الذي|التي|الذين|ما|من|ومن|إلا|الا|لكن|حيث|و?إن|و?أن|و(?:هذا|هذه|ذلك|هو|هي|قد|لكن|كان|كانت)|ف?كلما)\s/u.test(m[2]!)) return i === 0 ? s : t;
    t = m[2]!;
    if (!/^(?:و?[بل](?!ال)\S{2,}|و?في|و?على|و?من|و?عبر|و?مع|و?(?:حسب|بحسب|وفق|وفقا|وفقاً)\s|ثم|وكذلك|و(?!قد|قال|أكد|كان|هو|هي)[^\s]{3,}(?:\s+\S+){0,2}\s+(?:[^\s،,]+\s+){0,12}[^\s،,]+[،,]\s)/u.test(`${t} `)) return t;
  }
  return s;
}

/**
 * `فيما طالب X بـ…، انطلقت …` → `طالب X بـ…`: a «while» clause of the press is itself a whole news
 * item, and what follows its comma often leans on it (`فضّل بعضهم …`), so the clause is the headline,
 * up to the comma a new clause follows. Undefined when the lead opens no such clause.
 */
function whileClause(s: string): string | undefined {
  if (!/^و?(?:فيما|بينما)\s+(?!(?:يلي|يخص|يتعلق|يتصل|بعد|قبل|بين|بينها|بينهم|بينهما|في|من|على|إلى|الى|عن|مع|خلال|منذ|لا)\s)(?!(?:[وفبلك]?ال|لل))[^\s،,.]{2,}\s/u.test(s)) return undefined;
  const clause = s.replace(/^و?(?:فيما|بينما)\s+/u, "");
  // It ends at a comma that a new clause follows, not one that closes its subject (`…، رئيس الوزراء … بمكافحة`).
  const m = /[،,]\s*(?!(?:[وفبلك]?ال|لل|[بلك](?!ال)\S{2,}\s|في\s|من\s|على\s|إلى\s|الى\s|عن\s|مع\s))([^\s،,.]+)/u.exec(clause);
  // Nor one after the subject of a verb whose complement is still to come (`دعا رئيس البلدية فلان، السكان إلى …`).
  const want = VERB_GOVERNS[bare(clause.split(" ")[0]!)];
  const before = m && clause.slice(0, m.index).split(" ").map(bare);
  const after = m && clause.slice(m.index + 1).split(/[،,.]/u)[0]!.split(" ").map(bare);
  const pending = !!want && !!before && !before.includes(want) && !!after?.includes(want);
  if (m && !pending && !new RegExp(`^(?:${TITLE_WORDS}|${NAME_MARKERS})$`, "u").test(m[1]!) && count(clause.slice(0, m.index)) > TITLE_MIN_WORDS) return clause.slice(0, m.index);
  return clause;
}

/** `[before, after]` split at the first comma outside brackets and quotes, within 160 characters. */
function commaOutsideBrackets(t: string): [string, string, string] | undefined {
  let depth = 0;
  for (let i = 0; i < Math.min(t.length, 160); i++) {
    const c = t[i]!;
    if (c === "(" || c === "«" || c === "“") depth++;
    else if ((c === ")" || c === "»" || c === "”") && depth > 0) depth--;
    else if ((c === "،" || c === ",") && depth === 0) return i >= 3 ? [t, t.slice(0, i), t.slice(i + 1).trim()] : undefined;
  }
  return undefined;
}

/** `قال مصدر بالحكومة، يوم…، إن الزيارة …` → `مصدر بالحكومة: الزيارة …`; undefined if the lead is not one. */
function reportingLead(s: string): string | undefined {
  const m = REPORT.exec(s.replace(/^\S+/u, (w) => w.replace(/[\u064B-\u0652]/gu, ""))) ?? QUOTING.exec(s);
  if (!m) return undefined;
  // `ترى ما هي المسارات التي يمكن أن …؟`: a question, not a report; `رأى X ضرورة … على أن …`: the verb
  // already has its object, and «على أن» is a condition.
  if (/^(?:ما|من|هل|كيف|لماذا|متى|أين|ماذا)\s/u.test(m[1]!.trim()) || /(?:^|\s)(?:ضرورة|أهمية)\s/u.test(m[1]!)) return undefined;
  // `أكد خطاب … ، بعد أن أشار …`: an أن after بعد/قبل/منذ is no reported statement.
  if (/[،,]\s*و(?:قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|أشار|أشارت)$/u.test(m[1]!.trim())) return undefined;
  if (/(?:^|\s)(?:بعد|قبل|منذ|حتى|دون|بدون|بدا|يبدو)$/u.test(m[1]!.replace(/[،,]\s*$/u, ""))) return undefined;
  // `نقلت الوكالة عن فلان قوله إن …`: the one quoted is the speaker.
  const quoting = /^.{3,}?\s+عن\s+(.{3,}?)\s+(?:قوله|قولها|قولهم|قولهما)$/u.exec(m[1]!.trim());
  if (quoting) m[1] = quoting[1]!;
  // `نقل X تحيات … للمصابين`: نقل reports only what it quotes from someone (`نقلت الوكالة عن …`).
  else if (/^[وف]?نقل/u.test(s) && !/\sعن\s/u.test(` ${m[1]} `)) return undefined;
  if (count(m[1]!) > SUBJECT_MAX_WORDS || (count(m[1]!) > 24 && /[،,:.؛]/u.test(m[1]!)) || /[،,]\s*(?:مشيرا|مشيرة|مؤكدا|مؤكدة|موضحا|موضحة|لافتا|لافتة|مضيفا|مضيفة|مبينا|مبينة)/u.test(m[1]!)) return undefined;
  // The subject runs to its first comma (`قال الرئيس، عبدربه منصور هادي، إن` keeps the name too).
  const segs = m[1]!.replace(/^لـ?\s*["«“][^"»”]+["»”]\s+/u, "").split(/\s*[،,]\s*/u);
  const subjWords = (count(segs[0]!) <= 2 && segs[1] ? `${segs[0]} ${segs[1]}` : segs[0]!).trim().split(" ");
  const end = subjWords.findIndex((w, i) => i > 0 && !(i === 1 && (QUANTIFIER.test(subjWords[0]!) || /^(?:القائمون|القائمين|القائمات)$/u.test(subjWords[0]!))) && (SUBJECT_END.test(w) || (w === "في" && STATEMENT.test(subjWords[i + 1] ?? ""))));
  let subject = (end > 0 ? subjWords.slice(0, end) : subjWords).join(" ").trim().replace(/[:：]+$/u, "");
  // `وزارة الدفاع الأميركية (البنتاجون)`: the short name in brackets is the name a headline uses.
  const alias = /^[^()]{6,}\(([^()\s]+(?:\s[^()\s]+)?)\)$/u.exec(subject);
  if (alias) subject = alias[1]!;
  // A subject with its title chain (`هادي حمود الجبوري قائم مقام الأعظمية التابعة …`): its first phrase.
  if (count(subject) > 12) {
    const sw = subject.split(" ");
    let n = 6;
    const titleWord = new RegExp(`^و?(?:${TITLE_WORDS})$`, "u");
    while (n > 2 && (!/^(?:[وبلك]?ال|لل)/u.test(bare(sw[n - 1]!)) || DANGLING.has(bare(sw[n - 1]!)) || titleWord.test(bare(sw[n - 1]!)) || /^و/u.test(bare(sw[n - 1]!)) || NAME_LINK.test(bare(sw[n] ?? "")))) n--;
    subject = sw.slice(0, n).join(" ");
  }
  let said = m[2]!.trim();
  const open = /^[«"“]/u.exec(said)?.[0];
  if (open) said = said.slice(1).replace(open === "«" ? "»" : open === "“" ? "”" : '"', "").replace(/\s+/g, " ").trim();
  // `الرئيس عبدربه منصور هادي رئيس الجمهورية`: a speaker named by title and name needs no second title.
  const sw = subject.split(" ");
  if (sw.length >= 5 && (APPOSITION_HEAD.test(bare(sw[0]!)) || new RegExp(`^(?:${TITLE_WORDS})$`, "u").test(sw[0]!))) {
    const second = sw.findIndex((x, n) => n >= 3 && APPOSITION_HEAD.test(bare(x)) && !/^(?:بن|بنت|آل|أبو)$/u.test(bare(sw[n - 1]!)) && sw.slice(1, n).some((y) => !definiteWord(y) && !APPOSITION_HEAD.test(bare(y))));
    if (second > 0) subject = sw.slice(0, second).join(" ");
  }
  // `عضو مجلس الشورى السابق والكاتب والإعلامي حمد بن عبدالله القاضي`: a long title chain before a name: the name.
  const nameAtEnd = /(?:^|\s)((?!ال)[^\s]+\s+(?:بن|بنت)\s+[^\s]+(?:\s+(?:بن|بنت)\s+[^\s]+)*(?:\s+(?:آل\s+)?[^\s]+)?)$/u.exec(subject);
  if (nameAtEnd && count(subject) > 8 && count(nameAtEnd[1]!) < count(subject) - 3) subject = nameAtEnd[1]!;
  said = dropRelativeBeforePredicate(said, count(subject));
  if (count(subject) === 0 || count(subject) > 12 || count(said) < 3 || /[«"“]/.test(subject) && !/[»"”]/.test(subject)) return undefined;
  return `${subject}: ${said}`;
}

// Words that start the predicate of a nominal clause (`… باتت صعبة`, `… لن تمر`, `… غير مقبول`).
// Not a verb of quantity (بلغ، تجاوز، سجل): dropping the relative clause before it changes what is counted.
const PREDICATE = /^(?:لن|لم|سوف|قد|باتت|بات|أصبح|أصبحت|أصبحوا|صار|صارت|ستكون|سيكون|غير|ليس|ليست|ليسوا|كان|كانت|كانوا|حمل|حملت|أخذ|أخذت|جاء|جاءت|شهد|شهدت|ظل|ظلت)$/u;
// An imperfect or future verb (`يهدف`, `سيضع`), not a noun of the same shape (`تمريره`, `تركيا`, `تنظيم`).
const IMPERFECT = /^(?:[يت]|س[يت])[^\sا][^\s]{1,4}$/u;

/**
 * `المهمة التي يقوم بها الجيش على الحدود باتت صعبة` → `المهمة باتت صعبة`: in a reported nominal
 * clause too long for a headline, a relative clause between its subject and its predicate goes.
 */
export function dropRelativeBeforePredicate(said: string, subjectWords: number): string {
  const w = said.split(" ");
  if (subjectWords + w.length <= TITLE_MAX_WORDS) return said;
  const rel = w.findIndex((x) => /^(?:الذي|التي|الذين)$/u.test(bare(x)));
  if (rel < 1 || rel > 6 || PREPOSITIONS.has(bare(w[0]!)) || w.slice(0, rel).some((x) => /[،,:]$/u.test(x))) return said;
  for (let n = rel + 2; n < Math.min(w.length - 1, rel + 22); n++) {
    const x = bare(w[n]!);
    const prev = bare(w[n - 1]!);
    // The relative clause's own verb (right after الذي/التي) and a verb after a preposition are not it.
    if (/^(?:الذي|التي|الذين|ما|أن|ان|لكي|كي|حتى|ل)$/u.test(prev) || PREPOSITIONS.has(prev) || /[.؟!]$/u.test(w[n - 1]!)) continue;
    // A verb-shaped word is the predicate only after a definite word closed the relative clause (`… البلاد يهدف`).
    const verb = IMPERFECT.test(x) && /^(?:[وفبلك]?ال|لل)/u.test(prev) && !/[،,]$/u.test(w[n - 1]!) && !/(?:ه|ها|يا|ية|ات|ة|ون|ين)$/u.test(x);
    if (PREDICATE.test(x) || verb) return [...w.slice(0, rel), ...w.slice(n)].join(" ");
  }
  return said;
}

/**
 * Words to keep: all if short enough; else the latest clause boundary that leaves a closed phrase,
 * else the latest preposition boundary, else the longest closed prefix. `head`: words of an
 * `X:` prefix that a cut must not reach into.
 */
function cut(words: string[], head: number, max: number = TITLE_CUT_WORDS, slack = TITLE_MAX_WORDS - TITLE_CUT_WORDS, boundaryOnly = false, clauseOnly = false): string[] {
  if (words.length <= max + slack) return words;
  // Long enough to hold the predicate and its object: a verb-first lead's subject alone often runs to 8 words,
  // and a comma after it (`استنكر الأمين العام … الزياني، بشدة تصريحات …`) is followed by the object.
  let min = Math.max(9, head + 6);
  const subjectComma = words.slice(0, 14).findIndex((w) => /[،,؛;]$/u.test(w));
  if (head === 0 && subjectComma >= 2 && !/^(?:و|مشير|مؤكد|موضح|لافت|مضيف|مبين|حيث|الذي|التي|فيما|بينما|فكلما|فإن|فقد|فلم|فلن|فإذا)/u.test(bare(words[subjectComma + 1] ?? ""))) {
    min = Math.max(min, subjectComma + 5);
  }
  max = Math.min(TITLE_LIMIT_WORDS, words.length - 1, Math.max(max, min + 5, head > 0 ? head + 10 : 0));
  if (min > max) return words.slice(0, Math.min(words.length, TITLE_LIMIT_WORDS));
  const balanced = (n: number) => {
    const t = words.slice(0, n).join(" ");
    return t.split("«").length === t.split("»").length && t.split("“").length === t.split("”").length && t.split("(").length === t.split(")").length && (t.match(/"/g)?.length ?? 0) % 2 === 0;
  };
  // `طائرة تابعة للخطوط الجوية | اليمنية`: a definite nisba adjective goes on with its noun.
  const adjectiveNext = (n: number) => /^(?:[وفبلك]?ال|لل)\S{2,}$/u.test(bare(words[n - 1]!)) && /^ال\S{2,}(?:ية|ي)$/u.test(bare(words[n] ?? ""));
  // `الفريق` is mostly a team; as a rank (`الفريق أول …`, `الفريق عثمان …`) it needs the name after it.
  const rank = (n: number) => bare(words[n - 1]!) === "الفريق" && /^(?!(?:[وفبلك]?ال|لل|و|في|من|على|خلال|إلى|الى)\S*$)\S/u.test(bare(words[n] ?? ""));
  const ok = (n: number) => n >= min && n <= max && closes(words[n - 1]!) && !rank(n) && !/[«"“(]$/u.test(words[n - 1]!) && balanced(n) && !NAME_LINK.test(bare(words[n] ?? "")) && !/^\p{Nd}/u.test(words[n] ?? "") && !adjectiveNext(n);
  let clause: number | undefined;
  let prep: number | undefined;
  for (let n = min; n <= Math.min(max, words.length - 1); n++) {
    const next = bare(words[n]!);
    const prevWord = words[n - 1]!;
    const commaCut = /[،,؛;:]$/u.test(prevWord);
    const twoWordClause = /^(?:في حين|من أجل|بعد أن|إلى أن|على أن|غير أن|ما أدى|مما أدى|بما في)$/u.test(`${bare(words[n]!)} ${bare(words[n + 1] ?? "")}`);
    // For the length target, `… لإنقاذ القدس | بعد دخول الشرطة …`: what happened before or after is a clause that can go.
    const afterClause = clauseOnly && /^(?:بعد|عقب|إثر|اثر|قبيل)$/u.test(next) && !NUMBER_WORD.test(bare(words[n + 1] ?? "")) && /^\p{L}{3,}$/u.test(bare(words[n + 1] ?? ""));
    // For the length target, a relative clause goes only from a long enough head (`… عن السبب | الذي منعه` keeps it).
    const weak = clauseOnly && (commaCut ? new RegExp(`^(?:${NAME_MARKERS}|${TITLE_WORDS})$`, "u").test(words[n]!) : next === "ما" || (/^و?(?:الذي|التي|الذين|اللذين|اللتين|اللواتي)$/u.test(next) && (n < 11 || PREPOSITIONS.has(bare(words[n - 2] ?? "")))));
    // `من 12 ألف قطعة | إلى تسعة آلاف`, `ارتفعت الحصيلة | إلى 120 قتيلا`: a number phrase is never cut from its verb or range.
    const numberAhead = /^(?:إلى|الى|من|بـ?)$/u.test(next) && NUMBER_WORD.test(bare(words[n + 1] ?? ""));
    if ((commaCut || twoWordClause || afterClause || CLAUSE_WORDS.has(next)) && !weak && (commaCut ? closes(prevWord.replace(/[،,؛;:]$/u, "")) && n >= min : ok(n))) clause = n;
    else if (numberAhead && !clauseOnly && ok(n)) {
      // Past the window if need be: the number phrase ends the headline whole.
      const e = numberPhraseEnd(words, n);
      if (e <= TITLE_LIMIT_WORDS && e > n + 2) prep = e;
    } else if ((PREPOSITIONS.has(next) || PLACE_ADJUNCT.test(next)) && ok(n) && !(bare(words[n - 2] ?? "") === "بين")) prep = n;
  }
  // A clause cut that keeps at least two thirds of the room is best; otherwise the latest phrase end.
  const best = (clauseOnly ? clause : Math.max(clause ?? 0, prep ?? 0)) || undefined;
  if (best !== undefined) return words.slice(0, best);
  if (boundaryOnly) return words;
  // Last resort: a closed word before a conjunction-led word (`… الأمنية وقوات …`).
  for (let n = max; n >= min; n--) if (ok(n) && /^و\S{2,}/u.test(words[n]!) && /^(?:[وفبلك]?ال|لل)/u.test(bare(words[n - 1]!))) return words.slice(0, n);
  // Otherwise a definite word not followed by its adjective or complement (`… الأمنية | وقوات`).
  const definite = (w: string) => /^(?:[وفبلك]?ال|لل)/u.test(bare(w)) && bare(w).length > 3;
  for (let n = max; n >= min; n--) if (ok(n) && definite(words[n - 1]!) && !definite(words[n]!) && !/^\d/.test(words[n]!)) return words.slice(0, n);
  // No phrase end in the window (a number phrase fills it: `من نقل أكثر من 26 مليون مصل ومعتمر`):
  // the first one past it, up to the hard limit, rather than a prefix cut before the object.
  for (let n = max + 1; n <= Math.min(TITLE_LOOK_PAST_WORDS, words.length - 1); n++) {
    const next = bare(words[n]!);
    if ((PREPOSITIONS.has(next) || CLAUSE_WORDS.has(next) || /[،,؛;]$/u.test(words[n - 1]!)) && closes(words[n - 1]!.replace(/[،,؛;]$/u, "")) && balanced(n) && !NAME_LINK.test(next) && !/^\p{Nd}/u.test(words[n]!)) return words.slice(0, n);
  }
  for (let n = max; n >= Math.max(TITLE_MIN_WORDS + 2, head + 3); n--) if (closes(words[n - 1]!) && balanced(n) && !NAME_LINK.test(bare(words[n] ?? ""))) return words.slice(0, n);
  const out = words.slice(0, max);
  while (out.length > TITLE_MIN_WORDS && DANGLING.has(bare(out[out.length - 1]!))) out.pop();
  return out;
}

/** End of the number phrases from `n` (`من 12 ألف قطعة إلى تسعة آلاف قطعة`, `إلى 120 قتيلا`): preposition, number, counted noun. */
function numberPhraseEnd(words: string[], n: number): number {
  let i = n;
  while (i < words.length - 1 && /^(?:إلى|الى|من|بـ?)$/u.test(bare(words[i]!)) && NUMBER_WORD.test(bare(words[i + 1]!))) {
    i++;
    while (i < words.length && NUMBER_WORD.test(bare(words[i]!)) && !/[،,؛;]$/u.test(words[i - 1]!)) i++;
    if (i < words.length && !/[،,؛;]$/u.test(words[i - 1]!) && /^\p{L}{2,}[،,؛;]?$/u.test(words[i]!) && !PREPOSITIONS.has(bare(words[i]!)) && !CLAUSE_WORDS.has(bare(words[i]!))) i++;
    if (i < words.length && !/[،,؛;]$/u.test(words[i - 1]!) && /^(?:يومي|سنوي|شهري|أسبوعي|اسبوعي)اً?$/u.test(bare(words[i]!))) i++;
    if (i < words.length - 1 && !/[،,؛;]$/u.test(words[i - 1]!) && `${bare(words[i]!)} ${bare(words[i + 1]!)}` === "على الأقل") i += 2;
  }
  return i;
}

/**
 * Text up to the first . ؟ ! … or `..` that ends a sentence (not the dot of `د.` or `3.5`);
 * a sentence too short for a headline (`في البدء..`) runs on to the next boundary.
 */
export function firstSentence(s: string): string {
  const re = /\.{2,}|[؟?!…؛]|\.(?=\s|$|["»”])|(?<=[»”"])\.(?=\S)/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s.slice(0, m.index);
    if (m[0] === "." && /(?:^|\s)\S$/u.test(before)) continue; // lone-letter abbreviation (د. أ.)
    if (before.split("«").length > before.split("»").length || before.split("(").length > before.split(")").length) continue; // inside a quoted title or a bracket
 // A semicolon may close the subject alone (`ألقت الجمعية …؛ المسؤولية على …`): it ends a sentence of 10 words or more.
    if (m[0] === "؛" && count(before) < 10) continue;
    if (count(before) >= TITLE_MIN_WORDS) return m[0] === "؟" || m[0] === "?" ? before + m[0] : before;
  }
  return s;
}

const CLOSERS: Record<string, string> = { "«": "»", "“": "”", "(": ")" };

/** No leading dash or trailing punctuation; quotes and brackets opened in the cut are closed. */
function tidy(s: string): string {
  let t = s.replace(/^[\s\-–—ـ•*]+/u, "").replace(/[\s.,،؛;:!…\-–—]+$/u, "");
  t = t.replace(/[«“("]+$/u, "").trimEnd();
  for (const [open, close] of Object.entries(CLOSERS)) {
    if (t.split(open).length > t.split(close).length) t += close;
  }
  if ((t.match(/"/g)?.length ?? 0) % 2 === 1) t += '"';
  return t;
}

// A letter's or column's opening that is no headline: salutations, greetings.
const SALUTATION = /^(?:سعادة|معالي|سمو|فضيلة|عزيزي|عزيزتي|الأخ|الأستاذ)\s.{0,80}(?:المحترم|المحترمة|حفظه الله|وفقه الله)|^(?:السلام عليكم|بسم الله الرحمن الرحيم|تحية طيبة|في البدء|قال تعالى)/u;

/** Whether a paragraph is a salutation or greeting (a letter's opening). */
export function isSalutation(p: string): boolean {
  return SALUTATION.test(p.trim());
}

/**
 * The headline of an article: from its first real sentence (salutations, greetings and lines
 * too short to say anything skipped).
 */
export function headlineFrom(paragraphs: string[]): { title: string; lead: number; salutation: boolean } {
  let salutation = false;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (isSalutation(p)) {
      salutation = true;
      const rest = p.replace(SALUTATION, "").replace(/^[\s،,.:!]+/u, "");
      if (count(rest) < 6) continue;
      return { title: deriveTitle(rest), lead: i, salutation };
    }
    if (!/[\p{L}\p{N}]/u.test(p) || count(p) < 4) continue;
    // A photo caption glued before the lead (`زبون أمام أحد المتاجر في وسط أثينا. وتعيد …`).
    const first = firstSentence(p);
    if (CAPTION.test(first) && count(first) <= 10 && count(p) - count(first) >= 6) return { title: deriveTitle(p.slice(first.length).replace(/^[.\s]+/u, "")), lead: i, salutation };
    return { title: deriveTitle(p), lead: i, salutation };
  }
  return { title: deriveTitle(paragraphs[0] ?? ""), lead: 0, salutation };
}

// Connectors after which the object's first clause is over: a comma before them, or one of
// the words that cannot start a headline's object (`مشيرا إلى`, `وذلك`, `حيث`, `لكنه`).
const CLAUSE_END = /^(?:قائلا|قائلاً|قائلة|قائلين|مشيرا|مشيرة|مشيرين|مشيراً|مؤكدا|مؤكدة|مؤكدين|مؤكداً|مضيفا|مضيفة|مضيفاً|موضحا|موضحة|موضحاً|لافتا|لافتة|لافتاً|مبينا|مبينة|مبيناً|كاشفا|كاشفة|كاشفاً|معتبرا|معتبرة|وذلك|حيث|لكنه|لكنها|لكن|ولكن|فيما|بينما|بإشراف|وذكر|وذكرت|وقال|وقالت|وأضاف|وأضافت|وأوضح|وأوضحت|وأشار|وأشارت)$/u;
const CLAUSE_END_AFTER_COMMA = /^(?:الذي|التي|الذين|والذي|والتي|والذين|وهو|وهي|وهم|وهن|وقد|بعد|كما|إذ|مما|إلا|الا|وسط|بمشاركة|بحضور|حسبما|وفق|وفقا|وفقاً|و[يت][^\s]{3,}|محذرا|محذرة|محذراً|مطالبا|مطالبة|مطالباً|مشددا|مشددة|مشدداً|معربا|معربة|معرباً|منوها|منوهة|منوهاً|داعيا|داعية|داعياً|معلنا|معلنة|معلناً|وقال|وقالت|وأضاف|وأضافت|وأكد|وأكدت|وأوضح|وأوضحت|وأشار|وأشارت|م[^\sا]\S{2,}(?:اً|ا))$/u;

/** The words up to the end of the first clause after the subject (at least a short headline's worth). */
function firstClause(words: string[], head: number): string[] {
  const from = Math.max(TITLE_MIN_WORDS + 1, head + 3);
  for (let n = from - 1; n < words.length; n++) {
    const w = bare(words[n]!);
    const afterComma = /[،,]$/u.test(words[n - 1]!);
    const pair = `${w} ${bare(words[n + 1] ?? "")}`;
    // `بعد أن` may end a short lead (`ضربت فضيحة جديدة الكرة الصربية | بعد أن …`); the others need one word more.
    if ((n >= from && (CLAUSE_END.test(w) || (afterComma && (CLAUSE_END_AFTER_COMMA.test(w) || /^(?:في حين|غير أن|إلا أن)$/u.test(pair))))) || /^(?:بعد أن|عقب أن)$/u.test(pair) || w === "بعدما") {
      const kept = words.slice(0, n);
      while (kept.length > from && opensSomething(kept[kept.length - 1]!)) kept.pop();
      return kept;
    }
  }
  return words;
}
