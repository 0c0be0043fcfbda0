// A call's media application on a speech-to-speech model: caller audio streams to the model,
// its audio plays out on the call, and the gateway keeps what it owns on the pipeline too:
// the greeting, tools, DTMF, barge-in with a truncated history, silence reprompts, the
// goodbye at max duration, per-turn transcripts and latency, and the model's usage.
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext, MediaApplication, RunningApplication } from "../call-core/application.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import type { G711CallAudio } from "../media/call-audio.ts";
import { EchoGuard } from "../media/echo/echo-guard.ts";
import { G711_SAMPLE_RATE_HZ } from "../media/g711.ts";
import { type PipelineClock, systemClock, type TimerHandle } from "../pipeline/clock.ts";
import type { SilenceOptions } from "../pipeline/processors/silence.ts";
import { buildSystemPrompt } from "../pipeline/prompt.ts";
import type { ToolRequestOptions } from "../pipeline/tools/http-tool.ts";
import type { LlmProvider, SttProvider, TtsProvider } from "../providers/types.ts";
import type { VadEngine } from "../vad/engine.ts";
import { PipelineTransfers } from "../warm-transfer/pipeline-transfer.ts";
import { AgentItem, newTimeline } from "./agent-speech.ts";
import { BargeInGate } from "./barge-in.ts";
import { CallerSpeech } from "./caller-speech.ts";
import { RateConverter } from "./model-audio.ts";
import { greetingInstruction, sayExactly, silenceOptions } from "./scripted-lines.ts";
import type { RealtimeEvent, RealtimeSession, RealtimeSessionConfig } from "./session.ts";
import { type RealtimeSettings, type RealtimeUsage, realtimeOf } from "./settings.ts";
import { SilenceReprompts } from "./silence.ts";
import { ToolRuns } from "./tool-runs.ts";
import { RealtimeTools, type RetrieveKnowledge } from "./tools.ts";
import { RealtimeTurnReports } from "./turn-reports.ts";
import { addUsage } from "./usage.ts";

/** Digits pressed within this gap go to the model as one message (as on the pipeline). */
const DTMF_GROUP_MS = 400;
const PLAYOUT_POLL_MS = 20;
/** A goodbye the model does not start saying within this long is skipped: the call hangs up. */
const GOODBYE_START_TIMEOUT_MS = 5000;

export type ConnectSession = (
  call: CallContext,
  settings: RealtimeSettings,
  session: RealtimeSessionConfig,
  listener: (event: RealtimeEvent) => void,
) => Promise<RealtimeSession>;

export interface RealtimeApplicationOptions {
  connect: ConnectSession;
  vad: VadEngine;
  /** How HTTP tools reach the customer's servers for this call. */
  toolRequests(call: CallContext): ToolRequestOptions;
  /** The agent's pipeline providers, for a warm transfer; absent: warm transfer is not available. */
  transferProviders?(call: CallContext): { llm: LlmProvider; stt: SttProvider; tts: TtsProvider };
  retrieveContext?: (call: CallContext, query: string, signal: AbortSignal) => Promise<string | null>;
  clock?: PipelineClock;
  logger?: Logger;
  silence?: Partial<SilenceOptions>;
}

export interface RunningRealtimeApplication extends RunningApplication {
  usage(): RealtimeUsage | null;
}

export class RealtimeApplication implements MediaApplication {
  constructor(private readonly options: RealtimeApplicationOptions) {}

  async start(call: CallContext): Promise<RunningRealtimeApplication> {
    const settings = realtimeOf(call.agent);
    if (!settings) throw new Error("the agent has no realtime block");
    const run = new RealtimeCall(call, settings, this.options);
    await run.connect();
    return {
      stop: () => run.stop(),
      sayGoodbye: (text, cause) => run.sayGoodbye(text, cause),
      usage: () => run.usage,
    };
  }
}

interface PendingHangup {
  cause: string;
  /** Something was said since the hang-up was decided: it goes once that has played. */
  spoke: boolean;
  goodbyeAsked: boolean;
  /** The model's end_call: the caller speaking over its goodbye takes the call back. */
  byTool: boolean;
}

