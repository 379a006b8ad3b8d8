import { pageBase } from "./page.ts";
import { otherLang, type Lang } from "../i18n/lang.ts";
import { routes } from "./routes.ts";
import { t } from "../i18n/strings.ts";
import { plural } from "../i18n/plural.ts";
import { describeDataFiles, type DataFileInfo, type DataSet, type ExportSource } from "../export/data.ts";
import type { Link, PageBase } from "./types.ts";

/** A downloadable file: its name as the link text, and its size ("12.4 KB"). */
export interface DataFileLink extends Link {
  size: string;
}

/** A row of a group's table: a year's files, or one kind of file. */
export interface DataFileRow {
  /** The year ("2025", in the page's digits), or what the row's files are. */
  label: string;
  files: DataFileLink[];
  /** "300 records" through the plural rules; none for the descriptor and the schema. */
  records?: string;
}

/** The files of one set (articles, related pairs, entities, the package description). */
export interface DataGroup {
  id: DataSet;
  heading: string;
  description: string;
  /** Heading of the rows' first column ("Year" for the sets split by year). */
  rowHeading: string;
  rows: DataFileRow[];
}

export interface DataPage extends PageBase {
  intro: string;
  /** What the files hold (and do not). */
  holds: string;
  license?: Link;
  licenseLabel: string;
  /** Column headings of the groups' tables. */
  columns: { files: string; records: string };
  /** Made when the template reads it: sizes and counts come from the export itself. */
  groups: DataGroup[];
}

type Words = Record<Lang, string>;

const GROUPS: Record<DataSet, { heading: Words; description: Words }> = {
  articles: {
    heading: { ar: "المقالات", en: "Articles" },
    description: {
      ar: "سطر لكل نسخة من الخبر (الأصل العربي وترجمته)، في ملف لكل سنة بحسب تاريخ الخبر العربي؛ ملفات CSV تفتح في جداول البيانات. ملفات السنوات الماضية لا تتغير حين تضاف أخبار جديدة.",
      en: "One row per version of a story (the Arabic original and its translation), in one file per year of the Arabic date; the CSV files open in a spreadsheet. Past years' files stay the same as new articles are added.",
    },
  },
  related: {
    heading: { ar: "الأخبار المترابطة", en: "Related articles" },
    description: {
      ar: "أزواج الأخبار التي تشترك في نصها: نوع العلاقة (النص نفسه، نسخة محدثة، فقرات مشتركة) والفقرات المتطابقة؛ كل زوج في ملف سنة الخبر الأحدث منهما.",
      en: "Pairs of articles sharing text: the relation (same text, update, shared passages) and the matched paragraphs; each pair in the file of the year of its later article.",
    },
  },
  entities: {
    heading: { ar: "الأسماء", en: "Names" },
    description: {
      ar: "الأشخاص والجهات والأماكن مع عدد أخبار كل منها وتاريخ أول ذكر وآخره.",
      en: "People, organisations and places, with their article counts and first and latest dates.",
    },
  },
  package: {
    heading: { ar: "وصف البيانات", en: "Description of the data" },
    description: {
      ar: "وصف الملفات وحقولها بصيغة Frictionless Data Package، تقرؤه أدوات تحليل البيانات.",
      en: "The files and their fields described as a Frictionless Data Package, which data tools can read.",
    },
  },
};

/** Row labels of the files that are not split by year. */
const ROWS: Record<string, Words> = {
  [routes.dataFile("entities.csv")]: { ar: "الكل", en: "All" },
  [routes.dataFile("datapackage.json")]: { ar: "وصف الحزمة", en: "Package descriptor" },
  [routes.dataFile("schemas", "articles.json")]: { ar: "حقول ملفات المقالات", en: "Fields of the article files" },
};

const WORDS = {
  year: { ar: "السنة", en: "Year" },
  files: { ar: "الملفات", en: "Files" },
  contents: { ar: "المحتوى", en: "Contents" },
} satisfies Record<string, Words>;

