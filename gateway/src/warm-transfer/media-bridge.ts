import type { CallAudio } from "../media/call-audio.ts";
import type { AudioTicks } from "./audio-ticks.ts";

/**
 * Caller and destination connected through the gateway: each 20 ms frame one side sends is
 * queued for the other on the same tick, and the caller's keypad digits go on to the
 * destination (RFC 4733). Each side's recording keeps what it said and what it heard.
 */
export class MediaBridge {
  private readonly removers: (() => void)[];
  private active = true;

  constructor(
    caller: { audio: CallAudio; ticks: AudioTicks },
    destination: { audio: CallAudio; ticks: AudioTicks },
  ) {
    caller.audio.flush();
    destination.audio.flush();
    this.removers = [
      caller.ticks.add((frame) => destination.audio.enqueue(frame)),
      destination.ticks.add((frame) => caller.audio.enqueue(frame)),
    ];
    caller.audio.onDtmf((digit) => {
      if (this.active) destination.audio.sendDtmf(digit).catch(() => {});
    });
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    for (const remove of this.removers) remove();
  }
}
