import { basename, dirname, join } from "node:path";
import { rmSync } from "node:fs";
import { loadContent, tagArticles, type Content, type Tags } from "../site/load.ts";
import type { Settings } from "../site/settings.ts";
import { makeUrls } from "../site/urls.ts";
import { relatedCoverage, buildPageModel, searchSite, type Coverage, type SiteData } from "../archive/site.ts";
import type { LoadResult } from "../content/load.ts";
import type { ContentError } from "../content/errors.ts";
import { searchAlongsideRender, writeSearchIndex, type SearchIndexResult } from "../search/pagefind.ts";
import { writeDataFiles } from "../export/write.ts";
import { renderSite } from "./render.ts";
import { RenderThread } from "./render-thread.ts";
import { writeScriptBundle } from "./bundle.ts";
import { copyStaticFiles } from "./static.ts";
import { swap } from "./swap.ts";
import { collectGarbage } from "./memory.ts";
import type { BuildCache } from "./cache.ts";
import { firstLook, type FirstLook } from "./unchanged.ts";
import { ContentCache } from "./content-cache.ts";
import { renderReusing, type RenderOutcome } from "./reuse.ts";
import type { RecycledTree } from "./spare.ts";
import { runSteps, step, Timings, type Step } from "./step.ts";
import { renderShare, shardPartitions, shardWordsFile, writeShardManifest, writesSiteFiles, SHARD_MANIFEST, type Shard } from "./shard.ts";

export interface BuildOptions {
  /** Project root holding content/, _includes/ and eleventy.config.ts. */
  root: string;
  /** Output folder; replaced only when every step succeeded. */
  output: string;
  /** URL path prefix the site will be served under. */
  pathPrefix: string;
  /** Build the Pagefind index (off: `--no-search`, and the dev server unless ARSHIF_SEARCH=1). */
  search: boolean;
  /** "Now" for the future-date check; tests pin it. */
  now?: number;
  /** The build cache folder (default `<root>/.arshif-cache`, or $ARSHIF_CACHE); false: no cache, everything made again. */
  cache?: string | false;
  /** `--shard i/n`: only this share of the search partitions and render batches, plus a manifest (src/build/shard.ts). */
  shard?: Shard;
  /** A render thread kept across builds (the dev server); else each build starts its own and ends it. */
  renderer?: RenderThread;
}

/** What the steps read and write; each key is written by exactly one step (or the options). */
export interface BuildState {
  options: BuildOptions;
  /** The fresh folder the site is written into before the swap. */
  fresh: string;
  /** Eleventy's thread (src/build/render-thread.ts), started with the build so that it is loaded by the render step. */
  renderer: RenderThread;
  /** What earlier builds left to reuse (src/build/cache.ts); undefined with the cache off. */
  cache: BuildCache | undefined;
  content: Content & { settings: Settings };
  /** With the cache: each article's parse, tags and sketch from earlier builds (src/build/content-cache.ts). */
  contentCache: ContentCache | undefined;
  tags: Tags;
  coverage: Coverage;
  site: SiteData;
  /** With the cache: the files the fresh folder holds already, when it is the recycled spare tree (src/build/spare.ts). */
  recycled: RecycledTree | undefined;
  searchIndex: SearchIndexResult | undefined;
  renderRuns: number;
  /** With the cache: what was rendered and reused, and the manifest the next build reads. */
  render: RenderOutcome | undefined;
  dataFiles: number;
  scriptBundle: string;
  staticFiles: number;
  /** With `shard`: the shard manifest's path. */
  shardManifest: string;
  published: string;
}

/** Content errors stop the build before anything is written. */
export class ContentStop extends Error {
  constructor(
    readonly result: LoadResult,
    readonly errors: ContentError[],
  ) {
    super(`${errors.length} content error(s)`);
  }
}

const s = step<BuildState>();

