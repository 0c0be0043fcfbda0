import type { PcmFrame } from "./audio-format.ts";

/**
 * A call's audio as the turn pipeline sees it, whatever carries it (RTP for SIP calls,
 * WebRTC for browser calls). Caller audio arrives as 20 ms frames in order; agent audio is
 * queued and paced at 20 ms by the gateway's one clock.
 */
export interface CallAudio {
  /** Caller audio, one 20 ms frame at a time, after the jitter buffer and decoding. */
  onFrame(handler: (frame: PcmFrame) => void): void;
  /** A DTMF digit from the caller (RFC 4733 or SIP INFO). */
  onDtmf(handler: (digit: string) => void): void;
  /** Queues agent audio (16 kHz PCM16, any length) for playout. */
  enqueue(pcm: Int16Array): void;
  /** Drops all queued agent audio; nothing more is sent after the current tick (barge-in). */
  flush(): void;
  /** Agent audio samples already sent to the caller since the call started. */
  readonly playedSamples: number;
  /** Agent audio samples queued and not yet sent. */
  readonly queuedSamples: number;
  /** Sends DTMF digits to the caller. */
  sendDtmf(digits: string): Promise<void>;
}
