import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { ContentError } from "../src/content/errors.ts";
import { checkSize, decodeFile, MAX_ARTICLE_BYTES } from "../src/text/decode.ts";
import {
  cleanText,
  decodeEntities,
  normalizeNewlines,
  normalizePersianLetters,
  normalizePresentationForms,
  normalizeSpaces,
  removeControls,
  removeInvisible,
  removeTatweel,
} from "../src/text/clean.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = resolve(ROOT, "../shared/corpus");
const NO_CORPUS = existsSync(CORPUS) ? false : `test corpus not found at ${CORPUS}`;

const ARABIC = "صرّح مصدر بالحكومة العراقية، يوم الثلاثاء، بأن الزيارة تهدف إلى إبرام اتفاقيات.\n\nوقال المصدر 12 مرة.\n";
const enc = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, be: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? "\uFEFF" : "") + s, "utf16le");
  if (be) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(le);
}

/** Windows-1256 encoder built from the decoder (Node has no legacy encoders). */
function cp1256(s: string): Uint8Array {
  const dec = new TextDecoder("windows-1256");
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(new Uint8Array([b])), b);
  return new Uint8Array([...s].map((ch) => {
    const b = map.get(ch);
    assert.notEqual(b, undefined, `no Windows-1256 byte for ${ch}`);
    return b!;
  }));
}

function throwsContent(fn: () => unknown, re: RegExp): ContentError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ContentError, `expected a ContentError, got ${String(caught)}`);
  assert.match(caught.message, re);
  assert.ok(caught.hint.length > 0, "has a hint");
  assert.doesNotMatch(caught.format(), /\n/, "one line");
  return caught;
}

// ---- decoding ----

test("decode: UTF-8 with and without BOM", () => {
  assert.deepEqual(decodeFile(enc(ARABIC), "a.txt"), { text: ARABIC, encoding: "utf-8" });
  const withBom = decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(ARABIC)]), "a.txt");
  assert.equal(withBom.text, ARABIC);
  assert.equal(withBom.notice, undefined);
});

test("decode: UTF-16LE/BE with BOM and by NUL pattern", () => {
  for (const be of [false, true]) {
    for (const bom of [true, false]) {
      const r = decodeFile(utf16(ARABIC, be, bom), "u16.txt");
      assert.equal(r.text, ARABIC, `be=${be} bom=${bom}`);
      assert.equal(r.encoding, be ? "utf-16be" : "utf-16le");
    }
  }
  // Latin text in UTF-16 has a NUL in every other byte.
  assert.equal(decodeFile(utf16("Hello, Baghdad.\n", false, false), "en.txt").text, "Hello, Baghdad.\n");
});

test("decode: truncated UTF-16 with a BOM is an error", () => {
  const bytes = utf16(ARABIC, false, true);
  throwsContent(() => decodeFile(bytes.subarray(0, bytes.length - 1), "cut.txt"), /not valid UTF-16LE/);
});

test("decode: Windows-1256 Arabic is converted with a notice", () => {
  const text = ARABIC.replace("ّ", ""); // shadda exists in cp1256 too, but keep the sample plain
  const r = decodeFile(cp1256(text), "old.txt");
  assert.equal(r.text, text);
  assert.equal(r.encoding, "windows-1256");
  assert.equal(r.notice, "converted from Windows-1256");
});

test("decode: non-UTF-8 text that is not Arabic is refused", () => {
  const latin1 = new Uint8Array([...enc("caf"), 0xe9, 0x20, ...enc("cr"), 0xe8, ...enc("me br"), 0xfb, ...enc("l"), 0xe9, 0x0a]);
  const e = throwsContent(() => decodeFile(latin1, "fr.txt"), /not UTF-8/);
  assert.match(e.hint, /UTF-8/);
});

test("decode: binary files are refused with a hint", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
  const e = throwsContent(() => decodeFile(png, "photo.txt"), /binary/);
  assert.match(e.format(), /^photo\.txt: /);
  assert.match(e.hint, /plain-text/);
  // Control characters without NULs (e.g. some old binary formats) are binary too.
  const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 20) : 0x41));
  throwsContent(() => decodeFile(controls, "ctl.txt"), /binary/);
  // Random bytes, deterministic.
  let x = 12345;
  const noise = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  throwsContent(() => decodeFile(noise, "noise.txt"), /binary|not UTF-8/);
});

