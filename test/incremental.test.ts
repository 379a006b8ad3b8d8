import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { makeProject, cleanup, article, digest, editGazetteer, REPO, SENTENCES, type Run } from "./helpers/project.ts";

/** The project's own copy of the build (its src/ is frozen for the test). */
function build(dir: string, args: string[]): Run {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, "src/cli/build.ts"), ...args], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// An incremental build (the build cache on, the previous output and cache
// kept) must write exactly what a clean build writes. A seeded random
// sequence of edits; after each, both builds and a byte-for-byte comparison.

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [f, h] of a) if (b.get(f) !== h) out.push(b.has(f) ? `differs: ${f}` : `only incremental: ${f}`);
  for (const f of b.keys()) if (!a.has(f)) out.push(`only clean: ${f}`);
  return out;
}

/** Every file under `root` by inode: its path and the hash of its bytes. */
function inodes(root: string): Map<number, { path: string; hash: string }> {
  const out = new Map<number, { path: string; hash: string }>();
  if (!existsSync(root)) return out;
  for (const f of readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]) {
    const st = statSync(join(root, f));
    if (st.isFile()) out.set(st.ino, { path: f, hash: createHash("sha256").update(readFileSync(join(root, f))).digest("hex") });
  }
  return out;
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


test("incremental builds write the same bytes as clean builds, edit after edit", { timeout: 600_000 }, () => {
  const rnd = mulberry32(20261204);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const dir = makeProject({});
  try {
    // Templates are edited below: a copy, not the repo's; the code too, since the
    // cache's key includes it and the repo may be edited while the test runs.
    for (const name of ["_includes", "src"]) {
      unlinkSync(join(dir, name));
      cpSync(join(REPO, name), join(dir, name), { recursive: true });
    }
    mkdirSync(join(dir, "content/ar"));
    mkdirSync(join(dir, "content/en"));
    const yaml = join(dir, "content/site.yaml");
    // Small pages and partitions, so that pagination and several partitions are exercised.
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^pageSize:.*$/m, "pageSize: 3").replace(/^searchPartitionSize:.*$/m, "searchPartitionSize: 14"));

    let next = 0;
    const live = new Set<number>();
    const arPath = (n: number) => join(dir, `content/ar/a-${n}.md`);
    const enPath = (n: number) => join(dir, `content/en/a-${n}.md`);
    const body = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SENTENCES)).join("\n\n");
    const add = (month = 5 + Math.floor(rnd() * 4)) => {
      const n = next++;
      const day = String(1 + Math.floor(rnd() * 28)).padStart(2, "0");
      writeFileSync(arPath(n), article({ id: `a-${n}`, title: `خبر رقم ${n} من بغداد`, date: `2025-0${month}-${day}` }, body()));
      live.add(n);
      return n;
    };
    const translate = (n: number, v: string) => writeFileSync(enPath(n), article({ id: `a-${n}`, title: `Report ${n} ${v}`, date: readFileSync(arPath(n), "utf8").match(/date: "([^"]+)"/)![1], translationKey: `a-${n}` }, `Text of report ${n}, version ${v}.`));
    for (let i = 0; i < 24; i++) add();
    // A translated story that names Shoigu: its English page shows his English name (renamed below).
    writeFileSync(arPath(1), readFileSync(arPath(1), "utf8").replace(/\n$/, `\n\n${SENTENCES[0]}\n`));
    for (const n of [1, 5, 9]) translate(n, "one");

    const gazetteer = (from: string, to: string) => editGazetteer(dir, from, to);
    const edits: [string, () => void][] = [
      ["nothing changed", () => {}],
      ["add an article (newest month)", () => void add(9)],
      ["add an article (an old month)", () => void add(5)],
      ["edit an article", () => {
        const n = pick([...live]);
        writeFileSync(arPath(n), readFileSync(arPath(n), "utf8").replace(/\n\n[^\n]+\n$/, `\n\n${pick(SENTENCES)}\n`));
      }],
      ["delete an article", () => {
        const n = pick([...live].filter((x) => !existsSync(enPath(x))));
        rmSync(arPath(n));
        live.delete(n);
      }],
      ["retranslate an article", () => translate(pick([1, 5, 9]), `two-${Math.floor(rnd() * 1000)}`)],
      ["translate another article", () => translate(pick([...live].filter((x) => !existsSync(enPath(x)))), "new")],
      ["change a gazetteer entry", () => {
        const g = join(dir, "content/entities.yaml");
        writeFileSync(g, `${readFileSync(g, "utf8")}\n  - id: nasiriyah\n    type: place\n    ar: [الناصرية]\n    en: [Nasiriyah]\n`);
      }],
      // Only what pages show of an entity: the articles naming him keep their tags and must still be made again.
      ["rename an entity in English", () => gazetteer("en: [Sergei Shoigu, Shoigu]", "en: [Sergey Shoygu, Shoygu]")],
      // A spelling no article has: tags, headlines' mentions and search records stay as they were; only his own pages list it.
      ["add an Arabic spelling found in no text", () => gazetteer("ar: [سيرغي شويغو, شويغو]", "ar: [سيرغي شويغو, شويغو, سيرجي شويغو]")],
      // Article 1 already names him in its text; now its headline does too: its page's JSON-LD lists him as what it is about.
      ["add an Arabic spelling found in a headline", () => gazetteer("ar: [سيرغي شويغو, شويغو, سيرجي شويغو]", "ar: [سيرغي شويغو, شويغو, سيرجي شويغو, خبر رقم 1]")],
      ["change a setting", () => writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^pageSize:.*$/m, "pageSize: 4"))],
      ["change a template", () => {
        const t = join(dir, "_includes/layouts/entity.njk");
        writeFileSync(t, readFileSync(t, "utf8").replace('<p class="kind">', '<p class="kind" data-edited>'));
      }],
      ["corrupt the live output", () => {
        const files = [...digest(join(dir, "_site")).keys()].filter((f) => f.endsWith("index.html"));
        const f = join(dir, "_site", pick(files));
        writeFileSync(f, `${readFileSync(f, "utf8")}<!-- tampered -->`);
      }],
      ["add an article, search on", () => void add(9)],
      ["edit an old article, search on", () => {
        const n = pick([...live].filter((x) => readFileSync(arPath(x), "utf8").includes('date: "2025-05')));
        writeFileSync(arPath(n), readFileSync(arPath(n), "utf8").replace(/\n$/, `\n\n${pick(SENTENCES)}\n`));
      }],
      // The edit above reused search partitions and excerpt texts by link: the stats recorded for them without reading them hold.
      ["nothing changed, search on", () => undefined],
      // No search record holds an entity's English name (the search page maps Latin names to entity tags): every partition is kept.
      ["rename an entity in English, search on", () => gazetteer("en: [Sergey Shoygu, Shoygu]", "en: [Sergei Shoigu, Shoigu]")],
      // A translation's record carries the Arabic names its original writes (and each entity's main one), not every spelling: every partition is kept.
      ["add an Arabic spelling found in no text, search on", () => gazetteer("ar: [سيرغي شويغو, شويغو, سيرجي شويغو, خبر رقم 1]", "ar: [سيرغي شويغو, شويغو, سيرجي شويغو, خبر رقم 1, شويجو]")],
      ["corrupt an excerpt text of the live output, search on", () => {
        const files = [...digest(join(dir, "_site")).keys()].filter((f) => f.startsWith("search-text/")).sort();
        const f = join(dir, "_site", pick(files));
        // Rewritten in place (same inode): the recorded stat no longer matches, so it is written afresh, not linked.
        writeFileSync(f, readFileSync(f, "utf8").replace(/"text":"/, '"text":"tampered '));
      }],
      ["corrupt a cached search partition, search on", () => {
        const root = join(dir, ".arshif-cache/search");
        const entry = pick(readdirSync(root).sort());
        const files = (readdirSync(join(root, entry, "files"), { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".pf_meta")).sort();
        // Written through a new file, so the live output's hard link keeps its bytes.
        const f = join(root, entry, "files", pick(files));
        const bytes = readFileSync(f);
        unlinkSync(f);
        writeFileSync(f, Buffer.concat([bytes, Buffer.from("x")]));
      }],
      // The damaged entry was made again, not hidden behind the recycled tree's links to the live partition.
      ["nothing changed after a damaged partition, search on", () => undefined],
      // After two builds with the search index, the recycled tree holds its partitions and excerpts: an edited
      // article's excerpt is written anew and the newest partition made again, never into the live files.
      ["edit an article, search on", () => {
        const n = pick([...live]);
        writeFileSync(arPath(n), readFileSync(arPath(n), "utf8").replace(/\n$/, `\n\n${pick(SENTENCES)}\n`));
      }],
      ["add an article in the newest month, search on", () => void add(9)],
      // A file the last build did not write, in the live output: once that tree is retired it must not be recycled into a later one.
      ["a stray file in the live output", () => {
        const files = [...digest(join(dir, "_site")).keys()].filter((f) => f.startsWith("ar/") && f.endsWith("/index.html")).sort();
        writeFileSync(join(dir, "_site", pick(files).replace(/index\.html$/, "stray.html")), "stray");
      }],
      ["add an article after a stray file", () => void add(9)],
      // The same in the spare tree (src/build/spare.ts), which the next build would otherwise take as its fresh folder.
      ["a stray file in the spare tree, and an article added", () => {
        const spare = readdirSync(join(dir, ".arshif-cache")).find((n) => n.startsWith("spare-") && !n.endsWith(".json"));
        assert.ok(spare, "the last build kept a spare tree");
        const files = [...digest(join(dir, ".arshif-cache", spare)).keys()].filter((f) => f.endsWith("/index.html")).sort();
        writeFileSync(join(dir, ".arshif-cache", spare, pick(files).replace(/index\.html$/, "stray.html")), "stray");
        add(9);
      }],
      // The three builds above made no index: the partitions cached before them are still there.
      ["the index again after builds without it, search on", () => undefined],
    ];

    const first = build(dir, ["--no-search"]);
    assert.equal(first.code, 0, first.stderr);
    let before = digest(join(dir, "_site"));
    for (const [name, edit] of edits) {
      edit();
      const search = name.includes("search on") ? [] : ["--no-search"];
      const shared = inodes(join(dir, "_site"));
      const inc = build(dir, search);
      assert.equal(inc.code, 0, `${name}: ${inc.stderr}`);
      // The build wrote no file of the live output it replaced: every inode it had holds the same bytes, wherever it is now.
      for (const root of [join(dir, "_site"), ...readdirSync(join(dir, ".arshif-cache")).filter((n) => n.startsWith("spare-") && !n.endsWith(".json")).map((n) => join(dir, ".arshif-cache", n))]) {
        for (const [ino, { path, hash }] of inodes(root)) {
          const was = shared.get(ino);
          if (was) assert.equal(hash, was.hash, `${name}: ${path} (${root}) shares the inode of the old output's ${was.path}, whose bytes changed`);
        }
      }
      const clean = build(dir, [...search, "--no-cache", "--output=_clean"]);
      assert.equal(clean.code, 0, `${name}: ${clean.stderr}`);
      const after = digest(join(dir, "_site"), { folders: true });
      const diff = differences(after, digest(join(dir, "_clean"), { folders: true }));
      assert.deepEqual(diff, [], `${name}: the incremental build differs from a clean one`);
      const reused = Number(inc.stdout.match(/reused ([\d,]+) pages/)?.[1]?.replace(/,/g, "") ?? NaN);
      const rendered = Number(inc.stdout.match(/rendered ([\d,]+)/)?.[1]?.replace(/,/g, "") ?? NaN);
      // Nothing changed: the build stops after checking inputs and output (src/build/inputs.ts).
      if (name.startsWith("nothing changed")) assert.match(inc.stdout, /^Nothing changed since the last build/m);
      else assert.doesNotMatch(inc.stdout, /^Nothing changed/m, `${name}: ${inc.stdout}`);
      // A content edit leaves pages alone (here fewer than elsewhere: every article shares sentences, so related coverage moves a lot).
      if (name.startsWith("add") || name.startsWith("edit")) assert.ok(reused > 0 && rendered > 0, `${name}: ${inc.stdout}`);
      if (name === "edit an old article, search on" || name.startsWith("the index again")) assert.match(inc.stdout, /reused [1-9]\d* of \d+ search partitions/);
      if (name.startsWith("corrupt a cached")) assert.match(inc.stdout, /reused \d+ of \d+ search partitions/);
      if (name === "rename an entity in English, search on" || name === "add an Arabic spelling found in no text, search on") assert.match(inc.stdout, /reused (\d+) of \1 search partitions, made 0 of [\d,]+ search records/);
      // A page is made again only when what it shows changed: here the pages and feeds that show his English name, no more.
      if (name === "rename an entity in English" || name === "add an Arabic spelling found in no text") {
        // The root page, the not-found page and the sitemap index are made on every build, and not counted.
        const always = new Set(["index.html", "404.html", "sitemap.xml"]);
        const changed = [...after].filter(([f, h]) => /\.(html|xml)$/.test(f) && !always.has(f) && before.get(f) !== undefined && before.get(f) !== h).map(([f]) => f);
        assert.ok(changed.length > 0, "some page shows the name");
        assert.equal(rendered, changed.length, `${name}: pages rendered again, against pages changed: ${changed.join(", ")}`);
      }
      if (name === "add an Arabic spelling found in a headline") {
        const page = readFileSync(join(dir, "_site/ar/articles/a-1/index.html"), "utf8");
        const ld = JSON.parse(page.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!) as { about?: { url: string }[] };
        assert.ok(ld.about?.some((e) => e.url.endsWith("/ar/entities/sergei-shoigu/")), `${name}: ${JSON.stringify(ld.about)}`);
      }
      before = after;
    }
  } finally {
    cleanup(dir);
  }
});
