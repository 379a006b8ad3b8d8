import { createHash } from "node:crypto";

/** Per field name: the page whose value was made last, and that value. */
const last = new Map<string, { page: object; value: unknown }>();

/** Each lazy field of a page: how it is made and, when it has one, its stand-in (see `lazyField`). */
type Lazies = Map<string, { make: (page: object) => unknown; standIn: (() => unknown) | undefined }>;

/** Where a page keeps its lazy fields: a symbol, so neither JSON nor the templates see it. */
const LAZY = Symbol("lazy fields");

const laziesOf = (page: object): Lazies | undefined => (page as { [LAZY]?: Lazies })[LAZY];

/** Where a page keeps the print of its plain fields and the maker of the others (see `plainFields`). */
const PLAIN = Symbol("plain fields");

interface Plain {
  print: () => unknown;
  rest: (() => object) | undefined;
}

const plainOf = (page: object): Plain | undefined => (page as { [PLAIN]?: Plain })[PLAIN];

/**
 * One getter per field name, shared by every page. V8 keeps an object in its
 * fast mode only while its accessors are functions its siblings share: a
 * getter made for each page turned every page into a slower and larger
 * dictionary (docs/scale.md).
 */
const getters = new Map<string, (this: object) => unknown>();

function getterFor(key: string): (this: object) => unknown {
  let g = getters.get(key);
  if (!g) {
    g = function (this: object) {
      // A template reads a field more than once in a row (Nunjucks looks a member up twice).
      const was = last.get(key);
      if (was?.page === this) return was.value;
      const value = laziesOf(this)!.get(key)!.make(this);
      last.set(key, { page: this, value });
      return value;
    };
    getters.set(key, g);
  }
  return g;
}

/**
 * Defines `key` on `page` as a value made when it is read (by a template, or
 * by the build cache serialising the page for its key) and kept only until
 * the same field of another page is read: the page model of a large archive
 * holds every page at once, and these fields (head metadata, listings,
 * related coverage, bodies) were most of its memory.
 * Enumerable, so JSON.stringify and deep comparisons see it like a plain field.
 * `make` is given the page it is read from (for a stub, its whole page: `made`).
 * `page` must not have the field yet: a data field turned into an accessor
 * also leaves the object in V8's dictionary mode.
 *
 * `standIn`, when given, is what the build cache keys instead of the field's
 * value (src/build/reuse.ts): something cheaper to make that changes whenever
 * the value may, given the page's other fields (which are keyed too) and the
 * site-wide data, code and templates (in every key). Making the value only to
 * hash it was most of the render step's work at +1 article.
 */
export function lazyField<T extends object, K extends keyof T>(page: T, key: K, make: (page: T) => T[K], standIn?: () => unknown): void {
  if (Object.hasOwn(page, key)) throw new Error(`lazyField: the page already has a field ${String(key)}`);
  let lazies = laziesOf(page);
  if (!lazies) Object.defineProperty(page, LAZY, { value: (lazies = new Map()) });
  lazies.set(key as string, { make: make as (page: object) => unknown, standIn });
  Object.defineProperty(page, key, { get: getterFor(key as string), enumerable: true, configurable: true });
}

/**
 * Gives `page` a stand-in for all its plain (not lazy) fields at once: what
 * they are made of, which the build cache keys instead of serialising them
 * (src/build/reuse.ts). It must change whenever any plain field may, given
 * the site-wide data, code and templates (in every key); the lazy fields are
 * keyed as before, each by its own stand-in.
 *
 * With `rest`, `page` is a stub: the fields it was given (those the sitemap
 * and the build cache read: kind, url, lang, alternates, lastmod…) and its
 * lazy fields, while `made(page)` gives the whole page (the render step asks
 * for it only for the pages it renders). A rebuild renders a few hundred of
 * 27,000 pages; making and serialising every page's fields was most of what
 * it paid for its pages (docs/scale.md).
 */
export function plainFields(page: object, print: () => unknown, rest?: () => object): void {
  Object.defineProperty(page, PLAIN, { value: { print, rest } satisfies Plain });
}

/**
 * The whole page of a stub (see `plainFields`); any other page as it is. A
 * new object each time, which the caller lets go once it is rendered: `rest`'s
 * fields, then the stub's own plain fields that `rest` does not give, then its
 * lazy fields (made from the whole page when read). Built as one literal and
 * then added to, it stays in V8's fast mode (fields assigned to the stub would
 * turn it into a dictionary).
 */
export function made<T extends object>(page: T): T {
  const rest = plainOf(page)?.rest;
  if (!rest) return page;
  const whole = rest() as Record<string, unknown>;
  const lazies = laziesOf(page);
  for (const k of Object.keys(page)) if (!lazies?.has(k) && !Object.hasOwn(whole, k)) whole[k] = (page as Record<string, unknown>)[k];
  if (lazies) {
    Object.defineProperty(whole, LAZY, { value: lazies });
    for (const k of lazies.keys()) Object.defineProperty(whole, k, { get: getterFor(k), enumerable: true, configurable: true });
  }
  return whole as T;
}

/**
 * The page as the build cache keys it: each enumerable field's name and JSON
 * (its stand-in's JSON, marked apart, for a lazy field that has one), in
 * order; with a print of the plain fields (`plainFields`), that print and the
 * lazy fields only. Two pages with the same key text render the same.
 */
export function keyText(page: object): string {
  const m = laziesOf(page);
  const plain = plainOf(page);
  if (!m && !plain) return JSON.stringify(page);
  // "~~" marks the plain fields' print, which never equals a field's name and JSON.
  let out = plain ? `{~~${JSON.stringify(plain.print()) ?? "u"},` : "{";
  for (const k of Object.keys(page)) {
    const lazy = m?.get(k);
    if (plain && !lazy) continue;
    const s = lazy?.standIn;
    // "~" marks a stand-in, so it never equals a value's JSON; an undefined value (JSON.stringify leaves it out) is marked too.
    out += `${JSON.stringify(k)}:${s ? `~${JSON.stringify(s()) ?? "u"}` : (JSON.stringify((page as Record<string, unknown>)[k]) ?? "u")},`;
  }
  return out + "}";
}

/** A short hash of `value`'s JSON: a stand-in's part for a value that many pages list (hashed once, not serialised on each page). */
export function jsonHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value) ?? "u", "utf16le").digest("base64");
}

/** `jsonHash` of a value whose JSON is at hand as UTF-16LE bytes (the same hash, without serialising the value). */
export function jsonBytesHash(utf16Json: Buffer): string {
  return createHash("sha256").update(utf16Json).digest("base64");
}
