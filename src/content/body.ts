import { createHash } from "node:crypto";

/** An article (src/content/article.ts, which imports this module): what its body is kept by. */
interface Owner {
  readonly file: string;
}

/** An article's text: its HTML and the plain text of each paragraph. */
export interface ArticleBody {
  html: string;
  paragraphs: string[];
}

/**
 * Where each article's body is: held, or read each time it is asked for.
 * A build holds every article at once; their bodies were a large share of
 * its heap (docs/scale.md), and after the related step only the pages
 * rendered and the search records made read them. Keyed weakly: an article
 * that goes, goes with its body.
 */
const bodies = new WeakMap<Owner, ArticleBody | (() => ArticleBody)>();

/** The article's body (read again from where it is kept, when it is not held). */
export function articleBody(a: Owner): ArticleBody {
  const b = bodies.get(a);
  if (!b) throw new Error(`${a.file}: the article's text was not kept with it (a copy of an article loses it)`);
  return typeof b === "function" ? b() : b;
}

/** Holds `body` with `a`, or a function that reads it each time (not kept). */
export function setBody(a: Owner, body: ArticleBody | (() => ArticleBody)): void {
  bodies.set(a, body);
}

/** Whether `a`'s body is held in memory (not read again on each use). */
export function bodyHeld(a: Owner): boolean {
  return typeof bodies.get(a) === "object";
}

/** The body's bytes as the build cache keeps them: its JSON in UTF-16LE, which becomes a string without decoding. */
export function encodeBody(b: ArticleBody): Buffer {
  return Buffer.from(JSON.stringify([b.html, b.paragraphs]), "utf16le");
}

export function decodeBody(bytes: Buffer): ArticleBody {
  const v = JSON.parse(bytes.toString("utf16le")) as unknown;
  if (!Array.isArray(v) || typeof v[0] !== "string" || !Array.isArray(v[1]) || !v[1].every((p) => typeof p === "string")) {
    throw new Error("not an article body");
  }
  return { html: v[0], paragraphs: v[1] as string[] };
}

/** SHA-256 (hex) of the body's bytes (`encodeBody`): what a page's body and a search record are keyed by. */
export function hashBody(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
