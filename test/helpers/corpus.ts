import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { REPO } from "./project.ts";
import { normalizeArabic } from "../../src/arabic/normalize.ts";
import { AMBIGUOUS_COUNTRY_NAMES } from "../../src/entities/countries.ts";

/** Third-party test data, read in place (never copied into the repo). */
export const CORPUS = join(REPO, "../shared/corpus");
export const hasCorpus = existsSync(join(CORPUS, "articles"));

interface Row {
  id: string;
  ar: string[];
  en: string | null;
  subtype?: string;
  cca2?: string;
}

function rows(file: string): Row[] {
  return readFileSync(join(CORPUS, "gazetteer", file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
}

/**
 * A gazetteer in our YAML format from the corpus's countries and Iraqi
 * governorates and districts. Names already taken (after normalisation) by an
 * earlier entry are dropped — a district named like its governorate stays the governorate.
 */
export function corpusGazetteer(): string {
  const taken = new Set<string>();
  const entities: Record<string, unknown>[] = [];
  const ambiguous = new Set(Object.values(AMBIGUOUS_COUNTRY_NAMES).flatMap((a) => a.names.map(normalizeArabic)));
  const add = (r: Row) => {
    const names = r.ar.map((n) => n.trim()).filter((n) => n && !taken.has(normalizeArabic(n)));
    if (!names.length) return;
    for (const n of names) taken.add(normalizeArabic(n));
    const unmatched = names.filter((n) => ambiguous.has(normalizeArabic(n)));
    const id = r.id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    entities.push({ id, type: "place", ar: names, en: r.en ? [r.en] : [], ...(unmatched.length ? { unmatched } : {}) });
  };
  for (const r of rows("countries.jsonl")) add(r);
  for (const r of rows("iraq_admin.jsonl")) if (r.subtype === "governorate" || r.subtype === "district") add(r);
  return stringify({ entities });
}

/**
 * An independent count of the articles naming an entity: a plain regular
 * expression over the normalised text with the clitics arshif accepts
 * (و/ف, then ب/ل, ك only before ال, and ل+ال written لل).
 */
export function nameRegex(names: string[]): RegExp {
  const alts: string[] = [];
  for (const raw of names) {
    const n = normalizeArabic(raw).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (n.startsWith("ال")) alts.push(`[وف]?[بلك]?${n}`, `[وف]?لل${n.slice(2)}`);
    else alts.push(`[وف]?[بل]?${n}`);
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "u");
}
