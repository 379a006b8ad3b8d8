import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { walkTree } from "../src/build/walk.ts";

function put(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

/** Every file and folder by a plain recursive listing, to compare with. */
function expected(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = (rel: string) => {
    dirs.push(rel);
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.push(r);
    }
  };
  walk("");
  return { files: files.sort(), dirs: dirs.sort() };
}

for (const [name, folders] of [["a small tree, walked on this thread", 5], ["a tree of many page folders, split between two threads", 300]] as const) {
  test(`folder walk: ${name} gives every file and folder with its stat; known files without one`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "arshif-walk-"));
    try {
      put(join(dir, "index.html"), "home");
      put(join(dir, "data/a.csv"), "x");
      for (let i = 0; i < folders; i++) {
        put(join(dir, `ar/articles/a${i}/index.html`), `page ${i}`);
        if (i % 7 === 0) put(join(dir, `ar/dates/2025/${i}/index.html`), `day ${i}`);
      }
      mkdirSync(join(dir, "empty/deeper"), { recursive: true });
      const known = (rel: string) => rel.endsWith("3/index.html");
      const tree = await walkTree(dir, known);
      const want = expected(dir);
      assert.deepEqual([...tree.files.keys()].sort(), want.files);
      assert.deepEqual([...tree.dirs.keys()].sort(), want.dirs);
      for (const [rel, st] of tree.files) {
        if (known(rel)) assert.equal(st, undefined, rel);
        else {
          const real = lstatSync(join(dir, rel));
          assert.deepEqual(st, { size: real.size, mtimeMs: real.mtimeMs, ino: real.ino }, rel);
        }
      }
      for (const [rel, st] of tree.dirs) {
        const real = lstatSync(join(dir, rel));
        assert.deepEqual(st, { mtimeMs: real.mtimeMs, ino: real.ino }, rel || "(root)");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("folder walk: a missing folder is an empty tree", async () => {
  const tree = await walkTree(join(tmpdir(), "arshif-walk-missing-folder"));
  assert.equal(tree.files.size, 0);
  assert.equal(tree.dirs.size, 0);
});
