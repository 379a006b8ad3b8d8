/**
 * A headline derived from the lead paragraph for articles imported without a title
 * (front matter `titleDerived: true` tells editors to check it). Deterministic and plain:
 * the first sentence, cut at the first clause boundary once there are enough words.
 */
export const TITLE_MIN_WORDS = 5;
export const TITLE_MAX_WORDS = 14;

const DAYS = "السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة";
// `، يوم الثلاثاء،` / `، أمس،` / `، مساء اليوم،`: a time aside between commas says nothing in a headline.
const TIME_ASIDE = new RegExp(
  `\\s*[،,]\\s*(?:(?:يوم|مساء|صباح|ظهر|فجر|ليلة|عصر)\\s+)?(?:اليوم|أمس|امس|${DAYS})(?:\\s+(?:${DAYS}|الماضي|المقبل|الفائت))?\\s*[،,]\\s*`,
  "gu",
);

// Words that start a subordinate clause; a cut before them leaves a complete phrase.
const CLAUSE_WORDS = new Set([
  "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "حيث", "بينما", "وذلك", "بعد", "عقب", "إثر", "اثر",
  "خلال", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة", "موضحا", "موضحة", "لافتا", "لافتة", "مبينا", "مبينة", "وسط", "فيما",
  "بهدف", "لأن", "كما", "وقال", "وأضاف", "وأكد",
  "who", "which", "after", "while", "during", "amid", "because", "when", "where", "saying",
]);

// Words a headline should not end on (prepositions, particles, relatives).
const DANGLING = new Set([
  "في", "من", "على", "إلى", "الى", "عن", "مع", "أو", "او", "و", "ب", "ل", "أن", "إن", "ان", "بأن", "لأن", "التي",
  "الذي", "الذين", "قد", "لا", "ما", "ثم", "كان", "كانت", "ضمن", "بين", "نحو", "عبر", "حول", "لدى", "عند", "منذ",
  "حتى", "بعد", "قبل", "خلال", "وفي", "ومن", "وعلى", "وإلى",
  "the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "with", "by", "at", "from", "that",
]);

const bare = (w: string): string => w.replace(/[\u064B-\u0652\u0640]/g, "").replace(/[^\p{L}\p{N}]+$/u, "").toLowerCase();

export function deriveTitle(lead: string): string {
  const text = lead.replace(/\s+/g, " ").trim().replace(TIME_ASIDE, " ");
  let words = firstSentence(text).split(" ").filter(Boolean);
  if (words.length > TITLE_MAX_WORDS) {
    const cut = clauseCut(words);
    words = words.slice(0, cut ?? TITLE_MAX_WORDS);
    while (cut === undefined && words.length > TITLE_MIN_WORDS && DANGLING.has(bare(words[words.length - 1]!))) words.pop();
  }
  return tidy(words.join(" "));
}

/**
 * Text up to the first . ؟ ! … or `..` that ends a sentence (not the dot of `د.` or `3.5`);
 * a sentence too short for a headline (`في البدء..`) runs on to the next boundary.
 */
function firstSentence(s: string): string {
  const re = /\.{2,}|[؟?!…]|\.(?=\s|$|["»”])/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s.slice(0, m.index);
    if (m[0] === "." && /(?:^|\s)\S?$/u.test(before)) continue; // lone-letter abbreviation
    if (before.split(" ").filter(Boolean).length >= TITLE_MIN_WORDS) return before;
  }
  return s;
}

/** Number of words to keep: the first comma or clause word after enough words, within the limit. */
function clauseCut(words: string[]): number | undefined {
  for (let i = 0; i < words.length && i <= TITLE_MAX_WORDS; i++) {
    if (i >= 6 && CLAUSE_WORDS.has(bare(words[i]!))) return i;
    if (i + 1 >= TITLE_MIN_WORDS && i + 1 <= TITLE_MAX_WORDS && /[،,؛;:]$/.test(words[i]!)) return i + 1;
  }
  return undefined;
}

const CLOSERS: Record<string, string> = { "«": "»", "“": "”", "(": ")" };

/** No leading dash or trailing punctuation; quotes and brackets opened in the cut are closed. */
function tidy(s: string): string {
  let t = s.replace(/^[\s\-–—ـ•*]+/u, "").replace(/[\s.,،؛;:!؟?…\-–—]+$/u, "");
  t = t.replace(/[«“("]+$/u, "").trimEnd();
  for (const [open, close] of Object.entries(CLOSERS)) {
    if (t.split(open).length > t.split(close).length) t += close;
  }
  if ((t.match(/"/g)?.length ?? 0) % 2 === 1) t += '"';
  return t;
}
