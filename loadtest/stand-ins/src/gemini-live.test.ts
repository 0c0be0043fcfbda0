// The Gemini Live stand-in on the wire: @google/genai's live client opens a session against it
// (setup, setupComplete, a greeting turn, usage), and a plain WebSocket walks the caller's
// turns: transcription both ways, a function call and its response, an interruption.
import { afterAll, beforeEach, expect, test } from "bun:test";
import { GoogleGenAI, type LiveServerMessage, MediaModality, Modality } from "@google/genai";
import { synthesizeWords } from "./audio.ts";
import { startStandIns } from "./index.ts";
import { MessageWaiter } from "./testing/message-waiter.ts";

const standIns = startStandIns({
  apiKeys: { gemini: "gm-key" },
  realtime: { firstAudioMs: 30, transcriptionDelayMs: 10, msPerWord: 250, chunkMs: 100 },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.realtime.gemini.reset());

const endCall = { name: "end_call", description: "Hang up", parameters: { type: "object", properties: {} } };

/** 16 kHz caller audio (speech then silence) as base64 chunks of 20 ms. */
function callerAudio(speechMs: number, silenceMs: number): string[] {
  const speech = synthesizeWords(
    Array(Math.max(1, Math.round(speechMs / 250)))
      .fill("word")
      .join(" "),
    16_000,
    250,
  );
  const pcm = new Int16Array(speech.length + silenceMs * 16);
  pcm.set(speech);
  const chunks: string[] = [];
  for (let offset = 0; offset < pcm.length; offset += 320) {
    const chunk = pcm.subarray(offset, offset + 320);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("base64"));
  }
  return chunks;
}

/** A server message as JSON: the fields these tests read. */
interface WireMessage {
  setupComplete?: unknown;
  serverContent?: {
    modelTurn?: { parts?: Array<{ inlineData?: { data?: string } }> };
    inputTranscription?: { text?: string };
    interrupted?: boolean;
    turnComplete?: boolean;
  };
  toolCall?: { functionCalls: Array<{ id: string; name: string; args: unknown }> };
}

function modelAudioBytes(messages: WireMessage[]): number {
  return messages
    .flatMap((message) => message.serverContent?.modelTurn?.parts ?? [])
    .reduce((sum, part) => sum + Buffer.from(part.inlineData?.data ?? "", "base64").length, 0);
}

test("@google/genai connects, sets up and hears a greeting with transcription and usage", async () => {
  const ai = new GoogleGenAI({ apiKey: "gm-key", httpOptions: { baseUrl: standIns.urls.gemini } });
  const received = new MessageWaiter<LiveServerMessage>();
  const messages = received.messages;
  const session = await ai.live.connect({
    model: "gemini-live-2.5-flash-preview",
    config: {
      responseModalities: [Modality.AUDIO],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } } },
      systemInstruction: "You are a receptionist.",
      tools: [{ functionDeclarations: [{ name: endCall.name, description: endCall.description }] }],
      outputAudioTranscription: {},
      inputAudioTranscription: {},
    },
    callbacks: { onmessage: (message) => received.push(message) },
  });
  session.sendClientContent({
    turns: [{ role: "user", parts: [{ text: 'Greet the caller: "Good morning."' }] }],
    turnComplete: true,
  });
  const complete = await received.until("turnComplete", () =>
    messages.find((message) => message.serverContent?.turnComplete),
  );
  expect(messages[0]?.setupComplete).toBeDefined();
  expect(modelAudioBytes(messages as WireMessage[])).toBe(2 * 250 * 48);
  const spoken = messages.map((message) => message.serverContent?.outputTranscription?.text ?? "").join("");
  expect(spoken).toBe("Good morning.");
  expect(complete.usageMetadata?.responseTokensDetails).toEqual([
    { modality: MediaModality.AUDIO, tokenCount: 13 },
  ]);
  const record = standIns.realtime.gemini.last();
  expect(record?.model).toBe("models/gemini-live-2.5-flash-preview");
  expect(record?.apiKey).toBe("gm-key");
  expect(record?.tools).toEqual(["end_call"]);
  expect(record?.session).toMatchObject({
    generationConfig: { speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } } } },
  });
  session.close();
});

