import assert from "node:assert/strict";
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

/**
 * RFC 4180 rows, written for the tests (not the exporter's code): quoted
 * fields, doubled quotes, CRLF rows, no bare LF outside quotes, a final CRLF.
 * A leading byte-order mark is skipped (and required with `bom`).
 */
export function parseCsv(text: string, opts: { bom?: boolean } = {}): string[][] {
  if (opts.bom) assert.ok(text.startsWith("\uFEFF"), "UTF-8 byte-order mark");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ""), i++;
    } else {
      assert.notEqual(c, "\n", "a bare LF outside quotes");
      cell += c;
    }
  }
  assert.equal(cell + row.join(""), "", "the file ends with CRLF");
  return rows;
}
