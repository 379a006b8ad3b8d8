/**
 * The query set of the independent search evaluation (scripts/eval-search.ts).
 *
 * Written by reading the corpus (../shared/corpus/articles) as a reader would,
 * before either search system was run on it, and without reading src/search,
 * src/arabic or the recall suite's stems. Each query has a truth rule: a
 * regular expression over the article's normalised headline + dateline + body
 * (./normalize.ts) that says which written words a reader would accept as what
 * they asked. Conventions (see docs/search.md "Measured by reader judgement"):
 *
 * - a query word stands for its word (lemma): every inflection counts — proclitics,
 *   article, case ending, dual, sound and broken plural, gender of a noun or
 *   adjective for people, attached pronouns; a derived word does not — the nisba
 *   adjective (حكومي for حكومة), another noun of the same root (مؤسس for مؤسسة);
 * - a half-typed word matches any word that begins with what was typed (after
 *   proclitics; a typed ال is the article, so أعمال counts for الأع);
 * - a quoted phrase: its words side by side, proclitics only on the first;
 * - a name of several words is one unit (عبد العزيز written apart or joined);
 * - an English query is answered by the Arabic articles that name the place or person;
 * - a word that occurs in no article has an empty truth: its rule is still written
 *   (with its usual spellings) and checked to match nothing.
 *
 * This file is fixed once committed: a rule that reading the results shows to be
 * wrong is kept, and the dispute is recorded in docs/search.md.
 */
import { ART, B, E, FEM, MASC, NOART, PRE, PRE_NO_K, PRON, any, phrase, prefix, word } from "./rules.ts";

export type ClassId =
  | "ta"
  | "ya"
  | "hamza"
  | "proclitic"
  | "inflection"
  | "pronoun"
  | "broken"
  | "typing"
  | "diacritics"
  | "phrase"
  | "names"
  | "foreign"
  | "absent"
  | "collision"
  | "english";

export const CLASSES: Record<ClassId, string> = {
  ta: "ة/ه",
  ya: "ى/ي",
  hamza: "hamza seats (ء ؤ ئ, ي و)",
  proclitic: "proclitics (و ف ب ل ك ال لل)",
  inflection: "sound plural, dual, feminine",
  pronoun: "attached pronouns",
  broken: "broken plurals",
  typing: "half-typed words (typed, not submitted)",
  diacritics: "diacritics in the query",
  phrase: "quoted phrases",
  names: "names with ال, عبد, آل",
  foreign: "foreign names and spelling variants",
  absent: "words in no article",
  collision: "common words that collide with names",
  english: "English query → Arabic articles",
};

export interface EvalQuery {
  cls: ClassId;
  /** What the reader types, as typed. */
  q: string;
  /** Truth rule source (compiled with the u flag) over normalised text. */
  rule: string;
  /** Why the rule is what it is, where it is not obvious. */
  note?: string;
}

const Q = (cls: ClassId, q: string, rule: string, note?: string): EvalQuery => ({ cls, q, rule, ...(note ? { note } : {}) });

// Rules shared by several queries (the same word asked in different ways).
const GOVERNMENT = word(PRE, `حكوم${FEM}`);
const KINGDOM = word(PRE, `مملك${FEM}`);
const AIRCRAFT = word(PRE, `طا[ءي]ر${FEM}`);
const MINISTER = word(PRE, `وزير${MASC}|وزيره|وزيرت${PRON}|وزراء${PRON}?`);
const RIYADH = word(ART, "رياض");
const SPORT = word(PRE, `رياض${FEM}`);
const ABDULAZIZ = word(NOART, "عبد ?العزيز");
const GOOGLE = word(PRE, "جوجل|غوغل|قوقل|جوغل|غوجل|كوكل");
const DE_MISTURA = word(NOART, "دي ?ميستورا");
const HOUTHI = word(PRE, "حوثي(?:ين|ون|ه)?");
const IRAQ = word(ART, "عراق");
const EGYPT = word(NOART, "مصر");