/** The build, in order. Timing keys are what bench/bench.ts reads. */
export const STEPS = [
  s({
    name: "load",
    reads: ["options", "cache"],
    writes: ["content", "contentCache"],
    run: ({ options, cache }) => {
      const contentCache = cache ? new ContentCache(cache.dir) : undefined;
      // The input check (src/build/unchanged.ts) has just listed and stat-ed content/: not done again.
      const listing = cache?.inputs?.stats;
      const content = loadContent({ ...options, ...(contentCache ? { articleCache: contentCache } : {}), ...(listing ? { listing } : {}) });
      if (content.errors.length || !content.settings) throw new ContentStop(content.result, content.errors);
      return { content: { ...content, settings: content.settings }, contentCache };
    },
  }),
  s({
    name: "tag",
    reads: ["content", "contentCache"],
    writes: ["tags"],
    run: ({ content, contentCache }) => ({ tags: tagArticles(content.result.articles, content.entities, contentCache?.tags) }),
  }),
  s({
    name: "related",
    reads: ["content", "tags", "contentCache"],
    writes: ["coverage"],
    run: ({ content, tags, contentCache }) => {
      const coverage = relatedCoverage(content.result.articles, tags.tagsOf, content.settings, tags.evidence, contentCache?.sketches);
      // Every article's parse, tags and sketch are made now: kept for the next build.
      contentCache?.save();
      // The content cache's packs and what pairing the texts made are let go here; V8 would carry them
      // into the search step and collect them only there, at the build's peak (docs/scale.md).
      collectGarbage();
      return { coverage };
    },
  }),
  // The tree the last swap retired, pruned to the pages it shares with the live output, becomes the
  // fresh folder: a rebuild then makes no folder and link for each reused page. Taken only now, after
  // the content is known to be good, and before anything is written into the fresh folder.
  s({
    name: "recycle",
    reads: ["options", "cache", "fresh"],
    writes: ["recycled"],
    when: ({ options, cache }) => !!cache && !options.shard,
    run: async ({ options, cache, fresh }) => ({ recycled: await cache!.takeSpare(options.output, fresh) }),
  }),
  // Made before the page model: Pagefind's process then runs while this one holds the stories and
  // their coverage, not also every page's data (nor Eleventy's rendered pages), and a rebuild that
  // sends one small partition to Pagefind starts no worker process. Asked to
  // (ARSHIF_SEARCH_ALONGSIDE=1), a build that makes the whole index (no partition of the live one
  // kept) makes it while the pages are modelled and rendered.
  s({
    name: "search index",
    timing: "search",
    reads: ["options", "content", "coverage", "fresh", "cache", "recycled"],
    writes: ["searchIndex"],
    when: ({ options }) => options.search,
    background: ({ options, cache }) => !cache?.keepsSearchOf(options.output) && searchAlongsideRender(),
    run: async ({ options, content, coverage, fresh, cache, recycled }, { background }) => {
      const site = searchSite(coverage, content.entities, content.settings);
      return {
        searchIndex: await writeSearchIndex(site, fresh, {
          workers: background,
          share: options.shard && {
            partitions: new Set(shardPartitions(site.searchPartitions.length, options.shard)),
            wordsFile: shardWordsFile(fresh),
            names: writesSiteFiles(options.shard),
          },
          reuse: cache && {
            key: (records) => cache.partitionKey(records),
            restore: (key, dir) => cache.restorePartition(key, dir),
            save: (key, dir) => cache.savePartition(key, dir),
            records: { dir: cache.dir, code: cache.code },
            live: cache.liveLinker(options.output, fresh),
            ...(recycled ? { recycled } : {}),
          },
        }),
      };
    },
  }),
  s({
    name: "page model",
    timing: "pages",
    reads: ["options", "content", "coverage"],
    writes: ["site"],
    run: ({ options, content, coverage }) => ({
      site: buildPageModel(coverage, content.entities, content.settings, makeUrls(content.settings.url, options.pathPrefix)),
    }),
  }),
  s({
    name: "render",
    timing: "eleventy",
    reads: ["options", "site", "fresh", "cache", "recycled", "renderer"],
    writes: ["renderRuns", "render"],
    run: async ({ options, site, fresh, cache, recycled, renderer }) => {
      // A shard renders its batches afresh: its folder is new on every CI runner.
      if (options.shard) return { renderRuns: await renderShare(site, fresh, options, options.shard, renderer.render), render: undefined };
      if (!cache) return { renderRuns: await renderSite(site, fresh, options, renderer.render), render: undefined };
      const render = await renderReusing(site, fresh, options, cache, renderer.render, recycled);
      cache.stats.pagesReused = render.reused;
      cache.stats.pagesRendered = render.rendered;
      return { renderRuns: render.runs, render };
    },
  }),
  s({
    name: "data files",
    timing: "data",
    reads: ["options", "site", "fresh"],
    writes: ["dataFiles"],
    when: ({ options }) => writesSiteFiles(options.shard),
    run: ({ site, fresh }) => ({ dataFiles: writeDataFiles(site, fresh) }),
  }),
  s({
    name: "script bundle",
    timing: "bundle",
    reads: ["options", "fresh"],
    writes: ["scriptBundle"],
    when: ({ options }) => writesSiteFiles(options.shard),
    run: async ({ options, fresh }) => ({ scriptBundle: await writeScriptBundle(options.root, fresh) }),
  }),
  s({
    name: "static files",
    timing: "static",
    reads: ["options", "fresh", "recycled"],
    writes: ["staticFiles"],
    when: ({ options }) => writesSiteFiles(options.shard),
    run: ({ options, fresh, recycled }) => ({ staticFiles: copyStaticFiles(options.root, fresh, recycled && ((rel) => recycled.free(rel))) }),
  }),
  s({
    name: "shard manifest",
    timing: "shard",
    reads: ["options", "site", "fresh", "searchIndex", "renderRuns"],
    writes: ["shardManifest"],
    when: ({ options }) => !!options.shard,
    run: ({ options, site, fresh }) => ({ shardManifest: writeShardManifest(site, fresh, options, options.shard!) }),
  }),
  s({
    name: "swap",
    reads: ["options", "fresh", "searchIndex", "renderRuns", "render", "cache", "dataFiles", "scriptBundle", "staticFiles", "recycled", "contentCache"],
    writes: ["published"],
    run: async ({ options, fresh, render, cache, recycled, contentCache }) => {
      // What a recycled tree held that no step kept or wrote anew (pages and excerpts the site no longer has, a search index it does not build).
      recycled?.sweep();
      // The retired tree is kept as the next build's spare when this build's render manifest is written.
      const keep = cache && render ? (old: string) => cache.keepSpare(options.output, old) : undefined;
      await swap(fresh, options.output, options.shard ? SHARD_MANIFEST : undefined, keep);
      // The manifest describes the output now live; unused search entries go.
      if (cache && render) await cache.writeRenderManifest(options.output, render.files, fresh);
      // A shard used only its share of the cached partitions; the others stay for the other shares.
      if (!options.shard) cache?.pruneSearch(options.search);
      // The content packs written in the related step, seconds ago: the next build need not hash them.
      contentCache?.vouch();
      return { published: options.output };
    },
  }),
] as unknown as readonly Step<BuildState>[];

