import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FolderMaker } from "../src/build/folders.ts";

test("folder maker: makes nested and existing folders on its thread; one it cannot make is left, not thrown", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-folders-"));
  try {
    writeFileSync(join(dir, "file"), "x");
    const wanted = Array.from({ length: 300 }, (_, i) => join(dir, "ar", "articles", `a-${i}`));
    const f = new FolderMaker();
    f.make(wanted.slice(0, 150));
    f.make([join(dir, "ar"), join(dir, "file", "under-a-file"), ...wanted.slice(150)]);
    await f.close();
    for (const w of wanted) assert.ok(statSync(w).isDirectory(), w);
    assert.ok(!existsSync(join(dir, "file", "under-a-file")));
    assert.ok(statSync(join(dir, "file")).isFile());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
