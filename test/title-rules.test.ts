// Headline rules of issue 14's third round (src/import/title.ts): one test per rule, each with
// invented sentences (no corpus text), the expected headline written from the sentence as a
// sub-editor would cut it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { deriveTitle, dropRelativeBeforePredicate, firstSentence, TITLE_TARGET_WORDS } from "../src/import/title.ts";

const words = (s: string): number => s.split(/\s+/u).filter(Boolean).length;

test("time asides: يوم غد الجمعة, البارحة, اليوم، after the subject, الأسبوع الماضي as an aside, a date span", () => {
  assert.equal(deriveTitle("تنطلق يوم غد الجمعة في مدينة الواحة فعاليات مهرجان التمور السنوي."), "تنطلق في مدينة الواحة فعاليات مهرجان التمور السنوي");
  assert.equal(deriveTitle("استقبلت أسرة الراشد البارحة المعزين في وفاة عميدها."), "استقبلت أسرة الراشد المعزين في وفاة عميدها");
  assert.equal(deriveTitle("أطفأت فرق الإطفاء بالمدينة القديمة اليوم، حريقا شب في مستودع للأخشاب."), "أطفأت فرق الإطفاء بالمدينة القديمة حريقا شب في مستودع للأخشاب");
  assert.equal(deriveTitle("عاد المدرب الوطني إلى التدريبات الأسبوع الماضي بعد غياب طويل بسبب الإصابة."), "عاد المدرب الوطني إلى التدريبات بعد غياب طويل بسبب الإصابة");
  // Object of a preposition: it stays.
  assert.match(deriveTitle("ارتفعت أسعار القمح خلال الأسبوع الماضي بنسبة كبيرة في الأسواق."), /خلال الأسبوع الماضي/u);
  assert.equal(
    deriveTitle("أوقعت قرعة بطولة الأندية الخليجية للسباحة خلال الفترة من الثالث وحتى 12 سبتمبر من الشهر المقبل في الدوحة فريق النصر في المجموعة الأولى."),
    "أوقعت قرعة بطولة الأندية الخليجية للسباحة في الدوحة فريق النصر في المجموعة الأولى",
  );
  // `، اليوم (الخميس)، `: the commas that enclosed the aside go with it.
  assert.equal(deriveTitle("وصل وزير التجارة الهندي، اليوم (الخميس)، إلى العاصمة في زيارة تستمر يومين."), "وصل وزير التجارة الهندي إلى العاصمة في زيارة تستمر يومين");
  // ... but a comma that closes a circumstance opened before the time word stays, so the circumstance can go.
  assert.equal(
    deriveTitle("أدى الوزير عقب صلاة العصر اليوم، في الجامع الكبير صلاة الغائب على ضحايا الحادث."),
    "أدى الوزير في الجامع الكبير صلاة الغائب على ضحايا الحادث",
  );
});

test("a long circumstance goes only between two commas", () => {
  assert.equal(
    deriveTitle("وجه وزير الصحة، خلال اجتماع موسع عقده مع مديري المستشفيات والمراكز الصحية في المنطقة الشرقية، بتوفير أسرة إضافية للطوارئ."),
    "وجه وزير الصحة بتوفير أسرة إضافية للطوارئ",
  );
  // No comma before it: it may be the object's own phrase, so it stays.
  assert.match(deriveTitle("انتهت اللقاءات التي جرت على هامش المؤتمر الاقتصادي السنوي في مدينة الساحل الكبرى بتوقيع اتفاقيتين، وقال الوزير إن الاتفاقيتين مهمتان."), /على هامش/u);
});

