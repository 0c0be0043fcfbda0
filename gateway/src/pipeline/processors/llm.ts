import type { ToolCallRecord } from "@switchboard/shared/schemas/call";
import type { CallControl, CallReporter } from "../../call-core/application.ts";
import type { ChatMessage, LlmProvider, LlmRequest, ToolCall } from "../../providers/types.ts";
import type { PipelineClock } from "../clock.ts";
import type { DataFrame, Frame } from "../frames.ts";
import { appendUserMessage, truncateToHeard } from "../history.ts";
import { type Direction, QueuedProcessor } from "../processor.ts";
import type { ToolRegistry } from "../tools/registry.ts";
import type { ToolContext } from "../tools/types.ts";
import { AgentTurn, emptyTimeline, heardWordCount, splitWords, type TurnTimeline } from "../turn.ts";
import { agentTranscriptTurn, userTranscriptTurn } from "../turn-report.ts";
import { PreemptiveReply, type PreemptiveRequest, sameWords } from "../turn-taking/preemptive-reply.ts";

export interface LlmProcessorOptions {
  provider: LlmProvider;
  request: Pick<LlmRequest, "model" | "temperature" | "maxTokens">;
  systemPrompt: string;
  firstMessage: string;
  tools: ToolRegistry;
  /** Sends DTMF digits to the caller (the send_dtmf tool). */
  sendDtmf(digits: string): Promise<void>;
  control: CallControl;
  reporter: CallReporter;
  clock: PipelineClock;
  sampleRateHz: number;
  /** Knowledge for the caller's words, added to the request as a system message. */
  retrieveContext?: (query: string, signal: AbortSignal) => Promise<string | null>;
  /** Model calls per turn, counting those after tool results. */
  maxRounds?: number;
  /** Spoken when the model ends the call without saying anything. */
  goodbyeMessage?: string;
  /** Runs the warm_transfer tool; absent: the tool reports it is not available. */
  warmTransfer?: ToolContext["warmTransfer"];
}

interface ResumePoint {
  remainder: string;
  generationComplete: boolean;
  hangupCause: string | null;
}

/**
 * Owns the conversation: turns the caller's utterances into LLM turns (with tools), speaks
 * scripted lines, and on interruption cuts the history to what the caller heard.
 */
export class LlmProcessor extends QueuedProcessor {
  readonly name = "llm";
  override readonly handlesAudio = false;
  readonly history: ChatMessage[];
  private readonly active: AgentTurn[] = [];
  private resume: ResumePoint | null = null;
  private nextTurnId = 1;
  /** Text of the model message being streamed, not yet in the history. */
  private streaming: { turn: AgentTurn; text: string } | null = null;
  /** A reply started before the caller's turn was confirmed (endpointing's `preemptive_turn`). */
  private preemptive: PreemptiveReply | null = null;
  /** Knowledge the preemptive request was made with (later rounds of its turn reuse it). */
  private preemptiveContext: Promise<string | null> = Promise.resolve(null);
  private handling = false;
  /** A warm transfer handed the call to a person: the agent no longer speaks. */
  private handedOver = false;
  /** Aborted at the call's end: what a started tool call runs under (an interruption does not stop it). */
  private readonly callEnded = new AbortController();
  /** The turn whose tool call is running, and its report when the caller interrupted it meanwhile. */
  private toolTurn: AgentTurn | null = null;
  private deferredReport: (() => void) | null = null;

  constructor(private readonly options: LlmProcessorOptions) {
    super();
    this.history = [{ role: "system", content: options.systemPrompt }];
  }

  protected override process(frame: Frame, direction: Direction): void {
    if (frame.type === "preemptive_turn") {
      this.startPreemptive(frame.text);
      return;
    }
    if (frame.type === "preemptive_turn_cancelled") {
      this.cancelPreemptive();
      return;
    }
    if (frame.type === "end") this.callEnded.abort(new DOMException("call ended", "AbortError"));
    if (frame.type === "agent_turn_ended") this.finishTurn(frame.turn);
    // Playout answers an interruption (or the end) with what reached the caller.
    else if (frame.type === "playout_stopped") this.interruptTurns(frame.playedSamples);
    super.process(frame, direction);
    if (frame.type === "start" && this.options.firstMessage) {
      super.process({ type: "say", text: this.options.firstMessage, hangupCause: null }, "downstream");
    }
  }

