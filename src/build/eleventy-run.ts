import { createHash } from "node:crypto";
import { join, relative, resolve, sep } from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BatchRenderer, Written } from "./render.ts";

/**
 * One Eleventy run over `view`, in this thread (the render thread: only it
 * loads Eleventy, src/build/render-worker.ts). Eleventy gets the view as the
 * `site` global data through its programmatic configuration; eleventy.config.ts
 * adds the rest.
 */
export const renderWithEleventy: BatchRenderer = async (view, outDir, opts) => {
  // Eleventy resolves its input and config relative to the working directory.
  const rel = (p: string) => relative(process.cwd(), join(opts.root, p)) || ".";
  const elev = new Eleventy(rel("content"), outDir, {
    configPath: rel("eleventy.config.ts"),
    pathPrefix: opts.pathPrefix,
    quietMode: true,
    config: (eleventyConfig: UserConfig) => {
      // Frozen, it is used as it is: Eleventy deep-copies a plain global into each run's data and
      // wraps every lookup of it from a page in a proxy (docs/scale.md).
      eleventyConfig.addGlobalData("site", Object.freeze(view));
    },
  });
  // Eleventy 3 answers [passthrough copies, template results]; a result holds the path and content it wrote.
  const [, templates] = (await elev.write()) as unknown as [unknown, unknown[]];
  const files: Written = [];
  for (const r of templates.flat(Infinity) as { outputPath?: unknown; content?: unknown }[]) {
    if (typeof r?.outputPath === "string" && (typeof r.content === "string" || Buffer.isBuffer(r.content))) {
      files.push([relative(outDir, resolve(r.outputPath)).split(sep).join("/"), createHash("sha256").update(r.content).digest("hex")]);
    }
  }
  return files;
};
