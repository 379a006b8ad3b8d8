import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism, freemem } from "node:os";
import * as pagefind from "pagefind";
import type { SearchSite } from "../archive/site.ts";
import { buildAnalysis, copyGroups, excerptSource, makeRecord, partitionMonth, recordInputs, sealedLexicon, sealedSite, textPath, type Analysis, type RecordInput, type SearchRecord } from "./records.ts";
import type { Lexicon } from "./morphology.ts";
import { addStats, RecordCache, SEALED_RECORDS_DIR, type RecordCacheStats } from "./record-cache.ts";
import type { Partition } from "./partition.ts";
import type { Story } from "../archive/stories.ts";
import { WordDirectory, WORDS_DIR } from "./directory.ts";
import { NAMES_FILE, nameTable, type NameTable } from "./names.ts";
import { collectGarbage } from "../build/memory.ts";

/** What Pagefind is given of a record (the rest of SearchRecord stays in the build). */
export type PagefindRecord = Pick<SearchRecord, "url" | "content" | "language" | "meta" | "sort">;

/**
 * Builds one partition's Pagefind index from its records into `dir` (the
 * partition's folder: <site>/pagefind-2/ …). Uses this process's Pagefind
 * service and ends it, so the partition's memory is returned; call it for one
 * partition at a time per process (the service is one per process).
 */
export async function buildPartition(records: PagefindRecord[], dir: string, opts: { oneByOne?: boolean } = {}): Promise<void> {
  await (await sendPartition(records, opts)).write(dir);
}

/** A partition whose records Pagefind holds: `write` has it make the index, writes the files and ends the service. */
interface SentPartition {
  write(dir: string): Promise<void>;
}

/**
 * Starts this process's Pagefind service and sends it a partition's records.
 * Each record's answer is awaited before the next is sent: sending them all
 * at once measured slower (docs/scale.md); `oneByOne: false` does that, for the bench.
 * Once this answers, the records are Pagefind's: the caller may let go of them
 * and work on the next partition while `write` runs.
 */
async function sendPartition(records: PagefindRecord[], opts: { oneByOne?: boolean }): Promise<SentPartition> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const add = async (r: PagefindRecord) => {
      const res = await index.addCustomRecord({ url: r.url, content: r.content, language: r.language, meta: r.meta, sort: r.sort });
      if (res.errors.length) throw new Error(`Pagefind refused ${r.url}: ${res.errors.join("; ")}`);
    };
    if (opts.oneByOne ?? true) for (const r of records) await add(r);
    // Pagefind's service answers each message by its id, so records can also be sent all at once.
    else await Promise.all(records.map(add));
  } catch (e) {
    await pagefind.close();
    throw e;
  }
  return {
    async write(dir: string) {
      try {
        // The files come back in memory and are written here: Pagefind's own writeFiles
        // answers before its writes are flushed, and closing its process then cut files
        // short (seen: pagefind-ui.js truncated at 64 KB in 1 of 8 builds under load).
        const got = await index.getFiles();
        if (got.errors.length) throw new Error(`Pagefind could not build its index: ${got.errors.join("; ")}`);
        for (const f of got.files) {
          const file = join(dir, f.path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, f.content);
        }
      } finally {
        // Ends Pagefind's process, so each partition's memory is returned before the next.
        await pagefind.close();
      }
    },
  };
}

/** A partition's Pagefind process needs up to about this much (docs/scale.md). */
const PARTITION_MEMORY = 1.2 * 2 ** 30;

/**
 * How many partitions are built at once. One by default (in this process, one
 * after another, Pagefind making one while this process makes the next one's
 * records): a second worker shortens the search phase by about a third
 * when a core is free but adds about 1 GB to the peak, over the 1.5 GB aimed
 * at for 10k articles (docs/scale.md). `ARSHIF_SEARCH_JOBS=N` sets N;
 * `ARSHIF_SEARCH_JOBS=auto`: one per core, as many as free memory holds.
 * Never more than there are partitions.
 */
