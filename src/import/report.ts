import type { Imported } from "./run.ts";

/**
 * The import report of one article, for an editor's audit: the headline (derived), what the
 * dateline gave, copies recorded, paragraph repairs and every removed line with its rule.
 */
export function reportLines(r: Imported): string[] {
  const out = [`title (derived): ${r.title}`];
  const f = Object.entries(r.fields).map(([k, v]) => `${k}=${v}`);
  if (r.dateline !== undefined) out.push(`dateline: ${r.dateline}${f.length ? ` → ${f.join(", ")}` : " → (nothing read)"}`);
  if (r.opinion) out.push("opinion: yes (byline only, or a letter's salutation)");
  if (r.repaired.merged) out.push(`paragraphs joined (split mid-sentence): ${r.repaired.merged}`);
  for (const c of r.copies) out.push(`same text and date: ${c} (recorded as alsoImportedFrom)`);
  for (const x of r.removed) out.push(`removed [${x.rule}]: ${x.text}`);
  return out;
}
