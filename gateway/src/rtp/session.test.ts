// RtpSession between two sessions on loopback: audio both ways through the shared clock with its
// recording, and DTMF both ways as RFC 4733 events.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { rms, sine, toneShare } from "@switchboard/stand-ins/testing/signals";
import { collectFrames, concatFrames, RtpSessionHarness } from "./testing/rtp-session-harness.ts";

const harness = new RtpSessionHarness();

describe("RtpSession between two sessions on loopback", () => {
  test("audio flows both ways through the shared clock and is recorded on two channels", async () => {
    const recordPath = harness.tempPath("a.wav");
    const a = await harness.openSession({ recordPath });
    const b = await harness.openSession({ remote: { address: "127.0.0.1", port: a.localPort } });
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
    const atB = concatFrames(heardByB);
    const atA = concatFrames(heardByA);
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
    const a = await harness.openSession();
    const b = await harness.openSession({ remote: { address: "127.0.0.1", port: a.localPort } });
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
    const session = await harness.openSession({ telephoneEventPayloadType: null });
    await expect(session.sendDtmf("1")).rejects.toThrow("telephone-event");
  });
});
