/**
 * The search page, in the browser: reads the state from the URL, runs the
 * query through the same analyser as the index, asks Pagefind, and renders
 * results with DOM text nodes only (no innerHTML: result text is untrusted).
 */
import { localKeys, parseQuery, resolveQuery, searchesOf, suggestions, type QueryWord } from "./query.ts";
import { phraseIn } from "./phrase.ts";
import { excerpt, markedTokens, pieces, type Piece } from "./excerpt.ts";
import { filterToken } from "./filters.ts";
import { MergedResults } from "./merge.ts";
import { lookUp, parseShard, shardOf, WORDS_DIR, WORDS_META, type Entry } from "./directory.ts";
import { entitiesNamed, entityNameIn, NAMES_FILE, type NameTable } from "./names.ts";
import { KEY_END } from "./terms.ts";
import { chunkProbes, chunkTable, type ChunkRange } from "./chunks.ts";
import { plural } from "../i18n/plural.ts";
import { formatDay } from "../dates/format.ts";
import { unmaskText } from "./mask.ts";
import { STRINGS } from "../i18n/strings.ts";
import { dirOf, otherLang, type Lang } from "../i18n/lang.ts";
import { articleOf, routes } from "../archive/routes.ts";

interface PagefindResult {
  id: string;
  score: number;
  /** Word positions of the matches in the page's indexed content. */
  words: number[];
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  init(): Promise<void>;
  mergeIndex(path: string, opts: { mergeFilter: Record<string, string[]> }): Promise<void>;
  search(q: string, opts: SearchOptions): Promise<{ results: PagefindResult[] }>;
  preload(q: string): Promise<void>;
}
type SearchOptions = { sort?: Record<string, "asc" | "desc">; filters?: Record<string, string> };

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
  createInstance(opts: { mergeFilter: Record<string, string[]> }): Pagefind;
}

/**
 * The index's partitions, newest months first (partition.ts): pagefind/, then
 * the others the search page lists. Each partition's pages carry a filter of
 * their own (Pagefind's mergeFilter, added in the browser, nothing fetched),
 * so that a search can be narrowed to one partition.
 */
const PARTS = ["pagefind/", ...(form.dataset.extraIndexes ?? "").split(" ").filter(Boolean)];
const PART = "partition";
/**
 * The partitions' two groups, as bit masks: the newest ones, whose words are
 * keyed against the whole archive, and the sealed ones, keyed against their
 * own originals (src/search/records.ts, sealedSite). A query's words are
 * keyed in each group apart (query.ts, localKeys).
 */
const OPEN = Math.max(1, Math.min(PARTS.length, Number(form.dataset.openIndexes) || PARTS.length));
const GROUPS = [(1n << BigInt(OPEN)) - 1n, ((1n << BigInt(PARTS.length)) - 1n) & ~((1n << BigInt(OPEN)) - 1n)].filter((m) => m !== 0n);
/** The group of partition k: 0 (open) or 1 (sealed). */
const groupOf = (k: number): number => (k < OPEN ? 0 : 1);
const inPart = (k: number): Record<string, string[]> => ({ [PART]: [String(k)] });

/**
 * The search index: one Pagefind instance and one load promise, shared by
 * every search; after a failed load the next search loads it again. The
 * newest partition is Pagefind's own index; the others are opened when a
 * search needs them: each costs the reader its metadata (every page's entry)
 * and an index chunk per word searched, and once open it is part of every
 * later search. Also answers how many pages hold a word (the query analysis
 * asks which of a word's candidate keys exist), from the word directory.
 */
