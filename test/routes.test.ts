import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { articleOf, routes, routesOf, siteLinks, type RouteName } from "../src/archive/routes.ts";
import { PAGE_KINDS, PAGE_KIND_NAMES, kindTemplate } from "../src/archive/kinds.ts";
import { makeUrls } from "../src/site/urls.ts";
import { loadSite } from "../src/site/load.ts";
import { REPO } from "./helpers/project.ts";

// What each shape must give, written out by hand (the addresses readers, feeds and search engines already have).
const EXPECTED: Record<RouteName, [string, string][]> = {
  root: [[routes.root(), "/"]],
  notFound: [[routes.notFound(), "/404.html"]],
  robots: [[routes.robots(), "/robots.txt"]],
  home: [[routes.home("ar"), "/ar/"], [routes.home("en"), "/en/"]],
  article: [[routes.article("ar", "2025-03-09-basra-port"), "/ar/articles/2025-03-09-basra-port/"], [routes.article("en", "x1"), "/en/articles/x1/"]],
  dates: [
    [routes.dates("ar"), "/ar/dates/"],
    [routes.dates("en", "2025"), "/en/dates/2025/"],
    [routes.dates("ar", "2025", "03"), "/ar/dates/2025/03/"],
    [routes.dates("ar", "2025", "03", "09"), "/ar/dates/2025/03/09/"],
  ],
  entities: [[routes.entities("ar"), "/ar/entities/"]],
  entitiesByName: [[routes.entitiesByName("en"), "/en/entities-by-name/"]],
  entity: [[routes.entity("ar", "iraq"), "/ar/entities/iraq/"]],
  search: [[routes.search("en"), "/en/search/"]],
  data: [[routes.data("ar"), "/ar/data/"]],
  feed: [[routes.feed("ar"), "/ar/feed.xml"], [routes.feed("en", "iraq"), "/en/entities/iraq/feed.xml"]],
  paged: [[routes.paged("/ar/entities/iraq/", 2), "/ar/entities/iraq/page/2/"], [routes.paged("/en/dates/2025/03/", 12), "/en/dates/2025/03/page/12/"]],
  sitemapIndex: [[routes.sitemapIndex(), "/sitemap.xml"]],
  sitemap: [[routes.sitemap(1), "/sitemaps/sitemap-1.xml"]],
  dataFile: [[routes.dataFile("entities.csv"), "/data/entities.csv"], [routes.dataFile("articles", "2025.csv"), "/data/articles/2025.csv"]],
  searchText: [[routes.searchText("ar", "2025-03-09-basra-port"), "/search-text/ar/2025-03-09-basra-port.json"]],
};

test("routes: an article address gives back its language and id", () => {
  assert.deepEqual(articleOf(routes.article("en", "x1")), { lang: "en", id: "x1" });
  assert.equal(articleOf(routes.entity("ar", "iraq")), undefined);
});

test("routes: every shape gives the site's addresses", () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), Object.keys(routes).sort(), "every route has expected addresses");
  for (const [name, cases] of Object.entries(EXPECTED)) {
    for (const [got, want] of cases) assert.equal(got, want, name);
  }
});

test("routes: shapes are unique (each address has exactly one shape)", () => {
  const seen = new Map<string, string>();
  for (const [name, cases] of Object.entries(EXPECTED)) {
    for (const [url] of cases) {
      assert.deepEqual(routesOf(url), [name], `${url} should be a ${name} address only`);
      assert.ok(!seen.has(url), `${url} is both ${seen.get(url)} and ${name}`);
      seen.set(url, name);
    }
  }
  // Ids that look like other shapes' segments still stay in their own shape.
  assert.deepEqual(routesOf(routes.entity("ar", "page")), ["entity"]);
  assert.deepEqual(routesOf(routes.article("en", "2025")), ["article"]);
  assert.deepEqual(routesOf("/ar/unknown/"), []);
});

