import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Replaces `output` with `fresh` in two renames; the old tree is removed only afterwards. */
export function swap(fresh: string, output: string): void {
  if (!existsSync(join(fresh, "index.html"))) throw new Error(`the new site in ${fresh} is incomplete`);
  if (existsSync(output)) {
    const old = `${output}.old-${process.pid}`;
    renameSync(output, old);
    try {
      renameSync(fresh, output);
    } catch (e) {
      renameSync(old, output);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(fresh, output);
  }
}
