// The OpenAI Realtime adapter against the stand-in: what it configures, how the model's audio
// comes back (16 kHz for the call), function calls and their outputs, truncation and usage.
import { describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { connectOpenAiRealtime } from "./openai-session.ts";
import { RealtimeSessionHarness } from "./testing/session-harness.ts";

const h = new RealtimeSessionHarness({
  script: { apiKeys: { openai: "sk-test-realtime" }, realtime: { firstAudioMs: 50, msPerWord: 100 } },
  model: "gpt-realtime",
  voice: "marin",
  open: (standIns, session, listener) =>
    connectOpenAiRealtime({ baseUrl: standIns.urls.openai, apiKey: "sk-test-realtime", session, listener }),
  reset: (standIns) => standIns.realtime.openai.reset(),
});

describe("OpenAI Realtime adapter", () => {
  test("configures the session: 24 kHz PCM, voice, instructions, tools, transcription, VAD that leaves barge-in to the gateway", async () => {
    await h.connect();
    const record = await waitFor("the session.update", () => {
      const last = h.standIns.realtime.openai.last();
      return last?.tools.length ? last : null;
    });
    expect(record.model).toBe("gpt-realtime");
    expect(record.apiKey).toBe("sk-test-realtime");
    expect(record.tools).toEqual(["end_call"]);
    expect(record.session).toMatchObject({
      type: "realtime",
      instructions: "You take table bookings.",
      output_modalities: ["audio"],
      audio: {
        input: {
          format: { type: "audio/pcm", rate: 24_000 },
          transcription: { model: "gpt-4o-mini-transcribe" },
          turn_detection: { type: "server_vad", create_response: true, interrupt_response: false },
        },
        output: { format: { type: "audio/pcm", rate: 24_000 }, voice: "marin" },
      },
    });
  });

  test("G.711 calls speak audio/pcmu; gateway turn detection turns the server's off", async () => {
    await h.connect({ narrowbandCodec: "PCMU", turnDetection: "gateway" });
    const record = await waitFor("the session.update", () => {
      const last = h.standIns.realtime.openai.last();
      return last?.tools.length ? last : null;
    });
    expect(record.session).toMatchObject({
      audio: {
        input: { format: { type: "audio/pcmu" }, turn_detection: null },
        output: { format: { type: "audio/pcmu" } },
      },
    });
  });

  test("a G.711 call's 8 kHz samples go up and come back as µ-law without resampling", async () => {
    const current = await h.connect({ narrowbandCodec: "PCMU", callRateHz: 8_000 });
    current.appendAudio(new Int16Array(160).fill(1000));
    current.appendAudio(new Int16Array(160).fill(-1000));
    await waitFor(
      "the µ-law bytes at the stand-in",
      () => h.standIns.realtime.openai.last()?.audioInBytes === 320,
    );
    current.createResponse('Say exactly this to the caller: "Hello there, this is Ada."');
    await waitFor("response_done", () => h.count("response_done") === 1, { timeoutMs: 5_000 });
    const samples = h.received.reduce(
      (sum, event) => sum + (event.type === "audio" ? event.pcm.length : 0),
      0,
    );
    // Five words at 100 ms each: exactly 4000 samples at 8 kHz, one per µ-law byte.
    expect(samples).toBe(5 * 100 * 8);
  });

  test("a response: 16 kHz audio for the call, the transcript, usage, then response_done", async () => {
    const current = await h.connect();
    current.createResponse('Say exactly this to the caller: "Hello there, this is Ada."');
    await waitFor("response_done", () => h.count("response_done") === 1, { timeoutMs: 5_000 });
    const audio = h.received.flatMap((event) => (event.type === "audio" ? [event.pcm] : []));
    const samples = audio.reduce((sum, pcm) => sum + pcm.length, 0);
    // Five words at 100 ms each, resampled from 24 kHz to the call's 16 kHz.
    expect(Math.abs(samples - 5 * 100 * 16)).toBeLessThanOrEqual(64);
    const done = h.received.find((event) => event.type === "agent_transcript_done");
    expect(done).toMatchObject({ text: "Hello there, this is Ada." });
    const usage = h.received.find((event) => event.type === "usage");
    expect(usage).toMatchObject({ usage: { model: "gpt-realtime" } });
    if (usage?.type === "usage") expect(usage.usage.output_audio_tokens).toBe(10);
  });

  test("a function call gets its output and one response.create once the response is done", async () => {
    const current = await h.connect();
    current.sendText("No, that is all. Goodbye.");
    const call = await waitFor(
      "the function call",
      () => h.received.find((event) => event.type === "tool_call"),
      {
        timeoutMs: 5_000,
      },
    );
    if (call.type !== "tool_call") throw new Error("not a tool call");
    expect(call.name).toBe("end_call");
    current.submitToolResult(call.callId, call.name, '{"ok":true}', true);
    await waitFor("the reply after the output", () => h.count("response_done") === 2, { timeoutMs: 5_000 });
    const record = h.standIns.realtime.openai.last()!;
    expect(record.functionResults).toEqual([{ call_id: call.callId, output: '{"ok":true}' }]);
    expect(record.counts["response.create"]).toBe(2);
    expect(h.received.findLast((event) => event.type === "agent_transcript_done")).toMatchObject({
      text: "Done.",
    });
  });

  test("a response asked for while one runs waits for it instead of failing", async () => {
    const current = await h.connect();
    current.createResponse('Say exactly this to the caller: "One two three four five six."');
    current.createResponse('Say exactly this to the caller: "Seven."');
    await waitFor("both responses", () => h.count("response_done") === 2, { timeoutMs: 5_000 });
    const texts = h.received.flatMap((event) => (event.type === "agent_transcript_done" ? [event.text] : []));
    expect(texts).toEqual(["One two three four five six.", "Seven."]);
  });

  test("a barge-in between response.create and response.created cancels that response", async () => {
    const current = await h.connect();
    current.createResponse('Say exactly this to the caller: "One two three four five six."');
    current.interrupt([]);
    await waitFor("the cancelled response", () => h.count("response_done") === 1, { timeoutMs: 5_000 });
    expect(h.standIns.realtime.openai.last()!.cancellations).toMatchObject([{ reason: "client_cancelled" }]);
    expect(h.count("audio")).toBe(0);
  });

  test("interrupt cancels the response and truncates the item to the played duration", async () => {
    h.standIns.script.realtime.chunkIntervalMs = 100;
    try {
      const current = await h.connect();
      current.createResponse('Say exactly this to the caller: "One two three four five six seven eight."');
      const first = await waitFor(
        "the first audio",
        () => h.received.find((event) => event.type === "audio"),
        {
          timeoutMs: 5_000,
        },
      );
      if (first.type !== "audio") throw new Error("not audio");
      current.interrupt([{ itemId: first.itemId, playedMs: 60.4 }]);
      await waitFor("the cancelled response", () => h.count("response_done") === 1, { timeoutMs: 5_000 });
      const record = h.standIns.realtime.openai.last()!;
      expect(record.truncations).toEqual([{ item_id: first.itemId, content_index: 0, audio_end_ms: 60 }]);
      expect(record.cancellations).toMatchObject([{ reason: "client_cancelled" }]);
    } finally {
      h.standIns.script.realtime.chunkIntervalMs = 0;
    }
  });
});
