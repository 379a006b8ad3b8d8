/**
 * Runs a command and samples its whole process tree from /proc: resident
 * memory of every process (VmRSS, VmHWM), their sum, and CPU time, so that
 * Pagefind's and esbuild's child processes are measured too. The command is
 * wrapped in /usr/bin/time for exact totals (user+sys of all descendants,
 * largest single resident set).
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const TICK = 100; // clock ticks per second on Linux (getconf CLK_TCK)
const PAGE_KB = 4;

export interface Sample {
  t: number; // ms since the epoch
  /** Sum of VmRSS over the live tree, bytes. */
  rss: number;
  /** CPU ms of the tree so far (own time of the live processes and of their reaped children). */
  cpu: number;
  /** rss by process kind (node, pagefind, esbuild, …). */
  byKind: Record<string, number>;
}

export interface ProcPeak {
  pid: number;
  kind: string;
  /** Largest resident set seen (VmHWM), bytes. */
  hwm: number;
  cpuMs: number;
  firstSeen: number;
  lastSeen: number;
}

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** From /usr/bin/time: user+sys of the command and every descendant, ms. */
  cpuMs: number;
  /** From /usr/bin/time: the largest resident set of any one process, bytes. */
  maxRssOne: number;
  /** Sampled: the largest sum of resident sets of processes alive at the same time, bytes. */
  peakTreeRss: number;
  samples: Sample[];
  processes: ProcPeak[];
}

function readStat(pid: number): { ppid: number; comm: string; cpuTicks: number; childTicks: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = s.lastIndexOf(")");
    const comm = s.slice(s.indexOf("(") + 1, close);
    const f = s.slice(close + 2).split(" ");
    // f[0] = state (field 3); utime field 14 → f[11], stime f[12], cutime f[13], cstime f[14]
    return { ppid: Number(f[1]), comm, cpuTicks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]) };
  } catch {
    return undefined;
  }
}

function readMem(pid: number): { rss: number; hwm: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, "m").exec(s)?.[1] ?? 0) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function kindOf(pid: number, comm: string): string {
  let cmd = "";
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {}
  if (/pagefind/.test(cmd) || /pagefind/.test(comm)) return "pagefind";
  if (/esbuild/.test(cmd) || /esbuild/.test(comm)) return "esbuild";
  if (/\btime\b/.test(comm)) return "time";
  if (/hugo/.test(comm)) return "hugo";
  if (/tsx\/dist\/cli/.test(cmd)) return "tsx-cli";
  if (/node/.test(comm)) return "node";
  return comm;
}

/** Descendants of `root` (inclusive), from one pass over /proc. */
function tree(root: number): Map<number, ReturnType<typeof readStat> & {}> {
  const all = new Map<number, ReturnType<typeof readStat> & {}>();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    const st = readStat(Number(e));
    if (st) all.set(Number(e), st);
  }
  const out = new Map<number, ReturnType<typeof readStat> & {}>();
  const children = new Map<number, number[]>();
  for (const [pid, st] of all) {
    const list = children.get(st.ppid) ?? [];
    list.push(pid);
    children.set(st.ppid, list);
  }
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    const st = all.get(p);
    if (!st) continue;
    out.set(p, st);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

export async function measure(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string>; intervalMs?: number }): Promise<Measured> {
  const timeFile = join(tmpdir(), `arshif-bench-time-${process.pid}-${Date.now()}`);
  const started = Date.now();
  const child = spawn("/usr/bin/time", ["-f", "%U %S %M", "-o", timeFile, cmd, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const samples: Sample[] = [];
  const procs = new Map<number, ProcPeak>();
  const sample = () => {
    const now = Date.now();
    const t = tree(child.pid!);
    let rss = 0;
    let cpu = 0;
    const byKind: Record<string, number> = {};
    for (const [pid, st] of t) {
      const m = readMem(pid);
      let p = procs.get(pid);
      if (!p) {
        p = { pid, kind: kindOf(pid, st.comm), hwm: 0, cpuMs: 0, firstSeen: now, lastSeen: now };
        procs.set(pid, p);
      }
      p.hwm = Math.max(p.hwm, m.hwm, m.rss);
      p.cpuMs = ((st.cpuTicks) * 1000) / TICK;
      p.lastSeen = now;
      rss += m.rss;
      cpu += ((st.cpuTicks + st.childTicks) * 1000) / TICK;
      byKind[p.kind] = (byKind[p.kind] ?? 0) + m.rss;
    }
    if (t.size) samples.push({ t: now, rss, cpu, byKind });
  };
  const timer = setInterval(sample, opts.intervalMs ?? 100);
  sample();
  const code: number | null = await new Promise((res) => child.on("close", (c) => res(c)));
  clearInterval(timer);
  const wallMs = Date.now() - started;
  let cpuMs = NaN;
  let maxRssOne = NaN;
  if (existsSync(timeFile)) {
    const last = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ");
    cpuMs = (Number(last[0]) + Number(last[1])) * 1000;
    maxRssOne = Number(last[2]) * 1024;
    rmSync(timeFile, { force: true });
  }
  void PAGE_KB;
  return {
    code,
    stdout,
    stderr,
    wallMs,
    cpuMs,
    maxRssOne,
    peakTreeRss: Math.max(0, ...samples.map((s) => s.rss)),
    samples,
    processes: [...procs.values()].filter((p) => p.kind !== "time"),
  };
}

/** CPU ms and peak tree memory between two wall-clock instants, from the samples. */
export function window(samples: Sample[], from: number, to: number): { cpuMs: number; peakRss: number; peakByKind: Record<string, number> } {
  const inside = samples.filter((s) => s.t >= from && s.t <= to);
  const before = [...samples].reverse().find((s) => s.t <= from) ?? samples[0];
  const after = samples.find((s) => s.t >= to) ?? samples[samples.length - 1];
  const peakByKind: Record<string, number> = {};
  for (const s of inside) for (const [k, v] of Object.entries(s.byKind)) peakByKind[k] = Math.max(peakByKind[k] ?? 0, v);
  return {
    cpuMs: before && after ? Math.max(0, after.cpu - before.cpu) : NaN,
    peakRss: Math.max(0, ...inside.map((s) => s.rss)),
    peakByKind,
  };
}