/** One call's realtime conversation. */
class RealtimeCall {
  private session: RealtimeSession | null = null;
  private readonly clock: PipelineClock;
  private readonly logger: Logger | null;
  private readonly abort = new AbortController();
  private readonly tools: RealtimeTools;
  private readonly toolRuns: ToolRuns;
  private readonly reports: RealtimeTurnReports;
  private readonly transfers: PipelineTransfers | null;
  /** A warm transfer runs: the model hears and says nothing. */
  private inputPaused = false;
  /** An accepted warm transfer handed the call to a person: the model is done. */
  private handedOver = false;
  private readonly speech: CallerSpeech;
  private readonly silence: SilenceReprompts;
  private readonly gatewayTurns: boolean;
  /** A G.711 call with a model that speaks G.711: its 8 kHz samples go both ways as they are. */
  private readonly g711: G711CallAudio | null;
  /** The agent's audio as the echo guard needs it, and the gate it feeds. */
  private readonly echo: EchoGuard;
  /** The echo reference is 16 kHz: G.711 passthrough audio is upsampled for it alone. */
  private readonly echoReference: RateConverter | null;
  private readonly bargeIn: BargeInGate;
  /** Events and audio are handled (false once the call hangs up or ends). */
  private running = true;
  private stopped = false;

  /** The model's output items queued or playing, oldest first (a response may follow another). */
  private items: AgentItem[] = [];
  /** Item ids cut by a barge-in: their late audio is not played. */
  private readonly cutItems = new Set<string>();
  private callerSpeaking = false;
  private callerSpeechStartAt = 0;
  private lastSpeechEndAt: number | null = null;
  /** Gateway turn detection: the caller's turn is open at the model. */
  private turnOpen = false;
  private endpointTimer: TimerHandle | null = null;
  /** The words a barge-in cut off, spoken again when the interruption had no words. */
  private resume: string | null = null;
  private hangup: PendingHangup | null = null;
  private digits = "";
  private digitTimer: TimerHandle | null = null;
  usage: RealtimeUsage | null = null;

  constructor(
    private readonly call: CallContext,
    private readonly settings: RealtimeSettings,
    private readonly options: RealtimeApplicationOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger?.child({ call_id: call.callId, agent_id: call.agent.id }) ?? null;
    const retrieve = options.retrieveContext;
    const retrieveForCall: RetrieveKnowledge | null = retrieve
      ? (query, signal) => retrieve(call, query, signal)
      : null;
    this.tools = new RealtimeTools(call.agent, options.toolRequests(call), retrieveForCall);
    this.reports = new RealtimeTurnReports(call.reporter, this.clock);
    const transferProviders = options.transferProviders?.(call);
    this.transfers = transferProviders
      ? new PipelineTransfers({
          call,
          agent: call.agent,
          ...transferProviders,
          vad: options.vad,
          history: () => this.reports.history,
          setInputPaused: (paused) => {
            this.inputPaused = paused;
          },
          logger: this.logger,
        })
      : null;
    this.toolRuns = new ToolRuns(
      this.tools,
      {
        sendDtmf: (digits) => call.audio.sendDtmf(digits),
        control: call.control,
        waitForSpeech: () => this.waitForSpeech(),
        warmTransfer: this.transfers ? (request, signal) => this.transfers!.run(request, signal) : undefined,
        logger: this.logger,
      },
      this.abort.signal,
    );
    this.silence = new SilenceReprompts(this.clock, silenceOptions(call, options.silence), {
      idle: () =>
        !this.callerSpeaking && !this.agentAudible && !this.hangup && !this.inputPaused && !this.handedOver,
      reprompt: (text) => this.session?.createResponse(sayExactly(text)),
      giveUp: (text) => {
        this.hangup = { cause: "silence_timeout", spoke: false, goodbyeAsked: false, byTool: false };
        this.askGoodbye(this.hangup, text);
      },
    });
    this.gatewayTurns = settings.turn_detection === "gateway";
    this.g711 = settings.provider === "openai" ? (call.audio.g711 ?? null) : null;
    this.echo = new EchoGuard(call.audio);
    this.echoReference = this.g711 ? new RateConverter(G711_SAMPLE_RATE_HZ, INTERNAL_SAMPLE_RATE_HZ) : null;
    this.bargeIn = new BargeInGate(this.echo, call.agent.interruptions.min_speech_ms);
    this.speech = new CallerSpeech(options.vad.createStream({ narrowband: call.audio.narrowband }), {
      started: (atMs) => this.onSpeechStarted(atMs),
      stopped: (atMs) => this.onSpeechStopped(atMs),
    });
  }

