import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { rms, sine, toneShare } from "@switchboard/stand-ins/testing/signals";
import type { udp } from "bun";
import { MediaClock } from "../media/clock.ts";
import { g711Encode } from "../media/g711.ts";
import { steppedClock } from "../media/testing/stepped-clock.ts";
import { emptyRtpView, parseRtp, serializeRtp } from "./packet.ts";
import { RtpSession, type RtpSessionOptions } from "./session.ts";

const directory = mkdtempSync(join(tmpdir(), "rtp-session-"));
const clock = new MediaClock();
const opened: RtpSession[] = [];
const rawSockets: udp.Socket<"uint8array">[] = [];

afterAll(async () => {
  for (const session of opened) await session.close();
  for (const socket of rawSockets) socket.close();
  rmSync(directory, { recursive: true, force: true });
});

async function openSession(overrides: Partial<RtpSessionOptions> = {}): Promise<RtpSession> {
  const session = await RtpSession.open({
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
  opened.push(session);
  return session;
}

interface Captured {
  marker: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  payload: Uint8Array;
}

/** A bare UDP peer that records every RTP packet it gets. */
async function rawPeer() {
  const packets: Captured[] = [];
  const view = emptyRtpView();
  const socket = await Bun.udpSocket({
    hostname: "127.0.0.1",
    port: 0,
    binaryType: "uint8array",
    socket: {
      data(_socket, data) {
        if (!parseRtp(data, data.length, view)) return;
        packets.push({
          marker: view.marker,
          payloadType: view.payloadType,
          sequenceNumber: view.sequenceNumber,
          timestamp: view.timestamp,
          ssrc: view.ssrc,
          payload: data.slice(view.payloadOffset, view.payloadOffset + view.payloadLength),
        });
      },
    },
  });
  rawSockets.push(socket);
  return { socket, packets, port: socket.port };
}

function collectFrames(session: RtpSession) {
  const frames: Int16Array[] = [];
  session.onFrame((frame) => frames.push(frame.slice()));
  return frames;
}

function concat(frames: Int16Array[]): Int16Array {
  const out = new Int16Array(frames.length * 320);
  for (const [index, frame] of frames.entries()) out.set(frame, index * 320);
  return out;
}

describe("RtpSession between two sessions on loopback", () => {
  test("audio flows both ways through the shared clock and is recorded on two channels", async () => {
    const recordPath = join(directory, "a.wav");
    const a = await openSession({ recordPath });
    const b = await openSession({ remote: { address: "127.0.0.1", port: a.localPort } });
    a.setRemote("127.0.0.1", b.localPort);
    const heardByA = collectFrames(a);
    const heardByB = collectFrames(b);
    a.enqueue(sine(1000, 16000, 16000));
    b.enqueue(sine(500, 16000, 16000));
    // The talkspurt's first packet leaves at once, without waiting for the clock.
    expect(a.playedSamples).toBe(320);
    expect(a.queuedSamples).toBe(16000 - 320);
    await waitFor(
      "both tones played and heard",
      () =>
        a.playedSamples === 16000 &&
        b.playedSamples === 16000 &&
        heardByA.length >= 60 &&
        heardByB.length >= 60,
      { timeoutMs: 15_000 },
    );
    expect(a.queuedSamples).toBe(0);
    const atB = concat(heardByB);
    const atA = concat(heardByA);
    const loudAtB = heardByB.filter((frame) => rms(frame) > 2000).length;
    const loudAtA = heardByA.filter((frame) => rms(frame) > 2000).length;
    expect(loudAtB).toBeGreaterThanOrEqual(45);
    expect(loudAtA).toBeGreaterThanOrEqual(45);
    const firstLoudB = heardByB.findIndex((frame) => rms(frame) > 2000);
    const firstLoudA = heardByA.findIndex((frame) => rms(frame) > 2000);
    expect(
      toneShare(atB.subarray((firstLoudB + 5) * 320, (firstLoudB + 45) * 320), 1000, 16000),
    ).toBeGreaterThan(0.9);
    expect(
      toneShare(atA.subarray((firstLoudA + 5) * 320, (firstLoudA + 45) * 320), 500, 16000),
    ).toBeGreaterThan(0.9);
    expect(a.stats().lost).toBe(0);
    expect(a.stats().packetsReceived).toBeGreaterThan(50);

    const recording = await a.close();
    expect(recording?.path).toBe(recordPath);
    expect(recording!.durationS).toBeGreaterThan(1);
    const wav = readFileSync(recordPath);
    expect(wav.length).toBe(recording!.bytes);
    const samples = new Int16Array(wav.buffer, wav.byteOffset + 44, (wav.length - 44) / 2);
    const left = samples.filter((_, index) => index % 2 === 0);
    const right = samples.filter((_, index) => index % 2 === 1);
    expect(toneShare(left, 500, 16000)).toBeGreaterThan(0.5);
    expect(toneShare(right, 1000, 16000)).toBeGreaterThan(0.5);
    expect(await a.close()).toEqual(recording);
  });

  test("DTMF goes both ways as RFC 4733 events, each digit reported once", async () => {
    const a = await openSession();
    const b = await openSession({ remote: { address: "127.0.0.1", port: a.localPort } });
    a.setRemote("127.0.0.1", b.localPort);
    const atA: string[] = [];
    const atB: string[] = [];
    a.onDtmf((digit) => atA.push(digit));
    b.onDtmf((digit) => atB.push(digit));
    await Promise.all([a.sendDtmf("1234567890*#"), b.sendDtmf("9a")]);
    // A last digit each way, sent after every packet of the others: once it is reported, a
    // duplicate report of an earlier digit would have come before it.
    await Promise.all([a.sendDtmf("D"), b.sendDtmf("D")]);
    await waitFor("the closing digit at both ends", () => atB.at(-1) === "D" && atA.at(-1) === "D");
    expect(atB.join("")).toBe("1234567890*#D");
    expect(atA.join("")).toBe("9AD");
    await expect(a.sendDtmf("12x")).rejects.toThrow(RangeError);
  });

  test("a session without negotiated telephone-event refuses to send DTMF", async () => {
    const session = await openSession({ telephoneEventPayloadType: null });
    await expect(session.sendDtmf("1")).rejects.toThrow("telephone-event");
  });
});

describe("RtpSession on the wire", () => {
  test("paces 20 ms packets with +1 sequence, +160 timestamp, one SSRC; marker on each talkspurt; silence between", async () => {
    const peer = await rawPeer();
    const session = await openSession({
      codec: "PCMA",
      payloadType: 8,
      remote: { address: "127.0.0.1", port: peer.port },
    });
    const silent = (packet: Captured) => packet.payload.every((byte) => byte === 0xd5);
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
    const peer = await rawPeer();
    const { clock, step } = steppedClock();
    const session = await openSession({
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
    const peer = await rawPeer();
    const session = await openSession({ remote: { address: "127.0.0.1", port: peer.port } });
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
    const peer = await rawPeer();
    const session = await openSession({ remote: { address: "127.0.0.1", port: peer.port } });
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

  test("symmetric RTP latches to the caller's real source, then ignores others", async () => {
    const caller = await rawPeer();
    const intruder = await rawPeer();
    const session = await openSession({ remote: { address: "127.0.0.1", port: 9 } });
    const heard = collectFrames(session);
    const payload = new Uint8Array(160);
    g711Encode("PCMU", sine(1000, 8000, 160), payload);
    for (let seq = 0; seq < 6; seq++) {
      caller.socket.send(
        serializeRtp({ payloadType: 0, sequenceNumber: seq, timestamp: seq * 160, ssrc: 77, payload }),
        session.localPort,
        "127.0.0.1",
      );
    }
    await waitFor(
      "the session to latch onto the caller",
      () => session.remote?.port === caller.port && caller.packets.length >= 3,
    );
    intruder.socket.send(
      serializeRtp({ payloadType: 0, sequenceNumber: 100, timestamp: 99_999, ssrc: 5, payload }),
      session.localPort,
      "127.0.0.1",
    );
    await waitFor("the intruder's packet counted", () => session.stats().foreignSource === 1);
    expect(session.remote).toEqual({ address: "127.0.0.1", port: caller.port });
    expect(heard.length).toBeGreaterThan(0);
    session.setRemote("127.0.0.1", 9);
    expect(session.remote).toEqual({ address: "127.0.0.1", port: caller.port });
  });

  test("reordered and duplicated packets play out in order without loss or concealment", async () => {
    // The sender runs on the session's own clock, which never replays ticks, so a stalled
    // test process delays sender and receiver alike.
    const pacedClock = new MediaClock({ maxCatchUpTicks: 1 });
    const peer = await rawPeer();
    const session = await openSession({
      remote: { address: "127.0.0.1", port: peer.port },
      clock: pacedClock,
    });
    const heard = collectFrames(session);
    const tone = sine(1000, 8000, 160 * 40);
    const packets = Array.from({ length: 40 }, (_, seq) => {
      const payload = new Uint8Array(160);
      g711Encode("PCMU", tone.subarray(seq * 160, seq * 160 + 160), payload);
      return serializeRtp({
        payloadType: 0,
        sequenceNumber: 65520 + seq,
        timestamp: seq * 160,
        ssrc: 9,
        payload,
      });
    });
    const send = (index: number) => peer.socket.send(packets[index]!, session.localPort, "127.0.0.1");
    let next = 0;
    let duplicatesSent = 0;
    const stopSender = pacedClock.subscribe({
      tick(tickIndex) {
        // Every other tick two packets: the first pair in order (RFC 3550 A.1 probation),
        // then each pair swapped, some packets twice.
        if (tickIndex % 2 === 1 || next >= 40) return;
        if (next === 0) {
          send(0);
          send(1);
          next = 2;
          return;
        }
        send(next + 1);
        send(next);
        if (next % 5 === 0) {
          send(next);
          duplicatesSent += 1;
        }
        next += 2;
      },
    });
    await waitFor("all 40 packets sent", () => next >= 40, { timeoutMs: 15_000 });
    stopSender();
    await waitFor("45 frames played out", () => heard.length >= 45, { timeoutMs: 15_000 });
    const stats = session.stats();
    expect(duplicatesSent).toBe(3);
    expect(stats.packetsReceived).toBe(40 + duplicatesSent);
    expect(stats.duplicates).toBe(duplicatesSent);
    expect(stats.lost).toBe(0);
    const firstLoud = heard.findIndex((frame) => rms(frame) > 2000);
    // Every frame of the 40-packet tone arrives at full level: none was concealed (which halves it).
    const toneFrames = heard.slice(firstLoud + 1, firstLoud + 39);
    expect(toneFrames.every((frame) => rms(frame) > 4000)).toBe(true);
    const block = concat(heard.slice(firstLoud + 2, firstLoud + 36));
    expect(toneShare(block, 1000, 16000)).toBeGreaterThan(0.9);
  });

  test("malformed datagrams and unknown payload types are counted and dropped", async () => {
    const peer = await rawPeer();
    const session = await openSession({ remote: { address: "127.0.0.1", port: peer.port } });
    peer.socket.send(Uint8Array.from([1, 2, 3]), session.localPort, "127.0.0.1");
    peer.socket.send(new Uint8Array(40).fill(0xff), session.localPort, "127.0.0.1");
    peer.socket.send(
      serializeRtp({ payloadType: 13, sequenceNumber: 1, timestamp: 1, ssrc: 1, payload: new Uint8Array(1) }),
      session.localPort,
      "127.0.0.1",
    );
    await waitFor(
      "two malformed datagrams and one unknown payload type counted",
      () => session.stats().malformed === 2 && session.stats().unexpectedPayloadType === 1,
    );
    expect(session.stats().packetsReceived).toBe(0);
  });

  test("media timeout fires once when RTP stops, and not while on hold", async () => {
    const peer = await rawPeer();
    const { clock: stepped, step } = steppedClock();
    const held = await openSession({
      remote: { address: "127.0.0.1", port: peer.port },
      mediaTimeoutMs: 100,
      clock: stepped,
    });
    held.setHold(true);
    const session = await openSession({
      remote: { address: "127.0.0.1", port: peer.port },
      mediaTimeoutMs: 100,
      clock: stepped,
    });
    let fired = 0;
    let heldFired = 0;
    session.onMediaTimeout(() => fired++);
    held.onMediaTimeout(() => heldFired++);
    // Ticks stamped 150 ms and then seconds on: past the timeout, once and then again.
    const startMs = performance.now();
    step(1, startMs + 150);
    expect(fired).toBe(1);
    step(5, startMs + 5_000);
    expect(fired).toBe(1);
    expect(heldFired).toBe(0);
  });

  test("on hold nothing is sent and queued audio waits", async () => {
    const peer = await rawPeer();
    const { clock: stepped, step } = steppedClock();
    const session = await openSession({ remote: { address: "127.0.0.1", port: peer.port }, clock: stepped });
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

  test("a peer that went away (ICMP port unreachable) neither throws nor stops the session", async () => {
    const gone = await rawPeer();
    const port = gone.port;
    gone.socket.close();
    const session = await openSession({ remote: { address: "127.0.0.1", port }, mediaTimeoutMs: 200 });
    let timedOut = false;
    session.onMediaTimeout(() => {
      timedOut = true;
    });
    session.enqueue(new Int16Array(320 * 10).fill(1000));
    await waitFor(
      "the media timeout, the queue played out and a socket error counted",
      () => timedOut && session.queuedSamples === 0 && session.stats().socketErrors > 0,
    );
    expect(session.playedSamples).toBe(3200);
  });

  test("a send refused synchronously (pending ICMP error, no event loop turn between ticks) is counted", async () => {
    const gone = await rawPeer();
    const port = gone.port;
    gone.socket.close();
    const manualClock = new MediaClock();
    const session = await openSession({ remote: { address: "127.0.0.1", port }, clock: manualClock });
    manualClock.stop();
    session.enqueue(new Int16Array(320 * 20).fill(1000));
    for (let tick = 1; tick <= 20; tick++) session.tick(tick, performance.now());
    expect(session.stats().socketErrors).toBeGreaterThan(0);
    expect(session.playedSamples).toBe(320 * 20);
    expect(session.stats().packetsSent + session.stats().socketErrors).toBe(20);
  });

  test("binds an even port inside the configured range", async () => {
    const session = await openSession({ portMin: 41000, portMax: 41999 });
    expect(session.localPort % 2).toBe(0);
    expect(session.localPort).toBeGreaterThanOrEqual(41000);
    expect(session.localPort).toBeLessThanOrEqual(41999);
  });
});
