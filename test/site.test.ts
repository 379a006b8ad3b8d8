import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { makeProject, build, cleanup, REPO } from "./helpers/project.ts";
import { htmlFiles, load, checkLinks } from "./helpers/site.ts";
import { splitFrontMatter } from "../src/content/frontmatter.ts";
import { SEED_ENTITIES } from "./helpers/seeds.ts";
import { normalizeArabic as normalize } from "../src/arabic/normalize.ts";

// Builds the bundled site once (as `npm run build` would) and checks the real HTML.
let dir = "";
let site = "";
let prefixed = "";

const arFiles = (readdirSync(join(REPO, "content/ar"), { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".md"));
const bundled = arFiles.map((f) => splitFrontMatter(readFileSync(join(REPO, "content/ar", f), "utf8"), f).data as { id: string; translationKey?: string });

before(() => {
  dir = makeProject({}, { bundledContent: true });
  const r = build(dir);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /Read \d+ article file\(s\): \d+ article page\(s\) written/);
  site = join(dir, "_site");
  const p = build(dir, ["--pathprefix=/archive/", "--output=_site-prefixed"]);
  assert.equal(p.code, 0, p.stderr + p.stdout);
  prefixed = join(dir, "_site-prefixed");
});
after(() => cleanup(dir));

test("each seed has an RTL Arabic page with its full text and both dates", () => {
  const seeds = readdirSync("../shared/seeds").filter((f) => f.endsWith(".txt"));
  assert.ok(bundled.length >= 2);
  for (const { id } of bundled) {
    const $ = load(site, `ar/articles/${id}/index.html`);
    assert.equal($("html").attr("lang"), "ar");
    assert.equal($("html").attr("dir"), "rtl");
    assert.equal($("time.gregorian").text(), "الثلاثاء 16 أيلول/سبتمبر 2025");
    assert.equal($("time.hijri").text(), "24 ربيع الأول 1447 هـ");
    assert.equal($("time.gregorian").attr("datetime"), "2025-09-16");
    assert.equal($(".dateline").text(), "شفق نيوز – بغداد");
  }
  // Paragraph counts equal the seeds' (blank-line blocks minus the date/dateline line), a block that
  // ends mid-sentence on a comma («…قوله،») being one paragraph with the next.
  const counts = bundled.map(({ id }) => load(site, `ar/articles/${id}/index.html`)(".body p").length).sort();
  const seedCounts = seeds
    .map((f) => {
      const blocks = readFileSync(join("../shared/seeds", f), "utf8").split(/\n\s*\n/).filter((b) => b.trim());
      return blocks.length - 1 - blocks.filter((b) => /،\s*$/.test(b)).length;
    })
    .sort();
  assert.deepEqual(counts, seedCounts);
  // Every seed paragraph appears verbatim in one of the pages.
  const allText = bundled.map(({ id }) => load(site, `ar/articles/${id}/index.html`)(".body").text()).join("\n");
  for (const f of seeds) {
    const blocks = readFileSync(join("../shared/seeds", f), "utf8").split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean).slice(1);
    for (const b of blocks) assert.ok(allText.includes(b), `missing paragraph from ${f}: ${b.slice(0, 40)}`);
  }
});

test("translations are LTR English pages, linked both ways with hreflang", () => {
  for (const { id } of bundled) {
    const en = load(site, `en/articles/${id}/index.html`);
    assert.equal(en("html").attr("lang"), "en");
    assert.equal(en("html").attr("dir"), "ltr");
    assert.ok(en(".body p").length > 3);
    assert.equal(en(`a[href="/ar/articles/${id}/"][hreflang="ar"]`).length >= 1, true);
    const ar = load(site, `ar/articles/${id}/index.html`);
    assert.equal(ar(`a[href="/en/articles/${id}/"][hreflang="en"]`).length >= 1, true);
    assert.deepEqual(
      ar('link[rel="alternate"][hreflang]').map((_, el) => ar(el).attr("hreflang")).get().sort(),
      ["ar", "en"],
    );
    assert.equal(en("time.gregorian").text(), "Tuesday 16 September 2025");
  }
});

