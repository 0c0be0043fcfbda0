// Real words through the OpenAI transcription adapter: flite speaks a sentence, the adapter
// uploads it as a WAV segment, and the stand-in recognises it with pocketsphinx.
import { afterAll, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { FliteTts } from "../flite/tts.ts";
import { collect, openRecorded } from "../testing/support.ts";
import { OpenAiStt } from "./stt.ts";

const standIns: StandIns = startStandIns({ transcription: { recognizer: "pocketsphinx", delayMs: 0 } });
afterAll(() => standIns.stop());

test("a spoken sentence comes back as its words", async () => {
  const sentence = "i would like to book a table for two people tomorrow evening";
  const audio = await collect(
    new FliteTts().synthesize(
      sentence,
      { voiceId: "kal16", sampleRateHz: 16_000 },
      new AbortController().signal,
    ),
  );
  const { session, events, errors } = await openRecorded(
    new OpenAiStt({ baseUrl: standIns.urls.openai, apiKey: "k" }),
    "whisper-1",
  );
  for (const chunk of audio) session.sendAudio(chunk);
  session.flush();
  await waitFor("the transcript", () => events.length > 0 || errors.length > 0, { timeoutMs: 50_000 });
  await session.close();
  expect(errors).toEqual([]);
  expect(events).toEqual([{ text: sentence, isFinal: true, endOfSpeech: true }]);
}, 60_000);
