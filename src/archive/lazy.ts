import { createHash } from "node:crypto";

/** Per field name: the page whose value was made last, and that value. */
const last = new Map<string, { page: object; value: unknown }>();

/** Per page: the lazy fields that have a stand-in for the build cache's key (see `lazyField`). */
const standIns = new WeakMap<object, Map<string, () => unknown>>();

/**
 * Defines `key` on `page` as a value made when it is read (by a template, or
 * by the build cache serialising the page for its key) and kept only until
 * the same field of another page is read: the page model of a large archive
 * holds every page at once, and these fields (head metadata, listings,
 * related coverage, bodies) were most of its memory.
 * Enumerable, so JSON.stringify and deep comparisons see it like a plain field.
 *
 * `standIn`, when given, is what the build cache keys instead of the field's
 * value (src/build/reuse.ts): something cheaper to make that changes whenever
 * the value may, given the page's other fields (which are keyed too) and the
 * site-wide data, code and templates (in every key). Making the value only to
 * hash it was most of the render step's work at +1 article.
 */
export function lazyField<T extends object, K extends keyof T>(page: T, key: K, make: () => T[K], standIn?: () => unknown): void {
  Object.defineProperty(page, key, {
    get: () => {
      // A template reads a field more than once in a row (Nunjucks looks a member up twice).
      const was = last.get(key as string);
      if (was?.page === page) return was.value as T[K];
      const value = make();
      last.set(key as string, { page, value });
      return value;
    },
    enumerable: true,
    configurable: true,
  });
  if (standIn) {
    let m = standIns.get(page);
    if (!m) standIns.set(page, (m = new Map()));
    m.set(key as string, standIn);
  }
}

/**
 * The page as the build cache keys it: each enumerable field's name and JSON
 * (its stand-in's JSON, marked apart, for a lazy field that has one), in
 * order. Two pages with the same key text render the same.
 */
export function keyText(page: object): string {
  const m = standIns.get(page);
  if (!m) return JSON.stringify(page);
  let out = "{";
  for (const k of Object.keys(page)) {
    const s = m.get(k);
    // "~" marks a stand-in, so it never equals a value's JSON; an undefined value (JSON.stringify leaves it out) is marked too.
    out += `${JSON.stringify(k)}:${s ? `~${JSON.stringify(s()) ?? "u"}` : (JSON.stringify((page as Record<string, unknown>)[k]) ?? "u")},`;
  }
  return out + "}";
}

/** A short hash of `value`'s JSON: a stand-in's part for a value that many pages list (hashed once, not serialised on each page). */
export function jsonHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value) ?? "u", "utf16le").digest("base64");
}
