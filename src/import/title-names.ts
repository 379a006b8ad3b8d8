/**
 * A subject's title and name chains in a lead, shortened for a headline (used by src/import/title.ts).
 */
import { AFTER_NAME_TITLES, CLAUSE_WORDS, DANGLING, MARK, NAME, NAME_LINK, NAME_MARKERS, PREPOSITIONS, TITLE_WORDS, bare, count } from "./title-words.ts";

// Words that cannot sit inside a title chain or open a name: the subject has ended before them.
const GAP_STOP = "عن|في|على|إلى|الى|من|مع|كما|هو|هي|الذي|التي|بسير|خلال|لدى";
// `الأمير فيصل بن خالد أمير منطقة عسير رئيس مجلس …`: the prince's or king's titles after his name.
const ROYAL_TITLES = new RegExp(`((?:الأمير|الملك)\\s+${NAME})((?:\\s+(?:${AFTER_NAME_TITLES}))+)(?=\\s|[،,.]|$)`, "u");
// `أصدر وزير الثقافة والإعلام رئيس مجلس … الدكتور عادل بن زيد الطريفي قرارا`: a verb, an official's
// title (its first title phrase), more titles, then the name with its marker.
const TITLE_THEN_NAME = new RegExp(
  `^(\\S+\\s+)((?:${TITLE_WORDS})(?:\\s+(?!(?:${TITLE_WORDS}|${NAME_MARKERS})\\s)[^\\s،,:]+){0,4})((?:\\s+(?!(?:${GAP_STOP})\\s)[^\\s،,:]+){0,8}?)\\s+(?<!آل\\s)(${NAME_MARKERS})\\s+(?!(?:ال\\S*|${GAP_STOP})[\\s،,])(${NAME})(?=\\s|[،,]|$)`,
  "u",
);

// `يفتتح محافظ النماص محمد بن حمود النايف رئيس لجنة … مساء اليوم فعاليات …`: a name with its بن
// chain, then a second title that runs to the time aside; the aside shows where it ends.
const NAME_THEN_TITLE = new RegExp(`(\\S+\\s+(?:بن|بنت)\\s+\\S+(?:\\s+(?:بن|بنت)\\s+\\S+)*(?:\\s+(?:آل\\s+)?ال\\S+)?)\\s+(?:${TITLE_WORDS})\\s[^${MARK}،,.]{3,80}?\\s*(?=${MARK})`, "u");

/** After a verb that takes a person, a title followed by the aside and a preposition is the object (`استقبل الأمير X وزير الزراعة أمس في مكتبه`). */
function personObject(lead: string, rest: string): boolean {
  return /^[وف]?(?:استقبل|التقى|قابل|هنأ|كرم|كرّم|قلد|ودع|ودّع|زار|اتصل)\s/u.test(lead) && new RegExp(`^\\s*(?:${MARK}\\s*)*(?:في|ب\\S+|على|خلال)\\s`, "u").test(rest);
}

/**
 * The subject's title and name chains, shortened: an official is named by the first phrase of his
 * title when it is short (`وزير الثقافة والإعلام`), else by marker and name (`الشيخ نعيم الكعود`);
 * a prince or king by his name, without the titles after it.
 */
export function dropNameChains(s: string): string {
  let t = s;
  const royal = ROYAL_TITLES.exec(t);
  if (royal) {
    const rest = t.slice(royal.index + royal[0].length);
    // `استقبل الأمير X وزير الزراعة أمس في مكتبه`: after a verb that takes a person, a title the
    // aside and a preposition follow is the object, not the prince's own title.
    if (!(personObject(t, rest) && !/^\s*أمير/u.test(royal[2]!)) && (count(rest.replace(new RegExp(MARK, "gu"), "")) >= 2 || /^[\s.،,]*$/u.test(rest.replace(new RegExp(MARK, "gu"), "")))) {
      let name = royal[1]!;
      if (name.startsWith("الملك")) name = name.replace(/\s+بن\s+عبدالعزيز(?:\s+آل\s+سعود)?$/u, "");
      t = `${t.slice(0, royal.index)}${name}${bareRest(rest)}`;
    }
  }
  t = t.replace(NAME_THEN_TITLE, (m: string, name: string, at: number, all: string) => (personObject(all, all.slice(at + m.length)) && !/^\s*أمير/u.test(m.slice(name.length)) ? m : `${name} `));
  t = dropSubjectTail(t);
  t = dropApposition(t);
  t = dropPartner(t);
  t = dropPlaceBeforeComplement(t);
  const m = TITLE_THEN_NAME.exec(t);
  if (m && !/^(?:الأمير|الملك)$/u.test(m[4]!) && !new RegExp(`^(?:${TITLE_WORDS}|${NAME_MARKERS})$`, "u").test(m[1]!.trim())) {
    const rest = t.slice(m[0].length);
    // A name may run on past what the pattern took (`محمد جواد ظريف`): after it must come the object
    // (a definite or accusative or feminine noun) or a preposition, or the name is left whole.
    const after = rest.replace(new RegExp(MARK, "gu"), " ").trimStart();
    const next = bare(after.split(/\s+/u)[0] ?? "");
    const objectNext = /^[،,]/u.test(after) || !/^\p{L}+$/u.test(next) || /^(?:[وبفلك]|لل)|(?:ا|اً|ة|ات)$/u.test(next) || PREPOSITIONS.has(next) || /^(?:أن|إن|أنه|إنه|أنها|إنها)$/u.test(next);
    if (count(rest.replace(new RegExp(MARK, "gu"), "")) >= 3 && (objectNext || count(m[2]!) > 4)) {
      t = count(m[2]!) <= 4 ? `${m[1]}${m[2]}${bareRest(rest)}` : `${m[1]}${m[4]} ${m[5]}${bareRest(rest)}`;
    }
  }
  return t;
}