  async connect(): Promise<void> {
    const { call, settings } = this;
    const instructions = [buildSystemPrompt(call), settings.instructions_extra?.trim()]
      .filter(Boolean)
      .join("\n\n");
    this.session = await this.options.connect(
      call,
      settings,
      {
        model: settings.model,
        voice: settings.voice,
        instructions,
        tools: this.tools.definitions,
        turnDetection: settings.turn_detection ?? "server_vad",
        narrowbandCodec: call.audio.narrowband ? (call.audio.g711?.codec ?? "PCMU") : null,
        callRateHz: this.g711 ? G711_SAMPLE_RATE_HZ : INTERNAL_SAMPLE_RATE_HZ,
      },
      (event) => {
        if (this.running) this.onEvent(event);
      },
    );
    call.audio.onFrame((pcm, ageMs) => {
      if (this.running) this.onFrame(pcm, this.clock.now() - ageMs);
    });
    this.g711?.onFrame((pcm8k) => {
      if (this.running && !this.inputPaused && !this.handedOver) this.session?.appendAudio(pcm8k);
    });
    call.audio.onDtmf((digit) => {
      if (this.running) this.onDigit(digit);
    });
    const greeting = greetingInstruction(call);
    if (greeting) this.session.createResponse(greeting);
    else this.silence.arm();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    this.abort.abort(new DOMException("call ended", "AbortError"));
    this.silence.cancel();
    for (const timer of [this.endpointTimer, this.digitTimer]) timer?.cancel();
    // The agent turn in progress is reported with what was heard of it.
    const playing = this.items[0];
    if (playing) this.reportAgentTurn(playing, true);
    this.items = [];
    this.speech.close();
    this.session?.close();
    this.echoReference?.destroy();
    await this.toolRuns.settled();
    this.reports.callEnded();
    await Promise.all([this.tools.close(), this.transfers?.stop()]);
  }

  sayGoodbye(text: string, cause: string): void {
    if (!this.running || this.hangup?.goodbyeAsked) return;
    this.cutAgent();
    this.hangup = { cause, spoke: false, goodbyeAsked: false, byTool: false };
    this.askGoodbye(this.hangup, text);
  }

  // --- caller side -----------------------------------------------------------------------

  private onFrame(pcm: Int16Array, atMs: number): void {
    if (this.inputPaused || this.handedOver) return;
    if (!this.g711) this.session?.appendAudio(pcm);
    this.speech.push(pcm, atMs);
    if (this.bargeIn.frame(pcm)) this.acceptSpeech();
    this.checkPlayout();
  }

  private get agentAudible(): boolean {
    return this.items.length > 0 || this.call.audio.queuedSamples > 0;
  }

  private onSpeechStarted(atMs: number): void {
    this.callerSpeaking = true;
    this.callerSpeechStartAt = atMs;
    this.endpointTimer?.cancel();
    this.endpointTimer = null;
    this.silence.cancel();
    const overAgent = this.agentAudible && this.call.agent.interruptions.enabled;
    this.bargeIn.speechStarted(overAgent);
    if (!overAgent) this.openTurn();
  }

  private onSpeechStopped(atMs: number): void {
    this.callerSpeaking = false;
    if (this.bargeIn.pending) {
      // Less of the caller's own speech than the minimum over the agent: a backchannel
      // ("mm-hm") or the agent's echo, not a turn.
      if (!this.bargeIn.speechStopped()) return;
      this.acceptSpeech();
    }
    this.lastSpeechEndAt = atMs;
    if (this.gatewayTurns && this.turnOpen) {
      this.endpointTimer = this.clock.setTimer(this.call.agent.endpointing.silence_ms, () => {
        this.endpointTimer = null;
        this.turnOpen = false;
        this.session?.commitTurn();
      });
    }
  }

  private openTurn(): void {
    if (!this.gatewayTurns || this.turnOpen) return;
    this.turnOpen = true;
    this.session?.startTurn();
  }

