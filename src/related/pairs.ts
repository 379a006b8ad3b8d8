import type { Story } from "../archive/stories.ts";
import type { Article } from "../content/article.ts";
import { words, shingles, intersectionSize, intersectionAtLeast, intersectionIfJaccard, jaccardFrom } from "./shingles.ts";
import { signature, bandPairs, seeds } from "./minhash.ts";
import { PairSet } from "./pairset.ts";
import { articleBody } from "../content/body.ts";

/** Thresholds, all settings (content/site.yaml `related:`) with these defaults. */
export interface RelatedSettings {
  /** Two paragraphs are the same passage when their 3-word shingles overlap this much (Jaccard). */
  paragraphSimilarity: number;
  /** Paragraphs shorter than this many words (datelines, sign-offs) are never "shared". */
  minParagraphWords: number;
  /** Whole texts this similar (Jaccard of 5-word shingles) are the same text (see also `expansion`). */
  duplicate: number;
  /** The shorter text is this much inside the longer one: an update or expansion. */
  update: number;
  /**
   * ...but only when the longer text is at least this much longer (share of the
   * shorter one's 5-word shingles); otherwise the two are the same text, lightly
   * edited (wire copy with "yesterday" for "today", an honorific, a site's sign-off).
   */
  expansion: number;
  /**
   * Shared passages: the matched paragraphs must have at least this many 3-word
   * shingles in common (a sentence of 14 words has 12), so a dateline, a contact
   * line or a sign-off shared by unrelated articles is not a shared passage.
   */
  minSharedShingles: number;
  /** Related by entities: only stories within this many days of each other. */
  windowDays: number;
  /** How many entity-related stories to show. */
  maxRelated: number;
  /**
   * How many stories sharing text to list on a page, closest first (the same
   * text, then updates, then the most shared paragraphs); the page says how
   * many there are in all. Every shared paragraph is still marked.
   */
  maxTextRelated: number;
}

export const DEFAULT_RELATED: RelatedSettings = {
  paragraphSimilarity: 0.5,
  minParagraphWords: 6,
  duplicate: 0.9,
  update: 0.8,
  expansion: 0.2,
  minSharedShingles: 12,
  windowDays: 30,
  maxRelated: 3,
  maxTextRelated: 10,
};

export type Relation = "duplicate" | "update" | "shared";

export interface TextPair {
  a: Story;
  b: Story;
  relation: Relation;
  /** Matched paragraphs: [index in a, index in b]. */
  shared: [number, number][];
  jaccard: number;
  /** Share of the shorter text's shingles found in the longer one. */
  containment: number;
}

// 16 bands of 3 rows: paragraph pairs with Jaccard 0.5 become candidates with
// probability 0.88, pairs at 0.1 with 0.016.
const HASHES = 48;
const BANDS = 16;
const SEEDS = seeds(HASHES);

/** What pair finding reads of one Arabic original: a pure function of its paragraphs and `minParagraphWords`. */
export interface Sketch {
  /** 5-word shingles of the whole text. */
  doc: Uint32Array;
  /** 3-word shingles of each paragraph; undefined for paragraphs too short to be "shared". */
  paras: (Uint32Array | undefined)[];
  /** MinHash signatures of the defined `paras`, in order, HASHES values each. */
  sigs: Uint32Array;
}

/** What checking a candidate pair found: a function of the two sketches (in this order) and the settings. */
export interface PairVerdict {
  relation: Relation | null;
  /** Matched paragraphs: [index in the first, index in the second]. */
  shared: [number, number][];
  jaccard: number;
  containment: number;
}

/**
 * Sketches made by earlier builds (src/build/content-cache.ts); `scope` names
 * the settings they were made with. Verdicts are for candidate pairs, the
 * first article being the one listed first (newer, or the lower id).
 */
export interface SketchCache {
  get(a: Article, scope: string): Sketch | undefined;
  put(a: Article, scope: string, sketch: Sketch): void;
  verdict(first: Article, second: Article, scope: string): PairVerdict | undefined;
  keepVerdict(first: Article, second: Article, scope: string, v: PairVerdict): void;
  /** The candidate pairs the last build found with the settings `scope` names, when kept. */
  candidates?(scope: string): KeptCandidates | undefined;
  keepCandidates?(scope: string, kept: KeptCandidates): void;
}

