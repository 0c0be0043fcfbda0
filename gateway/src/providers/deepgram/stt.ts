// Deepgram live transcription over WebSocket: linear16 audio in binary frames, Results
// messages out (is_final: the text of that span is settled; speech_final: endpoint detected).
// UtteranceEnd: no words for `utterance_end_ms` (it needs interim_results), which end-of-turn
// detection weighs apart from speech_final. Control messages: Finalize (flush now), KeepAlive
// (Deepgram drops a socket after about 10 s without data), CloseStream (finish and close).
import { toProviderError } from "../base/errors.ts";
import { openWebSocket, toWebSocketUrl } from "../base/websocket.ts";
import {
  ProviderError,
  type SttOptions,
  type SttProvider,
  type SttSession,
  type TranscriptEvent,
} from "../types.ts";

interface DeepgramOptions {
  baseUrl: string;
  apiKey: string | null;
  /** Deepgram's own endpointing (silence in ms before speech_final). */
  endpointingMs: number;
  /** Gap between words that ends an utterance (UtteranceEnd); Deepgram's minimum is 1000. */
  utteranceEndMs?: number;
  keepAliveIntervalMs?: number;
  closeTimeoutMs?: number;
}

interface DeepgramResults {
  type: "Results";
  is_final?: boolean;
  speech_final?: boolean;
  from_finalize?: boolean;
  channel?: { alternatives?: Array<{ transcript?: string }> };
}

export class DeepgramStt implements SttProvider {
  readonly name = "deepgram";

  constructor(private readonly options: DeepgramOptions) {}

  async open(
    options: SttOptions,
    onTranscript: (event: TranscriptEvent) => void,
    onError: (error: ProviderError) => void,
  ): Promise<SttSession> {
    const url = toWebSocketUrl(this.options.baseUrl, "/listen", {
      encoding: "linear16",
      sample_rate: String(options.sampleRateHz),
      channels: "1",
      model: options.model,
      language: options.language,
      interim_results: "true",
      endpointing: String(this.options.endpointingMs),
      vad_events: "true",
      smart_format: "true",
      utterance_end_ms: String(this.options.utteranceEndMs ?? 1000),
    });
    const headers: Record<string, string> = this.options.apiKey
      ? { Authorization: `Token ${this.options.apiKey}` }
      : {};
    const socket = await openWebSocket(this.name, url, headers);
    let closing = false;

    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") return;
      let message: DeepgramResults | { type?: string; description?: string };
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.type === "Results") {
        const results = message as DeepgramResults;
        const text = results.channel?.alternatives?.[0]?.transcript ?? "";
        const isFinal = results.is_final === true;
        onTranscript({
          text,
          isFinal,
          endOfSpeech: isFinal && (results.speech_final === true || results.from_finalize === true),
        });
      } else if (message.type === "UtteranceEnd") {
        onTranscript({ text: "", isFinal: false, endOfSpeech: false, utteranceEnd: true });
      } else if (message.type === "Error") {
        onError(
          new ProviderError(this.name, (message as { description?: string }).description ?? "error", true),
        );
      }
    });
    socket.addEventListener("close", (event) => {
      clearInterval(keepAlive);
      if (!closing) onError(new ProviderError(this.name, `socket closed (${event.code})`, true));
    });

    const keepAlive = setInterval(() => {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "KeepAlive" }));
    }, this.options.keepAliveIntervalMs ?? 5_000);

    const send = (data: string | Int16Array<ArrayBuffer>) => {
      if (socket.readyState !== WebSocket.OPEN) return;
      try {
        socket.send(data);
      } catch (error) {
        onError(toProviderError(this.name, error));
      }
    };

    return {
      sendAudio: (pcm) => send(pcm as Int16Array<ArrayBuffer>),
      flush: () => send(JSON.stringify({ type: "Finalize" })),
      close: async () => {
        if (closing) return;
        closing = true;
        clearInterval(keepAlive);
        if (socket.readyState !== WebSocket.OPEN) return;
        const closed = new Promise<void>((resolve) => socket.addEventListener("close", () => resolve()));
        send(JSON.stringify({ type: "CloseStream" }));
        const timer = setTimeout(() => socket.close(), this.options.closeTimeoutMs ?? 2_000);
        await closed;
        clearTimeout(timer);
      },
    };
  }
}
