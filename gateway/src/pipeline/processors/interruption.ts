import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";

interface InterruptionOptions {
  enabled: boolean;
  /** Speech over the agent shorter than this (a cough, "mm-hm") does not interrupt. */
  minSpeechMs: number;
}

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
        if (this.candidate && this.speaking) {
          this.candidate = false;
          this.turnHasRealSpeech = true;
        }
        break;
      case "user_speech_started":
        this.speaking = true;
        this.speechStartAt = frame.atMs;
        if (this.agentActive && this.options.enabled) this.candidate = true;
        else this.turnHasRealSpeech = true;
        break;
      case "audio_in":
        if (this.candidate && this.speaking && frame.atMs - this.speechStartAt >= this.options.minSpeechMs) {
          this.push(frame, direction);
          this.interrupt(frame.atMs);
          return;
        }
        break;
      case "user_speech_stopped":
        this.speaking = false;
        if (this.candidate) {
          if (frame.speechMs >= this.options.minSpeechMs) {
            this.push(frame, direction);
            this.interrupt(frame.atMs);
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
          return;
        }
        this.turnHasRealSpeech = false;
        break;
    }
    this.push(frame, direction);
  }

  private interrupt(atMs: number): void {
    this.candidate = false;
    this.agentActive = false;
    this.turnHasRealSpeech = true;
    this.push({ type: "interruption", atMs });
  }
}