test("reporting leads: عن X قوله إن, أنهم, حذر من أن, a long subject with no punctuation, no أن after بعد", () => {
  assert.equal(deriveTitle("نقلت وكالة الأنباء الرسمية عن وزير النفط قوله إن الإنتاج سيرتفع الشهر المقبل."), "وزير النفط: الإنتاج سيرتفع الشهر المقبل");
  assert.equal(deriveTitle("وكالة الأنباء الرسمية عن وزير النفط قوله إن الإنتاج سيرتفع الشهر المقبل."), "وزير النفط: الإنتاج سيرتفع الشهر المقبل");
  assert.equal(deriveTitle("أكد أهالي القرية الشرقية أنهم سيعيدون بناء المدرسة قبل بداية العام الدراسي."), "أهالي القرية الشرقية سيعيدون بناء المدرسة قبل بداية العام الدراسي");
  assert.equal(deriveTitle("حذر خبير الأرصاد الجوية من أن موجة الحر ستستمر حتى نهاية الأسبوع."), "خبير الأرصاد الجوية: موجة الحر ستستمر حتى نهاية الأسبوع");
  // A subject of more than 24 words with no comma is still a subject (its first phrase names the speaker).
  assert.equal(
    deriveTitle("أكد لـ«الصحيفة» سالم حمد العتيبي مدير فرع الشركة الوطنية للنقل البحري التابعة لوزارة النقل في المنطقة الشرقية وعضو مجلس إدارة الغرفة التجارية الصناعية في المنطقة الشرقية سابقا بأنه سيغادر منصبه قريبا."),
    "سالم حمد العتيبي مدير فرع الشركة سيغادر منصبه قريبا",
  );
  // `أكد المقال …، بعد أن أشار …`: the أن belongs to بعد, not to the verb.
  assert.doesNotMatch(deriveTitle("أكد خطاب الرئيس الأخير على أهمية الوحدة الوطنية، بعد أن أشار إلى مخاطر الانقسام."), /:/u);
});

test("an opening phrase with no comma is skipped to its lead verb", () => {
  assert.equal(deriveTitle("ضمن برامج النادي الصيفية أقام القسم الثقافي أمسية شعرية للشباب في مقر النادي."), "أقام القسم الثقافي أمسية شعرية للشباب في مقر النادي");
  assert.equal(deriveTitle("على صعيد المعارك في الجبهة الشرقية بدأت القوات المشتركة هجوما واسعا على مواقع المسلحين."), "بدأت القوات المشتركة هجوما واسعا على مواقع المسلحين");
  // A verb inside a relative clause is no lead verb.
  assert.doesNotMatch(deriveTitle("بعد أن لاقى التطبيق الذي أطلق منذ سنوات إقبالا كبيرا في كل مكان، شهد التطبيق منافسة شرسة."), /^أطلق/u);
});

test("the first clause ends at a comma before إلا أن, وسط, وقال, a verb with و, or a circumstantial participle", () => {
  assert.equal(deriveTitle("وعد رئيس البلدية السكان بإصلاح الطرق الداخلية، إلا أن الأعمال لم تبدأ حتى الآن."), "وعد رئيس البلدية السكان بإصلاح الطرق الداخلية");
  assert.equal(deriveTitle("افتتح المعرض الدولي للكتاب أبوابه للزوار في العاصمة، وسط إقبال كبير من العائلات."), "افتتح المعرض الدولي للكتاب أبوابه للزوار في العاصمة");
  assert.equal(deriveTitle("أعلن المدرب قائمة المنتخب للمباراة الودية المقبلة، وقال إن الفريق جاهز تماما."), "أعلن المدرب قائمة المنتخب للمباراة الودية المقبلة");
  assert.equal(deriveTitle("مثل أمام المحكمة الجنائية رجلان بتهمة تزوير العملة، ويواجه الرجلان عقوبة السجن."), "مثل أمام المحكمة الجنائية رجلان بتهمة تزوير العملة");
  assert.equal(deriveTitle("تصدر الفيلم الجديد قوائم الإيرادات في دور العرض المحلية، محققا أرباحا قياسية."), "تصدر الفيلم الجديد قوائم الإيرادات في دور العرض المحلية");
  assert.equal(deriveTitle("دافع الوزير عن خطة الإصلاح الاقتصادي أمام البرلمان، محذرا النواب من رفضها."), "دافع الوزير عن خطة الإصلاح الاقتصادي أمام البرلمان");
});

