// The Gemini Live stand-in: the BidiGenerateContent WebSocket at
// /ws/google.ai.generativelanguage.{v1|v1beta|v1alpha}.GenerativeService.BidiGenerateContent?key=KEY
// (or the `x-goog-api-key` header), so GEMINI_BASE_URL=http://127.0.0.1:PORT works with
// @google/genai's `httpOptions.baseUrl`. The first message must be `setup` (answered with
// `setupComplete`); `realtimeInput` audio (`audio/pcm;rate=16000`, `audio` or the older
// `mediaChunks`) feeds an energy VAD unless `automaticActivityDetection.disabled`, in which case
// `activityStart`/`activityEnd` mark the caller's turns. The caller's turn gets an
// `inputTranscription` (when the setup asked for it) and the model's turn (gemini-live-turn.ts);
// speech over a model turn interrupts it unless `activityHandling` is NO_INTERRUPTION.
// `clientContent` with `turnComplete` asks for a turn (the greeting), `toolResponse` answers
// toolCalls. Server messages go out as binary frames of UTF-8 JSON, as the service sends them.
import type { Server, ServerWebSocket, WebSocketHandler } from "bun";
import type { StandInState } from "./faults.ts";
import { type GeminiContext, GeminiTurnRun, type ServerMessage } from "./gemini-live-turn.ts";
import { type RealtimeConnectionRecord, type RealtimeLog, recordEvent } from "./realtime-log.ts";
import { greetingFor, nextUtterance, type PlannedResponse, replyTo } from "./realtime-script.ts";
import { EnergyVad } from "./realtime-vad.ts";
import type { StandInScript } from "./script.ts";

const PATH_PATTERN =
  /\/ws\/google\.ai\.generativelanguage\.v1(alpha|beta)?\.GenerativeService\.BidiGenerateContent$/;
const DEFAULT_INPUT_RATE_HZ = 16_000;
/** Close code the service uses for a malformed or out-of-order message. */
const INVALID_PAYLOAD_CLOSE = 1007;

interface Setup {
  model?: string;
  systemInstruction?: { parts?: Array<{ text?: string }> };
  tools?: Array<{ functionDeclarations?: Array<{ name?: string }> }>;
  realtimeInputConfig?: {
    automaticActivityDetection?: { disabled?: boolean; silenceDurationMs?: number };
    activityHandling?: "START_OF_ACTIVITY_INTERRUPTS" | "NO_INTERRUPTION";
  };
  inputAudioTranscription?: Record<string, unknown>;
  outputAudioTranscription?: Record<string, unknown>;
}

export interface GeminiLiveConnection {
  record: RealtimeConnectionRecord;
  setup: Setup | null;
  vad: EnergyVad;
  context: GeminiContext;
  /** Scripted utterances handed out on this connection. */
  utterances: number;
  /** The caller's audio in the turn being heard, in ms. */
  turnAudioMs: number;
  turn: GeminiTurnRun | null;
  /** Function calls waiting for their toolResponse. */
  pendingCalls: Set<string>;
  modelTurns: number;
  timers: Set<ReturnType<typeof setTimeout>>;
  nextId: number;
  closed: boolean;
}

type ClientMessage = Record<string, unknown>;
type Socket = ServerWebSocket<GeminiLiveConnection>;