const HOLDS: Words = {
  ar: "تضم الملفات بيانات وصفية عن الأخبار: العنوان والتاريخ والوسيلة الناشرة والمكان والأسماء الواردة ورابط الصفحة والأصل، لا نص الأخبار نفسه.",
  en: "The files hold metadata about the articles: headline, date, outlet, place, the names found in them and links to the page and the original; not the articles' text.",
};

type Digits = ExportSource["settings"]["digits"];

function size(bytes: number, lang: Lang, digits: Digits): string {
  const [n, unit] = bytes < 1024 ? [bytes, lang === "ar" ? "بايت" : "B"] : bytes < 1024 * 1024 ? [bytes / 1024, lang === "ar" ? "ك.ب" : "KB"] : [bytes / 1024 / 1024, lang === "ar" ? "م.ب" : "MB"];
  const value = new Intl.NumberFormat(lang === "ar" ? `ar-u-nu-${digits}` : "en", { maximumFractionDigits: bytes < 1024 ? 0 : 1 }).format(n);
  return `${value} ${unit}`;
}

/**
 * The export's files as the page shows them: a table per set, a row per year
 * (newest first) for the sets split by year, else a row per kind of file;
 * the CSV and JSON versions of the same records share a row.
 */
export function dataGroups(described: DataFileInfo[], lang: Lang, digits: Digits): DataGroup[] {
  const year = (y: string) => new Intl.NumberFormat(lang === "ar" ? `ar-u-nu-${digits}` : "en", { useGrouping: false }).format(Number(y));
  const link = (f: DataFileInfo): DataFileLink => ({ url: f.path, label: f.path.split("/").pop()!, size: size(f.bytes, lang, digits) });
  const groups: DataGroup[] = [];
  for (const id of Object.keys(GROUPS) as DataSet[]) {
    const files = described.filter((f) => f.set === id);
    if (!files.length) continue;
    const byYear = files.some((f) => f.year !== undefined);
    // One row per year, or per row label (a file without its own label joins the row before: entities.json after entities.csv).
    const rows: DataFileRow[] = [];
    const rowOf = new Map<string, DataFileRow>();
    let last: DataFileRow | undefined;
    for (const f of byYear ? [...files].sort((a, b) => Number(b.year) - Number(a.year)) : files) {
      const label = byYear ? year(f.year!) : ROWS[f.path]?.[lang];
      let row = label === undefined ? last : rowOf.get(label);
      if (!row) {
        row = { label: label ?? "", files: [], ...(f.records === undefined ? {} : { records: plural("records", f.records, lang, digits) }) };
        rows.push(row);
        if (label !== undefined) rowOf.set(label, row);
      }
      row.files.push(link(f));
      last = row;
    }
    groups.push({ id, heading: GROUPS[id].heading[lang], description: GROUPS[id].description[lang], rowHeading: byYear ? WORDS.year[lang] : WORDS.contents[lang], rows });
  }
  return groups;
}

export function buildDataPage(lang: Lang, source: ExportSource): DataPage {
  const url = routes.data(lang);
  const { license, digits } = source.settings;
  const page = {
    ...pageBase({
      kind: "data",
      lang,
      url,
      heading: t(lang, "data"),
      otherUrl: routes.data(otherLang(lang)),
      description: t(lang, "dataIntro"),
      breadcrumbs: [{ url: routes.home(lang), label: t(lang, "home") }],
    }),
    intro: t(lang, "dataIntro"),
    holds: HOLDS[lang],
    licenseLabel: t(lang, "licence"),
    columns: { files: WORDS.files[lang], records: t(lang, "records") },
    ...(license ? { license: { url: license.url ?? "", label: license.name } } : {}),
  } as DataPage;
  // The export is made once per page model (src/export/data.ts) and shared with the step that writes the files.
  let groups: DataGroup[] | undefined;
  Object.defineProperty(page, "groups", {
    enumerable: true,
    get: () => (groups ??= dataGroups(describeDataFiles(source), lang, digits)),
  });
  return page;
}
