import { describe, expect, test } from "bun:test";
import { g711Encode } from "@switchboard/gateway/media/g711";
import { sine } from "@switchboard/stand-ins/testing/signals";
import { PCMU_SAMPLES_PER_FRAME } from "./caller-speech.ts";
import { CallMeter } from "./meter.ts";

const SILENCE = new Uint8Array(PCMU_SAMPLES_PER_FRAME).fill(0xff);
const SOUND = new Uint8Array(PCMU_SAMPLES_PER_FRAME);
g711Encode("PCMU", sine(440, 8000, PCMU_SAMPLES_PER_FRAME, 8000), SOUND, 0, PCMU_SAMPLES_PER_FRAME);

function meter(): CallMeter {
  const utterance = { text: "x", frames: [SOUND], lastVoicedFrame: 0 };
  const callMeter = new CallMeter({
    number: "+1",
    utterances: [utterance],
    turns: 1,
    voicedRms: 300,
    quietMs: 800,
    replyTimeoutMs: 5000,
  });
  callMeter.answered(5, 0);
  return callMeter;
}

/** Feeds packets as [payload, marker, arrival ms]; timestamps advance 160 per packet. */
function feed(callMeter: CallMeter, packets: [Uint8Array, boolean, number][]): void {
  packets.forEach(([payload, marker, atMs], index) => {
    callMeter.receive(payload, 0, index * 160, marker, atMs);
  });
}

describe("CallMeter gaps", () => {
  test("a gap inside a talkspurt is heard, whether it ends on sound or on a quiet frame", () => {
    const endsOnSound = meter();
    feed(endsOnSound, [
      [SOUND, true, 0],
      [SOUND, false, 20],
      [SOUND, false, 85],
      [SOUND, false, 105],
    ]);
    expect(endsOnSound.result.gapsOverThreshold).toBe(1);
    expect(endsOnSound.result.maxGapMs).toBe(65);
    const endsOnQuiet = meter();
    feed(endsOnQuiet, [
      [SOUND, true, 0],
      [SOUND, false, 20],
      [SILENCE, false, 90],
      [SOUND, false, 110],
    ]);
    expect(endsOnQuiet.result.gapsOverThreshold).toBe(1);
    expect(endsOnQuiet.result.maxGapMs).toBe(70);
  });

  test("a step skipped in the silence after a talkspurt is not a heard gap", () => {
    const callMeter = meter();
    feed(callMeter, [
      [SOUND, true, 0],
      [SOUND, false, 20],
      [SILENCE, false, 61],
      [SILENCE, false, 81],
      [SOUND, true, 95],
      [SOUND, false, 115],
    ]);
    expect(callMeter.result.gapsOverThreshold).toBe(0);
    expect(callMeter.result.maxGapMs).toBe(20);
  });

  test("a pause between two talkspurts (the next one starts with a marker) is not a heard gap", () => {
    const callMeter = meter();
    feed(callMeter, [
      [SOUND, true, 0],
      [SOUND, false, 20],
      [SOUND, true, 75],
      [SOUND, false, 95],
    ]);
    expect(callMeter.result.gapsOverThreshold).toBe(0);
  });
});
