import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import * as cheerio from "cheerio";

export function htmlFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".html")).sort();
}

export function load(root: string, file: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(root, file), "utf8"));
}

/** URL path of an output file: ar/x/index.html → /ar/x/ */
export function urlOf(file: string): string {
  return "/" + file.replace(/index\.html$/, "");
}

export interface Broken {
  page: string;
  url: string;
  reason: string;
}

/**
 * Every internal link and asset in the built site must resolve to a file; the
 * site may link to other hosts but never load anything from them.
 */
const LOADING_RELS = new Set(["stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"]);

export function checkLinks(root: string, prefix = "/", origin = "https://archive.example.org"): { broken: Broken[]; checked: number } {
  const broken: Broken[] = [];
  let checked = 0;
  const resolveFile = (path: string): boolean => {
    const p = join(root, decodeURIComponent(path));
    if (existsSync(p) && statSync(p).isFile()) return true;
    return existsSync(join(p, "index.html"));
  };
  const check = (page: string, rawUrl: string, isLoad: boolean) => {
    let raw = rawUrl;
    checked++;
    if (/^(mailto:|#)/.test(raw)) return;
    // Absolute links to the site itself (canonical, hreflang, feeds) must resolve too.
    if (raw.startsWith(origin + "/")) raw = raw.slice(origin.length);
    if (/^[a-z]+:/i.test(raw) || raw.startsWith("//")) {
      if (isLoad) broken.push({ page, url: raw, reason: "loads from another host" });
      else if (!/^https?:/i.test(raw)) broken.push({ page, url: raw, reason: "unsafe scheme" });
      return;
    }
    const base = "http://x" + prefix.replace(/\/?$/, "/") + urlOf(page).slice(1);
    const u = new URL(raw, base);
    let path = u.pathname;
    if (!path.startsWith(prefix)) {
      broken.push({ page, url: raw, reason: `outside the path prefix ${prefix}` });
      return;
    }
    path = "/" + path.slice(prefix.length);
    if (!resolveFile(path)) broken.push({ page, url: raw, reason: "no such file" });
  };
  for (const file of htmlFiles(root)) {
    const $ = load(root, file);
    $("a[href]").each((_, el) => check(file, $(el).attr("href")!, false));
    $("link[href]").each((_, el) => check(file, $(el).attr("href")!, ($(el).attr("rel") ?? "").split(/\s+/).some((r) => LOADING_RELS.has(r))));
    $("script[src], img[src], source[src], iframe[src]").each((_, el) => check(file, $(el).attr("src")!, true));
  }
  for (const css of (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".css"))) {
    const text = readFileSync(join(root, css), "utf8");
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      checked++;
      const raw = m[1]!;
      if (/^[a-z]+:/i.test(raw)) {
        if (!raw.startsWith("data:")) broken.push({ page: css, url: raw, reason: "loads from another host" });
        continue;
      }
      const path = posix.join(posix.dirname("/" + css), raw);
      if (!resolveFile(path)) broken.push({ page: css, url: raw, reason: "no such file" });
    }
  }
  return { broken, checked };
}
