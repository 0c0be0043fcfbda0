import type { PcmFrame } from "./audio-format.ts";

/**
 * A call's audio as the turn pipeline sees it, whatever carries it (RTP for SIP calls,
 * WebRTC for browser calls). Caller audio arrives as 20 ms frames in order; agent audio is
 * queued and paced at 20 ms by the gateway's one clock.
 */
export interface CallAudio {
  /**
   * Caller audio, one 20 ms frame at a time, after the jitter buffer and decoding. `ageMs` is
   * how long ago the frame's audio reached the gateway, so speech times are taken from when
   * the caller spoke, not from when the buffer played the frame out.
   */
  onFrame(handler: (frame: PcmFrame, ageMs: number) => void): void;
  /** A DTMF digit from the caller (RFC 4733 or SIP INFO). */
  onDtmf(handler: (digit: string) => void): void;
  /**
   * Queues agent audio (16 kHz PCM16, any length) for playout. The first frame of a talkspurt
   * may be sent at once, so `playedSamples` can grow during this call.
   */
  enqueue(pcm: Int16Array): void;
  /** Drops all queued agent audio; nothing more is sent after the current tick (barge-in). */
  flush(): void;
  /** The caller's audio came through an 8 kHz codec (G.711): nothing above 4 kHz. */
  readonly narrowband: boolean;
  /** Agent audio samples already sent to the caller since the call started. */
  readonly playedSamples: number;
  /** Agent audio samples queued and not yet sent. */
  readonly queuedSamples: number;
  /** Sends DTMF digits to the caller. */
  sendDtmf(digits: string): Promise<void>;
}
