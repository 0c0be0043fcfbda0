import type { Logger } from "@switchboard/shared/logger";
import { type DataFrame, type Frame, isDataFrame } from "./frames.ts";

export type Direction = "downstream" | "upstream";

/** One small step of the pipeline. Frames it does not handle pass on unchanged. */
export abstract class Processor {
  private next: Processor | null = null;
  private previous: Processor | null = null;
  /** The next processor downstream that looks at caller audio (found on first use). */
  private nextForAudio: Processor | null | undefined;
  protected logger: Logger | null = null;

  abstract readonly name: string;
  /**
   * Whether `process` looks at `audio_in` frames. Caller audio is 50 frames a second per call,
   * so processors that only pass it on are skipped for it.
   */
  readonly handlesAudio: boolean = true;

  link(next: Processor): Processor {
    this.next = next;
    next.previous = this;
    this.nextForAudio = undefined;
    return next;
  }

  attachLogger(logger: Logger): void {
    this.logger = logger.child({ processor: this.name });
  }

  receive(frame: Frame, direction: Direction): void {
    try {
      this.process(frame, direction);
    } catch (error) {
      this.logger?.error({ err: error, frame: frame.type }, "processor failed on a frame");
    }
  }

  protected process(frame: Frame, direction: Direction): void {
    this.push(frame, direction);
  }

  protected push(frame: Frame, direction: Direction = "downstream"): void {
    if (direction === "upstream") {
      this.previous?.receive(frame, direction);
    } else if (frame.type === "audio_in") {
      if (this.nextForAudio === undefined) {
        let target = this.next;
        while (target !== null && !target.handlesAudio) target = target.next;
        this.nextForAudio = target;
      }
      this.nextForAudio?.receive(frame, direction);
    } else {
      this.next?.receive(frame, direction);
    }
  }
}

/**
 * A processor with slow async work (LLM, TTS): downstream data frames are handled one at a
 * time in order; an interruption clears the queue and aborts the frame being handled, so
 * nothing of the interrupted turn leaks out afterwards.
 */
export abstract class QueuedProcessor extends Processor {
  private readonly queue: DataFrame[] = [];
  private current: AbortController | null = null;
  private draining = false;
  private stopped = false;

  protected abstract handle(frame: DataFrame, signal: AbortSignal): Promise<void>;

  protected onInterruption(): void {}

  protected override process(frame: Frame, direction: Direction): void {
    if (direction === "downstream" && isDataFrame(frame)) {
      if (this.stopped) return;
      this.queue.push(frame);
      void this.drain();
      return;
    }
    if (frame.type === "interruption" || frame.type === "end") {
      this.queue.length = 0;
      this.current?.abort(new DOMException(frame.type, "AbortError"));
      if (frame.type === "end") this.stopped = true;
      this.onInterruption();
    }
    this.push(frame, direction);
  }

  /** Pushes downstream unless the work this frame belongs to was aborted. */
  protected emit(frame: Frame, signal: AbortSignal): void {
    if (!signal.aborted) this.push(frame);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let frame = this.queue.shift(); frame; frame = this.queue.shift()) {
        const controller = new AbortController();
        this.current = controller;
        try {
          await this.handle(frame, controller.signal);
        } catch (error) {
          if (!controller.signal.aborted) {
            this.logger?.error({ err: error, frame: frame.type }, "processor failed on a frame");
          }
        } finally {
          this.current = null;
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
