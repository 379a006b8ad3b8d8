import { writeFileSync } from "node:fs";

/**
 * One step of the build: what it reads from the build's state, what it adds
 * to it, and the key its time is recorded under (the benchmark reads these).
 */
export interface Step<S, R extends keyof S = keyof S, W extends keyof S = keyof S> {
  name: string;
  /** Timing key; defaults to `name`. */
  timing?: string;
  reads: readonly R[];
  writes: readonly W[];
  /** Steps that do not apply to this build (e.g. search for `--no-search`) are skipped, not timed. */
  when?: (state: Pick<S, R>) => boolean;
  /**
   * True: the step runs while the steps after it start; the first later step
   * that reads one of its writes waits for it, and the build ends only when it has.
   */
  background?: (state: Pick<S, R>) => boolean;
  run: (state: Pick<S, R>, how: { background: boolean }) => Promise<Pick<S, W>> | Pick<S, W>;
}

/** Helps TypeScript infer a step's read and write keys from its arrays. */
export function step<S>() {
  return <R extends keyof S, W extends keyof S>(s: Step<S, R, W>): Step<S, R, W> => s;
}

/**
 * Milliseconds per step, plus `at_<key>` wall-clock marks (ms since the epoch)
 * so the benchmark can split sampled CPU and memory by step. Written to
 * `$ARSHIF_TIMINGS` after every step, so a build that dies still tells how far it got.
 */
export class Timings {
  readonly values: Record<string, number>;
  constructor(private readonly file = process.env.ARSHIF_TIMINGS) {
    this.values = { at_start: Date.now() };
    this.save();
  }

  async time<T>(key: string, fn: () => Promise<T> | T): Promise<T> {
    this.values[`at_${key}`] = Date.now();
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.values[key] = performance.now() - t;
      this.save();
    }
  }

  skip(key: string): void {
    this.values[`at_${key}`] = Date.now();
    this.values[key] = 0;
    this.save();
  }

  save(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.values));
  }
}

/**
 * Checks that every step reads only what the initial state or an earlier step
 * wrote, so the order in the pipeline file is the order the data needs.
 */
export function checkOrder<S>(steps: readonly Step<S, keyof S, keyof S>[], initial: readonly (keyof S)[]): void {
  const have = new Set<keyof S>(initial);
  for (const s of steps) {
    const missing = s.reads.filter((k) => !have.has(k));
    if (missing.length) throw new Error(`build step "${s.name}" reads ${missing.map(String).join(", ")}, which no earlier step writes`);
    for (const k of s.writes) have.add(k);
  }
}

/**
 * Runs the steps in order over one state object, timing each. A background
 * step's writes are awaited by the first step that reads them; when a step
 * fails, the background steps still running are let finish (they write into
 * the same folder) before the failure is thrown.
 */
export async function runSteps<S>(steps: readonly Step<S, keyof S, keyof S>[], state: Partial<S>, timings: Timings): Promise<S> {
  checkOrder(steps, Object.keys(state) as (keyof S)[]);
  const running = new Map<keyof S, Promise<void>>();
  const pending = new Set<Promise<void>>();
  const apply = (s: Step<S, keyof S, keyof S>, out: unknown) => {
    for (const k of s.writes) {
      if (!(k in (out as object))) throw new Error(`build step "${s.name}" did not produce ${String(k)}`);
    }
    Object.assign(state, out);
  };
  try {
    for (const s of steps) {
      await Promise.all(s.reads.map((k) => running.get(k)));
      const input = state as S;
      if (s.when && !s.when(input)) {
        // Still marked (0 ms), so readers of the timings find every step's key.
        timings.skip(s.timing ?? s.name);
        continue;
      }
      const background = s.background?.(input) ?? false;
      const run = timings.time(s.timing ?? s.name, () => s.run(input, { background }));
      if (background) {
        const done = run.then((out) => apply(s, out));
        pending.add(done);
        for (const k of s.writes) running.set(k, done);
        // Its failure is thrown where it is awaited (or at the end), never left unhandled.
        done.catch(() => undefined);
        continue;
      }
      apply(s, await run);
    }
    await Promise.all(pending);
  } catch (e) {
    await Promise.allSettled(pending);
    throw e;
  }
  return state as S;
}
