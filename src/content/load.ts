import { readdirSync, readFileSync, statSync, existsSync, type Stats } from "node:fs";
import { join, relative, sep } from "node:path";
import { LANGS, type Lang } from "../i18n/lang.ts";
import { ContentError } from "./errors.ts";
import { routes } from "../archive/routes.ts";
import { parseArticle, isFuture, type Article, type ParseOptions } from "./article.ts";
import { articleBody, type ArticleBody } from "./body.ts";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface LoadResult {
  /** Published articles (drafts removed), sorted newest first, then by id. */
  articles: Article[];
  drafts: Article[];
  errors: ContentError[];
  /** Every Markdown file found under content/<lang>/. */
  filesRead: number;
}

/**
 * Every file under content/ with its stat, as the build's input check found
 * them a moment before (src/build/inputs.ts): the files are then neither
 * listed nor stat-ed twice. Absolute paths.
 */
export type ContentListing = ReadonlyMap<string, Stats>;

function listMarkdown(dir: string, listing?: ContentListing): string[] {
  if (listing) {
    const under = dir + sep;
    return [...listing.keys()].filter((f) => f.startsWith(under) && f.endsWith(".md")).sort();
  }
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(dir, f))
    .sort();
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** What a file's stat says of it (inode, size, modified and changed times): when equal, the file is taken as unchanged. */
export interface FileStamp {
  stamp: string;
  mtimeMs: number;
}

/**
 * Articles parsed by earlier builds (src/build/content-cache.ts): a parse is a
 * pure function of the file's bytes, its shown path, its language and the time
 * zone, so the same inputs give back the same article. Only articles are kept,
 * never errors: a file with a problem is parsed again and reports it again.
 * `bytes` reads the file (once); the cache may instead trust an unchanged stamp.
 * A cached article's body may be read later (src/content/body.ts); `reread`
 * parses the file again for it, when the cache cannot give it.
 */
export interface ArticleCache {
  get(file: string, lang: Lang, zone: string, stamp: FileStamp, bytes: () => Buffer, reread: (bodyHash: string) => ArticleBody): Article | undefined;
  put(file: string, lang: Lang, zone: string, stamp: FileStamp, bytes: Buffer, article: Article, reread: (bodyHash: string) => ArticleBody): void;
}

function statFile(path: string, shown: string, listing?: ContentListing): FileStamp | ContentError {
  const st = listing?.get(path) ?? statSync(path);
  if (st.size > MAX_FILE_BYTES) {
    return new ContentError(shown, `file is ${(st.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one article`, {
      hint: "check it is really one article; split it or remove pasted data",
    });
  }
  return { stamp: `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`, mtimeMs: st.mtimeMs };
}

function decodeText(bytes: Buffer, shown: string): string | ContentError {
  if (bytes.includes(0)) {
    return new ContentError(shown, "file contains NUL bytes (binary or UTF-16)", {
      hint: "save it as UTF-8 text, or convert it with `npm run import`",
    });
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return new ContentError(shown, "file is not valid UTF-8 (perhaps Windows-1256)", {
      hint: "save it as UTF-8, or run the raw text through `npm run import`, which converts it",
    });
  }
}

/**
 * Reads and validates every article under `content/ar` and `content/en`.
 * Collects all errors rather than stopping at the first, so an editor fixes them in one go.
 */
