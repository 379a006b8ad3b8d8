/**
 * The search page, in the browser: reads the state from the URL, runs the
 * query through the same analyser as the index, asks Pagefind, and renders
 * results with DOM text nodes only (no innerHTML: result text is untrusted).
 */
import { parseQuery, resolveQuery, searchesOf, suggestions } from "./query.ts";
import { excerpt, markedTokens, pieces, type Piece } from "./excerpt.ts";
import { filterToken } from "./filters.ts";
import { MergedResults } from "./merge.ts";
import { plural } from "../i18n/plural.ts";
import { formatDay } from "../dates/format.ts";
import { unmaskText } from "./mask.ts";
import { STRINGS } from "../i18n/strings.ts";
import type { Lang } from "../i18n/lang.ts";

interface PagefindResult {
  id: string;
  score: number;
  /** Word positions of the matches in the page's indexed content. */
  words: number[];
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(q: string, opts: { sort?: Record<string, "asc" | "desc"> }): Promise<{ results: PagefindResult[] }>;
}
type SearchOptions = { sort?: Record<string, "asc" | "desc"> };

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
const note = document.getElementById("search-note")!;
const list = document.getElementById("search-results")!;
const more = document.getElementById("search-more") as HTMLButtonElement;

interface PagefindModule {
  createInstance(opts: Record<string, never>): Pagefind;
}

/**
 * The search index: one Pagefind instance and one load promise, shared by
 * every search; after a failed load the next search loads it again. Also
 * answers how many pages hold a word, once per word (the query analysis asks
 * the index which of a word's candidate keys exist).
 */
class SearchIndex {
  private pagefind: Promise<Pagefind> | undefined;
  private attempts = 0;
  private counts = new Map<string, Promise<number>>();

  load(): Promise<Pagefind> {
    if (this.pagefind) return this.pagefind;
    // A browser remembers a module that failed to load: a retry asks for it under another URL.
    const url = new URL("pagefind/pagefind.js", root);
    if (this.attempts++) url.searchParams.set("retry", String(this.attempts));
    this.pagefind = import(/* @vite-ignore */ url.href).then(async (mod: PagefindModule) => {
      // An instance of our own: Pagefind's module-level one waits forever after a failed load.
      const pf = mod.createInstance({});
      await pf.init();
      // Large archives are indexed in partitions of months; search them all together.
      for (const dir of (form.dataset.extraIndexes ?? "").split(" ").filter(Boolean)) {
        await pf.mergeIndex(new URL(dir, root).pathname);
      }
      return pf;
    });
    this.pagefind.catch(() => this.reset());
    return this.pagefind;
  }

  reset(): void {
    this.pagefind = undefined;
    this.counts.clear();
  }

  /** How many pages hold `term` (a key, or a prefix of keys). */
  readonly pages = (term: string): Promise<number> => {
    let n = this.counts.get(term);
    if (!n) {
      n = this.load().then((pf) => pf.search(term, {}).then((r) => r.results.length));
      n.catch(() => this.counts.delete(term));
      this.counts.set(term, n);
    }
    return n;
  };
}

const index = new SearchIndex();

function readState(): State {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ""])) as State;
}

