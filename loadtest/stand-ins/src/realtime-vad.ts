// The speech-to-speech stand-ins' server VAD: frame energy over 20 ms frames of the appended
// audio. Speech starts on the first frame above the threshold and stops after
// `silenceDurationMs` below it, as the providers' server VADs report it (times in ms of audio
// received since the session started).
import { rms } from "./audio.ts";

const FRAME_MS = 20;

export type VadEvent = { type: "speech_started"; atMs: number } | { type: "speech_stopped"; atMs: number };

export class EnergyVad {
  /** Audio received so far, in ms. */
  audioMs = 0;
  inSpeech = false;
  /** Speech heard since the last `takeSpeechMs`. */
  private speechMs = 0;
  private silenceMs = 0;
  private pending = new Int16Array(0);

  constructor(
    readonly sampleRateHz: number,
    private readonly thresholdRms: () => number,
  ) {}

  /** Feeds linear samples; `silenceDurationMs` null only counts speech (no turn detection). */
  push(samples: Int16Array, silenceDurationMs: number | null): VadEvent[] {
    const frameSamples = (this.sampleRateHz * FRAME_MS) / 1000;
    const joined = new Int16Array(this.pending.length + samples.length);
    joined.set(this.pending);
    joined.set(samples, this.pending.length);
    const events: VadEvent[] = [];
    let offset = 0;
    for (; offset + frameSamples <= joined.length; offset += frameSamples) {
      const speaking = rms(joined.subarray(offset, offset + frameSamples)) >= this.thresholdRms();
      this.audioMs += FRAME_MS;
      if (speaking) {
        this.speechMs += FRAME_MS;
        this.silenceMs = 0;
        if (!this.inSpeech && silenceDurationMs !== null) {
          this.inSpeech = true;
          events.push({ type: "speech_started", atMs: this.audioMs - FRAME_MS });
        }
        continue;
      }
      this.silenceMs += FRAME_MS;
      if (this.inSpeech && silenceDurationMs !== null && this.silenceMs >= silenceDurationMs) {
        this.inSpeech = false;
        events.push({ type: "speech_stopped", atMs: this.audioMs });
      }
    }
    this.pending = joined.slice(offset);
    return events;
  }

  /** Speech heard since the last call (for the turn being committed), and starts counting anew. */
  takeSpeechMs(): number {
    const speechMs = this.speechMs;
    this.speechMs = 0;
    return speechMs;
  }

  /** Drops the audio not yet committed (input_audio_buffer.clear). */
  clear(): void {
    this.pending = new Int16Array(0);
    this.speechMs = 0;
    this.silenceMs = 0;
    this.inSpeech = false;
  }
}
