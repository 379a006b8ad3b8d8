import { createHash } from "node:crypto";

/** Per field name: the page whose value was made last, and that value. */
const last = new Map<string, { page: object; value: unknown }>();

/** Each lazy field of a page: how it is made and, when it has one, its stand-in (see `lazyField`). */
type Lazies = Map<string, { make: () => unknown; standIn: (() => unknown) | undefined }>;

/** Where a page keeps its lazy fields: a symbol, so neither JSON nor the templates see it. */
const LAZY = Symbol("lazy fields");

const laziesOf = (page: object): Lazies | undefined => (page as { [LAZY]?: Lazies })[LAZY];

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
      const value = laziesOf(this)!.get(key)!.make();
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
 * `page` must not have the field yet: a data field turned into an accessor
 * also leaves the object in V8's dictionary mode.
 *
 * `standIn`, when given, is what the build cache keys instead of the field's
 * value (src/build/reuse.ts): something cheaper to make that changes whenever
 * the value may, given the page's other fields (which are keyed too) and the
 * site-wide data, code and templates (in every key). Making the value only to
 * hash it was most of the render step's work at +1 article.
 */
export function lazyField<T extends object, K extends keyof T>(page: T, key: K, make: () => T[K], standIn?: () => unknown): void {
  if (Object.hasOwn(page, key)) throw new Error(`lazyField: the page already has a field ${String(key)}`);
  let lazies = laziesOf(page);
  if (!lazies) Object.defineProperty(page, LAZY, { value: (lazies = new Map()) });
  lazies.set(key as string, { make, standIn });
  Object.defineProperty(page, key, { get: getterFor(key as string), enumerable: true, configurable: true });
}

/**
 * The page as the build cache keys it: each enumerable field's name and JSON
 * (its stand-in's JSON, marked apart, for a lazy field that has one), in
 * order. Two pages with the same key text render the same.
 */
export function keyText(page: object): string {
  const m = laziesOf(page);
  if (!m) return JSON.stringify(page);
  let out = "{";
  for (const k of Object.keys(page)) {
    const s = m.get(k)?.standIn;
    // "~" marks a stand-in, so it never equals a value's JSON; an undefined value (JSON.stringify leaves it out) is marked too.
    out += `${JSON.stringify(k)}:${s ? `~${JSON.stringify(s()) ?? "u"}` : (JSON.stringify((page as Record<string, unknown>)[k]) ?? "u")},`;
  }
  return out + "}";
}

/** A short hash of `value`'s JSON: a stand-in's part for a value that many pages list (hashed once, not serialised on each page). */
export function jsonHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value) ?? "u", "utf16le").digest("base64");
}
