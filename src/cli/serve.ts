import { parseArgs } from "node:util";
import { watch } from "node:fs";
import { join, resolve } from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { build } from "../build/pipeline.ts";
import { RenderThread } from "../build/render-thread.ts";
import { report } from "../site/report.ts";

/**
 * `npm start`: runs the build pipeline (src/build/pipeline.ts, the same one as
 * `npm run build`) into _site/, serves it, and runs it again on every change
 * to content/, _includes/ or public/; the browser reloads when the new site is
 * swapped in. A change to src/ restarts this process (`tsx watch`).
 */
const { values } = parseArgs({
  options: { port: { type: "string", default: "8080" } },
  allowPositionals: false,
});
const root = process.cwd();
const output = resolve(root, "_site");
const options = {
  root,
  output,
  // No --pathprefix flag here: Eleventy's own environment variable is honoured.
  pathPrefix: process.env.ELEVENTY_PATH_PREFIX ?? "/",
  search: process.env.ARSHIF_SEARCH === "1",
  // One render thread for every rebuild: Eleventy stays loaded in it.
  renderer: new RenderThread(),
};
const WATCHED = ["content", "_includes", "public"];
// Editors write a file in several events; one rebuild for a burst.
const SETTLE_MS = 30;

/** Builds once; content errors and failures are printed and the previous site stays served. */
async function rebuild(why: string): Promise<boolean> {
  const t = performance.now();
  try {
    const r = await build(options);
    if (!r.ok) {
      for (const e of r.errors) console.error(e.format());
      console.error(report(r.result, false, r.errors));
      console.error(`Not rebuilt: ${r.errors.length} content error(s). Still serving the previous site.`);
      return false;
    }
    const steps = Object.entries(r.timings)
      .filter(([k, v]) => !k.startsWith("at_") && v > 0)
      .map(([k, v]) => `${k} ${Math.round(v)}`)
      .join(", ");
    console.log(`Rebuilt (${why}) in ${Math.round(performance.now() - t)} ms [${steps} ms]`);
    return true;
  } catch (e) {
    console.error(`Build failed: ${(e as Error).message}. Still serving the previous site.`);
    if (process.env.DEBUG) console.error(e);
    return false;
  }
}

async function main(): Promise<void> {
  await rebuild("start");
  const server = EleventyDevServer.getServer("arshif", output, { pathPrefix: options.pathPrefix, domDiff: false });
  server.serve(Number(values.port));

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const changed = new Set<string>();
  const run = async (): Promise<void> => {
    const files = [...changed];
    changed.clear();
    if (await rebuild(files.slice(0, 3).join(", ") + (files.length > 3 ? ", …" : ""))) server.reload({ files });
    running = undefined;
    if (changed.size) schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A change during a build waits for it, then builds once more.
      if (!running) running = run();
    }, SETTLE_MS);
  };
  for (const dir of WATCHED) {
    watch(join(root, dir), { recursive: true }, (_event, file) => {
      if (!file) return;
      changed.add(`${dir}/${file}`);
      schedule();
    });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
