import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { XMLValidator } from "fast-xml-parser";
import { makeProject, build, cleanup, article } from "./helpers/project.ts";
import { htmlFiles, load } from "./helpers/site.ts";
import { serve } from "./helpers/serve.ts";
import { withBrowser, openPage } from "./helpers/browser.ts";
import { parseCsv } from "./helpers/data.ts";

/*
 * Article files are untrusted input (scraped text, editors pasting from the
 * web). A site built from hostile articles must contain no markup, script or
 * link the articles did not get from arshif itself: everything they say is text.
 */

// Invisible direction controls (RLO, LRO, isolates…): shown in a title they reorder what readers see.
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/;
const clean = (s: string) => s.replace(BIDI, "").replace(/\s+/g, " ").trim();

const AR_TITLE =
  `عنوان </title><script>alert(1)</script> "><svg onload=alert(1)> '" \u202Eكلمة مقلوبة\u202C \u202Dltr\u202C \u2066عزل\u2069 &amp; &lt;b&gt; {{ 7*7 }} {% raw %}`;
const EN_TITLE =
  `=HYPERLINK("https://evil.example") </script><script>alert(2)</script> <img src=x onerror=alert(1)> '" \u202Egnp.exe\u202C \u2028 {{ 7*7 }}`;
const SOURCE = `<b>x</b>" onmouseover="alert(1)`;
const PLACE = `" onmouseover="x <b>بغداد</b> '`;
const SOURCE_EN = `<i>src</i>' onfocus='alert(1)`;
// A real, valid address: quotes are not allowed in it, but ' and & are.
const URL = "https://example.org/it's?a=1&b=2#x";
const HOSTILE_ID = "hostile-1";
const SITE_TITLE = { ar: "أرشيف الأخبار", en: "News Archive" };

const BODY = [
  "فقرة أولى: <script>alert(1)</script> نص.",
  "<img src=x onerror=alert(1)>",
  "<iframe src=javascript:alert(1)></iframe>",
  "[x](javascript:alert(1)) [y](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [z](JAVASCRIPT:alert(1)) [w]( javascript:alert(1)) [v](&#106;avascript:alert(1)) [u](vbscript:msgbox(1)) [t](%6aavascript:alert(1))",
  "<javascript:alert(1)> <data:text/html,x> [ref][1] [ok](https://example.org/?q=\"a\"&b=<c>)",
  '<a href="javascript:alert(1)">click</a> <a href=" JaVaScRiPt:alert(1)">c2</a>',
  "</title><script>alert(1)</script> </textarea></style><svg onload=alert(1)>",
  "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math> <form action=javascript:alert(1)><button formaction=javascript:alert(1)>b</button></form>",
  "{{ 7+7 }} {% include \"base.njk\" %} ${7+7} {{ csp }} \u202Eمقلوب\u202C",
  "![img](https://evil.example/pixel.png) <meta http-equiv=refresh content=\"0;url=javascript:alert(1)\"> <base href=\"https://evil.example/\">",
  "[1]: javascript:alert(1)",
].join("\n\n");

const EN_BODY = [
  "First paragraph <script>alert(1)</script> with <b onmouseover=alert(1)>bold</b>.",
  "[x](javascript:alert(1)) [y](data:text/html,<script>alert(1)</script>) [z](JAVASCRIPT:alert(1))",
  "</script><script>alert(3)</script> \u2028 \u2029",
].join("\n\n");

let dir = "";
let site = "";
let pages: string[] = [];

