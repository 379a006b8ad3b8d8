import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator, XMLParser } from "fast-xml-parser";
import { makeProject, build, cleanup } from "./helpers/project.ts";
import { htmlFiles, load } from "./helpers/site.ts";
import { readCsvParts, readDataParts } from "./helpers/data.ts";

// Feeds, sitemap, structured data and the data export, checked against the bundled content.
let dir = "";
let site = "";
const ORIGIN = "https://archive.example.org";
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["url", "entry", "xhtml:link", "sitemap", "link"].includes(name) });
const read = (p: string) => readFileSync(join(site, p), "utf8");

before(() => {
  dir = makeProject({}, { bundledContent: true });
  const r = build(dir);
  assert.equal(r.code, 0, r.stderr);
  site = join(dir, "_site");
});
after(() => cleanup(dir));

const articlePages = (lang: string) => readdirSync(join(site, lang, "articles")).map((id) => `/${lang}/articles/${id}/`);

test("the sitemap lists every page once, with symmetric hreflang pairs", () => {
  assert.equal(XMLValidator.validate(read("sitemap.xml")), true);
  const index = xml.parse(read("sitemap.xml")).sitemapindex.sitemap as { loc: string }[];
  const locs = new Map<string, { lang: string; href: string }[]>();
  for (const s of index) {
    const file = s.loc.replace(ORIGIN, "");
    const text = read(file);
    assert.equal(XMLValidator.validate(text), true, file);
    for (const u of xml.parse(text).urlset.url as { loc: string; lastmod: string; "xhtml:link"?: { "@hreflang": string; "@href": string }[] }[]) {
      assert.ok(!locs.has(u.loc), `${u.loc} listed twice`);
      assert.match(u.lastmod, /^\d{4}-\d{2}-\d{2}$/);
      locs.set(u.loc, (u["xhtml:link"] ?? []).map((l) => ({ lang: l["@hreflang"], href: l["@href"] })));
    }
  }
  const pages = htmlFiles(site).filter((f) => f !== "index.html" && f !== "404.html").map((f) => ORIGIN + "/" + f.replace(/index\.html$/, ""));
  assert.deepEqual([...locs.keys()].sort(), pages.sort());
  for (const [loc, alts] of locs) {
    for (const a of alts) {
      if (a.href === loc) continue;
      assert.ok(locs.get(a.href)?.some((b) => b.href === loc), `hreflang ${loc} → ${a.href} is not returned`);
    }
  }
  assert.match(read("robots.txt"), new RegExp(`Sitemap: ${ORIGIN}/sitemap.xml`));
});

test("Atom feeds per language and per entity are well-formed with the required elements", () => {
  const feeds = [`ar/feed.xml`, `en/feed.xml`, ...readdirSync(join(site, "ar/entities")).filter((d) => !d.endsWith(".html")).map((d) => `ar/entities/${d}/feed.xml`)];
  for (const f of feeds) {
    const text = read(f);
    assert.equal(XMLValidator.validate(text), true, f);
    const feed = xml.parse(text).feed;
    assert.equal(feed["@xmlns"], "http://www.w3.org/2005/Atom");
    assert.ok(feed["@xml:lang"]);
    for (const k of ["id", "title", "updated", "author"]) assert.ok(feed[k], `${f}: feed ${k}`);
    for (const e of feed.entry ?? []) {
      for (const k of ["id", "title", "updated", "summary"]) assert.ok(e[k], `${f}: entry ${k}`);
      assert.match(e.updated, /[+-]\d{2}:\d{2}$|Z$/);
    }
  }
  const ar = xml.parse(read("ar/feed.xml")).feed;
  assert.equal(ar.entry.length, articlePages("ar").length);
  // Pages advertise their feeds.
  const $ = load(site, "ar/entities/baghdad/index.html");
  const hrefs = $('link[rel="alternate"][type="application/atom+xml"]').map((_, el) => $(el).attr("href")).get();
  assert.ok(hrefs.includes("/ar/entities/baghdad/feed.xml") && hrefs.includes("/ar/feed.xml"));
});

test("article JSON-LD is a NewsArticle with the tagged entities and a breadcrumb", () => {
  for (const url of [...articlePages("ar"), ...articlePages("en")]) {
    const $ = load(site, url.slice(1) + "index.html");
    const blocks = $('script[type="application/ld+json"]').map((_, el) => JSON.parse($(el).text())).get() as Record<string, unknown>[];
    const art = blocks.find((b) => b["@type"] === "NewsArticle")!;
    assert.ok(art, url);
    assert.equal(art.inLanguage, url.slice(1, 3));
    assert.match(String(art.datePublished), /^2025-09-16T00:00:00\+03:00$/);
    assert.equal(art.dateline, url.startsWith("/ar") ? "بغداد" : "Baghdad");
    const mentions = art.mentions as { url: string; sameAs?: string }[];
    const linked = $(".in-article a").map((_, el) => ORIGIN + $(el).attr("href")).get();
    assert.deepEqual(mentions.map((m) => m.url).sort(), linked.sort());
    assert.ok(mentions.some((m) => m.sameAs === "https://www.wikidata.org/wiki/Q1530"), "Baghdad's Wikidata id");
    assert.ok(blocks.some((b) => b["@type"] === "BreadcrumbList"));
    assert.equal($('meta[property="og:locale"]').attr("content"), url.startsWith("/ar") ? "ar_IQ" : "en_US");
    assert.equal($('link[rel="canonical"]').attr("href"), ORIGIN + url);
  }
  const $ = load(site, "en/entities/vladimir-putin/index.html");
  const person = JSON.parse($('script[type="application/ld+json"]').first().text());
  assert.equal(person["@type"], "Person");
  assert.equal(person.sameAs, "https://www.wikidata.org/wiki/Q7747");
});

test("the data export agrees with the pages", () => {
  const articles = readDataParts<{ id: string; language: string; entities: string; page: string }>(site, "articles");
  for (const lang of ["ar", "en"]) {
    const listed = articles.filter((a) => a.language === lang).map((a) => a.page.replace(ORIGIN, "")).sort();
    assert.deepEqual(listed, articlePages(lang).sort(), `every ${lang} article once`);
  }
  const csvs = readCsvParts(site, "articles");
  assert.ok(csvs.length > 0);
  for (const csv of csvs) {
    assert.ok(csv.startsWith("\uFEFFid,language,title,"), "UTF-8 BOM and header in every part");
    assert.ok(csv.includes("\r\n"));
  }
  assert.equal(csvs.reduce((n, csv) => n + csv.trimEnd().split("\r\n").length - 1, 0), articles.length, "the parts' rows add up");
  const entities = JSON.parse(read("data/entities.json")) as { id: string; article_count: number }[];
  for (const e of entities) {
    const $ = load(site, `en/entities/${e.id}/index.html`);
    assert.equal(Number($("header.entity .count").text().replace(/\D/g, "")), e.article_count, e.id);
  }
  const pkg = JSON.parse(read("data/datapackage.json")) as { resources: { path: string }[] };
  for (const r of pkg.resources) assert.ok(read(`data/${r.path}`).length > 0, r.path);
});