  /**
   * The caller really speaks: over the agent, playout stops now and the item is cancelled and
   * truncated; when the agent finished meanwhile (its echo outlasted it), it is just a turn.
   */
  private acceptSpeech(): void {
    if (this.agentAudible) this.interruptAgent();
    this.openTurn();
  }

  /**
   * The caller spoke (or pressed keys) over the agent: besides the cut, the tools in progress are
   * cancelled, and a goodbye of the model's own end_call no longer ends the call.
   */
  private interruptAgent(): void {
    this.cutAgent();
    this.toolRuns.interrupt();
    if (this.hangup?.byTool) this.hangup = null;
  }

  private cutAgent(): void {
    const audio = this.call.audio;
    // Each item keeps what of it was played: the first one part, those queued after it none.
    const cuts = this.items.map((item) => ({ item, playedMs: item.playedMs(audio) }));
    audio.flush();
    this.session?.interrupt(cuts.map(({ item, playedMs }) => ({ itemId: item.itemId, playedMs })));
    this.items = [];
    const unheard: string[] = [];
    for (const { item, playedMs } of cuts) {
      this.cutItems.add(item.itemId);
      const { heard, remainder } = item.heardWords(playedMs);
      if (remainder) unheard.push(remainder);
      this.reports.agent(item, heard, true);
    }
    if (cuts.length > 0) this.resume = unheard.join(" ") || null;
  }

  private onDigit(digit: string): void {
    this.digits += digit;
    this.digitTimer?.cancel();
    this.digitTimer = this.clock.setTimer(DTMF_GROUP_MS, () => {
      this.digitTimer = null;
      const digits = this.digits;
      this.digits = "";
      if (this.agentAudible && this.call.agent.interruptions.enabled) this.interruptAgent();
      this.bargeIn.clear();
      this.silence.cancel();
      const now = this.clock.now();
      this.reports.user(digits, now, now);
      this.lastSpeechEndAt = now;
      this.session?.sendText(`[caller pressed ${digits}]`);
    });
  }

  // --- model side ------------------------------------------------------------------------

  private onEvent(event: RealtimeEvent): void {
    switch (event.type) {
      case "audio":
        this.onAudio(event.itemId, event.pcm);
        break;
      case "agent_transcript_delta":
        for (const item of this.items)
          if (item.itemId === event.itemId && !item.transcriptDone) item.transcript += event.text;
        break;
      case "agent_transcript_done":
        for (const item of this.items) {
          if (item.itemId !== event.itemId) continue;
          item.transcript = event.text;
          item.transcriptDone = true;
        }
        break;
      case "caller_transcript":
        this.onCallerTranscript(event.text);
        break;
      case "tool_call":
        this.runTool(event.callId, event.name, event.arguments);
        break;
      case "response_done":
        this.onResponseDone();
        break;
      case "usage":
        this.usage = addUsage(this.usage, event.usage);
        break;
      case "failed":
        this.logger?.error({ detail: event.message }, "realtime session failed");
        this.call.control.hangup("provider_error").catch(() => {});
        break;
      case "speech_started":
      case "speech_stopped":
        // The gateway's own VAD decides barge-in; the server's turn events are not needed.
        break;
    }
  }

  private onAudio(itemId: string, pcm: Int16Array): void {
    if (this.cutItems.has(itemId) || this.inputPaused || this.handedOver) return;
    const audio = this.call.audio;
    let item = this.items.find((candidate) => candidate.itemId === itemId);
    if (!item) {
      // A new item: those before it will get no more audio.
      for (const earlier of this.items) earlier.complete = true;
      const now = this.clock.now();
      const timeline = newTimeline(this.takeSpeechEnd());
      // TurnLatency on a realtime turn: llm_first_token_ms is speech end -> the model's first
      // audio delta, first_packet_ms that delta -> its first packet on the wire.
      timeline.llmRequestAt = timeline.speechEndAt;
      timeline.llmFirstTokenAt = now;
      timeline.firstAudioEnqueuedAt = now;
      item = new AgentItem(itemId, now, audio.playedSamples + audio.queuedSamples, timeline);
      this.items.push(item);
      this.silence.cancel();
      if (this.hangup) this.hangup.spoke = true;
    }
    this.echo.agentAudioQueued(
      audio.playedSamples + audio.queuedSamples,
      this.echoReference ? this.echoReference.convert(pcm) : pcm,
    );
    if (this.g711) {
      this.g711.enqueue(pcm);
      item.receivedSamples += (pcm.length * INTERNAL_SAMPLE_RATE_HZ) / G711_SAMPLE_RATE_HZ;
    } else {
      audio.enqueue(pcm);
      item.receivedSamples += pcm.length;
    }
    this.checkPlayout();
  }

