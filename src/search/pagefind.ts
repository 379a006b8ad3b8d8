import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import type { SiteData } from "../archive/site.ts";
import { buildAnalysis, searchRecords, textPath, type SearchRecord } from "./records.ts";
import type { Story } from "../archive/stories.ts";

async function writePartition(records: SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const r of records) {
      const res = await index.addCustomRecord({ url: r.url, content: r.content, language: r.language, meta: r.meta, sort: r.sort });
      if (res.errors.length) throw new Error(`Pagefind refused ${r.url}: ${res.errors.join("; ")}`);
    }
    // The files come back in memory and are written here: Pagefind's own writeFiles
    // answers before its writes are flushed, and closing its process then cut files
    // short (seen: pagefind-ui.js truncated at 64 KB in 1 of 8 builds under load).
    const got = await index.getFiles();
    if (got.errors.length) throw new Error(`Pagefind could not build its index: ${got.errors.join("; ")}`);
    for (const f of got.files) {
      const file = join(outputPath, f.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, f.content);
    }
  } finally {
    // Ends Pagefind's process, so each partition's memory is returned before the next.
    await pagefind.close();
  }
}

/** Writes the Pagefind index partitions (pagefind/, pagefind-2/, …) into a fresh output directory. */
export async function writeSearchIndex(site: SiteData, outDir: string): Promise<{ records: number; partitions: number }> {
  // Stories go by the month of the original's date, like the partition plan (src/archive/site.ts);
  // one partition's records at a time, so the build never holds the whole archive's search text.
  const partOf = new Map<string, number>();
  site.searchPartitions.forEach((p, i) => p.months.forEach((m) => partOf.set(m, i)));
  const byPart: Story[][] = site.searchPartitions.map(() => []);
  let expected = 0;
  for (const s of site.stories) {
    expected += s.en ? 2 : 1;
    byPart[partOf.get(s.ar.date.day.slice(0, 7)) ?? -1]?.push(s);
  }
  const analysis = buildAnalysis(site);
  let written = 0;
  for (const [i, part] of site.searchPartitions.entries()) {
    const mine = searchRecords(site, byPart[i]!, analysis);
    written += mine.length;
    for (const r of mine) {
      const file = join(outDir, textPath(r.url));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(r.excerpt));
    }
    await writePartition(mine, join(outDir, part.dir));
  }
  if (written !== expected) throw new Error(`search index: ${expected - written} record(s) in no partition`);
  return { records: written, partitions: site.searchPartitions.length };
}
