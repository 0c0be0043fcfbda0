import { afterAll, describe, expect, test } from "bun:test";
import { Decoder, Encoder } from "@evan/opus";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { rms, sine, toneShare } from "@switchboard/stand-ins/testing/signals";
import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket } from "werift";
import { SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { MediaClock } from "../media/clock.ts";
import { WebRtcCallAudio } from "./call-audio.ts";
import { codecForMimeType } from "./codecs.ts";
import { WebRtcPeer } from "./peer.ts";

// A werift "browser" against the gateway's peer over loopback: ICE, DTLS and SRTP complete,
// audio flows both ways through the codecs and the media clock, and the data channel carries JSON.

const clock = new MediaClock();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function browserOffer(mimeType: "audio/opus" | "audio/PCMU") {
  const codec =
    mimeType === "audio/opus"
      ? new RTCRtpCodecParameters({ mimeType, clockRate: 48_000, channels: 2, payloadType: 111 })
      : new RTCRtpCodecParameters({ mimeType, clockRate: 8000, channels: 1, payloadType: 0 });
  const pc = new RTCPeerConnection({ codecs: { audio: [codec] }, iceAdditionalHostAddresses: ["127.0.0.1"] });
  cleanups.push(() => pc.close());
  const transceiver = pc.addTransceiver("audio", { direction: "sendrecv" });
  const channel = pc.createDataChannel("events");
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === "complete") resolve();
    else pc.iceGatheringStateChange.subscribe((state) => state === "complete" && resolve());
  });
  return { pc, transceiver, channel, sdp: pc.localDescription!.sdp };
}

function concat(frames: Int16Array[]): Int16Array {
  const out = new Int16Array(frames.reduce((total, frame) => total + frame.length, 0));
  let offset = 0;
  for (const frame of frames) {
    out.set(frame, offset);
    offset += frame.length;
  }
  return out;
}

const WAIT = { timeoutMs: 15_000 };

describe("WebRtcPeer over loopback", () => {
  for (const mimeType of ["audio/opus", "audio/PCMU"] as const) {
    test(`${mimeType}: connects, carries audio both ways and data channel JSON`, async () => {
      const browser = await browserOffer(mimeType);
      const peer = await WebRtcPeer.answer(browser.sdp, {
        iceServers: [],
        additionalHostAddresses: ["127.0.0.1"],
      });
      cleanups.push(() => peer.close());
      expect(peer.codecMimeType.toLowerCase()).toBe(mimeType.toLowerCase());
      expect(peer.answerSdp).toContain("a=candidate");

      const codec = codecForMimeType(peer.codecMimeType)!;
      const audio = new WebRtcCallAudio(codec, clock, (payload, timestamp, sequenceNumber, marker) =>
        peer.sendPayload(payload, timestamp, sequenceNumber, marker),
      );
      cleanups.push(async () => {
        await audio.close();
      });
      peer.onPayload((payload) => audio.receivePayload(payload));
      const callerFrames: Int16Array[] = [];
      audio.onFrame((frame) => callerFrames.push(frame.slice()));
      const messages: string[] = [];
      browser.channel.onMessage.subscribe((data) => messages.push(data.toString()));
      const fromPage: string[] = [];
      peer.onMessage((message) => fromPage.push(message));

      const received: Buffer[] = [];
      browser.transceiver.onTrack.subscribe((track) => {
        track.onReceiveRtp.subscribe((packet) => received.push(packet.payload));
      });
      await browser.pc.setRemoteDescription({ type: "answer", sdp: peer.answerSdp });
      await waitFor(
        "both peers connected",
        () => browser.pc.connectionState === "connected" && peer.connectionState === "connected",
        WAIT,
      );

      peer.sendMessage({ type: "call.started", call_id: "call_test" });
      await waitFor("the data channel open", () => browser.channel.readyState === "open", WAIT);
      browser.channel.send(JSON.stringify({ type: "dtmf", digit: "5" }));

      // The agent side: one second of a 1 kHz tone queued for playout.
      audio.enqueue(sine(1000, 16_000, 16_000));

      // The browser side: 50 frames of a 440 Hz tone, 20 ms apart on the RTP clock.
      const opusEncoder = new Encoder({ channels: 2, sample_rate: 48_000 });
      const pcmuCodec = codecForMimeType("audio/PCMU")!;
      for (let index = 0; index < 50; index++) {
        let payload: Uint8Array;
        if (mimeType === "audio/opus") {
          const mono = sine(440, 48_000, 960, 8000, index * 960);
          const stereo = new Int16Array(1920);
          for (let sample = 0; sample < 960; sample++) {
            stereo[sample * 2] = mono[sample]!;
            stereo[sample * 2 + 1] = mono[sample]!;
          }
          payload = opusEncoder.encode(stereo);
        } else {
          payload = pcmuCodec.encode(sine(440, 16_000, SAMPLES_PER_FRAME, 8000, index * SAMPLES_PER_FRAME));
        }
        const step = mimeType === "audio/opus" ? 960 : 160;
        const header = new RtpHeader({ sequenceNumber: index, timestamp: index * step, marker: index === 0 });
        await browser.transceiver.sender.sendRtp(new RtpPacket(header, Buffer.from(payload)));
        // Paces the stream in real time, as a browser sends it.
        await Bun.sleep(20);
      }
      pcmuCodec.destroy();

      await waitFor(
        "40 frames each way and call.started at the browser",
        () => callerFrames.length >= 40 && received.length >= 40 && messages.length >= 1,
        WAIT,
      );
      await waitFor("the browser's DTMF message at the peer", () => fromPage.length >= 1, WAIT);
      expect(JSON.parse(messages[0]!)).toEqual({ type: "call.started", call_id: "call_test" });
      expect(JSON.parse(fromPage[0]!)).toEqual({ type: "dtmf", digit: "5" });

      // Caller audio arrives as 16 kHz frames holding the 440 Hz tone.
      const loud = callerFrames.filter((frame) => rms(frame) > 1000);
      expect(loud.length).toBeGreaterThan(20);
      const joined = concat(loud);
      expect(toneShare(joined.subarray(SAMPLES_PER_FRAME * 5), 440, 16_000)).toBeGreaterThan(0.5);

      // Agent audio reaches the browser and decodes to the 1 kHz tone.
      const decoded: Int16Array[] = [];
      if (mimeType === "audio/opus") {
        const decoder = new Decoder({ channels: 1, sample_rate: 16_000 });
        for (const payload of received) {
          const bytes = decoder.decode(payload);
          decoded.push(new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1).slice());
        }
      } else {
        const decoder = codecForMimeType("audio/PCMU")!;
        for (const payload of received) decoded.push(decoder.decode(payload)!.slice());
        decoder.destroy();
      }
      const tone = decoded.filter((frame) => rms(frame) > 1000);
      expect(tone.length).toBeGreaterThan(20);
      const toneJoined = concat(tone);
      expect(toneShare(toneJoined.subarray(tone[0]!.length * 5), 1000, 16_000)).toBeGreaterThan(0.5);
      expect(audio.stats().undecodable).toBe(0);
    }, 60_000);
  }

  test("an offer without audio is refused", async () => {
    const pc = new RTCPeerConnection({ iceAdditionalHostAddresses: ["127.0.0.1"] });
    cleanups.push(() => pc.close());
    pc.createDataChannel("events");
    await pc.setLocalDescription(await pc.createOffer());
    await expect(
      WebRtcPeer.answer(pc.localDescription!.sdp, { iceServers: [], additionalHostAddresses: ["127.0.0.1"] }),
    ).rejects.toThrow("no audio");
  });
});
