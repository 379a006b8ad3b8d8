/**
 * Defines `key` on `page` as a value made each time it is read (by a template,
 * or by the build cache serialising the page for its key), not kept: the
 * page model of a large archive holds every page at once, and these fields
 * (head metadata, listings, related coverage, bodies) were most of its memory.
 * Enumerable, so JSON.stringify and deep comparisons see it like a plain field.
 */
export function lazyField<T extends object, K extends keyof T>(page: T, key: K, make: () => T[K]): void {
  Object.defineProperty(page, key, { get: make, enumerable: true, configurable: true });
}
