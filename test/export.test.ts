import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeProject, build, cleanup, article, digest } from "./helpers/project.ts";
import { load } from "./helpers/site.ts";
import { parseCsv } from "./helpers/data.ts";
import { loadSite } from "../src/site/load.ts";
import { describeDataFiles, exportData } from "../src/export/data.ts";

/*
 * The data files split by year, checked on two real builds of one project:
 * the second after adding an article in the newest year. Old years' files
 * must come out byte-identical (a deploy then re-uploads only the newest
 * year's part); every part parses, the parts add up to the articles, and
 * datapackage.json lists exactly the files there are.
 */


// Made-up Arabic words: each paragraph distinct unless copied on purpose.
const LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي";
function paragraph(seed: number, words = 14): string {
  let x = seed * 7919 + 17;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    let w = "";
    for (let k = 0; k < 4; k++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      w += LETTERS[x % LETTERS.length];
    }
    out.push(w);
  }
  return out.join(" ") + ".";
}
const body = (...seeds: number[]) => seeds.map((s) => paragraph(s)).join("\n\n");

// A 2023 story (translated) and a 2024 story that repeats it: a pair across the year end, filed
// under 2024. One more in 2024, one in 2025; the added article repeats the 2025 one.
const FILES: Record<string, string> = {
  "content/ar/x-2023.md": article({ id: "x-2023", title: "خبر من بغداد في آخر السنة", date: "2023-12-20", translationKey: "x-2023" }, `زار الوفد بغداد يوم الأربعاء.\n\n${body(1, 2, 3, 4)}`),
  "content/en/x-2023.md": article({ id: "x-2023", title: "A report from Baghdad at the end of the year", date: "2023-12-20", translationKey: "x-2023" }, "The delegation visited Baghdad on Wednesday."),
  "content/ar/x-2024a.md": article({ id: "x-2024a", title: "الخبر نفسه بعد أسبوعين", date: "2024-01-03" }, `زار الوفد بغداد يوم الأربعاء.\n\n${body(1, 2, 3, 4)}`),
  "content/ar/x-2024b.md": article({ id: "x-2024b", title: "خبر آخر", date: "2024-06-01" }, body(10, 11, 12)),
  "content/ar/x-2025a.md": article({ id: "x-2025a", title: "خبر من بغداد", date: "2025-03-01" }, `في بغداد اليوم.\n\n${body(20, 21, 22, 23)}`),
};
const ADDED = { "content/ar/x-2025b.md": article({ id: "x-2025b", title: "الخبر نفسه من بغداد", date: "2025-03-04" }, `في بغداد اليوم.\n\n${body(20, 21, 22, 23)}`) };

let dir = "";
let before1 = new Map<string, string>();
let after1 = new Map<string, string>();
const site = () => join(dir, "_site");

interface ArticleRow {
  id: string;
  language: string;
  date: string;
  translation_id: string;
}

before(() => {
  dir = makeProject(FILES);
  const r1 = build(dir, ["--no-search"]);
  assert.equal(r1.code, 0, r1.stderr + r1.stdout);
  before1 = digest(join(site(), "data"));
  for (const [path, body] of Object.entries(ADDED)) writeFileSync(join(dir, path), body);
  const r2 = build(dir, ["--no-search"]);
  assert.equal(r2.code, 0, r2.stderr + r2.stdout);
  after1 = digest(join(site(), "data"));
});

after(() => cleanup(dir));

test("adding an article in the newest year leaves every older year's data files byte-identical", () => {
  assert.deepEqual([...before1.keys()].filter((f) => !after1.has(f)), [], "no file went");
  const changed = [...after1.keys()].filter((f) => before1.get(f) !== after1.get(f)).sort();
  // What the added article must change: its year's articles, the entity counts (Baghdad), and the first pair
  // of 2025 makes that year's related file (new; datapackage.json lists it).
  assert.deepEqual(changed, ["articles/2025.csv", "articles/2025.json", "datapackage.json", "entities.csv", "entities.json", "related/2025.json"]);
  assert.ok(!before1.has("related/2025.json"));
  for (const f of ["articles/2023.csv", "articles/2023.json", "articles/2024.csv", "articles/2024.json", "related/2024.json", "schemas/articles.json"]) {
    assert.ok(before1.has(f), `${f} exists`);
  }
  const related2025 = JSON.parse(readFileSync(join(site(), "data/related/2025.json"), "utf8")) as { a: string; b: string }[];
  assert.deepEqual(related2025.map((p) => [p.a, p.b].sort()), [["x-2025a", "x-2025b"]], "the new pair is in its year");
});

