// The OpenAI Realtime stand-in (GA protocol): wss /v1/realtime?model=M on the OpenAI stand-in's
// port, so OPENAI_BASE_URL serves both. Auth: `Authorization: Bearer KEY` or the browser
// subprotocol `openai-insecure-api-key.KEY`. session.created on open; session.update (GA
// shape, `session.type: "realtime"`) merges and answers session.updated. Appended audio in the
// session's input format feeds an energy server VAD (speech_started/speech_stopped, commit,
// the user item and, when transcription is configured, its scripted transcription), which
// creates the response and cancels one in progress when the caller speaks over it
// (`interrupt_response`). Without turn detection the client commits and asks for responses.
// Truncation, function results, cancels and errors behave as documented; everything the
// client sent is kept in the RealtimeLog.
import type { Server, ServerWebSocket, WebSocketHandler } from "bun";
import type {
  ConversationItem,
  RealtimeAudioInputTurnDetection,
  RealtimeSessionCreateRequest,
} from "openai/resources/realtime/realtime";
import type { StandInState } from "./faults.ts";
import { createItem, truncateItem } from "./openai-realtime-items.ts";
import {
  type CancelReason,
  type ItemState,
  OpenAiResponseRun,
  type OutgoingEvent,
} from "./openai-realtime-response.ts";
import {
  audioFormatOf,
  declaredTools,
  defaultSession,
  isKnownFormat,
  type ProtocolError,
  silenceMsOf,
  updatedSession,
} from "./openai-realtime-session.ts";
import { bytesPerMs, decodeToLinear, OPENAI_PCM_FORMAT } from "./realtime-audio.ts";
import { type RealtimeConnectionRecord, type RealtimeLog, recordEvent } from "./realtime-log.ts";
import { greetingFor, nextUtterance, type PlannedResponse, replyTo } from "./realtime-script.ts";
import { EnergyVad } from "./realtime-vad.ts";
import type { StandInScript } from "./script.ts";

/** A committed buffer must hold at least this much audio (the API's own minimum). */
const MIN_COMMIT_MS = 100;

export interface OpenAiRealtimeConnection {
  record: RealtimeConnectionRecord;
  session: RealtimeSessionCreateRequest;
  vad: EnergyVad;
  items: ItemState[];
  /** The user item the buffered audio becomes when committed. */
  pendingItemId: string;
  bufferedBytes: number;
  /** Scripted utterances handed out on this connection. */
  utterances: number;
  response: OpenAiResponseRun | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  nextId: number;
  closed: boolean;
}

type ClientEvent = Record<string, unknown> & { type?: unknown; event_id?: unknown };
type Socket = ServerWebSocket<OpenAiRealtimeConnection>;