/**
 * A build's candidate pairs, by story: a build that only adds stories starts
 * from them and checks only what involves the new ones.
 */
export interface KeptCandidates {
  /** Each story as its key and body hash (its sketch is made of its body), in that build's order. */
  stories: string[];
  /** The pairs, as places in `stories`. */
  firsts: Uint32Array;
  seconds: Uint32Array;
}

/** The settings candidate finding reads, as a cache scope. */
export function candidateScope(settings: RelatedSettings): string {
  const { minParagraphWords, paragraphSimilarity, update } = settings;
  return JSON.stringify({ minParagraphWords, paragraphSimilarity, update, HASHES, BANDS });
}

/** The settings a pair's verdict depends on, as a cache scope. */
export function verdictScope(settings: RelatedSettings): string {
  const { paragraphSimilarity, minParagraphWords, duplicate, update, expansion, minSharedShingles } = settings;
  return JSON.stringify({ paragraphSimilarity, minParagraphWords, duplicate, update, expansion, minSharedShingles });
}

/** Checks one candidate pair: how alike the whole texts are, which paragraphs match, and what that makes them. */
function judge(pa: Sketch, pb: Sketch, settings: RelatedSettings): PairVerdict {
  const inter = intersectionSize(pa.doc, pb.doc);
  const jac = jaccardFrom(inter, pa.doc.length, pb.doc.length);
  const small = Math.min(pa.doc.length, pb.doc.length);
  const big = Math.max(pa.doc.length, pb.doc.length);
  const containment = small ? inter / small : 0;
  const { shared, sharedShingles } = matchParagraphs(pa, pb, settings.paragraphSimilarity);
  const relation: Relation | null =
    jac >= settings.duplicate
      ? "duplicate"
      : containment >= settings.update
        ? big >= small * (1 + settings.expansion) ? "update" : "duplicate"
        : shared.length > 0 && sharedShingles >= settings.minSharedShingles ? "shared" : null;
  return { relation, shared, jaccard: jac, containment };
}

/** The settings a sketch depends on, as a cache scope. */
export function sketchScope(settings: RelatedSettings): string {
  return `min=${settings.minParagraphWords}`;
}

export function sketch(a: Article, min: number): Sketch {
  const paraWords = articleBody(a).paragraphs.map(words);
  const doc = shingles(paraWords.flat(), 5);
  const paras = paraWords.map((w) => (w.length >= min ? shingles(w, 3) : undefined));
  const defined = paras.filter((p) => p !== undefined);
  const sigs = new Uint32Array(defined.length * HASHES);
  defined.forEach((set, k) => sigs.set(signature(set, HASHES, SEEDS), k * HASHES));
  return { doc, paras, sigs };
}

type Prepared = Sketch;

/** One-to-one paragraph matches, best first, and how many shingles the matched paragraphs have in common. */
function matchParagraphs(a: Prepared, b: Prepared, threshold: number): { shared: [number, number][]; sharedShingles: number } {
  const cands: [number, number, number, number][] = [];
  a.paras.forEach((pa, i) => {
    if (!pa) return;
    b.paras.forEach((pb, j) => {
      // Jaccard ≥ t needs the smaller set to be at least t of the larger: most pairs stop here.
      if (!pb || Math.min(pa.length, pb.length) < threshold * Math.max(pa.length, pb.length)) return;
      const inter = intersectionIfJaccard(pa, pb, threshold);
      if (inter >= 0) cands.push([jaccardFrom(inter, pa.length, pb.length), i, j, inter]);
    });
  });
  if (!cands.length) return { shared: [], sharedShingles: 0 };
  cands.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const shared: [number, number][] = [];
  let sharedShingles = 0;
  for (const [, i, j, inter] of cands) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    shared.push([i, j]);
    sharedShingles += inter;
  }
  return { shared: shared.sort((x, y) => x[0] - y[0]), sharedShingles };
}

/**
 * Pairs of Arabic originals that share text: MinHash/LSH proposes candidates
 * (near-linear), the paragraphs themselves confirm and name the relation.
 */
