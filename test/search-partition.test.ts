import { test } from "node:test";
import assert from "node:assert/strict";
import { planPartitions } from "../src/search/partition.ts";

/** Months 2003-01 … with a seeded, uneven number of records each (20–60). */
function archive(months: number, seed = 7): Map<string, number> {
  let x = seed;
  const out = new Map<string, number>();
  for (let i = 0; i < months; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.set(`${2003 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, 20 + (x % 41));
  }
  return out;
}

/** The partitions' months, oldest partition first (folder names count from the newest). */
const oldestFirst = (m: Map<string, number>, max: number) => planPartitions(m, max).map((p) => p.months).reverse();

test("articles added to the newest month leave every older partition as it was: only the newest one changes", () => {
  const before = archive(272);
  const plan = oldestFirst(before, 4000);
  assert.ok(plan.length >= 2);
  const newest = [...before.keys()].pop()!;
  for (const added of [1, 50, 500, 4000]) {
    const after = new Map(before);
    after.set(newest, before.get(newest)! + added);
    const next = oldestFirst(after, 4000);
    // All but the last partition before are unchanged; the newest may grow or be split off into a new one.
    assert.deepEqual(next.slice(0, plan.length - 1), plan.slice(0, -1), `+${added} records`);
  }
});

test("a new month after the newest: older partitions unchanged", () => {
  const before = archive(100);
  const after = new Map(before).set("2099-01", 30);
  const a = oldestFirst(before, 1000);
  assert.deepEqual(oldestFirst(after, 1000).slice(0, a.length - 1), a.slice(0, -1));
});

test("a record added to an old month moves the boundaries after it (a back-filled archive rebuilds those partitions)", () => {
  const before = archive(272);
  const plan = oldestFirst(before, 4000);
  const after = new Map(before);
  const first = plan[0]!;
  // Enough records in the first partition's last month that it no longer fits.
  after.set(first[first.length - 1]!, before.get(first[first.length - 1]!)! + 200);
  const next = oldestFirst(after, 4000);
  assert.notDeepEqual(next[0], plan[0]);
  assert.notDeepEqual(next[1], plan[1]);
});