before(() => {
  dir = makeProject(
    {
      "content/ar/2025/09/hostile.md": article(
        {
          id: HOSTILE_ID,
          title: AR_TITLE,
          date: "2025-09-16",
          source: SOURCE,
          place: PLACE,
          url: URL,
          translationKey: HOSTILE_ID,
          importedFrom: `"><script>alert(1)</script>.txt`,
        },
        BODY,
      ),
      "content/en/2025/09/hostile.md": article(
        { id: HOSTILE_ID, title: EN_TITLE, date: "2025-09-16", source: SOURCE_EN, place: PLACE, translationKey: HOSTILE_ID },
        EN_BODY,
      ),
    },
    { bundledContent: true },
  );
  // A gazetteer entry with hostile display names and description, named in the hostile article.
  appendFileSync(
    join(dir, "content/entities.yaml"),
    [
      "",
      "  - id: hostile-entity",
      "    type: organization",
      "    ar: [مقلوبة]",
      `    en: ["<script>alert('e')</script> \\"><svg onload=alert(1)>"]`,
      "    description:",
      `      ar: "</script><script>alert(1)</script>"`,
      `      en: "<img src=x onerror=alert(1)> ' \\" &"`,
      "",
    ].join("\n"),
  );
  const r = build(dir);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  site = join(dir, "_site");
  pages = htmlFiles(site);
  assert.ok(existsSync(join(site, `ar/articles/${HOSTILE_ID}/index.html`)), "the hostile article was published");
  assert.ok(existsSync(join(site, `en/articles/${HOSTILE_ID}/index.html`)), "its translation was published");
});
after(() => cleanup(dir));

