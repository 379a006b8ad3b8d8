import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeProject, cleanup, article, editGazetteer, SENTENCES } from "./helpers/project.ts";
import { loadContent, tagArticles } from "../src/site/load.ts";
import { buildPageModel, relatedCoverage } from "../src/archive/site.ts";
import { makeUrls } from "../src/site/urls.ts";
import { renderEntries } from "../src/site/batches.ts";
import { keyText, made } from "../src/archive/lazy.ts";

// The build cache reuses a page whose key text (src/archive/lazy.ts keyText:
// the print of its plain fields and its lazy fields' stand-ins) is the same as
// the last build's. That is only sound if the same key text always means the
// same page: here every page is keyed and made whole before and after each of
// a series of edits, and a page whose key stayed must be the same, field for
// field (lazy fields made, bodies read, head metadata built).

/** Every page, feed and sitemap file by URL: its key text and its whole data as JSON. */
function pages(root: string): Map<string, { key: string; whole: string }> {
  const content = loadContent({ root, now: Date.UTC(2026, 0, 1) });
  assert.deepEqual(content.errors.map((e) => e.format()), []);
  const settings = content.settings!;
  const tags = tagArticles(content.result.articles, content.entities);
  const coverage = relatedCoverage(content.result.articles, tags.tagsOf, settings, tags.evidence);
  const site = buildPageModel(coverage, content.entities, settings, makeUrls(settings.url, "/"));
  const out = new Map<string, { key: string; whole: string }>();
  for (const [kind, page] of renderEntries(site)) out.set(page.url, { key: `${kind} ${keyText(page)}`, whole: JSON.stringify(made(page)) });
  return out;
}

test("a page's key stays the same only when the page does, edit after edit", () => {
  const dir = makeProject({});
  try {
    mkdirSync(join(dir, "content/ar"));
    mkdirSync(join(dir, "content/en"));
    const yaml = join(dir, "content/site.yaml");
    // Small pages, so that listings and entity pages have numbered pages.
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^pageSize:.*$/m, "pageSize: 3"));
    const ar = (n: number) => join(dir, `content/ar/a-${n}.md`);
    const en = (n: number) => join(dir, `content/en/a-${n}.md`);
    const fields = new Map<number, Record<string, unknown>>();
    const bodies = new Map<number, string>();
    const write = (n: number) => writeFileSync(ar(n), article(fields.get(n)!, bodies.get(n)!));
    const set = (n: number, f: Record<string, unknown>) => {
      fields.set(n, { ...fields.get(n)!, ...f });
      write(n);
    };
    for (let n = 0; n < 20; n++) {
      // Several stories a day, days in two months, a few with places and outlets.
      fields.set(n, { id: `a-${n}`, title: `خبر رقم ${n}`, date: `2025-0${5 + (n % 2)}-${String(1 + (n % 4)).padStart(2, "0")}`, ...(n % 5 === 0 ? { place: "بغداد", source: "شفق نيوز" } : {}) });
      bodies.set(n, [SENTENCES[n % SENTENCES.length], SENTENCES[(n * 3 + 1) % SENTENCES.length], "نص آخر للخبر."].join("\n\n"));
      write(n);
    }
    // The oldest story (on a numbered page of Baghdad's) names Baghdad first in a place name that no entry has yet.
    fields.set(21, { id: "a-21", title: "خبر رقم 21", date: "2025-04-01" });
    bodies.set(21, ["تجول الوفد في أسواق بغداد القديمة مساء أمس.", SENTENCES[0]].join("\n\n"));
    write(21);
    const translate = (n: number, title: string) => writeFileSync(en(n), article({ id: `a-${n}`, title, date: fields.get(n)!.date, translationKey: `a-${n}` }, `Text of report ${n}.`));
    translate(1, "Report one");
    translate(6, "Report six");
    const gazetteer = (from: string, to: string) => editGazetteer(dir, from, to);

    const edits: [string, () => void][] = [
      ["retitle an article", () => set(3, { title: "عنوان جديد للخبر الثالث" })],
      ["move an article to another day", () => set(4, { date: "2025-05-09" })],
      ["move an article to another month", () => set(7, { date: "2025-04-20" })],
      ["give an article a time", () => set(8, { date: "2025-05-01T10:30:00+03:00" })],
      ["add an article to a full day", () => {
        fields.set(20, { id: "a-20", title: "خبر رقم 20", date: "2025-05-01" });
        bodies.set(20, SENTENCES[0]!);
        write(20);
      }],
      ["delete an article", () => rmSync(ar(11))],
      ["translate an article", () => translate(2, "Report two")],
      ["retitle a translation", () => translate(1, "Report one, corrected")],
      ["change a dateline", () => set(5, { place: "البصرة" })],
      // A translation without a dateline of its own shows the original's; lists date a story by its original.
      ["change the dateline of a translated story's original", () => set(1, { place: "الموصل" })],
      ["give a translated story's original a time", () => set(6, { date: "2025-05-03T09:00:00+03:00" })],
      ["add a source link", () => set(9, { url: "https://example.org/9" })],
      ["edit a body", () => {
        bodies.set(12, `${bodies.get(12)}\n\n${SENTENCES[3]}`);
        write(12);
      }],
      ["copy a paragraph into another article", () => {
        bodies.set(13, `${bodies.get(13)}\n\n${bodies.get(14)!.split("\n\n")[0]}`);
        write(13);
      }],
      ["add an entity by hand", () => set(15, { entities: ["anton-kotyakov"] })],
      ["rename an entity in English", () => gazetteer("en: [Sergei Shoigu, Shoigu]", "en: [Sergey Shoygu, Shoygu]")],
      ["describe an entity anew", () => gazetteer("en: Russian politician;", "en: Russian official;")],
      // Article 8 names Shoigu in its text; the spelling makes its headline name him too (its JSON-LD's `about`), its tags stay.
      ["add an Arabic spelling found in a headline", () => gazetteer("ar: [سيرغي شويغو, شويغو]", "ar: [سيرغي شويغو, شويغو, خبر رقم 8]")],
      // Baghdad's first mention in article 21 moves past the new entry's name: his entry and his stories are as they were.
      ["add an entity whose name holds another's", () => {
        const g = join(dir, "content/entities.yaml");
        writeFileSync(g, `${readFileSync(g, "utf8")}\n  - id: old-baghdad\n    type: place\n    ar: [بغداد القديمة]\n    en: [Old Baghdad]\n`);
      }],
      ["add an entity to the gazetteer", () => {
        const g = join(dir, "content/entities.yaml");
        writeFileSync(g, `${readFileSync(g, "utf8")}\n  - id: nasiriyah\n    type: place\n    ar: [الناصرية]\n    en: [Nasiriyah]\n`);
      }],
      ["nothing changed", () => undefined],
    ];

    let before = pages(dir);
    let kept = 0;
    let changed = 0;
    for (const [name, edit] of edits) {
      edit();
      const after = pages(dir);
      for (const [url, now] of after) {
        const was = before.get(url);
        if (!was) continue;
        if (was.key === now.key) {
          kept++;
          assert.equal(now.whole, was.whole, `${name}: ${url} changed under the same key`);
        } else if (was.whole !== now.whole) changed++;
      }
      before = after;
    }
    // Not vacuous: pages were kept by their key, and pages that changed had a new key.
    assert.ok(kept > 1000 && changed > 100, `kept ${kept}, changed ${changed}`);
    console.log(`kept ${kept}, changed ${changed}`);
  } finally {
    cleanup(dir);
  }
});
