/**
 * Paragraph repair for scraped text: scrapers glue paragraphs into one line with a run of
 * spaces (Sabq: `… الرياضي. \u00A0 "سبق" …`) or break one sentence over two paragraphs
 * (`… قوله،` / `إن "…"`).
 */

// A sentence end (optionally closed by a quote or bracket), then a run of two or more spaces with at
// least one no-break space, or three or more plain spaces. One space after a full stop is ordinary prose.
const GLUE = /([.!?؟…][»"”)]?)(?:[ \t]*\u00A0[ \t\u00A0]*|[ \t]{3,})(?=\S)/gu;

/** Splits lines where a run of spaces after a sentence end stands for a paragraph break. Run before spaces are normalised. */
export function splitGluedParagraphs(s: string): string {
  return s.replace(GLUE, (m: string, end: string) => (m.length - end.length >= 2 ? `${end}\n\n` : m));
}

// Words a sentence cannot end on: prepositions, conjunctions, particles that need what follows.
const OPEN_END = new Set([
  "في", "من", "على", "إلى", "الى", "عن", "مع", "أو", "و", "أن", "إن", "ان", "بأن", "لأن", "التي", "الذي", "الذين",
  "قد", "ثم", "بين", "نحو", "عبر", "حول", "لدى", "عند", "منذ", "حتى", "قوله", "وقال", "قائلا", "قائلاً", "بقوله",
]);

/** A paragraph that stops mid-sentence: it ends on a comma or on a word that needs a continuation. */
function endsOpen(p: string): boolean {
  const t = p.trimEnd();
  if (/[،,]$/u.test(t)) return true;
  const last = t.split(/\s+/).pop() ?? "";
  if (OPEN_END.has(last)) return true;
  if (/[.!؟?…:;؛»"”)\]*]$/u.test(t)) return false;
  // A reporting sentence cut before what was said (`… وقال رئيس الوزراء الماليزي نجيب` / `عبدالرزاق: …`).
  const lastSentence = t.split(/[.!؟?…]\s+/u).pop() ?? "";
  if (/^[وف]?(?:قال|قالت|أضاف|أضافت)\s/u.test(lastSentence) && lastSentence.split(/\s+/).length <= 10 && !/(?:^|\s)(?:أن|إن|ان|بأن)(?:\s|$)|[:«"]/u.test(lastSentence)) return true;
  // A coordinated phrase opened after a comma and cut (`… نقطة , وبتداولات` / `تجاوزت 4.1 مليار ريال`).
  return /[،,]\s*و\S+$/u.test(t);
}

/** Joins a paragraph that stops mid-sentence with the next one; returns how many joins were made too. */
export function mergeBrokenParagraphs(paragraphs: string[]): { paragraphs: string[]; merged: number } {
  const out: string[] = [];
  let merged = 0;
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev !== undefined && endsOpen(prev) && /^[\p{L}"«“(]/u.test(p)) {
      out[out.length - 1] = `${prev} ${p}`;
      merged++;
    } else out.push(p);
  }
  return { paragraphs: out, merged };
}
