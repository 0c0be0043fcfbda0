// RtpSession's receiving side on the wire and its socket: symmetric RTP latching, reordering and
// duplicates, malformed datagrams, the media timeout, a peer that went away, and port binding.
import { describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { rms, sine, toneShare } from "@switchboard/stand-ins/testing/signals";
import { MediaClock } from "../media/clock.ts";
import { g711Encode } from "../media/g711.ts";
import { steppedClock } from "../media/testing/stepped-clock.ts";
import { serializeRtp } from "./packet.ts";
import { collectFrames, concatFrames, RtpSessionHarness } from "./testing/rtp-session-harness.ts";

const harness = new RtpSessionHarness();

describe("RtpSession receiving on the wire", () => {
  test("symmetric RTP latches to the caller's real source, then ignores others", async () => {
    const caller = await harness.rawPeer();
    const intruder = await harness.rawPeer();
    const session = await harness.openSession({ remote: { address: "127.0.0.1", port: 9 } });
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
    const peer = await harness.rawPeer();
    const session = await harness.openSession({
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
    const block = concatFrames(heard.slice(firstLoud + 2, firstLoud + 36));
    expect(toneShare(block, 1000, 16000)).toBeGreaterThan(0.9);
  });

  test("malformed datagrams and unknown payload types are counted and dropped", async () => {
    const peer = await harness.rawPeer();
    const session = await harness.openSession({ remote: { address: "127.0.0.1", port: peer.port } });
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
    const peer = await harness.rawPeer();
    const { clock: stepped, step } = steppedClock();
    const held = await harness.openSession({
      remote: { address: "127.0.0.1", port: peer.port },
      mediaTimeoutMs: 100,
      clock: stepped,
    });
    held.setHold(true);
    const session = await harness.openSession({
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
});

describe("RtpSession socket errors and port binding", () => {
  test("a peer that went away (ICMP port unreachable) neither throws nor stops the session", async () => {
    const gone = await harness.rawPeer();
    const port = gone.port;
    gone.socket.close();
    const session = await harness.openSession({
      remote: { address: "127.0.0.1", port },
      mediaTimeoutMs: 200,
    });
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
    const gone = await harness.rawPeer();
    const port = gone.port;
    gone.socket.close();
    const manualClock = new MediaClock();
    const session = await harness.openSession({ remote: { address: "127.0.0.1", port }, clock: manualClock });
    manualClock.stop();
    session.enqueue(new Int16Array(320 * 20).fill(1000));
    for (let tick = 1; tick <= 20; tick++) session.tick(tick, performance.now());
    expect(session.stats().socketErrors).toBeGreaterThan(0);
    expect(session.playedSamples).toBe(320 * 20);
    expect(session.stats().packetsSent + session.stats().socketErrors).toBe(20);
  });

  test("binds an even port inside the configured range", async () => {
    const session = await harness.openSession({ portMin: 41000, portMax: 41999 });
    expect(session.localPort % 2).toBe(0);
    expect(session.localPort).toBeGreaterThanOrEqual(41000);
    expect(session.localPort).toBeLessThanOrEqual(41999);
  });
});