export function searchJobs(partitions: number): number {
  const env = process.env.ARSHIF_SEARCH_JOBS;
  const set = Number(env);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, Math.max(1, partitions));
  if (env !== "auto") return 1;
  return Math.max(1, Math.min(partitions, availableParallelism(), Math.floor(freemem() / PARTITION_MEMORY)));
}

/**
 * Records from which a partition weighs on memory while Pagefind makes it: a
 * garbage collection first, and no record cache saved or loaded beside it (a
 * small newest partition, a rebuild's usual one, is no weight).
 */
const LARGE_PARTITION = 1000;

/**
 * Whether the search index is built while the pages render: its partitions go
 * to worker processes and Pagefind's, and this process renders meanwhile.
 * Only when asked (`ARSHIF_SEARCH_ALONGSIDE=1`) and a second core is there:
 * the few seconds it saves cost more memory at the peak than a 10k build is
 * to use (docs/scale.md).
 */
export function searchAlongsideRender(): boolean {
  return process.env.ARSHIF_SEARCH_ALONGSIDE === "1" && availableParallelism() >= 2;
}

export interface Job {
  records: PagefindRecord[];
  dir: string;
  oneByOne?: boolean;
}

/**
 * Worker processes (partition-worker.ts), each building one partition at a
 * time with its own Pagefind process, so Pagefind's indexing and this
 * process's analysis of the next partition use both cores.
 */
class PartitionPool {
  private readonly idle: ChildProcess[] = [];
  private readonly all: ChildProcess[] = [];
  private readonly waiting: { resolve: (w: ChildProcess) => void; reject: (e: Error) => void }[] = [];
  private alive = 0;

  constructor(private readonly size: number) {}

