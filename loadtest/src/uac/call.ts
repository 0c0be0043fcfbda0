// One SIP caller: its own RTP socket and the dialog on the shared SIP UAC; the conversation
// and the figures are the CallMeter's.

import { writeRtpHeader } from "@switchboard/gateway/rtp/packet";
import type { udp } from "bun";
import { PCMU_SAMPLES_PER_FRAME } from "./caller-speech.ts";
import { CallMeter, type CallPlan, type CallResult } from "./meter.ts";
import type { Pacer } from "./pacer.ts";
import type { SipUac } from "./sip-uac.ts";

export type { CallPlan, CallResult } from "./meter.ts";

const PCMU_SILENCE = 0xff;
const RTP_HEADER_BYTES = 12;
const RTP_BYTES = RTP_HEADER_BYTES + PCMU_SAMPLES_PER_FRAME;

export async function runCall(
  uac: SipUac,
  pacer: Pacer,
  plan: CallPlan,
  /** Called once the INVITE has its final response. */
  onSettled: () => void = () => {},
  /** The caller's number (E.164) in From; the UAC's default when unset. */
  fromNumber?: string,
): Promise<CallResult> {
  const meter = new CallMeter(plan);
  const result = meter.result;
  const socket: udp.Socket<"uint8array"> = await Bun.udpSocket({
    hostname: "127.0.0.1",
    port: 0,
    binaryType: "uint8array",
    socket: {
      data: (_socket, data) => {
        if (data.length < RTP_BYTES || (data[1]! & 0x7f) !== 0) return;
        const timestamp = ((data[4]! << 24) | (data[5]! << 16) | (data[6]! << 8) | data[7]!) >>> 0;
        const marker = (data[1]! & 0x80) !== 0;
        meter.receive(data, RTP_HEADER_BYTES, timestamp, marker, performance.now());
      },
    },
  });
  const packet = new Uint8Array(RTP_BYTES);
  const ssrc = (Math.random() * 0xffffffff) >>> 0;
  let sequence = (Math.random() * 0xffff) >>> 0;
  let timestamp = (Math.random() * 0xffffffff) >>> 0;
  let media: { address: string; port: number } | null = null;

  const tick = (_stepMs: number) => {
    if (!media || meter.done) return;
    // This call's own clock reading, not the step's: with many calls, the last of them sends
    // a few milliseconds after the step began, and the turn is timed from this packet.
    const payload = meter.nextPayload(performance.now());
    if (meter.done) return;
    writeRtpHeader(packet, false, 0, sequence, timestamp, ssrc);
    if (payload) packet.set(payload, RTP_HEADER_BYTES);
    else packet.fill(PCMU_SILENCE, RTP_HEADER_BYTES);
    socket.send(packet, media.port, media.address);
    sequence = (sequence + 1) & 0xffff;
    timestamp = (timestamp + PCMU_SAMPLES_PER_FRAME) >>> 0;
  };

  let remoteBye = false;
  const inviteAtMs = performance.now();
  try {
    const answered = await uac.invite(
      plan.number,
      socket.port,
      () => {
        remoteBye = true;
        meter.end("gateway hung up");
      },
      fromNumber,
    );
    result.status = answered.status;
    onSettled();
    if (!answered.media) {
      result.failure = `INVITE answered ${answered.status}`;
      return result;
    }
    const now = performance.now();
    meter.answered(now - inviteAtMs, now);
    media = answered.media;
    const removeTick = pacer.add(tick);
    await meter.finished;
    removeTick();
    if (!remoteBye) {
      result.byeSentAtEpochMs = Date.now();
      const byeStatus = await uac.bye(answered.callId);
      if (byeStatus !== 200) meter.end(`BYE answered ${byeStatus ?? "nothing"}`);
    }
    return result;
  } finally {
    meter.end(null);
    socket.close();
  }
}
