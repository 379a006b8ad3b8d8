import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { SearchSite } from "../archive/site.ts";
import { indexKey, Lexicon, type KeyCache, type LexiconQueries, type NameQueries } from "./morphology.ts";
import { copyGroups, countStory, makeRecord, nameWords, type Analysis, type RecordInput, type SearchRecord } from "./records.ts";

/**
 * The search records of a rebuild, made only for what changed.
 *
 * A record is a function of its input (RecordInput: the article's texts,
 * dates, entities, copy group) and of the keys of its words; a word's key is
 * a function of the answers to the questions indexKey asks about it
 * (Lexicon.attested, Lexicon.takesArticle, whether a form is a gazetteer name
 * word). So the cache keeps, from the last build:
 *  - every word's key and the questions its key was worked out from, each
 *    question with its answer;
 *  - every record by a hash of its input: the hash of its Pagefind fields and
 *    the words it holds.
 * A rebuild asks the old questions again (when the archive's text or the
 * gazetteer's names changed at all); a word with a changed answer gets its key
 * worked out again; a record is reused when its input is the same and none of
 * its words changed key. Counts change with every article (attested), keys
 * rarely: the answers are checked word by word, not record by record.
 *
 * Records themselves are not kept: a partition that goes to Pagefind has its
 * records made again from the word table (no analysis needed for known
 * words), which costs little beside Pagefind's indexing of them.
 *
 * The cache is two files, each read at once (not one file per article) and
 * checked against a hash of its bytes: the records (read on every build) and
 * the word table (read only when the archive's text changed or a record is
 * made). A corrupt, partial or other code version's file is ignored and what
 * it held is made afresh.
 */

const PACK_VERSION = 2;
export const RECORDS_FILE = "search-records.json";
export const WORDS_FILE = "search-words.bin";
/** The word table's name before it was binary (removed when the new one is written). */
const OLD_WORDS_FILE = "search-words.json";
/** The archive's lexicon as of some build, with the originals it was counted from (one hash each). */
export const LEXICON_FILE = "search-lexicon.json";
/** Each cached partition's share of the word directory, by partition key. */
export const PARTITION_WORDS_DIR = "search-partition-words";
/** Where the sealed partitions' record cache is kept (their words are keyed against another lexicon: records.ts, sealedSite). */
export const SEALED_RECORDS_DIR = "search-sealed";

export interface RecordCacheStats {
  /** Records whose hash was taken from the last build. */
  reused: number;
  /** Records made (new or changed input, or a word of theirs changed key). */
  made: number;
  /** Records made again to send a partition to Pagefind (their hash was known). */
  remade: number;
  /** Words whose key was worked out again because an answer changed, and of those, whose key changed. */
  rekeyed: number;
  keyChanged: number;
  /** Whether the archive's lexicon had to be built, and the word table read. */
  lexicon: boolean;
  /** Originals counted into the lexicon in this build (all of them when it was not kept, or an original was edited or removed). */
  lexiconCounted: number;
  wordTable: boolean;
  /** Milliseconds spent reading the records file, starting (fingerprint, answers asked again), building the lexicon, reading the word table, saving. */
  ms: { load: number; begin: number; lexicon: number; table: number; save: number };
}

const since = (t: number) => Math.round(performance.now() - t);

interface Entry {
  hash: string;
  /** Word ids; undefined when the word table they refer to could not be read. */
  words: Uint32Array | undefined;
}

