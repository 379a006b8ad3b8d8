import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, readdirSync, copyFileSync, rmSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { spawnSync } from "node:child_process";

export const REPO = resolve(import.meta.dirname, "../..");

/**
 * A throwaway copy of the project: code and templates linked from the repo,
 * `content/` holding only the articles a test gives (plus the bundled
 * settings and gazetteer unless replaced).
 */
export function makeProject(files: Record<string, string | Uint8Array>, opts: { bundledContent?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "arshif-"));
  for (const name of ["src", "_includes", "public", "node_modules", "eleventy.config.ts", "package.json", "tsconfig.json"]) {
    symlinkSync(join(REPO, name), join(dir, name));
  }
  mkdirSync(join(dir, "content"));
  for (const f of readdirSync(join(REPO, "content"), { withFileTypes: true })) {
    if (f.isFile()) copyFileSync(join(REPO, "content", f.name), join(dir, "content", f.name));
  }
  if (opts.bundledContent) {
    for (const lang of ["ar", "en"]) {
      spawnSync("cp", ["-r", join(REPO, "content", lang), join(dir, "content", lang)]);
    }
  }
  for (const [path, body] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, body);
  }
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run build` the way a user does (through tsx), in `dir`. */
export function build(dir: string, args: string[] = [], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(REPO, "src/cli/build.ts"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function article(fields: Record<string, unknown>, body = "نص الخبر."): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

/**
 * Every file below `root` (relative path, sorted) with the SHA-256 of its bytes: two builds compared file by file.
 * With `folders`, every folder too (as "folder"), so that an empty one left behind is seen.
 */
export function digest(root: string, opts: { folders?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).sort()) {
    try {
      out.set(f, createHash("sha256").update(readFileSync(join(root, f))).digest("hex"));
    } catch {
      if (opts.folders) out.set(f, "folder");
    }
  }
  return out;
}

/** Sentences written for the tests, naming entities of the bundled gazetteer (and الناصرية, which no entry has). */
export const SENTENCES = [
  "وصل شويغو إلى بغداد في زيارة رسمية لبحث التعاون العسكري.",
  "استقبل قاسم الأعرجي الوفد في مطار بغداد الدولي صباح اليوم.",
  "بحث محمد شياع السوداني مع الوفد ملفات الطاقة والكهرباء.",
  "قال بوتين إن العلاقات مع العراق تشهد تطورا ملحوظا.",
  "شهدت مدينة الناصرية احتجاجات على انقطاع الكهرباء.",
  "أعلنت الحكومة خطة جديدة لإعادة إعمار المدارس في المحافظات.",
  "ارتفعت أسعار النفط في الأسواق العالمية خلال الأسبوع الماضي.",
  "عقد البرلمان جلسة لمناقشة مشروع قانون الموازنة العامة.",
];

/** Replaces `from` with `to` in the project's gazetteer, which must hold it. */
export function editGazetteer(dir: string, from: string, to: string): void {
  const g = join(dir, "content/entities.yaml");
  const text = readFileSync(g, "utf8");
  if (!text.includes(from)) throw new Error(`the gazetteer does not hold ${from}`);
  writeFileSync(g, text.replace(from, to));
}