// Where a subject's tail may start: a title word, or a place (`في قصر السلام`, `بمكتبه`, `بديوان الإمارة`).
const TAIL_PLACE = /^(?:في|داخل|أمام|لدى|ب(?!ال|أن|عد)[^\s]{3,}|بال(?:مقر|ديوان|قصر|مكتب|مبنى|قاعة)\S*)$/u;

/**
 * `استقبل الملك سلمان بن عبدالعزيز في قصر السلام أمس وزير …` → `استقبل الملك سلمان بن عبدالعزيز وزير …`:
 * in a verb-first lead whose subject is a marked name (`الأمير`, `الدكتور` …), what stands between
 * the name and the time aside that closes the subject (his titles, the place) goes when the object
 * follows the aside. A title chain before the marked name goes too when it is long.
 */
function dropSubjectTail(s: string): string {
  const w = s.replace(new RegExp(MARK, "gu"), ` ${MARK} `).split(" ").filter(Boolean);
  const markAt = w.indexOf(MARK);
  if (markAt < 3 || markAt > 30) return s;
  const marker = new RegExp(`^(?:الأمير|الملك|${NAME_MARKERS})$`, "u");
  for (let m = 1; m < markAt - 1; m++) {
    if (!marker.test(w[m]!)) continue;
    const t = dropTailAt(w, m, markAt);
    if (t !== undefined) return t;
  }
  return s;
}

