// The OpenAI realtime transcription stand-in (GA protocol): wss /v1/realtime?intent=transcription
// on the OpenAI stand-in's port, `Authorization: Bearer KEY`. session.created on open;
// session.update with `session.type: "transcription"` merges `audio.input` (format, transcription
// model and language, turn_detection) and answers session.updated. input_audio_buffer.append
// takes base64 audio in the session's format; while speech goes on, a streaming model
// (gpt-realtime-whisper, gpt-live-transcribe) sends conversation.item.input_audio_transcription
// .delta with the next scripted word every `deltaEveryMs` of speech audio. A commit (the
// client's, or server_vad's after its silence) answers input_audio_buffer.committed, then after
// `delayMs` the remaining deltas and .completed with the whole transcript ("" when the segment
// held no speech). A commit of less than 100 ms is an error, as the API's. Each connection
// walks the scripted texts from the first.
import type { Server, ServerWebSocket, WebSocketHandler } from "bun";
import { rms } from "./audio.ts";
import type { StandInState } from "./faults.ts";
import { type AudioFormat, bytesPerMs, decodeToLinear, OPENAI_PCM_FORMAT } from "./realtime-audio.ts";
import type { StandInScript } from "./script.ts";

const SERVICE = "openai-transcription";
const FRAME_MS = 20;
/** A committed buffer must hold at least this much audio (the API's own minimum). */
const MIN_COMMIT_MS = 100;
/** Models that transcribe while the audio arrives; others send their deltas after the commit. */
const STREAMING_MODELS = ["gpt-realtime-whisper", "gpt-live-transcribe"];
const DEFAULT_SILENCE_MS = 500;

interface TranscriptionSession {
  type: "transcription";
  id: string;
  object: "realtime.transcription_session";
  audio: {
    input: {
      format: { type: string; rate?: number };
      transcription: { model?: string; language?: string; prompt?: string } | null;
      turn_detection: { type: string; silence_duration_ms?: number } | null;
      noise_reduction: unknown;
    };
  };
}

export interface OpenAiTranscriptionConnection {
  kind: "transcription";
  session: TranscriptionSession;
  format: AudioFormat;
  pending: Uint8Array;
  /** The buffer in progress: its item id, audio, speech and the words sent as deltas. */
  itemId: string;
  previousItemId: string | null;
  bufferedMs: number;
  heardSpeech: boolean;
  speechMs: number;
  silenceMs: number;
  wordsSent: number;
  /** The scripted text of the buffer in progress (taken when its speech starts). */
  text: string | null;
  utterances: number;
  nextId: number;
  timers: Set<ReturnType<typeof setTimeout>>;
  closed: boolean;
}

type Socket = ServerWebSocket<OpenAiTranscriptionConnection>;
type ClientEvent = Record<string, unknown> & { type?: unknown; event_id?: unknown };

