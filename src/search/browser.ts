/**
 * The search page, in the browser: reads the state from the URL, runs the
 * query through the same analyser as the index, asks Pagefind, and renders
 * results with DOM text nodes only (no innerHTML: result text is untrusted).
 */
import { queryParts, queryWords } from "./analyze.ts";
import { excerpt } from "./excerpt.ts";
import { filterToken } from "./filters.ts";
import { plural } from "../i18n/plural.ts";
import { formatDay } from "../dates/format.ts";
import { unmaskText } from "./mask.ts";
import { STRINGS } from "../i18n/strings.ts";
import type { Lang } from "../site/settings.ts";

interface PagefindResult {
  id: string;
  /** Word positions of the matches in the page's indexed content. */
  words: number[];
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(q: string, opts: { sort?: Record<string, "asc" | "desc"> }): Promise<{ results: PagefindResult[] }>;
}

const PAGE = 20;
const FIELDS = ["q", "entity", "year", "lang", "sort"] as const;
type State = Record<(typeof FIELDS)[number], string>;

const lang = (document.documentElement.lang === "en" ? "en" : "ar") as Lang;
const digits = (document.documentElement.dataset.digits === "arab" ? "arab" : "latn") as "latn" | "arab";
const ui = (key: keyof typeof STRINGS) => STRINGS[key][lang];
// The site root, wherever the site is hosted: this script lives in <root>/assets/.
const root = new URL("../", import.meta.url);

const form = document.getElementById("search-form") as HTMLFormElement;
const status = document.getElementById("search-status")!;
const list = document.getElementById("search-results")!;
const more = document.getElementById("search-more") as HTMLButtonElement;

interface PagefindModule {
  createInstance(opts: Record<string, never>): Pagefind;
}

let pagefind: Promise<Pagefind> | undefined;
let attempts = 0;
function loadPagefind(): Promise<Pagefind> {
  if (pagefind) return pagefind;
  // A browser remembers a module that failed to load: a retry asks for it under another URL.
  const url = new URL("pagefind/pagefind.js", root);
  if (attempts++) url.searchParams.set("retry", String(attempts));
  pagefind = import(/* @vite-ignore */ url.href).then(async (mod: PagefindModule) => {
    // An instance of our own: after a failed load, the next search starts a fresh one
    // (Pagefind's module-level instance would wait forever for an index that failed).
    const pf = mod.createInstance({});
    await pf.init();
    // Large archives are indexed in partitions of months; search them all together.
    for (const dir of (form.dataset.extraIndexes ?? "").split(" ").filter(Boolean)) {
      await pf.mergeIndex(new URL(dir, root).pathname);
    }
    return pf;
  });
  return pagefind;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ""])) as State;
}

function fillForm(s: State): void {
  for (const f of FIELDS) {
    const el = form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = s[f];
  }
}

function formState(): State {
  const data = new FormData(form);
  return Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? "").trim()])) as State;
}