test("a named subject's description with no comma goes when the object follows it; a reporting lead keeps it", () => {
  assert.equal(
    deriveTitle("أعلن الدكتور سالم العتيبي المتحدث الرسمي للهيئة العامة للطيران المدني لـ\"الصحيفة\" تشغيل خطوط جديدة بين المدن الصغيرة."),
    "أعلن سالم العتيبي تشغيل خطوط جديدة بين المدن الصغيرة",
  );
  assert.equal(deriveTitle("طالب حمد الراشد رئيس المجلس البلدي بالواحة، بتوسيع صلاحيات المجالس البلدية."), "طالب حمد الراشد بتوسيع صلاحيات المجالس البلدية");
  // A reporting lead: the speaker keeps his title.
  assert.equal(deriveTitle("قال سالم العتيبي رئيس الهيئة العامة للطيران إن المطار الجديد سيفتتح قريبا."), "سالم العتيبي رئيس الهيئة العامة للطيران: المطار الجديد سيفتتح قريبا");
  // `وحدة` after the preposition `عن` is no construct head: the chain stops before `عن`.
  assert.equal(deriveTitle("أعرب نبيل حسن الأمين العام للاتحاد عن أسفه لتأجيل البطولة الإقليمية."), "أعرب نبيل حسن عن أسفه لتأجيل البطولة الإقليمية");
});

test("a relative clause between a reported subject and its predicate goes when the clause is too long for a headline", () => {
  assert.equal(
    deriveTitle("قال المتحدث باسم التحالف إن الحملة التي تشنها القوات المشتركة على المواقع الجبلية في الشمال منذ أسابيع باتت قريبة من هدفها."),
    "المتحدث باسم التحالف: الحملة باتت قريبة من هدفها",
  );
  assert.equal(
    dropRelativeBeforePredicate("القرار الذي صدر أمس عن المجلس ويشمل جميع القطاعات الحكومية والخاصة في البلاد غير مقبول", 4),
    "القرار غير مقبول",
  );
  // Short enough: kept whole.
  assert.equal(dropRelativeBeforePredicate("القرار الذي صدر أمس غير مقبول", 3), "القرار الذي صدر أمس غير مقبول");
  // A noun shaped like a verb (`تمريره`, `تنظيم`) is no predicate: nothing is dropped without one.
  const none = "الأراضي التي طهرت من مسلحي تنظيم الدولة في شمال البلاد ومناطق أخرى قريبة منها";
  assert.equal(dropRelativeBeforePredicate(none, 6), none);
});

test("length target: a long headline ends at a clause boundary; a relative clause stays after a bare noun; a question stays whole", () => {
  const t = deriveTitle("رفضت الحكومة المحلية في المحافظة الجنوبية تطبيق قانون الضرائب الجديد الذي اعتبرته ظالما للتجار الصغار والمستهلكين.");
  assert.equal(t, "رفضت الحكومة المحلية في المحافظة الجنوبية تطبيق قانون الضرائب الجديد");
  assert.ok(words(t) <= TITLE_TARGET_WORDS, t);
  assert.equal(deriveTitle("كشف اللاعب الدولي السابق في حوار مطول عن السبب الذي منعه من الاعتزال مبكرا. وقال إنه سيواصل اللعب مع فريقه الحالي حتى نهاية عقده."), "كشف اللاعب الدولي السابق في حوار مطول عن السبب الذي منعه من الاعتزال مبكرا");
  const q = "ما الذي يفعله المستهلك عندما يكتشف أن المنتج الذي اشتراه ليس بالمواصفات التي وعد بها البائع؟";
  assert.equal(deriveTitle(`${q} سؤال يطرحه كثيرون.`), q);
});

test("no phrase end in the window: the first one past it, rather than a prefix that stops before the object", () => {
  assert.equal(
    deriveTitle("تمكن أسطول الحافلات المخصص لزوار المعرض من نقل أكثر من 3 ملايين زائر ومرافق من وإلى أرض المعارض خلال أيام المهرجان."),
    "تمكن أسطول الحافلات المخصص لزوار المعرض من نقل أكثر من 3 ملايين زائر ومرافق من وإلى أرض المعارض",
  );
  // `دولة` is an honorific only before `رئيس`.
  assert.match(deriveTitle("قضت المحكمة بسجن خمسة متهمين بتهمة التخطيط لإنشاء دولة مستقلة في الإقليم."), /دولة مستقلة/u);
});