const SCHEME = /^(javascript|data|vbscript|file|blob):/i;
// Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
const schemeOf = (v: string) => v.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
const URL_ATTRS = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset", "ping", "manifest"];
const FORBIDDEN_ELEMENTS = ["iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "style", "template", "portal"];

test("no page has script, event handler, dangerous element or javascript:/data: URL that arshif did not put there", () => {
  const problems: string[] = [];
  for (const f of pages) {
    const raw = readFileSync(join(site, f), "utf8");
    const $ = cheerio.load(raw);
    $("script").each((_, el) => {
      const s = $(el);
      const src = s.attr("src");
      const type = (s.attr("type") ?? "").trim().toLowerCase();
      if (src !== undefined) {
        // Only our own files: root-relative (the path prefix is applied at build), never another origin.
        if (!/^\/(?!\/)/.test(src) || s.text().trim()) problems.push(`${f}: script from ${src}`);
        if (type && type !== "module") problems.push(`${f}: script type ${type}`);
      } else if (type === "application/ld+json") {
        const text = s.text();
        try {
          JSON.parse(text);
        } catch (e) {
          problems.push(`${f}: JSON-LD does not parse: ${(e as Error).message}`);
        }
        if (/[<>]/.test(text)) problems.push(`${f}: JSON-LD contains a raw < or >`);
      } else {
        problems.push(`${f}: inline script ${$.html(el).slice(0, 120)}`);
      }
    });
    $("*").each((_, el) => {
      const node = el as unknown as { tagName: string; attribs: Record<string, string> };
      for (const [name, value] of Object.entries(node.attribs ?? {})) {
        if (/^on/i.test(name)) problems.push(`${f}: <${node.tagName} ${name}="${value}">`);
        if (URL_ATTRS.includes(name.toLowerCase()) && SCHEME.test(schemeOf(value))) problems.push(`${f}: <${node.tagName} ${name}="${value}">`);
        if (name === "style") problems.push(`${f}: inline style on <${node.tagName}>`);
      }
      if (FORBIDDEN_ELEMENTS.includes(node.tagName.toLowerCase())) problems.push(`${f}: <${node.tagName}> element`);
    });
    $("meta[http-equiv]").each((_, el) => {
      const h = ($(el).attr("http-equiv") ?? "").toLowerCase();
      if (h !== "content-security-policy") problems.push(`${f}: <meta http-equiv="${h}">`);
    });
    $("img").each((_, el) => {
      problems.push(`${f}: <img src="${$(el).attr("src")}">`);
    });
    $("form").each((_, el) => {
      // The search page's form, and the root and not-found pages' boxes that send a query there.
      const toSearch = /^\/(ar|en)\/search\/$/.test($(el).attr("action") ?? "") && ($(el).attr("method") ?? "get") === "get";
      if ($(el).attr("id") !== "search-form" && !toSearch) problems.push(`${f}: unexpected <form> ${$.html(el).slice(0, 80)}`);
    });
    // Every article link is http(s), mailto or our own.
    $(".body a[href]").each((_, el) => {
      const href = $(el).attr("href")!;
      if (!/^(https?:\/\/|mailto:)/i.test(href)) problems.push(`${f}: article link ${href}`);
    });
  }
  assert.deepEqual(problems, []);
  assert.ok(pages.length > 20);
});

test("hostile titles are text: <title>, <h1>, meta and JSON-LD carry them verbatim (minus direction controls)", () => {
  for (const [lang, rawTitle] of [["ar", AR_TITLE], ["en", EN_TITLE]] as const) {
    const expected = clean(rawTitle);
    const $ = load(site, `${lang}/articles/${HOSTILE_ID}/index.html`);
    assert.equal($("title").length, 1, `${lang}: exactly one <title>`);
    assert.equal($("title").text(), `${expected} · ${SITE_TITLE[lang]}`, `${lang}: <title> text`);
    assert.equal($("h1").text(), expected, `${lang}: <h1> text`);
    assert.equal($("h1").children().length, 0, `${lang}: no elements inside <h1>`);
    assert.equal($('meta[property="og:title"]').attr("content"), expected, `${lang}: og:title`);
    assert.equal($('meta[name="twitter:title"]').attr("content"), expected, `${lang}: twitter:title`);
    const description = $('meta[name="description"]').attr("content") ?? "";
    assert.equal($('meta[property="og:description"]').attr("content"), description);
    assert.ok(description.includes("<script>alert(1)</script>"), `${lang}: the description keeps the body's text as text: ${description}`);
    const ld: Record<string, unknown>[] = $('script[type="application/ld+json"]')
      .get()
      .map((el) => JSON.parse($(el).text()) as Record<string, unknown>);
    const news = ld.find((x) => x["@type"] === "NewsArticle");
    assert.ok(news, `${lang}: NewsArticle JSON-LD`);
    assert.equal(news.headline, expected, `${lang}: JSON-LD headline`);
    // Template syntax in content is never evaluated.
    assert.ok(expected.includes("{{ 7*7 }}"));
  }
  const ar = load(site, `ar/articles/${HOSTILE_ID}/index.html`);
  assert.equal(ar(".dateline").text(), `${clean(SOURCE)} – ${clean(PLACE)}`);
  assert.equal(ar(".dateline").find("*").length, 0, "no markup in the dateline");
  const body = ar(".body").text();
  for (const s of ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</title><script>alert(1)</script>", "{{ 7+7 }}", '{% include "base.njk" %}', "{{ csp }}"]) {
    assert.ok(body.includes(s), `the body shows ${s} as text`);
  }
  assert.ok(!/\b14\b/.test(body), "{{ 7+7 }} was not evaluated");
  // The original's address: a link with exactly that href, ' and & intact.
  assert.deepEqual(ar('a[rel~="external"]').map((_, el) => ar(el).attr("href")).get(), [URL]);
  const en = load(site, `en/articles/${HOSTILE_ID}/index.html`);
  assert.equal(en(".dateline").text(), `${clean(SOURCE_EN)} – ${clean(PLACE)}`);
});

test("no direction override or isolate reaches a title, heading, link text or meta value", () => {
  const problems: string[] = [];
  for (const f of pages) {
    const $ = load(site, f);
    const check = (what: string, s: string | undefined) => {
      if (s && BIDI_OVERRIDES.test(s)) problems.push(`${f}: ${what}: ${JSON.stringify(s)}`);
    };
    check("title", $("title").text());
    $("h1, h2, h3").each((_, el) => check("heading", $(el).text()));
    $("a").each((_, el) => check("link", $(el).text()));
    $(".dateline, .meta").each((_, el) => check("dateline", $(el).text()));
    $("meta[content]").each((_, el) => check(`meta ${$(el).attr("name") ?? $(el).attr("property")}`, $(el).attr("content")));
    $('script[type="application/ld+json"]').each((_, el) => {
      const ld = JSON.parse($(el).text()) as { headline?: string; name?: string };
      check("JSON-LD", ld.headline ?? ld.name);
    });
  }
  assert.deepEqual(problems, []);
});

test("lists, feeds, sitemaps and entity pages show the hostile text as text too", () => {
  // The day page lists the article under its escaped title.
  for (const [lang, rawTitle] of [["ar", AR_TITLE], ["en", EN_TITLE]] as const) {
    const $ = load(site, `${lang}/dates/2025/09/16/index.html`);
    const link = $(`.articles a[href="/${lang}/articles/${HOSTILE_ID}/"]`);
    assert.equal(link.length, 1, `${lang} day page lists the article`);
    assert.equal(link.text(), clean(rawTitle));
    const feed = cheerio.load(readFileSync(join(site, `${lang}/feed.xml`), "utf8"), { xml: true });
    const titles = feed("entry > title").map((_, el) => feed(el).text()).get();
    assert.ok(titles.includes(clean(rawTitle)), `${lang} feed has the title as text: ${titles.join(" | ")}`);
  }
  const entity = load(site, "en/entities/hostile-entity/index.html");
  assert.equal(entity("h1").text(), `<script>alert('e')</script> "><svg onload=alert(1)>`);
  assert.equal(entity("h1").children().length, 0);
});

test("every XML file is well-formed, every JSON file parses, and CSV cells cannot run as formulas", () => {
  const all = readdirSync(site, { recursive: true, encoding: "utf8" }) as string[];
  const xml = all.filter((f) => f.endsWith(".xml"));
  const json = all.filter((f) => f.endsWith(".json"));
  assert.ok(xml.length >= 3, "feeds and sitemaps");
  for (const f of xml) {
    const text = readFileSync(join(site, f), "utf8");
    const v = XMLValidator.validate(text);
    assert.equal(v, true, `${f}: ${JSON.stringify(v)}`);
    // XML 1.0 forbids C0 controls other than tab, CR and LF.
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text), `${f}: control character`);
  }
  for (const f of json) {
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(site, f), "utf8")), `${f} parses as JSON`);
  }
  for (const f of all.filter((x) => x.endsWith(".csv"))) {
    for (const cell of parseCsv(readFileSync(join(site, f), "utf8")).flat()) {
      assert.ok(!/^[=+\-@\t\r]/.test(cell) || /^-?\d/.test(cell), `${f}: cell starting a formula: ${cell.slice(0, 60)}`);
    }
  }
});

