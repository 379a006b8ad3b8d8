import type { Entity, NameRule } from "./entity.ts";
import { normalizeArabic } from "../arabic/normalize.ts";

/**
 * Country entities generated from ISO 3166-1 codes, named by the runtime's
 * Intl.DisplayNames (CLDR) in Arabic and English, so the bundled gazetteer
 * does not have to list ~250 countries by hand.
 */

/**
 * ISO 3166-1 alpha-2 codes (all 249 officially assigned) with the entity id
 * used for each. Ids are the English CLDR name slugified, frozen here (as of
 * ICU 78) so page URLs do not change when CLDR renames a country (it did:
 * Turkey → Türkiye); a few are tidied (hong-kong, not hong-kong-sar-china).
 */
const CODES_AND_IDS = `
AD:andorra AE:united-arab-emirates AF:afghanistan AG:antigua-and-barbuda AI:anguilla AL:albania
AM:armenia AO:angola AQ:antarctica AR:argentina AS:american-samoa AT:austria AU:australia AW:aruba
AX:aland-islands AZ:azerbaijan BA:bosnia-and-herzegovina BB:barbados BD:bangladesh BE:belgium
BF:burkina-faso BG:bulgaria BH:bahrain BI:burundi BJ:benin BL:st-barthelemy BM:bermuda BN:brunei
BO:bolivia BQ:caribbean-netherlands BR:brazil BS:bahamas BT:bhutan BV:bouvet-island BW:botswana
BY:belarus BZ:belize CA:canada CC:cocos-keeling-islands CD:congo-kinshasa
CF:central-african-republic CG:congo-brazzaville CH:switzerland CI:cote-d-ivoire CK:cook-islands
CL:chile CM:cameroon CN:china CO:colombia CR:costa-rica CU:cuba CV:cape-verde CW:curacao
CX:christmas-island CY:cyprus CZ:czechia DE:germany DJ:djibouti DK:denmark DM:dominica
DO:dominican-republic DZ:algeria EC:ecuador EE:estonia EG:egypt EH:western-sahara ER:eritrea
ES:spain ET:ethiopia FI:finland FJ:fiji FK:falkland-islands FM:micronesia FO:faroe-islands FR:france
GA:gabon GB:united-kingdom GD:grenada GE:georgia GF:french-guiana GG:guernsey GH:ghana GI:gibraltar
GL:greenland GM:gambia GN:guinea GP:guadeloupe GQ:equatorial-guinea GR:greece
GS:south-georgia-and-south-sandwich-islands GT:guatemala GU:guam GW:guinea-bissau GY:guyana
HK:hong-kong HM:heard-and-mcdonald-islands HN:honduras HR:croatia HT:haiti HU:hungary
ID:indonesia IE:ireland IL:israel IM:isle-of-man IN:india IO:british-indian-ocean-territory IQ:iraq
IR:iran IS:iceland IT:italy JE:jersey JM:jamaica JO:jordan JP:japan KE:kenya KG:kyrgyzstan
KH:cambodia KI:kiribati KM:comoros KN:st-kitts-and-nevis KP:north-korea KR:south-korea KW:kuwait
KY:cayman-islands KZ:kazakhstan LA:laos LB:lebanon LC:st-lucia LI:liechtenstein LK:sri-lanka
LR:liberia LS:lesotho LT:lithuania LU:luxembourg LV:latvia LY:libya MA:morocco MC:monaco MD:moldova
ME:montenegro MF:st-martin MG:madagascar MH:marshall-islands MK:north-macedonia ML:mali
MM:myanmar MN:mongolia MO:macao MP:northern-mariana-islands MQ:martinique
MR:mauritania MS:montserrat MT:malta MU:mauritius MV:maldives MW:malawi MX:mexico MY:malaysia
MZ:mozambique NA:namibia NC:new-caledonia NE:niger NF:norfolk-island NG:nigeria NI:nicaragua
NL:netherlands NO:norway NP:nepal NR:nauru NU:niue NZ:new-zealand OM:oman PA:panama PE:peru
PF:french-polynesia PG:papua-new-guinea PH:philippines PK:pakistan PL:poland
PM:st-pierre-and-miquelon PN:pitcairn-islands PR:puerto-rico PS:palestinian-territories PT:portugal
PW:palau PY:paraguay QA:qatar RE:reunion RO:romania RS:serbia RU:russia RW:rwanda SA:saudi-arabia
SB:solomon-islands SC:seychelles SD:sudan SE:sweden SG:singapore SH:st-helena SI:slovenia
SJ:svalbard-and-jan-mayen SK:slovakia SL:sierra-leone SM:san-marino SN:senegal SO:somalia
SR:suriname SS:south-sudan ST:sao-tome-and-principe SV:el-salvador SX:sint-maarten SY:syria
SZ:eswatini TC:turks-and-caicos-islands TD:chad TF:french-southern-territories TG:togo TH:thailand
TJ:tajikistan TK:tokelau TL:timor-leste TM:turkmenistan TN:tunisia TO:tonga TR:turkiye
TT:trinidad-and-tobago TV:tuvalu TW:taiwan TZ:tanzania UA:ukraine UG:uganda UM:us-outlying-islands
US:united-states UY:uruguay UZ:uzbekistan VA:vatican-city VC:st-vincent-and-grenadines VE:venezuela
VG:british-virgin-islands VI:us-virgin-islands VN:vietnam VU:vanuatu WF:wallis-and-futuna WS:samoa
YE:yemen YT:mayotte ZA:south-africa ZM:zambia ZW:zimbabwe`;

