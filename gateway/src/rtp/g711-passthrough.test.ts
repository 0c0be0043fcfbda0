// A G.711 call's audio at 8 kHz through RtpSession.g711 (a realtime model in audio/pcmu): the
// caller's samples exactly as decoded from the packets, the agent's encoded as they are, with
// no resampling either way, counted in the call's 16 kHz playout and flushed with it.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { sine, toneShare } from "@switchboard/stand-ins/testing/signals";
import { g711Decode, g711Encode } from "../media/g711.ts";
import { steppedClock } from "../media/testing/stepped-clock.ts";
import { serializeRtp } from "./packet.ts";
import { RtpSessionHarness } from "./testing/rtp-session-harness.ts";

const harness = new RtpSessionHarness();

/** A raw peer, and a session sending to it on a clock the test steps. */
async function peerAndSession(recordPath: string | null = null) {
  const peer = await harness.rawPeer();
  const { clock, step } = steppedClock();
  const session = await harness.openSession({
    remote: { address: "127.0.0.1", port: peer.port },
    recordPath,
    clock,
  });
  /** The PCMU payloads the peer got so far. */
  const payloads = () =>
    peer.packets.filter((packet) => packet.payloadType === 0).map((packet) => packet.payload);
  return { socket: peer.socket, payloads, session, step };
}

describe("RtpSession.g711: 8 kHz audio without resampling", () => {
  test("agent audio queued at 8 kHz leaves as exactly its own µ-law bytes", async () => {
    const { payloads, session, step } = await peerAndSession();
    const pcm8k = sine(1000, 8000, 160 * 5, 6000);
    session.g711.enqueue(pcm8k);
    // The talkspurt's first packet leaves on enqueue; each step sends the next.
    expect(session.playedSamples).toBe(320);
    expect(session.queuedSamples).toBe(320 * 4);
    step(4);
    await waitFor("five packets", () => payloads().length >= 5);
    const expected = new Uint8Array(pcm8k.length);
    g711Encode("PCMU", pcm8k, expected);
    const sent = new Uint8Array(
      payloads()
        .slice(0, 5)
        .flatMap((payload) => [...payload]),
    );
    expect(sent).toEqual(expected);
    expect(session.playedSamples).toBe(320 * 5);
    expect(session.queuedSamples).toBe(0);
  });

  test("the recording keeps the 8 kHz agent audio, upsampled for it alone", async () => {
    const recordPath = harness.tempPath("passthrough.wav");
    const { session, step } = await peerAndSession(recordPath);
    session.g711.enqueue(sine(1000, 8000, 160 * 25, 6000));
    step(30);
    const recording = await session.close();
    const wav = readFileSync(recordPath);
    expect(wav.length).toBe(recording!.bytes);
    const samples = new Int16Array(wav.buffer, wav.byteOffset + 44, (wav.length - 44) / 2);
    const agent = samples.filter((_, index) => index % 2 === 1);
    expect(toneShare(agent.subarray(0, 320 * 24), 1000, 16000)).toBeGreaterThan(0.9);
  });

  test("flush drops the queued 8 kHz audio too (barge-in)", async () => {
    const { session, step } = await peerAndSession();
    session.g711.enqueue(sine(1000, 8000, 160 * 10, 6000));
    step(1);
    session.flush();
    expect(session.queuedSamples).toBe(0);
    const played = session.playedSamples;
    step(3);
    expect(session.playedSamples).toBe(played);
  });

  test("caller frames at 8 kHz are the packets' samples as decoded", async () => {
    const { socket, session, step } = await peerAndSession();
    const frames: Int16Array[] = [];
    session.g711.onFrame((pcm8k) => frames.push(pcm8k.slice()));
    const sent: Int16Array[] = [];
    // Paced as a caller sends them: one packet a tick.
    for (let sequence = 0; sequence < 6; sequence++) {
      const payload = new Uint8Array(160);
      g711Encode("PCMU", sine(440 + sequence * 100, 8000, 160, 5000), payload);
      const decoded = new Int16Array(160);
      g711Decode("PCMU", payload, 0, 160, decoded);
      sent.push(decoded);
      socket.send(
        serializeRtp({
          payloadType: 0,
          sequenceNumber: sequence,
          timestamp: sequence * 160,
          ssrc: 9,
          payload,
        }),
        session.localPort,
        "127.0.0.1",
      );
      await waitFor("the packet", () => session.stats().packetsReceived === sequence + 1);
      step(1);
    }
    step(10);
    const audible = frames.filter((frame) => frame.some((sample) => sample !== 0));
    expect(audible.length).toBeGreaterThanOrEqual(4);
    // Whatever the jitter buffer's start, the frames are the sent ones, in order and exact.
    const offset = sent.findIndex((frame) => frame.every((sample, index) => sample === audible[0]![index]));
    expect(offset).toBeGreaterThanOrEqual(0);
    for (let index = 0; index < audible.length && offset + index < sent.length; index++)
      expect(audible[index]).toEqual(sent[offset + index]!);
  });
});
