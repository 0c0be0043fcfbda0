// The OpenAI realtime transcription stand-in on the wire, with a plain WebSocket: the session
// is configured with session.update (type transcription), a short commit is refused as the API
// refuses it, and server_vad commits a segment on its own after its silence.
import { afterAll, beforeEach, expect, test } from "bun:test";
import { synthesizeWords } from "./audio.ts";
import { startStandIns } from "./index.ts";
import { MessageWaiter } from "./testing/message-waiter.ts";

const standIns = startStandIns({
  apiKeys: { openai: "sk-transcribe" },
  transcription: { texts: ["book a table for two."], delayMs: 10, deltaEveryMs: 100 },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.state.reset());

type ServerEvent = Record<string, unknown> & { type: string };

async function connect() {
  const url = `${standIns.urls.openai.replace("http", "ws")}/realtime?intent=transcription`;
  const socket = new WebSocket(url, {
    headers: { authorization: "Bearer sk-transcribe" },
  } as unknown as string[]);
  const received = new MessageWaiter<ServerEvent>();
  socket.addEventListener("message", (message) => received.push(JSON.parse(String(message.data))));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve);
    socket.addEventListener("error", reject);
  });
  return {
    events: received.messages,
    send: (event: Record<string, unknown>) => socket.send(JSON.stringify(event)),
    waitFor: (type: string) =>
      received.until(type, () => received.messages.find((event) => event.type === type)),
    waitForMatching: (what: string, match: (event: ServerEvent) => boolean) =>
      received.until(what, () => received.messages.find(match)),
    close: () => socket.close(),
  };
}

/** 24 kHz PCM16 as base64: the words as voiced tones, then `silenceMs` of silence. */
function audio(words: string, silenceMs: number): string {
  const speech = synthesizeWords(words, 24_000, 250);
  const pcm = new Int16Array(speech.length + (24_000 * silenceMs) / 1000);
  pcm.set(speech);
  return Buffer.from(pcm.buffer).toString("base64");
}

test("session.update configures a transcription session; a commit under 100 ms is refused", async () => {
  const client = await connect();
  expect((await client.waitFor("session.created")).session).toMatchObject({ type: "transcription" });
  client.send({ type: "session.update", session: { type: "realtime" } });
  expect((await client.waitFor("error")).error).toMatchObject({ param: "session.type" });
  client.send({
    type: "session.update",
    session: {
      type: "transcription",
      audio: { input: { transcription: { model: "gpt-realtime-whisper" }, turn_detection: null } },
    },
  });
  const updated = await client.waitFor("session.updated");
  expect(updated.session).toMatchObject({
    audio: { input: { transcription: { model: "gpt-realtime-whisper" }, turn_detection: null } },
  });
  client.send({
    type: "input_audio_buffer.append",
    audio: Buffer.from(new Int16Array(24 * 40).buffer).toString("base64"),
  });
  client.send({ type: "input_audio_buffer.commit", event_id: "evt_short" });
  const refused = await client.waitForMatching(
    "the short commit's error",
    (event) => event.type === "error" && (event.error as { event_id?: string }).event_id === "evt_short",
  );
  client.close();
  expect(refused.error).toMatchObject({ code: "input_audio_buffer_commit_empty" });
});

test("server_vad commits after its silence: committed, deltas word by word, then completed", async () => {
  const client = await connect();
  await client.waitFor("session.created");
  client.send({
    type: "session.update",
    session: {
      type: "transcription",
      audio: {
        input: {
          transcription: { model: "gpt-realtime-whisper" },
          turn_detection: { type: "server_vad", silence_duration_ms: 300 },
        },
      },
    },
  });
  await client.waitFor("session.updated");
  client.send({ type: "input_audio_buffer.append", audio: audio("book a table for two", 400) });
  const completed = await client.waitFor("conversation.item.input_audio_transcription.completed");
  client.close();
  const committed = client.events.find((event) => event.type === "input_audio_buffer.committed")!;
  expect(completed).toMatchObject({ item_id: committed.item_id, transcript: "book a table for two." });
  const deltas = client.events
    .filter((event) => event.type === "conversation.item.input_audio_transcription.delta")
    .map((event) => String(event.delta));
  // Some words while the audio arrived, the rest at the commit: together the transcript.
  expect(deltas.length).toBeGreaterThanOrEqual(2);
  expect(deltas.join("")).toBe("book a table for two.");
});