  protected async handle(frame: DataFrame, signal: AbortSignal): Promise<void> {
    this.handling = true;
    try {
      if (this.handedOver) {
        // Listening after a handover: the caller's words are kept, nothing is said.
        if (frame.type === "user_turn" && frame.text)
          this.recordUserTurn(frame.text, frame.startedAt, frame.timeline);
        else if (frame.type !== "say" && frame.type !== "user_turn") this.emit(frame, signal);
        return;
      }
      if (frame.type === "say") {
        this.speakScripted(frame.text, frame.hangupCause, emptyTimeline(), signal);
      } else if (frame.type === "user_turn") {
        await this.onUserTurn(frame.text, frame.startedAt, frame.timeline, signal);
      } else {
        this.emit(frame, signal);
      }
    } finally {
      this.handling = false;
    }
  }

  protected override onInterruption(): void {
    this.cancelPreemptive();
  }

  /**
   * Starts the model on the caller's words before their turn is confirmed, only while the agent
   * is silent and idle. Nothing is spoken or added to the history until `takePreemptive`.
   */
  private startPreemptive(text: string): void {
    this.cancelPreemptive();
    if (this.handling || this.active.length > 0) return;
    const messages = this.history.slice();
    const last = messages.at(-1);
    if (last?.role === "user") messages[messages.length - 1] = { ...last };
    appendUserMessage(messages, text);
    const context = Promise.withResolvers<string | null>();
    this.preemptiveContext = context.promise;
    const request: PreemptiveRequest = {
      text,
      messages,
      run: (signal) => this.preemptiveEvents(text, messages, context.resolve, signal),
    };
    this.preemptive = new PreemptiveReply(request, this.options.clock);
  }

  private async *preemptiveEvents(
    text: string,
    messages: ChatMessage[],
    retrieved: (context: string | null) => void,
    signal: AbortSignal,
  ) {
    const context = this.options.retrieveContext ? await this.retrieve(text, signal) : null;
    retrieved(context);
    if (signal.aborted) return;
    yield* this.options.provider.stream(this.modelRequest(messages, context), signal);
  }

  private cancelPreemptive(): void {
    this.preemptive?.cancel();
    this.preemptive = null;
  }

  /**
   * The reply started early, if it answers this turn's words (case and punctuation aside: an
   * interim and its final differ in them) and the history since is unchanged.
   */
  private takePreemptive(text: string): PreemptiveReply | null {
    const reply = this.preemptive;
    this.preemptive = null;
    if (!reply) return null;
    const expected = reply.request.messages;
    const same =
      !reply.cancelled &&
      sameWords(reply.request.text, text) &&
      expected.length === this.history.length &&
      this.history.every((message, index) =>
        index < expected.length - 1
          ? message === expected[index]
          : message.role === "user" && sameWords(message.content ?? "", expected[index]!.content ?? ""),
      );
    if (same) return reply;
    reply.cancel();
    return null;
  }

  private modelRequest(messages: ChatMessage[], context: string | null): LlmRequest {
    const request: LlmRequest = {
      ...this.options.request,
      messages: context ? [...messages, { role: "system" as const, content: context }] : messages,
      tools: this.options.tools.definitions,
    };
    if (request.tools?.length === 0) delete request.tools;
    return request;
  }

  private async onUserTurn(text: string, startedAt: number, timeline: TurnTimeline, signal: AbortSignal) {
    if (!text) {
      const resume = this.resume;
      this.resume = null;
      if (!resume) return;
      // The "interruption" had no words: carry on where the agent stopped.
      if (resume.generationComplete) {
        if (resume.remainder) this.speakScripted(resume.remainder, resume.hangupCause, timeline, signal);
      } else {
        await this.runModel(timeline, signal);
      }
      return;
    }
    this.resume = null;
    this.recordUserTurn(text, startedAt, timeline);
    await this.runModel(timeline, signal, text, this.takePreemptive(text));
  }

  private recordUserTurn(text: string, startedAt: number, timeline: TurnTimeline): void {
    this.options.reporter.turn(
      userTranscriptTurn(
        text,
        startedAt,
        timeline.speechEndAt ?? timeline.endpointAt ?? this.options.clock.now(),
      ),
    );
    appendUserMessage(this.history, text);
  }

