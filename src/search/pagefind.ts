import { join } from "node:path";
import * as pagefind from "pagefind";
import type { SiteData } from "../archive/site.ts";
import { searchRecords } from "./records.ts";

/** Writes the Pagefind index into `<outDir>/pagefind/` (a fresh directory each build). */
export async function writeSearchIndex(site: SiteData, outDir: string): Promise<{ records: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const records = searchRecords(site);
    for (const r of records) {
      const res = await index.addCustomRecord(r);
      if (res.errors.length) throw new Error(`Pagefind refused ${r.url}: ${res.errors.join("; ")}`);
    }
    const w = await index.writeFiles({ outputPath: join(outDir, "pagefind") });
    if (w.errors.length) throw new Error(`Pagefind could not write its index: ${w.errors.join("; ")}`);
    return { records: records.length };
  } finally {
    await pagefind.close();
  }
}
