// The benchmark's timed Deepgram endpoint against the gateway's own Deepgram adapter: words
// come as interim results once their audio has been said, go final with speech_final after the
// endpointing silence, and at once on Finalize.
import { afterAll, describe, expect, test } from "bun:test";
import { DeepgramStt } from "@switchboard/gateway/providers/deepgram/stt";
import type { TranscriptEvent } from "@switchboard/gateway/providers/types";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { startTimedDeepgram, TimedTranscripts } from "./timed-deepgram.ts";

const transcripts = new TimedTranscripts();
const server = startTimedDeepgram(transcripts);
afterAll(() => server.stop(true));

async function open(key: string, endpointingMs: number) {
  const events: TranscriptEvent[] = [];
  const stt = new DeepgramStt({
    baseUrl: `ws://127.0.0.1:${server.port}/calls/${key}/v1`,
    apiKey: null,
    endpointingMs,
    keepAliveIntervalMs: 1000,
  });
  const session = await stt.open(
    { model: "nova-2", language: "en", sampleRateHz: 16_000 },
    (event) => events.push(event),
    () => {},
  );
  // Audio flows as the gateway streams it: a frame every 20 ms until the test stops it.
  const frame = new Int16Array(320);
  const pump = setInterval(() => session.sendAudio(frame), 20);
  return { events, session, stop: () => clearInterval(pump) };
}

describe("timed Deepgram endpoint", () => {
  test("interim words follow the audio, then a speech_final after the endpointing silence", async () => {
    const now = performance.now();
    transcripts.addTurn(
      "a",
      now,
      [
        { text: "I'd", endMs: 200 },
        { text: "like", endMs: 400 },
        { text: "a", endMs: 500 },
        { text: "table.", endMs: 800 },
      ],
      [{ startMs: 0, endMs: 800 }],
    );
    const { events, session, stop } = await open("a", 300);
    await waitFor("the final", () => events.some((event) => event.isFinal), { timeoutMs: 5000 });
    stop();
    await session.close();
    const interims = events.filter((event) => !event.isFinal).map((event) => event.text);
    expect(interims.length).toBeGreaterThanOrEqual(2);
    expect(interims.every((text) => "I'd like a table.".startsWith(text))).toBe(true);
    const final = events.find((event) => event.isFinal)!;
    expect(final).toMatchObject({ text: "I'd like a table.", endOfSpeech: true });
    // Not before the last word's end, its latency and the endpointing silence.
    expect(performance.now() - now).toBeGreaterThanOrEqual(800 + 150 + 300);
  });

  test("Finalize makes the words heard so far final at once", async () => {
    const now = performance.now();
    transcripts.addTurn(
      "b",
      now,
      [
        { text: "book", endMs: 100 },
        { text: "it", endMs: 200 },
        { text: "for", endMs: 300 },
        { text: "Friday.", endMs: 3000 },
      ],
      [
        { startMs: 0, endMs: 300 },
        { startMs: 2600, endMs: 3000 },
      ],
    );
    const { events, session, stop } = await open("b", 5000);
    await waitFor("three words", () => events.some((event) => event.text === "book it for"), {
      timeoutMs: 5000,
    });
    session.flush();
    await waitFor("the final", () => events.some((event) => event.isFinal), { timeoutMs: 5000 });
    stop();
    await session.close();
    expect(events.find((event) => event.isFinal)).toMatchObject({ text: "book it for", endOfSpeech: true });
  });
});
