import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parseDependencyTree, parseCircular } from "dpdm";
import { REPO } from "./helpers/project.ts";

/** Import circles among `entries` (globs under `root`), type-only imports included. */
async function circles(root: string, entries: string[]): Promise<string[][]> {
  const tree = await parseDependencyTree(entries, { cwd: root, context: root, tsconfig: join(root, "tsconfig.json"), transform: false, skipDynamicImports: false });
  return parseCircular(tree);
}

test("no import circles in src/, tests, scripts, bench and the Eleventy config", async () => {
  const found = await circles(REPO, ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts", "eleventy.config.ts"]);
  assert.deepEqual(found.map((c) => c.join(" -> ")), []);
});

test("the circle check finds a circle through .ts-suffixed and type-only imports", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arshif-circles-"));
  try {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", allowImportingTsExtensions: true, noEmit: true } }));
    writeFileSync(join(dir, "a.ts"), 'import { b } from "./b.ts";\nexport type A = string;\nexport const a = b;\n');
    writeFileSync(join(dir, "b.ts"), 'import type { A } from "./a.ts";\nexport const b: A = "b";\n');
    writeFileSync(join(dir, "c.ts"), 'import { a } from "./a.ts";\nexport const c = a;\n');
    const found = await circles(dir, ["*.ts"]);
    assert.deepEqual(found.map((c) => c.join(" -> ")), ["a.ts -> b.ts"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
