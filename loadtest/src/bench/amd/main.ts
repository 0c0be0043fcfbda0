// bench:amd: human and machine greetings (espeak-ng and flite voices, sox beeps) through the
// gateway's answering-machine detector in process, frame by frame on the audio's own timeline.
// Two runs: audio alone, and audio with the greeting's transcript as an STT final would bring
// it (each sentence STT_FINAL_DELAY_MS after its end). Reports accuracy, the false machine rate,
// missed machines and the decision time from the answer; and how long a person waits after
// their greeting for the agent to start: at once when they pause (`answerable`) against at the
// verdict, with the machines the agent began talking to before their verdict.
// Usage: npm run bench:amd -- [--timeout-ms 3500] [--out file.json]
import { writeFileSync } from "node:fs";
import { AmdDetector, type AmdVerdict } from "@switchboard/gateway/amd/detector";
import { framesOf, greetingSamples, type Voice } from "@switchboard/gateway/amd/testing/greeting-audio";
import { FRAME_MS, INTERNAL_SAMPLE_RATE_HZ } from "@switchboard/gateway/media/audio-format";
import { type AnswerDelays, type AnswerTiming, answerDelays } from "./answer-delay.ts";
import { GREETINGS, type Greeting, VOICES } from "./corpus.ts";
import { type AmdFigures, amdFigures, type Outcome } from "./figures.ts";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const timeoutMs = Number(option("timeout-ms", "3500"));
const outPath = option("out", "");
/** A streaming STT's final for a sentence, after its end (Deepgram's endpointing is about this). */
const STT_FINAL_DELAY_MS = 300;
const LEAD_MS = 300;

/** When each spoken sentence ends, from the answer, by walking the parts with their lengths. */
function sentenceEnds(
  voice: Voice,
  greeting: Greeting,
  samples: Int16Array,
): { text: string; atMs: number }[] {
  const ends: { text: string; atMs: number }[] = [];
  // Each sentence's length is its audio alone (the synthesis is cached).
  let atMs = LEAD_MS;
  for (const part of greeting.parts) {
    if ("pauseMs" in part) atMs += part.pauseMs;
    else if ("beepMs" in part) atMs += part.beepMs;
    else {
      atMs += (greetingSamples(voice, [part], 0, 0).length * 1000) / INTERNAL_SAMPLE_RATE_HZ;
      ends.push({ text: part.say, atMs });
    }
  }
  if (atMs > (samples.length * 1000) / INTERNAL_SAMPLE_RATE_HZ)
    throw new Error("sentence timing past the audio");
  return ends;
}

interface Run {
  verdict: AmdVerdict;
  /** When the agent starts without waiting for the verdict (null: only at the verdict). */
  answerableAtMs: number | null;
  /** Where each of the callee's sentences ends, from the answer. */
  speechEndsMs: number[];
}

function run(voice: Voice, greeting: Greeting, withTranscript: boolean): Run {
  const samples = greetingSamples(voice, greeting.parts, LEAD_MS, 5000);
  const ends = sentenceEnds(voice, greeting, samples);
  let answerableAtMs: number | null = null;
  const finals = withTranscript
    ? ends.map((end) => ({
        text: end.text,
        atMs: end.atMs + STT_FINAL_DELAY_MS,
      }))
    : [];
  const detector = new AmdDetector({ timeoutMs, sampleRateHz: INTERNAL_SAMPLE_RATE_HZ, frameMs: FRAME_MS });
  for (const [index, frame] of framesOf(samples).entries()) {
    const atMs = (index + 1) * FRAME_MS;
    for (const final of finals.filter((one) => one.atMs <= atMs && one.atMs > atMs - FRAME_MS))
      detector.pushTranscript(final.text, final.atMs);
    const verdict = detector.pushFrame(frame, atMs);
    if (verdict) return { verdict, answerableAtMs, speechEndsMs: ends.map((end) => end.atMs) };
    if (answerableAtMs === null && detector.answerable) answerableAtMs = atMs;
  }
  throw new Error(`no verdict for ${greeting.label}`);
}

const started = performance.now();
const results: Record<
  string,
  {
    figures: AmdFigures;
    answer_delay_ms: AnswerDelays;
    decided_by: Record<string, number>;
    wrong: string[];
  }
> = {};
for (const withTranscript of [false, true]) {
  const outcomes: Outcome[] = [];
  const answers: AnswerTiming[] = [];
  const wrong: string[] = [];
  /** What decided each verdict: its first piece of evidence, without the figure. */
  const decidedBy: Record<string, number> = {};
  for (const voice of VOICES) {
    for (const greeting of GREETINGS) {
      const { verdict, answerableAtMs, speechEndsMs } = run(voice, greeting, withTranscript);
      answers.push({ truth: greeting.truth, verdict, answerableAtMs, speechEndsMs });
      outcomes.push({
        truth: greeting.truth,
        answeredBy: verdict.answeredBy,
        decisionMs: verdict.decisionMs,
      });
      const rule = `${greeting.truth}->${verdict.answeredBy} ${verdict.evidence[0]?.split(":")[0] ?? "none"}`;
      decidedBy[rule] = (decidedBy[rule] ?? 0) + 1;
      if (verdict.answeredBy !== greeting.truth)
        wrong.push(
          `${voice.engine}/${voice.name} ${greeting.label}: ${verdict.answeredBy} (${verdict.evidence.join(", ")})`,
        );
    }
  }
  results[withTranscript ? "audio_and_transcript" : "audio_only"] = {
    figures: amdFigures(outcomes),
    answer_delay_ms: answerDelays(answers),
    decided_by: decidedBy,
    wrong,
  };
}

const report = {
  timeout_ms: timeoutMs,
  voices: VOICES.map((voice) => `${voice.engine}/${voice.name}`),
  stt_final_delay_ms: STT_FINAL_DELAY_MS,
  elapsed_s: Math.round((performance.now() - started) / 100) / 10,
  ...results,
};
console.log(JSON.stringify(report, null, 2));
if (outPath) writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);
