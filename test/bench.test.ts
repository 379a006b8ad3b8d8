import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { REPO } from "./helpers/project.ts";
import { hasCorpus } from "./helpers/corpus.ts";

// A smoke test of `npm run bench`: a small archive, one run, no Hugo, no timing assertions;
// a small search partition size, so the browser search over several partitions is checked too.
test("bench: 300 generated articles build, the JSON report has every phase and the right page counts", { skip: hasCorpus ? false : "../shared/corpus not present", timeout: 240_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), "arshif-bench-test-"));
  try {
    const file = join(out, "bench.json");
    const r = spawnSync(process.execPath, ["--import", "tsx", join(REPO, "bench/bench.ts"), "--articles", "300", "--runs", "1", "--partition-size", "150", "--out", file], {
      cwd: REPO,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr.slice(-3000));
    assert.match(r.stdout, /Eleventy rendering/);
    const j = JSON.parse(readFileSync(file, "utf8"));
    assert.equal(j.articles, 300);
    assert.equal(j.runs, 1);
    assert.equal(j.arshif.runs.length, 1);
    assert.equal(j.hugo, undefined);
    const m = j.arshif.median;
    // One page per generated article and translation.
    assert.deepEqual(m.articlePages, { ar: 300, en: j.generated.translations });
    assert.ok(j.generated.translations > 30 && j.generated.translations < 90, `${j.generated.translations} translations (~20%)`);
    for (const phase of ["load", "tag", "related", "pages", "eleventy", "search"]) {
      for (const k of ["wallMs", "cpuMs", "peakRss"]) assert.equal(typeof m.phases[phase][k], "number", `${phase}.${k}`);
      assert.ok(m.phases[phase].wallMs >= 0);
    }
    for (const k of ["wallMs", "cpuMs", "peakTreeRss", "maxRssOne", "pagesPerSec"]) assert.ok(m[k] > 0, k);
    // Pagefind runs in its own process and is measured.
    assert.ok(m.peakByKind.pagefind > 0, "pagefind process sampled");
    assert.ok(m.output.site.pages > 300 && m.output.search.files > 0);
    // Browser measurements: the article page loads no script, the search finds both words.
    assert.equal(j.transfer.article.scripts, 0);
    assert.ok(j.transfer.article.bytes > 0 && j.transfer.search.total.bytes > j.transfer.search.afterCommon.bytes);
    // Several index partitions (a small partition size): the browser merges them and finds both words.
    assert.ok(j.transfer.search.indexes >= 2, `${j.transfer.search.indexes} partition(s)`);
    assert.ok(j.transfer.search.afterCommon.shown > 0, "common word found");
    assert.ok(j.transfer.search.total.shown > 0, "rare word found");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