export function findTextPairs(stories: Story[], settings: RelatedSettings = DEFAULT_RELATED, cache?: SketchCache): TextPair[] {
  const scope = sketchScope(settings);
  const prepared = stories.map((s) => {
    const cached = cache?.get(s.ar, scope);
    if (cached) return cached;
    const made = sketch(s.ar, settings.minParagraphWords);
    cache?.put(s.ar, scope, made);
    return made;
  });
  // Candidates come from paragraphs, not whole texts: a shared passage is a
  // small part of a long article, invisible to whole-text similarity.
  const owner: number[] = [];
  const paraSets: Uint32Array[] = [];
  let total = 0;
  prepared.forEach((p, i) => {
    for (const set of p.paras) {
      if (!set) continue;
      owner.push(i);
      paraSets.push(set);
    }
    total += p.sigs.length;
  });
  const sigs = new Uint32Array(total);
  let at = 0;
  for (const p of prepared) {
    sigs.set(p.sigs, at);
    at += p.sigs.length;
  }
  const ids = stories.map((s) => `${s.key}\0${s.ar.bodyHash}`);
  const cscope = candidateScope(settings);
  // Pairs of stories (lower index first).
  let candidates = new PairSet(stories.length * 4);
  const added = startFromKept(cache?.candidates?.(cscope), ids, owner, candidates);
  const docChecked = new PairSet(stories.length * 4);
  const half = settings.paragraphSimilarity / 2;
  const storyPair = (x: number, y: number): [number, number] => {
    const ox = owner[x]!;
    const oy = owner[y]!;
    return ox < oy ? [ox, oy] : [oy, ox];
  };
  const check = (x: number, y: number): void => {
    const ox = owner[x]!;
    const oy = owner[y]!;
    if (ox === oy) return;
    const i = ox < oy ? ox : oy;
    const j = ox < oy ? oy : ox;
    if (candidates.has(i, j)) return;
    // LSH also joins paragraphs that merely share a sentence, and comparing every paragraph
    // of two texts costs far more than these checks: a pair of texts goes on when the two
    // paragraphs are at least half as alike as a shared passage must be, or when one whole
    // text is mostly inside the other (the same text, paragraphed differently).
    if (intersectionIfJaccard(paraSets[x]!, paraSets[y]!, half) >= 0) candidates.add(i, j);
    else if (docChecked.add(i, j)) {
      const [a, b] = [prepared[i]!.doc, prepared[j]!.doc];
      const small = Math.min(a.length, b.length);
      // Containment ≥ t needs at least t·small shared shingles (one fewer asked, for rounding).
      const shared = small ? intersectionAtLeast(a, b, Math.max(0, Math.floor(settings.update * small) - 1)) : -1;
      if (shared >= 0 && shared / small >= settings.update) candidates.add(i, j);
    }
  };
  // Old pairs in a bucket the new stories pushed over the limit: judged again from every band.
  const crossed = new PairSet(64);
  bandPairs(sigs, HASHES, BANDS, check, undefined, added && { isNew: added, crossed: (x, y) => {
    const [i, j] = storyPair(x, y);
    if (i !== j) crossed.add(i, j);
  } });
  if (crossed.size) {
    const kept = new PairSet(stories.length * 4);
    const [f, g] = candidates.sorted();
    for (let k = 0; k < f.length; k++) if (!crossed.has(f[k]!, g[k]!)) kept.add(f[k]!, g[k]!);
    candidates = kept;
    bandPairs(sigs, HASHES, BANDS, (x, y) => {
      const [i, j] = storyPair(x, y);
      if (crossed.has(i, j)) check(x, y);
    });
  }
  const out: TextPair[] = [];
  const vscope = verdictScope(settings);
  const [firsts, seconds] = candidates.sorted();
  // Nothing added and nothing crossed: the kept pairs are these already.
  if (!added || added.includes(1) || crossed.size) cache?.keepCandidates?.(cscope, { stories: ids, firsts, seconds });
  for (let k = 0; k < firsts.length; k++) {
    const i = firsts[k]!;
    const j = seconds[k]!;
    let v = cache?.verdict(stories[i]!.ar, stories[j]!.ar, vscope);
    if (!v) {
      v = judge(prepared[i]!, prepared[j]!, settings);
      cache?.keepVerdict(stories[i]!.ar, stories[j]!.ar, vscope, v);
    }
    const { relation, shared, jaccard: jac, containment } = v;
    if (!relation) continue;
    // Older story first, so "a" is the earlier version.
    const [a, b, sh] = stories[i]!.ar.date.epoch <= stories[j]!.ar.date.epoch ? [stories[i]!, stories[j]!, shared] : [stories[j]!, stories[i]!, shared.map(([x, y]) => [y, x] as [number, number])];
    out.push({ a, b, relation, shared: sh, jaccard: jac, containment });
  }
  return out;
}

