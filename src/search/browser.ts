/**
 * The search page, in the browser: reads the state from the URL, runs the
 * query through the same analyser as the index, asks Pagefind, and renders
 * results with DOM text nodes only (no innerHTML: result text is untrusted).
 */
import { analyzeQuery, queryWords } from "./analyze.ts";
import { excerpt } from "./excerpt.ts";
import { filterToken } from "./filters.ts";
import { plural } from "../i18n/plural.ts";
import { STRINGS } from "../i18n/strings.ts";
import type { Lang } from "../site/settings.ts";

interface PagefindResult {
  id: string;
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
const input = form.elements.namedItem("q") as HTMLInputElement;
const status = document.getElementById("search-status")!;
const list = document.getElementById("search-results")!;
const more = document.getElementById("search-more") as HTMLButtonElement;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ new URL("pagefind/pagefind.js", root).href).then(async (pf: Pagefind) => {
    await pf.init();
    // Large archives are indexed in partitions of years; search them all together.
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
  const itemLang = meta.lang === "en" ? "en" : "ar";
  const dir = itemLang === "ar" ? "rtl" : "ltr";
  const li = el("li", { lang: itemLang, dir });
  const href = new URL(url.replace(/^\//, ""), root).pathname;
  li.append(el("a", { href, class: "title" }, meta.title ?? url));
  const info = el("p", { class: "meta" });
  info.append(el("time", { datetime: meta.datetime ?? "" }, meta[`date_${itemLang}`] ?? ""));
  if (meta.dateline) info.append(` · ${meta.dateline}`);
  li.append(info);
  const p = el("p", { class: "excerpt" });
  for (const piece of excerpt(meta.text ?? "", words)) p.append(piece.mark ? el("mark", {}, piece.text) : document.createTextNode(piece.text));
  li.append(p);
  return li;
}

let run = 0;
async function search(s: State): Promise<void> {
  const mine = ++run;
  list.replaceChildren();
  more.hidden = true;
  const terms = analyzeQuery(s.q);
  const filters: string[] = [];
  if (s.entity) filters.push(filterToken("entity", s.entity));
  if (s.year) filters.push(filterToken("year", s.year));
  if (s.lang) filters.push(filterToken("lang", s.lang));
  if (!terms && !filters.length) {
    status.textContent = "";
    return;
  }
  status.textContent = ui("searching");
  let pf: Pagefind;
  try {
    pf = await loadPagefind();
  } catch {
    status.textContent = ui("searchUnavailable");
    return;
  }
  const res = await pf.search([terms, ...filters].filter(Boolean).join(" "), s.sort === "date" ? { sort: { date: "desc" } } : {});
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
form.addEventListener("submit", (e) => {
  e.preventDefault();
  const s = formState();
  history.pushState(s, "", stateUrl(s));
  void search(s);
});
// Search as the reader types or changes a filter; the URL follows without piling up history.
form.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const s = formState();
    history.replaceState(s, "", stateUrl(s));
    void search(s);
  }, 250);
});
window.addEventListener("popstate", () => {
  const s = readState();
  fillForm(s);
  void search(s);
});

const initial = readState();
fillForm(initial);
void search(initial);
