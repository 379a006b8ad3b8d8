import { parseDocument, isMap } from "yaml";
import { ContentError } from "./errors.ts";

export interface Split {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts, for error messages. */
  bodyLine: number;
  /** Line of each top-level key, for error messages. */
  lines: Record<string, number>;
}

/**
 * Splits `---\nYAML\n---\nbody`. YAML 1.2 core schema: dates stay strings,
 * `no`/`yes` stay strings, so nothing is silently reinterpreted.
 */
export function splitFrontMatter(text: string, file: string): Split {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const m = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(src);
  if (!m) {
    throw new ContentError(file, "no front matter", {
      line: 1,
      hint: "start the file with a line `---`, the fields (id, title, date…), and another `---` line",
    });
  }
  const yamlText = m[1] ?? "";
  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line;
    throw new ContentError(file, `front matter is not valid YAML: ${err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`, {
      ...(line !== undefined ? { line: line + 1 } : {}),
      hint: "fix the YAML (quote values containing `: ` or starting with a symbol; one field per line)",
    });
  }
  const lines: Record<string, number> = {};
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new ContentError(file, "front matter must be a list of `field: value` lines", {
      line: 2,
      hint: "write one `field: value` per line between the --- lines",
    });
  }
  if (isMap(doc.contents)) {
    const lc = (offset: number) => yamlText.slice(0, offset).split("\n").length + 1;
    for (const item of doc.contents.items) {
      const key = (item.key as { value?: unknown; range?: [number, number, number] } | null);
      if (key && typeof key.value === "string" && key.range) lines[key.value] = lc(key.range[0]);
    }
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const bodyStart = m[0].length;
  return {
    data,
    body: src.slice(bodyStart),
    bodyLine: src.slice(0, bodyStart).split("\n").length,
    lines,
  };
}