export function openAiTranscription(script: StandInScript, state: StandInState) {
  const send = (ws: Socket, event: Record<string, unknown>) => {
    if (!ws.data.closed) ws.send(JSON.stringify({ event_id: newId(ws.data, "event"), ...event }));
  };
  const fail = (ws: Socket, clientEvent: ClientEvent, code: string, message: string, param: string | null) =>
    send(ws, {
      type: "error",
      error: {
        type: "invalid_request_error",
        code,
        message,
        param,
        event_id: typeof clientEvent.event_id === "string" ? clientEvent.event_id : null,
      },
    });
  const streaming = (ws: Socket) =>
    STREAMING_MODELS.some((model) => ws.data.session.audio.input.transcription?.model?.startsWith(model));
  const words = (text: string) => text.split(/\s+/).filter(Boolean);

  const sendDelta = (ws: Socket, itemId: string, delta: string) =>
    send(ws, {
      type: "conversation.item.input_audio_transcription.delta",
      item_id: itemId,
      content_index: 0,
      delta,
    });

  const nextText = (ws: Socket) => {
    const texts = script.transcription.texts;
    const text = texts[ws.data.utterances % Math.max(1, texts.length)] ?? "";
    ws.data.utterances += 1;
    state.of(SERVICE).scripted += 1;
    return text;
  };

  const commit = (ws: Socket, clientEvent: ClientEvent | null) => {
    const connection = ws.data;
    if (connection.bufferedMs < MIN_COMMIT_MS) {
      if (clientEvent) {
        fail(
          ws,
          clientEvent,
          "input_audio_buffer_commit_empty",
          `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${connection.bufferedMs.toFixed(2)}ms of audio.`,
          null,
        );
      }
      return;
    }
    const itemId = connection.itemId;
    const transcript = connection.heardSpeech ? (connection.text ?? nextText(ws)) : "";
    const sentWords = connection.wordsSent;
    const seconds = connection.bufferedMs / 1000;
    send(ws, {
      type: "input_audio_buffer.committed",
      item_id: itemId,
      previous_item_id: connection.previousItemId,
    });
    connection.previousItemId = itemId;
    connection.itemId = newId(connection, "item");
    connection.bufferedMs = 0;
    connection.heardSpeech = false;
    connection.speechMs = 0;
    connection.silenceMs = 0;
    connection.wordsSent = 0;
    connection.text = null;
    const timer = setTimeout(() => {
      connection.timers.delete(timer);
      const rest = words(transcript).slice(sentWords).join(" ");
      if (rest) sendDelta(ws, itemId, sentWords > 0 ? ` ${rest}` : rest);
      send(ws, {
        type: "conversation.item.input_audio_transcription.completed",
        item_id: itemId,
        content_index: 0,
        transcript,
        usage: { type: "duration", seconds },
      });
    }, script.transcription.delayMs);
    connection.timers.add(timer);
  };

  const append = (ws: Socket, clientEvent: ClientEvent) => {
    const connection = ws.data;
    if (typeof clientEvent.audio !== "string") {
      return fail(
        ws,
        clientEvent,
        "missing_required_parameter",
        "Missing required parameter: 'audio'.",
        "audio",
      );
    }
    const bytes = new Uint8Array(Buffer.from(clientEvent.audio, "base64"));
    const joined = new Uint8Array(connection.pending.length + bytes.length);
    joined.set(connection.pending);
    joined.set(bytes, connection.pending.length);
    const frameBytes = Math.round(bytesPerMs(connection.format) * FRAME_MS);
    let offset = 0;
    for (; offset + frameBytes <= joined.length; offset += frameBytes) {
      frame(ws, decodeToLinear(connection.format, joined.subarray(offset, offset + frameBytes)));
    }
    connection.pending = joined.slice(offset);
  };

  const frame = (ws: Socket, pcm: Int16Array) => {
    const connection = ws.data;
    connection.bufferedMs += FRAME_MS;
    if (rms(pcm) >= script.transcription.speechRmsThreshold) {
      if (!connection.heardSpeech) connection.text = nextText(ws);
      connection.heardSpeech = true;
      connection.speechMs += FRAME_MS;
      connection.silenceMs = 0;
      const every = script.transcription.deltaEveryMs;
      const all = words(connection.text ?? "");
      // The last word waits for the commit: the transcript is not done while speech goes on.
      if (streaming(ws) && connection.speechMs % every === 0 && connection.wordsSent < all.length - 1) {
        sendDelta(ws, connection.itemId, (connection.wordsSent > 0 ? " " : "") + all[connection.wordsSent]);
        connection.wordsSent += 1;
      }
      return;
    }
    connection.silenceMs += FRAME_MS;
    const detection = connection.session.audio.input.turn_detection;
    if (detection && connection.heardSpeech) {
      if (connection.silenceMs >= (detection.silence_duration_ms ?? DEFAULT_SILENCE_MS)) commit(ws, null);
    }
  };

  const update = (ws: Socket, clientEvent: ClientEvent) => {
    const requested = clientEvent.session as Record<string, unknown> | undefined;
    if (requested?.type !== "transcription") {
      return fail(
        ws,
        clientEvent,
        "invalid_value",
        "Invalid value: session.type must be 'transcription' on a transcription session.",
        "session.type",
      );
    }
    const input = ((requested.audio as Record<string, unknown> | undefined)?.input ?? {}) as Record<
      string,
      unknown
    >;
    const current = ws.data.session.audio.input;
    const format = (input.format ?? current.format) as { type: string; rate?: number };
    if (format.type === "audio/pcm" && format.rate !== undefined && format.rate !== 24_000) {
      return fail(
        ws,
        clientEvent,
        "invalid_value",
        "audio/pcm is 24000 Hz only.",
        "session.audio.input.format.rate",
      );
    }
    if (!["audio/pcm", "audio/pcmu", "audio/pcma"].includes(format.type)) {
      return fail(
        ws,
        clientEvent,
        "invalid_value",
        `Unknown audio format '${format.type}'.`,
        "session.audio.input.format.type",
      );
    }
    ws.data.session.audio.input = {
      format,
      transcription:
        "transcription" in input
          ? (input.transcription as TranscriptionSession["audio"]["input"]["transcription"])
          : current.transcription,
      turn_detection:
        "turn_detection" in input
          ? (input.turn_detection as TranscriptionSession["audio"]["input"]["turn_detection"])
          : current.turn_detection,
      noise_reduction: "noise_reduction" in input ? input.noise_reduction : current.noise_reduction,
    };
    ws.data.format =
      format.type === "audio/pcm"
        ? OPENAI_PCM_FORMAT
        : { type: format.type as AudioFormat["type"], sampleRateHz: 8000 };
    state.request(SERVICE, ws.data.session);
    send(ws, { type: "session.updated", session: ws.data.session });
  };

  const upgrade = (request: Request, server: Server<OpenAiTranscriptionConnection>): Response | undefined => {
    const apiKey = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
    const expectedKey = script.apiKeys.openai;
    if (expectedKey && apiKey !== expectedKey) {
      state.request(SERVICE, null);
      return Response.json(
        { error: { message: "Incorrect API key provided", code: "invalid_api_key" } },
        { status: 401 },
      );
    }
    const fault = state.takeFault(SERVICE);
    if (fault) {
      state.request(SERVICE, null);
      return Response.json({ error: { message: "injected failure" } }, { status: fault.status ?? 500 });
    }
    const connection: OpenAiTranscriptionConnection = {
      kind: "transcription",
      session: {
        type: "transcription",
        id: "",
        object: "realtime.transcription_session",
        audio: {
          input: {
            format: { type: "audio/pcm", rate: 24_000 },
            transcription: null,
            turn_detection: { type: "server_vad", silence_duration_ms: DEFAULT_SILENCE_MS },
            noise_reduction: null,
          },
        },
      },
      format: OPENAI_PCM_FORMAT,
      pending: new Uint8Array(0),
      itemId: "",
      previousItemId: null,
      bufferedMs: 0,
      heardSpeech: false,
      speechMs: 0,
      silenceMs: 0,
      wordsSent: 0,
      text: null,
      utterances: 0,
      nextId: 0,
      timers: new Set(),
      closed: false,
    };
    connection.session.id = newId(connection, "sess");
    connection.itemId = newId(connection, "item");
    if (server.upgrade(request, { data: connection })) return undefined;
    return new Response("expected a WebSocket upgrade", { status: 426 });
  };

  const websocket: WebSocketHandler<OpenAiTranscriptionConnection> = {
    open(ws) {
      send(ws, { type: "session.created", session: ws.data.session });
    },
    message(ws, message) {
      let event: ClientEvent;
      try {
        event = JSON.parse(typeof message === "string" ? message : new TextDecoder().decode(message));
      } catch {
        return fail(ws, {}, "invalid_json", "The server could not parse the event as JSON.", null);
      }
      const type = typeof event.type === "string" ? event.type : "";
      state.message(SERVICE, type);
      switch (type) {
        case "session.update":
          return update(ws, event);
        case "input_audio_buffer.append":
          return append(ws, event);
        case "input_audio_buffer.commit":
          return commit(ws, event);
        case "input_audio_buffer.clear":
          ws.data.bufferedMs = 0;
          ws.data.heardSpeech = false;
          ws.data.speechMs = 0;
          ws.data.silenceMs = 0;
          ws.data.wordsSent = 0;
          ws.data.text = null;
          return send(ws, { type: "input_audio_buffer.cleared" });
        default:
          return fail(
            ws,
            event,
            "invalid_value",
            `Invalid value: '${type}' on a transcription session.`,
            "type",
          );
      }
    },
    close(ws) {
      ws.data.closed = true;
      for (const timer of ws.data.timers) clearTimeout(timer);
      state.of(SERVICE).completed += 1;
    },
  };

  return { upgrade, websocket };
}