test("decode: a few stray control characters in real text are tolerated", () => {
  const r = decodeFile(enc("خطوات التالية: \u001a قبل كل شيء.\n"), "a.txt");
  assert.equal(r.encoding, "utf-8");
});

test("decode: empty and whitespace-only files", () => {
  throwsContent(() => decodeFile(new Uint8Array(0), "empty.txt"), /empty/);
  throwsContent(() => decodeFile(enc("  \n\n\t \u00A0\n"), "blank.txt"), /no text/);
  throwsContent(() => decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), "bom.txt"), /no text/);
  throwsContent(() => decodeFile(utf16("   \n", false, true), "blank16.txt"), /no text/);
});

test("decode: files over the size limit say the size, the limit and what to do", () => {
  const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
  const e = throwsContent(() => decodeFile(big, "huge.txt"), /20\.0 MB/);
  assert.match(e.message, /2\.0 MB limit/);
  assert.match(e.hint, /split/);
  assert.match(e.format(), /^huge\.txt: /);
  assert.doesNotThrow(() => checkSize(MAX_ARTICLE_BYTES, "ok.txt"));
  assert.throws(() => checkSize(MAX_ARTICLE_BYTES + 1, "big.txt"), ContentError);
});

// ---- cleaning, step by step ----

test("clean: newlines", () => {
  assert.equal(normalizeNewlines("a\r\nb\rc\u2028d\u0085e\nf"), "a\nb\nc\nd\ne\nf");
});

test("clean: HTML entities", () => {
  assert.equal(decodeEntities("&quot;سبق&quot; &#39;سول&#39; &#8220;حماس&#8221; &amp; &#8211;"), "\"سبق\" 'سول' “حماس” & –");
  assert.equal(decodeEntities("a&nbsp;b"), "a\u00A0b");
  assert.equal(decodeEntities("&amp;quot;x&amp;quot;"), '"x"'); // escaped twice by a feed
  assert.equal(decodeEntities("AT&T R&D 5 & 6"), "AT&T R&D 5 & 6");
  assert.equal(decodeEntities("&#65275;"), "\uFEFB"); // then presentation forms take over
});

test("clean: Arabic presentation forms become standard letters", () => {
  assert.equal(normalizePresentationForms("ﺧﻼﻓﺎﺕ"), "خلافات");
  assert.equal(normalizePresentationForms("ﻻ ﺍﻟﻤﺸﺎﺭﻛﺔ ﻓﻲ"), "لا المشاركة في");
  assert.equal(normalizePresentationForms("\uFDF2"), "الله");
  assert.equal(normalizePresentationForms("ب\uFE77"), "ب\u064E"); // medial fatha form → the mark only
  assert.equal(normalizePresentationForms("عادي ١٢ abc ﬁ"), "عادي ١٢ abc ﬁ"); // other compatibility chars untouched
});

test("clean: zero-width and bidi controls removed; ZWNJ only kept where it shapes letters", () => {
  const controls = "\u200B\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF\u061C";
  assert.equal(removeInvisible(`ال${controls}وحدة\u200F`), "الوحدة");
  assert.equal(removeInvisible("می\u200Cخواهم"), "می\u200Cخواهم"); // Persian: yeh is dual-joining
  assert.equal(removeInvisible("لا\u200C تقطعن"), "لا تقطعن"); // before a space
  assert.equal(removeInvisible("والا\u200Cيام"), "والايام"); // alef never joins left: invisible
  assert.equal(removeInvisible("abc\u200Cdef"), "abcdef");
  assert.equal(removeInvisible("👨\u200D👩\u200D👧"), "👨\u200D👩\u200D👧");
  assert.equal(removeInvisible("ب\u200Dب"), "بب");
});

test("clean: stray control characters", () => {
  assert.equal(removeControls("a\u001Ab\u0007c\u0085d\n\te"), "a b c d\n\te");
});

