import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as fs from "node:fs";
import { RecycledTree, SpareTaker, phases, spareRecord, unlinkAll, type TreeRecord } from "../src/build/spare.ts";
import { LINKED, Linker } from "../src/build/linker.ts";
import { fileStat } from "../src/build/inputs.ts";
import { walkTree } from "../src/build/walk.ts";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

function put(root: string, rel: string, body: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), body);
}

function link(from: string, to: string, rel: string): void {
  mkdirSync(dirname(join(to, rel)), { recursive: true });
  linkSync(join(from, rel), join(to, rel));
}

/** A manifest of `root` as the build cache writes one: `keyed` files have a render key. */
function record(root: string, keyed: (rel: string) => boolean): TreeRecord {
  const files: TreeRecord["files"] = {};
  const dirs: TreeRecord["dirs"] = {};
  const walk = (rel: string) => {
    const st = lstatSync(rel ? join(root, rel) : root);
    dirs[rel] = [st.mtimeMs, st.ino];
    for (const name of readdirSync(rel ? join(root, rel) : root)) {
      const r = rel ? `${rel}/${name}` : name;
      const s = lstatSync(join(root, r));
      if (s.isDirectory()) walk(r);
      else files[r] = [keyed(r) ? "k" : "", "", s.size, s.mtimeMs, s.ino];
    }
  };
  walk("");
  return { files, dirs };
}

const tree = (root: string): string[] => (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).sort();

/**
 * `old` is the retired output, `live` the new one: ar/a and ar/c/feed.xml were
 * reused by link (the same inodes), ar/b and ar/c/index.html were rendered
 * again; of the files that are not rendered pages, a search partition's was
 * restored (the same inode: pagefind-2/), search/ and the root page were written again.
 */
function setup(dir: string): { old: string; live: string; retired: TreeRecord; now: TreeRecord } {
  const old = join(dir, "old");
  const live = join(dir, "live");
  for (const [rel, body] of [["ar/a/index.html", "a"], ["ar/b/index.html", "b"], ["ar/c/index.html", "c"], ["ar/c/feed.xml", "feed"], ["search/x.pf", "x"], ["pagefind-2/y.pf", "y"], ["index.html", "root"]] as const) put(old, rel, body);
  const keyed = (rel: string) => rel.startsWith("ar/");
  // Folders dated long ago: a change made within the clock tick of the record would otherwise keep its mtime.
  for (const d of ["ar/a", "ar/b", "ar/c", "ar", "search", "pagefind-2", ""]) utimesSync(join(old, d), 1e9, 1e9);
  const retired = record(old, keyed);
  link(old, live, "ar/a/index.html");
  link(old, live, "ar/c/feed.xml");
  link(old, live, "pagefind-2/y.pf");
  for (const [rel, body] of [["ar/b/index.html", "b2"], ["ar/c/index.html", "c2"], ["search/x.pf", "x2"], ["index.html", "root2"]] as const) put(live, rel, body);
  return { old, live, retired, now: record(live, keyed) };
}