class SearchIndex {
  private pagefind: Promise<Pagefind> | undefined;
  private opening = new Map<number, Promise<Pagefind>>();
  private attempts = 0;
  private counts = new Map<string, Promise<number>>();
  /** Partitions holding a word, as the word directory says (directory.ts). */
  private holding = new Map<string, bigint>();
  private directory: Promise<{ shards: number } | undefined> | undefined;
  private shards = new Map<number, Promise<Map<string, Entry>>>();
  private nameTable: Promise<NameTable | undefined> | undefined;
  /** Each partition's word chunks (chunks.ts), fetched when a beginning is first searched in it. */
  private chunkTables = new Map<number, Promise<ChunkRange[]>>();
  /** Partitions open and searchable. */
  private readonly opened = new Set<number>();
  readonly size = PARTS.length;

  load(): Promise<Pagefind> {
    if (this.pagefind) return this.pagefind;
    // A browser remembers a module that failed to load: a retry asks for it under another URL.
    const url = new URL("pagefind/pagefind.js", root);
    if (this.attempts++) url.searchParams.set("retry", String(this.attempts));
    const loading = import(/* @vite-ignore */ url.href).then(async (mod: PagefindModule) => {
      // An instance of our own: Pagefind's module-level one waits forever after a failed load.
      const pf = mod.createInstance({ mergeFilter: inPart(0) });
      await pf.init();
      if (this.pagefind === loading) this.opened.add(0);
      return pf;
    });
    this.pagefind = loading;
    this.opening = new Map([[0, loading]]);
    loading.catch(() => this.reset());
    return loading;
  }

  /** The index with partition k open (each opened once). */
  open(k: number): Promise<Pagefind> {
    const start = this.load();
    let p = this.opening.get(k);
    if (!p) {
      p = start.then(async (pf) => {
        await pf.mergeIndex(new URL(PARTS[k]!, root).pathname, { mergeFilter: inPart(k) });
        if (this.pagefind === start) this.opened.add(k);
        return pf;
      });
      p.catch(() => this.reset());
      this.opening.set(k, p);
    }
    return p;
  }

  /** Partition k's chunk table, from Pagefind's own metadata files (the browser has them cached); none when it cannot be read. */
  private chunks(k: number): Promise<ChunkRange[]> {
    let table = this.chunkTables.get(k);
    if (!table) {
      const base = new URL(PARTS[k]!, root);
      table = (async () => {
        const entry = (await (await fetch(new URL("pagefind-entry.json", base))).json()) as { languages: Record<string, { hash: string }> };
        const tables = await Promise.all(
          Object.values(entry.languages).map(async ({ hash }) => {
            const r = await fetch(new URL(`pagefind.${hash}.pf_meta`, base));
            if (!r.ok) return [];
            const bytes = new Uint8Array(await r.arrayBuffer());
            // Gzipped, unless Pagefind wrote it plain (its signature first).
            const gunzip = async () => new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
            return chunkTable(bytes) ?? chunkTable(await gunzip()) ?? [];
          }),
        );
        return tables.flat();
      })();
      // Not read: the search goes on without it, and the next beginning asks again.
      table = table.catch(() => {
        this.chunkTables.delete(k);
        return [];
      });
      this.chunkTables.set(k, table);
    }
    return table;
  }

  /**
   * Makes Pagefind fetch every chunk of partition k's index that may hold a
   * word beginning with one of `terms` (those that are beginnings): for a
   * beginning, it fetches only the chunk whose range holds the beginning
   * itself (chunks.ts). Preloading reaches every open partition, so each
   * probe also fetches the chunk it falls in of the other open partitions.
   */
  async preloadBeginnings(pf: Pagefind, k: number, terms: string[]): Promise<void> {
    const beginnings = terms.filter((t) => !t.endsWith(KEY_END));
    if (!beginnings.length) return;
    const table = await this.chunks(k);
    const probes = new Set(beginnings.flatMap((b) => chunkProbes(table, b)));
    await Promise.all([...probes].map((p) => pf.preload(p)));
  }

  isOpen(k: number): boolean {
    return this.opened.has(k);
  }

  reset(): void {
    this.pagefind = undefined;
    this.opening = new Map();
    this.opened.clear();
    this.counts.clear();
    this.holding.clear();
  }

