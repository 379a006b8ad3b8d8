import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Replaces `output` with `fresh` in two renames. The old tree is only renamed
 * aside (`<output>.old-<pid>-<time>`) and removed in the background, off the
 * build's path (removing tens of thousands of files takes seconds); a dev
 * server in this process serves the new site meanwhile. What a killed build or
 * removal leaves is removed by the next build (sweepLeftovers). `mustHave` is
 * the file a complete tree has (a build shard's: its manifest). `retire` may
 * move the old tree elsewhere (the build cache's spare tree); what it leaves
 * is swept with the other leftovers.
 */
export async function swap(fresh: string, output: string, mustHave = "index.html", retire?: (old: string) => void): Promise<void> {
  if (!existsSync(join(fresh, mustHave))) throw new Error(`the new site in ${fresh} is incomplete`);
  if (existsSync(output)) {
    const old = `${output}.old-${process.pid}-${Date.now()}`;
    renameSync(output, old);
    try {
      renameSync(fresh, output);
    } catch (e) {
      renameSync(old, output);
      throw e;
    }
    // Kept (the build cache's spare tree, src/build/spare.ts), or removed with the other leftovers.
    try {
      retire?.(old);
    } catch {
      // Left for the sweep.
    }
  } else {
    renameSync(fresh, output);
  }
  sweepLeftovers(output);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * What earlier builds of `output` left beside it: retired trees
 * (`<output>.old-*`, kept while `output` itself is missing: a build killed
 * between its two renames leaves the only copy there) and the fresh folders of
 * builds that are no longer running (`<output>.tmp-<pid>`).
 */
export function leftovers(output: string): string[] {
  const parent = dirname(output);
  const name = basename(output);
  const hasOutput = existsSync(output);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names.sort()) {
    if (!n.startsWith(`${name}.`)) continue;
    const rest = n.slice(name.length + 1);
    if (/^old-\d+(-\d+)?$/.test(rest) && hasOutput) out.push(join(parent, n));
    const tmp = /^tmp-(\d+)$/.exec(rest);
    if (tmp && Number(tmp[1]) !== process.pid && !alive(Number(tmp[1]))) out.push(join(parent, n));
  }
  return out;
}

/**
 * Removes the leftovers of earlier builds of `output` in a detached process
 * that outlives this one (a build's process exits as soon as its site is
 * live). Returns the paths it was given; a removal that is cut short is done
 * again by the next build.
 */
export function sweepLeftovers(output: string): string[] {
  const paths = leftovers(output);
  removeDetached(paths);
  return paths;
}

/** Removes `paths` (files or folders) in a detached process that outlives this one. */
export function removeDetached(paths: string[]): void {
  if (!paths.length) return;
  const script = "const fs=require('node:fs');for(const p of process.argv.slice(1))try{fs.rmSync(p,{recursive:true,force:true,maxRetries:2})}catch{}";
  const child = spawn(process.execPath, ["-e", script, ...paths], { detached: true, stdio: "ignore", windowsHide: true, env: {} });
  child.on("error", () => {});
  child.unref();
}