export const COUNTRY_IDS: ReadonlyMap<string, string> = new Map(
  CODES_AND_IDS.trim()
    .split(/\s+/)
    .map((pair) => pair.split(":") as [string, string]),
);

export const COUNTRY_CODES: readonly string[] = [...COUNTRY_IDS.keys()];

export function isCountryCode(code: string): boolean {
  return COUNTRY_IDS.has(code);
}

/**
 * Country names that are also common Arabic words or other places. They stay
 * on the entity (shown on its page) but are never matched automatically; the
 * `safe` forms are matched instead. Checked by tagging the SaudiNewsNet sample
 * (shared/corpus/articles, 1,526 articles) with every CLDR Arabic name and
 * reading the hits; the counts below are from that sample.
 */
export const AMBIGUOUS_COUNTRY_NAMES: Readonly<Record<string, { names: string[]; why: string; safe: string[]; after?: string[] }>> = {
  // 40 hits, about half the adjective: مبلغ مالي, عجز مالي, محلل مالي, ومالي.
  // An adjective follows its noun, so right after a preposition or a word
  // for a part of a country (في مالي, وسط مالي) it is the country.
  ML: {
    names: ["مالي"],
    why: "مالي is also the adjective 'financial'",
    safe: ["جمهورية مالي", "دولة مالي"],
    after: ["في", "إلى", "وسط", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "عاصمة", "حكومة", "رئيس", "جيش"],
  },
  // 73 hits, about a third Amman: «عكاظ (بغداد، عمان)», العاصمة الأردنية عمان.
  OM: { names: ["عُمان"], why: "written without the damma it is عمان = Amman, capital of Jordan", safe: ["سلطنة عمان"] },
  // No hit in the sample, but بنين is the everyday plural 'sons/boys' (مدارس بنين).
  BJ: { names: ["بنين"], why: "بنين is the common word 'sons/boys'", safe: ["جمهورية بنين"] },
};

/**
 * Extra Arabic spellings for generated countries (matched too), and phrases
 * in which a name does NOT mean the country (`notIn`: matched and dropped,
 * see Entity.notIn). CLDR's display names include forms that never occur in
 * prose ("ميانمار (بورما)", "الكونغو - كينشاسا") and lack common ones
 * (بريطانيا, سورية). Deliberately NOT added: السعودية and similar nisba forms,
 * which are far more often adjectives ("الحكومة السعودية") than the country.
 */
