import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { siteData } from "./src/site/eleventy-data.ts";
import { CSP } from "./src/site/csp.ts";
import { FONT_FILES } from "./src/site/assets.ts";
import { bundleSearchScript } from "./src/search/bundle.ts";
import { writeDataFiles } from "./src/export/write.ts";
import { writeSearchIndex } from "./src/search/pagefind.ts";

/** Wiring only: the site's data and logic live in src/. */
export default function (eleventyConfig: UserConfig) {
  // Articles are read and validated by src/content, not rendered one template each.
  eleventyConfig.ignores.add("content/ar/**");
  eleventyConfig.ignores.add("content/en/**");
  eleventyConfig.addWatchTarget("content/**/*.{md,yaml}");

  eleventyConfig.addGlobalData("site", () => siteData(process.cwd()));
  eleventyConfig.addGlobalData("otherLang", { ar: "en", en: "ar" });
  eleventyConfig.addGlobalData("dirOf", { ar: "rtl", en: "ltr" });
  eleventyConfig.addGlobalData("csp", CSP);

  eleventyConfig.addPassthroughCopy({ public: "/" });
  eleventyConfig.addPassthroughCopy(FONT_FILES);

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    // The build renders in several runs (src/site/batches.ts); the files below are written once.
    if ((siteData(process.cwd()).batch?.index ?? 0) > 0) return;
    await bundleSearchScript(process.cwd(), directories.output);
    writeDataFiles(siteData(process.cwd()), directories.output);
    // `npm run build` indexes before Eleventy; the dev server only when asked (ARSHIF_SEARCH=1).
    if (process.env.ARSHIF_SEARCH === "1") await writeSearchIndex(siteData(process.cwd()), directories.output);
  });

  // Rewrites every root-relative URL for `--pathprefix` hosting.
  eleventyConfig.addPlugin(HtmlBasePlugin);
}

export const config = {
  // Output is left to the default (_site) so the build CLI's temporary directory wins.
  dir: { input: "content", includes: "../_includes" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
