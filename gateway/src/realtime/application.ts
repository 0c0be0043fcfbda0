// A call's media application on a speech-to-speech model: caller audio streams to the model,
// its audio plays out on the call, and the gateway keeps what it owns on the pipeline too:
// the greeting, tools, DTMF, barge-in with a truncated history, silence reprompts, the
// goodbye at max duration, per-turn transcripts and latency, and the model's usage.
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext, MediaApplication, RunningApplication } from "../call-core/application.ts";
import type { G711CallAudio } from "../media/call-audio.ts";
import { EchoGuard } from "../media/echo/echo-guard.ts";
import { type PipelineClock, systemClock } from "../pipeline/clock.ts";
import type { SilenceOptions } from "../pipeline/processors/silence.ts";
import type { ToolRequestOptions } from "../pipeline/tools/http-tool.ts";
import type { VadEngine } from "../vad/engine.ts";
import { AgentOutput } from "./agent-output.ts";
import type { AgentItem } from "./agent-speech.ts";
import { CallerFloor } from "./caller-floor.ts";
import { DigitGroups } from "./digit-groups.ts";
import { RealtimeGoodbye } from "./goodbye.ts";
import { greetingInstruction, sayExactly, silenceOptions } from "./scripted-lines.ts";
import type { RealtimeEvent, RealtimeSession, RealtimeSessionConfig } from "./session.ts";
import { realtimeSessionConfig } from "./session-config.ts";
import { type RealtimeSettings, type RealtimeUsage, realtimeOf } from "./settings.ts";
import { SilenceReprompts } from "./silence.ts";
import { ToolRuns } from "./tool-runs.ts";
import { RealtimeTools, type RetrieveKnowledge } from "./tools.ts";
import { RealtimeTurnReports } from "./turn-reports.ts";
import { addUsage } from "./usage.ts";
import { RealtimeWarmTransfer, type TransferProviders } from "./warm-transfer.ts";

const PLAYOUT_POLL_MS = 20;

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
  transferProviders?(call: CallContext): TransferProviders;
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

