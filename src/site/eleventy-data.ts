import { ContentErrors } from "../content/errors.ts";
import { loadSite, type Loaded } from "./load.ts";
import type { SiteData } from "../archive/site.ts";

/**
 * The build CLI validates content before Eleventy starts and hands the result
 * over here, so nothing is loaded twice; the dev server (plain Eleventy) loads it itself.
 */
let preloaded: SiteData | undefined;

export function setPreloaded(site: SiteData | undefined): void {
  preloaded = site;
}

export function siteData(root: string): SiteData {
  if (preloaded) return preloaded;
  // The dev server has no --pathprefix flag; ELEVENTY's own env var is honoured.
  const loaded: Loaded = loadSite({ root, pathPrefix: process.env.ELEVENTY_PATH_PREFIX ?? "/" });
  if (loaded.errors.length || !loaded.site) throw new ContentErrors(loaded.errors);
  return loaded.site;
}
