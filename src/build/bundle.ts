import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundleSearchScript } from "../search/bundle.ts";

/**
 * A hash of what the search script bundle is made from: every file under src/
 * (the entry and anything it imports) and the lockfile (the packages it bundles).
 */
export function bundleKey(root: string): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p.slice(root.length)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk(join(root, "src"));
  const lock = join(root, "package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest("hex");
}

let last: { key: string; bytes: Buffer } | undefined;

/**
 * Writes assets/search.js; a process that builds again (the dev server)
 * reuses the previous bundle when nothing it is made from changed.
 */
export async function writeScriptBundle(root: string, outDir: string): Promise<string> {
  const out = join(outDir, "assets/search.js");
  const key = bundleKey(root);
  if (last?.key === key) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, last.bytes);
    return out;
  }
  await bundleSearchScript(root, outDir);
  last = { key, bytes: readFileSync(out) };
  return out;
}
