import { parseArgs } from "node:util";
import { basename, resolve } from "node:path";
import { mergeShards, MergeError } from "../build/shard.ts";

/** `npm run merge -- <shard folder>… --out <site>`: assembles the shards of one `--shard i/n` build (src/build/shard.ts, docs/ci.md). */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { out: { type: "string" }, output: { type: "string" } },
    allowPositionals: true,
  });
  const output = resolve(values.out ?? values.output ?? "_site");
  const started = performance.now();
  try {
    const r = await mergeShards(positionals, output);
    const words = r.words ? ` (word directory: ${r.words.toLocaleString("en-US")} words)` : "";
    console.log(`Merged ${r.shards} shards: ${r.files.toLocaleString("en-US")} files in ${basename(output)}/${words} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (e) {
    console.error(`Merge failed: ${(e as Error).message}`);
    console.error(`${basename(output)}/ was not changed.`);
    if (!(e instanceof MergeError) && process.env.DEBUG) console.error(e);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
