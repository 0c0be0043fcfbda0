import { describe, expect, test } from "bun:test";
import { rms, sine } from "@switchboard/stand-ins/testing/signals";
import { g711Decode } from "../media/g711.ts";
import { steppedClock } from "../media/testing/stepped-clock.ts";
import { WebRtcCallAudio } from "./call-audio.ts";
import { PcmuCodec } from "./codecs.ts";

interface Sent {
  audible: boolean;
  timestamp: number;
  sequenceNumber: number;
  marker: boolean;
}

describe("WebRtcCallAudio", () => {
  test("a talkspurt's first packet leaves on enqueue; one silent step after it brings the stream back on the clock", () => {
    const { clock, step } = steppedClock();
    const codec = new PcmuCodec();
    const sent: Sent[] = [];
    const audio = new WebRtcCallAudio(codec, clock, (payload, timestamp, sequenceNumber, marker) => {
      const pcm = new Int16Array(payload.length);
      g711Decode("PCMU", payload, 0, payload.length, pcm);
      // The tone's frames (RMS 5,600), not the resampler's tail carried into the next frame.
      sent.push({ audible: rms(pcm) > 4000, timestamp, sequenceNumber, marker });
    });
    step(3);
    audio.enqueue(sine(1000, 16000, 320 * 3));
    expect(sent.length).toBe(4);
    expect(audio.playedSamples).toBe(320);
    step(7);
    // 3 silent steps, the early packet, 2 steps of audio, 3 encoded silent frames (the encoder
    // decays), 1 step with nothing, then silence again.
    expect(sent.map((packet) => packet.audible)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    // 10 steps and 10 packets: after the skipped step the stream is back on the clock.
    expect(sent.length).toBe(10);
    expect(sent[3]!.marker).toBe(true);
    for (let index = 1; index < sent.length; index++) {
      expect(sent[index]!.timestamp).toBe((sent[index - 1]!.timestamp + 160) >>> 0);
      expect(sent[index]!.sequenceNumber).toBe((sent[index - 1]!.sequenceNumber + 1) & 0xffff);
    }
    void audio.close();
  });
});
