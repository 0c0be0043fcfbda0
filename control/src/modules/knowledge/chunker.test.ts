import { describe, expect, test } from "bun:test";
import { chunkDocument } from "./chunker.ts";

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const options = (maxTokens: number, overlapTokens = 0) => ({ maxTokens, overlapTokens, countTokens: words });

describe("chunkDocument", () => {
  test("keeps short paragraphs together and never crosses a heading", () => {
    const text = "# Refunds\n\nWithin 30 days.\n\nWith a receipt.\n\n# Shipping\n\nTwo days.";
    expect(chunkDocument(text, options(50)).map((chunk) => chunk.text)).toEqual([
      "Refunds\n\nWithin 30 days.\n\nWith a receipt.",
      "Shipping\n\nTwo days.",
    ]);
  });

  test("carries the heading trail of nested sections", () => {
    const text =
      "# Hotel\n\nWelcome.\n\n## Pool\n\nOpen at seven.\n\n### Towels\n\nAt the desk.\n\n## Gym\n\nAlways open.";
    expect(chunkDocument(text, options(50)).map((chunk) => chunk.text)).toEqual([
      "Hotel\n\nWelcome.",
      "Hotel > Pool\n\nOpen at seven.",
      "Hotel > Pool > Towels\n\nAt the desk.",
      "Hotel > Gym\n\nAlways open.",
    ]);
  });

  test("breaks at paragraphs first and every chunk stays within the budget", () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} has exactly six words.`);
    const chunks = chunkDocument(paragraphs.join("\n\n"), options(20));
    for (const chunk of chunks) {
      expect(chunk.tokens).toBeLessThanOrEqual(20);
      expect(words(chunk.text)).toBe(chunk.tokens);
    }
    expect(chunks.map((chunk) => chunk.text.split("\n\n").length)).toEqual([3, 3, 3, 3]);
  });

  test("overlaps consecutive chunks with the last sentences of the previous one", () => {
    const paragraph = Array.from({ length: 10 }, (_, i) => `Sentence number ${i} ends here.`).join(" ");
    const chunks = chunkDocument(paragraph, options(15, 5));
    expect(chunks.length).toBeGreaterThan(2);
    for (let i = 1; i < chunks.length; i++) {
      const lastOfPrevious = chunks[i - 1]!.text.split(/(?<=\.)\s+/).pop()!;
      expect(chunks[i]!.text.startsWith(lastOfPrevious)).toBe(true);
      expect(chunks[i]!.tokens).toBeLessThanOrEqual(15);
    }
    const all = chunks.map((chunk) => chunk.text).join(" ");
    for (let i = 0; i < 10; i++) expect(all).toContain(`Sentence number ${i} ends here.`);
  });

  test("cuts a run-on sentence at word boundaries", () => {
    const runOn = Array.from({ length: 95 }, (_, i) => `w${i}`).join(" ");
    const chunks = chunkDocument(runOn, options(20));
    expect(chunks.every((chunk) => chunk.tokens <= 20)).toBe(true);
    expect(
      chunks
        .map((chunk) => chunk.text)
        .join(" ")
        .split(" "),
    ).toEqual(runOn.split(" "));
  });

  test("ignores blank input and normalizes line breaks inside paragraphs", () => {
    expect(chunkDocument("  \n\n \r\n", options(10))).toEqual([]);
    expect(chunkDocument("line one\r\nline two", options(10))).toEqual([
      { text: "line one line two", tokens: 4 },
    ]);
  });
});
