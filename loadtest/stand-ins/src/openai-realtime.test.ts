// The OpenAI Realtime stand-in on the wire: a plain WebSocket client walks a call (greeting,
// server-VAD turns, a function call and its output, barge-in and truncation), and the official
// SDK's OpenAIRealtimeWebSocket parses what it sends.
import { afterAll, beforeEach, expect, test } from "bun:test";
import { mulaw } from "alawmulaw";
import { synthesizeWords } from "./audio.ts";
import { startStandIns } from "./index.ts";
import { MessageWaiter } from "./testing/message-waiter.ts";

const standIns = startStandIns({
  apiKeys: { openai: "sk-realtime" },
  realtime: { firstAudioMs: 30, transcriptionDelayMs: 10, msPerWord: 250, chunkMs: 100 },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.realtime.openai.reset());

type ServerEvent = Record<string, unknown> & { type: string };

/** A raw client: every event it received, in order, and a way to wait for the next of a type. */
async function connect(model = "gpt-realtime", key = "sk-realtime") {
  const url = `${standIns.urls.openai.replace("http", "ws")}/realtime?model=${model}`;
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${key}` } } as unknown as string[]);
  const received = new MessageWaiter<ServerEvent>();
  const events = received.messages;
  socket.addEventListener("message", (message) => received.push(JSON.parse(String(message.data))));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve);
    socket.addEventListener("error", reject);
  });
  let seen = 0;
  return {
    events,
    send: (event: Record<string, unknown>) => socket.send(JSON.stringify(event)),
    /** The next event of `type` after the ones already taken. */
    async next(type: string): Promise<ServerEvent> {
      const found = await received.until(type, () => {
        const index = events.findIndex((event, position) => position >= seen && event.type === type);
        return index >= 0 ? index + 1 : null;
      });
      seen = found;
      return events[found - 1] as ServerEvent;
    },
    close: () => socket.close(),
  };
}

/** Caller audio in G.711 mu-law, as a phone call appends it: speech then silence, in 20 ms frames. */
function callerAudio(speechMs: number, silenceMs: number): string[] {
  const words = Math.max(1, Math.round(speechMs / 250));
  const speech = synthesizeWords(Array(words).fill("word").join(" "), 8000, 250);
  const pcm = new Int16Array(speech.length + silenceMs * 8);
  pcm.set(speech);
  const encoded = mulaw.encode(pcm);
  const frames: string[] = [];
  for (let offset = 0; offset < encoded.length; offset += 160) {
    frames.push(Buffer.from(encoded.subarray(offset, offset + 160)).toString("base64"));
  }
  return frames;
}

const endCallTool = {
  type: "function",
  name: "end_call",
  description: "Hang up",
  parameters: { type: "object", properties: {} },
};

async function configuredSession() {
  const client = await connect();
  expect((await client.next("session.created")).session).toMatchObject({
    type: "realtime",
    model: "gpt-realtime",
  });
  client.send({
    type: "session.update",
    session: {
      type: "realtime",
      instructions: "You are a helpful receptionist.",
      tools: [endCallTool],
      audio: {
        input: {
          format: { type: "audio/pcmu" },
          transcription: { model: "gpt-4o-mini-transcribe" },
          turn_detection: { type: "server_vad", silence_duration_ms: 200 },
        },
        output: { format: { type: "audio/pcmu" }, voice: "marin" },
      },
    },
  });
  const updated = await client.next("session.updated");
  expect(updated.session).toMatchObject({
    audio: {
      input: { format: { type: "audio/pcmu" } },
      output: { format: { type: "audio/pcmu" }, voice: "marin" },
    },
  });
  return client;
}

function audioBytes(events: ServerEvent[], responseId: unknown): number {
  return events
    .filter((event) => event.type === "response.output_audio.delta" && event.response_id === responseId)
    .reduce((sum, event) => sum + Buffer.from(String(event.delta), "base64").length, 0);
}

test("the greeting speaks the quoted phrase in G.711 mu-law, with its transcript and usage", async () => {
  const client = await configuredSession();
  client.send({ type: "response.create", response: { instructions: 'Say exactly: "Hello there, friend."' } });
  const created = await client.next("response.created");
  const responseId = (created.response as { id: string }).id;
  const transcript = await client.next("response.output_audio_transcript.done");
  expect(transcript.transcript).toBe("Hello there, friend.");
  const done = await client.next("response.done");
  const response = done.response as { status: string; usage: Record<string, Record<string, number>> };
  expect(response.status).toBe("completed");
  // Three words at 250 ms, 8 bytes a millisecond in mu-law.
  expect(audioBytes(client.events, responseId)).toBe(3 * 250 * 8);
  expect(response.usage.output_token_details).toEqual({ text_tokens: 5, audio_tokens: 15 });
  const log = standIns.realtime.openai.last();
  expect(log?.apiKey).toBe("sk-realtime");
  expect(log?.tools).toEqual(["end_call"]);
  expect(log?.session).toMatchObject({ audio: { input: { format: { type: "audio/pcmu" } } } });
  client.close();
});

test("server VAD turns: speech is committed, transcribed and answered; goodbye calls end_call", async () => {
  const client = await configuredSession();
  for (const frame of callerAudio(500, 300)) client.send({ type: "input_audio_buffer.append", audio: frame });
  const started = await client.next("input_audio_buffer.speech_started");
  const stopped = await client.next("input_audio_buffer.speech_stopped");
  expect(stopped.audio_end_ms as number).toBeGreaterThan(started.audio_start_ms as number);
  const committed = await client.next("input_audio_buffer.committed");
  const firstReply = await client.next("response.output_audio_transcript.done");
  expect(firstReply.transcript).toBe(standIns.script.realtime.defaultReply);
  const transcription =
    client.events.find((event) => event.type === "conversation.item.input_audio_transcription.completed") ??
    (await client.next("conversation.item.input_audio_transcription.completed"));
  expect(transcription).toMatchObject({
    item_id: committed.item_id,
    transcript: standIns.script.realtime.utterances[0],
  });
  await client.next("response.done");

  for (const frame of callerAudio(500, 300)) client.send({ type: "input_audio_buffer.append", audio: frame });
  const call = await client.next("response.function_call_arguments.done");
  expect(call).toMatchObject({ name: "end_call", arguments: "{}" });
  const goodbye = client.events
    .filter((event) => event.type === "response.output_audio_transcript.done")
    .at(-1);
  expect(goodbye?.transcript).toBe("Thank you for calling. Goodbye!");
  await client.next("response.done");

  client.send({
    type: "conversation.item.create",
    item: { type: "function_call_output", call_id: call.call_id, output: '{"ok":true}' },
  });
  await client.next("conversation.item.added");
  client.send({ type: "response.create" });
  expect((await client.next("response.output_audio_transcript.done")).transcript).toBe("Done.");
  expect(standIns.realtime.openai.last()?.functionResults).toEqual([
    { call_id: String(call.call_id), output: '{"ok":true}' },
  ]);
  client.close();
});

test("barge-in: speech over a reply cancels it, and truncate cuts the item to the audio played", async () => {
  standIns.script.realtime.chunkIntervalMs = 20;
  try {
    const client = await configuredSession();
    client.send({
      type: "response.create",
      response: { instructions: 'Say "one two three four five six seven eight nine ten eleven twelve"' },
    });
    const item = await client.next("response.output_item.added");
    const itemId = (item.item as { id: string }).id;
    await client.next("response.output_audio.delta");
    for (const frame of callerAudio(250, 0)) client.send({ type: "input_audio_buffer.append", audio: frame });
    await client.next("input_audio_buffer.speech_started");
    const done = await client.next("response.done");
    expect(done.response).toMatchObject({
      status: "cancelled",
      status_details: { type: "cancelled", reason: "turn_detected" },
    });
    const sentMs = audioBytes(client.events, (done.response as { id: string }).id) / 8;
    expect(sentMs).toBeLessThan(12 * 250);

    client.send({
      type: "conversation.item.truncate",
      item_id: itemId,
      content_index: 0,
      audio_end_ms: sentMs + 500,
    });
    expect((await client.next("error")).error).toMatchObject({
      code: "invalid_value",
      param: "audio_end_ms",
    });
    // The caller heard less than was sent: the played part is what the item keeps.
    const playedMs = sentMs - 40;
    client.send({
      type: "conversation.item.truncate",
      item_id: itemId,
      content_index: 0,
      audio_end_ms: playedMs,
    });
    expect(await client.next("conversation.item.truncated")).toMatchObject({
      item_id: itemId,
      audio_end_ms: playedMs,
    });
    expect(standIns.realtime.openai.last()?.truncations.at(-1)).toEqual({
      item_id: itemId,
      content_index: 0,
      audio_end_ms: playedMs,
    });
    expect(standIns.realtime.openai.last()?.cancellations[0]?.reason).toBe("turn_detected");
    client.close();
  } finally {
    standIns.script.realtime.chunkIntervalMs = 0;
  }
});

test("protocol errors: cancel with nothing active, an unknown event, a session.update without type", async () => {
  const client = await connect();
  client.send({ type: "response.cancel", event_id: "evt_1" });
  expect((await client.next("error")).error).toMatchObject({
    code: "response_cancel_not_active",
    event_id: "evt_1",
  });
  client.send({ type: "session.frobnicate" });
  expect((await client.next("error")).error).toMatchObject({ code: "invalid_value", param: "type" });
  client.send({ type: "session.update", session: { instructions: "x" } });
  expect((await client.next("error")).error).toMatchObject({ param: "session.type" });
  client.close();
});

test("a wrong key is refused at the upgrade; injected faults refuse it with their status", async () => {
  const wrongKey = await fetch(`${standIns.urls.openai}/realtime?model=gpt-realtime`, {
    headers: {
      authorization: "Bearer nope",
      upgrade: "websocket",
      connection: "Upgrade",
      "sec-websocket-version": "13",
      "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
    },
  });
  expect(wrongKey.status).toBe(401);
  standIns.failNext("openai-realtime", { status: 503 });
  const faulted = await fetch(`${standIns.urls.openai}/realtime?model=gpt-realtime`, {
    headers: {
      authorization: "Bearer sk-realtime",
      upgrade: "websocket",
      connection: "Upgrade",
      "sec-websocket-version": "13",
      "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
    },
  });
  expect(faulted.status).toBe(503);
});
