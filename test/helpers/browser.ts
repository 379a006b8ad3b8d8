import { chromium as playwright, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import chromiumBinary from "@sparticuz/chromium";

/**
 * Headless Chromium for tests: the binary shipped by @sparticuz/chromium
 * (none is installed system-wide), driven by playwright-core.
 */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
];

/**
 * Runs `fn` with a fresh browser and always closes it. Playwright's `launch`
 * gives the browser a new temporary user-data directory (removed on close),
 * so nothing carries over between runs; each `openPage` gets its own context.
 */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close().catch(() => {});
  }
}

/** A fresh browser for a whole test file (before/after hooks); the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromiumBinary.executablePath();
  return playwright.launch({ executablePath, args: ARGS, headless: true, timeout: 60_000 });
}

export interface ConsoleEntry {
  type: string;
  text: string;
  location: string;
}

export interface CspViolation {
  /** "event" from a securitypolicyviolation listener, "console" from Chromium's console report. */
  via: "event" | "console";
  directive: string;
  blockedURI: string;
  text: string;
}

export interface RequestEntry {
  url: string;
  method: string;
  resourceType: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Network error text, when the request failed or was blocked. */
  failure?: string;
  /** Not served from 127.0.0.1 (nor a data:/blob: URL). */
  thirdParty: boolean;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  consoleMessages: ConsoleEntry[];
  pageErrors: string[];
  cspViolations: CspViolation[];
  requests: RequestEntry[];
  /** Requests that failed, or answered 4xx/5xx (the page's own document included). */
  failedRequests(): RequestEntry[];
  /** Requests that left 127.0.0.1. */
  thirdPartyRequests(): RequestEntry[];
  /** Waits for web fonts and until no request has been in flight for `quietMs` (at most `timeoutMs`). */
  settle(quietMs?: number, timeoutMs?: number): Promise<void>;
  /** Console messages of type "error". */
  consoleErrors(): ConsoleEntry[];
  close(): Promise<void>;
}

export interface OpenOptions extends BrowserContextOptions {
  /** Navigation wait condition; default "load". */
  waitUntil?: "load" | "domcontentloaded" | "networkidle";
  /** Expected HTTP status of the document (default 200). */
  status?: number;
}

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/i.test(url)) return true;
  try {
    return new URL(url).hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

const CSP_LISTENER = `(() => {
  const report = (e) => {
    try {
      globalThis.__arshifCsp?.({ directive: e.effectiveDirective || e.violatedDirective || "", blockedURI: e.blockedURI || "", text: (e.sample || "") + " @ " + (e.sourceFile || "") + ":" + (e.lineNumber || 0) });
    } catch {}
  };
  document.addEventListener("securitypolicyviolation", report, true);
})();`;

/**
 * Opens `url` in a new context of `browser`, recording console messages, page
 * errors, CSP violations and every request. Requests to any host other than
 * 127.0.0.1 are recorded and aborted (tests never touch the network).
 * Pass `bypassCSP: true` only for tooling that must inject scripts (axe).
 */
export async function openPage(browser: Browser, url: string, opts: OpenOptions = {}): Promise<OpenedPage> {
  const { waitUntil = "load", status: expected = 200, ...contextOptions } = opts;
  const context = await browser.newContext({ serviceWorkers: "block", ...contextOptions });
  const consoleMessages: ConsoleEntry[] = [];
  const pageErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  const requests: RequestEntry[] = [];
  const entries = new Map<object, RequestEntry>();
  const inFlight = new Set<object>();
  let lastActivity = Date.now();

  await context.route(
    (u) => !isLocal(u.href),
    (route) => route.abort("blockedbyclient"),
  );
  await context.exposeFunction("__arshifCsp", (v: { directive: string; blockedURI: string; text: string }) => {
    cspViolations.push({ via: "event", ...v });
  });
  await context.addInitScript({ content: CSP_LISTENER });

  const page = await context.newPage();
  page.on("console", (m) => {
    const loc = m.location();
    const entry = { type: m.type(), text: m.text(), location: loc.url ? `${loc.url}:${loc.lineNumber}` : "" };
    consoleMessages.push(entry);
    if (/Content Security Policy/i.test(entry.text)) cspViolations.push({ via: "console", directive: "", blockedURI: "", text: entry.text });
  });
  page.on("pageerror", (e) => pageErrors.push(e.stack ?? e.message));
  page.on("request", (r) => {
    const entry: RequestEntry = { url: r.url(), method: r.method(), resourceType: r.resourceType(), thirdParty: !isLocal(r.url()) };
    entries.set(r, entry);
    requests.push(entry);
    inFlight.add(r);
    lastActivity = Date.now();
  });
  page.on("response", (res) => {
    const entry = entries.get(res.request());
    if (entry) entry.status = res.status();
  });
  page.on("requestfailed", (r) => {
    const entry = entries.get(r);
    // A load the page's own next navigation cancelled (a font still arriving when the
    // test moves on to the next search) is no fault of the page.
    const failure = r.failure()?.errorText ?? "failed";
    if (entry && !(failure === "net::ERR_ABORTED" && r.resourceType() === "font")) entry.failure = failure;
    inFlight.delete(r);
    lastActivity = Date.now();
  });
  page.on("requestfinished", (r) => {
    inFlight.delete(r);
    lastActivity = Date.now();
  });

  const response = await page.goto(url, { waitUntil, timeout: 30_000 });
  if (!response) throw new Error(`no response for ${url}`);
  if (response.status() !== expected) throw new Error(`${url} answered ${response.status()}, expected ${expected}`);

  return {
    page,
    context,
    consoleMessages,
    pageErrors,
    cspViolations,
    requests,
    failedRequests: () => requests.filter((r) => r.failure !== undefined || (r.status !== undefined && r.status >= 400 && !(r.url === url && r.status === expected))),
    settle: async (quietMs = 150, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => {});
      while (Date.now() < until && (inFlight.size > 0 || Date.now() - lastActivity < quietMs)) {
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    thirdPartyRequests: () => requests.filter((r) => r.thirdParty),
    // An expected error status of the document itself is logged as "Failed to load resource": not a problem.
    consoleErrors: () =>
      consoleMessages.filter((m) => m.type === "error" && !(expected >= 400 && m.location.startsWith(url) && /^Failed to load resource: .* status of \d+/.test(m.text))),
    close: () => context.close(),
  };
}

/** One line per problem, for assertion messages. */
export function describeProblems(p: Pick<OpenedPage, "cspViolations" | "pageErrors" | "consoleErrors" | "thirdPartyRequests" | "failedRequests">): string[] {
  return [
    ...p.cspViolations.map((v) => `CSP (${v.via}) ${v.directive} ${v.blockedURI} ${v.text}`.replace(/\s+/g, " ").trim()),
    ...p.pageErrors.map((e) => `page error: ${e}`),
    ...p.consoleErrors().map((m) => `console error: ${m.text} ${m.location}`.trim()),
    ...p.thirdPartyRequests().map((r) => `third-party request: ${r.method} ${r.url} (${r.resourceType})`),
    ...p.failedRequests().map((r) => `failed request: ${r.url} ${r.status ?? ""} ${r.failure ?? ""}`.trim()),
  ];
}
