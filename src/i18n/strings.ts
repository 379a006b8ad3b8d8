import type { Lang } from "../site/settings.ts";

/** Every interface string, in both languages, in one place. */
export const STRINGS = {
  skipToContent: { ar: "انتقل إلى المحتوى", en: "Skip to content" },
  home: { ar: "الرئيسية", en: "Home" },
  dates: { ar: "الأرشيف حسب التاريخ", en: "Archive by date" },
  entities: { ar: "الأشخاص والجهات والأماكن", en: "People, organisations and places" },
  search: { ar: "البحث", en: "Search" },
  latest: { ar: "أحدث الأخبار", en: "Latest news" },
  browse: { ar: "تصفح الأرشيف", en: "Browse the archive" },
  mainNav: { ar: "القائمة الرئيسية", en: "Main menu" },
  otherLanguage: { ar: "English", en: "العربية" },
  otherLanguageLabel: { ar: "اقرأ هذه الصفحة بالإنجليزية", en: "Read this page in Arabic" },
  chooseLanguage: { ar: "اختر اللغة", en: "Choose a language" },
  original: { ar: "المصدر الأصلي", en: "Original source" },
  originalArabic: { ar: "النص العربي الأصلي", en: "Original Arabic text" },
  translation: { ar: "الترجمة الإنجليزية", en: "English translation" },
  noTranslation: { ar: "لا توجد ترجمة إنجليزية لهذا الخبر بعد", en: "This article has not been translated yet" },
  translatedFrom: { ar: "مترجم عن العربية", en: "Translated from Arabic" },
  gregorian: { ar: "التاريخ الميلادي", en: "Gregorian date" },
  hijri: { ar: "التاريخ الهجري", en: "Hijri date" },
  published: { ar: "تاريخ النشر", en: "Published" },
  years: { ar: "السنوات", en: "Years" },
  months: { ar: "الأشهر", en: "Months" },
  days: { ar: "الأيام", en: "Days" },
  previous: { ar: "السابق", en: "Previous" },
  next: { ar: "التالي", en: "Next" },
  previousPeriod: { ar: "الفترة السابقة", en: "Earlier period" },
  nextPeriod: { ar: "الفترة التالية", en: "Later period" },
  pagination: { ar: "الصفحات", en: "Pages" },
  page: { ar: "صفحة", en: "Page" },
  periodNav: { ar: "التنقل بين الفترات", en: "Period navigation" },
  breadcrumb: { ar: "مسار التنقل", en: "Breadcrumb" },
  person: { ar: "أشخاص", en: "People" },
  organization: { ar: "منظمات وجهات", en: "Organisations" },
  place: { ar: "أماكن", en: "Places" },
  inThisArticle: { ar: "في هذا الخبر", en: "In this article" },
  allEntities: { ar: "كل الأسماء", en: "All names" },
  notFoundTitle: { ar: "الصفحة غير موجودة", en: "Page not found" },
  notFoundText: { ar: "لم نجد هذه الصفحة. جرّب البحث أو تصفح الأرشيف.", en: "We could not find this page. Try searching or browsing the archive." },
  titleDerivedNote: { ar: "عنوان مستخرج آليًا من مطلع الخبر", en: "Headline derived automatically from the lead" },
  footer: { ar: "أرشيف ثابت ثنائي اللغة", en: "A static bilingual archive" },
  related: { ar: "تغطيات ذات صلة", en: "Related coverage" },
  data: { ar: "البيانات", en: "Data" },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}
