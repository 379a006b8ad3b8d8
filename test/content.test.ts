import { test } from "node:test";
import assert from "node:assert/strict";
import { parseArticle } from "../src/content/article.ts";
import { loadArticles } from "../src/content/load.ts";
import { ContentError } from "../src/content/errors.ts";
import { makeProject, cleanup, article } from "./helpers/project.ts";
import { join } from "node:path";
import type { Stats } from "node:fs";
import { walkFiles } from "../src/build/inputs.ts";
import { articleBody } from "../src/content/body.ts";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const opts = { file: "content/ar/x.md", lang: "ar" as const, zone: "Asia/Baghdad", now: NOW };
const good = { id: "a-1", title: "عنوان", date: "2025-09-16", source: "شفق نيوز", place: "بغداد" };

function errorsOf(text: string): ContentError[] {
  const r = parseArticle(text, opts);
  assert.ok(Array.isArray(r), "expected errors");
  return r as ContentError[];
}

test("a valid article parses, with its body rendered and its paragraphs kept", () => {
  const r = parseArticle(article(good, "فقرة أولى.\n\nفقرة ثانية."), opts);
  assert.ok(!Array.isArray(r));
  assert.equal(r.id, "a-1");
  assert.equal(r.translationKey, "a-1");
  assert.deepEqual(articleBody(r).paragraphs, ["فقرة أولى.", "فقرة ثانية."]);
  assert.equal(articleBody(r).html, "<p data-p=\"0\">فقرة أولى.</p>\n<p data-p=\"1\">فقرة ثانية.</p>\n");
});

test("each bad field is reported with the file, field, line and what to do", () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ ...good, id: undefined }, "id", /missing/],
    [{ ...good, id: "../etc" }, "id", /not a valid id/],
    [{ ...good, id: "with space" }, "id", /not a valid id/],
    [{ ...good, id: "عربي" }, "id", /not a valid id/],
    [{ ...good, id: "a/b" }, "id", /not a valid id/],
    [{ ...good, title: "" }, "title", /empty/],
    [{ ...good, title: ["x"] }, "title", /must be a text/],
    [{ ...good, date: "2025-02-30" }, "date", /not a real date/],
    [{ ...good, date: "2025-13-01" }, "date", /not a real date/],
    [{ ...good, date: "2099-01-01" }, "date", /future/],
    [{ ...good, date: 20250916 }, "date", /must be a text/],
    [{ ...good, draft: "yes" }, "draft", /true or false/],
    [{ ...good, url: "javascript:alert(1)" }, "url", /not an http/],
    [{ ...good, tilte: "x" }, "tilte", /unknown field/],
    [{ ...good, entities: "baghdad" }, "entities", /list of entity ids/],
  ];
  for (const [fields, field, problem] of cases) {
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const errs = errorsOf(article(clean));
    const e = errs.find((x) => x.field === field);
    assert.ok(e, `expected an error on ${field} for ${JSON.stringify(fields[field])}, got ${errs.map((x) => x.format()).join(" | ")}`);
    assert.match(e.message, problem);
    const line = e.format();
    assert.ok(line.startsWith("content/ar/x.md"), line);
    if (fields[field] !== undefined) assert.match(line, /^content\/ar\/x.md:\d+ /, "a present field has a line");
    assert.match(line, /What to do: \S/);
  }
});

test("invalid YAML, no front matter and an empty body are errors with a line", () => {
  const yaml = errorsOf("---\nid: a\ntitle: [unclosed\n---\n\nنص\n");
  assert.match(yaml[0]!.message, /not valid YAML/);
  assert.ok(yaml[0]!.line! >= 2);
  assert.match(errorsOf("just text\n")[0]!.message, /no front matter/);
  const empty = errorsOf(article(good, ""));
  assert.match(empty[0]!.message, /no body/);
});

