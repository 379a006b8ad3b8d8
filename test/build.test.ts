import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { makeProject, build, cleanup, article, digest } from "./helpers/project.ts";
import { htmlFiles } from "./helpers/site.ts";

test("the same content builds byte-identically, whatever the machine's time zone", () => {
  const dir = makeProject({}, { bundledContent: true });
  try {
    const outputs: Map<string, string>[] = [];
    for (const [i, tz] of ["UTC", "America/Los_Angeles", "Asia/Tokyo", "UTC"].entries()) {
      const r = build(dir, [`--output=_site-${i}`], { TZ: tz });
      assert.equal(r.code, 0, r.stderr);
      outputs.push(digest(join(dir, `_site-${i}`)));
    }
    const [first, ...rest] = outputs;
    assert.ok(first!.size > 20);
    for (const o of rest) assert.deepEqual([...o.entries()], [...first!.entries()]);
  } finally {
    cleanup(dir);
  }
});

test("rendering in several Eleventy runs (renderBatchSize) writes the same site as one run", () => {
  const dir = makeProject({}, { bundledContent: true });
  try {
    const one = build(dir, ["--no-search", "--output=_site-one"]);
    assert.equal(one.code, 0, one.stderr);
    const yaml = join(dir, "content/site.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^renderBatchSize:.*$/m, "renderBatchSize: 7"));
    const many = build(dir, ["--no-search", "--output=_site-many"]);
    assert.equal(many.code, 0, many.stderr);
    const a = digest(join(dir, "_site-one"));
    assert.ok(htmlFiles(join(dir, "_site-one")).length > 14, "more pages than one batch");
    assert.deepEqual([...digest(join(dir, "_site-many")).entries()], [...a.entries()]);
  } finally {
    cleanup(dir);
  }
});

test("a date near midnight lands on the site's day under any TZ", () => {
  const dir = makeProject({
    // 23:30 UTC on the 15th is 02:30 on the 16th in Baghdad.
    "content/ar/a.md": article({ id: "late", title: "خبر متأخر", date: "2025-09-15T23:30:00Z" }),
  });
  try {
    for (const tz of ["America/Los_Angeles", "Asia/Tokyo"]) {
      const r = build(dir, [], { TZ: tz });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(existsSync(join(dir, "_site/ar/dates/2025/09/16/index.html")), tz);
      assert.ok(!existsSync(join(dir, "_site/ar/dates/2025/09/15/index.html")), tz);
    }
  } finally {
    cleanup(dir);
  }
});

test("a failed build leaves the previous site untouched and names the problem", () => {
  const dir = makeProject({}, { bundledContent: true });
  try {
    const ok = build(dir);
    assert.equal(ok.code, 0, ok.stderr);
    const before = digest(join(dir, "_site"));
    writeFileSync(join(dir, "content/ar/bad.md"), article({ id: "bad", title: "خطأ", date: "2025-02-30" }));
    const r = build(dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /content\/ar\/bad\.md:\d+ \(field "date"\): "2025-02-30" is not a real date.*What to do:/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace for a content error");
    assert.match(r.stderr, /Read 5 article file\(s\): 4 valid article\(s\) not written because of the errors, 0 draft\(s\), 1 file\(s\) with errors\./);
    assert.deepEqual([...digest(join(dir, "_site")).entries()], [...before.entries()]);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith("_site.")), [], "no temporary directories left");
  } finally {
    cleanup(dir);
  }
});

test("drafts never reach the output, and the accounting adds up", () => {
  const dir = makeProject({
    "content/ar/a.md": article({ id: "pub", title: "منشور", date: "2025-09-16" }),
    "content/ar/b.md": article({ id: "secret-draft", title: "مسودة سرية", date: "2025-09-16", draft: true }),
  });
  try {
    const r = build(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Read 2 article file\(s\): 1 article page\(s\) written \(1 Arabic, 0 English\), 1 draft\(s\), 0 file\(s\) with errors\./);
    for (const f of htmlFiles(join(dir, "_site"))) {
      const html = readFileSync(join(dir, "_site", f), "utf8");
      assert.ok(!html.includes("secret-draft") && !html.includes("مسودة سرية"), `draft leaked into ${f}`);
    }
  } finally {
    cleanup(dir);
  }
});
