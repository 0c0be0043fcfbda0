import type { PcmFrame } from "./audio-format.ts";
import type { G711Codec } from "./g711.ts";
import { PlayoutQueue } from "./playout-queue.ts";

/**
 * A G.711 call's audio at the codec's own 8 kHz, for a consumer that speaks G.711 as well (a
 * realtime model in audio/pcmu): nothing is resampled on the way in or out.
 */
export interface G711CallAudio {
  readonly codec: G711Codec;
  /** Caller audio: each tick's 160 samples at 8 kHz, decoded (and concealed), before upsampling. */
  onFrame(handler: (pcm8k: Int16Array, ageMs: number) => void): void;
  /**
   * Agent audio at 8 kHz, encoded as it is. It plays after audio queued by `enqueue`, `flush`
   * drops it too, and it counts in `playedSamples`/`queuedSamples` as 16 kHz samples.
   */
  enqueue(pcm8k: Int16Array): void;
}

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
  /**
   * Holds queued agent audio: nothing more is sent after the current tick and nothing is
   * dropped; `resume` goes on from the next unsent sample, `flush` drops it and ends the hold.
   */
  pause(): void;
  resume(): void;
  /** The caller's audio came through an 8 kHz codec (G.711): nothing above 4 kHz. */
  readonly narrowband: boolean;
  /** Agent audio samples already sent to the caller since the call started. */
  readonly playedSamples: number;
  /** Agent audio samples queued and not yet sent. */
  readonly queuedSamples: number;
  /** Sends DTMF digits to the caller. */
  sendDtmf(digits: string): Promise<void>;
  /** G.711 calls carried as G.711 (RTP): their audio at 8 kHz, without resampling. */
  readonly g711?: G711CallAudio;
}

type FrameHandler = (frame: PcmFrame, ageMs: number) => void;
type DtmfHandler = (digit: string) => void;

/** RFC 4733 section 3.2 events 0-15: the digits a keypad sends. */
const DTMF_DIGIT = /^[0-9*#A-D]$/;

/**
 * What every CallAudio does alike, whatever carries the call (RTP, WebRTC, a LiveKit room):
 * handler registration and dispatch of caller frames and digits, and the agent's playout
 * queue. Implementations pace `playout` on the media clock and call `emitFrame` once a tick.
 */
export abstract class BaseCallAudio implements CallAudio {
  private readonly frameHandlers: FrameHandler[] = [];
  private readonly dtmfHandlers: DtmfHandler[] = [];
  protected readonly playout = new PlayoutQueue();

  abstract readonly narrowband: boolean;
  abstract enqueue(pcm: Int16Array): void;
  abstract sendDtmf(digits: string): Promise<void>;

  onFrame(handler: FrameHandler): void {
    this.frameHandlers.push(handler);
  }

  onDtmf(handler: DtmfHandler): void {
    this.dtmfHandlers.push(handler);
  }

  flush(): void {
    this.playout.flush();
  }

  pause(): void {
    this.playout.hold();
  }

  resume(): void {
    this.playout.release();
  }

  /** Held by `pause`: a talkspurt must not start early. */
  protected get paused(): boolean {
    return this.playout.isHeld;
  }

  get playedSamples(): number {
    return this.playout.playedSamples;
  }

  get queuedSamples(): number {
    return this.playout.queuedSamples;
  }

  /**
   * A digit from the caller, whatever carried it (RFC 4733 events, SIP INFO, a data channel);
   * anything but a keypad digit is ignored.
   */
  receiveDtmf(digit: string): void {
    const upper = digit.toUpperCase();
    if (!DTMF_DIGIT.test(upper)) return;
    for (const handler of this.dtmfHandlers) handler(upper);
  }

  /** Hands this tick's caller frame to every handler (they must copy it to keep it). */
  protected emitFrame(frame: PcmFrame, ageMs: number): void {
    for (const handler of this.frameHandlers) handler(frame, ageMs);
  }
}
