import type { Lang } from "../i18n/lang.ts";
import type { ArticleDate } from "../dates/parse.ts";
import { parseArticleDate, isDateProblem } from "../dates/parse.ts";
import { ContentError } from "./errors.ts";
import { splitFrontMatter } from "./frontmatter.ts";
import { renderMarkdown } from "../markdown/render.ts";
import { encodeBody, hashBody, setBody } from "./body.ts";

export interface Article {
  /** Path relative to the project, as shown in messages. */
  file: string;
  lang: Lang;
  id: string;
  title: string;
  titleDerived: boolean;
  date: ArticleDate;
  source?: string;
  place?: string;
  /** Reporter or columnist from the byline (front matter `author`). */
  author?: string;
  /** A column, letter or comment (front matter `opinion: true`). */
  opinion?: boolean;
  url?: string;
  translationKey: string;
  draft: boolean;
  /** Entity ids added and removed by the editor (front matter `entities` / `notEntities`). */
  addEntities: string[];
  removeEntities: string[];
  /**
   * SHA-256 of the body's bytes (src/content/body.ts; its HTML and paragraphs
   * are read with `articleBody`): what the build cache keys a page's body and
   * a search record by, and what a body read again is checked against.
   */
  bodyHash: string;
  /** The first paragraph's plain text (descriptions, feed summaries). */
  lead: string;
  paragraphCount: number;
}

export const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const FIELDS = ["id", "title", "titleDerived", "date", "source", "place", "url", "translationKey", "draft", "entities", "notEntities", "importedFrom", "lang", "author", "opinion", "alsoImportedFrom"];
// Invisible direction controls in a one-line field can reorder what readers see (spoofing).
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
/** How far in the future a date may be (clock skew between time zones), in ms. */
const FUTURE_SLACK = 36 * 3600 * 1000;

/** Whether a date is too far in the future to publish (the one check that depends on "now", not on the file). */
export function isFuture(epoch: number, now: number): boolean {
  return epoch > now + FUTURE_SLACK;
}

export interface ParseOptions {
  file: string;
  lang: Lang;
  zone: string;
  now: number;
}

/** Parses and validates one article; returns every problem found, not just the first. */
export function parseArticle(text: string, opts: ParseOptions): Article | ContentError[] {
  const { file } = opts;
  let split;
  try {
    split = splitFrontMatter(text, file);
  } catch (e) {
    if (e instanceof ContentError) return [e];
    throw e;
  }
  const { data, lines } = split;
  const errors: ContentError[] = [];
  const err = (field: string, problem: string, hint: string) =>
    errors.push(new ContentError(file, problem, { field, hint, ...(lines[field] ? { line: lines[field] } : {}) }));

  for (const key of Object.keys(data)) {
    if (!FIELDS.includes(key)) err(key, "unknown field", `check the spelling; known fields: ${FIELDS.join(", ")}`);
  }
  const str = (field: string, required: boolean): string | undefined => {
    const v = data[field];
    if (v === undefined || v === null) {
      if (required) err(field, "missing", `add a line \`${field}: …\` to the front matter`);
      return undefined;
    }
    if (typeof v !== "string" && typeof v !== "number") {
      err(field, `must be a text, not ${Array.isArray(v) ? "a list" : typeof v}`, `write ${field}: "…"`);
      return undefined;
    }
    const s = String(v).replace(BIDI_CONTROLS, "").replace(/\s+/g, " ").trim();
    if (!s) {
      if (required) err(field, "is empty", `write a value after \`${field}:\``);
      return undefined;
    }
    return s;
  };
  const bool = (field: string): boolean => {
    const v = data[field];
    if (v === undefined || v === null) return false;
    if (typeof v !== "boolean") err(field, `must be true or false, not "${String(v)}"`, `write ${field}: true or ${field}: false`);
    return v === true;
  };
  const idList = (field: string): string[] => {
    const v = data[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
      err(field, "must be a list of entity ids", `write ${field}: [baghdad, iraq]`);
      return [];
    }
    return v as string[];
  };

  const id = str("id", true);
  if (id !== undefined && (!ID_PATTERN.test(id) || id.length > 120)) {
    err("id", `"${id}" is not a valid id`, "use lower-case ASCII letters, digits and single - or _ (it becomes the URL), e.g. 2025-09-16-shoigu-visit");
  }
  const title = str("title", true);
  const rawDate = data.date;
  let date: ArticleDate | undefined;
  if (rawDate === undefined || rawDate === null) err("date", "missing", "add `date: YYYY-MM-DD`");
  else if (typeof rawDate !== "string") err("date", `must be a text like 2025-09-16, not ${typeof rawDate}`, "write date: 2025-09-16");
  else {
    const d = parseArticleDate(rawDate.trim(), opts.zone);
    if (isDateProblem(d)) err("date", d.problem, d.hint);
    else if (isFuture(d.epoch, opts.now)) err("date", `${rawDate} is in the future`, "check the year; articles are published before they are archived");
    else if (Number(d.year) < 1800) err("date", `${rawDate} is before 1800`, "check the year");
    else date = d;
  }
  const source = str("source", false);
  const place = str("place", false);
  const author = str("author", false);
  const opinion = bool("opinion");
  const copies = data.alsoImportedFrom;
  if (copies !== undefined && copies !== null && (!Array.isArray(copies) || !copies.every((x) => typeof x === "string"))) {
    err("alsoImportedFrom", "must be a list of file names", "write alsoImportedFrom: [0001_copy.txt] (the raw files with the same text)");
  }
  const url = str("url", false);
  if (url !== undefined && !/^https?:\/\/[^\s<>"]+$/i.test(url)) {
    err("url", `"${url}" is not an http(s) address`, "write the full address of the original, starting with https://");
  }
  const translationKey = str("translationKey", false);
  if (translationKey !== undefined && !ID_PATTERN.test(translationKey)) {
    err("translationKey", `"${translationKey}" is not a valid key`, "use the same kind of ASCII slug as an id (usually the Arabic original's id)");
  }
  const lang = data.lang;
  if (lang !== undefined && lang !== opts.lang) {
    err("lang", `says "${String(lang)}" but the file is under content/${opts.lang}/`, `move the file to content/${String(lang)}/ or remove the lang field`);
  }
  const titleDerived = bool("titleDerived");
  const draft = bool("draft");
  const addEntities = idList("entities");
  const removeEntities = idList("notEntities");

  const rendered = renderMarkdown(split.body);
  if (rendered.paragraphs.length === 0) {
    errors.push(new ContentError(file, "the article has no body text", { line: split.bodyLine, hint: "write the article text after the closing --- line" }));
  }
  if (errors.length || id === undefined || title === undefined || date === undefined) return errors;
  const body = { html: rendered.html, paragraphs: rendered.paragraphs };
  // Through JSON: strings cut from the file's text (front matter values, the lead) would keep all of it alive.
  const article = detach<Article>({
    file,
    lang: opts.lang,
    id,
    title,
    titleDerived,
    date,
    ...(source !== undefined ? { source } : {}),
    ...(place !== undefined ? { place } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(opinion ? { opinion } : {}),
    ...(url !== undefined ? { url } : {}),
    translationKey: translationKey ?? id,
    draft,
    addEntities,
    removeEntities,
    bodyHash: hashBody(encodeBody(body)),
    lead: body.paragraphs[0]!,
    paragraphCount: body.paragraphs.length,
  });
  setBody(article, body);
  return article;
}

/** A copy of `value` that shares no string with it (as an article read back from the build cache is). */
function detach<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
