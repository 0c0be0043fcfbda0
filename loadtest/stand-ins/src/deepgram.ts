// The Deepgram live stand-in: wss /v1/listen with `Authorization: Token KEY`, linear16 audio
// in binary frames. Speech is found by frame energy; after `endpointing` ms of silence (or a
// Finalize) and a scripted delay it sends the final Results with the scripted utterance.
// Interim Results grow word by word while speech goes on. With `utterance_end_ms`, an
// UtteranceEnd follows once that much silence comes after the last speech. KeepAlive, Finalize and CloseStream
// behave as documented; an idle socket is closed like Deepgram does (1011).
import type { ServerWebSocket } from "bun";
import { rms } from "./audio.ts";
import type { StandInState } from "./faults.ts";
import type { StandInScript } from "./script.ts";

const FRAME_MS = 20;

interface ListenSession {
  sampleRateHz: number;
  endpointingMs: number;
  vadEvents: boolean;
  interimResults: boolean;
  utteranceEndMs: number | null;
  /** Speech was heard since the last UtteranceEnd. */
  speechSinceUtteranceEnd: boolean;
  requestId: string;
  pending: Uint8Array;
  audioMs: number;
  inSpeech: boolean;
  /** Speech heard since the last final. */
  heardSpeech: boolean;
  speechMs: number;
  silenceMs: number;
  lastInterimAtMs: number;
  utteranceStartMs: number;
  /** Each connection (a call) walks the scripted utterances from the first. */
  utteranceIndex: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  closed: boolean;
}