test("a partner phrase goes when an indefinite object follows; a trailing participle is dropped; a speaker named by title and name loses his second title", () => {
  assert.equal(
    deriveTitle("تنظم إدارة التعليم بالمحافظة بالتعاون مع معهد التدريب التابع للوزارة دورة تدريبية للمعلمين الجدد."),
    "تنظم إدارة التعليم بالمحافظة دورة تدريبية للمعلمين الجدد",
  );
  assert.equal(
    deriveTitle("بدأت القوات الحكومية المدعومة من الطيران الحليف والمتطوعين المحليين عملية تحرير مدينة الوادي الواقعة على بعد مئة كيلومتر من العاصمة."),
    "بدأت القوات الحكومية المدعومة من الطيران الحليف والمتطوعين المحليين عملية تحرير مدينة الوادي",
  );
  assert.equal(
    deriveTitle("أكد الرئيس سالم أحمد الحسن رئيس جمهورية الجزر أن الإصلاحات لن تتوقف."),
    "الرئيس سالم أحمد الحسن: الإصلاحات لن تتوقف",
  );
});

test("a semicolon ends the lead only after 10 words; a name between commas after the title that names him goes; a place before an ability verb's complement goes", () => {
  assert.equal(firstSentence("حملت جمعية الرفق بالحيوان؛ البلدية مسؤولية نفوق الطيور في الحديقة"), "حملت جمعية الرفق بالحيوان؛ البلدية مسؤولية نفوق الطيور في الحديقة");
  assert.equal(
    deriveTitle("انتقد رئيس اتحاد المزارعين، سالم الحمد، وزارة الزراعة لتأخرها في صرف التعويضات."),
    "انتقد رئيس اتحاد المزارعين وزارة الزراعة لتأخرها في صرف التعويضات",
  );
  // Not after a title: a list item between commas stays.
  assert.match(deriveTitle("هطلت أمطار غزيرة على الوادي الشرقي، قرية السدر، وقرية النخيل، خلال ساعات الليل."), /قرية السدر/u);
  assert.equal(
    deriveTitle("تمكنت دوريات الأمن الخاصة بحراسة الحدود بمنطقة الجوف على طريق الحديثة – القريات من ضبط شاحنة محملة بالممنوعات."),
    "تمكنت دوريات الأمن الخاصة بحراسة الحدود من ضبط شاحنة محملة بالممنوعات",
  );
});

test("a purpose or coordinated masdar cut from its preposition is dropped from the end", () => {
  // The cut falls before `إلى`; `والتوجه` without it says nothing.
  assert.equal(
    deriveTitle("دعت السلطات المحلية في المحافظة الغربية سكان القرى الحدودية القريبة من النهر إلى الخروج منها والتوجه إلى المدن الآمنة تمهيدا لعمليات عسكرية."),
    "دعت السلطات المحلية في المحافظة الغربية سكان القرى الحدودية القريبة من النهر إلى الخروج منها",
  );
  // A nisba adjective is no masdar: kept.
  assert.doesNotMatch(deriveTitle("تتابع الروائية المعروفة سلمى الخطيب معاركها الأدبية والفكرية مع النقاد في مقالات جديدة."), /الأدبية$/u);
});

test("a bare اليوم before a preposition goes; وكذلك ends a clause; a long title chain before a بن-name leaves the name", () => {
  assert.equal(deriveTitle("وصل الرئيس سالم الحمد اليوم إلى العاصمة في زيارة رسمية تستمر ثلاثة أيام."), "وصل الرئيس سالم الحمد إلى العاصمة في زيارة رسمية تستمر ثلاثة أيام");
  assert.doesNotMatch(
    deriveTitle("كشف رئيس لجنة المسابقات عن الفرق التي يحق لها المشاركة في البطولة الإقليمية وكذلك الفرق الممنوعة من التسجيل بسبب الديون."),
    /وكذلك|الفرق الممنوعة$/u,
  );
  assert.equal(
    deriveTitle("قال عضو المجلس البلدي السابق والكاتب والباحث الاقتصادي سالم بن حمد العتيبي إن الأسعار ستنخفض قريبا."),
    "سالم بن حمد العتيبي: الأسعار ستنخفض قريبا",
  );
});

