// An RtpSession on an ephemeral loopback port, PCMU with telephone-event 101, no recording and
// no remote unless given: what the RTP tests and the media benches open.
import type { MediaClock } from "../../media/clock.ts";
import { RtpSession, type RtpSessionOptions } from "../session.ts";

export function openLoopbackSession(
  clock: MediaClock,
  overrides: Partial<RtpSessionOptions> = {},
): Promise<RtpSession> {
  return RtpSession.open({
    bindAddress: "127.0.0.1",
    portMin: 0,
    portMax: 0,
    codec: "PCMU",
    payloadType: 0,
    telephoneEventPayloadType: 101,
    remote: null,
    recordPath: null,
    clock,
    ...overrides,
  });
}
