import { existsSync, renameSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Replaces `output` with `fresh` in two renames; the old tree is removed only
 * afterwards, asynchronously, so a dev server in this process serves the new
 * site meanwhile. `mustHave` is the file a complete tree has (a build
 * shard's: its manifest).
 */
export async function swap(fresh: string, output: string, mustHave = "index.html"): Promise<void> {
  if (!existsSync(join(fresh, mustHave))) throw new Error(`the new site in ${fresh} is incomplete`);
  if (existsSync(output)) {
    const old = `${output}.old-${process.pid}`;
    await rm(old, { recursive: true, force: true });
    renameSync(output, old);
    try {
      renameSync(fresh, output);
    } catch (e) {
      renameSync(old, output);
      throw e;
    }
    await rm(old, { recursive: true, force: true });
  } else {
    renameSync(fresh, output);
  }
}