export function openAiRealtime(script: StandInScript, state: StandInState, log: RealtimeLog) {
  const send = (ws: Socket, event: OutgoingEvent) => {
    if (ws.data.closed) return;
    ws.send(JSON.stringify({ event_id: newId(ws.data, "event"), ...event }));
  };
  const fail = (ws: Socket, clientEvent: ClientEvent, error: ProtocolError) =>
    send(ws, {
      type: "error",
      error: {
        type: "invalid_request_error",
        ...error,
        event_id: typeof clientEvent.event_id === "string" ? clientEvent.event_id : null,
      },
    });

  const inputFormat = (ws: Socket) => audioFormatOf(ws.data.session.audio?.input?.format);
  const turnDetection = (ws: Socket) => ws.data.session.audio?.input?.turn_detection ?? null;
  const silenceMs = (detection: RealtimeAudioInputTurnDetection | null) =>
    silenceMsOf(detection, script.realtime.silenceDurationMs);

  const commit = (ws: Socket, speechEndedAtMs: number): string => {
    const connection = ws.data;
    const itemId = connection.pendingItemId;
    const previous = connection.items.at(-1)?.item.id ?? null;
    const said = nextUtterance(script.realtime, connection.vad.takeSpeechMs(), connection.utterances);
    if (said !== null) connection.utterances += 1;
    const item: ConversationItem & { id: string } = {
      id: itemId,
      object: "realtime.item",
      type: "message",
      role: "user",
      status: "completed",
      content: [{ type: "input_audio" }],
    };
    connection.items.push({
      item,
      audioMs: connection.bufferedBytes / bytesPerMs(inputFormat(ws)),
      text: said ?? "",
    });
    connection.pendingItemId = newId(connection, "item");
    connection.bufferedBytes = 0;
    send(ws, { type: "input_audio_buffer.committed", previous_item_id: previous, item_id: itemId });
    send(ws, { type: "conversation.item.added", previous_item_id: previous, item });
    send(ws, { type: "conversation.item.done", previous_item_id: previous, item });
    if (connection.session.audio?.input?.transcription) {
      later(ws, speechEndedAtMs + script.realtime.transcriptionDelayMs, () =>
        send(ws, {
          type: "conversation.item.input_audio_transcription.completed",
          item_id: itemId,
          content_index: 0,
          transcript: said ?? "",
          usage: { type: "duration", seconds: Math.ceil((connection.items.at(-1)?.audioMs ?? 0) / 1000) },
        }),
      );
    }
    return itemId;
  };

  const plan = (ws: Socket, instructions: string | undefined): PlannedResponse => {
    const items = ws.data.items;
    const last = items.at(-1);
    if (last?.item.type === "function_call_output")
      return { text: script.realtime.afterToolReply, toolCalls: [] };
    if (last?.item.type === "message" && last.item.role === "user") {
      return replyTo(script.realtime, last.text, ws.data.record.tools);
    }
    return { text: greetingFor(script.realtime, instructions), toolCalls: [] };
  };

  const respond = (ws: Socket, startedAtMs: number, instructions?: string) => {
    const connection = ws.data;
    const run = new OpenAiResponseRun({
      script: script.realtime,
      record: connection.record,
      outputFormat: audioFormatOf(connection.session.audio?.output?.format),
      instructions: `${connection.session.instructions ?? ""}${instructions ?? ""}`,
      items: connection.items,
      send: (event) => send(ws, event),
      newId: (prefix) => newId(connection, prefix),
    });
    connection.response = run;
    void run.run(plan(ws, instructions), startedAtMs).finally(() => {
      if (connection.response === run) connection.response = null;
    });
  };

  const cancelResponse = (ws: Socket, reason: CancelReason): boolean =>
    ws.data.response?.cancel(reason) ?? false;

  const onAudio = (ws: Socket, event: ClientEvent) => {
    const connection = ws.data;
    if (typeof event.audio !== "string")
      return fail(ws, event, { code: "invalid_value", message: "audio must be base64", param: "audio" });
    const bytes = new Uint8Array(Buffer.from(event.audio, "base64"));
    connection.record.audioInBytes += bytes.length;
    connection.bufferedBytes += bytes.length;
    const detection = turnDetection(ws);
    for (const vadEvent of connection.vad.push(
      decodeToLinear(inputFormat(ws), bytes),
      silenceMs(detection),
    )) {
      if (vadEvent.type === "speech_started") {
        send(ws, {
          type: "input_audio_buffer.speech_started",
          audio_start_ms: vadEvent.atMs,
          item_id: connection.pendingItemId,
        });
        if (detection?.interrupt_response !== false) cancelResponse(ws, "turn_detected");
        continue;
      }
      send(ws, {
        type: "input_audio_buffer.speech_stopped",
        audio_end_ms: vadEvent.atMs,
        item_id: connection.pendingItemId,
      });
      const endedAtMs = performance.now();
      commit(ws, endedAtMs);
      if (detection?.create_response !== false && !connection.response?.active) respond(ws, endedAtMs);
    }
  };

  const onSessionUpdate = (ws: Socket, event: ClientEvent) => {
    const outcome = updatedSession(ws.data.session, event.session);
    if ("error" in outcome) return fail(ws, event, outcome.error);
    ws.data.session = outcome.session;
    ws.data.record.session = structuredClone(outcome.session) as unknown as Record<string, unknown>;
    ws.data.record.tools = declaredTools(outcome.session);
    send(ws, { type: "session.updated", session: outcome.session });
  };

  const onItemCreate = (ws: Socket, event: ClientEvent) => {
    const connection = ws.data;
    const outcome = createItem(connection.items, event.item, () => newId(connection, "item"));
    if ("error" in outcome) return fail(ws, event, outcome.error);
    const { stored, previousItemId } = outcome;
    if (stored.type === "function_call_output") {
      connection.record.functionResults.push({ call_id: stored.call_id, output: stored.output });
    }
    send(ws, { type: "conversation.item.added", previous_item_id: previousItemId, item: stored });
    send(ws, { type: "conversation.item.done", previous_item_id: previousItemId, item: stored });
  };

  const onTruncate = (ws: Socket, event: ClientEvent) => {
    const itemId = String(event.item_id ?? "");
    const audioEndMs = Number(event.audio_end_ms);
    const contentIndex = Number(event.content_index ?? 0);
    ws.data.record.truncations.push({
      item_id: itemId,
      content_index: contentIndex,
      audio_end_ms: audioEndMs,
    });
    const error = truncateItem(ws.data.items, itemId, audioEndMs);
    if (error) return fail(ws, event, error);
    send(ws, {
      type: "conversation.item.truncated",
      item_id: itemId,
      content_index: contentIndex,
      audio_end_ms: audioEndMs,
    });
  };

  const onMessage = (ws: Socket, event: ClientEvent, arrivedAtMs: number) => {
    const connection = ws.data;
    const type = typeof event.type === "string" ? event.type : "";
    if (type === "input_audio_buffer.append") {
      connection.record.counts[type] = (connection.record.counts[type] ?? 0) + 1;
      state.message("openai-realtime", type);
      return onAudio(ws, event);
    }
    recordEvent(connection.record, type, event);
    state.message("openai-realtime", type);
    switch (type) {
      case "session.update":
        return onSessionUpdate(ws, event);
      case "input_audio_buffer.commit": {
        const bufferedMs = connection.bufferedBytes / bytesPerMs(inputFormat(ws));
        if (bufferedMs < MIN_COMMIT_MS) {
          return fail(ws, event, {
            code: "input_audio_buffer_commit_empty",
            message: `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${bufferedMs.toFixed(2)}ms of audio.`,
            param: null,
          });
        }
        commit(ws, arrivedAtMs);
        return;
      }
      case "input_audio_buffer.clear":
        connection.vad.clear();
        connection.bufferedBytes = 0;
        return send(ws, { type: "input_audio_buffer.cleared" });
      case "conversation.item.create":
        return onItemCreate(ws, event);
      case "conversation.item.truncate":
        return onTruncate(ws, event);
      case "response.create": {
        if (connection.response?.active) {
          return fail(ws, event, {
            code: "conversation_already_has_active_response",
            message: `Conversation already has an active response in progress: ${connection.response.id}. Wait until the response is finished before creating a new one.`,
            param: null,
          });
        }
        const response = event.response as { instructions?: string } | undefined;
        return respond(ws, arrivedAtMs, response?.instructions);
      }
      case "response.cancel": {
        const wanted = typeof event.response_id === "string" ? event.response_id : null;
        const current = connection.response;
        if (!current?.active || (wanted && wanted !== current.id)) {
          return fail(ws, event, {
            code: "response_cancel_not_active",
            message: "Cancellation failed: no active response found",
            param: null,
          });
        }
        cancelResponse(ws, "client_cancelled");
        return;
      }
      default:
        return fail(ws, event, {
          code: "invalid_value",
          message: `Invalid value: '${type}'.`,
          param: "type",
        });
    }
  };

  const upgrade = (request: Request, server: Server<OpenAiRealtimeConnection>): Response | undefined => {
    const url = new URL(request.url);
    const model = url.searchParams.get("model");
    const offered = (request.headers.get("sec-websocket-protocol") ?? "")
      .split(",")
      .map((value) => value.trim());
    const keyProtocol = offered.find((value) => value.startsWith("openai-insecure-api-key."));
    const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
    const apiKey = bearer ?? keyProtocol?.slice("openai-insecure-api-key.".length) ?? null;
    const stats = state.request("openai-realtime", { model, api_key_present: apiKey !== null });
    const expectedKey = script.apiKeys.openai;
    if (expectedKey && apiKey !== expectedKey) {
      return Response.json(
        { error: { message: "Incorrect API key provided", code: "invalid_api_key" } },
        { status: 401 },
      );
    }
    const fault = state.takeFault("openai-realtime");
    if (fault)
      return Response.json({ error: { message: "injected failure" } }, { status: fault.status ?? 500 });
    if (!model) {
      return Response.json(
        { error: { message: "Missing required parameter: 'model'.", code: "missing_model" } },
        { status: 400 },
      );
    }
    const connection: OpenAiRealtimeConnection = {
      record: log.open(model, apiKey),
      session: defaultSession(model, script.realtime.silenceDurationMs),
      vad: new EnergyVad(OPENAI_PCM_FORMAT.sampleRateHz, () => script.realtime.speechRmsThreshold),
      items: [],
      pendingItemId: "",
      bufferedBytes: 0,
      utterances: 0,
      response: null,
      timers: new Set(),
      nextId: 0,
      closed: false,
    };
    connection.pendingItemId = newId(connection, "item");
    const headers = offered.includes("realtime") ? { "sec-websocket-protocol": "realtime" } : undefined;
    if (server.upgrade(request, { data: connection, headers })) return undefined;
    stats.requests -= 1;
    return new Response("expected a WebSocket upgrade", { status: 426 });
  };

  const websocket: WebSocketHandler<OpenAiRealtimeConnection> = {
    open(ws) {
      send(ws, { type: "session.created", session: ws.data.session });
    },
    message(ws, message) {
      const arrivedAtMs = performance.now();
      let event: ClientEvent;
      try {
        event = JSON.parse(typeof message === "string" ? message : new TextDecoder().decode(message));
      } catch {
        return fail(
          ws,
          {},
          { code: "invalid_json", message: "The server could not parse the event as JSON.", param: null },
        );
      }
      // The VAD decodes each append in the input format the session has at that moment.
      if (event.type === "session.update") ws.data.vad = vadFor(ws.data, event, script);
      onMessage(ws, event, arrivedAtMs);
    },
    close(ws) {
      ws.data.closed = true;
      ws.data.record.closed = true;
      ws.data.response?.abandon();
      for (const timer of ws.data.timers) clearTimeout(timer);
      state.of("openai-realtime").completed += 1;
    },
  };

  function later(ws: Socket, atMs: number, action: () => void) {
    const timer = setTimeout(
      () => {
        ws.data.timers.delete(timer);
        action();
      },
      Math.max(0, atMs - performance.now()),
    );
    ws.data.timers.add(timer);
  }

  return { upgrade, websocket };
}

function newId(connection: OpenAiRealtimeConnection, prefix: string): string {
  connection.nextId += 1;
  return `${prefix}_${connection.nextId.toString().padStart(6, "0")}${crypto.randomUUID().slice(0, 8)}`;
}

/** A session.update that changes the input format starts a VAD at the new rate. */
function vadFor(connection: OpenAiRealtimeConnection, event: ClientEvent, script: StandInScript): EnergyVad {
  const format = (event.session as RealtimeSessionCreateRequest | undefined)?.audio?.input?.format;
  if (!format || !isKnownFormat(format)) return connection.vad;
  const sampleRateHz = audioFormatOf(format).sampleRateHz;
  const current = audioFormatOf(connection.session.audio?.input?.format).sampleRateHz;
  if (sampleRateHz === current) return connection.vad;
  const vad = new EnergyVad(sampleRateHz, () => script.realtime.speechRmsThreshold);
  vad.audioMs = connection.vad.audioMs;
  return vad;
}