function newId(connection: { nextId: number }, prefix: string): string {
  connection.nextId += 1;
  return `${prefix}_tr${String(connection.nextId).padStart(6, "0")}`;
}

/**
 * One WebSocket handler for the OpenAI stand-in's two kinds of socket at /v1/realtime: a
 * transcription session's events go to `transcription`, the rest to `realtime`.
 */
export function withTranscriptionSockets<T>(
  realtime: WebSocketHandler<T>,
  transcription: WebSocketHandler<OpenAiTranscriptionConnection>,
): WebSocketHandler<T | OpenAiTranscriptionConnection> {
  type Either = ServerWebSocket<T | OpenAiTranscriptionConnection>;
  const isTranscription = (ws: Either): ws is Socket =>
    (ws.data as { kind?: unknown }).kind === "transcription";
  const other = (ws: Either) => ws as ServerWebSocket<T>;
  return {
    open(ws) {
      if (isTranscription(ws)) transcription.open?.(ws);
      else realtime.open?.(other(ws));
    },
    message(ws, message) {
      if (isTranscription(ws)) void transcription.message?.(ws, message);
      else void realtime.message?.(other(ws), message);
    },
    close(ws, code, reason) {
      if (isTranscription(ws)) transcription.close?.(ws, code, reason);
      else realtime.close?.(other(ws), code, reason);
    },
  };
}
