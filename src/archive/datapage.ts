import { pageBase } from "./page.ts";
import type { Lang } from "../i18n/lang.ts";
import { t } from "../i18n/strings.ts";
import type { Link, PageBase } from "./types.ts";

export interface DataPage extends PageBase {
  intro: string;
  files: (Link & { description: string })[];
}

const FILES: { path: string; ar: string; en: string }[] = [
  { path: "/data/articles.csv", ar: "المقالات (CSV، يفتح في جداول البيانات)", en: "Articles (CSV, opens in a spreadsheet)" },
  { path: "/data/articles.json", ar: "المقالات (JSON)", en: "Articles (JSON)" },
  { path: "/data/entities.csv", ar: "الأشخاص والجهات والأماكن (CSV)", en: "People, organisations and places (CSV)" },
  { path: "/data/entities.json", ar: "الأشخاص والجهات والأماكن (JSON)", en: "People, organisations and places (JSON)" },
  { path: "/data/datapackage.json", ar: "وصف الحزمة بصيغة Frictionless Data Package", en: "Frictionless Data Package descriptor" },
];

export function buildDataPage(lang: Lang): DataPage {
  const other: Lang = lang === "ar" ? "en" : "ar";
  const url = `/${lang}/data/`;
  return {
    ...pageBase({
      kind: "data",
      lang,
      url,
      heading: t(lang, "data"),
      otherUrl: `/${other}/data/`,
      description: t(lang, "dataIntro"),
      breadcrumbs: [{ url: `/${lang}/`, label: t(lang, "home") }],
    }),
    intro: t(lang, "dataIntro"),
    files: FILES.map((f) => ({ url: f.path, label: f.path.split("/").pop()!, description: f[lang] })),
  };
}