test("spare tree: a retired output keeps only the files that are the live output's own", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-spare-"));
  try {
    const { old, retired, now } = setup(join(dir, "1"));
    const rec = spareRecord(retired, now.files);
    assert.deepEqual(rec.files.sort(), ["ar/a/index.html", "ar/c/feed.xml", "pagefind-2/y.pf"]);
    assert.deepEqual(rec.drop.sort(), ["ar/b/index.html", "ar/c/index.html"]);
    assert.deepEqual(rec.discard, ["index.html", "search"]);
    assert.ok(phases.check(fs, join, old, rec.dirs));
    const trash = join(dir, "trash");
    phases.prune(fs, join, old, rec, trash, "t");
    // ar/b was emptied and removed; ar/c keeps its feed; the rest is in the trash.
    assert.deepEqual(tree(old), ["ar", "ar/a", "ar/a/index.html", "ar/c", "ar/c/feed.xml", "pagefind-2", "pagefind-2/y.pf"]);
    assert.deepEqual(readdirSync(trash).sort(), ["index.html-t-0", "search-t-1"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const thread of [true, false]) {
  test(`spare tree: taken ${thread ? "on a second thread" : "on this thread"} as a build takes it: checked, pruned, moved`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "arshif-spare-"));
    try {
      const trash = join(dir, "trash");
      const second = setup(join(dir, "2"));
      const recordFile = join(dir, "2", "spare.json");
      writeFileSync(recordFile, JSON.stringify(spareRecord(second.retired, second.now.files)));
      const fresh = join(dir, "2", "fresh");
      const taken = await new SpareTaker(second.old, recordFile, trash, thread).take(fresh);
      assert.deepEqual([...(taken?.files ?? [])].sort(), ["ar/a/index.html", "ar/c/feed.xml", "pagefind-2/y.pf"]);
      assert.ok(!existsSync(second.old));
      assert.deepEqual(tree(fresh), ["ar", "ar/a", "ar/a/index.html", "ar/c", "ar/c/feed.xml", "pagefind-2", "pagefind-2/y.pf"]);
      assert.equal(statSync(join(fresh, "ar/a/index.html")).ino, statSync(join(second.live, "ar/a/index.html")).ino);
      // What it tells of its folders lets the manifest's walk skip the untouched ones: the same tree as a full walk.
      writeFileSync(join(fresh, "ar/c/new.html"), "new");
      const quick = await walkTree(fresh, () => false, taken!.folders);
      const full = await walkTree(fresh);
      assert.deepEqual([...quick.files.keys()].sort(), [...full.files.keys()].sort());
      assert.deepEqual([...quick.dirs].sort(), [...full.dirs].sort());
      assert.ok([...full.files.keys()].includes("ar/c/new.html"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

for (const thread of [true, false]) test(`spare tree: a folder changed since it was recorded keeps the tree from being used (${thread ? "second thread" : "this thread"})`, async () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-spare-"));
  try {
    // A file added where a page is to be dropped, or where one is kept: the tree is neither pruned nor moved.
    for (const where of ["ar/b", "ar/a"]) {
      const root = join(dir, where.replace("/", "-"));
      const { old, retired, now } = setup(root);
      const recordFile = join(root, "spare.json");
      writeFileSync(recordFile, JSON.stringify(spareRecord(retired, now.files)));
      writeFileSync(join(old, where, "stray.html"), "stray");
      assert.equal(await new SpareTaker(old, recordFile, join(root, "trash"), thread).take(join(root, "fresh")), undefined, where);
      assert.ok(existsSync(join(old, "ar/b/index.html")) && existsSync(join(old, where, "stray.html")), where);
      assert.ok(!existsSync(join(root, "fresh")), where);
    }
    // A record that is not one: not used.
    const { old } = setup(join(dir, "bad"));
    writeFileSync(join(dir, "bad", "spare.json"), "{");
    assert.equal(await new SpareTaker(old, join(dir, "bad", "spare.json"), join(dir, "bad", "trash"), thread).take(join(dir, "bad", "fresh")), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("spare tree: unlinkAll removes the files, and with prune the folders it empties", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-spare-"));
  try {
    for (const rel of ["ar/x/index.html", "ar/y/index.html", "ar/y/feed.xml", "ar/z/index.html"]) put(dir, rel, rel);
    unlinkAll(dir, ["ar/x/index.html", "ar/y/index.html", "ar/gone/index.html"], true);
    unlinkAll(dir, ["ar/z/index.html"], false);
    assert.deepEqual(tree(dir), ["ar", "ar/y", "ar/y/feed.xml", "ar/z"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("linker: a file the fresh folder holds already stays when the live file is as recorded, and is unlinked before anything else", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-spare-"));
  try {
    const live = join(dir, "live");
    const fresh = join(dir, "fresh");
    for (const rel of ["a/index.html", "b/index.html", "c/index.html"]) {
      put(live, rel, rel);
      link(live, fresh, rel);
    }
    const stat = (rel: string) => fileStat(statSync(join(live, rel)));
    const recorded = { a: stat("a/index.html"), b: stat("b/index.html"), c: stat("c/index.html") };
    // b: the live file replaced by a new one with the same bytes; c: rewritten in place with others.
    rmSync(join(live, "b/index.html"));
    put(live, "b/index.html", "b/index.html");
    writeFileSync(join(live, "c/index.html"), "tampered");
    const linker = new Linker(live, fresh);
    linker.add("a/index.html", recorded.a, sha("a/index.html"), true);
    linker.add("b/index.html", recorded.b, sha("b/index.html"), true);
    linker.add("c/index.html", recorded.c, sha("c/index.html"), true);
    assert.deepEqual([...(await linker.finish())], [LINKED.byStat, LINKED.byHash, LINKED.no]);
    assert.equal(statSync(join(fresh, "a/index.html")).ino, recorded.a.ino);
    // Linked anew to the live file that replaced it.
    assert.equal(statSync(join(fresh, "b/index.html")).ino, statSync(join(live, "b/index.html")).ino);
    // Refused: gone from the fresh folder, so what renders it writes a new file.
    assert.ok(!existsSync(join(fresh, "c/index.html")));
    assert.equal(readFileSync(join(live, "c/index.html"), "utf8"), "tampered");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a recycled tree: kept files stay, freed ones go before their path is written, the rest is swept with the folders it empties", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-spare-"));
  try {
    const live = join(dir, "live");
    const fresh = join(dir, "fresh");
    const rels = ["ar/a/index.html", "ar/b/index.html", "ar/gone/index.html", "pagefind-2/x.pf", "pagefind-2/f/y.pf", "pagefind-3/z.pf", "search-text/ar/a.json"];
    for (const rel of rels) {
      put(live, rel, rel);
      link(live, fresh, rel);
    }
    const tree = new RecycledTree(fresh, rels);
    assert.ok(tree.holds("ar/a/index.html") && !tree.holds("ar/new/index.html"));
    tree.keep("ar/a/index.html");
    tree.keep("pagefind-3/z.pf");
    // A page rendered again and an excerpt written again: their links go first, the live files keep their bytes.
    tree.free("ar/b/index.html");
    tree.free("search-text/ar/a.json");
    assert.ok(!existsSync(join(fresh, "ar/b/index.html")) && !existsSync(join(fresh, "search-text/ar/a.json")));
    put(fresh, "ar/b/index.html", "rendered again");
    assert.equal(readFileSync(join(live, "ar/b/index.html"), "utf8"), "ar/b/index.html");
    // A partition made again: all it held there goes.
    tree.freeUnder("pagefind-2");
    assert.ok(!existsSync(join(fresh, "pagefind-2/x.pf")) && !existsSync(join(fresh, "pagefind-2/f/y.pf")));
    assert.ok(!tree.holds("ar/b/index.html") && !tree.holds("pagefind-2/x.pf"));
    // Kept or written again: not swept; held and never kept: swept, with the folder it empties.
    tree.sweep();
    assert.ok(!existsSync(join(fresh, "ar/gone")));
    assert.equal(readFileSync(join(fresh, "ar/b/index.html"), "utf8"), "rendered again");
    assert.equal(statSync(join(fresh, "ar/a/index.html")).ino, statSync(join(live, "ar/a/index.html")).ino);
    assert.ok(existsSync(join(fresh, "pagefind-3/z.pf")));
    assert.equal(readFileSync(join(live, "ar/gone/index.html"), "utf8"), "ar/gone/index.html");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