export function loadArticles(contentDir: string, opts: { zone: string; now: number; cwd?: string; cache?: ArticleCache; listing?: ContentListing }): LoadResult {
  const cwd = opts.cwd ?? process.cwd();
  const shown = (p: string) => relative(cwd, p).split(sep).join("/");
  const errors: ContentError[] = [];
  const all: Article[] = [];
  let filesRead = 0;

  // Markdown outside content/ar and content/en would otherwise be silently ignored.
  if (existsSync(contentDir)) {
    for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || (LANGS as readonly string[]).includes(entry.name)) continue;
      for (const f of listMarkdown(join(contentDir, entry.name), opts.listing)) {
        filesRead++;
        errors.push(new ContentError(shown(f), `"${entry.name}" is not a language of this archive`, {
          hint: "put Arabic originals under content/ar/ and English translations under content/en/",
        }));
      }
    }
  }

  for (const lang of LANGS) {
    for (const path of listMarkdown(join(contentDir, lang), opts.listing)) {
      filesRead++;
      const file = shown(path);
      const stamp = statFile(path, file, opts.listing);
      if (stamp instanceof ContentError) {
        errors.push(stamp);
        continue;
      }
      let read: Buffer | undefined;
      const bytes = () => (read ??= readFileSync(path));
      const parseOpts = { file, lang: lang as Lang, zone: opts.zone, now: opts.now };
      const reread = rereader(path, parseOpts);
      // A cached article whose date "now" has not reached yet is parsed again, for its error.
      const cached = opts.cache?.get(file, lang, opts.zone, stamp, bytes, reread);
      if (cached && !isFuture(cached.date.epoch, opts.now)) {
        all.push(cached);
        continue;
      }
      const text = decodeText(bytes(), file);
      if (text instanceof ContentError) {
        errors.push(text);
        continue;
      }
      const res = parseArticle(text, parseOpts);
      if (Array.isArray(res)) errors.push(...res);
      else {
        all.push(res);
        opts.cache?.put(file, lang, opts.zone, stamp, bytes(), res, reread);
      }
    }
  }

  errors.push(...crossCheck(all));
  const articles = all.filter((a) => !a.draft).sort(newestFirst);
  const drafts = all.filter((a) => a.draft);
  return { articles, drafts, errors, filesRead };
}

/**
 * Parses the file at `path` again for an article's body, which must be the
 * body it had (`bodyHash`). Made outside the loop that reads the files: a
 * closure made there would keep every file's bytes alive with the article.
 */
function rereader(path: string, parseOpts: ParseOptions): (bodyHash: string) => ArticleBody {
  return (bodyHash) => {
    const text = decodeText(readFileSync(path), parseOpts.file);
    const again = text instanceof ContentError ? undefined : parseArticle(text, parseOpts);
    if (!again || Array.isArray(again) || again.bodyHash !== bodyHash) {
      // Thrown, not returned: the build is past the step that reports content errors.
      throw new Error(new ContentError(parseOpts.file, "the file changed while the site was being built", { hint: "build again once it is saved" }).format());
    }
    return articleBody(again);
  };
}

export function newestFirst(a: Article, b: Article): number {
  return b.date.epoch - a.date.epoch || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Checks that need all articles: unique ids and URLs, translations that pair up. */
function crossCheck(all: Article[]): ContentError[] {
  const errors: ContentError[] = [];
  const seen = new Map<string, Article>();
  const originals = new Map<string, Article>();
  const translations = new Map<string, Article>();
  for (const a of all) {
    const urlKey = `${a.lang}/${a.id}`;
    const prev = seen.get(urlKey);
    if (prev) {
      errors.push(new ContentError(a.file, `id "${a.id}" is already used by ${prev.file} (both would be ${routes.article(a.lang, a.id)})`, {
        field: "id",
        hint: "give one of them a different id",
      }));
      continue;
    }
    seen.set(urlKey, a);
    const pairs = a.lang === "ar" ? originals : translations;
    const other = pairs.get(a.translationKey);
    if (other) {
      errors.push(new ContentError(a.file, `translationKey "${a.translationKey}" is already used by ${other.file}`, {
        field: "translationKey",
        hint: "each Arabic article has at most one English translation; give each pair its own key",
      }));
      continue;
    }
    pairs.set(a.translationKey, a);
  }
  for (const en of translations.values()) {
    const ar = originals.get(en.translationKey);
    if (!ar) {
      errors.push(new ContentError(en.file, `no Arabic original has translationKey "${en.translationKey}"`, {
        field: "translationKey",
        hint: "set translationKey to the id of the Arabic article this translates (or to that article's translationKey)",
      }));
    } else if (ar.draft && !en.draft) {
      errors.push(new ContentError(en.file, `its original ${ar.file} is a draft`, {
        field: "draft",
        hint: "mark the translation `draft: true` too, or publish the original",
      }));
    }
  }
  return errors;
}