test("routes: the path prefix is added once, to absolute addresses", () => {
  for (const prefix of ["/archive/", "archive", "/archive", "//archive//"]) {
    const urls = makeUrls("https://example.org/", prefix);
    assert.equal(urls.abs(routes.entity("ar", "iraq")), "https://example.org/archive/ar/entities/iraq/");
    assert.equal(urls.abs(routes.root()), "https://example.org/archive/");
    assert.equal(urls.abs(routes.sitemap(3)), "https://example.org/archive/sitemaps/sitemap-3.xml");
  }
  assert.equal(makeUrls("https://example.org", "/").abs(routes.feed("en")), "https://example.org/en/feed.xml");
});

test("routes: every address in the page model has a shape of the table", () => {
  const { site } = loadSite({ root: REPO });
  assert.ok(site);
  const check = (url: string, where: string) => assert.equal(routesOf(url).length, 1, `${where}: ${url} has no single shape in src/archive/routes.ts`);
  let n = 0;
  for (const kind of PAGE_KIND_NAMES) {
    for (const p of site.pages[kind]) {
      check(p.url, `${kind} page`);
      check(p.switchUrl, `${p.url} language switch`);
      for (const a of p.alternates) check(a.url, `${p.url} alternate`);
      for (const c of p.breadcrumbs) check(c.url, `${p.url} breadcrumb`);
      n++;
    }
  }
  assert.ok(n > 10);
  for (const f of site.feeds) check(f.url, "feed");
  for (const s of site.sitemaps) check(s.url, "sitemap");
  for (const lang of ["ar", "en"] as const) {
    assert.deepEqual(site.links[lang], siteLinks(lang));
    for (const [k, url] of Object.entries(site.links[lang])) check(url, `${lang} ${k} link`);
  }
  for (const [k, url] of Object.entries(site.paths)) check(url, k);
  for (const f of site.pages.data[0]!.groups.flatMap((g) => g.rows.flatMap((r) => r.files))) check(f.url, "data file");
});

test("page kinds: each kind has its layout, a template over its own list, and only its own pages", () => {
  const { site } = loadSite({ root: REPO });
  assert.ok(site);
  assert.deepEqual(Object.keys(site.pages), PAGE_KIND_NAMES, "the page model keeps one list per registered kind, in order");
  const paths = new Set<string>();
  for (const kind of PAGE_KIND_NAMES) {
    assert.ok(existsSync(join(REPO, "_includes", PAGE_KINDS[kind].layout)), `${kind}: ${PAGE_KINDS[kind].layout} exists`);
    const t = kindTemplate(kind);
    assert.deepEqual((t.data.pagination as { data: string }).data, `site.pages.${kind}`);
    paths.add(t.path);
    assert.ok(site.pages[kind].length > 0, `the seeds have ${kind} pages`);
    for (const p of site.pages[kind]) assert.equal(p.kind, kind);
    // The head metadata a kind gets needs the data that kind has.
    const meta = PAGE_KINDS[kind].meta;
    if (meta === "article") for (const p of site.pages[kind]) assert.equal(typeof (p as { storyKey?: unknown }).storyKey, "string", `${kind}: article metadata needs a story`);
    if (meta === "entity") for (const p of site.pages[kind]) assert.equal(typeof (p as { entityId?: unknown }).entityId, "string", `${kind}: entity metadata needs an entity`);
    for (const p of site.pages[kind] as unknown as { head: { canonical: string }; lastmod?: string }[]) {
      assert.equal(p.head.canonical, site.urls.abs((p as unknown as { url: string }).url));
      assert.match(p.lastmod ?? "", /^\d{4}-\d{2}-\d{2}$/, `${kind}: a sitemap date`);
    }
  }
  assert.equal(paths.size, PAGE_KIND_NAMES.length, "one template per kind");
  // The sitemap lists exactly the pages of the kinds marked for it.
  const listed = site.sitemaps.flatMap((s) => s.urls.map((u) => u.loc));
  const expected = PAGE_KIND_NAMES.filter((k) => PAGE_KINDS[k].sitemap).flatMap((k) => site.pages[k].map((p) => site.urls.abs(p.url)));
  assert.deepEqual([...listed].sort(), [...expected].sort());
});
