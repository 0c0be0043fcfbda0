// One browser-style caller over WebRTC (werift, PCMU so the caller's figures match the SIP
// ones): WHIP-style POST of the offer with a signed call token, then the same conversation
// and measurements as a SIP call. Setup is POST -> SDP answer.

import { guardWeriftUdpSockets } from "@switchboard/gateway/webrtc/udp-socket-errors";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { RTCPeerConnection, RTCRtpCodecParameters } from "werift";
import { PCMU_SAMPLES_PER_FRAME } from "./caller-speech.ts";
import { CallMeter, type CallPlan, type CallResult } from "./meter.ts";
import type { Pacer } from "./pacer.ts";

// The caller's sockets get the same guard: a gateway that hangs up first answers with ICMP.
guardWeriftUdpSockets();

const RTP_HEADER_BYTES = 12;
const PCMU_SILENCE = 0xff;

export interface WebCallTarget {
  /** The gateway's HTTP base URL. */
  url: string;
  /** WEB_CALL_SECRET shared with the gateway. */
  webCallSecret: string;
  orgId: string;
  agentId: string;
}

export async function runWebCall(
  target: WebCallTarget,
  pacer: Pacer,
  plan: CallPlan,
  onSettled: () => void = () => {},
): Promise<CallResult> {
  const meter = new CallMeter(plan);
  const result = meter.result;
  const callId = `call_web_${crypto.randomUUID().replaceAll("-", "")}`;
  const { token } = await signCallToken(
    { webCallSecret: target.webCallSecret, secretKey: null, dataDir: "/nonexistent" },
    { callId, orgId: target.orgId, agentId: target.agentId, origin: null, metadata: {} },
    120,
  );
  const pc = new RTCPeerConnection({
    codecs: {
      audio: [
        new RTCRtpCodecParameters({ mimeType: "audio/PCMU", clockRate: 8000, channels: 1, payloadType: 0 }),
      ],
    },
    iceAdditionalHostAddresses: ["127.0.0.1"],
  });
  const transceiver = pc.addTransceiver("audio", { direction: "sendrecv" });
  pc.createDataChannel("events");
  transceiver.onTrack.subscribe((track) =>
    track.onReceiveRtp.subscribe((rtp) => {
      if (rtp.header.payloadType !== 0) return;
      meter.receive(rtp.payload, 0, rtp.header.timestamp, rtp.header.marker, performance.now());
    }),
  );
  const packet = Buffer.alloc(RTP_HEADER_BYTES + PCMU_SAMPLES_PER_FRAME);
  let sequence = 0;
  let timestamp = 0;
  const tick = (now: number) => {
    if (meter.done) return;
    const payload = meter.nextPayload(now);
    if (meter.done) return;
    packet[0] = 0x80;
    packet[1] = 0;
    packet.writeUInt16BE(sequence, 2);
    packet.writeUInt32BE(timestamp, 4);
    packet.writeUInt32BE(0x5bc0ffee, 8);
    if (payload) packet.set(payload, RTP_HEADER_BYTES);
    else packet.fill(PCMU_SILENCE, RTP_HEADER_BYTES);
    void transceiver.sender.sendRtp(packet).catch(() => {});
    sequence = (sequence + 1) & 0xffff;
    timestamp = (timestamp + PCMU_SAMPLES_PER_FRAME) >>> 0;
  };
  let location: string | null = null;
  try {
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === "complete") resolve();
      else pc.iceGatheringStateChange.subscribe((state) => state === "complete" && resolve());
    });
    const postedAt = performance.now();
    const response = await fetch(`${target.url}/webrtc/calls`, {
      method: "POST",
      headers: { "content-type": "application/sdp", authorization: `Bearer ${token}` },
      body: pc.localDescription!.sdp,
    });
    result.status = response.status;
    onSettled();
    if (response.status !== 201) {
      result.failure = `offer answered ${response.status}`;
      return result;
    }
    location = response.headers.get("location");
    await pc.setRemoteDescription({ type: "answer", sdp: await response.text() });
    const now = performance.now();
    meter.answered(now - postedAt, now);
    const removeTick = pacer.add(tick);
    await meter.finished;
    removeTick();
    return result;
  } finally {
    meter.end(null);
    if (location) {
      await fetch(`${target.url}${location}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => {});
    }
    await pc.close();
  }
}
