// Test support: a browser's side of a web call: it signs a call token, posts the browser's offer
// WHIP-style, and keeps the data channel's messages and the arrival times of the gateway's sound.
import { Encoder } from "@evan/opus";
import type { Config } from "@switchboard/shared/config";
import { newId } from "@switchboard/shared/ids";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type RTCPeerConnection, RtpHeader, RtpPacket } from "werift";
import { browserOffer } from "./browser-offer.ts";

/** Opus frames above this size carry sound; the gateway's silence frames are a few bytes. */
const SOUND_PAYLOAD_BYTES = 20;
const OPUS_FRAME_SAMPLES_48K = 960;

export type ChannelMessage = { atMs: number; message: Record<string, unknown> };

export interface BrowserCall {
  callId: string;
  peer: RTCPeerConnection;
  /** Each message of the data channel, with when it arrived. */
  messages: ChannelMessage[];
  /** When each packet of the gateway's sound arrived. */
  soundAtMs: number[];
  /** Sends a message on the data channel, as the page would. */
  send(message: Record<string, unknown>): void;
  /** The microphone is on: `packets` of Opus silence, as a browser sends while its caller listens. */
  sendSilence(packets: number): Promise<void>;
  /** The first message of `type` on the data channel. */
  waitForMessage(type: string, options?: { timeoutMs?: number }): Promise<ChannelMessage>;
  close(): Promise<void>;
}

/** Calls `agentId` from a browser; settles once the gateway answered the offer with 201. */
export async function startBrowserCall(
  gateway: { url: string; config: Config },
  call: { orgId: string; agentId: string },
): Promise<BrowserCall> {
  const callId = newId("call");
  const { token } = await signCallToken(
    gateway.config,
    { callId, orgId: call.orgId, agentId: call.agentId, origin: null, metadata: {} },
    60,
  );
  const { peer, transceiver, channel, sdp } = await browserOffer();
  const messages: ChannelMessage[] = [];
  channel.onMessage.subscribe((data) =>
    messages.push({ atMs: Date.now(), message: JSON.parse(data.toString()) }),
  );
  const soundAtMs: number[] = [];
  transceiver.onTrack.subscribe((track) =>
    track.onReceiveRtp.subscribe((rtp) => {
      if (rtp.payload.length > SOUND_PAYLOAD_BYTES) soundAtMs.push(Date.now());
    }),
  );
  const response = await fetch(`${gateway.url}/webrtc/calls`, {
    method: "POST",
    headers: { "content-type": "application/sdp", authorization: `Bearer ${token}` },
    body: sdp,
  });
  if (response.status !== 201) {
    await peer.close();
    throw new Error(`the offer was answered ${response.status}, not 201: ${await response.text()}`);
  }
  await peer.setRemoteDescription({ type: "answer", sdp: await response.text() });
  let sequenceNumber = 0;
  return {
    callId,
    peer,
    messages,
    soundAtMs,
    send: (message) => channel.send(JSON.stringify(message)),
    async sendSilence(packets) {
      const encoder = new Encoder({ channels: 2, sample_rate: 48_000 });
      const silence = Buffer.from(encoder.encode(new Int16Array(OPUS_FRAME_SAMPLES_48K * 2)));
      for (let index = 0; index < packets; index++, sequenceNumber++) {
        const header = new RtpHeader({ sequenceNumber, timestamp: sequenceNumber * OPUS_FRAME_SAMPLES_48K });
        await transceiver.sender.sendRtp(new RtpPacket(header, silence));
      }
    },
    waitForMessage: (type, options) =>
      waitFor(
        `${type} on the data channel`,
        () => messages.find(({ message }) => message.type === type),
        options,
      ),
    close: () => peer.close(),
  };
}
