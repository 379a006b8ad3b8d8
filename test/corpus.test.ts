import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { makeProject, build, cleanup } from "./helpers/project.ts";
import { load } from "./helpers/site.ts";
import { CORPUS, hasCorpus, corpusGazetteer, nameRegex } from "./helpers/corpus.ts";
import { importFiles } from "../src/import/run.ts";
import { normalizeArabic } from "../src/arabic/normalize.ts";

// The whole real corpus: 1,526 scraped articles in, one page per imported article out.
test("importing and building the 1,526-article corpus: every file accounted for, entity counts within the text's", { skip: hasCorpus ? false : "../shared/corpus not present" }, async () => {
  const dir = makeProject({});
  try {
    writeFileSync(join(dir, "content/entities.yaml"), corpusGazetteer());
    const files = readdirSync(join(CORPUS, "articles")).filter((f) => f.endsWith(".txt")).map((f) => join(CORPUS, "articles", f));
    const res = await importFiles(files, { contentDir: join(dir, "content") });
    assert.equal(res.imported.length + res.skipped.length, files.length);
    for (const s of res.skipped) assert.match(s.reason, /\S/, `${s.file} skipped without a reason`);
    console.log(`# corpus import: ${res.imported.length} imported, ${res.skipped.length} skipped of ${files.length}`);
    for (const s of res.skipped) console.log(`#   skipped ${s.file.split("/").pop()}: ${s.reason}`);

    const r = build(dir);
    assert.equal(r.code, 0, r.stderr.slice(0, 3000));
    const site = join(dir, "_site");
    const pages = readdirSync(join(site, "ar/articles"));
    assert.equal(pages.length, res.imported.length, "one Arabic page per imported article");
    assert.match(r.stdout, new RegExp(`Read ${res.imported.length} article file\\(s\\): ${res.imported.length} article page\\(s\\) written`));

    // Direct count: articles whose normalised headline+body contain a name.
    const texts = pages.map((id) => {
      const $ = load(site, `ar/articles/${id}/index.html`);
      return normalizeArabic(`${$("h1").text()}\n${$(".body").text()}`);
    });
    const gaz = parse(readFileSync(join(dir, "content/entities.yaml"), "utf8")) as { entities: { id: string; ar: string[]; unmatched?: string[] }[] };
    const allNames = gaz.entities.flatMap((e) => e.ar.map(normalizeArabic));
    // Only entities none of whose names sits inside another entity's longer name
    // (there leftmost-longest matching rightly gives the mention to the longer one).
    const standalone = gaz.entities.filter((e) =>
      !e.unmatched?.length &&
      e.ar.every((n) => {
        const nn = normalizeArabic(n);
        return !allNames.some((o) => o !== nn && o.includes(nn));
      }),
    );
    const counted = standalone
      .map((e) => ({ e, n: texts.filter((t) => nameRegex(e.ar).test(t)).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || (a.e.id < b.e.id ? -1 : 1));
    // The most frequent ten and ten more spread through the rest.
    const step = Math.max(1, Math.floor((counted.length - 10) / 10));
    const sample = [...counted.slice(0, 10), ...counted.slice(10).filter((_, i) => i % step === 0).slice(0, 10)];
    assert.ok(sample.length >= 15, `sample of ${sample.length}`);
    const mismatches: string[] = [];
    for (const { e, n } of sample) {
      const $ = load(site, `en/entities/${e.id}/index.html`);
      const shown = Number($(".count").first().text().replace(/[^0-9]/g, ""));
      // The tagger's context rules turn some plain matches down (an outlet named like a
      // place, a name inside a longer name): never more than the text has, rarely fewer.
      if (shown > n || shown < Math.floor(n * 0.9)) mismatches.push(`${e.id}: page says ${shown}, text has ${n}`);
    }
    assert.deepEqual(mismatches, []);
    console.log(`# entity counts checked: ${sample.map((s) => `${s.e.id}=${s.n}`).join(", ")}`);
  } finally {
    cleanup(dir);
  }
});
