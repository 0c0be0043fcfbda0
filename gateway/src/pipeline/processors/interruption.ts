import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import type { EchoGuard } from "../../media/echo/echo-guard.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import { isBackchannel } from "../turn-taking/backchannel.ts";

interface InterruptionOptions {
  enabled: boolean;
  /** Speech over the agent shorter than this (a cough, "mm-hm") does not interrupt. */
  minSpeechMs: number;
  /**
   * With a guard, only caller speech the agent's own echo cannot explain counts toward
   * `minSpeechMs` while the agent speaks (`../../media/echo/`).
   */
  echoGuard?: EchoGuard | null;
}

/** After the agent's last sample, this much residual speech makes speech begun over it a turn. */
const RESIDUAL_AFTER_AGENT_MS = 60;
/**
 * Residual speech counts while it goes on: each frame without any takes back half its length,
 * so stray blocks the echo estimate missed never add up to speech, while a caller talking over
 * the echo (most frames residual) still gets there.
 */
const RESIDUAL_LEAK = 0.5;

/**
 * Barge-in: caller speech over the agent that lasts `minSpeechMs` sends an interruption
 * downstream at once. Shorter speech is a backchannel: its transcript is dropped.
 */
export class InterruptionProcessor extends Processor {
  readonly name = "interruption";
  private agentActive = false;
  private speaking = false;
  private speechStartAt = 0;
  private candidate = false;
  /** The pending user turn has speech that counts (not only backchannels). */
  private turnHasRealSpeech = false;
  /** Caller speech in the candidate that the echo guard could not explain. */
  private residualMs = 0;
  /** The pending user turn began over the agent, and whether it stopped the agent. */
  private turnBeganOverAgent = false;
  private turnInterruptedAgent = false;

  constructor(private readonly options: InterruptionOptions) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    switch (frame.type) {
      case "agent_turn_started":
        this.agentActive = true;
        break;
      case "agent_turn_ended":
        this.agentActive = false;
        // The caller started just before the agent finished and is still talking: that is a turn.
        // With an echo guard, the echo's tail may still be arriving: the residual decides.
        if (this.candidate && this.speaking && !this.options.echoGuard) {
          this.candidate = false;
          this.turnHasRealSpeech = true;
        }
        break;
      case "user_speech_started":
        this.speaking = true;
        this.speechStartAt = frame.atMs;
        this.residualMs = 0;
        if (this.agentActive && this.options.enabled) {
          this.candidate = true;
          if (!this.turnHasRealSpeech) this.turnBeganOverAgent = true;
        } else this.turnHasRealSpeech = true;
        break;
      case "audio_in": {
        const guard = this.options.echoGuard;
        if (guard) {
          // Every frame goes to the guard, so its envelopes and echo path stay current.
          const residualMs = guard.callerFrame(frame.pcm);
          if (this.candidate && this.speaking) {
            const frameMs = (frame.pcm.length * 1000) / INTERNAL_SAMPLE_RATE_HZ;
            this.residualMs = Math.max(
              0,
              this.residualMs + residualMs - RESIDUAL_LEAK * (frameMs - residualMs),
            );
            if (this.residualCounts()) {
              this.push(frame, direction);
              this.acceptCandidate(frame.atMs);
              return;
            }
          }
          break;
        }
        if (this.candidate && this.speaking && frame.atMs - this.speechStartAt >= this.options.minSpeechMs) {
          this.push(frame, direction);
          this.interrupt(frame.atMs);
          return;
        }
        break;
      }
      case "user_speech_stopped":
        this.speaking = false;
        if (this.candidate) {
          const counts = this.options.echoGuard
            ? this.residualCounts()
            : frame.speechMs >= this.options.minSpeechMs;
          if (counts) {
            this.push(frame, direction);
            this.acceptCandidate(frame.atMs);
            return;
          }
          this.candidate = false;
        }
        break;
      case "user_turn":
        if (frame.source === "dtmf") {
          if (this.agentActive && this.options.enabled) this.interrupt(frame.startedAt);
        } else if (!this.turnHasRealSpeech) {
          this.logger?.debug("backchannel ignored");
          this.endUserTurn();
          return;
        } else if (this.turnBeganOverAgent && this.turnInterruptedAgent && isBackchannel(frame.text)) {
          // "Mm-hm", "yeah", "right" that stopped the agent: not a turn. A turn without words
          // resumes the agent from its first unheard word (the LLM processor's resume). Said as
          // the agent finished on its own, the same words may answer it: they stay a turn.
          this.logger?.debug("backchannel over the agent: resuming");
          this.endUserTurn();
          this.push({ ...frame, text: "" }, direction);
          return;
        }
        this.endUserTurn();
        break;
    }
    this.push(frame, direction);
  }

  /** Enough of the caller's own speech: over the agent, or after it ended over its echo. */
  private residualCounts(): boolean {
    return this.agentActive
      ? this.residualMs >= this.options.minSpeechMs
      : this.residualMs >= Math.min(RESIDUAL_AFTER_AGENT_MS, this.options.minSpeechMs);
  }

  /** The candidate is real speech: it interrupts the agent if the agent is still speaking. */
  private acceptCandidate(atMs: number): void {
    if (this.agentActive) {
      this.interrupt(atMs);
      return;
    }
    this.candidate = false;
    this.turnHasRealSpeech = true;
  }

  private endUserTurn(): void {
    this.turnHasRealSpeech = false;
    this.turnBeganOverAgent = false;
    this.turnInterruptedAgent = false;
  }

  private interrupt(atMs: number): void {
    this.candidate = false;
    this.agentActive = false;
    this.turnHasRealSpeech = true;
    this.turnInterruptedAgent = true;
    this.push({ type: "interruption", atMs });
  }
}
