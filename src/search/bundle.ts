import { build } from "esbuild";
import { join } from "node:path";

/** Bundles the search page's script (and the analyser it shares with the index) for browsers. */
export async function bundleSearchScript(root: string, outDir: string): Promise<void> {
  await build({
    entryPoints: [join(root, "src/search/browser.ts")],
    outfile: join(outDir, "assets/search.js"),
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    // pagefind.js is loaded from the built site at run time, not bundled.
    external: ["*/pagefind/pagefind.js"],
  });
}