test("a بن-name closed by a comma after the title that names him goes; a prince's name and a reporting lead's speaker stay", () => {
  assert.equal(deriveTitle("أعرب رئيس الاتحاد الإقليمي بالإنابة سالم بن حمد العلي، عن أسفه لتأجيل البطولة القارية."), "أعرب رئيس الاتحاد الإقليمي بالإنابة عن أسفه لتأجيل البطولة القارية");
  assert.match(deriveTitle("تعد زيارة ولي العهد الأمير سالم بن حمد للعاصمة، قبل يومين، من الزيارات المهمة."), /الأمير سالم بن حمد/u);
  assert.match(deriveTitle("أكد وزير الإسكان سالم بن حمد العلي، أن الوزارة ستبني ألف مسكن جديد."), /سالم بن حمد العلي/u);
});

test("a denial is no reporting lead: «X: …» would say what X denied", () => {
  const denial = deriveTitle("نفت وزارة النقل أن تكون قد أغلقت المعبر الحدودي أمام المسافرين.");
  assert.match(denial, /^نفت وزارة النقل/u);
  assert.doesNotMatch(denial, /:/u);
  const army = deriveTitle("نفى الجيش ما أعلنه المسلحون عن أن القوات تفرض حصارا على القرى الجبلية.");
  assert.match(army, /^نفى الجيش/u);
  // The same lead with a verb that states: «X: …».
  assert.equal(deriveTitle("أكدت وزارة النقل أن المعبر الحدودي مفتوح أمام المسافرين."), "وزارة النقل: المعبر الحدودي مفتوح أمام المسافرين");
});

test("round 5: between a marked name and the time aside that closes the subject, his titles and the place go when the object follows", () => {
  assert.equal(deriveTitle("استقبل الأمير سالم بن فهد في مكتبه بمقر الإمارة أمس وفد الغرفة التجارية بالمنطقة."), "استقبل الأمير سالم بن فهد وفد الغرفة التجارية بالمنطقة");
  assert.equal(
    deriveTitle("عقد الأمير نايف بن سعود الرئيس العام للهيئة الوطنية للرياضة رئيس اللجنة الأولمبية بمكتبه اليوم، اجتماعا مع أعضاء مجلس إدارة اتحاد السباحة لبحث خطة الموسم."),
    "عقد الأمير نايف بن سعود اجتماعا مع أعضاء مجلس إدارة اتحاد السباحة لبحث خطة الموسم",
  );
  // A long title chain before the marked name goes with it.
  assert.equal(
    deriveTitle("افتتح المشرف العام على برنامج تطوير المدارس في المنطقة الشمالية، الدكتور ماجد بن سعد الحربي، أمس، معرض الكتاب المدرسي الأول في مدينة الواحة."),
    "افتتح الدكتور ماجد بن سعد الحربي معرض الكتاب المدرسي الأول في مدينة الواحة",
  );
  // After a verb that takes a person, a title followed by the aside and a place is the object: it stays.
  assert.match(deriveTitle("استقبل الأمير سالم بن فهد وزير الزراعة أمس في مكتبه بمقر الإمارة وبحث معه مشاريع المنطقة."), /وزير الزراعة/u);
  // The object before the aside: nothing goes.
  assert.match(deriveTitle("افتتح الأمير سالم بن فهد مهرجان الربيع في حديقة الملك أمس بحضور عدد من المسؤولين."), /مهرجان الربيع/u);
});

test("round 5: a courtesy marker shows where the name starts; a name that runs on past the pattern stays whole", () => {
  assert.equal(
    deriveTitle("أصدر وزير الزراعة والمياه رئيس مجلس إدارة الصندوق الزراعي المهندس فهد بن علي العتيبي قرارا بتعيين مدير جديد للصندوق الزراعي في المنطقة الشرقية."),
    "أصدر وزير الزراعة والمياه قرارا بتعيين مدير جديد للصندوق الزراعي في المنطقة الشرقية",
  );
  assert.match(deriveTitle("نشر وزير الثقافة الأستاذ محمد علي حسن مقالة عن مستقبل المسرح الوطني في الصحف المحلية الصادرة اليوم في العاصمة."), /^نشر وزير الثقافة محمد علي حسن مقالة/u);
});