export const COUNTRY_EXTRAS: Readonly<Record<string, { ar?: string[]; en?: string[]; notIn?: string[]; rules?: NameRule[] }>> = {
  AE: { ar: ["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة"], en: ["UAE"] },
  AF: { ar: ["جمهورية أفغانستان الإسلامية"] },
  // «على البحرين الأحمر والمتوسط»: the two seas.
  BH: { ar: ["مملكة البحرين"], notIn: ["البحرين الأحمر", "البحرين الأبيض"] },
  CN: { ar: ["جمهورية الصين الشعبية", "الصين الشعبية"] },
  DZ: { ar: ["الجمهورية الجزائرية", "الجمهورية الجزائرية الديمقراطية الشعبية"] },
  EG: { ar: ["جمهورية مصر العربية"] },
  FR: { ar: ["الجمهورية الفرنسية"] },
  IR: { ar: ["الجمهورية الإسلامية الإيرانية", "جمهورية إيران الإسلامية", "الجمهورية الإسلامية في إيران"] },
  JO: { ar: ["المملكة الأردنية الهاشمية", "المملكة الأردنية"] },
  KW: { ar: ["دولة الكويت"] },
  LB: { ar: ["الجمهورية اللبنانية"] },
  LY: { ar: ["دولة ليبيا"] },
  MR: { ar: ["الجمهورية الإسلامية الموريتانية"] },
  PK: { ar: ["جمهورية باكستان الإسلامية"] },
  QA: { ar: ["دولة قطر"] },
  // CLDR has only the long form. السعودية alone is far more often an adjective
  // (الحكومة السعودية) than the country; as a noun it does not follow a
  // definite word (في السعودية, زار السعودية, السعودية تدين).
  SA: { ar: ["السعودية", "العربية السعودية", "المملكة السعودية"], en: ["Saudi Arabia"], rules: [{ name: "السعودية", noun: true }] },
  SD: { ar: ["جمهورية السودان"] },
  TN: { ar: ["الجمهورية التونسية"] },
  // English exonyms too: a reader searches for Turkey, not Türkiye.
  TR: { ar: ["الجمهورية التركية", "جمهورية تركيا"], en: ["Turkey"] },
  // The vowelled spelling lets a text's own harakat rule Yemen out: «باليُمنِ والبركات» (good fortune).
  YE: { ar: ["اليَمَن", "الجمهورية اليمنية"] },
  BY: { ar: ["روسيا البيضاء"] },
  CD: { ar: ["جمهورية الكونغو الديمقراطية", "الكونغو الديمقراطية"], en: ["Democratic Republic of the Congo"] },
  CG: { ar: ["جمهورية الكونغو", "الكونغو برازافيل"], en: ["Republic of the Congo"] },
  CI: { ar: ["كوت ديفوار"], en: ["Ivory Coast"] },
  // 6 of 14 hits were Columbia University or British Columbia.
  CO: { notIn: ["جامعة كولومبيا", "كولومبيا البريطانية"] },
  // 5 of 8 hits were the football cup.
  CU: { notIn: ["كوبا أمريكا", "كوبا أميركا"] },
  CZ: { ar: ["جمهورية التشيك"], en: ["Czech Republic"] },
  DK: { ar: ["الدنمارك"] },
  GB: { ar: ["بريطانيا", "بريطانيا العظمى"], en: ["Britain", "UK"] },
  GE: { notIn: ["ولاية جورجيا"] },
  HK: { ar: ["هونغ كونغ", "هونج كونج"], en: ["Hong Kong"] },
  JE: { notIn: ["نيو جيرسي"] },
  // 8 of 48 hits were the sunset prayer or the Maghreb region.
  MA: { ar: ["المملكة المغربية"], notIn: ["صلاة المغرب", "أذان المغرب", "وقت المغرب", "المغرب والعشاء", "المغرب العربي", "بلاد المغرب", "دول المغرب"] },
  MM: { ar: ["ميانمار", "بورما"], en: ["Myanmar", "Burma"] },
  MO: { ar: ["ماكاو"], en: ["Macao", "Macau"] },
  PS: { ar: ["فلسطين", "دولة فلسطين"], en: ["Palestine"] },
  SY: { ar: ["سورية", "الجمهورية العربية السورية"] },
  RU: { ar: ["روسيا الاتحادية", "الاتحاد الروسي"] },
  SZ: { ar: ["سوازيلاند"], en: ["Swaziland"] },
  TL: { ar: ["تيمور الشرقية"], en: ["East Timor"] },
  US: {
    ar: ["الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"],
    en: ["USA", "United States of America", "America"],
    notIn: ["أمريكا اللاتينية", "أميركا اللاتينية", "أمريكا الجنوبية", "أميركا الجنوبية", "أمريكا الشمالية", "أميركا الشمالية", "أمريكا الوسطى", "أميركا الوسطى"],
  },
};