  /** What the word directory says of `term`; undefined when it cannot say (a short beginning, a word not of letters, no directory). */
  private async fromDirectory(term: string): Promise<Entry | undefined> {
    if (!this.directory) {
      const meta = fetch(new URL(WORDS_DIR + WORDS_META, root)).then(async (r) => (r.ok ? ((await r.json()) as { shards: number }) : undefined));
      // A failed fetch is tried again by the next word; meanwhile the index answers.
      meta.catch(() => (this.directory = undefined));
      this.directory = meta;
    }
    const meta = await this.directory;
    if (!meta) return undefined;
    const s = shardOf(term, meta.shards);
    if (s === undefined) return undefined;
    let shard = this.shards.get(s);
    if (!shard) {
      shard = fetch(new URL(`${WORDS_DIR}${s}.txt`, root)).then(async (r) => {
        if (!r.ok) throw new Error(`${WORDS_DIR}${s}.txt: HTTP ${r.status}`);
        return parseShard(await r.text());
      });
      shard.catch(() => this.shards.delete(s));
      this.shards.set(s, shard);
    }
    return lookUp(await shard, term, KEY_END);
  }

  /**
   * The name table (names.ts), fetched at the first Latin word. A failed
   * fetch is tried again by the next search; meanwhile Latin words are searched as words only.
   */
  names(): Promise<NameTable | undefined> {
    if (!this.nameTable) {
      const table = fetch(new URL(WORDS_DIR + NAMES_FILE, root)).then(async (r) => (r.ok ? ((await r.json()) as NameTable) : undefined));
      this.nameTable = table.catch(() => {
        this.nameTable = undefined;
        return undefined;
      });
    }
    return this.nameTable;
  }

  /** The entities whose English names hold the Latin words (query.ts NamesOf). */
  readonly namesOf = async (words: string[], typing?: string): Promise<string[]> => {
    const table = await this.names();
    return table ? entitiesNamed(table, words, typing) : [];
  };

  /** `pages` as a group of partitions (a bit mask) sees it: 0 for a term the directory puts only in others. */
  within(group: bigint): (term: string) => Promise<number> {
    return async (term) => {
      const n = await this.pages(term);
      const held = this.holders(term);
      return held === undefined || (held & group) !== 0n ? n : 0;
    };
  }

  /** The partitions that hold `term` (bit k: partition k), when the directory said; undefined: any may. */
  holders(term: string): bigint | undefined {
    return this.holding.get(term);
  }

