// What a realtime call puts on its transcript: the agent's items as heard (the whole of it, or
// the words played before a barge-in), the caller's words and digits, and the tool calls made
// in between, each on the first agent turn reported after it settled.
import type { CallReporter } from "../call-core/application.ts";
import type { PipelineClock } from "../pipeline/clock.ts";
import type { ToolResult } from "../pipeline/tools/types.ts";
import { agentTranscriptTurn, userTranscriptTurn } from "../pipeline/turn-report.ts";
import type { ChatMessage } from "../providers/types.ts";
import { type AgentItem, newTimeline } from "./agent-speech.ts";
import { ToolCallRecords } from "./tool-call-records.ts";

export class RealtimeTurnReports {
  private readonly toolCalls: ToolCallRecords;
  /** The conversation as reported, for a warm transfer's briefing. */
  readonly history: ChatMessage[] = [];

  constructor(
    private readonly reporter: CallReporter,
    private readonly clock: PipelineClock,
  ) {
    this.toolCalls = new ToolCallRecords(clock);
  }

  /** An agent item played out (`interrupted`: cut after `text`, the words heard); nothing for no words. */
  agent(item: AgentItem, text: string, interrupted: boolean): void {
    if (!text) return;
    this.history.push({ role: "assistant", content: text });
    this.reporter.turn(
      agentTranscriptTurn(
        text,
        item.startedAt,
        this.clock.now(),
        interrupted,
        item.timeline,
        this.toolCalls.take(),
      ),
    );
  }

  /** The caller's words, from when they started speaking to when they stopped. */
  user(text: string, startedAt: number, endedAt: number): void {
    this.history.push({ role: "user", content: text });
    this.reporter.turn(userTranscriptTurn(text, startedAt, endedAt));
  }

  /** A tool call started; the returned function records its result. */
  toolStarted(name: string, args: string): (result: ToolResult, interrupted: boolean) => void {
    return this.toolCalls.start(name, args);
  }

  /** The call ended: tool calls not yet on a turn go on one of their own. */
  callEnded(): void {
    const left = this.toolCalls.takeAll();
    if (left.length === 0) return;
    const now = this.clock.now();
    this.reporter.turn(agentTranscriptTurn("", now, now, false, newTimeline(null), left));
  }
}
