/**
 * npm run import -- [--date YYYY-MM-DD] [--force] [--report] [--content DIR] FILE...
 *
 * Exit codes: 0 all files imported or already there; 1 at least one file could not be
 * imported (a content or file error). Files skipped because they were imported before
 * ("exists") do not count as failures, so re-running an import over the same folder
 * succeeds. 2 for usage errors (bad option, no files).
 */
import { parseArgs } from "node:util";
import { importFiles } from "../import/run.ts";
import { isCalendarDate } from "../import/parse.ts";
import { reportLines } from "../import/report.ts";

const USAGE = "usage: npm run import -- [--date YYYY-MM-DD] [--force] [--report] [--content DIR] FILE...";

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        date: { type: "string" },
        force: { type: "boolean", default: false },
        report: { type: "boolean", default: false },
        content: { type: "string", default: "./content" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    usageError((e as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(`${USAGE}\n  --date     publication date for files without a \`date\` line\n  --force    replace articles imported before\n  --report   list what was read from each dateline and every line removed, with its rule\n  --content  content folder (default ./content); articles go to DIR/ar/YYYY/MM/`);
    return;
  }
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    usageError(`--date "${values.date}" is not a real date in the form YYYY-MM-DD`);
  }
  if (positionals.length === 0) usageError("no files given");

  const result = await importFiles(positionals, {
    contentDir: values.content ?? "./content",
    force: values.force === true,
    ...(values.date !== undefined ? { date: values.date } : {}),
  });
  for (const r of result.imported) {
    console.log(`imported ${r.file} → ${r.out}${r.notice ? ` (${r.notice})` : ""}`);
    if (values.report) for (const line of reportLines(r)) console.log(`  ${line}`);
  }
  for (const s of result.skipped) (s.kind === "error" ? console.error : console.log)(`skipped ${s.reason}`);
  console.log(`${result.imported.length} imported, ${result.skipped.length} skipped, ${positionals.length} files`);
  if (result.skipped.some((s) => s.kind === "error")) process.exitCode = 1;
}

await main();
