import { readFileSync, existsSync } from "node:fs";
import { parse } from "yaml";
import { ContentError, ContentErrors } from "../content/errors.ts";
import { DEFAULT_RELATED, type RelatedSettings } from "../related/pairs.ts";
import { DEFAULT_PARTITION_SIZE } from "../search/partition.ts";
import { LANGS, type Lang } from "../i18n/lang.ts";

export interface Settings {
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  /** Absolute origin (and path) of the deployed site, no trailing slash. */
  url: string;
  timeZone: string;
  digits: "latn" | "arab";
  pageSize: number;
  related: RelatedSettings;
  /** Most search records per Pagefind index partition (memory while indexing grows with it). */
  searchPartitionSize: number;
  /** Most pages one Eleventy run renders (the heap the build needs grows with it). */
  renderBatchSize: number;
  /** The licence of the published data files (shown on the data page and in datapackage.json). */
  license?: { name: string; url?: string };
}

export const DEFAULT_SETTINGS: Settings = {
  title: { ar: "أرشيف الأخبار", en: "News Archive" },
  description: {
    ar: "أرشيف ثنائي اللغة للأخبار العربية",
    en: "A bilingual archive of Arabic news",
  },
  url: "https://archive.example.org",
  timeZone: "Asia/Baghdad",
  digits: "latn",
  pageSize: 50,
  related: DEFAULT_RELATED,
  searchPartitionSize: DEFAULT_PARTITION_SIZE,
  renderBatchSize: 5000,
};

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads `content/site.yaml` (optional) over the defaults; every bad field is a ContentError. */
export function loadSettings(file: string): Settings {
  if (!existsSync(file)) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8")) ?? {};
  } catch (e) {
    throw new ContentErrors([
      new ContentError(file, `not valid YAML (${(e as Error).message.split("\n")[0]})`, {
        hint: "fix the YAML syntax (indentation, quotes, colons)",
      }),
    ]);
  }
  const errors: ContentError[] = [];
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ContentErrors([
      new ContentError(file, "settings must be a mapping of fields", { hint: "see docs/settings.md for the fields" }),
    ]);
  }
  const r = raw as Record<string, unknown>;
  const bad = (field: string, problem: string, hint: string) =>
    errors.push(new ContentError(file, problem, { field, hint }));
  for (const key of ["title", "description"] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v !== "object" || v === null) {
      bad(key, "must have `ar` and `en` texts", `write ${key}: { ar: …, en: … }`);
      continue;
    }
    for (const lang of LANGS) {
      const t = (v as Record<string, unknown>)[lang];
      if (typeof t === "string" && t.trim()) s[key][lang] = t.trim();
      else if (t !== undefined) bad(`${key}.${lang}`, "must be a non-empty text", "write the text in quotes");
    }
  }
  if (r.url !== undefined) {
    if (typeof r.url === "string" && /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(r.url)) s.url = r.url.replace(/\/+$/, "");
    else bad("url", `"${String(r.url)}" is not an absolute http(s) address`, "write e.g. https://archive.example.org");
  }
  if (r.timeZone !== undefined) {
    if (typeof r.timeZone === "string" && isValidZone(r.timeZone)) s.timeZone = r.timeZone;
    else bad("timeZone", `"${String(r.timeZone)}" is not a known IANA time zone`, "write e.g. Asia/Baghdad");
  }
  if (r.digits !== undefined) {
    if (r.digits === "latn" || r.digits === "arab") s.digits = r.digits;
    else bad("digits", `"${String(r.digits)}" is not a digit style`, "write latn (0-9) or arab (٠-٩)");
  }
  if (r.pageSize !== undefined) {
    if (typeof r.pageSize === "number" && Number.isInteger(r.pageSize) && r.pageSize >= 1 && r.pageSize <= 1000) s.pageSize = r.pageSize;
    else bad("pageSize", `"${String(r.pageSize)}" is not a whole number from 1 to 1000`, "write e.g. 50");
  }
  // Sizes that bound the build's memory: any whole number of at least 1.
  for (const key of ["searchPartitionSize", "renderBatchSize"] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v === "number" && Number.isInteger(v) && v >= 1) s[key] = v;
    else bad(key, `"${String(v)}" is not a whole number of at least 1`, `write e.g. ${DEFAULT_SETTINGS[key]}`);
  }
  if (r.related !== undefined) {
    if (typeof r.related !== "object" || r.related === null) bad("related", "must be a mapping of thresholds", "see docs/settings.md for the related-coverage settings");
    else {
      for (const [k, v] of Object.entries(r.related as Record<string, unknown>)) {
        const key = k as keyof RelatedSettings;
        if (!(key in DEFAULT_RELATED)) bad(`related.${k}`, "unknown setting", `use one of: ${Object.keys(DEFAULT_RELATED).join(", ")}`);
        else if (typeof v !== "number" || v < 0 || (DEFAULT_RELATED[key] <= 1 && v > 1)) bad(`related.${k}`, `"${String(v)}" is not a valid number`, `write a number like the default, ${DEFAULT_RELATED[key]}`);
        else s.related = { ...s.related, [key]: v };
      }
    }
  }
  if (r.license !== undefined) {
    const l = r.license;
    const url = (v: unknown) => typeof v === "string" && /^https?:\/\/\S+$/.test(v);
    if (typeof l === "string" && l.trim()) s.license = { name: l.trim() };
    else if (typeof l === "object" && l !== null && typeof (l as Record<string, unknown>).name === "string" && ((l as Record<string, unknown>).url === undefined || url((l as Record<string, unknown>).url))) {
      const { name, url: u } = l as { name: string; url?: string };
      s.license = { name: name.trim(), ...(u ? { url: u } : {}) };
    } else bad("license", "must be a licence name, or a name and an http(s) url", "write e.g. license: { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }");
  }
  const known = new Set(["title", "description", "url", "timeZone", "digits", "pageSize", "related", "searchPartitionSize", "renderBatchSize", "license"]);
  for (const key of Object.keys(r)) {
    if (!known.has(key)) bad(key, "unknown setting", `remove it or use one of: ${[...known].join(", ")}`);
  }
  if (errors.length) throw new ContentErrors(errors);
  return s;
}
