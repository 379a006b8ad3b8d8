/**
 * Scraper and wire debris in article bodies: removed by named rules, and by repetition within
 * one outlet (lines and line endings that recur across its articles). Every removal is returned
 * with its rule, so the import report accounts for each removed line.
 */
export interface Removal {
  rule: string;
  /** The removed text, as it stood. */
  text: string;
}

interface LineRule {
  rule: string;
  test: RegExp;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const URL = /(?:https?:\/\/|www\.)\S+/iu;

// Whole paragraphs that are never article text.
const LINE_RULES: LineRule[] = [
  { rule: "end-marker", test: /^(?:\/\/\s*)?انتهى(?:\s*\/\/)?$|^-{2,}$|^[.\s]+$|^\*+$/u },
  { rule: "stamp", test: /^(?:\S+\s+)?\d{1,2}\s*[,،]?\s*\d{4}\s*[,،]\s*\d{1,2}:\d{2}\s*(?:ص|م|am|pm)?$|^\d{1,2}:\d{2}\s*(?:ص|م)?\s*[-–,،]?\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/iu },
  { rule: "time-code", test: /^\d{1,2}:\d{2}\s*(?:ت\s*م|ت\.م|[ap]m|GMT)$/iu },
  { rule: "email-or-url", test: new RegExp(`^(?:[\\p{L}\\s]{0,30}:\\s*)?(?:${EMAIL.source}|${URL.source})$`, "iu") },
  { rule: "author-box", test: /للتواصل مع الكاتب|^\d{4,6}\s*-\s*(?:Zain|Mobily|Stc)$|^لمراسلة الكاتب|^(?:زين\s+)?تبدأ بالرمز\s*\(?\d+\)?|^للتواصل أرسل sms|^الاتصالات\s*[,،]\s*\d{5,6}\s*موبايلي/iu },
  { rule: "read-more", test: /^\.{2,}\s*المزيد$|^(?:لقراءة|لمشاهدة|للاطلاع على)\s.{0,40}(?:أنقر|انقر|اضغط)\s+هنا$/u },
  { rule: "credit", test: /^\*?\s*خدمة\s*[«"][^»"]+[»"]$|^(?:استطلاع\s+و)?تصوير\s*[:\-–ـ]\s*\S+(?:\s+\S+){0,3}$|^عدسة\s*[:\-–ـ]\s*[^.،]{0,120}$/u },
  { rule: "copyright", test: /^(?:©|جميع الحقوق محفوظة|حقوق النشر محفوظة|All rights reserved)/iu },
  { rule: "share", test: /^(?:شارك(?:\s+من\s+خلال)?|شارك الخبر|مشاركة)\s*(?:تويتر|فيسبوك|فيس بوك|واتساب|جوجل)/u },
  { rule: "navigation", test: /^(?:Next|Previous|التالي|السابق|الرئيسية)(?:\s+(?:Next|Previous|التالي|السابق))*$/u },
  { rule: "tags", test: /^سمات\s+\S/u },
];

// A letter's salutation, as its own paragraph at the top (`سعادة رئيس التحرير المحترم..`, `السلام عليكم …`).
export const SALUTATION_LINE = /^(?:(?:سعادة|معالي|سمو|فضيلة|عزيزي|عزيزتي|الأخ|الأستاذ)\s.{0,80}(?:المحترم|المحترمة|حفظه الله|وفقه الله)|(?:سعادة|معالي)\s+رئيس\s+تحرير\s+(?:صحيفة|جريدة|مجلة)\s+\S+(?:\s+\S+)?|السلام عليكم(?:\s+ورحمة الله(?:\s+وبركاته)?)?|تحية طيبة(?:\s+وبعد)?|وبعد)[\s.،,:!]*$/u;
// A letter to the editor inside the body (a second letter): its salutation line is never article text.
const EDITOR_SALUTATION = /^(?:سعادة|معالي)\s+رئيس\s+تحرير\s.{0,40}(?:المحترم)?[\s.،,:!]*$/u;
// A greeting glued before the letter's first sentence (`السلام عليكم ورحمة الله وبركاته..أشير إلى …`).
const GREETING = /^(السلام عليكم(?:\s+ورحمة الله(?:\s+وبركاته)?)?[\s.،,:!]*)(?=\S)/u;

// Style sheets or scripts a scraper kept (a poll widget): from a selector with its block to the end.
const CODE = /^(.*?)\s*(?:[#.][A-Za-z_][\w-]*[^{}\n]{0,60}\{[^{}]*:[^{}]*;[^{}]*\}|function\s*\([^)]*\)\s*\{|\$\(document\)).*$/su;

// Photo captions: short, no verb-led sentence, at the top or bottom of the body.
export const CAPTION = /^(?:جانب من|صورة|الصورة|لقطة|من اليمين|من اليسار|\(?تصوير)\s|^\S+\s+(?:أمام|يتوسط|وسط)\s+(?:أحد|إحدى)\s|^(?:أحد|إحدى)\s+\S+$/u;

// An author's title line: a profession, then where (`… - جامعة …`, `… بكلية …`).
const AUTHOR_TITLE = /^(?:أستاذ|أستاذة|استاذ|عضو هيئة التدريس|باحث|باحثة|كاتب|كاتبة|محام|محامي|مستشار|استشاري|استشارية|أكاديمي|أكاديمية|إعلامي|إعلامية|خبير|خبيرة)\s.{0,100}(?:جامعة|بجامعة|كلية|بكلية|معهد|بمعهد|مركز|بمركز)\s/u;

// Debris glued to the end of a paragraph; group 1 is what stays.
const END_RULES: LineRule[] = [
  { rule: "code", test: CODE },
  // A link glued after a comma at the end, often cut off (`… من خلال الموقع، http://www.mol.gov.s،`);
  // not one the sentence names as where to go (`على موقعها الإلكتروني www.uj.edu.sa.`).
  { rule: "email-or-url", test: /^(.*\S)[،,]\s*(?:https?:\/\/|www\.)\S*$/su },
  { rule: "related-link", test: /^(.*?)\s*رابط الخبر بصحيفة[^:]{0,30}:.*$/su },
  { rule: "related-links", test: /^(.*?)\s*مقالات أخرى للكاتب.*$/su },
  { rule: "tags", test: /^(.*[.!؟?"”»)])\s*سمات\s+(?:[^\s.!؟?]+[.]?\s*){1,15}$/su },
  { rule: "read-more", test: /^(.*?)\s*\.{2,}\s*المزيد$/su },
  { rule: "author-box", test: new RegExp(`^(.*?)\\s*(?:${EMAIL.source})\\s*(?:للتواصل مع الكاتب.*)?$`, "su") },
  { rule: "author-box", test: /^(.*?)\s*للتواصل مع الكاتب.*$/su },
];

// Debris at the start of a paragraph; group 1 is what stays.
const START_RULES: LineRule[] = [
  // A letter's closing formula before its signature (the signature stays).
  { rule: "sign-off", test: /^(?:و?تقبلوا|و?تقبل)\s+(?:فائق\s+|خالص\s+)?(?:تحياتي|تحياتنا|التحية|الاحترام|احترامي)(?:\s+و(?:تقديري|التقدير|الاحترام|احترامي))?[\s،,.]*(.+)$/su },
  { rule: "share", test: /^شارك من خلال\s+(?:تويتر\s+)?(?:فيسبوك\s+)?(?:جوجل بلس\s+)?(?:اكتب رأيك\s+)?(.*)$/su },
  { rule: "navigation", test: /^(?:Next\s+)?Previous\s+(.*)$/su },
];

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** What an outlet repeats: whole short lines and the openings of trailing segments. */
export interface Learnt {
  lines: Set<string>;
  tails: Set<string>;
}

const key = (s: string): string => s.replace(/[\u064B-\u0652\u0640]/g, "").replace(/\s+/g, " ").trim();
/** The part of a last paragraph after its last sentence end (a tag or link line glued on). */
function tail(p: string): string | undefined {
  const m = /[.!؟?]["”»)]?\s+([^.!؟?]+)$/u.exec(p);
  return m && words(m[1]!) <= 25 ? m[1]! : undefined;
}
const tailKey = (t: string): string => key(t).split(" ").slice(0, 2).join(" ");

/**
 * Learns an outlet's boilerplate from its articles' bodies: a short line at the top or bottom of
 * at least `minFiles` articles and a quarter of them, or a trailing segment opening with the same
 * two words as often. One outlet at a time, so one paper's sign-off never removes another's text.
 */
export function learnBoilerplate(bodies: string[][], minFiles = 4): Learnt {
  const lineCount = new Map<string, number>();
  const tailCount = new Map<string, number>();
  for (const ps of bodies) {
    const edges = new Set([...ps.slice(0, 2), ...ps.slice(-2)].filter((p) => words(p) <= 12).map(key));
    for (const k of edges) lineCount.set(k, (lineCount.get(k) ?? 0) + 1);
    const t = ps.length ? tail(ps[ps.length - 1]!) : undefined;
    if (t) {
      const k = tailKey(t);
      tailCount.set(k, (tailCount.get(k) ?? 0) + 1);
    }
  }
  const need = Math.max(minFiles, Math.ceil(bodies.length / 4));
  const pick = (m: Map<string, number>) => new Set([...m].filter(([, n]) => n >= need).map(([k]) => k));
  return { lines: pick(lineCount), tails: pick(tailCount) };
}

/** Removes debris; returns the paragraphs that remain and each removal with its rule. */
export function removeBoilerplate(paragraphs: string[], learnt?: Learnt): { paragraphs: string[]; removed: Removal[] } {
  const removed: Removal[] = [];
  let out: string[] = [];
  // `***` separators glued inside a paragraph stand for paragraph breaks.
  const split = paragraphs.flatMap((p) => {
    const parts = p.split(/\s*\*{3,}\s*/u);
    if (parts.length > 1 && parts.filter((x) => x.trim()).length > 1) {
      removed.push({ rule: "separator", text: "***" });
      return parts.map((x) => x.trim()).filter(Boolean);
    }
    return [p];
  });
  for (const [i, original] of split.entries()) {
    // `… بغداد./وقال …`: a stray slash after a full stop.
    let p = original.replace(/(?<=\S)\.\/(?=\S)/gu, ". ");
    // `.. لك أن تنظر …`: a column's opening dots are no text.
    if (i === 0) p = p.replace(/^[.…]{2,}\s*(?=\p{L})/u, "");
    if ((i < 2 && SALUTATION_LINE.test(p.trim())) || (EDITOR_SALUTATION.test(p.trim()) && words(p) <= 10)) {
      removed.push({ rule: "salutation", text: p });
      continue;
    }
    const greeting = i < 3 ? GREETING.exec(p) : null;
    if (greeting && words(p) > words(greeting[1]!) + 5) {
      removed.push({ rule: "salutation", text: greeting[1]!.trim() });
      p = p.slice(greeting[1]!.length);
    }
    for (const r of START_RULES) {
      const m = r.test.exec(p);
      if (m && m[1] !== p) {
        removed.push({ rule: r.rule, text: p.slice(0, p.length - m[1]!.length).trim() });
        p = m[1]!.trim();
      }
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of END_RULES) {
        const m = r.test.exec(p);
        if (m && m[1] !== p) {
          removed.push({ rule: r.rule, text: p.slice(m[1]!.length).trim() });
          p = m[1]!.trim();
          changed = true;
        }
      }
    }
    if (p === "") continue;
    const rule = LINE_RULES.find((r) => r.test.test(p))?.rule ?? (learnt?.lines.has(key(p)) ? "outlet-repeat" : undefined);
    if (rule) removed.push({ rule, text: p });
    else out.push(p);
  }
  // Trailing segment that the outlet repeats (a tag or link line no rule knows).
  const last = out[out.length - 1];
  const t = last !== undefined ? tail(last) : undefined;
  if (learnt && last !== undefined && t !== undefined && learnt.tails.has(tailKey(t))) {
    removed.push({ rule: "outlet-repeat-ending", text: t.trim() });
    out[out.length - 1] = last.slice(0, last.length - t.length).trim();
  }
  // Captions at the edges: short, no sentence end.
  const isCaption = (p: string) => words(p) <= 12 && CAPTION.test(p) && !/[.!؟?]$/u.test(p);
  while (out.length > 1 && isCaption(out[0]!)) removed.push({ rule: "caption", text: out.shift()! });
  while (out.length > 1 && isCaption(out[out.length - 1]!)) removed.push({ rule: "caption", text: out.pop()! });
  // A label of one or two words above the lead (`دي بروين`).
  if (out.length > 1 && words(out[0]!) <= 2 && /^[\p{L}\s]+$/u.test(out[0]!) && words(out[1]!) >= 15) removed.push({ rule: "caption", text: out.shift()! });
  // An end credit or the author's title (`* وحدة التقارير الاقتصادية`, `* استشاري طب الأطفال`,
  // `أستاذ ورئيس قسم العلوم السياسية - جامعة الملك سعود`), with no sentence end.
  const credits = [(p: string) => /^\*\s*\p{L}/u.test(p) && words(p) <= 6 && !/[.!؟?]$/u.test(p), (p: string) => AUTHOR_TITLE.test(p) && words(p) <= 12 && !/[.!؟?:]$/u.test(p)];
  for (const isCredit of credits) if (out.length > 1 && isCredit(out[out.length - 1]!)) removed.push({ rule: "credit", text: out.pop()! });
  out = out.filter((p) => p !== "");
  return { paragraphs: out, removed };
}
