/**
 * `tsx bench/dev.ts [--edits N]`: how long the dev server (`npm start`,
 * src/cli/serve.ts) takes from an article edit to serving the new page.
 * Runs it on a copy of the bundled content (the seeds), edits one article's
 * body N times, and for each edit times until the article page served over
 * HTTP holds the new text. Prints each time and the median.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { REPO } from "./generate.ts";

const { values } = parseArgs({ options: { edits: { type: "string", default: "7" }, port: { type: "string", default: "8391" } } });
const dir = mkdtempSync(join(tmpdir(), "arshif-dev-"));
for (const name of ["src", "_includes", "public", "node_modules", "eleventy.config.ts", "package.json", "tsconfig.json"]) symlinkSync(join(REPO, name), join(dir, name));
cpSync(join(REPO, "content"), join(dir, "content"), { recursive: true });
const file = join(dir, "content/ar", (readdirSync(join(dir, "content/ar"), { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".md")).sort()[0]!);
const id = /^id: (.+)$/m.exec(readFileSync(file, "utf8"))![1]!.trim();
const url = `http://localhost:${values.port}/ar/articles/${id}/`;

const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "src/cli/serve.ts"), "--port", values.port!], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
let out = "";
child.stdout.on("data", (d: Buffer) => (out += d));
child.stderr.on("data", (d: Buffer) => (out += d));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(test: () => Promise<boolean> | boolean, limitMs: number): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out; server said:\n${out}`);
    await sleep(5);
  }
}
const served = async (text: string) => {
  try {
    const r = await fetch(url);
    return r.ok && (await r.text()).includes(text);
  } catch {
    return false;
  }
};

try {
  await until(() => /Rebuilt \(start\)/.test(out), 120_000);
  await until(() => served("<html"), 30_000);
  const times: number[] = [];
  for (let i = 0; i < Number(values.edits); i++) {
    const marker = `علامة-التعديل-${i}-${Date.now()}`;
    const body = readFileSync(file, "utf8").replace(/\n*$/, `\n\nفقرة جديدة ${marker}.\n`);
    const t = performance.now();
    writeFileSync(file, body);
    await until(() => served(marker), 30_000);
    times.push(performance.now() - t);
    await sleep(300);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`edit → new page served, ms: ${times.map((x) => Math.round(x)).join(", ")}`);
  console.log(`median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms over ${times.length} edits`);
  console.log(out.split("\n").filter((l) => l.startsWith("Rebuilt")).slice(-3).join("\n"));
} finally {
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
