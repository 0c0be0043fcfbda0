import type { MediaClock } from "../media/clock.ts";
import type { G711Codec } from "../media/g711.ts";

export interface RtpEndpoint {
  address: string;
  port: number;
}

export interface RtpSessionOptions {
  bindAddress: string;
  /** RTP_PORT_MIN..RTP_PORT_MAX; portMin 0 binds any free port (tests). */
  portMin: number;
  portMax: number;
  codec: G711Codec;
  payloadType: number;
  /** Negotiated RFC 4733 payload type, or null when the peer offered none. */
  telephoneEventPayloadType: number | null;
  /** From the SDP (c= and m= lines); null until known. */
  remote: RtpEndpoint | null;
  /** Where to write the two-channel WAV, or null for no recording. */
  recordPath: string | null;
  /** No RTP for this long (while not on hold) fires onMediaTimeout; default 60 s. */
  mediaTimeoutMs?: number;
  /** Symmetric RTP: how long after open/setRemote the first packet's source may be latched. */
  learningWindowMs?: number;
  /** Length of each sent DTMF tone. */
  dtmfToneMs?: number;
  clock: MediaClock;
}

export interface RtpSessionStats {
  packetsSent: number;
  packetsReceived: number;
  malformed: number;
  unexpectedPayloadType: number;
  foreignSource: number;
  duplicates: number;
  outOfSequence: number;
  lost: number;
  jitterMs: number;
  jitterBufferDelayMs: number;
  late: number;
  concealedFrames: number;
  socketErrors: number;
}