  /** Started when first needed: a rebuild that restores every partition starts none. */
  private start(): ChildProcess {
    // fork() passes this process's flags on (tsx's loader), so the worker runs as TypeScript too.
    const w = fork(new URL("./partition-worker.ts", import.meta.url), [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.alive++;
    this.all.push(w);
    w.once("exit", () => {
      // A worker that died takes no more jobs; with none left, nobody waits forever.
      this.alive--;
      const at = this.idle.indexOf(w);
      if (at >= 0) this.idle.splice(at, 1);
      if (!this.alive) for (const x of this.waiting.splice(0)) x.reject(new Error("every search worker process ended"));
    });
    return w;
  }

  private take(): Promise<ChildProcess> {
    const w = this.idle.pop() ?? (this.all.length < this.size ? this.start() : undefined);
    if (w) return Promise.resolve(w);
    if (!this.alive) return Promise.reject(new Error("every search worker process ended"));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private give(w: ChildProcess): void {
    const next = this.waiting.shift();
    if (next) next.resolve(w);
    else this.idle.push(w);
  }

  /** Waits for a free worker (so at most `size` partitions' records are in flight), then builds in it. */
  async submit(job: Job): Promise<{ done: Promise<void> }> {
    const w = await this.take();
    let sent: () => void = () => {};
    const flushed = new Promise<void>((resolve) => (sent = resolve));
    const done = new Promise<void>((resolve, reject) => {
      const answered = (m: { ok: true } | { ok: false; error: string }) => {
        w.off("exit", died);
        this.give(w);
        if (m.ok) resolve();
        else reject(new Error(`search partition ${job.dir}: ${m.error}`));
      };
      const died = (code: number | null) => {
        w.off("message", answered);
        reject(new Error(`search partition ${job.dir}: its worker process ended (${code ?? "signal"})`));
      };
      w.once("message", answered);
      w.once("exit", died);
      // Returns once the job is written out: the caller then works synchronously on the
      // next partition, and a message still queued here would wait for it.
      w.send(job, (e) => (e ? reject(e) : sent()));
    });
    await Promise.race([flushed, done]);
    return { done };
  }

  close(): void {
    for (const w of this.all) if (w.connected) w.disconnect();
  }
}

export interface SearchBuildOptions {
  /** Partitions built at once (default: searchJobs). */
  jobs?: number;
  /**
   * Partitions built in worker processes even one at a time: this process
   * renders pages meanwhile (searchAlongsideRender), and a Pagefind answer must
   * not wait for its turn in this process's event loop.
   */
  workers?: boolean;
  /** Each record's answer awaited before the next is sent (default; false: all at once, the bench's comparison). */
  oneByOne?: boolean;
  /** Reuses a partition whose records are unchanged since an earlier build (the build cache, src/build/cache.ts). */
  reuse?: PartitionReuse;
  /**
   * A build shard's share (src/build/shard.ts): only these partitions, and the
   * word directory's entries written to `wordsFile` for the merge to sum, not
   * search-words/; the name table only when `names` (one shard writes it).
   */
  share?: { partitions: ReadonlySet<number>; wordsFile: string; names: boolean };
}

/** How the build cache keeps and restores whole partition folders, keyed by a hash of their records. */
export interface PartitionReuse {
  /** The key of a partition from its records' hashes, in order. */
  key(recordHashes: string[]): string;
  /** Links the cached folder for `key` into `dir`; false when there is none (or it failed its hash check). */
  restore(key: string, dir: string): boolean;
  /** Keeps the folder just built for `key`. */
  save(key: string, dir: string): void;
  /** Where the record cache (record-cache.ts) is kept, and the code version it is valid for; none: records are hashed afresh. */
  records?: { dir: string; code: string };
  /**
   * Reuses files of the live output (excerpt texts whose record input is
   * unchanged): `offer` takes a path relative to both outputs and says whether
   * it will be linked (else write it now); `finish` names the offered ones that
   * could not be (write those).
   */
  live?: { offer(rel: string): boolean; finish(): Promise<string[]> };
  /**
   * The files of a recycled fresh folder (src/build/spare.ts), each a link to
   * the live output's: freed before their path is written anew (restored
   * partitions and linked excerpts are kept by `restore` and `live`).
   */
  recycled?: { free(rel: string): void; freeUnder(dir: string): void };
}

/** One partition's share of the word directory (as partition 0), to be kept with the partition. */
function wordsOf(records: SearchRecord[]): string {
  const d = new WordDirectory();
  for (const r of records) d.add(0, r.content);
  return d.entries();
}

export interface SearchIndexResult {
  records: number;
  partitions: number;
  /** With the build cache: records made and reused, and what it took. */
  cache?: RecordCacheStats;
}

/** The name table of the entities the archive's stories are tagged with (names.ts). */
export function searchNameTable(site: Pick<SearchSite, "entities" | "tags">): NameTable {
  const tagged = new Map<string, number>();
  for (const ids of site.tags.values()) for (const id of ids) tagged.set(id, (tagged.get(id) ?? 0) + 1);
  return nameTable(site.entities, tagged);
}

/** Writes the Pagefind index partitions (pagefind/, pagefind-2/, …) into a fresh output directory. */
export async function writeSearchIndex(site: SearchSite, outDir: string, opts: SearchBuildOptions = {}): Promise<SearchIndexResult> {
  // Stories go by the month of the original's date, like the partition plan (src/archive/site.ts);
  // a few partitions' records at a time, so the build never holds the whole archive's search text.
  const partOf = new Map<string, number>();
  site.searchPartitions.forEach((p, i) => p.months.forEach((m) => partOf.set(m, i)));
  const byPart: Story[][] = site.searchPartitions.map(() => []);
  let expected = 0;
  for (const s of site.stories) {
    const p = partOf.get(partitionMonth(s)) ?? -1;
    if (opts.share && p >= 0 && !opts.share.partitions.has(p)) continue;
    expected += s.en ? 2 : 1;
    byPart[p]?.push(s);
  }
  const copies = copyGroups(site);
  // The sealed partitions' words are keyed against their own originals, the others' against the whole archive (records.ts, sealedSite).
  const sealed = site.searchPartitions.some((p) => p.sealed) ? sealedSite(site) : undefined;
  // With the build cache, records are made only for what changed (record-cache.ts); without it, all of them.
  // One cache (or analysis) per lexicon: the open partitions come first, and theirs is saved and let go
  // before the sealed ones' is loaded, so the build never holds two lexicons and word tables.
  const recordsDir = opts.reuse?.records?.dir;
  const stats: RecordCacheStats[] = [];
  let current: { sealed: boolean; cache?: RecordCache; analysis?: Analysis & { lexicon: Lexicon } } | undefined;
  // The whole archive's lexicon, when the open partitions made it: the sealed one is made from it (records.ts, sealedLexicon).
  let whole: Lexicon | undefined;
  const lexiconOf = (p: Partition) => {
    if (current?.sealed !== p.sealed) {
      current?.cache?.save(!!opts.share);
      if (current && !current.sealed) whole = current.cache?.takeLexicon() ?? current.analysis?.lexicon;
      current = { sealed: p.sealed };
    }
    return current;
  };
  const sealedFromWhole = () => (whole ? sealedLexicon(whole, site, sealed!) : undefined);
  const cacheFor = (p: Partition): RecordCache | undefined => {
    if (!opts.reuse) return undefined;
    const c = lexiconOf(p);
    if (!c.cache) {
      const dir = recordsDir && (p.sealed ? join(recordsDir, SEALED_RECORDS_DIR) : recordsDir);
      c.cache = RecordCache.load(dir, opts.reuse.records?.code ?? "");
      c.cache.begin(p.sealed ? sealed! : site, p.sealed ? sealedFromWhole : undefined);
      stats.push(c.cache.stats);
    }
    return c.cache;
  };
  const analysisFor = (p: Partition): Analysis => (lexiconOf(p).analysis ??= p.sealed ? buildAnalysis(sealed!, sealedFromWhole()) : buildAnalysis(site));
  const jobs = Math.min(opts.jobs ?? searchJobs(site.searchPartitions.length), site.searchPartitions.length);
  const pool = jobs > 1 || opts.workers ? new PartitionPool(jobs) : undefined;
  const building: Promise<void>[] = [];
  /** Without workers: the partition Pagefind is making now, while this process goes on to the next. */
  let indexing: Promise<void> | undefined;
  let indexingLarge = false;
  const words = new WordDirectory();
  let written = 0;
  const live = opts.reuse && opts.reuse.live;
  let liveFinished = false;
  /** Excerpt files offered for linking, by path: written after all when a link fails. */
  const excerpts = new Map<string, RecordInput>();
  const recycled = opts.reuse?.recycled;
  const writeExcerpt = (input: RecordInput) => {
    recycled?.free(textPath(input.url));
    const file = join(outDir, textPath(input.url));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(excerptSource(input)));
  };
  try {
    for (const [i, part] of site.searchPartitions.entries()) {
      if (opts.share && !opts.share.partitions.has(i)) continue;
      // Going from the open partitions to the sealed ones saves the record cache (lexiconOf): not beside Pagefind's
      // process making a large partition. Beside a small one it is no weight, and the sealed partitions a rebuild
      // reuses are restored meanwhile.
      if (current && current.sealed !== part.sealed && indexingLarge) await indexing;
      const inputs = recordInputs(site, byPart[i]!, copies);
      written += inputs.length;
      const dir = join(outDir, part.dir);
      const oneByOne = opts.oneByOne ?? true;
      const cached = cacheFor(part);
      // The key from the records' hashes (most of them the last build's): an unchanged partition is
      // restored without its records being made; its share of the word directory comes from the cache too.
      const key = cached && opts.reuse!.key(cached.hashes(inputs));
      for (const input of inputs) {
        const rel = textPath(input.url);
        // An excerpt is made of its record's input alone: an unchanged one is the live output's file.
        if (live && cached?.inputUnchanged(input.url) && live.offer(rel)) excerpts.set(rel, input);
        else writeExcerpt(input);
      }
      if (key && opts.reuse!.restore(key, dir)) {
        let share = cached.partitionWords(key);
        if (share === undefined) cached.keepPartitionWords(key, (share = wordsOf(cached.records(inputs))));
        words.addEntriesAt(i, share);
        cached.partitionDone();
        continue;
      }
      const mine = cached ? cached.records(inputs) : inputs.map((x) => makeRecord(x, analysisFor(part)));
      cached?.partitionDone();
      if (key) {
        const share = wordsOf(mine);
        cached.keepPartitionWords(key, share);
        words.addEntriesAt(i, share);
      } else for (const r of mine) words.add(i, r.content);
      const records = mine.map(({ url, content, language, meta, sort }) => ({ url, content, language, meta, sort }));
      const keep = () => (key ? opts.reuse!.save(key, dir) : undefined);
      // Pagefind writes the partition afresh: nothing of a recycled tree's may be written into.
      recycled?.freeUnder(part.dir.replace(/\/$/, ""));
      if (!pool) {
        // Pagefind's service is one per process: the previous partition's index is finished first.
        await indexing;
        // What making these records let go of would sit beside Pagefind's process while it indexes them.
        indexingLarge = records.length >= LARGE_PARTITION;
        if (indexingLarge) collectGarbage();
        const sent = await sendPartition(records, { oneByOne });
        // Pagefind makes this partition's index on its own core while this process makes the next one's records.
        indexing = sent.write(dir).then(keep);
        // A failure is thrown where it is awaited, with the next partition or at the end.
        indexing.catch(() => undefined);
      } else {
        const { done } = await pool.submit({ records, dir, oneByOne });
        const kept = done.then(keep);
        // A failure is thrown at the end, with the others; none goes unhandled meanwhile.
        kept.catch(() => undefined);
        building.push(kept);
      }
    }
    // The name table needs no partition's records: one shard writes it whole. The word directory is summed over the shares.
    if (!opts.share || opts.share.names) {
      mkdirSync(join(outDir, WORDS_DIR), { recursive: true });
      writeFileSync(join(outDir, WORDS_DIR, NAMES_FILE), JSON.stringify(searchNameTable(site)));
    }
    if (opts.share) {
      mkdirSync(dirname(opts.share.wordsFile), { recursive: true });
      writeFileSync(opts.share.wordsFile, words.entries());
    } else for (const [name, text] of words.files()) writeFileSync(join(outDir, WORDS_DIR, name), text);
    if (live) {
      // Marked first: a finish that fails has ended its thread, and must not be waited for again.
      liveFinished = true;
      for (const rel of await live.finish()) writeExcerpt(excerpts.get(rel)!);
    }
    // The record cache is saved only after Pagefind is done: its strings beside Pagefind's process raised the peak (docs/scale.md).
    await indexing;
    await Promise.all(building);
    // A shard saw only its share of the records: the others' are kept for the other shares.
    current?.cache?.save(!!opts.share);
    // An archive back to one group of partitions (fewer articles, larger partitions) has no sealed records to keep.
    if (!sealed && recordsDir) rmSync(join(recordsDir, SEALED_RECORDS_DIR), { recursive: true, force: true });
  } finally {
    // After a failure Pagefind may still be making a partition: its process is ended before the build goes on.
    await indexing?.catch(() => undefined);
    pool?.close();
    // After a failure its link thread still runs: ended here, so a dev server's process does not keep it.
    if (live && !liveFinished) await live.finish().catch(() => undefined);
  }
  if (written !== expected) throw new Error(`search index: ${expected - written} record(s) in no partition`);
  return { records: written, partitions: site.searchPartitions.length, ...(stats.length ? { cache: stats.reduce(addStats) } : {}) };
}
