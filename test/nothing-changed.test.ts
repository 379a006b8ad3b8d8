import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { makeProject, cleanup, digest, REPO, type Run } from "./helpers/project.ts";

// `npm run build` with nothing changed since the last build: stops after
// checking, writes nothing (every output file keeps its inode and mtime), and
// says so. Any edit of an input, or of the output, makes it build again, and
// the result is what a clean build writes.

function build(dir: string, args: string[] = []): Run {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, "src/cli/build.ts"), "--no-search", ...args], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file and folder of the output: path → inode and mtime. */
function stats(root: string): Map<string, string> {
  const out = new Map<string, string>([[".", `${statSync(root).ino}`]]);
  for (const f of (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).sort()) {
    const st = statSync(join(root, f));
    out.set(f, `${st.ino} ${st.mtimeMs}`);
  }
  return out;
}

const NOTHING = /^Nothing changed since the last build \(([\d,]+) files checked\); the site is as it was\.$/m;

test("a build with nothing changed writes nothing; any input or output edit builds again", { timeout: 300_000 }, () => {
  const dir = makeProject({}, { bundledContent: true });
  try {
    // Own copies: the templates and public files are edited below, and the code is part of the fingerprint.
    for (const name of ["_includes", "src", "public"]) {
      unlinkSync(join(dir, name));
      cpSync(join(REPO, name), join(dir, name), { recursive: true });
    }
    const site = join(dir, "_site");
    const first = build(dir);
    assert.equal(first.code, 0, first.stderr);
    assert.doesNotMatch(first.stdout, NOTHING);
    // The first build parses every article file; the cache line says so.
    const files = first.stdout.match(/parsed ([\d,]+) of ([\d,]+) article files/);
    assert.ok(files && files[1] === files[2] && Number(files[2]) >= 2, first.stdout);

    const before = stats(site);
    const again = build(dir);
    assert.equal(again.code, 0, again.stderr);
    const n = Number(again.stdout.match(NOTHING)?.[1]?.replace(/,/g, ""));
    // Every output file and every input file was looked at.
    assert.ok(n > digest(site).size, again.stdout);
    assert.deepEqual(stats(site), before, "nothing in the output was written");
    assert.equal(readdirSync(dir).filter((f) => f.startsWith("_site.")).length, 0, "no fresh folder left");

    // A touched input with the same bytes is read again, not built again.
    const yaml = join(dir, "content/site.yaml");
    const t = Date.now() / 1000 - 5;
    utimesSync(yaml, t, t);
    assert.match(build(dir).stdout, NOTHING);

    const rebuilds = (what: string, edit: () => void) => {
      edit();
      const r = build(dir);
      assert.equal(r.code, 0, `${what}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, NOTHING, `${what}: built again`);
      assert.match(r.stdout, /^Build cache: reused/m, what);
      const clean = build(dir, ["--no-cache", "--output=_clean"]);
      assert.equal(clean.code, 0, clean.stderr);
      assert.deepEqual(digest(site), digest(join(dir, "_clean")), `${what}: as a clean build`);
      // …and then nothing is left to do.
      assert.match(build(dir).stdout, NOTHING, `${what}: then nothing changed`);
      return r.stdout;
    };
    const article = readdirSync(join(dir, "content/ar"), { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".md"))!;
    const art = join(dir, "content/ar", article);
    const edited = rebuilds("an article edited", () => writeFileSync(art, `${readFileSync(art, "utf8")}\nفقرة مضافة في الاختبار.\n`));
    // Only the edited file is parsed and tagged again.
    assert.match(edited, new RegExp(`parsed 1 of ${files![2]} article files, tagged 1\\b`), edited);
    rebuilds("a setting changed", () => writeFileSync(yaml, `${readFileSync(yaml, "utf8").replace(/^pageSize:.*$/m, "pageSize: 7")}`));
    rebuilds("a template changed", () => {
      const f = join(dir, "_includes/layouts/entity.njk");
      writeFileSync(f, readFileSync(f, "utf8").replace('<p class="kind">', '<p class="kind" data-edited>'));
    });
    rebuilds("a public file added", () => writeFileSync(join(dir, "public/humans.txt"), "arshif\n"));
    // A page the cache rendered (it has a key and a hash in the manifest), touched: its bytes are checked, nothing is built.
    const page = join(site, (readdirSync(join(site, "ar"), { recursive: true, encoding: "utf8" }) as string[]).map((f) => `ar/${f}`).find((f) => f.endsWith("/index.html"))!);
    utimesSync(page, t, t);
    assert.match(build(dir).stdout, NOTHING, "a touched page");
    rebuilds("an output page altered", () => writeFileSync(page, `${readFileSync(page, "utf8")}<!-- tampered -->`));
    rebuilds("an output file removed", () => rmSync(join(site, "robots.txt")));
    rebuilds("a file added to the output", () => writeFileSync(join(site, "stray.html"), "x"));
    assert.equal(existsSync(join(site, "stray.html")), false);
    // Other build options are other inputs.
    const prefixed = build(dir, ["--pathprefix=/archive/"]);
    assert.equal(prefixed.code, 0, prefixed.stderr);
    assert.doesNotMatch(prefixed.stdout, NOTHING, "another path prefix");
    assert.doesNotMatch(build(dir).stdout, NOTHING, "and back");
  } finally {
    cleanup(dir);
  }
});
