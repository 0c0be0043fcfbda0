import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import type { EchoGuard } from "../../media/echo/echo-guard.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import { isBackchannel, mayBecomeBackchannel } from "../turn-taking/backchannel.ts";

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
/** Speech over the held agent that goes on this long is no backchannel ("uh-huh, yeah, right"). */
export const MAX_BACKCHANNEL_SPEECH_MS = 1500;
/**
 * The judgment waits for the caller's turn: the end of turn after the speech, then the STT's
 * final. Held this long without it, the agent is interrupted (the words become a turn).
 */
export const MAX_HOLD_MS = 3000;

/**
 * Barge-in: caller speech over the agent that lasts `minSpeechMs` stops the agent's audio at
 * once. It is held, not dropped, until the caller's words are known: a backchannel ("mm-hm",
 * "right") lets it go on from the same sample and is no turn; other words, longer speech or
 * a key press interrupt (flush, cancel LLM and TTS) and are the caller's turn. Speech shorter
 * than `minSpeechMs` never stops the agent: its transcript is dropped.
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
  /** When the agent's audio was held for the caller's words; null: not held. */
  private heldAtMs: number | null = null;
  /** The caller's words so far while held (interim transcripts). */
  private heldWords = "";

  constructor(private readonly options: InterruptionOptions) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    switch (frame.type) {
      case "agent_turn_started":
        this.agentActive = true;
        break;
      case "agent_turn_ended":
        // Its last sample went out just before the hold: nothing to judge, the words are a turn.
        if (this.heldAtMs !== null) {
          this.release();
          this.turnInterruptedAgent = false;
        }
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
        // Every frame goes to the guard, so its envelopes and echo path stay current.
        const residualMs = guard ? guard.callerFrame(frame.pcm) : 0;
        if (this.heldAtMs !== null && this.heldTooLong(frame.atMs)) {
          this.push(frame, direction);
          this.interrupt(this.heldAtMs);
          return;
        }
        if (guard) {
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
          this.stopAgent(frame.atMs);
          return;
        }
        break;
      }
      case "caller_words":
        if (this.heldAtMs !== null) this.judgeWords(frame.text);
        return;
      case "user_speech_stopped":
        this.speaking = false;
        if (this.heldAtMs !== null && isBackchannel(this.heldWords)) this.release();
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
          if (this.heldAtMs !== null) this.interrupt(this.heldAtMs);
          else if (this.agentActive && this.options.enabled) this.interrupt(frame.startedAt);
        } else if (!this.turnHasRealSpeech) {
          this.logger?.debug("backchannel ignored");
          this.endUserTurn();
          return;
        } else if (this.heldAtMs !== null) {
          if (!frame.text || isBackchannel(frame.text)) {
            // Words that tell the agent to go on, or none: it goes on from the held sample.
            this.logger?.debug("backchannel over the agent: resuming playout");
            this.release();
            this.endUserTurn();
            return;
          }
          this.interrupt(this.heldAtMs);
        } else if (
          this.turnInterruptedAgent &&
          this.agentActive &&
          frame.text &&
          !isBackchannel(frame.text)
        ) {
          // Resumed on words that looked like a backchannel; the final says more: it is a turn.
          this.interrupt(frame.startedAt);
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

  /** The candidate is real speech: it stops the agent if the agent is still speaking. */
  private acceptCandidate(atMs: number): void {
    if (this.agentActive) {
      this.stopAgent(atMs);
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

  /** Caller speech long enough to stop the agent: held while the words are judged, or flushed. */
  private stopAgent(atMs: number): void {
    this.candidate = false;
    this.turnHasRealSpeech = true;
    this.turnInterruptedAgent = true;
    if (this.heldAtMs !== null) return;
    this.heldAtMs = atMs;
    this.heldWords = "";
    this.push({ type: "playout_hold", atMs });
  }

  /**
   * The words while held, before the turn ends: words that cannot become a backchannel
   * interrupt now; a backchannel the VAD heard end lets the agent go on now.
   */
  private judgeWords(text: string): void {
    this.heldWords = text;
    if (!mayBecomeBackchannel(text)) this.interrupt(this.heldAtMs!);
    else if (!this.speaking && isBackchannel(text)) this.release();
  }

  /**
   * Held too long for a backchannel: the caller is taking the floor. The caller's speech is
   * timed from the hold (it had lasted `minSpeechMs` then), not from the VAD's start, which the
   * agent's own echo may have set long before.
   */
  private heldTooLong(nowMs: number): boolean {
    const heldMs = nowMs - this.heldAtMs!;
    if (heldMs >= MAX_HOLD_MS) return true;
    return this.speaking && heldMs + this.options.minSpeechMs >= MAX_BACKCHANNEL_SPEECH_MS;
  }

  private release(): void {
    this.heldAtMs = null;
    this.heldWords = "";
    this.push({ type: "playout_resume" });
  }

  private interrupt(atMs: number): void {
    this.heldAtMs = null;
    this.heldWords = "";
    this.candidate = false;
    this.agentActive = false;
    this.turnHasRealSpeech = true;
    this.turnInterruptedAgent = true;
    this.push({ type: "interruption", atMs });
  }
}