export function sha256(data: string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The hash of the fields of a record that Pagefind is given (what a partition's index is made from). */
export function recordHash(r: SearchRecord): string {
  return sha256(JSON.stringify([r.url, r.content, r.language, r.meta, r.sort]));
}

const u32 = (a: ArrayLike<number>): string => Buffer.from(Uint32Array.from(a).buffer).toString("base64");
const fromU32 = (s: string): Uint32Array => {
  const b = Buffer.from(s, "base64");
  // A copy: the decoded buffer may not be aligned for a Uint32Array view.
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

/** Lists of ids as one array and the offsets where each starts (lists + 1 of them). */
function concat(lists: readonly Uint32Array[]): [Uint32Array, Uint32Array] {
  const at = new Uint32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) at[i + 1] = at[i]! + lists[i]!.length;
  const all = new Uint32Array(at[lists.length]!);
  lists.forEach((l, i) => all.set(l, at[i]!));
  return [at, all];
}

/**
 * The word table file's body: a u32 count of sections, each section's length
 * in bytes (u32), then the sections, each from a multiple of 4 bytes:
 * questions, words and keys as UTF-8 lines, the rest u32 arrays in the
 * machine's byte order (the cache stays on the machine that wrote it). Binary
 * rather than JSON with base64: a large archive's table is mostly the records'
 * word ids, which went through a base64 string and a JSON string of their own
 * both ways.
 */
function wordsPack(questions: string[], answers: ArrayLike<number>, words: string[], keys: string[], [wqAt, wq]: [Uint32Array, Uint32Array], [rAt, rw]: [Uint32Array, Uint32Array]): Uint8Array[] {
  const text = (lines: string[]) => Buffer.from(lines.join("\n"), "utf8");
  const bytes = (a: Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const sections = [text(questions), bytes(Uint32Array.from(answers)), text(words), text(keys), bytes(wqAt), bytes(wq), bytes(rAt), bytes(rw)];
  const head = Uint32Array.of(PACK_VERSION, sections.length, ...sections.map((x) => x.length));
  const out: Uint8Array[] = [bytes(head)];
  for (const x of sections) {
    out.push(x);
    if (x.length % 4) out.push(new Uint8Array(4 - (x.length % 4)));
  }
  return out;
}

/** The sections of a word table body (wordsPack); throws when the body is not one. */
function readWordsPack(body: Buffer): WordsPack {
  const u32At = (at: number, n: number): Uint32Array => {
    if (at + 4 * n > body.length) throw new Error("word table cut short");
    // A copy: the file's bytes are not aligned for a Uint32Array view, and are let go.
    return new Uint32Array(body.buffer.slice(body.byteOffset + at, body.byteOffset + at + 4 * n));
  };
  const [v, count] = u32At(0, 2);
  if (v !== PACK_VERSION || count !== 8) throw new Error("other version");
  const lengths = u32At(8, count);
  let at = 8 + 4 * count;
  const sections = Array.from(lengths, (len) => {
    if (at + len > body.length) throw new Error("word table cut short");
    const x = { at, len };
    at += len + ((4 - (len % 4)) % 4);
    return x;
  });
  const text = (i: number): string[] => (sections[i]!.len ? body.toString("utf8", sections[i]!.at, sections[i]!.at + sections[i]!.len).split("\n") : []);
  const u32 = (i: number): Uint32Array => {
    if (sections[i]!.len % 4) throw new Error("word table: not a u32 array");
    return u32At(sections[i]!.at, sections[i]!.len / 4);
  };
  return { questions: text(0), answers: u32(1), words: text(2), keys: text(3), wordQuestionsAt: u32(4), wordQuestions: u32(5), recordWordsAt: u32(6), recordWords: u32(7) };
}

/** Reads a file written by `writeChecked`; undefined when it is missing or its bytes do not match their hash. */
function readCheckedBytes(file: string): { bytes: Buffer; hash: string } | undefined {
  try {
    const raw = readFileSync(file);
    // The hash is taken of the bytes, not of a decoded string (which would be encoded again to hash it).
    if (raw.length < 65 || raw[64] !== 0x0a) return undefined;
    const bytes = raw.subarray(65);
    const hash = createHash("sha256").update(bytes).digest("hex");
    return hash === raw.toString("latin1", 0, 64) ? { bytes, hash } : undefined;
  } catch {
    return undefined;
  }
}

/** readCheckedBytes, as UTF-8 text. */
function readChecked(file: string): { body: string; hash: string } | undefined {
  const got = readCheckedBytes(file);
  return got && { body: got.bytes.toString("utf8"), hash: got.hash };
}

/** Writes `body` (text, or bytes in parts) after its hash, whole or not at all (renamed into place). Returns the hash. */
function writeChecked(file: string, body: string | Uint8Array[]): string {
  const parts = typeof body === "string" ? [Buffer.from(body, "utf8")] : body;
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  const hash = h.digest("hex");
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, `${hash}\n`, null, "latin1");
    for (const p of parts) for (let done = 0; done < p.length; ) done += writeSync(fd, p, done);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return hash;
}

interface RecordsPack {
  v: number;
  code: string;
  /** What the recorded answers were given for (begin()). */
  fingerprint: string;
  /** The hash of the word table file these records' word ids refer to. */
  words: string;
  /** Per record: input hash, record hash (their word ids are in the word table, in the same order). */
  records: [string, string][];
}

interface LexiconPack {
  v: number;
  /** Per original counted: a hash of its headline and paragraphs (storyTextHash), one a line. */
  stories: string;
  /** The lexicon's forms one a line, and their counts (u32). */
  forms: string;
  counts: string;
}

/** What an original gives the lexicon (archiveLexicon: its headline and paragraphs, the second by its body's hash), hashed. */
function storyTextHash(title: string, bodyHash: string): string {
  return createHash("sha256").update(JSON.stringify([title, bodyHash])).digest("hex").slice(0, 32);
}

/** The word table as read (readWordsPack). */
interface WordsPack {
  questions: string[];
  answers: Uint32Array;
  words: string[];
  keys: string[];
  /** Per word: its question ids in `wordQuestions` from `wordQuestionsAt` (words + 1 offsets). */
  wordQuestionsAt: Uint32Array;
  wordQuestions: Uint32Array;
  /**
   * Per record of the records file, in its order: its word ids in `recordWords`
   * from `recordWordsAt`. Here, not in the records file: only a build that
   * checks or makes records needs them.
   */
  recordWordsAt: Uint32Array;
  recordWords: Uint32Array;
}

/** Two caches' stats as one (the build reports the search records together). */
export function addStats(a: RecordCacheStats, b: RecordCacheStats): RecordCacheStats {
  const ms = Object.fromEntries(Object.entries(a.ms).map(([k, v]) => [k, v + b.ms[k as keyof RecordCacheStats["ms"]]])) as RecordCacheStats["ms"];
  return {
    reused: a.reused + b.reused,
    made: a.made + b.made,
    remade: a.remade + b.remade,
    rekeyed: a.rekeyed + b.rekeyed,
    keyChanged: a.keyChanged + b.keyChanged,
    lexicon: a.lexicon || b.lexicon,
    lexiconCounted: a.lexiconCounted + b.lexiconCounted,
    wordTable: a.wordTable || b.wordTable,
    ms,
  };
}

type Kind = "a" | "t" | "n";

export class RecordCache {
  readonly stats: RecordCacheStats = { reused: 0, made: 0, remade: 0, rekeyed: 0, keyChanged: 0, lexicon: false, lexiconCounted: 0, wordTable: false, ms: { load: 0, begin: 0, lexicon: 0, table: 0, save: 0 } };

  // The question table: "a" + stem (attested), "t" + word (takes the article), "n" + form (a name word).
  private questions: string[] = [];
  private answers: number[] = [];
  private readonly questionAt = { a: new Map<string, number>(), t: new Map<string, number>(), n: new Map<string, number>() };
  // The word table: word as written → key, and the questions its key was worked out from.
  private words: string[] = [];
  private keys: string[] = [];
  private wordQuestions: Uint32Array[] = [];
  private readonly wordAt = new Map<string, number>();
  /** Read (or found missing) yet; `wordsHash`: the hash the records file expects of it. */
  private tableRead = false;
  private wordsHash = "";

  /** Records of the last build, by input hash. */
  private readonly previous = new Map<string, Entry>();
  /** Records of this build, by input hash. */
  private readonly current = new Map<string, Entry>();
  /** URLs whose record input is the same as in the last build (`hashes`). */
  private readonly sameInput = new Set<string>();
  private fingerprint = "";
  private loadedFingerprint = "";
  /** Word ids whose key changed in this build. */
  private readonly changed = new Set<number>();
  /** Records made while hashing a partition, kept until the partition is done. */
  private readonly made = new Map<string, SearchRecord>();
  private dirty = false;
  /** Partition keys whose word directory share this build used or kept. */
  private readonly usedPartitions = new Set<string>();

  private site!: SearchSite;
  private lexiconOf?: Lexicon;
  private lexiconChanged = false;
  private lexiconSource?: () => Lexicon | undefined;
  /** Each original's text hash, in the order of site.stories. */
  private storyHashes: string[] = [];
  private names: ReadonlySet<string> = new Set();
  private analysis!: Analysis;
  /** Question ids asked since the last key was kept (indexKey is synchronous: they are all that key's). */
  private asked: number[] = [];

  private constructor(
    private readonly dir: string | undefined,
    private readonly code: string,
  ) {}

  /** The cache kept in `dir` by an earlier build with the same code version (none: nothing kept, nothing saved). */
  static load(dir: string | undefined, code: string): RecordCache {
    const t = performance.now();
    const c = new RecordCache(dir, code);
    if (!dir) return c;
    const got = readChecked(join(dir, RECORDS_FILE));
    try {
      if (!got) throw new Error("no records file");
      const p = JSON.parse(got.body) as RecordsPack;
      if (p.v !== PACK_VERSION || p.code !== code) throw new Error("other version");
      for (const [input, hash] of p.records) c.previous.set(input, { hash, words: undefined });
      c.loadedFingerprint = p.fingerprint;
      c.wordsHash = p.words;
    } catch {
      // Missing, corrupt or another version: every record is made again (and the files rewritten).
      c.previous.clear();
      c.tableRead = true;
    }
    c.stats.ms.load = since(t);
    return c;
  }

  /** Reads the word table the records refer to; when it cannot be read, the records' word ids mean nothing. */
  private readTable(): void {
    if (this.tableRead) return;
    this.tableRead = true;
    this.stats.wordTable = true;
    const t = performance.now();
    const got = this.dir ? readCheckedBytes(join(this.dir, WORDS_FILE)) : undefined;
    try {
      if (!got || got.hash !== this.wordsHash) throw new Error("no word table for these records");
      const p = readWordsPack(got.bytes);
      const { questions, words, keys } = p;
      const answers = Array.from(p.answers);
      const qAt = p.wordQuestionsAt;
      const qs = p.wordQuestions;
      if (answers.length !== questions.length || keys.length !== words.length || qAt.length !== words.length + 1 || qAt[words.length] !== qs.length) throw new Error("inconsistent word table");
      const rAt = p.recordWordsAt;
      const rw = p.recordWords;
      if (rAt.length !== this.previous.size + 1 || rAt[this.previous.size] !== rw.length) throw new Error("word table not of these records");
      if (qs.some((q) => q >= questions.length) || rw.some((w) => w >= words.length)) throw new Error("id out of range");
      let i = 0;
      for (const e of this.previous.values()) e.words = rw.subarray(rAt[i]!, rAt[++i]!);
      questions.forEach((q, i) => this.questionAt[q[0] as Kind].set(q.slice(1), i));
      words.forEach((w, i) => this.wordAt.set(w, i));
      this.questions = questions;
      this.answers = answers;
      this.words = words;
      this.keys = keys;
      this.wordQuestions = words.map((_, i) => qs.subarray(qAt[i]!, qAt[i + 1]!));
    } catch {
      // The records' hashes still hold (they were checked with their file); which words they hold is lost,
      // so they are kept for this build only if nothing needs their words, and not saved.
      for (const e of this.previous.values()) e.words = undefined;
    }
    this.stats.ms.table = since(t);
  }

  /**
   * Starts a build of `site`'s records: when the archive's text or the
   * gazetteer's name words changed, every recorded question is asked again and
   * the words whose answers changed get their keys worked out again.
   * `lexicon`: this build's counts of `site`'s originals, made a cheaper way
   * (records.ts, sealedLexicon), for when no kept one holds.
   */
  begin(site: SearchSite, lexicon?: () => Lexicon | undefined): this {
    const t = performance.now();
    this.site = site;
    this.lexiconSource = lexicon;
    this.names = nameWords(site.entities.flatMap((e) => e.names.ar));
    // What the answers depend on: every original's headline and paragraphs (the lexicon), the name words.
    this.storyHashes = site.stories.map((s) => storyTextHash(s.ar.title, s.ar.bodyHash));
    const h = createHash("sha256");
    h.update(JSON.stringify([...this.names].sort()));
    for (const x of this.storyHashes) h.update(x);
    this.fingerprint = h.digest("hex");
    const recorder = this.recorder();
    this.analysis = { lexicon: recorder, names: recorder, cache: this.keyCache(), copies: copyGroups(site) };
    if (this.fingerprint !== this.loadedFingerprint) {
      this.dirty = true;
      this.readTable();
      this.recheck();
    }
    this.stats.ms.begin = since(t);
    return this;
  }

  /**
   * The archive's lexicon (archiveLexicon's counts): the kept one plus the
   * originals added since, when every original it counted is still there
   * unchanged (counts only grow by addition); else counted afresh.
   */
  private lexicon(): Lexicon {
    if (!this.lexiconOf) {
      const t = performance.now();
      const stories = this.site.stories;
      let lexicon: Lexicon | undefined;
      let toCount: number[] = stories.map((_, i) => i);
      const got = this.dir ? readChecked(join(this.dir, LEXICON_FILE)) : undefined;
      try {
        if (!got) throw new Error("none kept");
        const p = JSON.parse(got.body) as LexiconPack;
        if (p.v !== PACK_VERSION) throw new Error("other version");
        const forms = p.forms ? p.forms.split("\n") : [];
        const counts = fromU32(p.counts);
        if (counts.length !== forms.length) throw new Error("inconsistent lexicon");
        // The kept originals, as a multiset (copies have the same text): each must be matched by one of this build's.
        const kept = new Map<string, number>();
        for (const x of p.stories ? p.stories.split("\n") : []) kept.set(x, (kept.get(x) ?? 0) + 1);
        const added: number[] = [];
        this.storyHashes.forEach((x, i) => {
          const n = kept.get(x) ?? 0;
          if (n > 0) kept.set(x, n - 1);
          else added.push(i);
        });
        for (const n of kept.values()) if (n > 0) throw new Error("an original was edited or removed");
        lexicon = Lexicon.from(forms, counts);
        toCount = added;
      } catch {
        // Not kept (or not for these originals): this build's counts from the source `begin` was given, else counted.
        // Not written when given: the next build that needs it has the source again (docs/architecture.md).
        lexicon = this.lexiconSource?.();
        if (lexicon) toCount = [];
        else lexicon = new Lexicon();
      }
      for (const i of toCount) countStory(lexicon, stories[i]!);
      this.lexiconOf = lexicon;
      this.stats.lexiconCounted = toCount.length;
      this.stats.ms.lexicon = since(t);
      this.stats.lexicon = true;
      if (toCount.length) this.lexiconChanged = true;
    }
    return this.lexiconOf;
  }

  /** The lexicon, if this build made it, given away (after `save`: this cache is done). */
  takeLexicon(): Lexicon | undefined {
    const l = this.lexiconOf;
    this.lexiconOf = undefined;
    return l;
  }

  /** Keeps the lexicon for the next build (when it was counted anew, or grew). */
  private saveLexicon(): void {
    if (!this.dir || !this.lexiconOf || !this.lexiconChanged) return;
    const [forms, counts] = this.lexiconOf.entries();
    const pack: LexiconPack = { v: PACK_VERSION, stories: this.storyHashes.join("\n"), forms: forms.join("\n"), counts: u32(counts) };
    mkdirSync(this.dir, { recursive: true });
    writeChecked(join(this.dir, LEXICON_FILE), JSON.stringify(pack));
  }

  private answer(q: string): number {
    const arg = q.slice(1);
    switch (q[0] as Kind) {
      case "a":
        return this.lexicon().attested(arg);
      case "t":
        return this.lexicon().takesArticle(arg) ? 1 : 0;
      case "n":
        return this.names.has(arg) ? 1 : 0;
    }
  }

  /** Asks every recorded question again; words whose answers changed are keyed again. */
  private recheck(): void {
    const changedQuestions = new Uint8Array(this.questions.length);
    let any = false;
    for (let i = 0; i < this.questions.length; i++) {
      const a = this.answer(this.questions[i]!);
      if (a !== this.answers[i]) {
        this.answers[i] = a;
        changedQuestions[i] = 1;
        any = true;
      }
    }
    if (!any) return;
    const recorder = this.recorder();
    for (let w = 0; w < this.words.length; w++) {
      if (!this.wordQuestions[w]!.some((q) => changedQuestions[q] === 1)) continue;
      this.stats.rekeyed++;
      this.asked = [];
      const key = indexKey(this.words[w]!, recorder, recorder);
      this.wordQuestions[w] = Uint32Array.from(new Set(this.asked));
      this.asked = [];
      if (key !== this.keys[w]) {
        this.keys[w] = key;
        this.changed.add(w);
        this.stats.keyChanged++;
      }
    }
  }

  private ask(kind: Kind, arg: string, answer: number): void {
    const at = this.questionAt[kind];
    let id = at.get(arg);
    if (id === undefined) {
      id = this.questions.length;
      this.questions.push(kind + arg);
      this.answers.push(answer);
      at.set(arg, id);
    } else if (this.answers[id] !== answer) {
      // Every kept answer is asked again in begin() whenever what it depends on changed: this would be a bug here.
      throw new Error(`record cache: the answer to ${kind}${arg} changed unnoticed (${this.answers[id]} → ${answer})`);
    }
    this.asked.push(id);
  }

  /** The lexicon and the name words, answering as they do and noting each question and answer. */
  private recorder(): LexiconQueries & NameQueries {
    return {
      attested: (stem) => {
        const n = this.lexicon().attested(stem);
        this.ask("a", stem, n);
        return n;
      },
      takesArticle: (word) => {
        const t = this.lexicon().takesArticle(word);
        this.ask("t", word, t ? 1 : 0);
        return t;
      },
      has: (form) => {
        const n = this.names.has(form);
        this.ask("n", form, n ? 1 : 0);
        return n;
      },
    };
  }

  /** The word table as indexKeys' cache: a known word's key, and a new word's key kept with the questions just asked for it. */
  private keyCache(): KeyCache {
    return {
      get: (w) => {
        const id = this.wordAt.get(w);
        return id === undefined ? undefined : this.keys[id];
      },
      set: (w, key) => {
        const id = this.words.length;
        this.words.push(w);
        this.keys.push(key);
        this.wordQuestions.push(Uint32Array.from(new Set(this.asked)));
        this.wordAt.set(w, id);
        this.asked = [];
      },
    };
  }

  private make(input: RecordInput): { record: SearchRecord; words: Uint32Array } {
    this.readTable();
    const seen = new Set<string>();
    this.asked = [];
    const record = makeRecord(input, this.analysis, seen);
    return { record, words: Uint32Array.from(seen, (w) => this.wordAt.get(w)!) };
  }

  /**
   * A record of the last build whose input is the same: valid when no answer
   * changed at all, or when none of its words changed key (which needs its
   * word ids: lost with an unreadable word table).
   */
  private stillValid(e: Entry): boolean {
    if (this.fingerprint === this.loadedFingerprint) return true;
    return !!e.words && !e.words.some((w) => this.changed.has(w));
  }

  /** The hash of each input's record: the last build's when still valid, else made now (and kept for `records`). */
  hashes(inputs: readonly RecordInput[]): string[] {
    return inputs.map((input) => {
      const key = sha256(JSON.stringify(input));
      const before = this.previous.get(key);
      if (before) this.sameInput.add(input.url);
      if (before && this.stillValid(before)) {
        this.current.set(key, before);
        this.stats.reused++;
        return before.hash;
      }
      const { record, words } = this.make(input);
      const hash = recordHash(record);
      this.current.set(key, { hash, words });
      this.made.set(input.url, record);
      this.stats.made++;
      this.dirty = true;
      return hash;
    });
  }

  /** Whether `hashes` found the record input of `url` unchanged since the last build (so is what is made of it alone, like its excerpt file). */
  inputUnchanged(url: string): boolean {
    return this.sameInput.has(url);
  }

  /** The records of `inputs` (a partition going to Pagefind): those made by `hashes`, the others made again from the word table. */
  records(inputs: readonly RecordInput[]): SearchRecord[] {
    return inputs.map((input) => {
      const r = this.made.get(input.url);
      if (r) return r;
      this.stats.remade++;
      return this.make(input).record;
    });
  }

  /** The share of the word directory (WordDirectory.entries()) kept with the partition `key`; undefined when none is (intact). */
  partitionWords(key: string): string | undefined {
    this.usedPartitions.add(key);
    return this.dir ? readChecked(join(this.dir, PARTITION_WORDS_DIR, `${key}.txt`))?.body : undefined;
  }

  keepPartitionWords(key: string, text: string): void {
    this.usedPartitions.add(key);
    if (!this.dir) return;
    mkdirSync(join(this.dir, PARTITION_WORDS_DIR), { recursive: true });
    writeChecked(join(this.dir, PARTITION_WORDS_DIR, `${key}.txt`), text);
  }

  /** Forgets the records made for the partition just done. */
  partitionDone(): void {
    this.made.clear();
  }

  /** Whether every record of the last build is in this one's `entries` (added to, nothing removed or changed). */
  private everyRecordKept(entries: number): boolean {
    if (entries !== this.current.size) return false;
    for (const k of this.previous.keys()) if (!this.current.has(k)) return false;
    return true;
  }

  /**
   * The word table as it stands, without compaction: what compaction drops
   * is mostly the words and questions of records removed or changed, and there
   * are none. Whatever else it would drop (a word no record holds, a question a
   * re-keyed word no longer asks) stays until the next compaction.
   */
  private wholeTable(entries: [string, { words: Uint32Array }][]): Uint8Array[] {
    const [wqAt, wq] = concat(this.wordQuestions);
    const [rAt, rw] = concat(entries.map(([, e]) => e.words));
    return wordsPack(this.questions, this.answers, this.words, this.keys, [wqAt, wq], [rAt, rw]);
  }

  /** Only the words of the records kept, and only their questions: the files do not grow with deleted articles. */
  private compactTable(entries: [string, { words: Uint32Array }][]): Uint8Array[] {
    const wordMap = new Int32Array(this.words.length).fill(-1);
    const questionMap = new Int32Array(this.questions.length).fill(-1);
    const questions: string[] = [];
    const answers: number[] = [];
    const words: string[] = [];
    const keys: string[] = [];
    const wqAt: number[] = [0];
    const wq: number[] = [];
    const wordOf = (w: number): number => {
      let id = wordMap[w]!;
      if (id >= 0) return id;
      id = words.length;
      wordMap[w] = id;
      words.push(this.words[w]!);
      keys.push(this.keys[w]!);
      for (const q of this.wordQuestions[w]!) {
        let qid = questionMap[q]!;
        if (qid < 0) {
          qid = questions.length;
          questionMap[q] = qid;
          questions.push(this.questions[q]!);
          answers.push(this.answers[q]!);
        }
        wq.push(qid);
      }
      wqAt.push(wq.length);
      return id;
    };
    const rAt: number[] = [0];
    const rw: number[] = [];
    for (const [, e] of entries) {
      for (const w of e.words) rw.push(wordOf(w));
      rAt.push(rw.length);
    }
    return wordsPack(questions, answers, words, keys, [Uint32Array.from(wqAt), Uint32Array.from(wq)], [Uint32Array.from(rAt), Uint32Array.from(rw)]);
  }

  /**
   * Writes the cache for the next build (only when something changed). With
   * `keepOthers` (a build shard, which saw only its share of the records) the
   * last build's records this build did not see are kept while still valid.
   */
  save(keepOthers = false): void {
    if (!this.dir) return;
    this.saveLexicon();
    const shares = join(this.dir, PARTITION_WORDS_DIR);
    if (!keepOthers && existsSync(shares)) {
      for (const f of readdirSync(shares)) if (!this.usedPartitions.has(f.replace(/\.txt$/, ""))) rmSync(join(shares, f), { force: true });
    }
    if (keepOthers) {
      for (const [k, e] of this.previous) {
        if (!this.current.has(k) && this.stillValid(e)) this.current.set(k, e);
      }
    }
    if (!this.dirty && this.current.size === this.previous.size) return;
    const t = performance.now();
    this.readTable();
    const entries = [...this.current].filter(([, e]) => e.words) as [string, { hash: string; words: Uint32Array }][];
    const records: [string, string][] = entries.map(([k, e]) => [k, e.hash]);
    // A record whose words were lost with an unreadable word table is made again next time (left out here).
    const table = this.everyRecordKept(entries.length) ? this.wholeTable(entries) : this.compactTable(entries);
    mkdirSync(this.dir, { recursive: true });
    const wordsHash = writeChecked(join(this.dir, WORDS_FILE), table);
    rmSync(join(this.dir, OLD_WORDS_FILE), { force: true });
    const pack: RecordsPack = { v: PACK_VERSION, code: this.code, fingerprint: this.fingerprint, words: wordsHash, records };
    // Written last: until then the old records file names the old word table's hash, and a mismatch makes both afresh.
    writeChecked(join(this.dir, RECORDS_FILE), JSON.stringify(pack));
    this.stats.ms.save = since(t);
  }
}
