import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { loadSite } from "../src/site/load.ts";
import { renderSite } from "../src/build/render.ts";
import { renderWithEleventy } from "../src/build/eleventy-run.ts";
import { RenderThread } from "../src/build/render-thread.ts";
import { walkTree } from "../src/build/walk.ts";
import { build as buildSite } from "../src/build/pipeline.ts";
import { REPO, cleanup, makeProject } from "./helpers/project.ts";

const opts = { root: REPO, pathPrefix: "/" };

/** Every file under `dir` → the SHA-256 of its bytes. */
async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of (await walkTree(dir)).files.keys()) out.set(rel, createHash("sha256").update(readFileSync(join(dir, rel))).digest("hex"));
  return out;
}

test("render thread: the site rendered in the thread, in one batch or many, is the site rendered in this thread, byte for byte", async () => {
  const { site } = loadSite({ root: REPO });
  assert.ok(site);
  const dir = mkdtempSync(join(tmpdir(), "arshif-render-thread-"));
  const thread = new RenderThread();
  try {
    const told = new Map<string, string>();
    const runs = await renderSite(site, join(dir, "here"), opts, renderWithEleventy);
    assert.equal(runs, 1);
    assert.equal(await renderSite(site, join(dir, "thread"), opts, thread.render, (path, hash) => told.set(path, hash)), 1);
    // Batches of five pages: queued in the thread while the next is made here.
    const small = { ...site, settings: { ...site.settings, renderBatchSize: 5 } };
    const batches = await renderSite(small, join(dir, "batches"), opts, thread.render);
    assert.ok(batches > 3, `${batches} batches`);
    const here = await files(join(dir, "here"));
    assert.ok(here.size > 50, `${here.size} files`);
    assert.deepEqual(await files(join(dir, "thread")), here);
    assert.deepEqual(await files(join(dir, "batches")), here);
    // What the thread says it wrote is what it wrote: every page, feed and sitemap (the passthrough copies are not templates).
    for (const [path, hash] of told) assert.equal(here.get(path), hash, path);
    assert.ok(told.has("index.html") && told.has("ar/index.html") && told.has("sitemap.xml"));
  } finally {
    await thread.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("render thread kept across builds: an edited template is rendered as edited; a broken one fails the build with its message and leaves the site as it was", async () => {
  const dir = makeProject({}, { bundledContent: true });
  // One thread for every build, as the dev server keeps it.
  const renderer = new RenderThread();
  const page = () => {
    const articles = join(dir, "_site/ar/articles");
    return readFileSync(join(articles, readdirSync(articles).sort()[0]!, "index.html"), "utf8");
  };
  try {
    const output = join(dir, "_site");
    const options = { root: dir, output, pathPrefix: "/", search: false, cache: false as const, renderer };
    assert.ok((await buildSite(options)).ok);
    // The templates become the project's own, then edited: the thread's Eleventy has read them as they were.
    unlinkSync(join(dir, "_includes"));
    cpSync(join(REPO, "_includes"), join(dir, "_includes"), { recursive: true });
    const layout = join(dir, "_includes/layouts/article.njk");
    const good = readFileSync(layout, "utf8");
    writeFileSync(layout, good.replace("{%", "<!-- edited -->{%"));
    assert.ok((await buildSite(options)).ok);
    assert.match(page(), /<!-- edited -->/);
    const before = await files(output);
    writeFileSync(layout, good.replace("{%", "{% nosuchtag %}{%"));
    await assert.rejects(buildSite(options), /nosuchtag/);
    assert.deepEqual(await files(output), before);
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith("_site.")), [], "the fresh folder is removed");
    // Mended: the next build renders in a new thread.
    writeFileSync(layout, good.replace("{%", "<!-- mended -->{%"));
    assert.ok((await buildSite(options)).ok);
    assert.match(page(), /<!-- mended -->/);
    // Page data that cannot be copied (a function) is an error, and the thread renders on.
    await assert.rejects(renderer.render({ settings: () => 1 } as never, dir, { root: dir, pathPrefix: "/" }), /could not be sent to the render thread/);
    assert.ok((await buildSite(options)).ok);
    await renderer.close();
    await assert.rejects(renderer.render({} as never, dir, { root: dir, pathPrefix: "/" }), /closed/);
  } finally {
    await renderer.close();
    cleanup(dir);
  }
});
