import { test } from "node:test";
import assert from "node:assert/strict";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { copyStaticFiles, staticFiles } from "../src/build/static.ts";
import { FONT_FILES } from "../src/site/assets.ts";
import { REPO } from "./helpers/project.ts";

test("static files: public/ at the site's root and every webfont file, copied byte for byte", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-static-"));
  try {
    const root = join(dir, "project");
    mkdirSync(join(root, "public/assets/deep"), { recursive: true });
    writeFileSync(join(root, "public/assets/style.css"), "body{}");
    writeFileSync(join(root, "public/assets/deep/x.txt"), "x");
    writeFileSync(join(root, "public/robots-extra.txt"), "r");
    // A folder linked into public/ is copied as a folder (as the input fingerprint lists it).
    mkdirSync(join(dir, "elsewhere"));
    writeFileSync(join(dir, "elsewhere/y.txt"), "y");
    symlinkSync(join(dir, "elsewhere"), join(root, "public/linked"));
    symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
    const rels = staticFiles(root).map(([, rel]) => rel);
    assert.deepEqual(rels.slice(0, 4), ["assets/deep/x.txt", "assets/style.css", "linked/y.txt", "robots-extra.txt"]);
    assert.deepEqual(rels.slice(4), Object.values(FONT_FILES));
    const fresh = join(dir, "fresh");
    assert.equal(copyStaticFiles(root, fresh), 4 + Object.keys(FONT_FILES).length);
    for (const [from, rel] of staticFiles(root)) assert.deepEqual(readFileSync(join(fresh, rel)), readFileSync(from), rel);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("static files: a path a recycled tree holds as a link to the live file is freed first, so the live file is untouched", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-static-"));
  try {
    const root = join(dir, "project");
    mkdirSync(join(root, "public/assets"), { recursive: true });
    writeFileSync(join(root, "public/assets/style.css"), "new");
    symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
    // The live output's file, and the fresh folder holding a hard link to it (what a recycled tree holds).
    const live = join(dir, "live/assets/style.css");
    mkdirSync(join(dir, "live/assets"), { recursive: true });
    writeFileSync(live, "old");
    const fresh = join(dir, "fresh");
    mkdirSync(join(fresh, "assets"), { recursive: true });
    linkSync(live, join(fresh, "assets/style.css"));
    const freed: string[] = [];
    copyStaticFiles(root, fresh, (rel) => {
      freed.push(rel);
      rmSync(join(fresh, rel), { force: true });
    });
    assert.ok(freed.includes("assets/style.css"));
    assert.equal(readFileSync(live, "utf8"), "old");
    assert.equal(readFileSync(join(fresh, "assets/style.css"), "utf8"), "new");
    assert.notEqual(statSync(live).ino, statSync(join(fresh, "assets/style.css")).ino);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("static files: a missing webfont file is a clear error naming it", () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-static-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    assert.throws(() => copyStaticFiles(dir, join(dir, "fresh")), /static file .*noto-naskh-arabic-arabic-400-normal\.woff2 is missing \(run npm ci/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