/** One call's realtime conversation. */
class RealtimeCall {
  private session: RealtimeSession | null = null;
  private readonly clock: PipelineClock;
  private readonly logger: Logger | null;
  private readonly abort = new AbortController();
  private readonly tools: RealtimeTools;
  private readonly toolRuns: ToolRuns;
  private readonly reports: RealtimeTurnReports;
  private readonly transfer: RealtimeWarmTransfer;
  private readonly goodbye: RealtimeGoodbye;
  private readonly digitGroups: DigitGroups;
  private readonly silence: SilenceReprompts;
  private readonly floor: CallerFloor;
  /** A G.711 call with a model that speaks G.711: its 8 kHz samples go both ways as they are. */
  private readonly g711: G711CallAudio | null;
  private readonly output: AgentOutput;
  /** Events and audio are handled (false once the call hangs up or ends). */
  private running = true;
  private stopped = false;
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
    this.transfer = new RealtimeWarmTransfer({
      call,
      providers: options.transferProviders?.(call),
      vad: options.vad,
      history: () => this.reports.history,
      logger: this.logger,
    });
    this.toolRuns = new ToolRuns(
      this.tools,
      {
        sendDtmf: (digits) => call.audio.sendDtmf(digits),
        control: call.control,
        waitForSpeech: () => this.waitForSpeech(),
        warmTransfer: this.transfer.run,
        logger: this.logger,
      },
      this.abort.signal,
    );
    this.silence = new SilenceReprompts(this.clock, silenceOptions(call, options.silence), {
      idle: () =>
        !this.floor.speaking &&
        !this.output.audible &&
        !this.goodbye.pending &&
        !this.transfer.modelSidelined,
      reprompt: (text) => this.session?.createResponse(sayExactly(text)),
      giveUp: (text) => this.goodbye.sayGoodbye(text, "silence_timeout"),
    });
    this.goodbye = new RealtimeGoodbye(this.clock, {
      createResponse: (instruction) => this.session?.createResponse(instruction),
      quiet: () => !this.output.audible && !this.toolRuns.busy,
      checkPlayout: () => this.checkPlayout(),
      hangUp: (cause) => {
        this.running = false;
        this.call.control.hangup(cause).catch((error) => {
          this.logger?.error({ err: error }, "hang-up failed");
        });
      },
    });
    this.digitGroups = new DigitGroups(this.clock, (digits) => this.onDigits(digits));
    this.g711 = settings.provider === "openai" ? (call.audio.g711 ?? null) : null;
    // The agent's audio as the echo guard needs it, and the barge-in gate it feeds.
    const echo = new EchoGuard(call.audio);
    this.output = new AgentOutput(call.audio, this.g711, echo, this.clock);
    this.floor = new CallerFloor({
      call,
      vad: options.vad,
      echo,
      clock: this.clock,
      gatewayTurns: settings.turn_detection === "gateway",
      session: () => this.session,
      agentAudible: () => this.output.audible,
      speechStarted: () => this.silence.cancel(),
      interruptAgent: () => this.interruptAgent(),
    });
  }

  async connect(): Promise<void> {
    const { call, settings } = this;
    const config = realtimeSessionConfig(call, settings, this.tools.definitions, this.g711 !== null);
    this.session = await this.options.connect(call, settings, config, (event) => {
      if (this.running) this.onEvent(event);
    });
    call.audio.onFrame((pcm, ageMs) => {
      if (this.running) this.onFrame(pcm, this.clock.now() - ageMs);
    });
    this.g711?.onFrame((pcm8k) => {
      if (this.running && !this.transfer.modelSidelined) this.session?.appendAudio(pcm8k);
    });
    call.audio.onDtmf((digit) => {
      if (this.running) this.digitGroups.push(digit);
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
    this.floor.cancelTurn();
    this.digitGroups.cancel();
    this.goodbye.cancel();
    // The agent turn in progress is reported with what was heard of it.
    const playing = this.output.playing;
    if (playing) this.reportAgentTurn(playing, true);
    this.output.close();
    this.floor.close();
    this.session?.close();
    await this.toolRuns.settled();
    this.reports.callEnded();
    await Promise.all([this.tools.close(), this.transfer.stop()]);
  }

  sayGoodbye(text: string, cause: string): void {
    if (!this.running || this.goodbye.goodbyeAsked) return;
    this.cutAgent();
    this.goodbye.sayGoodbye(text, cause);
  }

  // --- caller side -----------------------------------------------------------------------

  private onFrame(pcm: Int16Array, atMs: number): void {
    if (this.transfer.modelSidelined) return;
    if (!this.g711) this.session?.appendAudio(pcm);
    this.floor.frame(pcm, atMs);
    this.checkPlayout();
  }

  /**
   * The caller spoke (or pressed keys) over the agent: besides the cut, the tools in progress are
   * cancelled, and a goodbye of the model's own end_call no longer ends the call.
   */
  private interruptAgent(): void {
    this.cutAgent();
    this.toolRuns.interrupt();
    this.goodbye.callerInterrupted();
  }

  private cutAgent(): void {
    const cuts = this.output.cut();
    this.session?.interrupt(cuts.map(({ item, playedMs }) => ({ itemId: item.itemId, playedMs })));
    for (const { item, heard } of cuts) this.reports.agent(item, heard, true);
  }

  /** Keys pressed over the agent take the floor as speech does. */
  private onDigits(digits: string): void {
    if (this.output.audible && this.call.agent.interruptions.enabled) this.interruptAgent();
    const now = this.clock.now();
    this.floor.keysPressed(now);
    this.silence.cancel();
    this.reports.user(digits, now, now);
    this.session?.sendText(`[caller pressed ${digits}]`);
  }

  // --- model side ------------------------------------------------------------------------

  private onEvent(event: RealtimeEvent): void {
    switch (event.type) {
      case "audio":
        this.onAudio(event.itemId, event.pcm);
        break;
      case "agent_transcript_delta":
        this.output.transcriptDelta(event.itemId, event.text);
        break;
      case "agent_transcript_done":
        this.output.transcriptDone(event.itemId, event.text);
        break;
      case "caller_transcript":
        this.onCallerTranscript(event.text);
        break;
      case "tool_call":
        this.runTool(event.callId, event.name, event.arguments);
        break;
      case "response_done":
        this.output.responseDone();
        this.checkPlayout();
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
    if (this.output.wasCut(itemId) || this.transfer.modelSidelined) return;
    let item = this.output.item(itemId);
    if (!item) {
      item = this.output.startItem(itemId, this.floor.takeSpeechEnd());
      this.silence.cancel();
      this.goodbye.agentSpoke();
    }
    this.output.enqueue(item, pcm);
    this.checkPlayout();
  }

  private onCallerTranscript(text: string): void {
    const words = text.trim();
    const unheard = this.output.takeUnheard();
    if (!words) {
      // The interruption had no words: carry on from where the agent was cut off.
      if (unheard) {
        this.cutAgent();
        this.session?.createResponse(sayExactly(unheard));
      }
      return;
    }
    this.silence.answered();
    const { startedAt, endedAt } = this.floor.utteranceSpan();
    this.reports.user(words, startedAt, endedAt);
  }

  /** Each tick: each item's first packet, and its turn once all of it has played. */
  private checkPlayout(): void {
    this.output.markFirstPackets();
    for (let item = this.output.takeFinished(); item; item = this.output.takeFinished()) {
      this.reportAgentTurn(item, false);
      if (this.output.empty && !this.goodbye.pending) this.silence.arm();
    }
    if (this.output.empty) this.goodbye.maybeHangUp();
  }

  private reportAgentTurn(item: AgentItem, interrupted: boolean): void {
    const text = interrupted ? item.heardWords(item.playedMs(this.call.audio)).heard : item.transcript.trim();
    this.reports.agent(item, text, interrupted);
  }

  private runTool(callId: string, name: string, args: string): void {
    const settle = this.reports.toolStarted(name, args);
    this.toolRuns.run(name, args, (result, interrupted) => {
      settle(result, interrupted);
      if (!this.running) return;
      if (result.handedOver) {
        // The person has the call: the model is told, asked for nothing, and closed.
        this.transfer.handOver();
        this.silence.cancel();
        this.session?.submitToolResult(callId, name, result.content, false);
        this.session?.close();
        return;
      }
      if (result.hangupCause) this.goodbye.endCallByTool(result.hangupCause, this.output.audible);
      // Every call needs its output; an interrupted one asks for no answer (the caller's turn will).
      this.session?.submitToolResult(callId, name, result.content, !result.hangupCause && !interrupted);
      this.checkPlayout();
    });
  }

  private async waitForSpeech(): Promise<void> {
    while (this.running && this.output.audible) await Bun.sleep(PLAYOUT_POLL_MS);
  }
}
