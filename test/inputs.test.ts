import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { HashMemo, inputFingerprint, walkFiles } from "../src/build/inputs.ts";
import { BuildCache } from "../src/build/cache.ts";
import { leftovers, swap } from "../src/build/swap.ts";

// Real files in a temporary folder; mtimes are set in the past where a test
// needs the hash memo to remember a file (it forgets files written in the last second).

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "arshif-inputs-"));
}

function put(path: string, body: string, ageSeconds = 60): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
  const t = Date.now() / 1000 - ageSeconds;
  utimesSync(path, t, t);
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

test("the hash memo reads a file again only when its stat changed, and remembers across instances", () => {
  const dir = tmp();
  try {
    const f = join(dir, "a.txt");
    const memoFile = join(dir, "cache/hashes.json");
    put(f, "one");
    const m1 = new HashMemo(memoFile);
    assert.equal(m1.hash(f), sha("one"));
    assert.equal(m1.hash(f), sha("one"));
    assert.equal(m1.hashed, 1);
    m1.save();
    const m2 = new HashMemo(memoFile);
    assert.equal(m2.hash(f), sha("one"));
    assert.equal(m2.hashed, 0, "an unchanged file is not read again");
    // Same size, other bytes, other mtime: read again.
    put(f, "two", 30);
    assert.equal(m2.hash(f), sha("two"));
    assert.equal(m2.hashed, 1);
    // Touched only: read again, same hash.
    const t = Date.now() / 1000 - 10;
    utimesSync(f, t, t);
    assert.equal(m2.hash(f), sha("two"));
    assert.equal(m2.hashed, 2);
    // A file written just now is hashed but not remembered (its mtime tick may not be over).
    const g = join(dir, "b.txt");
    writeFileSync(g, "fresh");
    assert.equal(m2.hash(g), sha("fresh"));
    m2.save();
    const m3 = new HashMemo(memoFile);
    m3.hash(g);
    assert.equal(m3.hashed, 1);
    // The memo keeps only files asked about since it was loaded.
    m3.save();
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(memoFile, "utf8")) as object), []);
    // A damaged memo file is ignored, not trusted.
    writeFileSync(memoFile, "{not json");
    const m4 = new HashMemo(memoFile);
    assert.equal(m4.hash(f), sha("two"));
    assert.equal(m4.hashed, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("walkFiles lists every file, sorted, following linked folders", () => {
  const dir = tmp();
  try {
    put(join(dir, "other/z.njk"), "z");
    put(join(dir, "tree/b/c.md"), "c");
    put(join(dir, "tree/a.md"), "a");
    symlinkSync(join(dir, "other"), join(dir, "tree/linked"));
    assert.deepEqual([...walkFiles(join(dir, "tree")).keys()], ["a.md", "b/c.md", "linked/z.njk"]);
    assert.equal(walkFiles(join(dir, "missing")).size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the input fingerprint follows content, templates, public files, code and options, not mtimes", () => {
  const root = tmp();
  try {
    put(join(root, "content/site.yaml"), "title: x\n");
    put(join(root, "content/ar/2025/a.md"), "---\nid: a\n---\nنص\n");
    put(join(root, "_includes/base.njk"), "<html>");
    put(join(root, "public/robots.txt"), "x");
    const opts = { pathPrefix: "/", search: true };
    const memo = new HashMemo();
    const fp = (code = "c1", o: object = opts) => inputFingerprint(root, code, o, memo);
    const base = fp();
    assert.equal(base.files, 4);
    assert.equal(fp().key, base.key);
    assert.notEqual(fp("c2").key, base.key, "code version");
    assert.notEqual(fp("c1", { ...opts, search: false }).key, base.key, "search on/off");
    assert.notEqual(fp("c1", { ...opts, pathPrefix: "/archive/" }).key, base.key, "path prefix");
    assert.equal(fp("c1", { search: true, pathPrefix: "/" }).key, base.key, "option order does not matter");

    const before = memo.hashed;
    const t = Date.now() / 1000 - 5;
    utimesSync(join(root, "content/site.yaml"), t, t);
    assert.equal(fp().key, base.key, "a touched file with the same bytes");
    assert.equal(memo.hashed, before + 1, "the touched file (only) was read again");

    for (const [file, body] of [
      ["content/site.yaml", "title: y\n"],
      ["content/ar/2025/a.md", "---\nid: a\n---\nنص آخر\n"],
      ["_includes/base.njk", "<html lang>"],
      ["public/robots.txt", "y"],
    ] as const) {
      const old = readFileSync(join(root, file), "utf8");
      put(join(root, file), body, 3);
      assert.notEqual(fp().key, base.key, `edited ${file}`);
      put(join(root, file), old, 2);
      assert.equal(fp().key, base.key, `restored ${file}`);
    }
    put(join(root, "content/en/new.md"), "x");
    assert.notEqual(fp().key, base.key, "an added file");
    rmSync(join(root, "content/en/new.md"));
    assert.equal(fp().key, base.key);
    rmSync(join(root, "public/robots.txt"));
    assert.notEqual(fp().key, base.key, "a removed file");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A fake live output written by hand, its manifest recorded as a build records it after the swap. */
async function liveSite(root: string): Promise<{ cache: BuildCache; output: string; check: () => number | undefined }> {
  put(join(root, "content/site.yaml"), "title: x\n");
  const output = join(root, "_site");
  put(join(output, "index.html"), "<p>home</p>");
  put(join(output, "ar/a/index.html"), "<p>a</p>");
  put(join(output, "data/articles/2025.json"), "[]");
  const cache = new BuildCache(join(root, ".cache"), "code-1", new HashMemo(join(root, ".cache/hashes.json")));
  const options = { root, output, search: false };
  assert.equal(cache.checkUnchanged(root, output, options), undefined, "no previous build");
  // Rendered files have a key and a hash; the data file, like the search index, neither.
  await cache.writeRenderManifest(output, new Map([["index.html", ["k1", sha("<p>home</p>")]], ["ar/a/index.html", ["k2", sha("<p>a</p>")]]]));
  return { cache, output, check: () => new BuildCache(join(root, ".cache"), "code-1").checkUnchanged(root, output, options) };
}

test("a live output as the manifest describes it, with the same inputs, is unchanged; any difference is seen", async () => {
  const root = tmp();
  try {
    const { output, check } = await liveSite(root);
    // 1 input file + 3 output files.
    assert.equal(check(), 4);
    assert.equal(new BuildCache(join(root, ".cache"), "code-2").checkUnchanged(root, output, { root, output, search: false }), undefined, "other code");

    // A rendered file touched: its bytes are checked, it passes, and its new stat is kept.
    const t = Date.now() / 1000 - 5;
    utimesSync(join(output, "ar/a/index.html"), t, t);
    assert.equal(check(), 4);
    assert.equal(check(), 4);

    // Altered (same size, new mtime): seen, and the page is as good as new once its bytes are put back.
    const page = join(output, "ar/a/index.html");
    writeFileSync(page, "<p>b</p>");
    assert.equal(check(), undefined, "an altered page");
    put(page, "<p>a</p>", 4);
    assert.equal(check(), 4, "put back");

    writeFileSync(join(output, "stray.html"), "x");
    assert.equal(check(), undefined, "an added file");
    rmSync(join(output, "stray.html"));
    assert.equal(check(), 4);

    rmSync(join(output, "index.html"));
    assert.equal(check(), undefined, "a missing file");
    put(join(output, "index.html"), "<p>home</p>");
    assert.equal(check(), 4);

    // A file with no recorded hash (data files, search index) can only be checked by stat.
    const d = join(output, "data/articles/2025.json");
    utimesSync(d, t - 1, t - 1);
    assert.equal(check(), undefined, "a touched data file");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the inputs count: an edited input makes the check fail even when the output is intact", async () => {
  const root = tmp();
  try {
    const { check } = await liveSite(root);
    assert.equal(check(), 4);
    put(join(root, "content/site.yaml"), "title: y\n", 3);
    assert.equal(check(), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("cached search partitions: restored by stat, a replaced file caught by its hash, and checked with the live output", async () => {
  const root = tmp();
  try {
    const cache = new BuildCache(join(root, ".cache"), "code-1");
    const built = join(root, "part");
    put(join(built, "pagefind-entry.json"), "{}");
    put(join(built, "fragment/a.pf_fragment"), "frag");
    cache.savePartition("p1", built);
    const out = join(root, "restored");
    assert.equal(cache.restorePartition("p1", out), true);
    assert.equal(readFileSync(join(out, "fragment/a.pf_fragment"), "utf8"), "frag");
    assert.equal(statSync(join(out, "fragment/a.pf_fragment")).ino, statSync(join(built, "fragment/a.pf_fragment")).ino, "hard-linked");

    // A live output built with that partition: unchanged while the entry is as saved.
    put(join(root, "content/site.yaml"), "x");
    const output = join(root, "_site");
    put(join(output, "index.html"), "home");
    await cache.writeRenderManifest(output, new Map([["index.html", ["k", sha("home")]]]));
    const check = () => new BuildCache(join(root, ".cache"), "code-1").checkUnchanged(root, output, { root });
    assert.equal(check(), undefined, "the fingerprint was not recorded: this cache had not computed it");
    cache.checkUnchanged(root, output, { root });
    await cache.writeRenderManifest(output, new Map([["index.html", ["k", sha("home")]]]));
    assert.equal(check(), 1 + 1 + 2);

    // The cache's copy replaced by a new file with other bytes (the live output keeps its link).
    const f = join(root, ".cache/search/p1/files/fragment/a.pf_fragment");
    rmSync(f);
    writeFileSync(f, "frax");
    assert.equal(check(), undefined, "the damaged entry is seen by the nothing-changed check");
    assert.equal(new BuildCache(join(root, ".cache"), "code-1").restorePartition("p1", join(root, "again")), false);
    assert.equal(existsSync(join(root, ".cache/search/p1")), false, "and removed");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("swap renames the old tree aside and leaves it to a background removal; leftovers of dead builds are found", async () => {
  const root = tmp();
  try {
    const output = join(root, "_site");
    put(join(output, "index.html"), "old");
    put(join(root, "_site.tmp-999999999/index.html"), "a dead build's");
    put(join(root, "_site.tmp-" + process.pid + "/index.html"), "new");
    put(join(root, "_site-other.old-1-2/x"), "another output's");
    await swap(join(root, `_site.tmp-${process.pid}`), output);
    assert.equal(readFileSync(join(output, "index.html"), "utf8"), "new");
    // The removal runs in another process: wait for it.
    for (let i = 0; i < 100 && leftovers(output).length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(leftovers(output), []);
    assert.equal(existsSync(join(root, "_site.tmp-999999999")), false);
    assert.equal(existsSync(join(root, "_site-other.old-1-2/x")), true, "another output's leftovers are not touched");

    // A build killed between its two renames: the retired tree is the only site, so it is kept.
    rmSync(output, { recursive: true });
    put(join(root, "_site.old-5-6/index.html"), "only copy");
    assert.deepEqual(leftovers(output), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a folder touched without a new entry is listed once and passes; an entry added to a deep folder is seen", async () => {
  const root = tmp();
  try {
    const { output, check } = await liveSite(root);
    assert.equal(check(), 4);
    const t = Date.now() / 1000 - 5;
    utimesSync(join(output, "ar/a"), t, t);
    assert.equal(check(), 4);
    writeFileSync(join(output, "ar/a/extra.html"), "x");
    assert.equal(check(), undefined);
    rmSync(join(output, "ar/a/extra.html"));
    assert.equal(check(), 4, "the same entries again");
    mkdirSync(join(output, "ar/b"));
    assert.equal(check(), undefined, "an added empty folder");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("search entries a build did not use leave search/ at once and are removed in the background", async () => {
  const root = tmp();
  try {
    const cacheDir = join(root, ".cache");
    const first = new BuildCache(cacheDir, "code-1");
    for (const key of ["p1", "p2"]) {
      const built = join(root, `built-${key}`);
      put(join(built, "fragment/a.pf_fragment"), key);
      first.savePartition(key, built);
    }
    const next = new BuildCache(cacheDir, "code-1");
    assert.equal(next.restorePartition("p1", join(root, "out")), true);
    next.pruneSearch();
    assert.deepEqual(readdirSync(join(cacheDir, "search")), ["p1"]);
    for (let i = 0; i < 100 && readdirSync(join(cacheDir, "trash")).length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(readdirSync(join(cacheDir, "trash")), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