export function startDeepgramStandIn(script: StandInScript, state: StandInState) {
  const utteranceAt = (index: number) => {
    const utterances = script.deepgram.utterances;
    return utterances[index % Math.max(1, utterances.length)] ?? "";
  };
  const words = (text: string, fraction: number) => {
    const all = text.split(/\s+/).filter(Boolean);
    return all.slice(0, Math.max(1, Math.min(all.length, Math.ceil(all.length * fraction)))).join(" ");
  };

  const send = (ws: ServerWebSocket<ListenSession>, message: unknown) => {
    if (!ws.data.closed) ws.send(JSON.stringify(message));
  };
  const results = (ws: ServerWebSocket<ListenSession>, text: string, flags: Record<string, boolean>) => {
    const session = ws.data;
    send(ws, {
      type: "Results",
      channel_index: [0, 1],
      duration: (session.audioMs - session.utteranceStartMs) / 1000,
      start: session.utteranceStartMs / 1000,
      channel: { alternatives: [{ transcript: text, confidence: text ? 0.99 : 0, words: [] }] },
      metadata: { request_id: session.requestId },
      ...flags,
    });
  };
  const finalize = (ws: ServerWebSocket<ListenSession>, fromFinalize: boolean) => {
    const session = ws.data;
    const text = session.heardSpeech ? utteranceAt(session.utteranceIndex++) : "";
    session.heardSpeech = false;
    session.speechMs = 0;
    const timer = setTimeout(() => {
      session.timers.delete(timer);
      results(ws, text, { is_final: true, speech_final: !fromFinalize, from_finalize: fromFinalize });
      session.utteranceStartMs = session.audioMs;
    }, script.deepgram.finalizationDelayMs);
    session.timers.add(timer);
  };
  const touch = (ws: ServerWebSocket<ListenSession>) => {
    const session = ws.data;
    if (session.idleTimer) clearTimeout(session.idleTimer);
    session.idleTimer = setTimeout(() => {
      send(ws, { type: "Error", err_code: "NET-0001", description: "no audio received within the timeout" });
      ws.close(1011, "NET-0001");
    }, script.deepgram.idleCloseMs);
  };
  const onFrame = (ws: ServerWebSocket<ListenSession>, frame: Int16Array) => {
    const session = ws.data;
    session.audioMs += FRAME_MS;
    const speaking = rms(frame) >= script.deepgram.speechRmsThreshold;
    if (speaking) {
      if (!session.inSpeech) {
        session.inSpeech = true;
        if (!session.heardSpeech) session.utteranceStartMs = session.audioMs - FRAME_MS;
        if (session.vadEvents)
          send(ws, { type: "SpeechStarted", channel: [0], timestamp: session.audioMs / 1000 });
      }
      session.heardSpeech = true;
      session.speechSinceUtteranceEnd = true;
      session.speechMs += FRAME_MS;
      session.silenceMs = 0;
      if (
        session.interimResults &&
        session.audioMs - session.lastInterimAtMs >= script.deepgram.interimEveryMs
      ) {
        session.lastInterimAtMs = session.audioMs;
        const upcoming = utteranceAt(session.utteranceIndex);
        results(ws, words(upcoming, session.speechMs / 2000), { is_final: false, speech_final: false });
      }
      return;
    }
    session.silenceMs += FRAME_MS;
    if (
      session.utteranceEndMs !== null &&
      session.speechSinceUtteranceEnd &&
      session.silenceMs >= session.utteranceEndMs
    ) {
      session.speechSinceUtteranceEnd = false;
      send(ws, {
        type: "UtteranceEnd",
        channel: [0, 1],
        last_word_end: (session.audioMs - session.silenceMs) / 1000,
      });
    }
    if (session.inSpeech && session.silenceMs >= session.endpointingMs) {
      session.inSpeech = false;
      finalize(ws, false);
    }
  };

  return Bun.serve<ListenSession>({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 0,
    fetch(request, server) {
      const url = new URL(request.url);
      if (url.pathname !== "/v1/listen") return new Response("not found", { status: 404 });
      const stats = state.request("deepgram", Object.fromEntries(url.searchParams));
      const expectedKey = script.apiKeys.deepgram;
      if (expectedKey && request.headers.get("authorization") !== `Token ${expectedKey}`) {
        return Response.json({ err_code: "INVALID_AUTH", err_msg: "Invalid credentials." }, { status: 401 });
      }
      const fault = state.takeFault("deepgram");
      if (fault) return new Response("injected failure", { status: fault.status ?? 500 });
      if (url.searchParams.get("encoding") !== "linear16") {
        return Response.json(
          { err_code: "Bad Request", err_msg: "this stand-in takes encoding=linear16" },
          { status: 400 },
        );
      }
      const endpointing = url.searchParams.get("endpointing");
      const session: ListenSession = {
        sampleRateHz: Number(url.searchParams.get("sample_rate") ?? 16_000),
        endpointingMs:
          endpointing && endpointing !== "false" ? Number(endpointing) : script.deepgram.defaultEndpointingMs,
        vadEvents: url.searchParams.get("vad_events") === "true",
        interimResults: url.searchParams.get("interim_results") === "true",
        utteranceEndMs: url.searchParams.has("utterance_end_ms")
          ? Number(url.searchParams.get("utterance_end_ms"))
          : null,
        speechSinceUtteranceEnd: false,
        requestId: crypto.randomUUID(),
        pending: new Uint8Array(0),
        audioMs: 0,
        inSpeech: false,
        heardSpeech: false,
        speechMs: 0,
        silenceMs: 0,
        lastInterimAtMs: 0,
        utteranceStartMs: 0,
        utteranceIndex: 0,
        idleTimer: null,
        timers: new Set(),
        closed: false,
      };
      if (server.upgrade(request, { data: session, headers: { "dg-request-id": session.requestId } })) return;
      stats.requests -= 1;
      return new Response("upgrade failed", { status: 400 });
    },
    websocket: {
      open(ws) {
        touch(ws);
      },
      message(ws, message) {
        touch(ws);
        const session = ws.data;
        if (typeof message === "string") {
          let control: { type?: string };
          try {
            control = JSON.parse(message);
          } catch {
            return;
          }
          const type = control.type ?? "unknown";
          state.message("deepgram", type);
          if (type === "Finalize") finalize(ws, true);
          if (type === "CloseStream") {
            const timer = setTimeout(() => {
              send(ws, {
                type: "Metadata",
                request_id: session.requestId,
                duration: session.audioMs / 1000,
                channels: 1,
              });
              state.of("deepgram").completed += 1;
              ws.close(1000, "");
            }, script.deepgram.finalizationDelayMs);
            session.timers.add(timer);
          }
          return;
        }
        const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
        const frameBytes = ((session.sampleRateHz * FRAME_MS) / 1000) * 2;
        const joined = new Uint8Array(session.pending.length + bytes.length);
        joined.set(session.pending);
        joined.set(bytes, session.pending.length);
        let offset = 0;
        for (; offset + frameBytes <= joined.length; offset += frameBytes) {
          onFrame(ws, new Int16Array(joined.slice(offset, offset + frameBytes).buffer));
        }
        session.pending = joined.slice(offset);
      },
      close(ws) {
        const session = ws.data;
        session.closed = true;
        if (session.idleTimer) clearTimeout(session.idleTimer);
        for (const timer of session.timers) clearTimeout(timer);
      },
    },
  });
}