test("in a browser, with the CSP switched off, hostile pages and search results run nothing", async () => {
  // The CSP would block inline script anyway; bypassing it shows the markup itself is inert.
  const s = await serve(site);
  const found: string[] = [];
  try {
    await withBrowser(async (browser) => {
      const paths = [
        `ar/articles/${HOSTILE_ID}/`,
        `en/articles/${HOSTILE_ID}/`,
        "en/entities/hostile-entity/",
        "ar/dates/2025/09/16/",
        // Search results are built in the browser from the index: untrusted text again.
        "ar/search/?q=alert",
        `en/search/?q=${encodeURIComponent("<img src=x onerror=alert(1)>")}&entity=${encodeURIComponent('"><script>alert(1)</script>')}`,
        `ar/search/?q=${encodeURIComponent("مقلوبة")}`,
      ];
      for (const path of paths) {
        const p = await openPage(browser, s.url + path, { bypassCSP: true });
        const dialogs: string[] = [];
        p.page.on("dialog", (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        try {
          if (path.includes("search/?q=alert") || path.includes("search/?q=%D9")) {
            await p.page.waitForSelector("#search-results li", { timeout: 15_000 });
          }
          await p.settle();
          const live = await p.page.evaluate(() => {
            const bad: string[] = [];
            for (const el of document.querySelectorAll("*")) {
              for (const a of el.getAttributeNames()) if (/^on/i.test(a)) bad.push(`<${el.localName} ${a}>`);
              if (["iframe", "svg", "math", "img", "object", "embed", "base"].includes(el.localName)) bad.push(`<${el.localName}>`);
              if (el.localName === "script" && !(el as HTMLScriptElement).src && (el as HTMLScriptElement).type !== "application/ld+json") bad.push("inline <script>");
            }
            for (const a of document.querySelectorAll("a[href]")) {
              if (/^\s*(javascript|data|vbscript):/i.test(a.getAttribute("href")!)) bad.push(`<a href="${a.getAttribute("href")}">`);
            }
            return { bad, results: [...document.querySelectorAll("#search-results a.title")].map((a) => a.textContent) };
          });
          for (const d of dialogs) found.push(`${path}: dialog ${d}`);
          for (const e of p.pageErrors) found.push(`${path}: page error ${e}`);
          for (const b of live.bad) found.push(`${path}: ${b}`);
          if (path.includes("search/?q=alert") && !live.results.includes(clean(AR_TITLE))) {
            found.push(`${path}: the hostile headline is not shown as text among ${JSON.stringify(live.results)}`);
          }
        } finally {
          await p.close();
        }
      }
    });
  } finally {
    await s.close();
  }
  assert.deepEqual(found, []);
});


test("hostile values in validated fields stop the build, naming the file and the field", () => {
  const good = { title: "عنوان", date: "2025-09-16" };
  const cases: [string, Record<string, unknown>, string][] = [
    ["url-js", { ...good, id: "url-js", url: "javascript:alert(1)" }, "url"],
    ["url-js-upper", { ...good, id: "url-js-upper", url: " JAVASCRIPT:alert(1)" }, "url"],
    ["url-data", { ...good, id: "url-data", url: "data:text/html;base64,PHNjcmlwdD4=" }, "url"],
    ["url-quote", { ...good, id: "url-quote", url: 'https://example.org/a"onmouseover="alert(1)' }, "url"],
    ["url-angle", { ...good, id: "url-angle", url: "https://example.org/<script>alert(1)</script>" }, "url"],
    ["url-space", { ...good, id: "url-space", url: "https://example.org/ onmouseover=alert(1)" }, "url"],
    ["id-html", { ...good, id: '"><script>alert(1)</script>' }, "id"],
    ["id-path", { ...good, id: "../../index" }, "id"],
    ["key-html", { ...good, id: "key-html", translationKey: "<b>x</b>" }, "translationKey"],
    ["date-html", { ...good, id: "date-html", date: "<script>alert(1)</script>" }, "date"],
    ["lang-html", { ...good, id: "lang-html", lang: "<script>" }, "lang"],
    ["entities-html", { ...good, id: "entities-html", entities: ["<script>alert(1)</script>"] }, "entities"],
  ];
  const files: Record<string, string> = {};
  for (const [name, fields] of cases) files[`content/ar/${name}.md`] = article(fields);
  const d = makeProject(files);
  try {
    const r = build(d);
    assert.equal(r.code, 1, `the build must fail:\n${r.stdout}\n${r.stderr}`);
    for (const [name, , field] of cases) {
      const re = new RegExp(`content/ar/${name}\\.md(:\\d+)? \\(field "${field}"\\): .*What to do: \\S`);
      assert.match(r.stderr, re, `an error names content/ar/${name}.md and field ${field}`);
    }
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace for content errors");
    assert.ok(!existsSync(join(d, "_site")), "nothing was written");
  } finally {
    cleanup(d);
  }
});
