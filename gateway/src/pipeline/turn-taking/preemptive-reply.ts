// A reply started before the caller's turn is confirmed. The model's events are kept, not
// spoken; once the turn is confirmed with the same words the reply is adopted (what arrived is
// replayed, the rest streams on), otherwise it is cancelled and nothing of it was heard or kept.
import type { ChatMessage, LlmEvent } from "../../providers/types.ts";
import type { PipelineClock } from "../clock.ts";
import { splitWords } from "../turn.ts";

/** The same words, ignoring case and punctuation ("when do you open" and "When do you open?"). */
export function sameWords(a: string, b: string): boolean {
  const words = (text: string) =>
    splitWords(text.toLowerCase().replace(/[^\p{L}\p{N}'\s]+/gu, " ")).join(" ");
  return words(a) === words(b);
}

export interface PreemptiveRequest {
  /** The caller's words the reply answers. */
  text: string;
  /** The conversation the request was made with (history plus the caller's words). */
  messages: ChatMessage[];
  /** Retrieves knowledge, then streams the model's reply; aborting `signal` cancels both. */
  run(signal: AbortSignal): AsyncIterable<LlmEvent>;
}

export class PreemptiveReply {
  readonly startedAt: number;
  firstTokenAt: number | null = null;
  private readonly events: LlmEvent[] = [];
  private done = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;
  private readonly controller = new AbortController();

  constructor(
    readonly request: PreemptiveRequest,
    private readonly clock: PipelineClock,
  ) {
    this.startedAt = clock.now();
    void this.pump();
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  cancel(): void {
    if (!this.controller.signal.aborted)
      this.controller.abort(new DOMException("preemption cancelled", "AbortError"));
  }

  private async pump(): Promise<void> {
    try {
      for await (const event of this.request.run(this.controller.signal)) {
        if (this.controller.signal.aborted) break;
        if (event.type === "text" && event.text) this.firstTokenAt ??= this.clock.now();
        this.events.push(event);
        this.notify();
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.done = true;
      this.notify();
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /**
   * The reply's events: those already received, then the rest as they come. Aborting `signal`
   * (the caller interrupts the adopted turn) cancels the request.
   */
  async *adopt(signal: AbortSignal): AsyncIterable<LlmEvent> {
    const onAbort = () => this.cancel();
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      for (let next = 0; ; ) {
        while (next < this.events.length) yield this.events[next++]!;
        if (this.done) {
          if (this.failure && !this.controller.signal.aborted) throw this.failure;
          return;
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }
}
