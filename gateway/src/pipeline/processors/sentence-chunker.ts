import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import type { AgentTurn } from "../turn.ts";

const SENTENCE_END = /[.!?…]+["')\]]*\s|\n+/g;
const CLAUSE_END = /[,;:—]\s/g;
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "vs", "etc", "jr", "sr", "prof", "e.g", "i.e"]);

interface ChunkerOptions {
  /** A clause boundary (comma, semicolon...) cuts only once this much text is waiting. */
  minClauseChars: number;
}

/** Splits the LLM's text stream into sentences (or long clauses) as soon as each is complete. */
export class SentenceChunker extends Processor {
  readonly name = "sentence-chunker";
  override readonly handlesAudio = false;
  private buffer = "";
  private turn: AgentTurn | null = null;

  constructor(private readonly options: ChunkerOptions = { minClauseChars: 60 }) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    if (direction === "downstream") {
      switch (frame.type) {
        case "llm_text":
          if (this.turn !== frame.turn) this.flush();
          this.turn = frame.turn;
          this.buffer += frame.text;
          this.emitComplete();
          return;
        case "llm_end":
        case "mark":
          this.flush();
          break;
        case "interruption":
        case "end":
          this.buffer = "";
          this.turn = null;
          break;
      }
    }
    this.push(frame, direction);
  }

  private emitComplete(): void {
    for (let cut = findCut(this.buffer, this.options.minClauseChars); cut > 0; ) {
      this.emitText(this.buffer.slice(0, cut));
      this.buffer = this.buffer.slice(cut);
      cut = findCut(this.buffer, this.options.minClauseChars);
    }
  }

  private flush(): void {
    this.emitText(this.buffer);
    this.buffer = "";
  }

  private emitText(text: string): void {
    const sentence = text.trim();
    if (sentence && this.turn) this.push({ type: "speak", text: sentence, turn: this.turn });
  }
}

/** Length of the first complete chunk in `text`, or 0 when none is complete yet. */
export function findCut(text: string, minClauseChars: number): number {
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith("\n")) {
      if (text.slice(0, match.index).trim()) return end;
      continue;
    }
    const lastWord = /([\p{L}.]+)$/u.exec(text.slice(0, match.index))?.[1]?.toLowerCase() ?? "";
    if (match[0].startsWith(".") && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    return end;
  }
  CLAUSE_END.lastIndex = 0;
  for (let match = CLAUSE_END.exec(text); match; match = CLAUSE_END.exec(text)) {
    if (match.index >= minClauseChars) return match.index + match[0].length;
  }
  return 0;
}