  /** The caller's speech end the next agent item answers (null for the greeting, reprompts). */
  private takeSpeechEnd(): number | null {
    const at = this.lastSpeechEndAt;
    this.lastSpeechEndAt = null;
    return at;
  }

  private onCallerTranscript(text: string): void {
    const words = text.trim();
    if (!words) {
      // The interruption had no words: carry on from where the agent was cut off.
      const resume = this.resume;
      this.resume = null;
      if (resume) {
        this.cutAgent();
        this.session?.createResponse(sayExactly(resume));
      }
      return;
    }
    this.resume = null;
    this.silence.answered();
    const endedAt = this.lastSpeechEndAt ?? this.clock.now();
    this.reports.user(words, Math.min(this.callerSpeechStartAt, endedAt), endedAt);
  }

  private onResponseDone(): void {
    for (const item of this.items) item.complete = true;
    this.checkPlayout();
  }

  /** Asks the model for the goodbye; the hang-up follows once it was heard. */
  private askGoodbye(hangup: PendingHangup, text: string): void {
    hangup.goodbyeAsked = true;
    this.session?.createResponse(sayExactly(text));
    this.clock.setTimer(GOODBYE_START_TIMEOUT_MS, () => {
      if (this.hangup !== hangup || hangup.spoke) return;
      hangup.spoke = true;
      this.checkPlayout();
    });
  }

  /** Each tick: each item's first packet, and its turn once all of it has played. */
  private checkPlayout(): void {
    const audio = this.call.audio;
    for (const item of this.items) {
      if (item.timeline.firstPacketAt === null && audio.playedSamples > item.startSample)
        item.timeline.firstPacketAt = this.clock.now();
    }
    while (this.items[0]?.finishedPlaying(audio)) {
      this.reportAgentTurn(this.items.shift()!, false);
      if (this.items.length === 0 && !this.hangup) this.silence.arm();
    }
    if (this.items.length === 0) this.maybeHangUp();
  }

  private reportAgentTurn(item: AgentItem, interrupted: boolean): void {
    const text = interrupted ? item.heardWords(item.playedMs(this.call.audio)).heard : item.transcript.trim();
    this.reports.agent(item, text, interrupted);
  }

  private maybeHangUp(): void {
    const hangup = this.hangup;
    if (!hangup || this.items.length > 0 || this.call.audio.queuedSamples > 0 || this.toolRuns.busy) return;
    if (hangup.spoke) {
      this.hangup = null;
      this.running = false;
      this.call.control.hangup(hangup.cause).catch((error) => {
        this.logger?.error({ err: error }, "hang-up failed");
      });
      return;
    }
    // The model ended the call without saying anything: a goodbye first, as on the pipeline.
    if (!hangup.goodbyeAsked) this.askGoodbye(hangup, "Goodbye.");
  }

  private runTool(callId: string, name: string, args: string): void {
    const settle = this.reports.toolStarted(name, args);
    this.toolRuns.run(name, args, (result, interrupted) => {
      settle(result, interrupted);
      if (!this.running) return;
      if (result.handedOver) {
        // The person has the call: the model is told, asked for nothing, and closed.
        this.handedOver = true;
        this.silence.cancel();
        this.session?.submitToolResult(callId, name, result.content, false);
        this.session?.close();
        return;
      }
      if (result.hangupCause && !this.hangup) {
        this.hangup = {
          cause: result.hangupCause,
          spoke: this.agentAudible,
          goodbyeAsked: false,
          byTool: true,
        };
      }
      // Every call needs its output; an interrupted one asks for no answer (the caller's turn will).
      this.session?.submitToolResult(callId, name, result.content, !result.hangupCause && !interrupted);
      this.checkPlayout();
    });
  }

  private async waitForSpeech(): Promise<void> {
    while (this.running && this.agentAudible) await Bun.sleep(PLAYOUT_POLL_MS);
  }
}
