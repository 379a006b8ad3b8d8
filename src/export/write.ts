import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SiteData } from "../archive/site.ts";
import { dataFiles } from "./data.ts";

export function writeDataFiles(site: SiteData, outDir: string): number {
  const files = dataFiles(site);
  for (const [path, body] of Object.entries(files)) {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, body);
  }
  return Object.keys(files).length;
}
