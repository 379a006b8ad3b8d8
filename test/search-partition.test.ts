import { test } from "node:test";
import assert from "node:assert/strict";
import { planPartitions, SMALL_PARTS } from "../src/search/partition.ts";

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

test("articles added to the newest month leave every full partition as it was; a few change only the newest small one", () => {
  const before = archive(272);
  const plan = oldestFirst(before, 4000);
  const full = (p: string[][]) => p.filter((months) => months.reduce((n, m) => n + before.get(m)!, 0) > 4000 / SMALL_PARTS);
  assert.ok(plan.length >= 3);
  const newest = [...before.keys()].pop()!;
  for (const added of [1, 50, 500, 4000]) {
    const after = new Map(before);
    after.set(newest, before.get(newest)! + added);
    const next = oldestFirst(after, 4000);
    // The full partitions before are unchanged whatever is added.
    assert.deepEqual(next.slice(0, full(plan).length), full(plan), `+${added} records`);
    // A few records: every partition but the newest is unchanged, and the newest holds at most max / SMALL_PARTS records.
    if (added <= 50) {
      assert.deepEqual(next.slice(0, plan.length - 1), plan.slice(0, -1), `+${added} records`);
      const last = next[next.length - 1]!;
      assert.ok(last.reduce((n, m) => n + after.get(m)!, 0) <= 4000 / SMALL_PARTS || last.length === 1, `+${added}: newest partition small`);
    }
  }
});

test("the still-filling group is cut into small partitions; when it is full it becomes one full partition", () => {
  // 20 months of 100 records: 4,000 + 2,000 → one full partition and 2,000 records in small ones of ≤ 500.
  const m = new Map<string, number>();
  for (let i = 0; i < 60; i++) m.set(`2010-${String(i + 1).padStart(3, "0")}`, 100);
  const plan = oldestFirst(m, 4000);
  const sizes = plan.map((p) => p.length * 100);
  assert.deepEqual(sizes, [4000, 500, 500, 500, 500]);
  // Only the full partition is sealed (its words keyed against the full partitions' originals alone).
  assert.deepEqual(planPartitions(m, 4000).map((p) => p.sealed).reverse(), [true, false, false, false, false]);
  for (let i = 60; i < 80; i++) m.set(`2010-${String(i + 1).padStart(3, "0")}`, 100);
  // Exactly full but still the newest: still open, in small partitions.
  assert.deepEqual(oldestFirst(m, 4000).map((p) => p.length * 100), [4000, ...Array(8).fill(500)]);
  m.set("2010-081", 100);
  assert.deepEqual(oldestFirst(m, 4000).map((p) => p.length * 100), [4000, 4000, 100]);
  assert.deepEqual(planPartitions(m, 4000).map((p) => p.sealed).reverse(), [true, true, false]);
});

test("an archive that fits one partition stays one (a single relevance order)", () => {
  const m = archive(40);
  assert.deepEqual(planPartitions(m, 4000).map((p) => p.sealed), [false]);
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