test("the parts parse and add up to the articles; both versions of a story and each pair are in the right year", () => {
  const data = join(site(), "data");
  const years = readdirSync(join(data, "articles")).filter((f) => f.endsWith(".csv")).map((f) => f.slice(0, 4)).sort();
  assert.deepEqual(years, ["2023", "2024", "2025"]);
  const all: ArticleRow[] = [];
  let header: string[] | undefined;
  for (const y of years) {
    const rows = parseCsv(readFileSync(join(data, `articles/${y}.csv`), "utf8"), { bom: true });
    header ??= rows[0];
    assert.deepEqual(rows[0], header, `${y}.csv has the header`);
    const json = JSON.parse(readFileSync(join(data, `articles/${y}.json`), "utf8")) as ArticleRow[];
    assert.equal(rows.length - 1, json.length, `${y}: CSV rows = JSON items`);
    const fromCsv = rows.slice(1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])) as unknown as ArticleRow);
    assert.deepEqual(fromCsv, json, `${y}: the CSV and the JSON hold the same records`);
    for (const a of json) assert.equal(a.date.slice(0, 4), y, `${a.language}/${a.id} is in its Arabic date's year`);
    all.push(...json);
  }
  const sources = [...Object.keys(FILES), ...Object.keys(ADDED)];
  assert.equal(all.length, sources.length, "sum of parts = article files");
  assert.deepEqual(all.map((a) => `${a.language}/${a.id}`).sort(), sources.map((f) => f.replace(/^content\/(ar|en)\/(.+)\.md$/, "$1/$2")).sort(), "every article once");
  const en = all.find((a) => a.language === "en")!;
  assert.equal(en.translation_id, "x-2023");
  assert.equal(en.date.slice(0, 10), "2023-12-20", "the translation goes with its original");

  const dateOf = new Map(all.filter((a) => a.language === "ar").map((a) => [a.id, a.date]));
  let pairs = 0;
  for (const f of readdirSync(join(data, "related"))) {
    const items = JSON.parse(readFileSync(join(data, "related", f), "utf8")) as { a: string; b: string }[];
    for (const p of items) {
      const later = [dateOf.get(p.a)!, dateOf.get(p.b)!].sort()[1]!;
      assert.equal(f, `${later.slice(0, 4)}.json`, `${p.a}–${p.b} is in its later article's year`);
    }
    pairs += items.length;
  }
  const related2024 = JSON.parse(readFileSync(join(data, "related/2024.json"), "utf8")) as { a: string; b: string }[];
  assert.deepEqual(related2024.map((p) => [p.a, p.b].sort()), [["x-2023", "x-2024a"]], "a pair across the year end goes in the later year");
  assert.equal(pairs, 2);

  const entities = parseCsv(readFileSync(join(data, "entities.csv"), "utf8"), { bom: true });
  assert.equal(entities.length - 1, (JSON.parse(readFileSync(join(data, "entities.json"), "utf8")) as unknown[]).length);
});

