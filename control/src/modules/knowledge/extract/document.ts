// Uploaded or fetched bytes to plain text: PDF (unpdf, PDF.js), DOCX (mammoth), HTML
// (readability), plain text and Markdown. Anything else is a 415; a damaged file is a 422.
import { ApiError } from "@switchboard/shared/errors";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { extractHtml, htmlBlocksToText } from "./html.ts";

export type DocumentType = "pdf" | "docx" | "html" | "text";

export interface ExtractedDocument {
  type: DocumentType;
  title: string | null;
  text: string;
}

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const SUPPORTED_UPLOADS = "PDF, DOCX, TXT or Markdown";

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Decides the type from the content first, then the name and declared type. */
export function detectType(bytes: Uint8Array, fileName: string, mimeType: string): DocumentType | null {
  const name = fileName.toLowerCase();
  const mime = mimeType.toLowerCase().split(";")[0]!.trim();
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) return name.endsWith(".docx") || mime === DOCX_MIME ? "docx" : null;
  if (name.endsWith(".pdf") || mime === "application/pdf") return "pdf";
  if (name.endsWith(".docx") || mime === DOCX_MIME) return "docx";
  if (name.endsWith(".html") || name.endsWith(".htm") || mime === "text/html") return "html";
  if (/\.(txt|md|markdown|text)$/.test(name) || mime === "text/plain" || mime === "text/markdown")
    return "text";
  return null;
}

function invalid(detail: string): ApiError {
  return new ApiError(422, "invalid_document", detail);
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("The file is not valid UTF-8 text.");
  }
  if (text.includes("\u0000")) throw invalid("The file looks binary, not text.");
  return text.replace(/^\uFEFF/, "");
}

async function extractPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const { text } = await extractText(pdf, { mergePages: false });
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim() : null;
    return { type: "pdf", title, text: text.map((page) => page.trim()).join("\n\n") };
  } catch (error) {
    throw invalid(`The PDF could not be read: ${(error as Error).message}`);
  }
}

async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return { type: "docx", title: null, text: htmlBlocksToText(result.value) };
  } catch (error) {
    throw invalid(`The DOCX file could not be read: ${(error as Error).message}`);
  }
}

export async function extractDocument(bytes: Uint8Array, type: DocumentType): Promise<ExtractedDocument> {
  let document: ExtractedDocument;
  switch (type) {
    case "pdf":
      document = await extractPdf(bytes);
      break;
    case "docx":
      document = await extractDocx(bytes);
      break;
    case "html": {
      const html = extractHtml(decodeText(bytes));
      document = { type, title: html.title, text: html.text };
      break;
    }
    case "text":
      document = { type, title: null, text: decodeText(bytes) };
      break;
  }
  if (!document.text.trim()) throw invalid("The document contains no text.");
  return document;
}
