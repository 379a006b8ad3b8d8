import { ContentError } from "../content/errors.ts";

/** One article is a few KB; anything above this is almost certainly several articles or the wrong file. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export interface Decoded {
  text: string;
  encoding: string;
  notice?: string;
}

const SAVE_AS_UTF8 = "open it in a text editor and save it as UTF-8 (\"Unicode (UTF-8)\")";

/** Throws if a file of `size` bytes is over the limit; also used before reading, so huge files are never loaded. */
export function checkSize(size: number, file: string): void {
  if (size > MAX_ARTICLE_BYTES) {
    throw new ContentError(file, `file is ${mb(size)} (${size} bytes), over the ${mb(MAX_ARTICLE_BYTES)} limit for one article`, {
      hint: "split it into one file per article (or check that this is the right file)",
    });
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Decodes an article file: UTF-8, UTF-16 (BOM or NUL pattern) or, failing UTF-8, Windows-1256 Arabic. */
export function decodeFile(bytes: Uint8Array, file: string): Decoded {
  checkSize(bytes.length, file);
  if (bytes.length === 0) {
    throw new ContentError(file, "file is empty", { hint: "write the article text into it, or leave it out of the import" });
  }
  const result = decodeBytes(bytes, file);
  // Invisible characters count as empty too: such a file has nothing to publish.
  if (!/[^\s\u200B-\u200F\u2060-\u2064\uFEFF]/u.test(result.text)) {
    throw new ContentError(file, "file has no text (only spaces or blank lines)", {
      hint: "write the article text into it, or leave it out of the import",
    });
  }
  return result;
}

function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(strict("utf-8", bytes.subarray(3), file), "utf-8", file);
  if (startsWith(bytes, [0xff, 0xfe])) return checked(strict("utf-16le", bytes.subarray(2), file), "utf-16le", file);
  if (startsWith(bytes, [0xfe, 0xff])) return checked(strict("utf-16be", bytes.subarray(2), file), "utf-16be", file);

  const utf16 = guessUtf16(bytes);
  if (utf16) {
    const text = tryDecode(utf16, bytes);
    if (text !== undefined) return checked(text, utf16, file);
  }
  if (bytes.includes(0)) throw binary(file, "it contains NUL bytes");

  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== undefined) return checked(utf8, "utf-8", file);

  // Not UTF-8: the usual Arabic legacy encoding is Windows-1256. Every byte maps to something,
  // so accept it only if the result actually reads as Arabic.
  const cp = new TextDecoder("windows-1256").decode(bytes);
  if (looksArabic(cp)) {
    return { ...checked(cp, "windows-1256", file), notice: "converted from Windows-1256" };
  }
  throw new ContentError(file, "file is not UTF-8 text (and does not read as Windows-1256 Arabic either)", {
    hint: SAVE_AS_UTF8,
  });
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function strict(encoding: string, bytes: Uint8Array, file: string): string {
  const text = tryDecode(encoding, bytes);
  if (text === undefined) {
    throw new ContentError(file, `file starts with a ${encoding.toUpperCase()} marker but is not valid ${encoding.toUpperCase()}`, {
      hint: `the file may be damaged or cut short; ${SAVE_AS_UTF8}`,
    });
  }
  return text;
}

/**
 * UTF-16 without a BOM: spaces, digits and newlines are 0x00XX, so NUL bytes pile up at
 * one parity (odd for LE, even for BE). Binary files have NULs at both.
 */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
  const units = bytes.length / 2;
  const [hi, lo] = odd >= even ? [odd, even] : [even, odd];
  if (hi < Math.max(1, units * 0.05) || lo > hi * 0.05) return undefined;
  return odd >= even ? "utf-16le" : "utf-16be";
}

// C0 controls other than tab/newlines/form feed, DEL, C1 controls (and NUL).
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/gu;

/** A few stray control characters occur in real crawled text (cleanText drops them); many mean binary. */
function checked(text: string, encoding: string, file: string): Decoded {
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(4, text.length * 0.01)) {
    throw binary(file, `it has ${controls} control characters`);
  }
  return { text, encoding };
}

function binary(file: string, why: string): ContentError {
  return new ContentError(file, `file looks binary, not text (${why})`, {
    hint: `import plain-text .txt files only; if this is a document (Word, PDF), copy its text into a .txt file and ${SAVE_AS_UTF8}`,
  });
}

/** Most non-ASCII characters are Arabic letters/marks/punctuation, and there are at least a few. */
function looksArabic(text: string): boolean {
  let arabic = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if ((c >= 0x0600 && c <= 0x06ff) || c === 0x00a0 || c === 0x00ab || c === 0x00bb) arabic++;
    else other++;
  }
  return arabic >= 3 && arabic >= (arabic + other) * 0.8;
}
