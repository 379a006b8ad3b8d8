import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OutputWriter } from "../src/build/writer.ts";

const sha = (s: string) => createHash("sha256").update(Buffer.from(s, "utf8")).digest("hex");

for (const thread of [true, false]) {
  const how = thread ? "on its thread" : "in this thread";

  test(`output writer ${how}: writes each page into its folder and returns the hash of its bytes by relative path`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "arshif-writer-"));
    try {
      const w = new OutputWriter(dir, { thread });
      // More pages than one chunk; half of the folders announced ahead, half not.
      const pages = Array.from({ length: 450 }, (_, i) => [join(dir, "ar", "articles", `a-${i}`, "index.html"), `<p>خبر رقم ${i} — ${"ن".repeat(i)}</p>`] as const);
      w.folders(pages.slice(0, 225).map(([f]) => join(f, "..")));
      for (const [f, html] of pages) w.write(f, html);
      const hashes = await w.close();
      assert.equal(hashes.size, pages.length);
      for (const [f, html] of pages) {
        assert.equal(readFileSync(f, "utf8"), html);
        assert.equal(hashes.get(f.slice(dir.length + 1)), sha(html), f);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`output writer ${how}: a page that cannot be written fails the render, naming the file`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "arshif-writer-"));
    try {
      writeFileSync(join(dir, "file"), "x");
      const w = new OutputWriter(dir, { thread });
      const bad = join(dir, "file", "under-a-file", "index.html");
      let thrown: unknown;
      try {
        w.write(join(dir, "ok", "index.html"), "<p>ok</p>");
        w.write(bad, "<p>lost</p>");
        await w.close();
      } catch (e) {
        thrown = e;
      }
      assert.match(String(thrown), new RegExp(`could not write ${bad.replace(/[/.]/g, "\\$&")}`));
      assert.ok(!existsSync(bad));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
