import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { SiteData } from "../archive/site.ts";
import { renderBatches } from "../site/batches.ts";
import { WordDirectory, WORDS_DIR } from "../search/directory.ts";
import { renderSite, type BatchRenderer, type RenderOptions } from "./render.ts";
import { codeVersion, linkOrCopy, listFiles, sha256 } from "./cache.ts";
import { HashMemo, inputFingerprint } from "./inputs.ts";
import { swap } from "./swap.ts";

/**
 * Build shards: `--shard i/n` runs every content step (they are
 * deterministic, so every shard computes the same plan) but builds only its
 * share of the search partitions and render batches, into its own folder, with
 * a manifest; `mergeShards` checks that all n shards of one plan are there and
 * assembles the site. Shard 1 also writes the site-wide files (data files,
 * script bundle); the word directory, which needs every partition, is written
 * by the merge from each shard's summed-up share. docs/ci.md.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The shard folder's own files, beside the site's (never copied into the site). */
export const SHARD_DIR = "arshif-shard";
export const SHARD_MANIFEST = `${SHARD_DIR}/manifest.json`;
const SHARD_WORDS = `${SHARD_DIR}/words.txt`;
const FORMAT = "arshif-shard-1";

/** Parses `i/n` (1 ≤ i ≤ n); the error says what to write. */
export function parseShardArg(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new Error(`--shard ${JSON.stringify(value)}: write i/n, the shard's number and how many there are, with 1 ≤ i ≤ n (e.g. --shard 1/2 and --shard 2/2)`);
  }
  return { index, count };
}

/** Render batch b goes to shard (b mod n) + 1: batches are of equal size, so shares differ by at most one batch. */
export function shardBatches(batches: number, shard: Shard): number[] {
  return Array.from({ length: batches }, (_, b) => b).filter((b) => b % shard.count === shard.index - 1);
}

/**
 * Search partition p goes to shard n − (p mod n): counted from the other end
 * than the batches, so the shard that has one batch more gets a partition
 * fewer when the counts do not divide evenly.
 */
export function shardPartitions(partitions: number, shard: Shard): number[] {
  return Array.from({ length: partitions }, (_, p) => p).filter((p) => shard.count - (p % shard.count) === shard.index);
}

/** Whether this build writes the site-wide files (data files, script bundle): a whole build, or shard 1. */
export function writesSiteFiles(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}

/** Where a shard's share of the word directory goes (inside the shard folder being built). */
export function shardWordsFile(fresh: string): string {
  return join(fresh, SHARD_WORDS);
}

/** Renders this shard's render batches only (src/build/render.ts); returns the number of Eleventy runs. */
export function renderShare(site: SiteData, fresh: string, opts: RenderOptions, shard: Shard, render: BatchRenderer): Promise<number> {
  const count = renderBatches(site, site.settings.renderBatchSize).length;
  return renderSite(site, fresh, { ...opts, batches: new Set(shardBatches(count, shard)) }, render);
}

/**
 * What every shard of one build must share: everything a build reads
 * (src/build/inputs.ts inputFingerprint: the code version, every file under
 * content/, _includes/ and public/) with the options that change the output
 * and the number of shards, and the plan itself (the stories, the partitions
 * and the number of render batches): a last check that every shard planned alike.
 */
export function planHash(site: SiteData, opts: { root: string; pathPrefix: string; search: boolean }, shard: Shard): string {
  const inputs = inputFingerprint(opts.root, codeVersion(opts.root), { pathPrefix: opts.pathPrefix, search: opts.search, shards: shard.count }, new HashMemo());
  const plan = {
    stories: site.stories.map((s) => s.key),
    partitions: site.searchPartitions,
    batches: renderBatches(site, site.settings.renderBatchSize).length,
  };
  return createHash("sha256").update(`${inputs.key}\0${JSON.stringify(plan)}`).digest("hex");
}

export interface ShardManifest {
  format: typeof FORMAT;
  shard: number;
  of: number;
  plan: string;
  search: boolean;
  /** Render batch indexes (0-based) and partition folders this shard built. */
  batches: number[];
  partitions: string[];
  /** SHA-256 of the word directory share (undefined without search). */
  words: string | undefined;
  /** Site path → SHA-256 of its bytes. */
  files: Record<string, string>;
}

/** Written last into the shard's fresh folder: lists every file of its share with its hash. */
export function writeShardManifest(site: SiteData, fresh: string, opts: { root: string; pathPrefix: string; search: boolean }, shard: Shard): string {
  const files: Record<string, string> = {};
  for (const rel of listFiles(fresh)) {
    if (rel.split(/[\\/]/)[0] === SHARD_DIR) continue;
    files[rel.split("\\").join("/")] = sha256(readFileSync(join(fresh, rel)));
  }
  const words = opts.search ? sha256(readFileSync(shardWordsFile(fresh))) : undefined;
  const manifest: ShardManifest = {
    format: FORMAT,
    shard: shard.index,
    of: shard.count,
    plan: planHash(site, opts, shard),
    search: opts.search,
    batches: shardBatches(renderBatches(site, site.settings.renderBatchSize).length, shard),
    partitions: shardPartitions(site.searchPartitions.length, shard).map((p) => site.searchPartitions[p]!.dir),
    words,
    files,
  };
  const path = join(fresh, SHARD_MANIFEST);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(manifest));
  return path;
}

/** One line on what a built shard folder holds. */
export function describeShard(folder: string): string {
  const m = readManifest(folder);
  const total = Object.keys(m.files).length;
  const parts = m.search ? `, search partitions ${m.partitions.join(" ") || "none"}` : "";
  return `Shard ${m.shard}/${m.of}: ${total.toLocaleString("en-US")} files in ${basename(folder)}/ (render batches ${m.batches.map((b) => b + 1).join(", ") || "none"}${parts}).`;
}

