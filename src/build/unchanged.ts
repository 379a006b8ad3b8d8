import { join } from "node:path";
import { BuildCache } from "./cache.ts";
import { sweepLeftovers } from "./swap.ts";
import type { Timings } from "./step.ts";

/**
 * The build's first look, before any of the pipeline is loaded (this module
 * imports nothing heavy, so `npm run build` with nothing changed does not load
 * Eleventy or Pagefind): opens the build cache and tells whether the inputs and
 * the live output are as the last build left them.
 */
export interface FirstLook {
  /** The build cache (undefined with the cache off), its input fingerprint computed. */
  cache: BuildCache | undefined;
  /** Set when nothing changed: the files checked. Then nothing is written and the build stops. */
  unchanged?: { files: number };
}

export interface CacheOptions {
  root: string;
  output: string;
  /** The build cache folder (default `<root>/.arshif-cache`, or $ARSHIF_CACHE); false: no cache. */
  cache?: string | false;
}

export function cacheDirOf(options: CacheOptions): string | undefined {
  return options.cache === false ? undefined : (options.cache ?? process.env.ARSHIF_CACHE ?? join(options.root, ".arshif-cache"));
}

/** `options` are the build's options: all of them but the cache folder are part of the fingerprint. */
export async function firstLook(options: CacheOptions, timings: Timings): Promise<FirstLook> {
  const dir = cacheDirOf(options);
  if (!dir) return { cache: undefined };
  const cache = BuildCache.open(dir, options.root);
  const files = await timings.time("inputs", () => cache.checkUnchanged(options.root, options.output, { ...options, cache: undefined }));
  if (files === undefined) return { cache };
  // Nothing to build, but what earlier builds left beside the output still goes.
  sweepLeftovers(options.output);
  return { cache, unchanged: { files } };
}
