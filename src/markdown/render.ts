import MarkdownIt from "markdown-it";

/**
 * Article bodies are untrusted: raw HTML is shown as text (html: false),
 * images are off (they would load from other hosts), and links may only
 * point at http(s) or mailto addresses.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable(["image"]);
md.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

export interface Rendered {
  html: string;
  /** Plain text of each paragraph/block, in order (for entity tagging and comparison). */
  paragraphs: string[];
}

export function renderMarkdown(body: string): Rendered {
  const tokens = md.parse(body, {});
  const paragraphs: string[] = [];
  for (const [k, tok] of tokens.entries()) {
    if (tok.type !== "inline") continue;
    const text = (tok.children ?? [])
      .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : ""))
      .join("")
      .trim();
    if (text) {
      // Numbered so a page can mark a paragraph (e.g. one shared with another article).
      tokens[k - 1]?.attrSet("data-p", String(paragraphs.length));
      paragraphs.push(text);
    }
  }
  return { html: md.renderer.render(tokens, md.options, {}), paragraphs };
}