test("the day page lists both seeds, in both languages; period pages exist", () => {
  for (const lang of ["ar", "en"]) {
    const $ = load(site, `${lang}/dates/2025/09/16/index.html`);
    const links = $(".articles a").map((_, el) => $(el).attr("href")).get();
    for (const { id } of bundled) assert.ok(links.includes(`/${lang}/articles/${id}/`), `${lang} day page lists ${id}`);
    for (const p of ["dates/", "dates/2025/", "dates/2025/09/"]) assert.ok(existsSync(join(site, lang, p, "index.html")), `${lang}/${p}`);
  }
  const y = load(site, "ar/dates/index.html");
  assert.match(y(".counts").text(), /مقالان/);
});

test("the root page offers both languages without JavaScript", () => {
  const $ = load(site, "index.html");
  assert.equal($("script").length, 0);
  assert.ok($('a[href="/ar/"]').length && $('a[href="/en/"]').length);
  assert.ok(existsSync(join(site, "404.html")));
});

test("every page declares lang and dir, and text in the other language is isolated", () => {
  for (const f of htmlFiles(site)) {
    const $ = load(site, f);
    const lang = $("html").attr("lang");
    assert.ok(lang === "ar" || lang === "en", `${f} lang`);
    assert.equal($("html").attr("dir"), lang === "ar" ? "rtl" : "ltr", `${f} dir`);
    $("bdi").each((_, el) => {
      assert.ok($(el).attr("lang") && $(el).attr("dir"), `${f}: bdi needs lang and dir`);
    });
  }
});

test("every internal link and asset resolves, without and with a path prefix; nothing loads from another host", () => {
  const plain = checkLinks(site, "/");
  assert.deepEqual(plain.broken, []);
  assert.ok(plain.checked > 50);
  const pre = checkLinks(prefixed, "/archive/");
  assert.deepEqual(pre.broken, []);
  const $ = load(prefixed, "ar/index.html");
  assert.equal($('link[rel="stylesheet"]').attr("href"), "/archive/assets/style.css");
});

test("the Arabic webfont is self-hosted with font-display: swap", () => {
  const css = readFileSync(join(site, "assets/style.css"), "utf8");
  assert.match(css, /font-display:\s*swap/);
  assert.match(css, /unicode-range:/);
  assert.ok(existsSync(join(site, "assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2")));
  assert.doesNotMatch(css, /letter-spacing:(?!\s*normal)/);
  assert.doesNotMatch(css, /text-align:\s*justify/);
  assert.doesNotMatch(css, /(margin|padding|border)-(left|right)|(?<!-)\b(left|right):/);
});


test("each seed links to all its entities, and each entity page lists exactly the right seeds in both languages", () => {
  const seedOf = new Map<string, string>();
  for (const f of arFiles) {
    const fm = splitFrontMatter(readFileSync(join(REPO, "content/ar", f), "utf8"), f).data as { id: string; importedFrom?: string };
    if (fm.importedFrom && SEED_ENTITIES[fm.importedFrom]) seedOf.set(fm.id, fm.importedFrom);
  }
  assert.equal(seedOf.size, 2, "both seeds are bundled");
  const expected = new Map<string, Set<string>>();
  for (const [id, seed] of seedOf) {
    const $ = load(site, `ar/articles/${id}/index.html`);
    const linked = new Set($("a[href^='/ar/entities/']").map((_, a) => $(a).attr("href")!.split("/")[3]!).get());
    for (const e of SEED_ENTITIES[seed]!) {
      assert.ok(linked.has(e), `${id} links to ${e}`);
      if (!expected.has(e)) expected.set(e, new Set());
      expected.get(e)!.add(id);
    }
  }
  for (const [e, ids] of expected) {
    for (const lang of ["ar", "en"]) {
      const $ = load(site, `${lang}/entities/${e}/index.html`);
      const listed = $("ol.articles a").map((_, a) => $(a).attr("href")!.split("/")[3]!).get();
      // The English page lists the translations, which share the originals' ids here.
      assert.deepEqual(new Set(listed), ids, `${lang}/entities/${e}/`);
      assert.equal(listed.length, ids.size);
      // Both names: the page's own as the heading, the other language's in <bdi lang>.
      const other = lang === "ar" ? "en" : "ar";
      assert.ok($("h1").text().trim().length > 0);
      assert.equal($(".other-name bdi").attr("lang"), other, `${lang}/entities/${e}/ other-language name`);
      assert.equal($(".entity time").length, 2, "first and latest mention dates");
      assert.equal($(".entity time").first().attr("datetime"), "2025-09-16");
    }
  }
});