export type BuildResult =
  | { ok: true; state: BuildState; timings: Record<string, number> }
  /** Nothing changed since the last build (`files` checked): nothing written. */
  | { ok: true; unchanged: { files: number }; timings: Record<string, number> }
  | { ok: false; result: LoadResult; errors: ContentError[] };

/**
 * Runs every step into a fresh folder next to the output and swaps it in at
 * the end: a failed build leaves the previous site as it was. Content errors
 * come back as a result; any other failure is thrown after the fresh folder is removed.
 */
export async function build(options: BuildOptions, timings = new Timings(), look?: FirstLook): Promise<BuildResult> {
  // Inputs and live output as the last build left them: nothing to do (the CLI takes this look before loading the pipeline).
  const { cache, unchanged } = look ?? (await firstLook(options, timings));
  if (unchanged) return { ok: true, unchanged, timings: timings.values };
  const fresh = join(dirname(options.output), `${basename(options.output)}.tmp-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  // The spare tree is checked on a second thread while the content loads (the recycle step takes it).
  if (cache && !options.shard) cache.prepareSpare(options.output);
  // Started now: it loads Eleventy on the other core while this one loads the content.
  const renderer = options.renderer ?? new RenderThread();
  renderer.start(options.root);
  try {
    const state = await runSteps(STEPS, { options, fresh, cache, renderer }, timings);
    return { ok: true, state, timings: timings.values };
  } catch (e) {
    await cache?.dropSpare();
    // A failed render's thread is ended first: it may still have been writing into the fresh folder.
    await renderer.quiet();
    rmSync(fresh, { recursive: true, force: true, maxRetries: 3 });
    if (e instanceof ContentStop) return { ok: false, result: e.result, errors: e.errors };
    throw e;
  } finally {
    if (!options.renderer) await renderer.close();
  }
}
