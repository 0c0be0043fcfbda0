// The caller's speech as the gateway's own VAD hears it (the pipeline's VAD processor on the
// call's batched engine): barge-in and, with `turn_detection: "gateway"`, the turns.
import type { Frame } from "../pipeline/frames.ts";
import { Processor } from "../pipeline/processor.ts";
import { DEFAULT_VAD_OPTIONS, VadProcessor } from "../pipeline/processors/vad.ts";
import type { VadStream } from "../vad/engine.ts";

export interface CallerSpeechHandlers {
  started(atMs: number): void;
  stopped(atMs: number, speechMs: number): void;
}

class SpeechSink extends Processor {
  readonly name = "caller-speech";
  constructor(private readonly handlers: CallerSpeechHandlers) {
    super();
  }
  protected override process(frame: Frame): void {
    if (frame.type === "user_speech_started") this.handlers.started(frame.atMs);
    else if (frame.type === "user_speech_stopped") this.handlers.stopped(frame.atMs, frame.speechMs);
  }
}

export class CallerSpeech {
  private readonly vad: VadProcessor;
  private closed = false;

  constructor(stream: VadStream, handlers: CallerSpeechHandlers) {
    this.vad = new VadProcessor(stream, DEFAULT_VAD_OPTIONS);
    this.vad.link(new SpeechSink(handlers));
  }

  /** One caller frame whose sound reached the gateway at `atMs`. */
  push(pcm: Int16Array, atMs: number): void {
    if (!this.closed) this.vad.receive({ type: "audio_in", pcm, atMs }, "downstream");
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.vad.receive({ type: "end", cause: "call_ended" }, "downstream");
  }
}