test("clean: Persian/Urdu letters", () => {
  assert.equal(normalizePersianLetters("٢٥٠ مليار ریال"), "٢٥٠ مليار ريال");
  assert.equal(normalizePersianLetters("علی الجلود"), "على الجلود");
  assert.equal(normalizePersianLetters("أؤکد"), "أؤكد");
  assert.equal(normalizePersianLetters("ابراھيم"), "ابراهيم");
  assert.equal(normalizePersianLetters("مدرسۀ"), "مدرسة");
  assert.equal(normalizePersianLetters("گوگل پ چ ژ ۱۲۳ هەڵەبجە"), "گوگل پ چ ژ ۱۲۳ هەڵەبجە");
});

test("clean: tatweel inside words removed, meaningful tatweel kept", () => {
  assert.equal(removeTatweel("الأمـــن جـونـي"), "الأمن جوني");
  assert.equal(removeTatweel("جـَميل"), "جَميل");
  assert.equal(removeTatweel("لـ«الشرق الأوسط» بـ 28"), "لـ«الشرق الأوسط» بـ 28");
  assert.equal(removeTatweel("1436 هـ"), "1436 هـ");
  assert.equal(removeTatweel("المدن الليبية ـ التي ـ أول"), "المدن الليبية ـ التي ـ أول");
  assert.equal(removeTatweel("لندن ــ د. ب. أ"), "لندن ــ د. ب. أ");
});

test("clean: spaces", () => {
  assert.equal(normalizeSpaces("  a\u00A0\u00A0b\tc\u2003d\u202Fe\u3000f  \n\u00A0 x  y \n"), "a b c d e f\nx y\n");
});

test("cleanText: keeps diacritics, punctuation, Latin and digits as written", () => {
  const s = "مُحَمَّدٌ قال: «نعم»، “هذا” ؛ لماذا؟ iPhone 6s — ٢٥٠ و250 (1/2) A&B";
  assert.equal(cleanText(s), s);
});

test("cleanText: all steps together", () => {
  const raw = "\uFEFF سبق-\u00A0ﺟﺪﺓ:\r\n\r\n\u200F&quot;ﺍﻟﺤﻮﺛﻴﻴﻦ&quot;  في الیمن   الأمـــن\u202B\r\n";
  assert.equal(cleanText(raw), 'سبق- جدة:\n\n"الحوثيين" في اليمن الأمن\n');
});

test("cleanText is idempotent on the tricky corpus", { skip: NO_CORPUS }, () => {
  const dir = join(CORPUS, "tricky/snn_raw");
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    const once = cleanText(readFileSync(join(dir, f), "utf8"));
    assert.equal(cleanText(once), once, f);
  }
});

test("paragraph repair: glued paragraphs split, mid-sentence splits joined", async () => {
  const { splitGluedParagraphs, mergeBrokenParagraphs } = await import("../src/text/paragraphs.ts");
  assert.equal(splitGluedParagraphs("الجملة الأولى. \u00A0 \"سبق\" تسعى."), "الجملة الأولى.\n\n\"سبق\" تسعى.");
  assert.equal(splitGluedParagraphs("الرقم 3. 5 وحدات"), "الرقم 3. 5 وحدات"); // one space: ordinary prose
  assert.equal(splitGluedParagraphs("يبلغ \u00A0 50 ريالا"), "يبلغ \u00A0 50 ريالا"); // no sentence end before the run
  const m = mergeBrokenParagraphs(["ونقل المكتب عن الأعرجي قوله،", "إن \"الحكومة تتجه إلى الانفتاح\".", "فقرة تامة."]);
  assert.deepEqual(m, { paragraphs: ["ونقل المكتب عن الأعرجي قوله، إن \"الحكومة تتجه إلى الانفتاح\".", "فقرة تامة."], merged: 1 });
  // A reporting sentence cut inside the speaker's name, a coordinated phrase cut after its comma.
  const n = mergeBrokenParagraphs(["أعلنت الوزارة النتائج أمس. وقال المتحدث باسم الوزارة سالم", "العتيبي: النتائج مشجعة.", "ارتفع المؤشر 20 نقطة ، وبتداولات", "تجاوزت مليار ريال."]);
  assert.equal(n.merged, 2);
  // A complete paragraph with no full stop (a heading, a verse) is left alone.
  assert.equal(mergeBrokenParagraphs(["أكد الوزير ضرورة تطوير الخدمات في جميع المناطق دون استثناء", "وفي سياق آخر افتتح المعرض."]).merged, 0);
});