/** A merge that cannot go ahead; nothing was written. */
export class MergeError extends Error {}

function readManifest(folder: string): ShardManifest {
  const path = join(folder, SHARD_MANIFEST);
  if (!existsSync(path)) throw new MergeError(`${folder}: no ${SHARD_MANIFEST}, so not a shard folder (build one with npm run build -- --shard i/n --out <folder>)`);
  let m: ShardManifest;
  try {
    m = JSON.parse(readFileSync(path, "utf8")) as ShardManifest;
  } catch (e) {
    throw new MergeError(`${path}: not readable JSON (${(e as Error).message}); build the shard again`);
  }
  if (m?.format !== FORMAT || !Number.isInteger(m.shard) || !Number.isInteger(m.of) || typeof m.plan !== "string" || typeof m.files !== "object" || m.files === null) {
    throw new MergeError(`${path}: not a shard manifest this version of arshif reads (format ${JSON.stringify(m?.format)}, expected ${FORMAT}); build the shards with the same version as the merge`);
  }
  for (const rel of Object.keys(m.files)) {
    // The manifest comes from an artifact: its paths must stay inside the site.
    if (rel === "" || rel.startsWith("/") || rel.split("/").some((seg) => seg === ".." || seg === "" || seg === ".") || rel.includes("\\")) {
      throw new MergeError(`${path}: file path ${JSON.stringify(rel)} is not a plain relative path; the manifest is damaged`);
    }
  }
  return m;
}

export interface MergeResult {
  shards: number;
  files: number;
  words: number;
}

/**
 * Checks that `folders` are all n shards of one plan, each once, then copies
 * (hard-links) every file of their manifests into a fresh folder — each file's
 * bytes checked against its hash, a file in two shards (the single files and
 * static assets every render batch writes) the same in both — writes the word
 * directory summed over all shares, and swaps the result in for `output` like
 * the build. On any error nothing is written and `output` is unchanged.
 */
export async function mergeShards(folders: string[], output: string): Promise<MergeResult> {
  if (!folders.length) throw new MergeError("no shard folders given: npm run merge -- <shard folder>… --out <site>");
  const shards = folders.map((folder) => ({ folder, m: readManifest(folder) }));
  const first = shards[0]!;
  const name = (s: { folder: string; m: ShardManifest }) => `shard ${s.m.shard}/${s.m.of} (${s.folder})`;
  for (const s of shards) {
    if (s.m.of !== first.m.of) throw new MergeError(`${name(s)} belongs to a build of ${s.m.of} shards, ${name(first)} to one of ${first.m.of}: give the shards of one build`);
    if (s.m.plan !== first.m.plan) {
      throw new MergeError(`${name(s)} was built from a different plan than ${name(first)} (plan ${s.m.plan.slice(0, 12)} vs ${first.m.plan.slice(0, 12)}: different code, content, options or build time); build every shard from the same commit and content`);
    }
  }
  const n = first.m.of;
  const byIndex = new Map<number, (typeof shards)[number]>();
  for (const s of shards) {
    const other = byIndex.get(s.m.shard);
    if (other) throw new MergeError(`shard ${s.m.shard}/${n} given twice: ${other.folder} and ${s.folder}`);
    byIndex.set(s.m.shard, s);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) {
    throw new MergeError(`${missing.map((i) => `shard ${i}/${n}`).join(", ")} missing (given: ${[...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${n}`).join(", ")}); the merge needs all ${n}`);
  }

  const fresh = join(dirname(output), `${basename(output)}.tmp-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  try {
    const from = new Map<string, { hash: string; shard: string }>();
    const words = new WordDirectory();
    for (const i of [...byIndex.keys()].sort((a, b) => a - b)) {
      const s = byIndex.get(i)!;
      for (const [rel, hash] of Object.entries(s.m.files)) {
        const had = from.get(rel);
        if (had) {
          if (had.hash !== hash) throw new MergeError(`${rel} differs between ${had.shard} and ${name(s)}; build the shards again`);
          continue;
        }
        const src = join(s.folder, rel);
        let bytes: Buffer;
        try {
          bytes = readFileSync(src);
        } catch {
          throw new MergeError(`${name(s)}: ${rel} is listed in its manifest but missing; the shard folder is incomplete (copy or download it again)`);
        }
        if (sha256(bytes) !== hash) throw new MergeError(`${name(s)}: ${rel} does not match the hash in its manifest; the shard folder is damaged (copy or download it again)`);
        linkOrCopy(src, join(fresh, rel));
        from.set(rel, { hash, shard: name(s) });
      }
      if (s.m.search) {
        let text: string;
        try {
          text = readFileSync(join(s.folder, SHARD_WORDS), "utf8");
        } catch {
          throw new MergeError(`${name(s)}: ${SHARD_WORDS} is missing; the shard folder is incomplete`);
        }
        if (sha256(text) !== s.m.words) throw new MergeError(`${name(s)}: ${SHARD_WORDS} does not match its manifest; the shard folder is damaged`);
        words.addEntries(text);
      }
    }
    let wordFiles = 0;
    if (first.m.search) {
      mkdirSync(join(fresh, WORDS_DIR), { recursive: true });
      for (const [file, text] of words.files()) {
        writeFileSync(join(fresh, WORDS_DIR, file), text);
        wordFiles++;
      }
    }
    await swap(fresh, output);
    return { shards: n, files: from.size + wordFiles, words: words.size };
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    throw e;
  }
}
