import { join } from "node:path";
import * as pagefind from "pagefind";
import type { SiteData } from "../archive/site.ts";
import { searchRecords, type SearchRecord } from "./records.ts";

async function writePartition(records: SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const r of records) {
      const res = await index.addCustomRecord(r);
      if (res.errors.length) throw new Error(`Pagefind refused ${r.url}: ${res.errors.join("; ")}`);
    }
    const w = await index.writeFiles({ outputPath });
    if (w.errors.length) throw new Error(`Pagefind could not write its index: ${w.errors.join("; ")}`);
  } finally {
    // Ends Pagefind's process, so each partition's memory is returned before the next.
    await pagefind.close();
  }
}

/** Writes the Pagefind index partitions (pagefind/, pagefind-2/, …) into a fresh output directory. */
export async function writeSearchIndex(site: SiteData, outDir: string): Promise<{ records: number; partitions: number }> {
  const records = searchRecords(site);
  for (const part of site.searchPartitions) {
    const years = new Set(part.years);
    await writePartition(records.filter((r) => years.has(r.year)), join(outDir, part.dir));
  }
  return { records: records.length, partitions: site.searchPartitions.length };
}