async function rawSession(setupExtra: Record<string, unknown> = {}) {
  const path = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
  const socket = new WebSocket(`${standIns.urls.gemini.replace("http", "ws")}${path}?key=gm-key`);
  socket.binaryType = "arraybuffer";
  const received = new MessageWaiter<WireMessage>();
  const messages = received.messages;
  socket.addEventListener("message", (event) => {
    // The service sends binary frames of UTF-8 JSON.
    expect(event.data).toBeInstanceOf(ArrayBuffer);
    received.push(JSON.parse(new TextDecoder().decode(event.data as ArrayBuffer)));
  });
  await new Promise((resolve) => socket.addEventListener("open", resolve));
  const send = (message: Record<string, unknown>) => socket.send(JSON.stringify(message));
  send({
    setup: {
      model: "models/gemini-live-2.5-flash-preview",
      tools: [{ functionDeclarations: [endCall] }],
      inputAudioTranscription: {},
      outputAudioTranscription: {},
      realtimeInputConfig: { automaticActivityDetection: { silenceDurationMs: 200 } },
      ...setupExtra,
    },
  });
  await received.until("setupComplete", () => messages.find((message) => message.setupComplete));
  const speak = (speechMs: number, silenceMs: number) => {
    for (const data of callerAudio(speechMs, silenceMs)) {
      send({ realtimeInput: { audio: { data, mimeType: "audio/pcm;rate=16000" } } });
    }
  };
  return { socket, messages, until: received.until.bind(received), send, speak };
}

test("caller turns: input transcription, the reply, then goodbye brings end_call and the turn after its response", async () => {
  const { socket, messages, until, send, speak } = await rawSession();
  speak(500, 300);
  await until("first turnComplete", () => messages.find((message) => message.serverContent?.turnComplete));
  const heard = messages.find((message) => message.serverContent?.inputTranscription);
  expect(heard?.serverContent?.inputTranscription).toEqual({ text: standIns.script.realtime.utterances[0] });

  speak(500, 300);
  const toolCall = await until("toolCall", () => messages.find((message) => message.toolCall)?.toolCall);
  const [call] = toolCall.functionCalls;
  expect(call).toMatchObject({ name: "end_call", args: {} });
  send({ toolResponse: { functionResponses: [{ id: call?.id, name: "end_call", response: { ok: true } }] } });
  await until(
    "the turn after the tool",
    () => messages.filter((message) => message.serverContent?.turnComplete).length === 2,
  );
  expect(standIns.realtime.gemini.last()?.functionResults).toEqual([
    { call_id: String(call?.id), output: { ok: true } },
  ]);
  socket.close();
});

test("speech over a model turn interrupts it; with automatic detection off, activityStart does", async () => {
  standIns.script.realtime.chunkIntervalMs = 20;
  try {
    const automatic = await rawSession();
    automatic.send({
      clientContent: {
        turns: [{ role: "user", parts: [{ text: 'Say "one two three four five six seven eight"' }] }],
        turnComplete: true,
      },
    });
    await automatic.until("model audio", () => modelAudioBytes(automatic.messages) > 0);
    automatic.speak(250, 0);
    await automatic.until("interrupted", () =>
      automatic.messages.find((message) => message.serverContent?.interrupted),
    );
    expect(modelAudioBytes(automatic.messages)).toBeLessThan(8 * 250 * 48);
    expect(standIns.realtime.gemini.last()?.cancellations).toHaveLength(1);
    automatic.socket.close();

    const manual = await rawSession({
      realtimeInputConfig: { automaticActivityDetection: { disabled: true } },
    });
    manual.send({
      clientContent: {
        turns: [{ role: "user", parts: [{ text: 'Say "one two three four five six seven eight"' }] }],
        turnComplete: true,
      },
    });
    await manual.until("model audio", () => modelAudioBytes(manual.messages) > 0);
    manual.speak(300, 0);
    expect(manual.messages.some((message) => message.serverContent?.interrupted)).toBe(false);
    manual.send({ realtimeInput: { activityStart: {} } });
    await manual.until("interrupted", () =>
      manual.messages.find((message) => message.serverContent?.interrupted),
    );
    manual.send({ realtimeInput: { activityEnd: {} } });
    await manual.until("the reply to the caller", () =>
      manual.messages.find((message) => message.serverContent?.turnComplete),
    );
    manual.socket.close();
  } finally {
    standIns.script.realtime.chunkIntervalMs = 0;
  }
});

test("a first message other than setup closes the socket with 1007; a wrong key is refused", async () => {
  const path = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
  const socket = new WebSocket(`${standIns.urls.gemini.replace("http", "ws")}${path}?key=gm-key`);
  await new Promise((resolve) => socket.addEventListener("open", resolve));
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener("close", (event) => resolve(event.code)),
  );
  socket.send(JSON.stringify({ realtimeInput: { text: "hi" } }));
  expect(await closed).toBe(1007);
  const refused = await fetch(`${standIns.urls.gemini}${path}?key=wrong`);
  expect(refused.status).toBe(400);
});