export function startGeminiLiveStandIn(script: StandInScript, state: StandInState, log: RealtimeLog) {
  const send = (ws: Socket, message: ServerMessage) => {
    if (!ws.data.closed) ws.send(new TextEncoder().encode(JSON.stringify(message)));
  };
  const newId = (connection: GeminiLiveConnection, prefix: string) => {
    connection.nextId += 1;
    return `${prefix}-${connection.nextId}-${crypto.randomUUID().slice(0, 8)}`;
  };
  const later = (ws: Socket, atMs: number, action: () => void) => {
    const timer = setTimeout(
      () => {
        ws.data.timers.delete(timer);
        action();
      },
      Math.max(0, atMs - performance.now()),
    );
    ws.data.timers.add(timer);
  };

  const startTurn = (ws: Socket, plan: PlannedResponse, startedAtMs: number) => {
    const connection = ws.data;
    connection.turn?.interrupt();
    connection.modelTurns += 1;
    const run = new GeminiTurnRun({
      script: script.realtime,
      record: connection.record,
      context: connection.context,
      outputTranscription: connection.setup?.outputAudioTranscription !== undefined,
      send: (message) => send(ws, message),
      onToolCall: (id) => connection.pendingCalls.add(id),
      newId: (prefix) => newId(connection, prefix),
    });
    connection.turn = run;
    void run.run(plan, startedAtMs).finally(() => {
      if (connection.turn === run) connection.turn = null;
    });
  };

  const interrupts = (connection: GeminiLiveConnection) =>
    connection.setup?.realtimeInputConfig?.activityHandling !== "NO_INTERRUPTION";

  const callerTurnEnded = (ws: Socket, endedAtMs: number) => {
    const connection = ws.data;
    const said = nextUtterance(script.realtime, connection.vad.takeSpeechMs(), connection.utterances);
    if (said !== null) connection.utterances += 1;
    connection.context.userAudioMs += connection.turnAudioMs;
    connection.context.textChars += said?.length ?? 0;
    connection.turnAudioMs = 0;
    if (said && connection.setup?.inputAudioTranscription !== undefined) {
      later(ws, endedAtMs + script.realtime.transcriptionDelayMs, () =>
        send(ws, { serverContent: { inputTranscription: { text: said } } }),
      );
    }
    startTurn(ws, replyTo(script.realtime, said ?? "", connection.record.tools), endedAtMs);
  };

  const onAudio = (ws: Socket, data: string, mimeType: string) => {
    const connection = ws.data;
    const bytes = Buffer.from(data, "base64");
    const rateHz = Number(/rate=(\d+)/.exec(mimeType)?.[1] ?? DEFAULT_INPUT_RATE_HZ);
    if (rateHz !== connection.vad.sampleRateHz) {
      const vad = new EnergyVad(rateHz, () => script.realtime.speechRmsThreshold);
      vad.audioMs = connection.vad.audioMs;
      connection.vad = vad;
    }
    connection.record.audioInBytes += bytes.length;
    connection.turnAudioMs += (bytes.length / 2 / rateHz) * 1000;
    const automatic = connection.setup?.realtimeInputConfig?.automaticActivityDetection?.disabled !== true;
    const silenceMs = automatic
      ? (connection.setup?.realtimeInputConfig?.automaticActivityDetection?.silenceDurationMs ??
        script.realtime.silenceDurationMs)
      : null;
    const samples = new Int16Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.length & ~1)),
    );
    for (const event of connection.vad.push(samples, silenceMs)) {
      if (event.type === "speech_started") {
        if (interrupts(connection)) connection.turn?.interrupt();
      } else {
        callerTurnEnded(ws, performance.now());
      }
    }
  };

  const onRealtimeInput = (ws: Socket, input: Record<string, unknown>, arrivedAtMs: number) => {
    const connection = ws.data;
    const audio = input.audio as { data?: string; mimeType?: string } | undefined;
    const chunks = (input.mediaChunks as Array<{ data?: string; mimeType?: string }> | undefined) ?? [];
    for (const blob of audio ? [audio, ...chunks] : chunks) {
      if (typeof blob.data === "string") onAudio(ws, blob.data, blob.mimeType ?? "");
    }
    if (input.activityStart !== undefined) {
      recordEvent(connection.record, "realtimeInput.activityStart", {});
      if (interrupts(connection)) connection.turn?.interrupt();
    }
    if (input.activityEnd !== undefined) {
      recordEvent(connection.record, "realtimeInput.activityEnd", {});
      callerTurnEnded(ws, arrivedAtMs);
    }
    if (typeof input.text === "string") {
      recordEvent(connection.record, "realtimeInput.text", { text: input.text });
      startTurn(ws, replyTo(script.realtime, input.text, connection.record.tools), arrivedAtMs);
    }
  };

  const onClientContent = (ws: Socket, content: Record<string, unknown>, arrivedAtMs: number) => {
    const connection = ws.data;
    const turns = (content.turns as Array<{ parts?: Array<{ text?: string }> }> | undefined) ?? [];
    const text = turns
      .flatMap((turn) => turn.parts ?? [])
      .map((part) => part.text ?? "")
      .join(" ");
    connection.context.textChars += text.length;
    if (content.turnComplete !== true) return;
    const plan =
      connection.modelTurns === 0
        ? { text: greetingFor(script.realtime, text), toolCalls: [] }
        : replyTo(script.realtime, text, connection.record.tools);
    startTurn(ws, plan, arrivedAtMs);
  };

  const onToolResponse = (ws: Socket, response: Record<string, unknown>, arrivedAtMs: number) => {
    const connection = ws.data;
    const answers =
      (response.functionResponses as Array<{ id?: string; response?: unknown }> | undefined) ?? [];
    for (const answer of answers) {
      connection.record.functionResults.push({ call_id: answer.id ?? "", output: answer.response });
      if (answer.id) connection.pendingCalls.delete(answer.id);
    }
    if (answers.length > 0 && connection.pendingCalls.size === 0) {
      startTurn(ws, { text: script.realtime.afterToolReply, toolCalls: [] }, arrivedAtMs);
    }
  };

  const onSetup = (ws: Socket, setup: Setup) => {
    const connection = ws.data;
    connection.setup = setup;
    connection.record.model = setup.model ?? null;
    connection.record.session = structuredClone(setup) as Record<string, unknown>;
    connection.record.tools = (setup.tools ?? []).flatMap((tool) =>
      (tool.functionDeclarations ?? []).flatMap((declaration) =>
        declaration.name ? [declaration.name] : [],
      ),
    );
    connection.context.instructionChars = (setup.systemInstruction?.parts ?? [])
      .map((part) => part.text ?? "")
      .join("").length;
    send(ws, { setupComplete: {} });
  };

  const websocket: WebSocketHandler<GeminiLiveConnection> = {
    message(ws, raw) {
      const arrivedAtMs = performance.now();
      const connection = ws.data;
      let message: ClientMessage;
      try {
        message = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
      } catch {
        ws.close(INVALID_PAYLOAD_CLOSE, "Invalid JSON payload received.");
        return;
      }
      const kind = Object.keys(message)[0] ?? "";
      state.message("gemini-live", kind);
      if (kind !== "realtimeInput") recordEvent(connection.record, kind, message);
      else connection.record.counts[kind] = (connection.record.counts[kind] ?? 0) + 1;
      if (!connection.setup && kind !== "setup") {
        ws.close(INVALID_PAYLOAD_CLOSE, "The first message must be setup.");
        return;
      }
      if (kind === "setup") {
        const setup = message.setup as Setup;
        if (connection.setup || typeof setup?.model !== "string" || !setup.model.startsWith("models/")) {
          ws.close(INVALID_PAYLOAD_CLOSE, "setup.model must name models/{model}, once.");
          return;
        }
        return onSetup(ws, setup);
      }
      const body = message[kind] as Record<string, unknown>;
      if (kind === "realtimeInput") return onRealtimeInput(ws, body, arrivedAtMs);
      if (kind === "clientContent") return onClientContent(ws, body, arrivedAtMs);
      if (kind === "toolResponse") return onToolResponse(ws, body, arrivedAtMs);
      ws.close(INVALID_PAYLOAD_CLOSE, `Unknown message ${kind}.`);
    },
    close(ws) {
      ws.data.closed = true;
      ws.data.record.closed = true;
      ws.data.turn?.abandon();
      for (const timer of ws.data.timers) clearTimeout(timer);
      state.of("gemini-live").completed += 1;
    },
  };

  const server: Server<GeminiLiveConnection> = Bun.serve<GeminiLiveConnection>({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 0,
    websocket,
    fetch(request, bunServer) {
      const url = new URL(request.url);
      if (!PATH_PATTERN.test(url.pathname.replace(/\/{2,}/g, "/"))) {
        return Response.json(
          { error: { code: 404, message: "not found", status: "NOT_FOUND" } },
          { status: 404 },
        );
      }
      const apiKey = url.searchParams.get("key") ?? request.headers.get("x-goog-api-key");
      const stats = state.request("gemini-live", { path: url.pathname, api_key_present: apiKey !== null });
      const expectedKey = script.apiKeys.gemini;
      if (expectedKey && apiKey !== expectedKey) {
        return Response.json(
          {
            error: {
              code: 400,
              message: "API key not valid. Please pass a valid API key.",
              status: "INVALID_ARGUMENT",
            },
          },
          { status: 400 },
        );
      }
      const fault = state.takeFault("gemini-live");
      if (fault)
        return Response.json({ error: { code: fault.status ?? 500 } }, { status: fault.status ?? 500 });
      const connection: GeminiLiveConnection = {
        record: log.open(null, apiKey),
        setup: null,
        vad: new EnergyVad(DEFAULT_INPUT_RATE_HZ, () => script.realtime.speechRmsThreshold),
        context: { instructionChars: 0, textChars: 0, userAudioMs: 0, modelAudioMs: 0 },
        utterances: 0,
        turnAudioMs: 0,
        turn: null,
        pendingCalls: new Set(),
        modelTurns: 0,
        timers: new Set(),
        nextId: 0,
        closed: false,
      };
      if (bunServer.upgrade(request, { data: connection })) return undefined;
      stats.requests -= 1;
      return new Response("expected a WebSocket upgrade", { status: 426 });
    },
  });
  return server;
}