  private beginTurn(timeline: TurnTimeline): AgentTurn {
    this.cancelPreemptive();
    const turn = new AgentTurn(this.nextTurnId++, this.options.clock.now(), timeline);
    this.active.push(turn);
    this.push({ type: "agent_turn_started", turn }, "upstream");
    return turn;
  }

  private speakScripted(
    text: string,
    hangupCause: string | null,
    timeline: TurnTimeline,
    signal: AbortSignal,
  ) {
    const turn = this.beginTurn(timeline);
    const message: ChatMessage = { role: "assistant", content: text };
    this.history.push(message);
    turn.messages.push(message);
    turn.generatedText = text;
    turn.generationComplete = true;
    turn.hangupCause = hangupCause;
    this.emit({ type: "llm_text", text, turn }, signal);
    this.emit({ type: "llm_end", turn }, signal);
  }

  private async runModel(
    timeline: TurnTimeline,
    signal: AbortSignal,
    query?: string,
    preemptive: PreemptiveReply | null = null,
  ): Promise<void> {
    const { clock, provider } = this.options;
    const turn = this.beginTurn(timeline);
    let context: string | null;
    if (preemptive) {
      timeline.llmRequestAt = preemptive.startedAt;
      timeline.llmNeededAt = clock.now();
      context = await this.preemptiveContext;
    } else {
      context = query && this.options.retrieveContext ? await this.retrieve(query, signal) : null;
    }
    const maxRounds = this.options.maxRounds ?? 5;
    for (let round = 0; round < maxRounds && !signal.aborted; round++) {
      timeline.llmRequestAt ??= clock.now();
      const calls: ToolCall[] = [];
      this.streaming = { turn, text: "" };
      const events =
        round === 0 && preemptive
          ? preemptive.adopt(signal)
          : provider.stream(this.modelRequest(this.history, context), signal);
      try {
        for await (const event of events) {
          if (signal.aborted) break;
          if (event.type === "text" && event.text) {
            timeline.llmFirstTokenAt ??= preemptive?.firstTokenAt ?? clock.now();
            this.say(turn, event.text, signal);
          } else if (event.type === "tool_call") {
            calls.push(event.call);
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        this.logger?.error({ err: error, provider: provider.name }, "LLM request failed");
        if (!turn.generatedText)
          this.say(turn, "Sorry, I'm having trouble right now. Could you say that again?", signal);
      }
      if (signal.aborted) return;
      const content = this.streaming.text || null;
      this.streaming = null;
      const message: ChatMessage = { role: "assistant", content };
      if (calls.length > 0) message.tool_calls = calls;
      this.history.push(message);
      if (content) turn.messages.push(message);
      if (calls.length === 0) break;
      await this.runTools(turn, calls, signal);
      if (turn.hangupCause || this.handedOver || signal.aborted) break;
    }
    if (signal.aborted) return;
    if (turn.hangupCause && !turn.generatedText.trim()) {
      const goodbye = this.options.goodbyeMessage ?? "Goodbye.";
      const message: ChatMessage = { role: "assistant", content: goodbye };
      this.history.push(message);
      turn.messages.push(message);
      this.say(turn, goodbye, signal);
    }
    turn.generationComplete = true;
    this.emit({ type: "llm_end", turn }, signal);
  }

  /** Sends text on for speaking, keeping words of separate model messages apart. */
  private say(turn: AgentTurn, text: string, signal: AbortSignal): void {
    const piece =
      turn.generatedText && !/\s$/.test(turn.generatedText) && !this.streaming?.text ? ` ${text}` : text;
    turn.generatedText += piece;
    if (this.streaming?.turn === turn) this.streaming.text += text;
    this.emit({ type: "llm_text", text: piece, turn }, signal);
  }

  /** Says `text` at once: the mark flushes the sentence chunker instead of waiting for more text. */
  private sayNow(turn: AgentTurn, text: string, signal: AbortSignal): void {
    this.say(turn, text, signal);
    this.emit({ type: "mark", resolve: () => {} }, signal);
  }

  private async runTools(turn: AgentTurn, calls: ToolCall[], signal: AbortSignal): Promise<void> {
    for (const call of calls) {
      let content: string;
      const record: ToolCallRecord = {
        name: call.name,
        arguments: call.arguments,
        result: null,
        duration_ms: 0,
        outcome: "cancelled",
      };
      turn.toolCalls.push(record);
      const startedAt = this.options.clock.now();
      try {
        if (signal.aborted) throw signal.reason;
        this.toolTurn = turn;
        // A started call runs to its end even when the caller interrupts (pipecat#2787): its
        // result is kept for the next turn, which waits for it. Only the call's end stops it.
        const result = await this.options.tools.execute(call, {
          signal: this.callEnded.signal,
          sendDtmf: (digits) => this.options.sendDtmf(digits),
          reporter: this.options.reporter,
          control: this.options.control,
          waitForSpeech: () => this.waitForSpeech(signal),
          sayWhileWaiting: (text) => this.sayNow(turn, text, signal),
          warmTransfer: this.options.warmTransfer,
          logger: this.logger,
        });
        content = result.content;
        record.outcome = "completed";
        if (result.hangupCause) turn.hangupCause = result.hangupCause;
        if (result.handedOver) this.handedOver = true;
      } catch (error) {
        const cancelled = signal.aborted || this.callEnded.signal.aborted;
        content = JSON.stringify({
          error: cancelled ? "cancelled: the caller interrupted" : `tool failed: ${(error as Error).message}`,
        });
        record.outcome = cancelled ? "cancelled" : "failed";
      } finally {
        this.toolTurn = null;
      }
      record.result = content;
      record.duration_ms = Math.round(this.options.clock.now() - startedAt);
      // Every tool call needs its result in the history, or the next request is invalid.
      this.history.push({ role: "tool", tool_call_id: call.id, content });
    }
    // Interrupted while a call ran: the turn is reported now, with the calls' outcomes.
    const report = this.deferredReport;
    this.deferredReport = null;
    report?.();
  }

  private waitForSpeech(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      this.emit({ type: "mark", resolve }, signal);
    });
  }

