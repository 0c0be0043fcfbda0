// ElevenLabs stream-input WebSocket: a BOS message carrying xi_api_key and voice settings,
// the text, then EOS (empty text); audio arrives base64 in `audio` until `isFinal`.
// output_format pcm_16000 is raw little-endian PCM16 at 16 kHz.
import { AsyncQueue } from "../base/async-queue.ts";
import { ProviderAbortError } from "../base/errors.ts";
import { pcmStream } from "../base/pcm-bytes.ts";
import { openWebSocket, toWebSocketUrl } from "../base/websocket.ts";
import { ProviderError, type TtsOptions, type TtsProvider } from "../types.ts";

const ELEVENLABS_PCM_SAMPLE_RATE_HZ = 16_000;

interface ElevenLabsOptions {
  baseUrl: string;
  apiKey: string | null;
  modelId: string;
}

interface StreamMessage {
  audio?: string | null;
  isFinal?: boolean | null;
  error?: string;
  message?: string;
}

export class ElevenLabsTts implements TtsProvider {
  readonly name = "elevenlabs";

  constructor(private readonly options: ElevenLabsOptions) {}

  async *synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    const url = toWebSocketUrl(
      this.options.baseUrl,
      `/text-to-speech/${encodeURIComponent(options.voiceId)}/stream-input`,
      { model_id: this.options.modelId, output_format: `pcm_${ELEVENLABS_PCM_SAMPLE_RATE_HZ}` },
    );
    const socket = await openWebSocket(this.name, url, {}, signal);
    const bytes = new AsyncQueue<Uint8Array>();
    const onAbort = () => {
      bytes.fail(new ProviderAbortError());
      socket.close();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") return;
      let message: StreamMessage;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.error || (message.message && !message.audio && message.isFinal === undefined)) {
        bytes.fail(new ProviderError(this.name, message.message ?? message.error ?? "error", false));
        return;
      }
      if (message.audio) bytes.push(Uint8Array.from(Buffer.from(message.audio, "base64")));
      if (message.isFinal) bytes.end();
    });
    socket.addEventListener("close", (event) => {
      // 1000 after isFinal is the normal end; anything else before it is a failure.
      if (event.code === 1000) bytes.end();
      else bytes.fail(new ProviderError(this.name, `socket closed (${event.code}) ${event.reason}`, true));
    });
    try {
      socket.send(
        JSON.stringify({
          text: " ",
          voice_settings: {
            stability: 0.5,
            similarity_boost: 0.8,
            ...(options.speed ? { speed: options.speed } : {}),
          },
          ...(this.options.apiKey ? { xi_api_key: this.options.apiKey } : {}),
        }),
      );
      socket.send(JSON.stringify({ text: `${text.trim()} `, flush: true }));
      socket.send(JSON.stringify({ text: "" }));
      yield* pcmStream(bytes, ELEVENLABS_PCM_SAMPLE_RATE_HZ, options.sampleRateHz);
    } finally {
      signal.removeEventListener("abort", onAbort);
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close();
    }
  }
}
