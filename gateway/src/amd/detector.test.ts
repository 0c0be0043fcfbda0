import { describe, expect, test } from "bun:test";
import { FRAME_MS, INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { BeepDetector } from "./beep-detector.ts";
import { AmdDetector, type AmdVerdict, EARLY_ANSWER_SILENCE_MS, HUMAN_SILENCE_MS } from "./detector.ts";
import { machinePhraseIn } from "./machine-phrases.ts";
import { MessageCueWaiter } from "./message-cue.ts";
import { framesOf, type GreetingPart, greetingSamples, type Voice } from "./testing/greeting-audio.ts";

const VOICE: Voice = { engine: "espeak-ng", name: "en-us" };
const FLITE: Voice = { engine: "flite", name: "slt" };

function detect(voice: Voice, parts: GreetingPart[], timeoutMs = 3500): AmdVerdict {
  const detector = new AmdDetector({ timeoutMs, sampleRateHz: INTERNAL_SAMPLE_RATE_HZ, frameMs: FRAME_MS });
  const frames = framesOf(greetingSamples(voice, parts));
  for (const [index, frame] of frames.entries()) {
    const verdict = detector.pushFrame(frame, (index + 1) * FRAME_MS);
    if (verdict) return verdict;
  }
  throw new Error("no verdict");
}

describe("answering-machine detection", () => {
  test("a short hello then silence is a human, decided under 1.8 s after the answer", () => {
    for (const voice of [VOICE, FLITE]) {
      const verdict = detect(voice, [{ say: "Hello?" }]);
      expect(verdict.answeredBy).toBe("human");
      expect(verdict.decisionMs).toBeLessThan(1800);
    }
  });

  test("a short hello then a pause is answerable before the verdict; a long greeting never is", () => {
    for (const voice of [VOICE, FLITE]) {
      const detector = new AmdDetector({
        timeoutMs: 3500,
        sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
        frameMs: FRAME_MS,
      });
      let answerableAtMs: number | null = null;
      let verdict: AmdVerdict | null = null;
      for (const [index, frame] of framesOf(greetingSamples(voice, [{ say: "Hello?" }])).entries()) {
        verdict = detector.pushFrame(frame, (index + 1) * FRAME_MS);
        if (answerableAtMs === null && detector.answerable) answerableAtMs = (index + 1) * FRAME_MS;
        if (verdict) break;
      }
      expect(verdict?.answeredBy).toBe("human");
      expect(answerableAtMs).not.toBeNull();
      // Both on the 20 ms frame grid.
      expect(verdict!.decisionMs - answerableAtMs!).toBeGreaterThanOrEqual(
        HUMAN_SILENCE_MS - EARLY_ANSWER_SILENCE_MS - FRAME_MS,
      );

      const machine = new AmdDetector({
        timeoutMs: 3500,
        sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
        frameMs: FRAME_MS,
      });
      const frames = framesOf(
        greetingSamples(voice, [
          { say: "Hi, you have reached the phone of Jordan Miller at the downtown office." },
          { pauseMs: 250 },
          { say: "I cannot take your call right now, please leave a message after the tone." },
        ]),
      );
      for (const [index, frame] of frames.entries()) {
        if (machine.pushFrame(frame, (index + 1) * FRAME_MS)) break;
        expect(machine.answerable).toBe(false);
      }
      expect(machine.verdict?.answeredBy).toBe("machine");
      expect(machine.answerable).toBe(false);
    }
  });

  test("a long recorded greeting is a machine before the deadline", () => {
    for (const voice of [VOICE, FLITE]) {
      const verdict = detect(voice, [
        { say: "Hi, you have reached the phone of Jordan Miller at the downtown office." },
        { pauseMs: 250 },
        { say: "I cannot take your call right now, please leave a message after the tone." },
      ]);
      expect(verdict.answeredBy).toBe("machine");
      expect(verdict.decisionMs).toBeLessThanOrEqual(3500);
      expect(verdict.evidence.join(" ")).toContain("long_greeting");
    }
  });

  test("nothing heard by the deadline is unknown, at the deadline", () => {
    const verdict = detect(VOICE, [], 2000);
    expect(verdict).toEqual({ answeredBy: "unknown", decisionMs: 2000, evidence: expect.any(Array) });
  });

  test("a beep is a tone of the right length; a vowel-rich sentence is none", () => {
    const detector = new BeepDetector({ sampleRateHz: INTERNAL_SAMPLE_RATE_HZ });
    const beeps = framesOf(greetingSamples(VOICE, [{ beepHz: 1400, beepMs: 500 }], 100, 200))
      .map((frame, index) => detector.push(frame, (index + 1) * FRAME_MS, FRAME_MS))
      .filter(Boolean);
    expect(beeps).toHaveLength(1);
    expect(Math.abs(beeps[0]!.frequencyHz - 1400)).toBeLessThanOrEqual(25);
    expect(beeps[0]!.endMs - beeps[0]!.startMs).toBeGreaterThanOrEqual(440);

    // A packet lost in the middle of the beep (a silent frame) does not cut it in two.
    const gapDetector = new BeepDetector({ sampleRateHz: INTERNAL_SAMPLE_RATE_HZ });
    const withGap = framesOf(greetingSamples(VOICE, [{ beepHz: 1400, beepMs: 500 }], 100, 200));
    withGap[5 + 12]!.fill(0);
    const gapBeeps = withGap
      .map((frame, index) => gapDetector.push(frame, (index + 1) * FRAME_MS, FRAME_MS))
      .filter(Boolean);
    expect(gapBeeps).toHaveLength(1);
    expect(gapBeeps[0]!.endMs - gapBeeps[0]!.startMs).toBeGreaterThanOrEqual(440);

    const speechDetector = new BeepDetector({ sampleRateHz: INTERNAL_SAMPLE_RATE_HZ });
    const inSpeech = framesOf(
      greetingSamples(FLITE, [{ say: "Oooh, hello, hello, how are you all doing on this lovely morning?" }]),
    )
      .map((frame, index) => speechDetector.push(frame, (index + 1) * FRAME_MS, FRAME_MS))
      .filter(Boolean);
    expect(inSpeech).toHaveLength(0);
  });

  test("machine phrases in a transcript decide at once; ordinary answers do not", () => {
    expect(machinePhraseIn("Hi! You've reached Sam. Leave a message.")).toBe("leave a message");
    expect(machinePhraseIn("The person you're calling is using a screening service")).not.toBeNull();
    expect(machinePhraseIn("Hello, this is Sam speaking.")).toBeNull();
    const detector = new AmdDetector({
      timeoutMs: 3500,
      sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
      frameMs: FRAME_MS,
    });
    expect(detector.pushTranscript("Sorry, I'm not available right now", 1200)).toEqual({
      answeredBy: "machine",
      decisionMs: 1200,
      evidence: ["phrase:not available"],
    });
  });

  test("leave_message waits for the beep at the end of the greeting", () => {
    const samples = greetingSamples(VOICE, [
      { say: "Please leave a message after the tone." },
      { pauseMs: 400 },
      { beepHz: 1000, beepMs: 600 },
    ]);
    const frames = framesOf(samples);
    const beepStartMs = ((samples.length - (4000 + 600) * 16) / 16) | 0;
    const waiter = new MessageCueWaiter({
      sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
      frameMs: FRAME_MS,
      sinceMs: 0,
    });
    let cue = null;
    for (const [index, frame] of frames.entries()) {
      cue = waiter.push(frame, (index + 1) * FRAME_MS);
      if (cue) break;
    }
    expect(cue?.reason).toBe("beep");
    expect(cue!.atMs).toBeGreaterThanOrEqual(beepStartMs + 600);
    expect(cue!.atMs).toBeLessThanOrEqual(beepStartMs + 600 + 100);
  });
});