/** ISO code → Arabic and English names (CLDR), or undefined for an unknown code. */
let displayNames: { ar: Intl.DisplayNames; en: Intl.DisplayNames } | undefined;

export function countryNames(code: string): { ar: string; en: string } | undefined {
  if (!COUNTRY_IDS.has(code)) return undefined;
  displayNames ??= {
    ar: new Intl.DisplayNames(["ar"], { type: "region", fallback: "none" }),
    en: new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }),
  };
  const ar = displayNames.ar.of(code);
  const en = displayNames.en.of(code);
  // A Node.js built without full ICU answers in English: no Arabic names.
  if (!ar || !en || !/[\u0600-\u06FF]/.test(ar)) return undefined;
  return { ar, en };
}

/**
 * The generated entity for an ISO code. Throws on an unknown code (validate
 * first) or when the runtime has no Arabic CLDR data.
 */
export function countryEntity(code: string): Entity {
  const id = COUNTRY_IDS.get(code);
  const names = countryNames(code);
  if (!id) throw new Error(`unknown country code ${code}`);
  if (!names) throw new Error(`no Arabic/English CLDR names for ${code}: this Node.js lacks full ICU data`);
  const extra = COUNTRY_EXTRAS[code];
  const amb = AMBIGUOUS_COUNTRY_NAMES[code];
  const e: Entity = {
    id,
    type: "place",
    names: { ar: [names.ar, ...(extra?.ar ?? []), ...(amb?.safe ?? [])], en: [names.en, ...(extra?.en ?? [])] },
    country: code,
  };
  if (amb?.after) e.rules = amb.names.map((name) => ({ name, after: amb.after!.map(normalizeArabic) }));
  else if (amb) e.unmatched = [...amb.names];
  if (extra?.rules) e.rules = [...(e.rules ?? []), ...extra.rules];
  if (extra?.notIn) e.notIn = [...extra.notIn];
  const vowelled = e.names.ar.filter((n) => /[\u064B-\u0652]/.test(n));
  if (vowelled.length) e.vowelled = vowelled;
  return e;
}

/**
 * The relative adjectives (nisba) of a one-word country name, normalised:
 * المغرب → المغربي, المغربيه; روسيا → الروسي, الروسيه; السعودية → السعودي,
 * السعوديه. Regular derivation only (أفغانستان gives الافغانستاني, not
 * الأفغاني): it is used to see that «وزارة الداخلية المغربية» is another
 * country's ministry, where a miss only loses that rule.
 */
export function nisbaForms(name: string): string[] {
  const n = normalizeArabic(name).trim();
  if (!n || n.includes(" ")) return [];
  let stem = n.startsWith("ال") ? n.slice(2) : n;
  if (stem.endsWith("يه")) stem = stem.slice(0, -1);
  else if (stem.endsWith("يا")) stem = stem.slice(0, -2);
  else if (stem.endsWith("ا") || stem.endsWith("ه")) stem = stem.slice(0, -1);
  if (stem.length < 2) return [];
  const masc = "ال" + (stem.endsWith("ي") ? stem : stem + "ي");
  return [masc, masc + "ه"];
}