test("datapackage.json lists every data file, each part with the articles' schema, and stays a valid descriptor", () => {
  const data = join(site(), "data");
  const pkg = JSON.parse(readFileSync(join(data, "datapackage.json"), "utf8")) as {
    profile: string;
    resources: { name: string; path: unknown; profile?: string; format: string; schema?: string | { fields: { name: string }[] } }[];
  };
  // A package holding JSON files too is a plain Data Package; its CSV resources are Tabular Data Resources.
  assert.equal(pkg.profile, "data-package");
  const names = pkg.resources.map((r) => r.name);
  assert.equal(new Set(names).size, names.length, "resource names are unique");
  for (const n of names) assert.match(n, /^[-a-z0-9._/]+$/, "the spec's name characters");
  const listed = new Set<string>();
  for (const r of pkg.resources) {
    assert.equal(typeof r.path, "string", `${r.name}: one file per resource`);
    const path = r.path as string;
    assert.ok(!path.startsWith("/") && !path.split("/").includes(".."), `${path} is relative, inside the package`);
    assert.ok(existsSync(join(data, path)), `${path} exists`);
    listed.add(path);
    if (r.format !== "csv") continue;
    assert.equal(r.profile, "tabular-data-resource");
    const schema = typeof r.schema === "string" ? (JSON.parse(readFileSync(join(data, r.schema), "utf8")) as { fields: { name: string }[] }) : r.schema!;
    assert.deepEqual(parseCsv(readFileSync(join(data, path), "utf8"), { bom: true })[0], schema.fields.map((f) => f.name), `${path}: header = schema fields`);
    if (path.startsWith("articles/")) assert.equal(r.schema, "schemas/articles.json", "the article parts share one schema file");
  }
  const onDisk = (readdirSync(data, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => /\.(csv|json)$/.test(f) && f !== "datapackage.json" && !f.startsWith("schemas"));
  assert.deepEqual([...listed].sort(), onDisk.sort(), "every data file is a resource");
});

/** Arabic-Indic digits (the site's `digits: arab`) as Latin ones. */
const latin = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));

test("the data page lists every file, per year, in both languages, with counts that add up", () => {
  const onDisk = (readdirSync(join(site(), "data"), { recursive: true, encoding: "utf8" }) as string[]).filter((f) => /\.(csv|json)$/.test(f)).map((f) => `/data/${f}`).sort();
  const articles = readdirSync(join(site(), "data/articles")).filter((f) => f.endsWith(".json"));
  const total = articles.reduce((n, f) => n + (JSON.parse(readFileSync(join(site(), "data/articles", f), "utf8")) as unknown[]).length, 0);
  for (const lang of ["ar", "en"]) {
    const $ = load(site(), `${lang}/data/index.html`);
    const links = $("table.files a").map((_, a) => $(a).attr("href")).get().sort();
    assert.deepEqual(links, onDisk, `${lang}: a link to each file`);
    const years = $("#articles tbody th").map((_, th) => latin($(th).text())).get();
    assert.deepEqual(years, ["2025", "2024", "2023"], `${lang}: newest year first`);
    const counts = $("#articles tbody td.num").map((_, td) => $(td).text()).get();
    assert.equal(counts.length, 3);
    // Arabic counts are words for some numbers (سجلان: two records); the sum is checked on the English page.
    if (lang === "en") assert.equal(counts.reduce((n, c) => n + Number(c.replace(/\D/g, "")), 0), total, "the years' counts add up to the articles");
    else for (const c of counts) assert.match(c, /سجل/);
    for (const row of $("#articles tbody tr").toArray()) assert.equal($(row).find("a").length, 2, "CSV and JSON of a year in one row");
  }
});

test("the export is made once per page model: the data page and the data files share it", () => {
  const { site: model } = loadSite({ root: dir });
  assert.ok(model);
  const first = exportData(model);
  assert.equal(exportData(model), first, "the same export object");
  assert.equal(describeDataFiles(model), first.described);
  // The data page's source is another object over the same stories and pairs: still the same export.
  assert.equal(exportData({ ...model }), first);
  // The pairs in another order (the pair finder's order is not part of the output): the same bytes.
  const reordered = exportData({ ...model, stories: [...model.stories], pairs: [...model.pairs].reverse() });
  assert.notEqual(reordered, first, "other stories array: made again");
  assert.deepEqual(reordered.files, first.files);
  // Every described file is a file, with its byte size.
  for (const f of first.described) assert.equal(f.bytes, Buffer.byteLength(first.files[f.path.slice(1)]!, "utf8"), f.path);
  assert.equal(first.described.length, Object.keys(first.files).length);
});