test("round 5: a number phrase is never cut from its verb or its range; a headline never ends on a bare number", () => {
  assert.equal(
    deriveTitle("ارتفع عدد المصابين في حادث انهيار المبنى السكني القديم بحي الصناعة في المدينة الساحلية الجمعة إلى 45 مصابا على الأقل وفق الدفاع المدني."),
    "ارتفع عدد المصابين في حادث انهيار المبنى السكني القديم بحي الصناعة في المدينة الساحلية إلى 45 مصابا على الأقل",
  );
  assert.equal(
    deriveTitle("خفضت مصانع الأسمنت في المنطقة الوسطى بسبب تراجع الطلب إنتاجها اليومي من 20 ألف طن إلى 15 ألف طن يوميا خلال الشهرين الماضيين بحسب تقرير الغرفة."),
    "خفضت مصانع الأسمنت في المنطقة الوسطى بسبب تراجع الطلب إنتاجها اليومي من 20 ألف طن إلى 15 ألف طن يوميا",
  );
  assert.doesNotMatch(deriveTitle("نقلت شركة الطيران الوطنية خلال موسم الصيف الحالي في رحلاتها الداخلية والدولية من مطارات المملكة أكثر من 26 مليون مسافر."), /\s(?:من|إلى)\s\d+$/u);
});

test("round 5: a comma before والتي ends the first clause", () => {
  assert.equal(
    deriveTitle("أطلقت وزارة الصحة تطبيق المواعيد الإلكترونية للمستشفيات الحكومية، والتي تتيح للمريض حجز موعده من هاتفه دون مراجعة المستشفى."),
    "أطلقت وزارة الصحة تطبيق المواعيد الإلكترونية للمستشفيات الحكومية",
  );
});

test("round 5: a governed preposition and a lead verb's prepositional complement are kept with their object", () => {
  assert.equal(
    deriveTitle("اقترب المهاجم الدولي الغاني صاحب الأهداف الحاسمة في بطولة الأمم الأفريقية الأخيرة من الانتقال إلى صفوف نادي الشباب السعودي."),
    "اقترب المهاجم الدولي الغاني صاحب الأهداف الحاسمة في بطولة الأمم الأفريقية الأخيرة من الانتقال إلى صفوف نادي الشباب السعودي",
  );
  assert.match(
    deriveTitle("عزا رئيس جمعية المزارعين في المنطقة الوسطى ارتفاع أسعار الخضار في الأسواق المحلية إلى موجة الحر التي ضربت المزارع خلال الأسبوع."),
    /إلى موجة الحر$/u,
  );
  assert.match(deriveTitle("أعرب رئيس مجلس إدارة الغرفة التجارية الصناعية في المدينة الساحلية الكبرى عن ارتياحه لنتائج المعرض الدولي للكتاب."), /عن ارتياحه/u);
  // A noun with its pronoun and an adverb before the preposition (`تعاقده رسميا | مع`).
  assert.match(deriveTitle("أعلن النادي الأهلي بطل الدوري المحلي لكرة السلة في المواسم الثلاثة الأخيرة تعاقده رسميا مع المدرب الإسباني خوان لوبيز لمدة عامين."), /تعاقده رسميا مع المدرب/u);
});

test("round 5: a reported nominal clause keeps its predicate; a bare day name, a hedge and an إضافة إلى aside go; قائلا ends the clause", () => {
  assert.equal(
    deriveTitle("أعلن الاتحاد الإقليمي للسباحة أمس أن منافسات الدور النهائي من بطولة الأندية الخليجية 2026 ستقام في ثلاث مدن هي: الدوحة والكويت ومسقط."),
    "الاتحاد الإقليمي للسباحة: منافسات الدور النهائي من بطولة الأندية الخليجية 2026 ستقام في ثلاث مدن",
  );
  assert.equal(deriveTitle("دانت وزارة الخارجية الأحد الهجوم الذي استهدف قافلة المساعدات الإنسانية قرب الحدود."), "دانت وزارة الخارجية الهجوم الذي استهدف قافلة المساعدات الإنسانية قرب الحدود");
  // A day name a preposition governs, or with its modifier, stays.
  assert.match(deriveTitle("تنطلق فعاليات مهرجان الربيع في الحديقة العامة الخميس المقبل بمشاركة عشرين فرقة شعبية."), /الخميس المقبل/u);
  assert.equal(deriveTitle("ذكرت مصادر صحافية في المدينة أن رئيس البلدية قرر، فيما يبدو، إغلاق السوق القديمة لأعمال الترميم."), "مصادر صحافية في المدينة: رئيس البلدية قرر إغلاق السوق القديمة لأعمال الترميم");
  assert.equal(
    deriveTitle("تحفظ عدد من أعضاء المجلس البلدي في المدينة، إضافة إلى ممثلي الغرفة التجارية، على خطة الأمانة الجديدة لتنظيم الأسواق."),
    "تحفظ عدد من أعضاء المجلس البلدي في المدينة على خطة الأمانة الجديدة لتنظيم الأسواق",
  );
  assert.equal(deriveTitle("أغلق المتحف الوطني أبوابه في وجه الزوار، قائلا إن أعمال الصيانة ستستغرق ثلاثة أشهر."), "أغلق المتحف الوطني أبوابه في وجه الزوار");
});

