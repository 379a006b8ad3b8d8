import { test } from "node:test";
import assert from "node:assert/strict";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyStaticFiles, FONT_FILES } from "../src/site/assets.ts";

const REPO = join(import.meta.dirname, "..");

test("static files: a linked public/ is copied into a real output folder, and what is written there stays out of the link's target", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-assets-"));
  try {
    const shared = join(dir, "shared-public");
    mkdirSync(join(shared, "assets"), { recursive: true });
    writeFileSync(join(shared, "assets", "style.css"), "body{}");
    const root = join(dir, "project");
    mkdirSync(root);
    symlinkSync(shared, join(root, "public"));
    symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
    const out = join(dir, "out");
    copyStaticFiles(root, out);
    assert.ok(lstatSync(out).isDirectory() && !lstatSync(out).isSymbolicLink());
    assert.ok(lstatSync(join(out, "assets")).isDirectory() && !lstatSync(join(out, "assets")).isSymbolicLink());
    for (const to of Object.values(FONT_FILES)) assert.ok(existsSync(join(out, to)), to);
    writeFileSync(join(out, "index.html"), "<p>page</p>");
    writeFileSync(join(out, "assets", "more.css"), "p{}");
    assert.deepEqual(readdirSync(shared), ["assets"]);
    assert.deepEqual(readdirSync(join(shared, "assets")), ["style.css"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
