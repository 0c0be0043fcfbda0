// The caller's side of turn-taking on a realtime call: the gateway's VAD hears the caller, the
// barge-in gate decides when speech over the agent takes the floor, and with
// `turn_detection: "gateway"` the caller's turn is opened and committed at the model.
import type { CallContext } from "../call-core/application.ts";
import type { EchoGuard } from "../media/echo/echo-guard.ts";
import type { PipelineClock } from "../pipeline/clock.ts";
import type { VadEngine } from "../vad/engine.ts";
import { BargeInGate } from "./barge-in.ts";
import { CallerSpeech } from "./caller-speech.ts";
import { GatewayTurns } from "./gateway-turns.ts";
import type { RealtimeSession } from "./session.ts";

export interface CallerFloorOptions {
  call: CallContext;
  vad: VadEngine;
  /** Fed with the agent's audio elsewhere: it tells the caller's own speech from the agent's echo. */
  echo: EchoGuard;
  clock: PipelineClock;
  gatewayTurns: boolean;
  /** Null until the session is connected. */
  session(): RealtimeSession | null;
  /** The agent is heard now or will be. */
  agentAudible(): boolean;
  /** The caller started speaking (over the agent or not). */
  speechStarted(): void;
  /** The caller took the floor while the agent was heard. */
  interruptAgent(): void;
}

export class CallerFloor {
  private callerSpeaking = false;
  private speechStartAt = 0;
  private lastSpeechEndAt: number | null = null;
  private readonly speech: CallerSpeech;
  private readonly bargeIn: BargeInGate;
  private readonly turns: GatewayTurns;

  constructor(private readonly options: CallerFloorOptions) {
    const { call, clock } = options;
    this.turns = new GatewayTurns(
      options.gatewayTurns,
      clock,
      call.agent.endpointing.silence_ms,
      options.session,
    );
    this.bargeIn = new BargeInGate(options.echo, call.agent.interruptions.min_speech_ms);
    this.speech = new CallerSpeech(options.vad.createStream({ narrowband: call.audio.narrowband }), {
      started: (atMs) => this.onSpeechStarted(atMs),
      stopped: (atMs) => this.onSpeechStopped(atMs),
    });
  }

  get speaking(): boolean {
    return this.callerSpeaking;
  }

  /** One caller frame whose sound reached the gateway at `atMs`. */
  frame(pcm: Int16Array, atMs: number): void {
    this.speech.push(pcm, atMs);
    if (this.bargeIn.frame(pcm)) this.acceptSpeech();
  }

  /** The caller pressed keys at `atMs`: that took the floor, and the next agent item answers it. */
  keysPressed(atMs: number): void {
    this.bargeIn.clear();
    this.lastSpeechEndAt = atMs;
  }

  /** The caller's speech end the next agent item answers (null for the greeting, reprompts). */
  takeSpeechEnd(): number | null {
    const at = this.lastSpeechEndAt;
    this.lastSpeechEndAt = null;
    return at;
  }

  /** When the caller's last utterance started and ended, for its transcript turn. */
  utteranceSpan(): { startedAt: number; endedAt: number } {
    const endedAt = this.lastSpeechEndAt ?? this.options.clock.now();
    return { startedAt: Math.min(this.speechStartAt, endedAt), endedAt };
  }

  /** No turn is committed any more. */
  cancelTurn(): void {
    this.turns.cancel();
  }

  close(): void {
    this.speech.close();
  }

  private onSpeechStarted(atMs: number): void {
    this.callerSpeaking = true;
    this.speechStartAt = atMs;
    this.turns.speechStarted();
    this.options.speechStarted();
    const overAgent = this.options.agentAudible() && this.options.call.agent.interruptions.enabled;
    this.bargeIn.speechStarted(overAgent);
    if (!overAgent) this.turns.open();
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
    this.turns.speechStopped();
  }

  /**
   * The caller really speaks: over the agent, playout stops now and the item is cancelled and
   * truncated; when the agent finished meanwhile (its echo outlasted it), it is just a turn.
   */
  private acceptSpeech(): void {
    if (this.options.agentAudible()) this.options.interruptAgent();
    this.turns.open();
  }
}
