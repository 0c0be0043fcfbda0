import type { PcmFrame } from "../media/audio-format.ts";
import type { CallAudio } from "../media/call-audio.ts";

type TickHandler = (frame: PcmFrame) => void;

/**
 * One frame handler per call audio for the whole transfer (CallAudio handlers cannot be
 * removed): hold music, waits and the bridge come and go as entries of this set.
 */
export class AudioTicks {
  private readonly handlers = new Set<TickHandler>();
  private closed = false;

  constructor(audio: CallAudio) {
    audio.onFrame((frame) => {
      if (this.closed) return;
      for (const handler of this.handlers) handler(frame);
    });
  }

  /** Calls `handler` with each 20 ms frame until the returned function is called. */
  add(handler: TickHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  close(): void {
    this.closed = true;
    this.handlers.clear();
  }
}
