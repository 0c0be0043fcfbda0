// The Gemini Live adapter against the stand-in: the setup it sends, the key as the documented
// `key` parameter, the model's 24 kHz audio as 16 kHz for the call, transcription, tool calls
// answered with toolResponse, and usage.
import { describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { connectGeminiLive } from "./gemini-session.ts";
import { RealtimeSessionHarness } from "./testing/session-harness.ts";

const h = new RealtimeSessionHarness({
  script: { apiKeys: { gemini: "gemini-test-key" }, realtime: { firstAudioMs: 50, msPerWord: 100 } },
  model: "gemini-live-2.5-flash-preview",
  voice: "Puck",
  open: (standIns, session, listener) =>
    connectGeminiLive({ baseUrl: standIns.urls.gemini, apiKey: "gemini-test-key", session, listener }),
  reset: (standIns) => standIns.realtime.gemini.reset(),
});

describe("Gemini Live adapter", () => {
  test("sends the setup (model, voice, instruction, tools, transcription both ways) and waits for setupComplete", async () => {
    await h.connect({ turnDetection: "gateway" });
    const record = h.standIns.realtime.gemini.last()!;
    expect(record.apiKey).toBe("gemini-test-key");
    expect(record.model).toBe("models/gemini-live-2.5-flash-preview");
    expect(record.tools).toEqual(["end_call"]);
    expect(record.session).toMatchObject({
      generationConfig: {
        responseModalities: ["AUDIO"],
        speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } } },
      },
      systemInstruction: { parts: [{ text: "You take table bookings." }] },
      realtimeInputConfig: { automaticActivityDetection: { disabled: true } },
      inputAudioTranscription: {},
      outputAudioTranscription: {},
    });
  });

  test("a turn: 16 kHz audio for the call, the transcript, usage, then response_done", async () => {
    const current = await h.connect();
    current.createResponse('Say exactly this to the caller: "Hello there, this is Ada."');
    await waitFor("response_done", () => h.count("response_done") === 1, { timeoutMs: 5_000 });
    const samples = h.received.reduce(
      (sum, event) => sum + (event.type === "audio" ? event.pcm.length : 0),
      0,
    );
    // Five words at 100 ms each, resampled from 24 kHz to the call's 16 kHz.
    expect(Math.abs(samples - 5 * 100 * 16)).toBeLessThanOrEqual(64);
    expect(h.received.find((event) => event.type === "agent_transcript_done")).toMatchObject({
      text: "Hello there, this is Ada.",
    });
    const usage = h.received.find((event) => event.type === "usage");
    expect(usage).toMatchObject({ usage: { model: "gemini-live-2.5-flash-preview" } });
    if (usage?.type === "usage") expect(usage.usage.output_audio_tokens).toBeGreaterThan(0);
  });

  test("caller audio goes up as 16 kHz realtimeInput without resampling", async () => {
    const current = await h.connect();
    current.appendAudio(new Int16Array(320).fill(100));
    current.appendAudio(new Int16Array(320).fill(100));
    await waitFor(
      "the audio at the stand-in",
      () => h.standIns.realtime.gemini.last()!.audioInBytes === 1280,
    );
  });

  test("a tool call answered with toolResponse lets the model go on", async () => {
    h.standIns.script.realtime.utterances = ["No, that is all. Goodbye."];
    const current = await h.connect();
    // The caller says it: 300 ms of speech (a loud tone to the stand-in's energy VAD), then silence.
    for (let frame = 0; frame < 50; frame++) {
      const pcm = new Int16Array(320);
      if (frame < 15)
        for (let index = 0; index < pcm.length; index++) pcm[index] = index % 16 < 8 ? 6000 : -6000;
      current.appendAudio(pcm);
    }
    const call = await waitFor(
      "the tool call",
      () => h.received.find((event) => event.type === "tool_call"),
      {
        timeoutMs: 5_000,
      },
    );
    if (call.type !== "tool_call") throw new Error("not a tool call");
    expect(call.name).toBe("end_call");
    current.submitToolResult(call.callId, call.name, '{"ok":true}', true);
    await waitFor("the turn's end", () => h.count("response_done") === 1, { timeoutMs: 5_000 });
    expect(h.standIns.realtime.gemini.last()!.functionResults).toEqual([
      { call_id: call.callId, output: { ok: true } },
    ]);
    expect(h.received.find((event) => event.type === "caller_transcript")).toMatchObject({
      text: "No, that is all. Goodbye.",
    });
    expect(h.received.find((event) => event.type === "agent_transcript_done")).toMatchObject({
      text: "Thank you for calling. Goodbye! Done.",
    });
  });
});
