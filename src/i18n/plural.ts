import type { Lang } from "./lang.ts";
import { formatNumber, type Digits } from "../dates/format.ts";

type Forms = Record<Intl.LDMLPluralRule, string>;

/**
 * Arabic has six plural categories (CLDR): 0 لا مقالات، 1 مقال واحد، 2 مقالان،
 * 3–10 مقالات، 11–99 مقالاً، 100+ مقال. `#` is replaced by the number.
 */
const ARTICLES: Record<Lang, Forms> = {
  ar: { zero: "لا مقالات", one: "مقال واحد", two: "مقالان", few: "# مقالات", many: "# مقالاً", other: "# مقال" },
  en: { zero: "# articles", one: "# article", two: "# articles", few: "# articles", many: "# articles", other: "# articles" },
};

const RESULTS: Record<Lang, Forms> = {
  ar: { zero: "لا نتائج", one: "نتيجة واحدة", two: "نتيجتان", few: "# نتائج", many: "# نتيجةً", other: "# نتيجة" },
  en: { zero: "No results", one: "# result", two: "# results", few: "# results", many: "# results", other: "# results" },
};

const PARAGRAPHS: Record<Lang, Forms> = {
  ar: { zero: "لا فقرات", one: "فقرة واحدة", two: "فقرتين", few: "# فقرات", many: "# فقرة", other: "# فقرة" },
  en: { zero: "no paragraphs", one: "# paragraph", two: "# paragraphs", few: "# paragraphs", many: "# paragraphs", other: "# paragraphs" },
};

const RECORDS: Record<Lang, Forms> = {
  ar: { zero: "لا سجلات", one: "سجل واحد", two: "سجلان", few: "# سجلات", many: "# سجلاً", other: "# سجل" },
  en: { zero: "# records", one: "# record", two: "# records", few: "# records", many: "# records", other: "# records" },
};

export const PLURALS = { articles: ARTICLES, results: RESULTS, paragraphs: PARAGRAPHS, records: RECORDS };

const rules: Record<Lang, Intl.PluralRules> = {
  ar: new Intl.PluralRules("ar"),
  en: new Intl.PluralRules("en"),
};

export function plural(kind: keyof typeof PLURALS, n: number, lang: Lang, digits: Digits): string {
  const form = PLURALS[kind][lang][rules[lang].select(n)];
  return form.replace("#", formatNumber(n, lang, digits));
}
