// HTML to the plain text we chunk: readable content only (Mozilla Readability, the engine
// behind Firefox Reader View, on a linkedom DOM), headings kept as Markdown `#` lines so the
// chunker can respect them.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

interface ExtractedHtml {
  title: string | null;
  text: string;
}

const BLOCKS = new Set(["P", "LI", "PRE", "BLOCKQUOTE", "TD", "TH", "DT", "DD", "FIGCAPTION", "CAPTION"]);
const HEADING = /^H([1-6])$/;

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Block-level text of an HTML fragment: one paragraph per block, headings as `#` lines. */
export function htmlBlocksToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: string[] = [];
  const walk = (node: NodeLike) => {
    const heading = HEADING.exec(node.nodeName);
    if (heading || BLOCKS.has(node.nodeName)) {
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text) blocks.push(heading ? `${"#".repeat(Number(heading[1]))} ${text}` : text);
      return;
    }
    if (node.nodeType === 3) {
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text) blocks.push(text);
      return;
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(document.body as unknown as NodeLike);
  return blocks.join("\n\n");
}

export function extractHtml(html: string): ExtractedHtml {
  const { document } = parseHTML(html);
  const pageTitle = document.title?.trim() || null;
  const article = new Readability(document as unknown as Document).parse();
  if (article?.content) {
    return { title: article.title?.trim() || pageTitle, text: htmlBlocksToText(article.content) };
  }
  const body = document.body?.innerHTML ?? html;
  return { title: pageTitle, text: htmlBlocksToText(body) };
}