  /**
   * How many pages hold `term` (a key, or a prefix of keys). From the word
   * directory when it lists the term: exact for a word, for a beginning the
   * most pages of one word it begins. Otherwise from the open partitions,
   * opening older ones while none holds it: 0 only when no partition does,
   * else at least 1 and at most the archive's count.
   */
  readonly pages = (term: string): Promise<number> => {
    let n = this.counts.get(term);
    if (!n) {
      n = (async () => {
        const listed = await this.fromDirectory(term).catch(() => undefined);
        if (listed) {
          this.holding.set(term, listed.parts);
          return listed.pages;
        }
        // Not listed: asked of the open partitions, then of older ones, one at a time, while none holds it.
        for (let k = 0; ; k++) {
          const pf = await this.open(k);
          if (k < this.size - 1 && this.isOpen(k + 1)) continue;
          // Partitions 0 to k are open: each one's chunks for a beginning.
          await Promise.all(Array.from({ length: k + 1 }, (_, j) => (this.isOpen(j) ? this.preloadBeginnings(pf, j, [term]) : undefined)));
          const found = (await pf.search(term, {})).results.length;
          if (found > 0 || k >= this.size - 1) return found;
        }
      })();
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
  const a = articleOf(`/${href.slice(root.pathname.length)}`);
  if (!a) return { text: "", names: "" };
  try {
    const res = await fetch(new URL(routes.searchText(a.lang, a.id).slice(1), root));
    if (!res.ok) return { text: "", names: "" };
    const j = (await res.json()) as { text?: unknown; names?: unknown };
    return { text: typeof j.text === "string" ? j.text : "", names: typeof j.names === "string" ? j.names : "" };
  } catch {
    // Without its text a result still shows its headline and dateline.
    return { text: "", names: "" };
  }
}

/** The results whose headline, dateline or text holds every quoted phrase as typed (phrase.ts); one whose text is not to be had is kept. */
async function withPhrases(results: PagefindResult[], phrases: QueryWord[][]): Promise<PagefindResult[]> {
  const keep = await Promise.all(
    results.map(async (r) => {
      const { url, meta } = await r.data();
      const source = await excerptSource(hrefOf(url));
      if (!source.text) return true;
      const texts = [unmaskText(meta.title ?? ""), unmaskText(meta.dateline ?? ""), source.text];
      return phrases.every((p) => phraseIn(texts, p.map((w) => w.text)));
    }),
  );
  return results.filter((_, i) => keep[i]);
}

/** Pagefind puts the site's path prefix in front of the record's URL (/archive/ar/…) when the index lives below one. */
function hrefOf(url: string): string {
  return url.startsWith(root.pathname) ? url : new URL(url.replace(/^\//, ""), root).pathname;
}

/**
 * One result: headline, dateline and date, excerpt, each with the matched
 * words marked; a match found only in the names of the article's entities in
 * the other language (a translation's Arabic names, or `named`: the English
 * names of the entities a Latin query found it by) is shown as such.
 */
async function renderResult(r: PagefindResult, positions: Set<number>, named: string[]): Promise<Rendered> {
  const { url, meta } = await r.data();
  const href = hrefOf(url);
  const itemLang: Lang = href.slice(root.pathname.length).startsWith("en/") ? "en" : "ar";
  const dir = dirOf(itemLang);
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
  const marked = [...seg.names.marked].sort((x, y) => x - y).map((i) => seg.names.tokens[i]!.text);
  // An English name is news on an Arabic page, or on a translation whose own words show no match.
  const shown = itemLang === "ar" || !(seg.title.marked.size || seg.dateline.marked.size || seg.text.marked.size);
  const found = marked.length ? { names: marked.join(" "), in: otherLang(itemLang) } : named.length && shown ? { names: named.join(", "), in: "en" as const } : undefined;
  if (found) {
    // The page does not show what matched: say which name did.
    const n = el("p", { class: "matched-name", lang, dir: dirOf(lang) }, `${ui("matchedName")} `);
    n.append(el("mark", { lang: found.in, dir: dirOf(found.in) }, found.names));
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

/** Words no article has, searched as the archive spells the same name: said before the results. */
function showRespelled(words: { typed: string; as: string }[]): void {
  const p = el("p", {}, `${ui("respelledAs")} `);
  words.forEach(({ typed, as }, i) => {
    if (i) p.append("، ");
    // The arrow points along the page's reading direction: from what was typed to what was searched.
    p.append(el("bdi", {}, typed), lang === "ar" ? " ← " : " → ", el("bdi", {}, as));
  });
  note.replaceChildren(p);
  note.hidden = false;
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
  const at = (path: string) => new URL(path.slice(1), root).pathname;
  offers.append(el("a", { href: at(routes.dates(lang)) }, ui("dates")), " · ", el("a", { href: at(routes.entities(lang)) }, ui("entities")));
  note.append(offers);
  note.hidden = false;
}

/**
 * A query's results, partition by partition (newest months first), each
 * partition's results in the order asked for (by relevance or newest first);
 * a partition is searched when a page of results needs it, or for free when
 * it is already open. Since partitions hold consecutive months, newest first
 * is the archive's order; by relevance, the most relevant of recent months
 * come before older ones. The count is exact once every partition answered,
 * until then it is a lower bound (the status says "at least").
 */
class PartitionedResults {
  private readonly parts: MergedResults<PagefindResult>[] = [];
  private at = 0;
  /** Partitions searched: 0..searched-1. */
  searched = 0;
  count = 0;

  constructor(
    private readonly searchPart: (k: number) => Promise<MergedResults<PagefindResult>>,
    /** Partitions that can hold results (bit k: partition k); the others are skipped unopened. */
    private readonly wanted: bigint,
    /** The count, when the word directory knows it before the partitions answer (a query of one word). */
    readonly total?: number,
  ) {}

  get complete(): boolean {
    return this.searched >= index.size;
  }

  get done(): boolean {
    return this.complete && this.parts.every((p) => p.done);
  }

  /** Searches partitions until `want` results are found, and every partition already open. */
  async fill(want: number): Promise<void> {
    while (this.searched < index.size) {
      const k = this.searched;
      if (!((this.wanted >> BigInt(k)) & 1n)) {
        this.searched++;
        continue;
      }
      if (this.count >= want && !index.isOpen(k)) break;
      const found = await this.searchPart(k);
      this.parts.push(found);
      this.count += found.count;
      this.searched++;
    }
  }

  /** The next `n` results, searching older partitions as needed. */
  async take(n: number, shown: number): Promise<PagefindResult[]> {
    await this.fill(shown + n);
    const out: PagefindResult[] = [];
    while (out.length < n && this.at < this.parts.length) {
      out.push(...(await this.parts[this.at]!.take(n - out.length)));
      if (this.parts[this.at]!.done) this.at++;
    }
    return out;
  }
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
  const sort: SearchOptions = s.sort === "date" ? { sort: { date: "desc" } } : {};
  let at: (r: PagefindResult) => Set<number> = () => new Set();
  /** Per result: the English names of the entities a Latin query found it by. */
  const namedBy = new Map<string, string[]>();
  let missing: string[] = [];
  let respelled: { typed: string; as: string }[] = [];
  let found: PartitionedResults | undefined;
  let shown = 0;
  const announce = () => {
    const n = found?.count ?? 0;
    const exact = found?.total ?? (!found || found.complete ? n : undefined);
    status.textContent = exact !== undefined ? plural("results", exact, lang, digits) : ui("atLeast").replace("#", plural("results", n, lang, digits));
  };
  let first: PagefindResult[] = [];
  try {
    await index.load();
    const q = await resolveQuery(parsed, index.pages, index.namesOf);
    const table = q.named.size ? await index.names() : undefined;
    const searched = searchesOf(q);
    missing = q.missing;
    respelled = q.respelled;
    if (!missing.length) {
      // Each group's own keys for the words (one group: the keys just chosen).
      const locals = GROUPS.length > 1 ? await Promise.all(GROUPS.map((g) => localKeys(q, index.within(g)))) : [new Map<string, string>()];
      const local = (terms: string[], group: number) => terms.map((t) => locals[group]!.get(t) ?? t);
      const dateOf = async (r: PagefindResult) => (await r.data()).meta.day ?? "";
      // One partition's results: every search of the query narrowed to the partition.
      const searchPart = async (k: number): Promise<MergedResults<PagefindResult>> => {
        const pf = await index.open(k);
        const opts: SearchOptions = { ...sort, filters: { [PART]: String(k) } };
        if (q.terms.length) await index.preloadBeginnings(pf, k, searched.flatMap((terms) => local(terms, groupOf(k))));
        // The words and the filters are one search (every word in the page); a phrase is
        // found here, from its words' positions (Pagefind's own phrase search works only
        // when the phrase is the whole query); a result must be found by every search.
        const [main, ...phrases] = await Promise.all([
          q.terms.length || filters.length
            ? // A word's other forms (a Latin name's Arabic spelling, a typed plural's singular) are further searches: pages found by any.
              Promise.all(searched.map((terms) => pf.search([...local(terms, groupOf(k)), ...filters].join(" "), opts).then((r) => r.results)))
            : Promise.resolve(undefined),
          ...q.phrases.map((p) => phraseResults(pf, local(p, groupOf(k)), opts)),
        ]);
        const lists = main ?? [[...phrases[0]!.values()].map((x) => x.r)];
        const positions = new Map<string, Set<number>>();
        const kept = lists.map((l, i) =>
          l.filter((r) => {
            if (!phrases.every((p) => p.has(r.id))) return false;
            positions.set(r.id, new Set([...(positions.get(r.id) ?? []), ...(main ? r.words : []), ...phrases.flatMap((p) => p.get(r.id)!.at)]));
            for (const t of main ? searched[i]! : []) {
              const name = table && q.named.has(t) ? entityNameIn(table, q.named.get(t)!) : undefined;
              if (name && !namedBy.get(r.id)?.includes(name)) namedBy.set(r.id, [...(namedBy.get(r.id) ?? []), name]);
            }
            return true;
          }),
        );
        const prev = at;
        at = (r) => positions.get(r.id) ?? prev(r);
        // Keys stand for every form of a word; quotes ask for the words as typed.
        const typed = parsed.phrases.length ? await Promise.all(kept.map((l) => withPhrases(l, parsed.phrases))) : kept;
        return new MergedResults(typed, s.sort === "date" ? dateOf : undefined);
      };
      // Only partitions holding every word of at least one of the searches can answer.
      const everyPart = (1n << BigInt(index.size)) - 1n;
      const holdAll = async (terms: string[]) => {
        let m = everyPart;
        for (const t of terms) {
          await index.pages(t);
          m &= index.holders(t) ?? everyPart;
        }
        return m;
      };
      const searches = q.terms.length || filters.length ? searched.map((terms) => [...terms, ...filters]) : [];
      let wanted = 0n;
      for (const [g, group] of GROUPS.entries()) {
        let mine = searches.length ? 0n : everyPart;
        for (const terms of searches) mine |= await holdAll(local(terms, g));
        for (const p of q.phrases) mine &= await holdAll(local(p, g));
        wanted |= mine & group;
      }
      // One word alone, keyed alike in every partition: the directory's count is the count.
      const alike = (t: string) => locals.every((m) => !m.has(t));
      const one = searches.length === 1 && !q.phrases.length && searches[0]!.length === 1 && alike(searches[0]![0]!) ? searches[0]![0]! : undefined;
      const total = one?.endsWith(KEY_END) && index.holders(one) !== undefined ? await index.pages(one) : undefined;
      found = new PartitionedResults(searchPart, wanted, total);
      first = await found.take(PAGE, 0);
    }
  } catch {
    // The index did not load (Pagefind reports that on the first search); the next search loads it again.
    index.reset();
    if (mine === run) status.textContent = ui("searchUnavailable");
    return;
  }
  if (mine !== run) return;
  announce();
  // A respelled word found nothing either: it is in no article as typed.
  if (!found?.count) showNote([...missing, ...respelled.map((r) => r.typed)], s);
  else if (respelled.length) showRespelled(respelled);
  // Copies of one text (the same wire story in several outlets) are listed once, the others beside it.
  const groups = new Map<string, HTMLElement>();
  const show = async (batch: PagefindResult[]) => {
    shown += batch.length;
    const items = await Promise.all(batch.map((r) => renderResult(r, at(r), namedBy.get(r.id) ?? [])));
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
    more.hidden = !found || found.done;
  };
  more.onclick = async () => {
    if (!found || mine !== run) return;
    more.disabled = true;
    try {
      const batch = await found.take(PAGE, shown);
      if (mine !== run) return;
      announce();
      await show(batch);
    } catch {
      if (mine === run) status.textContent = ui("searchUnavailable");
    } finally {
      more.disabled = false;
    }
  };
  await show(first);
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
