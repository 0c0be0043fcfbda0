import type { ToolCallRecord } from "@switchboard/shared/schemas/call";
import type { ChatMessage } from "../providers/types.ts";

/** Where one agent sentence sits in the call's outgoing sample stream. */
interface SpokenSegment {
  text: string;
  wordCount: number;
  startSample: number;
  endSample: number;
  /** All of the sentence's audio has been enqueued. */
  complete: boolean;
}

/** Timestamps (ms since epoch) of one turn's stages; null where the stage did not run. */
export interface TurnTimeline {
  speechEndAt: number | null;
  endpointAt: number | null;
  sttFinalAt: number | null;
  llmRequestAt: number | null;
  /**
   * When the confirmed turn needed the model; set only when the request had started before
   * (a preemptive reply), so `llmRequestAt` is earlier.
   */
  llmNeededAt: number | null;
  llmFirstTokenAt: number | null;
  ttsRequestAt: number | null;
  ttsFirstByteAt: number | null;
  firstAudioEnqueuedAt: number | null;
  firstPacketAt: number | null;
}

export function emptyTimeline(): TurnTimeline {
  return {
    speechEndAt: null,
    endpointAt: null,
    sttFinalAt: null,
    llmRequestAt: null,
    llmNeededAt: null,
    llmFirstTokenAt: null,
    ttsRequestAt: null,
    ttsFirstByteAt: null,
    firstAudioEnqueuedAt: null,
    firstPacketAt: null,
  };
}

/** One agent turn, from the LLM request (or a scripted line) to its last sample played. */
export class AgentTurn {
  readonly segments: SpokenSegment[] = [];
  /** Assistant messages of this turn that carry spoken text, in order. */
  readonly messages: ChatMessage[] = [];
  /** Text produced for speaking so far (all rounds of the turn). */
  generatedText = "";
  /** The LLM finished (or the line was scripted): `generatedText` is everything there is to say. */
  generationComplete = false;
  /** Hang up with this cause once the turn has been heard. */
  hangupCause: string | null = null;
  /** The tools this turn called; one still running shows `cancelled` until it answers. */
  readonly toolCalls: ToolCallRecord[] = [];
  closed = false;

  constructor(
    readonly id: number,
    readonly startedAt: number,
    readonly timeline: TurnTimeline,
  ) {}
}

/** Sample rate of the segments' offsets (the gateway's internal format). */
const WORDS_PER_SECOND_ESTIMATE = 2.5;

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

/**
 * How many whole words of the turn the caller heard, given the samples already sent.
 * A sentence whose audio is still arriving is measured against an estimated length.
 */
export function heardWordCount(turn: AgentTurn, playedSamples: number, sampleRateHz: number): number {
  let words = 0;
  for (const segment of turn.segments) {
    if (playedSamples <= segment.startSample) break;
    const estimatedEnd = segment.complete
      ? segment.endSample
      : Math.max(
          segment.endSample,
          segment.startSample + (segment.wordCount / WORDS_PER_SECOND_ESTIMATE) * sampleRateHz,
        );
    if (playedSamples >= estimatedEnd) {
      words += segment.wordCount;
      continue;
    }
    const fraction = (playedSamples - segment.startSample) / (estimatedEnd - segment.startSample);
    words += Math.floor(fraction * segment.wordCount);
    break;
  }
  return words;
}