test("round 5: a bare اليوم and a trailing time word go; the length target may end before بحضور or بمناسبة", () => {
  assert.match(deriveTitle("تعقد اللجنة الوطنية للسلامة المرورية اليوم اجتماعا طارئا لمناقشة ارتفاع الحوادث على الطرق السريعة."), /^تعقد اللجنة الوطنية للسلامة المرورية اجتماعا طارئا/u);
  // Its adjective (اليوم الوطني) and a newspaper's name stay.
  assert.match(deriveTitle("احتفلت مدارس المنطقة الشرقية اليوم الوطني بمسيرات طلابية وعروض فنية في ساحات المدارس."), /اليوم الوطني/u);
  assert.match(deriveTitle("قال مدير المستشفى لصحيفة اليوم إن الجناح الجديد سيفتتح خلال أسابيع قليلة."), /^مدير المستشفى/u);
  assert.doesNotMatch(deriveTitle("أعلنت شرطة المنطقة الشمالية القبض على المتهمين بسرقة محلات الذهب في السوق القديمة الخميس."), /الخميس/u);
  assert.equal(
    deriveTitle("وزع متطوعو جمعية البر الخيرية ألفي سلة غذائية على الأسر المحتاجة في أحياء المدينة الجنوبية بمناسبة حلول شهر رمضان المبارك."),
    "وزع متطوعو جمعية البر الخيرية ألفي سلة غذائية على الأسر المحتاجة في أحياء المدينة الجنوبية",
  );
});

test("round 5: no opening conjunction; a speaker whose words open with a future or intention verb takes no colon", () => {
  assert.equal(deriveTitle("ولا يوجد حتى الآن أي اتفاق نهائي بين الطرفين على موعد استئناف المفاوضات."), "لا يوجد حتى الآن أي اتفاق نهائي بين الطرفين على موعد استئناف المفاوضات");
  assert.equal(deriveTitle("فإن الدراسات الحديثة تشير إلى أن النوم الكافي يحسن قدرة الطلاب على التركيز."), "الدراسات الحديثة تشير إلى أن النوم الكافي يحسن قدرة الطلاب على التركيز");
  // `وزارة` begins with و but is no conjunction.
  assert.match(deriveTitle("وزارة الصحة تطلق حملة وطنية للتطعيم ضد الحصبة في جميع المدارس الابتدائية."), /^وزارة الصحة/u);
  assert.equal(deriveTitle("قالت اليابان إنها ستفرض رسوما جديدة على واردات الصلب خلال الشهر المقبل."), "اليابان ستفرض رسوما جديدة على واردات الصلب خلال الشهر المقبل");
  assert.equal(deriveTitle("أعلن رئيس الوزراء أنه ينوي التوجه إلى البرلمان لطلب تجديد الثقة بحكومته."), "رئيس الوزراء ينوي التوجه إلى البرلمان لطلب تجديد الثقة بحكومته");
  // Not when what he said has its own subject (`لم تكن هناك …`).
  assert.match(deriveTitle("قال وزير الخارجية إنه لم تكن هناك أي زيارة رسمية لوفد الحركة إلى العاصمة."), /^وزير الخارجية: /u);
});
