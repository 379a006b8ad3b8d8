/** Absolute addresses for feeds, the sitemap, canonical links and structured data. */
export interface Urls {
  /** URL path prefix the site is served under, e.g. "/" or "/archive/". */
  prefix: string;
  /** Site path (/ar/…) → absolute URL with origin and prefix. */
  abs(path: string): string;
}

export function normalizePrefix(prefix: string): string {
  const p = `/${prefix}/`.replace(/\/+/g, "/");
  return p;
}

export function makeUrls(siteUrl: string, prefix: string): Urls {
  const p = normalizePrefix(prefix);
  const origin = siteUrl.replace(/\/+$/, "");
  return { prefix: p, abs: (path) => origin + p + path.replace(/^\//, "") };
}

/**
 * JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` are
 * escaped so no value can close the script element, and U+2028/2029 so the
 * text is also valid JavaScript.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
