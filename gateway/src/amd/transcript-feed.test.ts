// The callee's words for AMD through the agent's real STT adapter (OpenAI segment upload, against
// the stand-in): audio pushed before the session is open is kept, and each pause flushes the
// utterance, whose transcript comes back as text.
import { afterAll, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { startStandIns } from "@switchboard/stand-ins/index";
import type { CallContext } from "../call-core/application.ts";
import { testAgent } from "../calls/testing/test-gateway.ts";
import { INTERNAL_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { agentSttTranscription, TranscriptFeed } from "./transcript-feed.ts";

const standIns = startStandIns({
  transcription: { texts: ["Please leave a message after the tone."], delayMs: 10 },
});
afterAll(() => standIns.stop());

/** 20 ms of a loud 300 Hz tone: speech to the stand-in's level check. */
function voicedFrame(index: number): Int16Array {
  const frame = new Int16Array(SAMPLES_PER_FRAME);
  for (let i = 0; i < frame.length; i++)
    frame[i] = Math.round(
      8000 * Math.sin((2 * Math.PI * 300 * (index * frame.length + i)) / INTERNAL_SAMPLE_RATE_HZ),
    );
  return frame;
}

test("an utterance pushed from the answer is transcribed at its pause; nothing after close", async () => {
  const transcription = agentSttTranscription(
    loadConfig({ OPENAI_BASE_URL: standIns.urls.openai }),
    createLogger("fatal"),
  );
  const call = {
    callId: "call_amd_feed",
    agent: testAgent({ stt: { provider: "openai", model: "whisper-1", language: "en" } }),
  } as CallContext;
  const texts: string[] = [];
  const feed = new TranscriptFeed(transcription(call, (text) => texts.push(text)));
  // Pushed at once, while the session is still opening.
  for (let i = 0; i < 40; i++) feed.push(voicedFrame(i), true);
  feed.push(new Int16Array(SAMPLES_PER_FRAME), false);
  expect(texts).toEqual([]);
  await waitFor("the utterance's transcript", () => texts.length > 0, { timeoutMs: 5000, intervalMs: 10 });
  expect(texts).toEqual(["Please leave a message after the tone."]);

  feed.close();
  for (let i = 0; i < 40; i++) feed.push(voicedFrame(i), true);
  feed.push(new Int16Array(SAMPLES_PER_FRAME), false);
  // A second call's feed is transcribed; the closed one sent nothing before it (or after).
  const second: string[] = [];
  const next = new TranscriptFeed(transcription(call, (text) => second.push(text)));
  for (let i = 0; i < 40; i++) next.push(voicedFrame(i), true);
  next.push(new Int16Array(SAMPLES_PER_FRAME), false);
  await waitFor("the second call's transcript", () => second.length > 0, { timeoutMs: 5000, intervalMs: 10 });
  next.close();
  expect(standIns.state.of("transcription").requests).toBe(2);
  expect(texts).toHaveLength(1);
});
