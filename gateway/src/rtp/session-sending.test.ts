// RtpSession's sending side on the wire: packet pacing and talkspurt markers, the early first
// packet of a talkspurt, flush (barge-in), pause and resume, and hold.
import { describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { sine } from "@switchboard/stand-ins/testing/signals";
import { steppedClock } from "../media/testing/stepped-clock.ts";
import { type CapturedRtp, RtpSessionHarness } from "./testing/rtp-session-harness.ts";

const harness = new RtpSessionHarness();

describe("RtpSession sending on the wire", () => {
  test("paces 20 ms packets with +1 sequence, +160 timestamp, one SSRC; marker on each talkspurt; silence between", async () => {
    const peer = await harness.rawPeer();
    const session = await harness.openSession({
      codec: "PCMA",
      payloadType: 8,
      remote: { address: "127.0.0.1", port: peer.port },
    });
    const silent = (packet: CapturedRtp) => packet.payload.every((byte) => byte === 0xd5);
    /** Packets the peer got after its first `audible` audio packets, all silent. */
    const silentAfterAudio = (audible: number) => {
      const audio = peer.packets.flatMap((packet, index) => (silent(packet) ? [] : [index]));
      return audio.length === audible ? peer.packets.length - 1 - audio.at(-1)! : 0;
    };
    await waitFor("five packets of silence", () => peer.packets.length >= 5);
    session.enqueue(sine(1000, 16000, 320 * 3));
    await waitFor("the first talkspurt and silence after it", () => silentAfterAudio(3) >= 3, {
      timeoutMs: 15_000,
    });
    session.enqueue(sine(1000, 16000, 320 * 2));
    await waitFor("the second talkspurt and silence after it", () => silentAfterAudio(5) >= 3, {
      timeoutMs: 15_000,
    });
    await session.close();
    const packets = peer.packets;
    expect(packets[0]!.marker).toBe(true);
    expect(packets[0]!.payload.every((byte) => byte === 0xd5)).toBe(true);
    for (let index = 1; index < packets.length; index++) {
      const previous = packets[index - 1]!;
      const current = packets[index]!;
      expect(current.sequenceNumber).toBe((previous.sequenceNumber + 1) & 0xffff);
      expect(current.timestamp).toBe((previous.timestamp + 160) >>> 0);
      expect(current.ssrc).toBe(previous.ssrc);
      expect(current.payloadType).toBe(8);
      expect(current.payload.length).toBe(160);
    }
    const audible = packets.map((packet) => !silent(packet));
    const starts = audible.flatMap((isAudio, index) => (isAudio && !audible[index - 1] ? [index] : []));
    expect(starts.length).toBe(2);
    expect(audible.filter(Boolean).length).toBe(5);
    for (const start of starts) expect(packets[start]!.marker).toBe(true);
    expect(packets.filter((packet) => packet.marker).length).toBe(3);
  });

  test("a talkspurt's first packet leaves on enqueue; one silent step after it brings the stream back on the clock", async () => {
    const peer = await harness.rawPeer();
    const { clock, step } = steppedClock();
    const session = await harness.openSession({
      clock,
      remote: { address: "127.0.0.1", port: peer.port },
    });
    step(3);
    session.enqueue(sine(1000, 16000, 320 * 3));
    expect(session.playedSamples).toBe(320);
    step(6);
    // A new talkspurt's first packet leaves on enqueue, after all the steps' packets: once it
    // is in, nothing the steps sent is still on its way.
    session.enqueue(sine(1000, 16000, 320));
    const sentinelAt = await waitFor("the next talkspurt's first packet", () => {
      const at = peer.packets.findIndex((packet, index) => index > 3 && packet.marker);
      return at > 0 && at;
    });
    const packets = peer.packets.slice(0, sentinelAt);
    const audible = packets.map((packet) => !packet.payload.every((byte) => byte === 0xff));
    // 3 silent steps, the early packet, 2 steps of audio, 1 step with nothing, 3 of silence.
    expect(audible).toEqual([false, false, false, true, true, true, false, false, false]);
    expect(packets[3]!.marker).toBe(true);
    for (let index = 1; index < packets.length; index++) {
      expect(packets[index]!.timestamp).toBe((packets[index - 1]!.timestamp + 160) >>> 0);
    }
    // 9 steps and 9 packets: after the skipped step the stream is back on the clock.
    expect(packets.length).toBe(9);
  });

  test("flush stops agent audio on the next tick (barge-in)", async () => {
    const peer = await harness.rawPeer();
    const session = await harness.openSession({ remote: { address: "127.0.0.1", port: peer.port } });
    session.enqueue(sine(1000, 16000, 16000 * 5));
    await waitFor("five frames played", () => session.playedSamples >= 320 * 5);
    session.flush();
    expect(session.queuedSamples).toBe(0);
    const playedAtFlush = session.playedSamples;
    const packetsAtFlush = peer.packets.length;
    // Ten more ticks' packets at the peer: the clock has moved on well past the flush.
    await waitFor("ten packets after the flush", () => peer.packets.length >= packetsAtFlush + 10);
    expect(session.playedSamples).toBe(playedAtFlush);
    const lastAudio = peer.packets.findLastIndex((packet) => !packet.payload.every((byte) => byte === 0xff));
    expect(lastAudio).toBeLessThan(peer.packets.length - 5);
  });

  test("pause holds agent audio from the next tick; resume sends the rest from the same sample", async () => {
    const peer = await harness.rawPeer();
    const session = await harness.openSession({ remote: { address: "127.0.0.1", port: peer.port } });
    session.enqueue(sine(1000, 16000, 320 * 20));
    await waitFor("five frames played", () => session.playedSamples >= 320 * 5);
    session.pause();
    const playedAtPause = session.playedSamples;
    const packetsAtPause = peer.packets.length;
    await waitFor("ten packets after the pause", () => peer.packets.length >= packetsAtPause + 10);
    expect(session.playedSamples).toBe(playedAtPause);
    expect(session.queuedSamples).toBe(320 * 20 - playedAtPause);
    // Comfort silence while held (after at most the packet already on its way).
    const held = peer.packets.slice(packetsAtPause + 1);
    expect(held.every((packet) => packet.payload.every((byte) => byte === 0xff))).toBe(true);
    session.resume();
    await waitFor("the rest played", () => session.playedSamples >= 320 * 20);
    expect(session.queuedSamples).toBe(0);
    // The resumed audio is a new talkspurt (RFC 3551 section 4.1).
    expect(peer.packets.slice(packetsAtPause + 1).some((packet) => packet.marker)).toBe(true);
  });

  test("on hold nothing is sent and queued audio waits", async () => {
    const peer = await harness.rawPeer();
    const { clock: stepped, step } = steppedClock();
    const session = await harness.openSession({
      remote: { address: "127.0.0.1", port: peer.port },
      clock: stepped,
    });
    step(2);
    await waitFor("two packets of silence", () => peer.packets.length >= 2);
    session.setHold(true);
    session.enqueue(new Int16Array(3200).fill(1000));
    step(10);
    expect(session.queuedSamples).toBe(3200);
    session.setHold(false);
    step(10);
    expect(session.queuedSamples).toBe(0);
    // The held audio follows the two packets from before the hold directly: the ten steps on
    // hold sent nothing.
    await waitFor("the ten held frames", () => peer.packets.length >= 12);
    const audible = peer.packets.map((packet) => !packet.payload.every((byte) => byte === 0xff));
    expect(audible).toEqual([false, false, ...Array(10).fill(true)]);
  });
});
