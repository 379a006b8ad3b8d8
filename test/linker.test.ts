import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { LINKED, Linker } from "../src/build/linker.ts";
import { fileStat } from "../src/build/inputs.ts";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

test("the linker links a file whose stat or bytes are as recorded, and refuses the rest", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-linker-"));
  try {
    const live = join(dir, "live");
    const fresh = join(dir, "fresh");
    const put = (rel: string, body: string) => {
      mkdirSync(dirname(join(live, rel)), { recursive: true });
      writeFileSync(join(live, rel), body);
      return fileStat(statSync(join(live, rel)));
    };
    const same = put("ar/articles/a/index.html", "<p>a</p>");
    const touched = put("ar/articles/b/index.html", "<p>b</p>");
    const altered = put("en/c/index.html", "<p>c</p>");
    const gone = put("en/d/index.html", "<p>d</p>");
    // Touched: other mtime, same bytes. Altered: same size, other bytes, other mtime. Gone: removed.
    utimesSync(join(live, "ar/articles/b/index.html"), 1e9, 1e9);
    writeFileSync(join(live, "en/c/index.html"), "<p>X</p>");
    utimesSync(join(live, "en/c/index.html"), 1e9, 1e9);
    rmSync(join(live, "en/d/index.html"));

    const linker = new Linker(live, fresh);
    // More than one batch, so the order across batches is kept too.
    const many: string[] = [];
    for (let i = 0; i < 1100; i++) many.push(`ar/day/${i}/index.html`);
    const manyStats = many.map((rel) => put(rel, `day ${rel}`));
    linker.add("ar/articles/a/index.html", same, sha("<p>a</p>"));
    linker.add("ar/articles/b/index.html", touched, sha("<p>b</p>"));
    linker.add("en/c/index.html", altered, sha("<p>c</p>"));
    linker.add("en/d/index.html", gone, sha("<p>d</p>"));
    many.forEach((rel, i) => linker.add(rel, manyStats[i]!, sha(`day ${rel}`)));
    // Recorded with a wrong hash but the right stat: the stat decides.
    linker.add("ar/e/index.html", put("ar/e/index.html", "<p>e</p>"), sha("something else"));
    const codes = await linker.finish();

    assert.equal(codes.length, 4 + many.length + 1);
    assert.deepEqual([...codes.subarray(0, 4)], [LINKED.byStat, LINKED.byHash, LINKED.no, LINKED.no]);
    assert.ok(codes.subarray(4).every((c) => c === LINKED.byStat));
    // Linked, not copied: the same inode as the live file.
    assert.equal(statSync(join(fresh, "ar/articles/a/index.html")).ino, same.ino);
    assert.equal(readFileSync(join(fresh, "ar/articles/b/index.html"), "utf8"), "<p>b</p>");
    assert.equal(readFileSync(join(fresh, `ar/day/1099/index.html`), "utf8"), "day ar/day/1099/index.html");
    // Refused files are not put in the fresh folder (the render step writes them).
    assert.ok(!existsSync(join(fresh, "en/c/index.html")));
    assert.ok(!existsSync(join(fresh, "en/d/index.html")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a linker given nothing starts no thread and answers at once", async () => {
  const codes = await new Linker("/nonexistent-live", "/nonexistent-fresh").finish();
  assert.equal(codes.length, 0);
});