export const QUERIES: EvalQuery[] = [
  // ة typed as ه (and as ة): the word with either letter.
  Q("ta", "الحكومه", GOVERNMENT, "حكومة and its inflections, not the nisba حكومي/حكومية"),
  Q("ta", "وزاره", word(PRE, `وزار${FEM}`), "ministry; not وزاري (nisba), not وزار (= و + زار, visited)"),
  Q("ta", "الشركه", word(PRE, `شرك${FEM}`), "company; not شركاء (partners, another word)"),
  Q("ta", "المملكه", KINGDOM),
  Q("ta", "السياسه", word(PRE, `سياس${FEM}`), "policy/politics; not سياسي (politician, political)"),
  Q("ta", "الشرطة", word(PRE, `شرط${FEM}`), "police; not شرط (condition), not شرطي (policeman, nisba)"),
  Q("ta", "جامعه", word(PRE, `جامع${FEM}`), "university/league; not جامع (mosque), not جامعي"),
  Q("ta", "مباراه", word(PRE, `مبارا(?:ه|ت${PRON}|تين|تان)|مباريات${PRON}?`)),
  Q("ta", "عملية", word(PRE, `عملي${FEM}`), "operation; not عملي (practical)"),
  Q("ta", "الصحه", word(PRE, `صح(?:ه|ت${PRON})`), "health; not صحي/صحية (nisba), not صحف"),

  // ى typed as ي and ي typed as ى.
  Q("ya", "مستشفي", word(PRE, `مستشفي(?:ات${PRON}?|${PRON})?`)),
  Q("ya", "موسي", word(NOART, "موسي"), "the name Musa; not موسيقى"),
  Q("ya", "الكبري", word(PRE, "كبري|كبريات"), "not كبريت, كبرياء"),
  Q("ya", "الذكرى", word(PRE, `ذكري|ذكريات${PRON}?`)),
  Q("ya", "مصطفي", word(NOART, "مصطفي")),
  Q("ya", "عيسي", word(NOART, "عيسي")),
  Q("ya", "الدولى", word(PRE, "دولي(?:ه|ين|ون|ان|ا|ات|تين|تان)?"), "international, both genders; not دول/دولة"),
  Q("ya", "المستوي", word(PRE, `مستوي(?:ين|ان|ات${PRON}?|${PRON})?`), "level; المستويه (flat, fem.) not counted"),

  // Hamza seats: ئ ؤ ء and ي و written for them meet.
  Q("hamza", "مسئولية", word(PRE, `مس(?:ءو|ء|وو|و)لي(?:ه|ات${PRON}?|تين|تان|ت${PRON})`), "responsibility; not مسؤول/مسؤولي (official[s])"),
  Q("hamza", "شئون", word(PRE, `ش(?:ءو|وو|ء)ون${PRON}?`), "affairs; شون alone (a name) not counted"),
  Q("hamza", "رءيس", word(PRE, `ر[ءي]يس(?:ا|ان|ين|ه|ها|هم|هما|ك|كم|نا)?|ر[ءو]ساء${PRON}?`), "president/head and رؤساء; not رئيسي/رئيسية (main)"),
  Q("hamza", "لاجيين", word(PRE, "لاج[ءي](?:|ين|ون|ه|ات|يين|يون)"), "refugee(s); not للأجيال"),
  Q("hamza", "موتمر", word(PRE, `م[ءو]تمر(?:ا|ات|ان|ين|${PRON}|ات${PRON})?`)),
  Q("hamza", "المسئولين", word(PRE, `مس(?:ءو|ء|وو|و)ل(?:ا|ان|ين|ون|و|ي|ه|ها|هم|هما|تان|تين|ات|يها|يهم|وه|وها|وهم)?`), "official(s), responsible (both genders); not مسؤولية"),
  Q("hamza", "هيأة", word(PRE, `هي[ءاي](?:ه|ات${PRON}?|تا|تي|تين|ت${PRON})`), "authority (هيئة); not هيأ (prepared)"),
  Q("hamza", "سوال", word(PRE, `س[ءو]ال${PRON}?|س[ءو]الا|اس[ءي]ل(?:ه|ت${PRON})`), "question and أسئلة"),
  Q("hamza", "الطايرات", AIRCRAFT, "aircraft; not طائر (bird)"),
  Q("hamza", "رياسة", word(PRE, `ر[ءي]اس(?:ه|ات|تا|تي|ت${PRON})`), "presidency, chairmanship (برئاسة); not رئاسي (nisba)"),
  Q("hamza", "موسسة", word(PRE, `م[ءو]سس(?:ه|ات${PRON}?|تين|تان|ت${PRON})`), "institution; not مؤسس (founder), not مؤسسي"),

  // Proclitics on the query: the word, with any proclitics in the text.
  Q("proclitic", "بالمطار", word(PRE, `مطار(?:ا|ات|ين|ان|${PRON}|ات${PRON})?`), "airport; not مطاردة (chase), مطارق"),
  Q("proclitic", "والحكومة", GOVERNMENT),
  Q("proclitic", "فالمملكة", KINGDOM),
  Q("proclitic", "لداعش", word(NOART, "داعش"), "not the nisba داعشي"),
  Q("proclitic", "وبغداد", word(NOART, "بغداد"), "not بغدادي (nisba, a surname)"),
  Q("proclitic", "وللمواطنين", word(PRE, `مواطن${MASC}|مواطني|مواطنه|مواطنات${PRON}?|مواطنت${PRON}`), "citizen(s), both genders"),
  Q("proclitic", "بالرياض", RIYADH, "the city; not الرياضة (sport)"),
  Q("proclitic", "للعراق", IRAQ, "not عراقي (nisba)"),
  Q("proclitic", "ولبنان", word(NOART, "لبنان"), "ل is a root letter here"),
  Q("proclitic", "وفلسطين", word(NOART, "فلسطين"), "ف is a root letter here; not فلسطيني"),

  // Sound plural, dual, feminine: any number and gender of the same word.
  Q("inflection", "طائرتين", AIRCRAFT),
  Q("inflection", "المعلمات", word(PRE, `معلم${MASC}|معلمي|معلمه|معلمات${PRON}?|معلمت${PRON}`), "teacher(s), both genders (معلم is also a landmark: counted, the forms are one)"),
  Q("inflection", "اللاعبين", word(PRE, `لاعب${MASC}|لاعبي|لاعبه|لاعبات${PRON}?|لاعبت${PRON}`)),
  Q("inflection", "الموظفين", word(PRE, `موظف${MASC}|موظفي|موظفه|موظفات${PRON}?|موظفت${PRON}`)),
  Q("inflection", "سيارتين", word(PRE, `سيار${FEM}`)),
  Q("inflection", "المهندسات", word(PRE, `مهندس${MASC}|مهندسي|مهندسوا|مهندسه|مهندسات${PRON}?|مهندست${PRON}`)),
  Q("inflection", "المتظاهرين", word(PRE, `متظاهر${MASC}|متظاهري|متظاهره|متظاهرات`)),
  Q("inflection", "محافظتين", word(PRE, `محافظ${FEM}`), "governorate(s); not محافظ (governor, another word)"),
  Q("inflection", "الوزيرين", MINISTER, "minister: وزير, وزيرة, وزيران, وزراء"),

  // Attached pronouns: the word without them counts, and so do its other forms.
  Q("pronoun", "حكومته", GOVERNMENT),
  Q("pronoun", "سفارتها", word(PRE, `سفار${FEM}`)),
  Q("pronoun", "عائلته", word(PRE, `عا[ءي]ل${FEM}|عوا[ءي]ل${PRON}?`), "family, families (عائلات, عوائل); not عائلي"),
  Q("pronoun", "قواته", word(PRE, `قوات${PRON}?`), "forces: the plural قوات only (قوة 'strength', بقوة 'strongly' not counted)"),
  Q("pronoun", "بلاده", word(PRE, `بلاد${PRON}?|بلد(?:ا|ان|ين|${PRON})?|بلدان${PRON}?`), "country: بلاد, بلد, بلدان (بلدة 'town' is written like بلده 'his country': counted)"),
  Q("pronoun", "وزيرها", MINISTER),
  Q("pronoun", "موقفه", word(PRE, `موقف${MASC}|مواقف${PRON}?`)),
  Q("pronoun", "جهوده", word(PRE, `جهد${MASC}|جهدي|جهود${PRON}?|جهودا`)),
  Q("pronoun", "شركته", word(PRE, `شرك${FEM}`)),

  // Broken plurals: singular and plural meet.
  Q("broken", "المدارس", word(PRE, `مدرس${FEM}|مدارس${PRON}?`), "school(s); not مدرس (teacher), not مدرسي"),
  Q("broken", "الأطفال", word(PRE, `طفل${MASC}|طفله|طفلت${PRON}|اطفال${PRON}?|اطفالا`)),
  Q("broken", "المناطق", word(PRE, `منطق${FEM}|مناطق${PRON}?`), "region(s); not منطق (logic), منطقي"),
  Q("broken", "الدول", word(PRE, `دول${FEM}|دول|دولا|دول${PRON}`), "state(s); not دولي (international)"),
  Q("broken", "المشاريع", word(PRE, `مشروع${MASC}|مشروعات${PRON}?|مشروعه|مشاريع${PRON}?`)),
  Q("broken", "الأسعار", word(PRE, `سعر${MASC}|اسعار${PRON}?`), "price(s); not سعري"),
  Q("broken", "الأسلحة", word(PRE, `سلاح${MASC}|اسلح(?:ه|ت${PRON})`)),
  Q("broken", "مساجد", word(PRE, `مسجد${MASC}|مساجد${PRON}?`)),
  Q("broken", "الشهداء", word(PRE, `شهيد${MASC}|شهيده|شهداء${PRON}?`)),
  Q("broken", "الأسواق", word(PRE, `سوق${MASC}|اسواق${PRON}?`), "market(s); not سوقي"),

  // Half-typed: typed into the box, not submitted.
  Q("typing", "بغد", prefix(PRE, "بغد")),
  Q("typing", "الأع", prefix(PRE, "اع")),
  Q("typing", "الحك", prefix(PRE, "حك")),
  Q("typing", "مستش", prefix(PRE, "مستش")),
  Q("typing", "الاقتص", prefix(PRE, "اقتص")),
  Q("typing", "السعو", prefix(PRE, "سعو")),
  Q("typing", "وزا", prefix(PRE, "وزا")),
  Q("typing", "مؤتم", prefix(PRE, "م[ءو]تم")),
  Q("typing", "الجبي", prefix(PRE, "جبي")),
  Q("typing", "طائ", prefix(PRE, "طا[ءي]")),
  Q("typing", "وزير الخار", `${B}${NOART}(?:وزير|وزيره|وزيرا|وزيري|وزراء) ${PRE}خار`, "the last word is being typed; the first is complete"),

  // Diacritics in the query: the same truth as without them.
  Q("diacritics", "الحُكُومَة", GOVERNMENT),
  Q("diacritics", "مَجْلِس", word(PRE, `مجلس${MASC}|مجلسي|مجالس${PRON}?`)),
  Q("diacritics", "وَزِيرُ", MINISTER),
  Q("diacritics", "العِرَاقِ", IRAQ),
  Q("diacritics", "القُدْس", word(ART, "قدس"), "Jerusalem; not المقدس (holy)"),
  Q("diacritics", "الطَّائِرَات", AIRCRAFT),
  Q("diacritics", "الرِّيَاض", RIYADH, "the city; not الرياضة (sport)"),
  Q("diacritics", "مُحَمَّد", word(NOART, "محمد")),
  Q("diacritics", "السَّعُودِيَّة", word(PRE, "سعوديه"), "the word السعودية (country or adjective), not السعودي"),

  // Quoted phrases: the words side by side.
  Q("phrase", '"مجلس الأمن"', B + PRE + phrase("مجلس", "الامن") + E),
  Q("phrase", '"الأمم المتحدة"', B + ART + phrase("امم", "المتحده") + E),
  Q("phrase", '"خادم الحرمين الشريفين"', B + NOART + phrase("خادم", "الحرمين", "الشريفين") + E),
  Q("phrase", '"الدولة الإسلامية"', B + ART + phrase("دوله", "الاسلاميه") + E),
  Q("phrase", '"وزارة الداخلية"', B + PRE + phrase("وزاره", "الداخليه") + E),
  Q("phrase", '"ولي العهد"', B + NOART + phrase("ولي", "العهد") + E),
  Q("phrase", '"البيت الأبيض"', B + ART + phrase("بيت", "الابيض") + E),
  Q("phrase", '"كأس العالم"', B + PRE + phrase("كاس", "العالم") + E),
  Q("phrase", '"الهلال الأحمر"', B + ART + phrase("هلال", "الاحمر") + E),
  Q("phrase", '"رئيس الوزراء"', B + PRE + phrase("ر[ءي]يس", "الوزراء") + E),

  // Names.
  Q("names", "عبدالعزيز", ABDULAZIZ, "joined or apart"),
  Q("names", "عبد العزيز", ABDULAZIZ, "joined or apart"),
  Q("names", "عبدالله", word(NOART, "عبد ?الله"), "not عبداللطيف, عبد اللهيان, عبد الإله"),
  Q("names", "عبد الرحمن", word(NOART, "عبد ?الرحمن")),
  Q("names", "عبد الملك", word(NOART, "عبد ?الملك"), "the name; not الملك alone"),
  Q("names", "آل سعود", word(NOART, "ال سعود"), "the family name; آل is not the article (not السعود)"),
  Q("names", "آل الشيخ", word(NOART, "ال الشيخ"), "the family name; not الشيخ alone"),
  Q("names", "جبير", word(PRE, "جبير"), "al-Jubeir, with or without ال"),
  Q("names", "العبادي", word(PRE, "عبادي")),
  Q("names", "الحوثي", HOUTHI, "the Houthis: الحوثي, الحوثيين, الحوثيون"),

  // Foreign names: every spelling a reader might use.
  Q("foreign", "جوجل", GOOGLE),
  Q("foreign", "غوغل", GOOGLE),
  Q("foreign", "انستقرام", word(PRE, "ا?نست(?:ا)?(?:غ|ق|ج|ك)رام"), "Instagram, any spelling of the g"),
  Q("foreign", "دي ميستورا", DE_MISTURA),
  Q("foreign", "ديميستورا", DE_MISTURA),
  Q("foreign", "بوتن", word(NOART, "بوتين|بوتن"), "Putin, long vowel written or not"),
  Q("foreign", "أوباما", word(NOART, "اوباما")),
  Q("foreign", "فيس بوك", word(PRE, "فيس ?بوك"), "Facebook, joined or apart"),
  Q("foreign", "واتس اب", word(PRE, "واتس ?اب|واتس(?= |$)"), "WhatsApp; الواتس alone is a common short form"),
  Q("foreign", "نتانياهو", word(NOART, "نتنياهو|نتانياهو|نتانيهو")),
  Q("foreign", "هولاند", word(NOART, "هولاند|اولاند"), "Hollande; not هولندا (the Netherlands)"),

  // Words that occur in no article of the corpus (checked with grep over the normalised text).
  Q("absent", "كوفيد", word(PRE, "كوفيد")),
  Q("absent", "بيتكوين", word(PRE, "بي?تكوين|بي?ت كوين")),
  Q("absent", "ترامب", word(NOART, "ترامب|ترمب")),
  Q("absent", "زيلينسكي", word(NOART, "زيلينسكي|زيلنسكي")),
  Q("absent", "اوميكرون", word(PRE, "اوميكرون|اومكرون")),
  Q("absent", "ميتافيرس", word(PRE, "ميتافيرس|ميتافيرث")),
  Q("absent", "نتفليكس", word(PRE, "نتفليكس|نتفلكس")),
  Q("absent", "بلوكتشين", word(PRE, "بلوك ?تشين")),
  Q("absent", "تيك توك", word(PRE, "تيك ?توك")),

  // Common words that collide with names or with longer words.
  Q("collision", "الرياضة", SPORT, "sport; not الرياض (the city), not رياضي (nisba)"),
  Q("collision", "المراه", word(PRE, `مراه|امراه|امرات${PRON}`), "woman; not مراكز, مرات, مرافق"),
  Q("collision", "البلديه", word(PRE, `بلدي(?:ه|ات${PRON}?|ت${PRON})`), "municipality; not لديهم, not البلدي"),
  Q("collision", "اجتماعات", word(PRE, `اجتماع(?:ا|ان|ين|ات|${PRON}|ات${PRON})?`), "meeting(s); not اجتماعي/الاجتماعية (social)"),
  Q("collision", "الشام", word(ART, "شام"), "the Levant; not شامل (comprehensive), not الشامي"),
  Q("collision", "مصر", EGYPT, "Egypt; not مصرف, مصرع, مصري"),
  Q("collision", "الأمير", word(PRE_NO_K, `امير${MASC}|اميره|اميرت${PRON}|امراء${PRON}?`), "prince; not أمريكا/أميركي, not كاميرا, كاميرون"),
  Q("collision", "الحج", `${B}(?:[وف]?(?:[بك]?ال|لل)|[وف]?ب?)حج${E}`, "the Hajj; not حجم, حجز, الحجاج, ذي الحجة is الحجه; لحج (Lahij, Yemen) not counted"),
  Q("collision", "العمله", any(word(ART, "عمل(?:ه|ات|تين|تان)"), word(NOART, `عملات${PRON}?|عملت(?:ها|هم|نا)`)), "currency; not العمل, العملية, عمله (his work)"),
  Q("collision", "التعليم", word(PRE, `تعليم${PRON}?|تعليما`), "education; not تعليمات (instructions), not تعليمي"),

  // English queries on /en/search/: the Arabic articles naming the place or person.
  Q("english", "Turkey", word(NOART, "تركيا")),
  Q("english", "Riyadh", RIYADH),
  Q("english", "Jeddah", word(NOART, "جده")),
  Q("english", "Houthi", HOUTHI),
  Q("english", "Obama", word(NOART, "اوباما")),
  Q("english", "Kerry", word(NOART, "كيري")),
  Q("english", "Yemen", word(ART, "يمن")),
  Q("english", "Egypt", EGYPT),
  Q("english", "Iraq", IRAQ),
  Q("english", "Baghdad", word(NOART, "بغداد")),
  Q("english", "Iran", word(NOART, "ايران")),
  Q("english", "Syria", word(NOART, "سوريا|سوريه")),
  Q("english", "Putin", word(NOART, "بوتين|بوتن")),
  Q("english", "Mecca", word(NOART, "مكه")),
];

/** Queries typed into the box instead of loaded as a URL. */
export const TYPED: ReadonlySet<ClassId> = new Set(["typing"]);
