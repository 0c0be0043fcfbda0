// Splits a document into passages sized for the embedding model. A chunk never crosses a
// heading (each carries its heading trail, so "Refunds" stays attached to its paragraphs),
// prefers paragraph boundaries, falls back to sentences and then words for long paragraphs,
// and repeats the tail of the previous chunk (up to `overlapTokens`) so a fact that straddles
// a boundary is whole in at least one chunk.

interface Chunk {
  text: string;
  tokens: number;
}

interface ChunkOptions {
  maxTokens: number;
  overlapTokens: number;
  /** Tokens of a piece of text as the model sees it (without special tokens). */
  countTokens: (text: string) => number;
}

interface Section {
  headings: string[];
  paragraphs: string[];
}

interface Unit {
  text: string;
  tokens: number;
  /** Starts a paragraph: joined with a blank line, else with a space. */
  paragraphStart: boolean;
}

const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const SENTENCE_END = /(?<=[.!?;:])\s+(?=\S)/;

export function chunkDocument(text: string, options: ChunkOptions): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections(text)) {
    const trail = section.headings.join(" > ");
    const trailTokens = trail ? options.countTokens(trail) : 0;
    const budget = Math.max(8, options.maxTokens - trailTokens);
    const overlap = Math.min(options.overlapTokens, Math.floor(budget / 2));
    for (const body of packSection(section, budget, overlap, options.countTokens)) {
      const chunkText = trail ? `${trail}\n\n${body.text}` : body.text;
      chunks.push({ text: chunkText, tokens: body.tokens + trailTokens });
    }
  }
  return chunks;
}

function sections(text: string): Section[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const result: Section[] = [];
  let headings: string[] = [];
  let levels: number[] = [];
  let current: Section = { headings, paragraphs: [] };
  let paragraph: string[] = [];

  const endParagraph = () => {
    const joined = paragraph.join(" ").replace(/\s+/g, " ").trim();
    if (joined) current.paragraphs.push(joined);
    paragraph = [];
  };

  for (const line of lines) {
    const heading = MARKDOWN_HEADING.exec(line.trim());
    if (heading) {
      endParagraph();
      if (current.paragraphs.length > 0) result.push(current);
      const level = heading[1]!.length;
      const keep = levels.filter((existing) => existing < level).length;
      levels = [...levels.slice(0, keep), level];
      headings = [...headings.slice(0, keep), heading[2]!.trim()];
      current = { headings, paragraphs: [] };
    } else if (line.trim() === "") {
      endParagraph();
    } else {
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  if (current.paragraphs.length > 0) result.push(current);
  return result;
}

function units(section: Section, budget: number, count: (text: string) => number): Unit[] {
  const result: Unit[] = [];
  for (const paragraph of section.paragraphs) {
    const tokens = count(paragraph);
    if (tokens <= budget) {
      result.push({ text: paragraph, tokens, paragraphStart: true });
      continue;
    }
    let first = true;
    for (const sentence of paragraph.split(SENTENCE_END)) {
      for (const piece of splitLong(sentence, budget, count)) {
        result.push({ ...piece, paragraphStart: first });
        first = false;
      }
    }
  }
  return result;
}

/** A sentence longer than the budget is cut at word boundaries. */
function splitLong(sentence: string, budget: number, count: (text: string) => number): Chunk[] {
  const tokens = count(sentence);
  if (tokens <= budget) return [{ text: sentence, tokens }];
  const words = sentence.split(/\s+/);
  const pieces: Chunk[] = [];
  let start = 0;
  while (start < words.length) {
    let end = Math.min(words.length, start + Math.max(1, Math.floor(budget / 2)));
    while (end < words.length && count(words.slice(start, end + 1).join(" ")) <= budget) end++;
    while (end - start > 1 && count(words.slice(start, end).join(" ")) > budget) end--;
    const text = words.slice(start, end).join(" ");
    pieces.push({ text, tokens: count(text) });
    start = end;
  }
  return pieces;
}

function join(parts: Unit[]): string {
  return parts
    .map((unit, i) => (i === 0 ? unit.text : `${unit.paragraphStart ? "\n\n" : " "}${unit.text}`))
    .join("");
}

function packSection(
  section: Section,
  budget: number,
  overlapTokens: number,
  count: (text: string) => number,
): Chunk[] {
  const out: Chunk[] = [];
  let current: Unit[] = [];
  let currentTokens = 0;
  let fresh = 0;

  for (const unit of units(section, budget, count)) {
    if (fresh > 0 && currentTokens + unit.tokens > budget) {
      out.push({ text: join(current), tokens: currentTokens });
      current = tail(current, overlapTokens, budget - unit.tokens, count);
      currentTokens = current.reduce((sum, part) => sum + part.tokens, 0);
      fresh = 0;
    }
    current.push(unit);
    currentTokens += unit.tokens;
    fresh++;
  }
  if (fresh > 0) out.push({ text: join(current), tokens: currentTokens });
  return out;
}

/** The last sentences of `parts`, at most `overlapTokens` and never more than `room`. */
function tail(parts: Unit[], overlapTokens: number, room: number, count: (text: string) => number): Unit[] {
  const limit = Math.min(overlapTokens, room);
  if (limit <= 0) return [];
  const sentences: Unit[] = [];
  for (const part of parts) {
    const split = part.text.split(SENTENCE_END);
    split.forEach((sentence, i) => {
      sentences.push({ text: sentence, tokens: -1, paragraphStart: part.paragraphStart && i === 0 });
    });
  }
  const kept: Unit[] = [];
  let total = 0;
  for (let i = sentences.length - 1; i >= 0; i--) {
    const sentence = sentences[i]!;
    const tokens = count(sentence.text);
    if (total + tokens > limit) break;
    kept.unshift({ ...sentence, tokens });
    total += tokens;
  }
  if (kept.length > 0) kept[0] = { ...kept[0]!, paragraphStart: true };
  return kept;
}