function fillForm(s: State): void {
  for (const f of FIELDS) {
    const el = form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = s[f];
  }
  // The filters' disclosure stays closed unless a filter is set.
  const box = document.getElementById("search-filters") as HTMLDetailsElement | null;
  if (box && (s.entity || s.year || s.lang || s.sort)) box.open = true;
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

function appendPieces(parent: HTMLElement, ps: Piece[]): void {
  for (const piece of ps) parent.append(piece.mark ? el("mark", {}, piece.text) : document.createTextNode(piece.text));
}

interface Rendered {
  li: HTMLLIElement;
  /** Copies of one text share a group (records.ts). */
  group?: string;
  /** The result as one line, for the list of copies of another result. */
  copy: HTMLAnchorElement;
}

/** The text and matched names of a result, written beside the index by the build (records.ts textPath). */
async function excerptSource(href: string): Promise<{ text: string; names: string }> {
  const m = /(ar|en)\/articles\/([^/]+)\/$/.exec(href);
  if (!m) return { text: "", names: "" };
  try {
    const res = await fetch(new URL(`search-text/${m[1]}/${m[2]}.json`, root));
    if (!res.ok) return { text: "", names: "" };
    const j = (await res.json()) as { text?: unknown; names?: unknown };
    return { text: typeof j.text === "string" ? j.text : "", names: typeof j.names === "string" ? j.names : "" };
  } catch {
    // Without its text a result still shows its headline and dateline.
    return { text: "", names: "" };
  }
}

/** One result: headline, dateline and date, excerpt, each with the matched words marked; a match found only in the names of the article's entities in the other language is shown as such. */
async function renderResult(r: PagefindResult, positions: Set<number>): Promise<Rendered> {
  const { url, meta } = await r.data();
  // Pagefind puts the site's path prefix in front of the record's URL (/archive/ar/…) when the index lives below one.
  const href = url.startsWith(root.pathname) ? url : new URL(url.replace(/^\//, ""), root).pathname;
  const itemLang: Lang = href.slice(root.pathname.length).startsWith("en/") ? "en" : "ar";
  const dir = itemLang === "ar" ? "rtl" : "ltr";
  const source = await excerptSource(href);
  const texts = {
    title: unmaskText(meta.title ?? ""),
    dateline: unmaskText(meta.dateline ?? ""),
    text: source.text,
    names: source.names,
  };
  const seg = markedTokens(texts, positions);
  const li = el("li", { lang: itemLang, dir });
  const a = el("a", { href, class: "title" });
  appendPieces(a, texts.title ? pieces(texts.title, seg.title.tokens, seg.title.marked) : [{ text: url, mark: false }]);
  li.append(a);
  const info = el("p", { class: "meta" });
  if (texts.dateline) {
    const d = el("span", { class: "dateline" });
    appendPieces(d, pieces(texts.dateline, seg.dateline.tokens, seg.dateline.marked));
    info.append(d, " · ");
  }
  // The day is stored as ى + YYYYMMDD (records.ts) and shown as the site shows days.
  const m = /(\d{4})(\d{2})(\d{2})/.exec(meta.day ?? "");
  if (m) {
    const [, y, mo, d] = m;
    info.append(el("time", { datetime: `${y}-${mo}-${d}` }, formatDay(Date.UTC(Number(y), Number(mo) - 1, Number(d), 12), "UTC", itemLang, digits)));
  }
  li.append(info);
  const p = el("p", { class: "excerpt" });
  appendPieces(p, excerpt(texts.text, seg.text.tokens, seg.text.marked));
  li.append(p);
  const names = [...seg.names.marked].sort((x, y) => x - y).map((i) => seg.names.tokens[i]!.text);
  if (names.length) {
    // The page's language is not the query's: say which name in the other language matched.
    const otherLang: Lang = itemLang === "ar" ? "en" : "ar";
    const n = el("p", { class: "matched-name", lang, dir: lang === "ar" ? "rtl" : "ltr" }, `${ui("matchedName")} `);
    n.append(el("mark", { lang: otherLang, dir: otherLang === "ar" ? "rtl" : "ltr" }, names.join(" ")));
    li.append(n);
  }
  const copy = el("a", { href, class: "copy" }, [texts.dateline || texts.title, info.querySelector("time")?.textContent ?? ""].filter(Boolean).join(" · "));
  const group = unmaskText(meta.copies ?? "") || undefined;
  return { li, copy, ...(group ? { group } : {}) };
}

/** Pages where the words of a phrase stand at consecutive positions, with those positions. */
async function phraseResults(pf: Pagefind, words: string[], opts: SearchOptions): Promise<Map<string, { r: PagefindResult; at: number[] }>> {
  const each = await Promise.all(words.map((w) => pf.search(w, opts)));
  const positions = each.map((r) => new Map(r.results.map((x) => [x.id, new Set(x.words)])));
  const out = new Map<string, { r: PagefindResult; at: number[] }>();
  for (const r of each[0]!.results) {
    const at = r.words.filter((p) => positions.every((m, k) => m.get(r.id)?.has(p + k)));
    if (at.length) out.set(r.id, { r, at: at.flatMap((p) => words.map((_, k) => p + k)) });
  }
  return out;
}

function showNote(missing: string[], s: State): void {
  const mine = run;
  note.replaceChildren();
  note.hidden = true;
  if (!missing.length && !(s.entity || s.year || s.lang)) return;
  if (missing.length) {
    const p = el("p", {}, `${ui("noArticleHas")} `);
    missing.forEach((w, i) => {
      if (i) p.append("، ");
      p.append(el("bdi", {}, w));
    });
    note.append(p);
    // Close spellings the archive has, offered as other searches, never shown as matches.
    void Promise.all(missing.map((w) => suggestions(w, index.pages))).then((lists) => {
      const found = lists.flatMap((l, i) => l.map((v) => s.q.replace(missing[i]!, v)));
      // A newer search may have started meanwhile: its note is not this one.
      if (!found.length || mine !== run) return;
      const d = el("p", { class: "did-you-mean" }, `${ui("didYouMean")} `);
      found.forEach((q, i) => {
        if (i) d.append("، ");
        d.append(el("a", { href: stateUrl({ ...s, q }) }, q));
      });
      note.append(d);
    });
  }
  const offers = el("p", {});
  if (s.entity || s.year || s.lang) {
    const clear = { ...s, entity: "", year: "", lang: "" };
    offers.append(el("a", { href: stateUrl(clear) }, ui("removeFilters")), " · ");
  }
  offers.append(el("a", { href: new URL(`${lang}/dates/`, root).pathname }, ui("dates")), " · ", el("a", { href: new URL(`${lang}/entities/`, root).pathname }, ui("entities")));
  note.append(offers);
  note.hidden = false;
}

let run = 0;
async function search(s: State, typing = false): Promise<void> {
  const mine = ++run;
  list.replaceChildren();
  more.hidden = true;
  note.hidden = true;
  const parsed = parseQuery(s.q, typing);
  const filters: string[] = [];
  if (s.entity) filters.push(filterToken("entity", s.entity));
  if (s.year) filters.push(filterToken("year", s.year));
  if (s.lang) filters.push(filterToken("lang", s.lang));
  if (!parsed.phrases.length && !parsed.words.length && !parsed.typing && !filters.length) {
    status.textContent = "";
    return;
  }
  status.textContent = ui("searching");
  const opts: SearchOptions = s.sort === "date" ? { sort: { date: "desc" } } : {};
  let found = new MergedResults<PagefindResult>([]);
  let at: (r: PagefindResult) => Set<number> = () => new Set();
  let missing: string[] = [];
  try {
    const pf = await index.load();
    const q = await resolveQuery(parsed, index.pages);
    missing = q.missing;
    if (!missing.length) {
      // The words and the filters are one search (every word in the page); a phrase is
      // found here, from its words' positions (Pagefind's own phrase search works only
      // when the phrase is the whole query); a result must be found by every search.
      const [main, ...phrases] = await Promise.all([
        q.terms.length || filters.length
          ? // A word's other forms (a Latin name's Arabic spelling, a typed plural's singular) are further searches: pages found by any.
            Promise.all(searchesOf(q).map((terms) => pf.search([...terms, ...filters].join(" "), opts).then((r) => r.results)))
          : Promise.resolve(undefined),
        ...q.phrases.map((p) => phraseResults(pf, p, opts)),
      ]);
      const lists = main ?? [[...phrases[0]!.values()].map((x) => x.r)];
      const dateOf = async (r: PagefindResult) => (await r.data()).meta.day ?? "";
      found = new MergedResults(
        lists.map((l) => l.filter((r) => phrases.every((p) => p.has(r.id)))),
        s.sort === "date" ? dateOf : undefined,
      );
      at = (r) => new Set([...(main ? r.words : []), ...phrases.flatMap((p) => p.get(r.id)!.at)]);
    }
  } catch {
    // The index did not load (Pagefind reports that on the first search); the next search loads it again.
    index.reset();
    if (mine === run) status.textContent = ui("searchUnavailable");
    return;
  }
  if (mine !== run) return;
  status.textContent = plural("results", found.count, lang, digits);
  if (!found.count) showNote(missing, s);
  // Copies of one text (the same wire story in several outlets) are listed once, the others beside it.
  const groups = new Map<string, HTMLElement>();
  const next = async () => {
    const batch = await found.take(PAGE);
    const items = await Promise.all(batch.map((r) => renderResult(r, at(r))));
    if (mine !== run) return;
    for (const item of items) {
      const copies = item.group ? groups.get(item.group) : undefined;
      if (copies) {
        if (copies.childElementCount) copies.append("، ");
        copies.append(item.copy);
        copies.parentElement!.hidden = false;
        continue;
      }
      if (item.group) {
        const line = el("p", { class: "copies" }, `${ui("sameTextIn")} `);
        const links = el("span");
        line.append(links);
        line.hidden = true;
        item.li.append(line);
        groups.set(item.group, links);
      }
      list.append(item.li);
    }
    more.hidden = found.done;
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
    void search(s, true);
  }, 250);
});
// The index starts loading when the reader comes to the box, not at the first query.
input.addEventListener("focus", () => void index.load().catch(() => undefined), { once: true });
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