function dropTailAt(w: string[], m: number, markAt: number): string | undefined {
  // What stands before the marker: nothing, or an official's title chain (no verb, no preposition opening it).
  const chain = w.slice(1, m);
  if (chain.length > 0 && (!(APPOSITION_HEAD.test(bare(chain[0]!)) || new RegExp(`^(?:${TITLE_WORDS}|مستشار|المستشار|المشرف|مشرف)$`, "u").test(bare(chain[0]!))) || chain.some((x) => /[.:«»"()]/u.test(x) || /^(?:أن|إن|ان|الذي|التي)$/u.test(bare(x))))) return undefined;
  let e = m + 1;
  if (e >= markAt || /^ال/u.test(bare(w[e]!)) || /[،,]$/u.test(w[m]!)) return undefined;
  while (!/[،,]$/u.test(w[e]!) && NAME_LINK.test(bare(w[e + 1] ?? "")) && e + 2 < markAt) e += 2;
  if (!/[،,]$/u.test(w[e]!) && /^(?:آل|أبو|ابو)$/u.test(bare(w[e + 1] ?? "")) && e + 2 < markAt) e += 2;
  else if (!/[،,]$/u.test(w[e]!) && e + 1 < markAt && /^ال\S{2,}$/u.test(bare(w[e + 1]!)) && !APPOSITION_HEAD.test(bare(w[e + 1]!))) e++;
  e++;
  const tail = w.slice(e, markAt).map((x) => x.replace(/[،,]$/u, ""));
  const rest = w.slice(markAt).filter((x) => x !== MARK);
  if (rest[0] && /^[،,]$/u.test(rest[0])) rest.shift();
  if (count(rest.join(" ")) < 2 || /^[،,]/u.test(rest[0] ?? "") || CLAUSE_WORDS.has(bare(rest[0] ?? "")) || /^(?:ثم|أن|إن|ان|بأن|الذي|التي|الذين)$|^و(?:قال|أضاف|أكد|أوضح|أشار|كان|قد|هو|هي|ذلك|التي|الذي)/u.test(bare(rest[0] ?? ""))) return undefined;
  const titleTail = tail.length > 0 && (APPOSITION_HEAD.test(bare(tail[0]!)) || new RegExp(`^(?:${TITLE_WORDS})$`, "u").test(bare(tail[0]!)));
  const placeTail = tail.length > 0 && TAIL_PLACE.test(bare(tail[0]!));
  // A title right after the name with a preposition after the aside may be the object (`استقبل الأمير X وزير الخارجية أمس في مكتبه`).
  if (tail.length > 14 || tail.some((x) => /[.:«»"()]/u.test(x)) || (tail.length > 0 && !titleTail && !placeTail) || (titleTail && PREPOSITIONS.has(bare(rest[0]!)))) return undefined;
  if (tail.length === 0 && chain.length <= 4) return undefined;
  const head = chain.length > 4 ? [w[0]!, ...w.slice(m, e)] : w.slice(0, e);
  return [...head.map((x, i) => (i === head.length - 1 ? x.replace(/[،,]$/u, "") : x)), ...rest].join(" ");
}

// Words that open an official's or player's description after his name (`سالم العلي المتحدث الرسمي للهيئة …`).
export const APPOSITION_HEAD = /^(?:ال)?(?:متحدث|متحدثة|ناطق|رئيس|رئيسة|مدير|مديرة|أمين|أمينة|نائب|نائبة|وكيل|وكيلة|مستشار|مستشارة|مساعد|مساعدة|مشرف|مشرفة|عضو|عضوة|قائد|محافظ|سفير|سفيرة|وزير|وزيرة|مفوض|مدرب|مدربة|حارس|لاعب|لاعبة|نجم|نجمة|قائم|عميد|مؤسس|مؤسسة)$/u;
// Words that never head a construct phrase inside a description.
const notConstructHead = (x: string): boolean => /^و/u.test(bare(x)) || PREPOSITIONS.has(bare(x)) || DANGLING.has(bare(x)) || bare(x).length < 3 || /^(?:أن|إن|ان|أنه|إنه|انه|أنها|إنها|بأن|بأنه)$/u.test(bare(x));
export const definiteWord = (w: string): boolean => /^(?:[وفبلك]?ال|لل)/u.test(bare(w)) && bare(w).length > 3 && !/^و?(?:الذي|التي|الذين)$/u.test(bare(w));

/** End of a construct chain from `from`: definite words, or indefinite ones that a definite word closes within three (`لجمعية حماية المستهلك`). */
function chainEnd(w: string[], from: number, limit: number): number {
  let e = from;
  while (e < w.length && e < limit) {
    const x = w[e]!;
    if (/^لـ?\s*["«“]/u.test(x)) break;
    const close = w.slice(e + 1, e + 4).findIndex((y) => definiteWord(y));
    // An indefinite adjective (`دورة تدريبية`, nisba -ية after a consonant) closes the noun: no construct.
    const construct = !definiteWord(x) && !notConstructHead(x) && !/[،,:]$/u.test(x) && close >= 0 && w.slice(e + 1, e + 1 + close).every((y) => !/[،,:]$/u.test(y) && !notConstructHead(y) && !/[^ا]ية$/u.test(bare(y)));
    if (!definiteWord(x) && !construct) break;
    e++;
    if (/[،,]$/u.test(x)) break;
  }
  return e;
}

/**
 * `تمكنت دوريات أمن الطرق بمنطقة مكة علي طريق الخرمة – رنيه من ضبط …` → `تمكنت دوريات أمن الطرق من ضبط …`:
 * after a verb of ability (تمكن، نجح، استطاع), a place phrase between the subject and the complement goes.
 */
function dropPlaceBeforeComplement(s: string): string {
  const w = s.split(" ");
  const m = /^(?:تمكن|تمكنت|تمكّن|تمكّنت|نجح|نجحت|استطاع|استطاعت)$/u.exec(w[0] ?? "");
  if (!m) return s;
  const link = /^(?:نجح|نجحت)$/u.test(m[0]) ? "في" : "من";
  const c = w.findIndex((x, n) => n >= 4 && x === link && !/^(?:عدد|أكثر|أقل|مجموعة|بعض)$/u.test(bare(w[n - 1]!)));
  // Only when the place keeps the complement out of a headline's first dozen words.
  if (c < 11) return s;
  const p = w.findIndex((x, n) => n >= 2 && n < c && /^(?:بمنطقة|بمحافظة|بمدينة|بمركز|بحي|في|على|علي)$/u.test(bare(x)) && (!/^(?:في|على|علي)$/u.test(bare(x)) || /^(?:منطقة|محافظة|مدينة|طريق|مركز|حي)$/u.test(bare(w[n + 1] ?? ""))));
  if (p < 0 || c - p > 9 || w.slice(p, c).some((x) => /[،,.]/u.test(x))) return s;
  return [...w.slice(0, p), ...w.slice(c)].join(" ");
}

/**
 * `ينظم فرع الوزارة بالتعاون مع معهد الأئمة التابع للوزارة دورة توعوية` → `ينظم فرع الوزارة دورة توعوية`:
 * a partner phrase between the subject and the object goes when an indefinite object follows it.
 */
function dropPartner(s: string): string {
  const w = s.split(" ").filter((x) => x !== MARK);
  const i = w.findIndex((x, n) => n >= 2 && n <= 14 && /^(?:بالتعاون|بالشراكة|بالتنسيق)$/u.test(bare(x)) && bare(w[n + 1] ?? "") === "مع");
  if (i < 0) return s;
  const e = chainEnd(w, i + 2, i + 12);
  const rest = w.slice(e);
  if (e - i < 3 || count(rest.join(" ")) < 2 || /[،,]$/u.test(rest[0]!) || definiteWord(rest[0]!) || notConstructHead(rest[0]!) || /^\p{Nd}/u.test(rest[0]!) || /[،,]$/u.test(w[e - 1]!)) return s;
  return [...w.slice(0, i), ...rest].join(" ");
}

/**
 * `أكد الدكتور سالم العلي المتحدث الرسمي للهيئة العامة لـ"الصحيفة" منح …` → `أكد سالم العلي منح …`:
 * a verb-first lead whose named subject carries a description with no comma; the description
 * (a title word and its construct chain) goes when the object follows it.
 */
function dropApposition(s: string): string {
  const w = s.split(" ").filter((x) => x !== MARK);
  let i = 1;
  if (new RegExp(`^(?:${NAME_MARKERS})$`, "u").test(w[i] ?? "")) i++;
  for (const nameLen of [2, 3]) {
    const k = i + nameLen;
    const name = w.slice(i, k);
    if (name.length < nameLen || /^(?:متقاعد|ركن|الركن)$/u.test(bare(name[0]!)) || name.some((x) => /[،,:.«»"“”()]/u.test(x) || APPOSITION_HEAD.test(bare(x)) || DANGLING.has(bare(x))) || /^ال/u.test(bare(name[0]!))) continue;
    if (!APPOSITION_HEAD.test(bare(w[k] ?? "")) || /[،,]$/u.test(w[k] ?? "")) continue;
    let e = chainEnd(w, k + 1, k + 10);
    // A place right after it, closed by a comma (`رئيس المجلس البلدي ببريدة،`).
    if (e < w.length && !/[،,]$/u.test(w[e - 1]!) && /[،,]$/u.test(w[e]!) && !notConstructHead(w[e]!)) e++;
    if (e - k < 2) continue;
    // A source credit right after it (`لـ"الاقتصادية"`) goes too.
    let r = e;
    if (/^لـ?\s*["«“]/u.test(w[r] ?? "")) {
      while (r < w.length && !/["»”][،,]?$/u.test(w[r]!)) r++;
      r++;
    }
    const rest = w.slice(r);
    const first = bare(rest[0] ?? "");
    // A reporting lead keeps its speaker's title (`قال X رئيس … إن`): reportingLead names him.
    if (rest.slice(0, 3).some((y) => /^(?:أن|إن|ان|بأن|بان|أنه|إنه|انه|بأنه|أنها|إنها|بأنها|أنهم|إنهم)$/u.test(bare(y)))) return s;
    if (count(rest.join(" ")) < 3 || definiteWord(rest[0]!) || /^(?:في|خلال|لدى|أمام|و\S*)$/u.test(first)) continue;
    return [w[0]!, ...name.map((x, n) => (n === name.length - 1 ? x : x)), ...rest].join(" ").replace(/^(\S+\s(?:\S+\s){1,2}\S+?)[،,](?=\s)/u, "$1");
  }
  return s;
}

/** What follows a shortened subject, without the comma that closed the long one. */
function bareRest(rest: string): string {
  return rest.replace(new RegExp(`^(\\s*${MARK})?\\s*[،,]\\s*`, "u"), " ");
}