function stateUrl(s: State): string {
  const params = new URLSearchParams();
  for (const f of FIELDS) if (s[f]) params.set(f, s[f]);
  const qs = params.toString();
  return location.pathname + (qs ? `?${qs}` : "");
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function renderResult(r: PagefindResult, words: string[]): Promise<HTMLLIElement> {
  const { url, meta } = await r.data();
  // Pagefind puts the site's path prefix in front of the record's URL (/archive/ar/…) when the index lives below one.
  const href = url.startsWith(root.pathname) ? url : new URL(url.replace(/^\//, ""), root).pathname;
  const itemLang: Lang = href.slice(root.pathname.length).startsWith("en/") ? "en" : "ar";
  const dir = itemLang === "ar" ? "rtl" : "ltr";
  const li = el("li", { lang: itemLang, dir });
  li.append(el("a", { href, class: "title" }, meta.title ?? url));
  const info = el("p", { class: "meta" });
  // The day is stored as ى + YYYYMMDD (records.ts) and shown as the site shows days.
  const m = /(\d{4})(\d{2})(\d{2})/.exec(meta.day ?? "");
  if (m) {
    const [, y, mo, d] = m;
    info.append(el("time", { datetime: `${y}-${mo}-${d}` }, formatDay(Date.UTC(Number(y), Number(mo) - 1, Number(d), 12), "UTC", itemLang, digits)));
  }
  li.append(info);
  const p = el("p", { class: "excerpt" });
  for (const piece of excerpt(unmaskText(meta.text ?? ""), words)) p.append(piece.mark ? el("mark", {}, piece.text) : document.createTextNode(piece.text));
  li.append(p);
  return li;
}

/** Pages where the words of a phrase (index forms) stand at consecutive positions, each matching as Pagefind matches a word. */
async function phraseResults(pf: Pagefind, words: string[], opts: { sort?: Record<string, "asc" | "desc"> }): Promise<PagefindResult[]> {
  const each = await Promise.all(words.map((w) => pf.search(w, opts)));
  const positions = each.map((r) => new Map(r.results.map((x) => [x.id, new Set(x.words)])));
  return each[0]!.results.filter((r) => r.words.some((at) => positions.every((p, k) => p.get(r.id)?.has(at + k))));
}

let run = 0;
async function search(s: State): Promise<void> {
  const mine = ++run;
  list.replaceChildren();
  more.hidden = true;
  const { phrases, words: terms } = queryParts(s.q);
  const filters: string[] = [];
  if (s.entity) filters.push(filterToken("entity", s.entity));
  if (s.year) filters.push(filterToken("year", s.year));
  if (s.lang) filters.push(filterToken("lang", s.lang));
  if (!phrases.length && !terms.length && !filters.length) {
    status.textContent = "";
    return;
  }
  status.textContent = ui("searching");
  const opts = s.sort === "date" ? { sort: { date: "desc" as const } } : {};
  let lists: PagefindResult[][];
  try {
    const pf = await loadPagefind();
    // Pagefind's own phrase search ("…") works only when the phrase is the whole
    // query and misses some pages, so a phrase is found here: its words are
    // searched one by one and a page is kept where they stand at consecutive
    // positions. The other words and the filters are one search; a result must
    // be found by every search (in the order of the first).
    lists = await Promise.all([
      ...(terms.length || filters.length ? [pf.search([...terms, ...filters].join(" "), opts).then((r) => r.results)] : []),
      ...phrases.map((p) => phraseResults(pf, p.split(" "), opts)),
    ]);
  } catch {
    // The index did not load (Pagefind reports that on the first search); the next search loads it again.
    pagefind = undefined;
    if (mine === run) status.textContent = ui("searchUnavailable");
    return;
  }
  const res = { results: lists[0]! };
  for (const other of lists.slice(1)) {
    const ids = new Set(other.map((r) => r.id));
    res.results = res.results.filter((r) => ids.has(r.id));
  }
  if (mine !== run) return;
  status.textContent = plural("results", res.results.length, lang, digits);
  const words = queryWords(s.q);
  let shown = 0;
  const next = async () => {
    const batch = res.results.slice(shown, shown + PAGE);
    shown += batch.length;
    const items = await Promise.all(batch.map((r) => renderResult(r, words)));
    if (mine !== run) return;
    list.append(...items);
    more.hidden = shown >= res.results.length;
  };
  more.onclick = () => void next();
  await next();
}

let typing: ReturnType<typeof setTimeout> | undefined;
// Whether the current history entry is a search still being typed (replaced as
// the reader goes on) rather than one already left behind (a new one is pushed).
let live = false;
form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(typing);
  const s = formState();
  if (live) history.replaceState(s, "", stateUrl(s));
  else history.pushState(s, "", stateUrl(s));
  live = false;
  void search(s);
});
// Search as the reader types or changes a filter; the URL follows, one history entry per search.
form.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const s = formState();
    if (stateUrl(s) === location.pathname + location.search) return;
    if (live) history.replaceState(s, "", stateUrl(s));
    else history.pushState(s, "", stateUrl(s));
    live = true;
    void search(s);
  }, 250);
});
window.addEventListener("popstate", () => {
  clearTimeout(typing);
  live = false;
  const s = readState();
  fillForm(s);
  void search(s);
});

const initial = readState();
fillForm(initial);
void search(initial);
