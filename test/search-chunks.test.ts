import { test } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { chunkProbes, chunkTable, type ChunkRange } from "../src/search/chunks.ts";
import { rng } from "../bench/generate.ts";
import { serve } from "./helpers/serve.ts";
import { openPage, withBrowser } from "./helpers/browser.ts";

/*
 * src/search/chunks.ts reads the chunk table of a real Pagefind index and
 * names, for a beginning, a word of every chunk that may hold a word it
 * begins (the search page preloads them: Pagefind alone fetches only the
 * chunk whose range holds the beginning itself). The index is Pagefind's own,
 * made here from words beginning with «اع» and with other letters, many
 * enough for Pagefind to split them over several chunks, and searched with
 * Pagefind's own script in Chromium.
 */

const LETTERS = [..."ابتثجحخدذرزسشصضطظعغفقكلمنهوي"];

/** The chunk a word of the index is in: chunks are consecutive ranges of the words in order. */
const chunkOfWord = (table: readonly ChunkRange[], word: string) => table.filter((c) => c.from <= word).at(-1);

/** The chunks Pagefind 1.5.2 fetches for a word asked: those whose range holds it (src/search/chunks.ts). */
const fetchedFor = (table: readonly ChunkRange[], word: string) => table.filter((c) => c.from <= word && word <= c.to);

test("chunk table of a real Pagefind index; preloading the probes of a beginning finds every page of its words in Chromium", { timeout: 180_000 }, async () => {
  const random = rng(7);
  const pick = () => LETTERS[Math.floor(random() * LETTERS.length)]!;
  const three = () => pick() + pick() + pick();
  // Words beginning with اع, in order, and words of other beginnings (chunks on both sides of اع).
  const ours = [...new Set(Array.from({ length: 3000 }, () => `اع${three()}`))].sort();
  const others = Array.from({ length: 3000 }, () => pick() + pick() + three());
  // Each page: words of other beginnings, and twelve neighbouring اع words (so that a page's اع words
  // lie in one or two chunks); every tenth page none.
  const pages = Array.from({ length: 1200 }, (_, p) => {
    const words = Array.from({ length: 40 }, () => others[Math.floor(random() * others.length)]!);
    if (p % 10) words.splice(20, 0, ...Array.from({ length: 12 }, (_, i) => ours[(p * 3 + i) % ours.length]!));
    return words;
  });
  const dir = mkdtempSync(join(tmpdir(), "arshif-chunks-"));
  const { index, errors } = await pagefind.createIndex({});
  assert.ok(index, errors.join("; "));
  let table: ChunkRange[] | undefined;
  try {
    for (const [p, words] of pages.entries()) {
      const res = await index.addCustomRecord({ url: `/p${p}/`, content: words.join(" "), language: "ar" });
      assert.deepEqual(res.errors, []);
    }
    const got = await index.getFiles();
    assert.deepEqual(got.errors, []);
    for (const f of got.files) {
      mkdirSync(dirname(join(dir, "pagefind", f.path)), { recursive: true });
      writeFileSync(join(dir, "pagefind", f.path), f.content);
    }
    const metaFile = got.files.find((f) => /pagefind\.[^/]+\.pf_meta$/.test(f.path));
    assert.ok(metaFile, `no metadata file among ${got.files.map((f) => f.path).join(", ")}`);
    const raw = Buffer.from(metaFile.content);
    table = chunkTable(new Uint8Array(gunzipSync(raw)));
    // Not a table: the compressed bytes, or a signature and nothing readable.
    assert.equal(chunkTable(new Uint8Array(raw)), undefined);
    assert.equal(chunkTable(new TextEncoder().encode("pagefind_dcd\u00ff")), undefined);
  } finally {
    await pagefind.close();
  }
  try {
    assert.ok(table, "the metadata file's chunk table is read");
    assert.ok(table.length > 2, `only ${table.length} chunk(s): too few words to test`);
    for (let i = 1; i < table.length; i++) assert.ok(table[i - 1]!.to < table[i]!.from, `chunks in order at ${i}`);

    for (const beginning of ["اع", `اع${ours[1500]![2]}`, ours[2000]!.slice(0, 4)]) {
      const own = ours.filter((w) => w.startsWith(beginning));
      const needed = new Set(own.map((w) => chunkOfWord(table!, w)));
      const probes = chunkProbes(table, beginning);
      const fetched = new Set(probes.flatMap((p) => fetchedFor(table!, p)));
      for (const c of needed) assert.ok(c && fetched.has(c), `${beginning}: the chunk ${c?.from}–${c?.to} is not fetched`);
      if (beginning === "اع") assert.ok(needed.size > 1, `the words of اع fill ${needed.size} chunk: the test asks for more`);
    }

    // The real thing: Pagefind in Chromium, asked for the beginning after the probes were preloaded.
    const expected = pages.filter((w) => w.some((x) => x.startsWith("اع"))).length;
    writeFileSync(join(dir, "index.html"), "<!doctype html><html lang=\"ar\"><title>t</title></html>");
    const server = await serve(dir);
    try {
      await withBrowser(async (browser) => {
        const opened = await openPage(browser, server.url);
        const found = await opened.page.evaluate(
          async ({ url, probes }) => {
            const mod = await import(`${url}pagefind/pagefind.js`);
            const pf = mod.createInstance({ basePath: `${url}pagefind/` });
            await pf.init();
            await Promise.all(probes.map((p: string) => pf.preload(p)));
            return (await pf.search("اع")).results.length as number;
          },
          { url: server.url, probes: chunkProbes(table!, "اع") },
        );
        assert.deepEqual(opened.pageErrors, []);
        await opened.close();
        assert.equal(found, expected, `pages with a word beginning with اع: ${expected}, found ${found}`);
      });
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("chunk probes: a beginning inside one chunk, across several, and past the last", () => {
  const table: ChunkRange[] = [
    { from: "اب", to: "اسم" },
    { from: "اسن", to: "اعتدا" },
    { from: "اعتدة", to: "اعم" },
    { from: "اعن", to: "بحر" },
  ];
  assert.deepEqual(chunkProbes(table, "اع"), ["اسن", "اعتدة", "اعن"]);
  assert.deepEqual(chunkProbes(table, "اعتد"), ["اسن", "اعتدة"]);
  assert.deepEqual(chunkProbes(table, "اعم"), ["اعتدة"]);
  assert.deepEqual(chunkProbes(table, "بحرين"), ["اعن"]);
  assert.deepEqual(chunkProbes(table, "ت"), []);
  // A chunk Pagefind left with its first word after its last holds no range a word can select.
  assert.deepEqual(chunkProbes([{ from: "اعم", to: "اع" }], "اع"), []);
});
