import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { makeProject, cleanup, article, digest, REPO, type Run } from "./helpers/project.ts";
import { parseShardArg, shardBatches, shardPartitions, SHARD_MANIFEST, type ShardManifest } from "../src/build/shard.ts";

// A build split into n shards and merged must write exactly what one build
// writes: every file compared byte for byte, for n = 2 and 3.

/** The project's own copy of a CLI (its src/ is frozen: the plan hash covers the code). */
function run(dir: string, cli: "build" | "merge", args: string[]): Run {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, `src/cli/${cli}.ts`), ...args], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: Run, what: string): Run {
  assert.equal(r.code, 0, `${what}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const manifest = (dir: string, folder: string) => JSON.parse(readFileSync(join(dir, folder, SHARD_MANIFEST), "utf8")) as ShardManifest;

const SENTENCES = [
  "وصل شويغو إلى بغداد في زيارة رسمية لبحث التعاون العسكري.",
  "استقبل قاسم الأعرجي الوفد في مطار بغداد الدولي صباح اليوم.",
  "بحث محمد شياع السوداني مع الوفد ملفات الطاقة والكهرباء.",
  "ارتفعت أسعار النفط في الأسواق العالمية خلال الأسبوع الماضي.",
  "عقد البرلمان جلسة لمناقشة مشروع قانون الموازنة العامة.",
  "أعلنت وزارة التربية مواعيد الامتحانات النهائية في المحافظات.",
];

/** 30 articles over eight months (a third translated), small pages, partitions and render batches: several of each. */
function project(): string {
  const dir = makeProject({});
  unlinkSync(join(dir, "src"));
  cpSync(join(REPO, "src"), join(dir, "src"), { recursive: true });
  mkdirSync(join(dir, "content/ar"));
  mkdirSync(join(dir, "content/en"));
  for (let n = 0; n < 30; n++) {
    const date = `2025-0${1 + (n % 8)}-${String(1 + ((n * 7) % 28)).padStart(2, "0")}`;
    const body = [0, 1, 2].map((k) => SENTENCES[(n + k * 2) % SENTENCES.length]).join("\n\n");
    writeFileSync(join(dir, `content/ar/a-${n}.md`), article({ id: `a-${n}`, title: `خبر رقم ${n} من بغداد`, date }, body));
    if (n % 3 === 0) writeFileSync(join(dir, `content/en/a-${n}.md`), article({ id: `a-${n}`, title: `Report ${n} from Baghdad`, date, translationKey: `a-${n}` }, `Text of report ${n}.`));
  }
  const yaml = join(dir, "content/site.yaml");
  writeFileSync(
    yaml,
    readFileSync(yaml, "utf8")
      .replace(/^pageSize:.*$/m, "pageSize: 4")
      .replace(/^searchPartitionSize:.*$/m, "searchPartitionSize: 9")
      .replace(/^renderBatchSize:.*$/m, "renderBatchSize: 30"),
  );
  return dir;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [f, h] of a) if (b.get(f) !== h) out.push(b.has(f) ? `differs: ${f}` : `only in the single build: ${f}`);
  for (const f of b.keys()) if (!a.has(f)) out.push(`only in the merged build: ${f}`);
  return out;
}

test("--shard values: i/n with 1 ≤ i ≤ n; shares cover every batch and partition once", () => {
  assert.deepEqual(parseShardArg("2/3"), { index: 2, count: 3 });
  for (const bad of ["0/2", "3/2", "2", "a/b", "1/0", "-1/2", "1/2/3", ""]) assert.throws(() => parseShardArg(bad), /write i\/n/, bad);
  for (const n of [1, 2, 3, 5]) {
    const batches = Array.from({ length: n }, (_, i) => shardBatches(7, { index: i + 1, count: n })).flat().sort((a, b) => a - b);
    const parts = Array.from({ length: n }, (_, i) => shardPartitions(4, { index: i + 1, count: n })).flat().sort((a, b) => a - b);
    assert.deepEqual(batches, [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(parts, [0, 1, 2, 3]);
  }
  // Batches from one end, partitions from the other: shard 1 has the extra batch, not also the extra partition.
  assert.deepEqual(shardBatches(3, { index: 1, count: 2 }), [0, 2]);
  assert.deepEqual(shardPartitions(3, { index: 1, count: 2 }), [1]);
});

test("a build in 2 and in 3 shards, merged, is byte-identical to the single build; bad merges are refused", { timeout: 600_000 }, () => {
  const dir = project();
  try {
    ok(run(dir, "build", ["--no-cache", "--out", "whole"]), "single build");
    const whole = digest(join(dir, "whole"));
    assert.ok(whole.has("index.html") && whole.has("search-words/meta.json") && whole.has("pagefind-3/pagefind-entry.json"), "the single build has three or more partitions");

    for (const n of [2, 3]) {
      const folders: string[] = [];
      for (let i = 1; i <= n; i++) {
        const r = ok(run(dir, "build", ["--shard", `${i}/${n}`, "--out", `shards-${n}/${i}`]), `shard ${i}/${n}`);
        assert.match(r.stdout, new RegExp(`Shard ${i}/${n}: `));
        folders.push(`shards-${n}/${i}`);
      }
      // Each shard built only its share: every partition and batch in exactly one, and the site-wide files in shard 1 only.
      const ms = folders.map((f) => manifest(dir, f));
      const parts = ms.flatMap((m) => m.partitions).sort();
      assert.deepEqual(parts, [...new Set([...whole.keys()].map((f) => f.split("/")[0]!).filter((d) => d.startsWith("pagefind")))].map((d) => `${d}/`).sort());
      assert.ok(ms.every((m) => m.batches.length >= 1 && m.partitions.length >= 1), `every one of ${n} shards has a batch and a partition: ${JSON.stringify(ms.map((m) => [m.batches, m.partitions]))}`);
      assert.equal(new Set(ms.flatMap((m) => m.batches)).size, ms.flatMap((m) => m.batches).length);
      for (const [i, m] of ms.entries()) {
        assert.equal(i === 0, "assets/search.js" in m.files, `search script bundle in shard ${i + 1}/${n}`);
        assert.equal(i === 0, Object.keys(m.files).some((f) => f.startsWith("data/")), `data files in shard ${i + 1}/${n}`);
        // The name table beside it needs no other shard's work: shard 1 writes it, like the data files.
        assert.deepEqual(Object.keys(m.files).filter((f) => f.startsWith("search-words/")), i === 0 ? ["search-words/names.json"] : [], "the word directory is the merge's");
      }
      assert.ok(Object.keys(ms[1]!.files).length < whole.size / 2 + 20, `shard 2/${n} holds a share, not the site (${Object.keys(ms[1]!.files).length} of ${whole.size} files)`);

      const r = ok(run(dir, "merge", [...folders].reverse().concat(["--out", `merged-${n}`])), `merge of ${n}`);
      assert.match(r.stdout, new RegExp(`Merged ${n} shards`));
      const diff = differences(whole, digest(join(dir, `merged-${n}`)));
      assert.deepEqual(diff.slice(0, 20), [], `${n} shards merged differ from the single build in ${diff.length} file(s)`);
    }

    // Bad merges: a clear error naming the shard, and the existing site left as it was.
    ok(run(dir, "merge", ["shards-2/1", "shards-2/2", "--out", "site"]), "merge into site");
    const before = digest(join(dir, "site"));
    const refused = (args: string[], message: RegExp, what: string) => {
      const r = run(dir, "merge", [...args, "--out", "site"]);
      assert.equal(r.code, 1, `${what}: exit ${r.code}\n${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message, what);
      assert.match(r.stderr, /site\/ was not changed/, what);
      assert.deepEqual(differences(before, digest(join(dir, "site"))), [], `${what}: site untouched`);
    };
    refused(["shards-3/1", "shards-3/3"], /shard 2\/3 missing \(given: 1\/3, 3\/3\)/, "missing shard");
    refused(["shards-2/1", "shards-2/2", "shards-2/1"], /shard 1\/2 given twice: shards-2\/1 and shards-2\/1/, "duplicate shard");
    refused(["shards-2/1", "shards-3/2", "shards-3/3"], /shard 2\/3 \(shards-3\/2\) belongs to a build of 3 shards, shard 1\/2 \(shards-2\/1\) to one of 2/, "shards of two builds");
    refused(["shards-2/1", "whole"], /whole: no arshif-shard\/manifest\.json, so not a shard folder/, "not a shard");
    refused([], /no shard folders given/, "nothing given");

    // An article edited between shards: a different plan, refused.
    const a5 = join(dir, "content/ar/a-5.md");
    writeFileSync(a5, readFileSync(a5, "utf8").replace("خبر رقم 5", "خبر رقم خمسة"));
    ok(run(dir, "build", ["--shard", "2/2", "--out", "shards-2/2-edited"]), "shard 2/2 after an edit");
    refused(["shards-2/1", "shards-2/2-edited"], /shard 2\/2 \(shards-2\/2-edited\) was built from a different plan than shard 1\/2 \(shards-2\/1\)/, "mismatched plan");

    // A damaged artifact (a new file, as a download makes: the merged site hard-links the shards' files).
    const m2 = manifest(dir, "shards-2/2");
    const victim = Object.keys(m2.files).find((f) => f.startsWith("pagefind") && !f.endsWith(".js"))!;
    unlinkSync(join(dir, "shards-2/2", victim));
    writeFileSync(join(dir, "shards-2/2", victim), "damaged");
    refused(["shards-2/1", "shards-2/2"], new RegExp(`shard 2/2 \\(shards-2/2\\): ${victim.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} does not match the hash in its manifest`), "damaged file");
  } finally {
    cleanup(dir);
  }
});

test("--shard: a bad value stops the build before anything is written", () => {
  const dir = makeProject({});
  try {
    for (const bad of ["0/2", "3/2", "two"]) {
      const r = run(dir, "build", ["--shard", bad]);
      assert.equal(r.code, 1, `${bad}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, new RegExp(`--shard "${bad}": write i/n`));
      assert.ok(!existsSync(join(dir, "_shards")) && !existsSync(join(dir, "_site")), "nothing written");
    }
  } finally {
    cleanup(dir);
  }
});
