import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadSite } from "../src/site/load.ts";
import { makeProject, build, cleanup, article } from "./helpers/project.ts";

// Every kind of bad input an editor or a scraper produces, through the real loader:
// each must end in an error that names the file (and field or line) and says what to do.
const NOW = Date.parse("2026-01-01T00:00:00Z");
const ok = { id: "ok-1", title: "خبر سليم", date: "2025-09-16" };

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  file: string;
  field?: string;
  message: RegExp;
}

const utf16 = (s: string) => {
  const b = Buffer.from("\uFEFF" + s, "utf16le");
  return new Uint8Array(b);
};

const cases: Case[] = [
  { name: "front matter that is not YAML", files: { "content/ar/a.md": "---\nid: a\ntitle: : :\n  - x\n---\n\nنص\n" }, file: "content/ar/a.md", message: /not valid YAML/ },
  { name: "a field of the wrong type", files: { "content/ar/a.md": article({ ...ok, title: ["قائمة"] }) }, file: "content/ar/a.md", field: "title", message: /must be a text/ },
  { name: "an impossible date (Feb 30)", files: { "content/ar/a.md": article({ ...ok, date: "2025-02-30" }) }, file: "content/ar/a.md", field: "date", message: /not a real date/ },
  { name: "an impossible date (month 13)", files: { "content/ar/a.md": article({ ...ok, date: "2025-13-01" }) }, file: "content/ar/a.md", field: "date", message: /not a real date/ },
  { name: "a date far in the future", files: { "content/ar/a.md": article({ ...ok, date: "2031-01-01" }) }, file: "content/ar/a.md", field: "date", message: /future/ },
  { name: "a missing title", files: { "content/ar/a.md": article({ id: "a", date: "2025-09-16" }) }, file: "content/ar/a.md", field: "title", message: /missing/ },
  { name: "a missing body", files: { "content/ar/a.md": article(ok, "") }, file: "content/ar/a.md", message: /no body/ },
  { name: "two articles with the same id", files: { "content/ar/a.md": article(ok), "content/ar/b.md": article(ok) }, file: "content/ar/b.md", field: "id", message: /already used by content\/ar\/a\.md/ },
  { name: "an id with a slash", files: { "content/ar/a.md": article({ ...ok, id: "x/y" }) }, file: "content/ar/a.md", field: "id", message: /not a valid id/ },
  { name: "an id with ..", files: { "content/ar/a.md": article({ ...ok, id: "../../etc" }) }, file: "content/ar/a.md", field: "id", message: /not a valid id/ },
  { name: "an id with spaces", files: { "content/ar/a.md": article({ ...ok, id: "a b" }) }, file: "content/ar/a.md", field: "id", message: /not a valid id/ },
  { name: "a non-ASCII id", files: { "content/ar/a.md": article({ ...ok, id: "بغداد" }) }, file: "content/ar/a.md", field: "id", message: /not a valid id/ },
  { name: "a translation of a missing original", files: { "content/ar/a.md": article(ok), "content/en/a.md": article({ id: "t", title: "T", date: "2025-09-16", translationKey: "nope" }, "Text.") }, file: "content/en/a.md", field: "translationKey", message: /no Arabic original/ },
  { name: "an unknown entity id", files: { "content/ar/a.md": article({ ...ok, entities: ["no-such-entity"] }) }, file: "content/ar/a.md", field: "entities", message: /unknown entity id "no-such-entity"/ },
  { name: "an unknown language folder", files: { "content/fr/a.md": article(ok) }, file: "content/fr/a.md", message: /not a language/ },
  { name: "a Windows-1256 file", files: { "content/ar/a.md": new Uint8Array([...Buffer.from("---\nid: a\ntitle: "), 0xc8, 0xdb, 0xcf, 0xc7, 0xcf, ...Buffer.from("\ndate: \"2025-09-16\"\n---\n\n"), 0xc8, 0xdb, 0xcf, 0xc7, 0xcf]) }, file: "content/ar/a.md", message: /not valid UTF-8.*Windows-1256/ },
  { name: "a UTF-16 file", files: { "content/ar/a.md": utf16(article(ok)) }, file: "content/ar/a.md", message: /NUL bytes \(binary or UTF-16\)/ },
  { name: "a binary file", files: { "content/ar/a.md": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, file: "content/ar/a.md", message: /NUL bytes/ },
  { name: "an empty file", files: { "content/ar/a.md": "" }, file: "content/ar/a.md", message: /no front matter/ },
  { name: "a 20 MB file", files: { "content/ar/a.md": article(ok, "كلمة ".repeat(4 * 1024 * 1024)) }, file: "content/ar/a.md", message: /MB, over the 2 MB limit/ },
];

for (const c of cases) {
  test(`bad input: ${c.name}`, () => {
    const dir = makeProject(c.files);
    try {
      const r = loadSite({ root: dir, now: NOW });
      const e = r.errors.find((x) => x.file === c.file && (c.field === undefined || x.field === c.field));
      assert.ok(e, `expected an error for ${c.file}${c.field ? ` field ${c.field}` : ""}; got: ${r.errors.map((x) => x.format()).join(" | ")}`);
      assert.match(e.format(), c.message);
      assert.match(e.format(), /What to do: \S/);
      assert.equal(r.site, undefined, "no site is built from bad content");
    } finally {
      cleanup(dir);
    }
  });
}

test("bad input: a UTF-8 BOM is accepted", () => {
  const dir = makeProject({ "content/ar/a.md": "\uFEFF" + article(ok) });
  try {
    const r = loadSite({ root: dir, now: NOW });
    assert.deepEqual(r.errors, []);
    assert.equal(r.site?.stories.length, 1);
  } finally {
    cleanup(dir);
  }
});

test("the build CLI lists every error, one line each, no stack trace, exit 1, nothing written", () => {
  const dir = makeProject({
    "content/ar/a.md": article({ ...ok, date: "2025-02-30" }),
    "content/ar/b.md": article({ ...ok, id: "b-1", entities: ["nobody"] }),
    "content/ar/c.md": article({ ...ok, id: "c-1" }),
  });
  try {
    const r = build(dir);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split("\n");
    assert.ok(lines.some((l) => /^content\/ar\/a\.md:\d+ \(field "date"\)/.test(l)), r.stderr);
    assert.ok(lines.some((l) => /^content\/ar\/b\.md \(field "entities"\): unknown entity id "nobody"/.test(l)), r.stderr);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
    assert.match(r.stderr, /Read 3 article file\(s\): 1 valid article\(s\) not written because of the errors, 0 draft\(s\), 2 file\(s\) with errors\./);
    assert.ok(!readdirSync(dir).some((f) => f.startsWith("_site")), "no output at all");
  } finally {
    cleanup(dir);
  }
});

test("a settings or gazetteer error names the file and the entry", () => {
  const dir = makeProject({ "content/ar/a.md": article(ok) });
  try {
    mkdirSync(join(dir, "content"), { recursive: true });
    writeFileSync(join(dir, "content/site.yaml"), "timeZone: Mars/Olympus\ndigits: roman\nrenderBatchSize: 0\n");
    writeFileSync(join(dir, "content/entities.yaml"), "entities:\n  - id: Bad Id\n    type: planet\n    ar: []\n");
    const r = loadSite({ root: dir, now: NOW });
    const msgs = r.errors.map((e) => e.format()).join("\n");
    assert.match(msgs, /^content\/site\.yaml \(field "timeZone"\)/m);
    assert.match(msgs, /content\/site\.yaml \(field "digits"\)/);
    assert.match(msgs, /content\/site\.yaml \(field "renderBatchSize"\).*whole number/);
    assert.match(msgs, /^content\/entities\.yaml/m);
  } finally {
    cleanup(dir);
  }
});
