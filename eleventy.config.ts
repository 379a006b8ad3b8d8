import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { CSP } from "./src/site/csp.ts";
import { LANGS, dirOf, otherLang } from "./src/i18n/lang.ts";
import { PAGE_KIND_NAMES, kindTemplate } from "./src/archive/kinds.ts";

/**
 * Wiring only: the build (src/build/pipeline.ts) runs Eleventy once per render
 * batch and hands it that batch's `site` data; the site's data and logic live in src/.
 */
export default function (eleventyConfig: UserConfig) {
  // Articles are read and validated by src/content, not rendered one template each.
  eleventyConfig.ignores.add("content/ar/**");
  eleventyConfig.ignores.add("content/en/**");

  // Frozen, as the build's `site` (src/build/render.ts): Eleventy then neither copies nor proxies them.
  eleventyConfig.addGlobalData("otherLang", Object.freeze(Object.fromEntries(LANGS.map((l) => [l, otherLang(l)]))));
  eleventyConfig.addGlobalData("dirOf", Object.freeze(Object.fromEntries(LANGS.map((l) => [l, dirOf(l)]))));
  eleventyConfig.addGlobalData("csp", CSP);

  // One template per kind of page (src/archive/kinds.ts): each page of `site.pages.<kind>` at its URL, in the kind's layout.
  for (const kind of PAGE_KIND_NAMES) {
    const { path, data } = kindTemplate(kind);
    eleventyConfig.addTemplate(path, "", data);
  }

  // Rewrites every root-relative URL for `--pathprefix` hosting.
  eleventyConfig.addPlugin(HtmlBasePlugin);
}

export const config = {
  // Input and output are left to the build (src/build/eleventy-run.ts): the project's content/ and the fresh
  // folder, wherever the build runs from (an input here would be taken relative to the working directory).
  dir: { includes: "../_includes" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
