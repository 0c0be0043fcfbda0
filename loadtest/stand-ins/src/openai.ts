// The OpenAI stand-in server: chat completions, audio speech and transcriptions under /v1, and
// the Realtime WebSocket at /v1/realtime (a transcription session with ?intent=transcription).
import { faultResponse, type StandInState } from "./faults.ts";
import { speech, transcription } from "./openai-audio.ts";
import { chatCompletion } from "./openai-chat.ts";
import { openAiRealtime } from "./openai-realtime.ts";
import { openAiTranscription, withTranscriptionSockets } from "./openai-transcription.ts";
import { RealtimeLog } from "./realtime-log.ts";
import type { StandInScript } from "./script.ts";

export function startOpenAiStandIn(
  script: StandInScript,
  state: StandInState,
  realtimeLog = new RealtimeLog(),
) {
  const realtime = openAiRealtime(script, state, realtimeLog);
  const transcriptionSockets = openAiTranscription(script, state);
  return Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 0,
    websocket: withTranscriptionSockets(realtime.websocket, transcriptionSockets.websocket),
    async fetch(request, server) {
      const arrivedAtMs = performance.now();
      const path = new URL(request.url).pathname;
      if (path === "/v1/realtime") {
        return new URL(request.url).searchParams.get("intent") === "transcription"
          ? transcriptionSockets.upgrade(request, server)
          : realtime.upgrade(request, server);
      }
      const service =
        path === "/v1/chat/completions"
          ? "chat"
          : path === "/v1/audio/speech"
            ? "speech"
            : path === "/v1/audio/transcriptions"
              ? "transcription"
              : null;
      if (request.method !== "POST" || service === null) {
        return Response.json({ error: { message: `no route ${request.method} ${path}` } }, { status: 404 });
      }
      const expectedKey = script.apiKeys.openai;
      if (expectedKey && request.headers.get("authorization") !== `Bearer ${expectedKey}`) {
        state.request(service, null);
        return Response.json(
          { error: { message: "Incorrect API key provided", code: "invalid_api_key" } },
          { status: 401 },
        );
      }
      const fault = state.takeFault(service);
      const dropAfterChunks = fault?.dropAfterChunks;
      if (fault && dropAfterChunks === undefined) {
        return faultResponse(fault, request.signal, state.request(service, null));
      }
      if (service === "transcription")
        return transcription(script.transcription, state, request, arrivedAtMs);
      let body: Record<string, unknown>;
      try {
        body = (await request.json()) as Record<string, unknown>;
      } catch {
        return Response.json({ error: { message: "body is not JSON" } }, { status: 400 });
      }
      return service === "chat"
        ? chatCompletion(script.llm, state, body, request.signal, arrivedAtMs, dropAfterChunks)
        : speech(script.speech, state, body, request.signal, arrivedAtMs, dropAfterChunks);
    },
  });
}
