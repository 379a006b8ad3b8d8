import { pageBase } from "./page.ts";
import { otherLang, type Lang } from "../i18n/lang.ts";
import { routes } from "./routes.ts";
import { t } from "../i18n/strings.ts";
import { plural } from "../i18n/plural.ts";
import { describeDataFiles, type ExportSource } from "../export/data.ts";
import type { Link, PageBase } from "./types.ts";

export interface DataFileRow extends Link {
  description: string;
  /** "12.4 KB" */
  size: string;
  /** "300 records" through the plural rules; none for the package descriptor. */
  records?: string;
}

export interface DataPage extends PageBase {
  intro: string;
  /** What the files hold (and do not). */
  holds: string;
  license?: Link;
  licenseLabel: string;
  /** Made when the template reads it: sizes come from the export itself. */
  files: DataFileRow[];
}

const FILES: Record<string, { ar: string; en: string }> = {
  [routes.dataFile("articles.csv")]: { ar: "المقالات، سطر لكل مقال (CSV، يفتح في جداول البيانات)", en: "Articles, one row each (CSV, opens in a spreadsheet)" },
  [routes.dataFile("articles.json")]: { ar: "المقالات (JSON)", en: "Articles (JSON)" },
  [routes.dataFile("entities.csv")]: { ar: "الأشخاص والجهات والأماكن مع عدد أخبار كل منها وتاريخ أول ذكر وآخره (CSV)", en: "People, organisations and places, with their article counts and first and latest dates (CSV)" },
  [routes.dataFile("entities.json")]: { ar: "الأشخاص والجهات والأماكن (JSON)", en: "People, organisations and places (JSON)" },
  [routes.dataFile("related.json")]: { ar: "أزواج الأخبار التي تشترك في نصها: نوع العلاقة (النص نفسه، نسخة محدثة، فقرات مشتركة) والفقرات المتطابقة", en: "Pairs of articles sharing text: the relation (same text, update, shared passages) and the matched paragraphs" },
  [routes.dataFile("datapackage.json")]: { ar: "وصف الملفات وحقولها بصيغة Frictionless Data Package", en: "Description of the files and their fields (Frictionless Data Package)" },
};

const HOLDS: Record<Lang, string> = {
  ar: "تضم الملفات بيانات وصفية عن الأخبار: العنوان والتاريخ والوسيلة الناشرة والمكان والأسماء الواردة ورابط الصفحة والأصل، لا نص الأخبار نفسه.",
  en: "The files hold metadata about the articles: headline, date, outlet, place, the names found in them and links to the page and the original; not the articles' text.",
};

function size(bytes: number, lang: Lang, digits: ExportSource["settings"]["digits"]): string {
  const [n, unit] = bytes < 1024 ? [bytes, lang === "ar" ? "بايت" : "B"] : bytes < 1024 * 1024 ? [bytes / 1024, lang === "ar" ? "ك.ب" : "KB"] : [bytes / 1024 / 1024, lang === "ar" ? "م.ب" : "MB"];
  const value = new Intl.NumberFormat(lang === "ar" ? `ar-u-nu-${digits}` : "en", { maximumFractionDigits: bytes < 1024 ? 0 : 1 }).format(n);
  return `${value} ${unit}`;
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
    ...(license ? { license: { url: license.url ?? "", label: license.name } } : {}),
  } as DataPage;
  // The export is made again when the files are written; only sizes and counts are kept here.
  let files: DataFileRow[] | undefined;
  Object.defineProperty(page, "files", {
    enumerable: true,
    get: () =>
      (files ??= describeDataFiles(source).map((f) => ({
        url: f.path,
        label: f.path.split("/").pop()!,
        description: FILES[f.path]?.[lang] ?? "",
        size: size(f.bytes, lang, digits),
        ...(f.records === undefined ? {} : { records: plural("records", f.records, lang, digits) }),
      }))),
  });
  return page;
}
