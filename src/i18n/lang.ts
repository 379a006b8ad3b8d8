/** The site's two languages, and what each implies for layout. */
export type Lang = "ar" | "en";
export const LANGS: readonly Lang[] = ["ar", "en"];

export function dirOf(lang: Lang): "rtl" | "ltr" {
  return lang === "ar" ? "rtl" : "ltr";
}

/** The language a page's switcher and alternates point to. */
export function otherLang(lang: Lang): Lang {
  return lang === "ar" ? "en" : "ar";
}
