import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeProject, cleanup, article } from "./helpers/project.ts";
import { loadSite } from "../src/site/load.ts";
import { writeSearchIndex } from "../src/search/pagefind.ts";

/*
 * The search index made in this process, Pagefind making one partition's
 * index while the next one's records are made (src/search/pagefind.ts): every
 * partition is written, and a partition whose index cannot be written fails
 * the whole index, naming it, with Pagefind's service ended so that the next
 * build can start it again.
 */
test("search index in this process: every partition written; one that cannot be written fails it, and the next index is made", { timeout: 300_000 }, async () => {
  const files: Record<string, string> = {};
  for (const [m, city] of [["06", "البصرة"], ["07", "الموصل"], ["08", "أربيل"]] as const) {
    for (let d = 1; d <= 4; d++) {
      const id = `2025-${m}-0${d}-rain`;
      files[`content/ar/2025/${m}/${id}.md`] = article({ id, title: `أمطار غزيرة في ${city} يوم ${d}`, date: `2025-${m}-0${d}` }, `هطلت أمطار غزيرة على ${city} في اليوم ${d} من الشهر، وأغلقت المدارس ${d} أيام.`);
    }
  }
  const dir = makeProject(files);
  try {
    const settings = join(dir, "content/site.yaml");
    // One month per partition: three partitions.
    writeFileSync(settings, readFileSync(settings, "utf8").replace(/^searchPartitionSize:.*$/m, "searchPartitionSize: 4"));
    const loaded = loadSite({ root: dir, now: Date.UTC(2025, 8, 1) });
    assert.ok(loaded.site, loaded.errors.map((e) => e.format()).join("\n"));
    const site = loaded.site;
    const dirs = site.searchPartitions.map((p) => p.dir);
    assert.equal(dirs.length, 3, `partitions: ${dirs.join(", ")}`);

    const good = join(dir, "out-good");
    const made = await writeSearchIndex(site, good, { jobs: 1 });
    assert.equal(made.partitions, 3);
    for (const d of dirs) assert.ok(existsSync(join(good, d, "pagefind-entry.json")), `${d} written`);

    // The middle partition's folder is taken by a file: its index cannot be written.
    const bad = join(dir, "out-bad");
    mkdirSync(bad);
    writeFileSync(join(bad, dirs[1]!.replace(/\/$/, "")), "not a folder");
    await assert.rejects(writeSearchIndex(site, bad, { jobs: 1 }), (e: Error) => e.message.includes(dirs[1]!.replace(/\/$/, "")));

    const again = join(dir, "out-again");
    rmSync(again, { recursive: true, force: true });
    await writeSearchIndex(site, again, { jobs: 1 });
    for (const d of dirs) assert.equal(readFileSync(join(again, d, "pagefind-entry.json"), "utf8"), readFileSync(join(good, d, "pagefind-entry.json"), "utf8"), d);
  } finally {
    cleanup(dir);
  }
});
