/**
 * The plain baseline of the archive entity evaluation, written for it and
 * independent of src/ (its own normaliser, no context rules): every place
 * where one of the gazetteer's Arabic names (or a CLDR country name) occurs
 * as a whole word, allowing only the attached proclitics و ف ب ل ك (and
 * لل for ال). It served to list candidates while the truth was written (the
 * truth itself was decided by reading), and the runner reports it beside the
 * tagger as the baseline.
 *
 *   npx tsx scripts/eval-entities-archive/plain.ts [file…]   # print the hits
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

export interface GazEntry {
  id: string;
  type: "person" | "organization" | "place";
  ar: string[];
  unmatched: string[];
  country?: string;
}

/** Region codes Intl knows that are not countries. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"]);

export function loadGazetteer(file = join(here, "entities.yaml")): GazEntry[] {
  const doc = parse(readFileSync(file, "utf8")) as { countries?: string; entities: Array<Record<string, unknown>> };
  const out: GazEntry[] = doc.entities.map((e) => ({
    id: String(e.id),
    type: e.type as GazEntry["type"],
    ar: (e.ar as string[] | undefined) ?? [],
    unmatched: (e.unmatched as string[] | undefined) ?? [],
    ...(e.country ? { country: String(e.country) } : {}),
  }));
  if (doc.countries === "all") {
    const dn = new Intl.DisplayNames(["ar"], { type: "region" });
    const byCode = new Map(out.filter((e) => e.country).map((e) => [e.country!, e]));
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (NOT_COUNTRIES.has(code)) continue;
        let name: string | undefined;
        try {
          name = dn.of(code);
        } catch {
          continue;
        }
        if (!name || name === code) continue;
        const known = byCode.get(code);
        if (known) {
          if (!known.ar.includes(name)) known.ar.push(name);
        } else {
          const e: GazEntry = { id: `cc-${code.toLowerCase()}`, type: "place", ar: [name], unmatched: [], country: code };
          out.push(e);
          byCode.set(code, e);
        }
      }
    }
  }
  return out;
}

const DROP = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const MAP: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ک": "ك", "ی": "ي" };

/** Normalised text and, for each of its code units, the index in the original. */
export function normalise(s: string): { text: string; at: number[] } {
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (DROP.test(c)) continue;
    // عبد العزيز = عبدالعزيز: the space after عبد is dropped.
    if ((c === " " || c === "\u00A0") && text.endsWith("عبد") && !/[\u0621-\u064A]/.test(text[text.length - 4] ?? "")) continue;
    text += MAP[c] ?? c;
    at.push(i);
  }
  return { text, at };
}

const WORD = /[\u0621-\u064A0-9A-Za-z]/;
const PROCLITICS = /^(?:[وف]?[بلك]?)$/;

export interface Hit {
  id: string;
  name: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
  unmatched: boolean;
}

export class PlainMatcher {
  private names: Array<{ id: string; name: string; norm: string; unmatched: boolean }> = [];
  constructor(entries: GazEntry[]) {
    for (const e of entries) {
      // `unmatched` marks some of the names as shown but never searched.
      for (const n of e.ar) this.names.push({ id: e.id, name: n, norm: normalise(n).text, unmatched: e.unmatched.includes(n) });
    }
    // Longest first, so a name inside a longer listed name yields to it.
    this.names.sort((x, y) => y.norm.length - x.norm.length);
  }

  /** Leftmost-longest whole-word hits; `withUnmatched` also lists names marked unmatched. */
  find(original: string, withUnmatched = false): Hit[] {
    const { text, at } = normalise(original);
    const taken = new Uint8Array(text.length);
    const hits: Hit[] = [];
    for (const n of this.names) {
      if (n.unmatched && !withUnmatched) continue;
      const forms = [n.norm];
      if (n.norm.startsWith("ال")) forms.push("لل" + n.norm.slice(2));
      for (const f of forms) {
        let from = 0;
        for (;;) {
          const p = text.indexOf(f, from);
          if (p < 0) break;
          from = p + 1;
          const end = p + f.length;
          if (end < text.length && WORD.test(text[end]!)) continue;
          let ws = p;
          while (ws > 0 && WORD.test(text[ws - 1]!)) ws--;
          // In the لل form the first ل is the clitic, so only و/ف may precede it.
          if (!(f === n.norm ? PROCLITICS : /^[وف]?$/).test(text.slice(ws, p))) continue;
          let free = true;
          for (let k = ws; k < end; k++) if (taken[k]) free = false;
          if (!free) continue;
          for (let k = ws; k < end; k++) taken[k] = 1;
          hits.push({ id: n.id, name: n.name, start: at[ws]!, end: at[end - 1]! + 1, unmatched: n.unmatched });
        }
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const corpus = join(here, "../../../shared/corpus/articles");
  const files = process.argv.length > 2 ? process.argv.slice(2) : readFileSync(join(here, "articles.txt"), "utf8").trim().split("\n");
  const m = new PlainMatcher(loadGazetteer());
  for (const f of files) {
    const raw = readFileSync(join(corpus, f), "utf8");
    const lineOf = (i: number) => raw.slice(0, i).split("\n").length;
    const byId = new Map<string, string[]>();
    for (const h of m.find(raw, true)) {
      const ctx = raw.slice(Math.max(0, h.start - 30), h.end + 30).replace(/\s+/g, " ");
      const tag = `${lineOf(h.start)}${h.unmatched ? "U" : ""}: ${ctx}`;
      byId.set(h.id, [...(byId.get(h.id) ?? []), tag]);
    }
    console.log(`=== ${f}`);
    for (const [id, ctxs] of byId) console.log(`  ${id} ×${ctxs.length}\n    ${ctxs.slice(0, 4).join("\n    ")}`);
  }
}