test("entity pages list the entities most often named with them, counted over the same articles", () => {
  const $ = load(site, "en/entities/vladimir-putin/index.html");
  const co = $("h2:contains('Often mentioned alongside') + ul a").map((_, a) => $(a).attr("href")!.split("/")[3]!).get();
  assert.ok(co.length > 0 && co.length <= 10);
  assert.ok(!co.includes("vladimir-putin"));
  // Putin is named only in seed 001, so everything listed is among that seed's entities, each with "1 article".
  for (const id of co) assert.ok(SEED_ENTITIES["001_760731abf67d5e05.txt"]!.includes(id), id);
  assert.deepEqual([...new Set($("h2:contains('Often mentioned alongside') + ul .count").map((_, c) => $(c).text()).get())], ["1 article"]);
});

test("the entity index comes in two orders, by article count and by name, linked to each other", () => {
  for (const lang of ["ar", "en"]) {
    const byCount = load(site, `${lang}/entities/index.html`);
    const byName = load(site, `${lang}/entities-by-name/index.html`);
    assert.equal(byCount("nav.orders [aria-current=page]").attr("href"), `/${lang}/entities/`);
    assert.equal(byName("nav.orders [aria-current=page]").attr("href"), `/${lang}/entities-by-name/`);
    const names = byName("ul.entities").first().find("a").map((_, a) => byName(a).text()).get();
    assert.deepEqual(names, [...names].sort(new Intl.Collator(lang).compare), `${lang} by name`);
    if (lang === "en") {
      // (Arabic counts are words for 1 and 2: مقال واحد، مقالان.)
      const counts = byCount("ul.entities").first().find(".count").map((_, c) => Number(/\d+/.exec(byCount(c).text())![0])).get();
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), "by count");
    }
    assert.equal(byName("ul.entities a").length, byCount("ul.entities a").length);
  }
});

test("entity pages show the words in which each article names the entity, and the articles filed from a place", () => {
  for (const lang of ["ar", "en"]) {
    const $ = load(site, `${lang}/entities/baghdad/index.html`);
    const items = $("ol.articles > li");
    assert.ok(items.length > 0);
    items.each((_, li) => {
      const q = $(li).find("q.phrase");
      assert.equal(q.length, 1, `${lang}: one phrase per article`);
      // The marked words are the name as the article writes it; the phrase is Arabic text.
      assert.match(normalize(q.find("mark").text()), /بغداد/);
      assert.ok(q.text().length > q.find("mark").text().length, "words around the name");
      assert.equal(q.attr("lang"), lang === "ar" ? undefined : "ar");
      assert.equal(q.attr("dir"), lang === "ar" ? undefined : "rtl");
    });
    // Both seeds are filed from Baghdad (dateline «شفق نيوز – بغداد»).
    const filed = $("section.filed-from ol.filed a").map((_, a) => $(a).attr("href")!.split("/")[3]!).get();
    assert.equal(filed.length, bundled.length);
    assert.equal($("section.filed-from h2").text(), lang === "ar" ? "أخبار أُرسلت من هنا" : "Filed from here");
  }
  // Moscow is named in the seeds but no seed is filed from it.
  assert.equal(load(site, "ar/entities/moscow/index.html")("section.filed-from").length, 0);
});
