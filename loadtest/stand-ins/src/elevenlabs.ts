// The ElevenLabs stand-in: /v1/text-to-speech/{voice_id}/stream-input over WebSocket. The first
// message (BOS) carries xi_api_key; text messages accumulate until `flush: true` or EOS
// (text ""), then audio goes out base64 in `audio` after a scripted first-byte delay, and the
// stream ends with `isFinal: true` and a normal close.
import type { ServerWebSocket } from "bun";
import { pcmBytes, synthesizeWords } from "./audio.ts";
import type { StandInState } from "./faults.ts";
import type { StandInScript } from "./script.ts";
import { sleepUntil } from "./timing.ts";

const PATH = /^\/v1\/text-to-speech\/([^/]+)\/stream-input$/;
const FORMATS: Record<string, number> = {
  pcm_16000: 16_000,
  pcm_22050: 22_050,
  pcm_24000: 24_000,
  pcm_44100: 44_100,
};

interface InputSession {
  voiceId: string;
  sampleRateHz: number;
  sawBos: boolean;
  text: string;
  /** Synthesis runs one flush at a time, in order. */
  queue: Promise<void>;
  closed: boolean;
  /** EOS received. */
  ended: boolean;
  /** isFinal sent. */
  finished: boolean;
}

export function startElevenLabsStandIn(script: StandInScript, state: StandInState) {
  const speak = async (ws: ServerWebSocket<InputSession>, text: string, arrivedAtMs: number) => {
    const session = ws.data;
    if (!text.trim() || session.closed) return;
    const audio = pcmBytes(synthesizeWords(text, session.sampleRateHz, script.elevenlabs.msPerWord));
    const chunkBytes = Math.round((session.sampleRateHz * script.elevenlabs.chunkMs) / 1000) * 2;
    await sleepUntil(arrivedAtMs + script.elevenlabs.firstByteMs);
    for (let offset = 0; offset < audio.length && !session.closed; offset += chunkBytes) {
      if (offset > 0 && script.elevenlabs.chunkIntervalMs > 0)
        await Bun.sleep(script.elevenlabs.chunkIntervalMs);
      if (session.closed) return;
      const chunk = audio.subarray(offset, offset + chunkBytes);
      ws.send(
        JSON.stringify({
          audio: Buffer.from(chunk).toString("base64"),
          isFinal: null,
          normalizedAlignment: null,
          alignment: null,
        }),
      );
    }
  };

  return Bun.serve<InputSession>({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 0,
    fetch(request, server) {
      const url = new URL(request.url);
      const match = PATH.exec(url.pathname);
      if (!match) return new Response("not found", { status: 404 });
      const stats = state.request("elevenlabs", {
        voiceId: match[1],
        ...Object.fromEntries(url.searchParams),
      });
      const fault = state.takeFault("elevenlabs");
      if (fault) return new Response("injected failure", { status: fault.status ?? 500 });
      const format = url.searchParams.get("output_format") ?? "mp3_44100_128";
      const sampleRateHz = FORMATS[format];
      if (!sampleRateHz) {
        return Response.json(
          {
            detail: {
              status: "invalid_output_format",
              message: `this stand-in speaks only ${Object.keys(FORMATS).join(", ")}`,
            },
          },
          { status: 400 },
        );
      }
      const data: InputSession = {
        voiceId: decodeURIComponent(match[1] ?? ""),
        sampleRateHz,
        sawBos: false,
        text: "",
        queue: Promise.resolve(),
        closed: false,
        ended: false,
        finished: false,
      };
      if (server.upgrade(request, { data })) return;
      stats.requests -= 1;
      return new Response("upgrade failed", { status: 400 });
    },
    websocket: {
      message(ws, raw) {
        const arrivedAtMs = performance.now();
        const session = ws.data;
        if (typeof raw !== "string" || session.ended) return;
        let message: { text?: string; xi_api_key?: string; flush?: boolean };
        try {
          message = JSON.parse(raw);
        } catch {
          return;
        }
        if (!session.sawBos) {
          session.sawBos = true;
          state.message("elevenlabs", "BOS");
          const expectedKey = script.apiKeys.elevenlabs;
          if (expectedKey && message.xi_api_key !== expectedKey) {
            ws.send(JSON.stringify({ message: "Invalid API key", error: "invalid_api_key", code: 1008 }));
            ws.close(1008, "invalid api key");
          }
          return;
        }
        const text = message.text ?? "";
        if (text === "") {
          state.message("elevenlabs", "EOS");
          session.ended = true;
          const pending = session.text;
          session.text = "";
          session.queue = session.queue
            .then(() => speak(ws, pending, arrivedAtMs))
            .then(() => {
              if (session.closed) return;
              session.finished = true;
              ws.send(JSON.stringify({ isFinal: true }));
              state.of("elevenlabs").completed += 1;
              ws.close(1000, "");
            });
          return;
        }
        state.message("elevenlabs", "text");
        session.text += text;
        if (message.flush) {
          const pending = session.text;
          session.text = "";
          session.queue = session.queue.then(() => speak(ws, pending, arrivedAtMs));
        }
      },
      close(ws) {
        const session = ws.data;
        if (!session.finished) state.of("elevenlabs").aborted += 1;
        session.closed = true;
      },
    },
  });
}