/**
 * When the last build's stories are all here with the same texts (this one
 * only adds), puts its candidates into `candidates` (by this build's story
 * places) and returns which paragraphs are new, for bandPairs; else undefined.
 */
function startFromKept(kept: KeptCandidates | undefined, ids: string[], owner: number[], candidates: PairSet): Uint8Array | undefined {
  if (!kept) return undefined;
  const place = new Map(ids.map((id, k) => [id, k]));
  const was = kept.stories.map((id) => place.get(id));
  const n = was.length;
  if (was.some((k) => k === undefined) || kept.firsts.length !== kept.seconds.length || kept.firsts.some((a, k) => a >= n || kept.seconds[k]! >= n)) return undefined;
  for (let k = 0; k < kept.firsts.length; k++) {
    const a = was[kept.firsts[k]!]!;
    const b = was[kept.seconds[k]!]!;
    candidates.add(Math.min(a, b), Math.max(a, b));
  }
  const old = new Uint8Array(ids.length);
  for (const k of was) old[k!] = 1;
  return Uint8Array.from(owner, (o) => 1 - old[o]!);
}

/**
 * Stories that name the most of the same entities within a time window,
 * weighted so a rare shared name counts more than "Iraq".
 */
export function relatedByEntities(stories: Story[], tags: Map<string, string[]>, settings: RelatedSettings = DEFAULT_RELATED): Map<string, Story[]> {
  const epoch = stories.map((s) => s.ar.date.epoch);
  const byEntity = new Map<string, number[]>();
  stories.forEach((s, i) => {
    for (const id of tags.get(s.key) ?? []) {
      let l = byEntity.get(id);
      if (!l) byEntity.set(id, (l = []));
      l.push(i);
    }
  });
  // Each entity's stories by date, so a story looks only at those inside its window
  // (binary search): the cost follows the stories per window, not the whole archive.
  for (const l of byEntity.values()) l.sort((x, y) => epoch[x]! - epoch[y]! || x - y);
  const firstFrom = (list: number[], t: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (epoch[list[mid]!]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const n = stories.length;
  const window = settings.windowDays * 86400000;
  const k = settings.maxRelated;
  // Scores by story index, and which were touched: reset after each story, so a story costs
  // what its window holds, not the archive's size.
  const scores = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  // Higher score first, then nearer in time, then earlier in the list.
  const before = (i: number, x: number, y: number) => scores[y]! - scores[x]! || Math.abs(epoch[x]! - epoch[i]!) - Math.abs(epoch[y]! - epoch[i]!) || x - y;
  const out = new Map<string, Story[]>();
  stories.forEach((s, i) => {
    for (const id of tags.get(s.key) ?? []) {
      const list = byEntity.get(id)!;
      // Names in more than a fifth of the archive say little about a story.
      if (list.length > Math.max(10, n / 5)) continue;
      const idf = Math.log(n / list.length);
      const t = epoch[i]!;
      for (let m = firstFrom(list, t - window); m < list.length && epoch[list[m]!]! <= t + window; m++) {
        const j = list[m]!;
        if (j === i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        scores[j] = scores[j]! + idf;
      }
    }
    // The best k, kept in order as the candidates go by: no sort of every candidate.
    const best: number[] = [];
    for (const j of touched) {
      if (k <= 0 || (best.length === k && before(i, j, best[k - 1]!) >= 0)) continue;
      let at = best.length === k ? k - 1 : best.length;
      while (at > 0 && before(i, j, best[at - 1]!) < 0) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = j;
    }
    for (const j of touched) {
      scores[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
    if (best.length) out.set(s.key, best.map((j) => stories[j]!));
  });
  return out;
}
