import { parseArgs } from "node:util";
import { resolve, basename } from "node:path";
import { report } from "../site/report.ts";
import type { Shard } from "../build/shard.ts";
import type { BuildOptions } from "../build/pipeline.ts";
import { firstLook } from "../build/unchanged.ts";
import { Timings } from "../build/step.ts";

/** `npm run build`: parses the arguments and runs the pipeline (src/build/pipeline.ts). */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      pathprefix: { type: "string", default: "/" },
      output: { type: "string" },
      quiet: { type: "boolean", default: false },
      "no-search": { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      cache: { type: "string" },
      // `--shard i/n`: one share of a build split over n machines (docs/ci.md); `--out` is `--output`'s short form.
      shard: { type: "string" },
      out: { type: "string" },
    },
    allowPositionals: false,
  });
  const root = process.cwd();
  let shard: Shard | undefined;
  try {
    // The pipeline and the shard code load Eleventy and Pagefind: imported only when needed.
    shard = values.shard === undefined ? undefined : (await import("../build/shard.ts")).parseShardArg(values.shard);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  // A shard never writes over the site: its own folder, _shards/<i>-of-<n> unless given.
  const output = resolve(root, values.out ?? values.output ?? (shard ? `_shards/${shard.index}-of-${shard.count}` : "_site"));
  const started = performance.now();
  let r;
  try {
    const options: BuildOptions = { root, output, pathPrefix: values.pathprefix!, search: !values["no-search"], cache: values["no-cache"] ? false : values.cache && resolve(root, values.cache), shard };
    const timings = new Timings();
    const look = await firstLook(options, timings);
    r = look.unchanged ? ({ ok: true, unchanged: look.unchanged } as const) : await (await import("../build/pipeline.ts")).build(options, timings, look);
  } catch (e) {
    console.error(`Build failed: ${(e as Error).message}`);
    console.error(`${basename(output)}/ was not changed.`);
    if (process.env.DEBUG) console.error(e);
    return 1;
  }
  if (!r.ok) {
    for (const e of r.errors) console.error(e.format());
    console.error(report(r.result, false, r.errors));
    console.error(`Build stopped: ${r.errors.length} content error(s). ${basename(output)}/ was not changed.`);
    return 1;
  }
  if ("unchanged" in r) {
    console.log(`Nothing changed since the last build (${r.unchanged.files.toLocaleString("en-US")} files checked); the site is as it was.`);
    return 0;
  }
  console.log(report(r.state.content.result, true, []));
  const c = r.state.cache?.stats;
  if (c) {
    const n = (x: number) => x.toLocaleString("en-US");
    const si = r.state.searchIndex;
    const made = si?.cache ? `, made ${n(si.cache.made)} of ${n(si.records)} search records` : "";
    const search = si ? `; reused ${c.partitionsReused} of ${c.partitions} search partitions${made}` : "";
    const cc = r.state.contentCache?.stats;
    const content = cc ? `; parsed ${n(cc.articlesParsed)} of ${n(cc.articlesParsed + cc.articlesReused)} article files, tagged ${n(cc.tagsMade)}${cc.tagsCarried ? ` (${n(cc.tagsCarried)} kept: the gazetteer edit cannot change their tags)` : ""}` : "";
    console.log(`Build cache: reused ${n(c.pagesReused)} pages, rendered ${n(c.pagesRendered)}${search}${content}.`);
  }
  if (shard) {
    console.log(`${(await import("../build/shard.ts")).describeShard(output)} Merge all ${shard.count}: npm run merge -- <shard folders> --out _site`);
    return 0;
  }
  console.log(`Wrote ${r.state.site.counts.pages + 2} pages to ${basename(output)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
