import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The records of a data set split by year (/data/articles/YYYY.json,
 * /data/related/YYYY.json), all parts read and joined, oldest year first.
 */
export function readDataParts<T = unknown>(site: string, set: "articles" | "related"): T[] {
  const dir = join(site, "data", set);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as T[]);
}

/** The year parts' CSV text, each with its header (the files as published). */
export function readCsvParts(site: string, set: "articles"): string[] {
  const dir = join(site, "data", set);
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.csv$/.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}
