import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The build cache: what a rebuild may take from earlier builds instead of
 * making it again (rendered pages, search partitions). Kept outside the
 * output (`.arshif-cache/` by default); every entry is keyed by a hash of what
 * made it and checked against a hash of its bytes before it is used, so a
 * corrupt or partial entry is made again, never published. Deleting the
 * folder is always safe.
 */

/** Raise when a change makes old entries wrong in a way the code hash does not see. */
export const CACHE_VERSION = 1;

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * A hash of everything that turns page data into files: the running code's
 * src/, the lockfile (Eleventy, Pagefind, Nunjucks versions), the templates
 * and Eleventy's configuration. Passthrough files are not included (they are
 * copied on every build).
 */
export function codeVersion(root: string): string {
  const h = createHash("sha256").update(`arshif-cache-${CACHE_VERSION}\0`);
  const add = (p: string) => h.update(relative(root, p)).update("\0").update(readFileSync(p)).update("\0");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else add(p);
    }
  };
  // The code that is running (src/ of this checkout), whatever the project root.
  walk(fileURLToPath(new URL("..", import.meta.url)));
  walk(join(root, "_includes"));
  for (const f of ["package-lock.json", "eleventy.config.ts"]) if (existsSync(join(root, f))) add(join(root, f));
  // The single-file templates beside the articles (root, 404, feeds, sitemaps).
  for (const e of readdirSync(join(root, "content"), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isFile() && /\.(njk|11ty\.\w+|json)$/.test(e.name)) add(join(root, "content", e.name));
  }
  return h.digest("hex");
}

/** Hard-links `from` to `to` (same inode, no bytes copied), or copies when linking fails (another file system). */
export function linkOrCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

export class BuildCache {
  /** Search partition entries used by this build (the rest are pruned at the end). */
  private readonly usedSearch = new Set<string>();
  readonly stats = { pagesReused: 0, pagesRendered: 0, partitionsReused: 0, partitions: 0 };

  constructor(
    readonly dir: string,
    readonly code: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  // ---- search partitions: one folder per hash of the partition's records ----

  private searchEntry(key: string): string {
    return join(this.dir, "search", key);
  }

  partitionKey(records: unknown): string {
    return sha256(`${this.code}\0${JSON.stringify(records)}`);
  }

  /**
   * Links a cached partition into `dir` when one with the same records exists
   * and every file matches its recorded hash; false (and nothing left in `dir`) otherwise.
   */
  restorePartition(key: string, dir: string): boolean {
    const entry = this.searchEntry(key);
    this.stats.partitions++;
    let manifest: Record<string, string>;
    try {
      manifest = JSON.parse(readFileSync(join(entry, "manifest.json"), "utf8")) as Record<string, string>;
      for (const [rel, hash] of Object.entries(manifest)) {
        if (sha256(readFileSync(join(entry, "files", rel))) !== hash) throw new Error(`hash mismatch: ${rel}`);
      }
    } catch {
      rmSync(entry, { recursive: true, force: true });
      return false;
    }
    try {
      for (const rel of Object.keys(manifest)) linkOrCopy(join(entry, "files", rel), join(dir, rel));
    } catch {
      rmSync(dir, { recursive: true, force: true });
      return false;
    }
    this.usedSearch.add(key);
    this.stats.partitionsReused++;
    return true;
  }

  /** Keeps a freshly built partition folder (linked, not copied); the manifest is written last, so a half-saved entry has none. */
  savePartition(key: string, dir: string): void {
    const entry = this.searchEntry(key);
    const tmp = `${entry}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const manifest: Record<string, string> = {};
    for (const rel of listFiles(dir)) {
      const from = join(dir, rel);
      manifest[rel] = sha256(readFileSync(from));
      linkOrCopy(from, join(tmp, "files", rel));
    }
    writeFileSync(join(tmp, "manifest.json"), JSON.stringify(manifest));
    rmSync(entry, { recursive: true, force: true });
    renameSync(tmp, entry);
    this.usedSearch.add(key);
  }

  /** Removes search entries this build did not use (old versions of partitions). */
  pruneSearch(): void {
    const dir = join(this.dir, "search");
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) if (!this.usedSearch.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
  }

  // ---- rendered files: a manifest of the live output (path → key, hash of bytes) ----

  private renderManifestPath(output: string): string {
    return join(this.dir, `render-${sha256(output).slice(0, 16)}.json`);
  }

  readRenderManifest(output: string): Map<string, [key: string, hash: string]> {
    try {
      const raw = JSON.parse(readFileSync(this.renderManifestPath(output), "utf8")) as { code: string; files: Record<string, [string, string]> };
      if (raw.code !== this.code) return new Map();
      return new Map(Object.entries(raw.files));
    } catch {
      return new Map();
    }
  }

  /** Written after the swap: it describes the output that is now live. */
  writeRenderManifest(output: string, files: Map<string, [string, string]>): void {
    const path = this.renderManifestPath(output);
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ code: this.code, files: Object.fromEntries(files) }));
    renameSync(tmp, path);
  }
}
