import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { STEPS } from "../src/build/pipeline.ts";
import { checkOrder, runSteps, step, Timings } from "../src/build/step.ts";
import { bundleKey, writeScriptBundle } from "../src/build/bundle.ts";
import { bundleSearchScript } from "../src/search/bundle.ts";
import { searchAlongsideRender } from "../src/search/pagefind.ts";
import { availableParallelism } from "node:os";
import { REPO } from "./helpers/project.ts";

test("pipeline: the steps run in the documented order, each reading only what an earlier step wrote", () => {
  assert.deepEqual(
    STEPS.map((s) => s.name),
    ["load", "tag", "related", "recycle", "search index", "page model", "render", "data files", "script bundle", "static files", "shard manifest", "swap"],
  );
  checkOrder(STEPS, ["options", "fresh", "cache", "renderer"]);
  // The benchmark reads these timing keys (bench/bench.ts).
  const keys = STEPS.map((s) => s.timing ?? s.name);
  for (const k of ["load", "tag", "related", "pages", "search", "eleventy"]) assert.ok(keys.includes(k), k);
  // Moving the render before the page model must be caught.
  const swapped = [...STEPS];
  const [model, render] = [swapped.findIndex((s) => s.name === "page model"), swapped.findIndex((s) => s.name === "render")];
  [swapped[model], swapped[render]] = [swapped[render]!, swapped[model]!];
  assert.throws(() => checkOrder(swapped, ["options", "fresh", "cache", "renderer"]), /build step "render" reads site, which no earlier step writes/);
});

interface S {
  a: number;
  b: number;
  c: number;
}
const s = step<S>();

test("step runner: times every step (skipped ones at 0 ms) into $ARSHIF_TIMINGS, checks outputs", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-steps-"));
  try {
    const file = join(dir, "t.json");
    const timings = new Timings(file);
    const out = await runSteps(
      [
        s({ name: "double", reads: ["a"], writes: ["b"], run: ({ a }) => ({ b: a * 2 }) }),
        s({ name: "never", timing: "nv", reads: ["a"], writes: ["c"], when: () => false, run: () => ({ c: 1 }) }),
        s({ name: "add", reads: ["a", "b"], writes: ["c"], run: async ({ a, b }) => ({ c: a + b }) }),
      ] as never,
      { a: 2 },
      timings,
    );
    assert.deepEqual({ ...out }, { a: 2, b: 4, c: 6 });
    const written = JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
    for (const k of ["at_start", "double", "at_double", "nv", "at_nv", "add", "at_add"]) assert.equal(typeof written[k], "number", k);
    assert.equal(written.nv, 0);
    await assert.rejects(
      runSteps([s({ name: "liar", reads: ["a"], writes: ["b"], run: () => ({}) as never })] as never, { a: 1 }, new Timings(join(dir, "u.json"))),
      /build step "liar" did not produce b/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("step runner: a background step runs beside the next ones; a reader of its writes waits; failures wait for it", async () => {
  const order: string[] = [];
  const tick = () => new Promise((r) => setTimeout(r, 20));
  const steps = (fail: "bg" | "fg" | undefined) =>
    [
      s({
        name: "slow",
        reads: ["a"],
        writes: ["b"],
        background: () => true,
        run: async ({ a }, { background }) => {
          order.push(`slow start ${background}`);
          await tick();
          await tick();
          order.push("slow end");
          if (fail === "bg") throw new Error("slow failed");
          return { b: a + 1 };
        },
      }),
      s({
        name: "beside",
        reads: ["a"],
        writes: ["c"],
        run: async ({ a }) => {
          order.push("beside start");
          await tick();
          order.push("beside end");
          if (fail === "fg") throw new Error("beside failed");
          return { c: a * 10 };
        },
      }),
      s({ name: "after", reads: ["b", "c"], writes: ["a"], run: ({ b, c }) => (order.push("after"), { a: b + c }) }),
    ] as never;
  const out = await runSteps(steps(undefined), { a: 1 }, new Timings(""));
  assert.equal(out.a, 12);
  assert.deepEqual(order, ["slow start true", "beside start", "beside end", "slow end", "after"]);
  // The background step's failure reaches the step that reads its writes.
  order.length = 0;
  await assert.rejects(runSteps(steps("bg"), { a: 1 }, new Timings("")), /slow failed/);
  assert.ok(!order.includes("after"));
  // A foreground failure is thrown only once the background step has ended (both write into one folder).
  order.length = 0;
  await assert.rejects(runSteps(steps("fg"), { a: 1 }, new Timings("")), /beside failed/);
  assert.equal(order.at(-1), "slow end");
});

test("search beside rendering: only when ARSHIF_SEARCH_ALONGSIDE=1 asks for it", () => {
  const was = process.env.ARSHIF_SEARCH_ALONGSIDE;
  try {
    delete process.env.ARSHIF_SEARCH_ALONGSIDE;
    assert.equal(searchAlongsideRender(), false);
    process.env.ARSHIF_SEARCH_ALONGSIDE = "0";
    assert.equal(searchAlongsideRender(), false);
    process.env.ARSHIF_SEARCH_ALONGSIDE = "1";
    assert.equal(searchAlongsideRender(), availableParallelism() >= 2);
  } finally {
    if (was === undefined) delete process.env.ARSHIF_SEARCH_ALONGSIDE;
    else process.env.ARSHIF_SEARCH_ALONGSIDE = was;
  }
});

test("script bundle: reused only while src/ and the lockfile are unchanged, byte-identical to a fresh one", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-bundle-"));
  try {
    cpSync(join(REPO, "src"), join(dir, "src"), { recursive: true });
    cpSync(join(REPO, "package-lock.json"), join(dir, "package-lock.json"));
    symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
    const key = bundleKey(dir);
    const first = readFileSync(await writeScriptBundle(dir, join(dir, "out1")));
    const reused = readFileSync(await writeScriptBundle(dir, join(dir, "out2")));
    await bundleSearchScript(dir, join(dir, "fresh"));
    assert.ok(first.length > 1000);
    assert.deepEqual(reused, first);
    assert.deepEqual(readFileSync(join(dir, "fresh/assets/search.js")), first);
    // Any change under src/ makes a new key, so the next build bundles again.
    const f = join(dir, "src/search/browser.ts");
    writeFileSync(f, readFileSync(f, "utf8") + "\n// edited\n");
    assert.notEqual(bundleKey(dir), key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("build cache: the live output's search partitions are known kept only while every one is there, for this code", async () => {
  const { BuildCache } = await import("../src/build/cache.ts");
  const dir = mkdtempSync(join(tmpdir(), "arshif-keeps-"));
  try {
    const output = join(dir, "_site");
    const part = join(dir, "part");
    cpSync(join(REPO, "content/site.yaml"), join(part, "pagefind.js"));
    cpSync(join(REPO, "content/site.yaml"), join(output, "index.html"));
    const cache = new BuildCache(join(dir, "cache"), "code-1");
    assert.equal(cache.keepsSearchOf(output), false, "no manifest yet");
    cache.savePartition("k1", part);
    await cache.writeRenderManifest(output, new Map());
    assert.equal(new BuildCache(join(dir, "cache"), "code-1").keepsSearchOf(output), true);
    // Another code version's manifest says nothing about this one's partitions.
    assert.equal(new BuildCache(join(dir, "cache"), "code-2").keepsSearchOf(output), false);
    rmSync(join(dir, "cache/search/k1"), { recursive: true });
    assert.equal(new BuildCache(join(dir, "cache"), "code-1").keepsSearchOf(output), false, "its partition was removed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
