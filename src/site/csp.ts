/**
 * Content-Security-Policy for every page, as a <meta> tag (static hosts differ
 * in how headers are set). Everything comes from the site itself; the search
 * page's WebAssembly needs 'wasm-unsafe-eval' and nothing looser.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");
