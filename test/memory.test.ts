import { test } from "node:test";
import assert from "node:assert/strict";
import { collectGarbage } from "../src/build/memory.ts";

test("collectGarbage frees what nothing holds, and leaves no gc global behind", async () => {
  const hadGc = "gc" in globalThis;
  // Made in another function, and a turn of the event loop later: a WeakRef keeps its target to the end of the job that made it.
  const ref = ((): WeakRef<object> => new WeakRef({ pages: new Array(1000).fill("x") }))();
  await new Promise((r) => setImmediate(r));
  collectGarbage();
  assert.equal(ref.deref(), undefined);
  assert.equal("gc" in globalThis, hadGc);
});