  private async retrieve(query: string, signal: AbortSignal): Promise<string | null> {
    try {
      return (await this.options.retrieveContext?.(query, signal)) ?? null;
    } catch (error) {
      this.logger?.warn({ err: error }, "knowledge retrieval failed");
      return null;
    }
  }

  private interruptTurns(playedSamples: number): void {
    for (const turn of [...this.active]) this.interruptTurn(turn, playedSamples);
  }

  private interruptTurn(turn: AgentTurn, playedSamples: number): void {
    if (turn.closed) return;
    turn.closed = true;
    this.active.splice(this.active.indexOf(turn), 1);
    if (this.streaming?.turn === turn) {
      if (this.streaming.text) {
        const message: ChatMessage = { role: "assistant", content: this.streaming.text };
        this.history.push(message);
        turn.messages.push(message);
      }
      this.streaming = null;
    }
    const heard = heardWordCount(turn, playedSamples, this.options.sampleRateHz);
    truncateToHeard(this.history, turn.messages, heard);
    const words = splitWords(turn.generatedText);
    this.resume = {
      remainder: words.slice(heard).join(" "),
      generationComplete: turn.generationComplete,
      hangupCause: turn.hangupCause,
    };
    const heardText = words.slice(0, heard).join(" ");
    if (!heardText && turn.toolCalls.length === 0 && this.toolTurn !== turn) return;
    const endedAt = this.options.clock.now();
    const report = () =>
      this.options.reporter.turn(
        agentTranscriptTurn(heardText, turn.startedAt, endedAt, true, turn.timeline, turn.toolCalls),
      );
    if (this.toolTurn === turn) this.deferredReport = report;
    else report();
  }

  private finishTurn(turn: AgentTurn): void {
    if (turn.closed) return;
    turn.closed = true;
    this.active.splice(this.active.indexOf(turn), 1);
    const text = splitWords(turn.generatedText).join(" ");
    // A turn that said nothing and ran no tools has nothing to record.
    if (text || turn.toolCalls.length > 0) {
      this.options.reporter.turn(
        agentTranscriptTurn(
          text,
          turn.startedAt,
          this.options.clock.now(),
          false,
          turn.timeline,
          turn.toolCalls,
        ),
      );
    }
    if (turn.hangupCause) {
      this.options.control.hangup(turn.hangupCause).catch((error) => {
        this.logger?.error({ err: error }, "hang-up failed");
      });
    }
  }
}