test("HTML in a body is text; javascript: and data: links are not links; images are off", () => {
  const r = parseArticle(
    article(good, '<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](data:text/html,x) ![c](https://evil.example/x.png) [ok](https://example.org)'),
    opts,
  );
  assert.ok(!Array.isArray(r));
  assert.ok(!articleBody(r).html.includes("<script"));
  assert.ok(!articleBody(r).html.includes("<img"));
  assert.ok(articleBody(r).html.includes("&lt;script&gt;"));
  assert.ok(!/href="(javascript|data):/i.test(articleBody(r).html));
  assert.ok(articleBody(r).html.includes('<a href="https://example.org">ok</a>'));
});

test("bidi controls are removed from one-line fields", () => {
  const r = parseArticle(article({ ...good, title: "عنوان\u202Egnp.exe\u202C" }), opts);
  assert.ok(!Array.isArray(r));
  assert.equal(r.title, "عنوانgnp.exe");
});

test("the loader cross-checks ids, translations and languages, and counts every file", () => {
  const dir = makeProject({
    "content/ar/a.md": article(good),
    "content/ar/b.md": article({ ...good, title: "آخر" }),
    "content/ar/c.md": article({ ...good, id: "c-1", draft: true }),
    "content/en/a.md": article({ id: "a-1", title: "Title", date: "2025-09-16", translationKey: "a-1" }, "Text."),
    "content/en/orphan.md": article({ id: "zz", title: "Orphan", date: "2025-09-16", translationKey: "missing" }, "Text."),
    "content/fr/x.md": article({ ...good, id: "fr-1" }),
  });
  try {
    const r = loadArticles(join(dir, "content"), { zone: "Asia/Baghdad", now: NOW, cwd: dir });
    assert.equal(r.filesRead, 6);
    assert.equal(r.drafts.length, 1);
    const msgs = r.errors.map((e) => e.format());
    assert.ok(msgs.some((m) => m.startsWith("content/ar/b.md") && /already used by content\/ar\/a.md/.test(m)), msgs.join("\n"));
    assert.ok(msgs.some((m) => m.startsWith("content/en/orphan.md") && /no Arabic original/.test(m)), msgs.join("\n"));
    assert.ok(msgs.some((m) => m.startsWith("content/fr/x.md") && /not a language/.test(m)), msgs.join("\n"));
  } finally {
    cleanup(dir);
  }
});

test("given the input check's listing of content/, the load reads those files with those stats, and reports the same", () => {
  const dir = makeProject({
    "content/ar/a.md": article(good),
    "content/ar/b.md": article({ ...good, id: "b-1", title: "آخر" }),
    "content/ar/sub/c.md": article({ ...good, id: "c-1" }),
    "content/fr/x.md": article({ ...good, id: "fr-1" }),
  });
  try {
    const content = join(dir, "content");
    const opts = { zone: "Asia/Baghdad", now: NOW, cwd: dir };
    const listing = new Map([...walkFiles(content)].map(([rel, st]) => [join(content, rel), st]));
    const shown = (r: ReturnType<typeof loadArticles>) => ({ ids: r.articles.map((a) => a.id), files: r.filesRead, errors: r.errors.map((e) => e.format()) });
    assert.deepEqual(shown(loadArticles(content, { ...opts, listing })), shown(loadArticles(content, opts)));
    // What the listing leaves out is not read: it is the listing that is used, not the folder.
    listing.delete(join(content, "ar/sub/c.md"));
    assert.deepEqual(loadArticles(content, { ...opts, listing }).articles.map((a) => a.id).sort(), ["a-1", "b-1"]);
    // And its stats: a file over the size limit by its listed stat is refused without being stat-ed again.
    const big = { ...listing.get(join(content, "ar/a.md"))!, size: 50 * 1048576 } as Stats;
    listing.set(join(content, "ar/a.md"), big);
    assert.ok(loadArticles(content, { ...opts, listing }).errors.some((e) => e.file === "content/ar/a.md" && /over the/.test(e.message)));
  } finally {
    cleanup(dir);
  }
});

test("files that are not UTF-8 text are refused with a hint", () => {
  const dir = makeProject({
    "content/ar/bin.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
    "content/ar/cp.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc8, 0xdb, 0xcf, 0xc7, 0xcf, 0x0a]),
  });
  try {
    const r = loadArticles(join(dir, "content"), { zone: "Asia/Baghdad", now: NOW, cwd: dir });
    assert.equal(r.errors.length, 2);
    assert.match(r.errors.find((e) => e.file.endsWith("bin.md"))!.message, /NUL/);
    assert.match(r.errors.find((e) => e.file.endsWith("cp.md"))!.format(), /not valid UTF-8.*npm run import/);
  } finally {
    cleanup(dir);
  }
});
