// Answering-machine detection from the callee's first seconds, decided within a bounded time:
//   machine: a beep; a machine phrase in the transcript; one utterance longer than
//            LONG_GREETING_MS (a recorded greeting runs on, a person says "hello?" and waits);
//   human:   a short greeting (under SHORT_GREETING_MS of speech) followed by HUMAN_SILENCE_MS
//            of silence: the callee waits for us;
//   at the deadline: a long greeting so far is a machine, a short one a human, none unknown.
// Before the verdict, `answerable` says when the callee sounds like a person waiting for us (a
// short greeting, then EARLY_ANSWER_SILENCE_MS of silence): the agent may speak at once while
// the detector goes on listening until its verdict.
import type { AnsweredBy } from "@switchboard/shared/schemas/amd";
import { BeepDetector } from "./beep-detector.ts";
import { machinePhraseIn } from "./machine-phrases.ts";
import { SpeechCadence } from "./speech-cadence.ts";

export const LONG_GREETING_MS = 2500;
export const SHORT_GREETING_MS = 1600;
export const HUMAN_SILENCE_MS = 800;
/** Silence after a short greeting at which the agent answers without waiting for the verdict. */
export const EARLY_ANSWER_SILENCE_MS = 350;
/** At the deadline, this much speech or more is a recorded greeting. */
const DEADLINE_MACHINE_SPEECH_MS = 1800;

export interface AmdVerdict {
  answeredBy: AnsweredBy;
  /** From the answer. */
  decisionMs: number;
  evidence: string[];
}

export interface AmdDetectorOptions {
  timeoutMs: number;
  sampleRateHz: number;
  frameMs: number;
}

export class AmdDetector {
  private readonly cadence = new SpeechCadence();
  private readonly beeps: BeepDetector;
  private decided: AmdVerdict | null = null;

  constructor(private readonly options: AmdDetectorOptions) {
    this.beeps = new BeepDetector({ sampleRateHz: options.sampleRateHz });
  }

  get verdict(): AmdVerdict | null {
    return this.decided;
  }

  /** A short greeting followed by a pause: the callee is likely a person waiting for us. */
  get answerable(): boolean {
    if (this.decided) return this.decided.answeredBy !== "machine";
    const now = this.cadence.snapshot();
    return (
      now.silenceMs !== null && now.silenceMs >= EARLY_ANSWER_SILENCE_MS && now.speechMs < SHORT_GREETING_MS
    );
  }

  /** The callee is speaking (an utterance not yet closed by a pause). */
  get speaking(): boolean {
    return this.cadence.snapshot().speaking;
  }

  /** One frame of the callee's audio ending `atMs` after the answer. */
  pushFrame(frame: Int16Array, atMs: number): AmdVerdict | null {
    if (this.decided) return this.decided;
    const { frameMs } = this.options;
    const beep = this.beeps.push(frame, atMs, frameMs);
    if (beep) return this.decide("machine", atMs, [`beep:${beep.frequencyHz}Hz`]);
    this.cadence.push(frame, atMs, frameMs);
    const now = this.cadence.snapshot();
    if (now.utteranceMs >= LONG_GREETING_MS)
      return this.decide("machine", atMs, [`long_greeting:${now.utteranceMs}ms`]);
    if (now.silenceMs !== null && now.silenceMs >= HUMAN_SILENCE_MS && now.speechMs < SHORT_GREETING_MS)
      return this.decide("human", atMs, [`short_greeting:${now.speechMs}ms`, `silence:${now.silenceMs}ms`]);
    return this.tick(atMs);
  }

  /** A transcript of the callee's greeting (interim or final) heard `atMs` after the answer. */
  pushTranscript(text: string, atMs: number): AmdVerdict | null {
    if (this.decided) return this.decided;
    const phrase = machinePhraseIn(text);
    return phrase ? this.decide("machine", atMs, [`phrase:${phrase}`]) : this.tick(atMs);
  }

  /** The deadline: decide from what was heard by then. */
  tick(atMs: number): AmdVerdict | null {
    if (this.decided) return this.decided;
    if (atMs < this.options.timeoutMs) return null;
    const now = this.cadence.snapshot();
    const evidence = [`timeout:${this.options.timeoutMs}ms`, `speech:${now.speechMs}ms`];
    if (now.speechMs === 0) return this.decide("unknown", atMs, [...evidence, "silence"]);
    if (now.speechMs >= DEADLINE_MACHINE_SPEECH_MS) return this.decide("machine", atMs, evidence);
    return this.decide("human", atMs, evidence);
  }

  private decide(answeredBy: AnsweredBy, atMs: number, evidence: string[]): AmdVerdict {
    this.decided = { answeredBy, decisionMs: Math.round(atMs), evidence };
    return this.decided;
  }
}
