// OpenAI realtime transcription over WebSocket (GA protocol): wss {base}/realtime?intent=
// transcription, then session.update with `session.type: "transcription"` (24 kHz audio/pcm,
// the model and language, turn_detection null: the gateway's VAD and endpointing decide when a
// segment ends and commit it). Caller audio goes as input_audio_buffer.append (resampled from
// 16 kHz); conversation.item.input_audio_transcription.delta gives interim text, .completed
// the final. Models that do not stream, a tenant's own base URL (only reachable through the
// outbound guard, which speaks HTTP) and a socket that cannot be opened use segment upload
// (`stt.ts`) instead.
import { Resampler } from "../../media/resampler.ts";
import { toProviderError } from "../base/errors.ts";
import { openWebSocket, toWebSocketUrl } from "../base/websocket.ts";
import {
  ProviderError,
  type SttOptions,
  type SttProvider,
  type SttSession,
  type TranscriptEvent,
} from "../types.ts";
import type { OpenAiConnection } from "./client.ts";
import { OpenAiStt } from "./stt.ts";

/** Transcription models served on the realtime socket; prefixes, so dated snapshots match. */
const STREAMING_MODELS = [
  "gpt-realtime-whisper",
  "gpt-live-transcribe",
  "gpt-4o-transcribe",
  "gpt-4o-mini-transcribe",
];
const WIRE_SAMPLE_RATE_HZ = 24_000;
/** The API refuses to commit less audio than this. */
const MIN_COMMIT_MS = 100;
const SESSION_UPDATE_TIMEOUT_MS = 5_000;
const CLOSE_TIMEOUT_MS = 1_000;

export function isStreamingTranscriptionModel(model: string): boolean {
  return STREAMING_MODELS.some((prefix) => model.startsWith(prefix));
}

interface ServerEvent {
  type?: string;
  item_id?: string;
  delta?: string;
  transcript?: string;
  error?: { type?: string; code?: string; message?: string };
}

/** One committed (or about to be committed) segment, answered in commit order. */
interface Segment {
  itemId: string | null;
  text: string;
  final: string | null;
}

export class OpenAiRealtimeStt implements SttProvider {
  readonly name = "openai";
  private readonly segments: OpenAiStt;

  constructor(private readonly connection: OpenAiConnection) {
    this.segments = new OpenAiStt(connection);
  }

  async open(
    options: SttOptions,
    onTranscript: (event: TranscriptEvent) => void,
    onError: (error: ProviderError) => void,
  ): Promise<SttSession> {
    if (!isStreamingTranscriptionModel(options.model) || this.connection.fetch) {
      return this.segments.open(options, onTranscript, onError);
    }
    let socket: WebSocket;
    try {
      socket = await this.connect(options);
    } catch (error) {
      const failure = toProviderError(this.name, error);
      // A refused key or model is the caller's to fix; anything else falls back to upload.
      if (failure.status === 401 || failure.status === 403) throw failure;
      return this.segments.open(options, onTranscript, onError);
    }
    return new RealtimeTranscriptionSession(this.name, socket, options, onTranscript, onError);
  }

  /** Opens the socket and configures the transcription session; resolves on session.updated. */
  private async connect(options: SttOptions): Promise<WebSocket> {
    const url = toWebSocketUrl(this.connection.baseUrl, "/realtime", { intent: "transcription" });
    const headers: Record<string, string> = this.connection.apiKey
      ? { Authorization: `Bearer ${this.connection.apiKey}` }
      : {};
    const socket = await openWebSocket(this.name, url, headers);
    const transcription: Record<string, string> = { model: options.model };
    if (options.language) transcription.language = options.language;
    socket.send(
      JSON.stringify({
        type: "session.update",
        session: {
          type: "transcription",
          audio: {
            input: {
              format: { type: "audio/pcm", rate: WIRE_SAMPLE_RATE_HZ },
              transcription,
              turn_detection: null,
            },
          },
        },
      }),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        done();
        reject(new ProviderError(this.name, "no session.updated", true));
      }, SESSION_UPDATE_TIMEOUT_MS);
      const onMessage = (event: MessageEvent) => {
        const message = parse(event.data);
        if (message?.type === "session.updated") {
          done();
          resolve();
        } else if (message?.type === "error") {
          done();
          reject(new ProviderError(this.name, message.error?.message ?? "session.update refused", false));
        }
      };
      const onClose = (event: CloseEvent) => {
        done();
        reject(new ProviderError(this.name, `closed while configuring (${event.code})`, true));
      };
      const done = () => {
        clearTimeout(timer);
        socket.removeEventListener("message", onMessage);
        socket.removeEventListener("close", onClose);
      };
      socket.addEventListener("message", onMessage);
      socket.addEventListener("close", onClose);
    }).catch((error) => {
      socket.close();
      throw error;
    });
    return socket;
  }
}

function parse(data: unknown): ServerEvent | null {
  if (typeof data !== "string") return null;
  try {
    return JSON.parse(data) as ServerEvent;
  } catch {
    return null;
  }
}

class RealtimeTranscriptionSession implements SttSession {
  private readonly resampler: Resampler;
  private readonly wire: Int16Array;
  /** Segments flushed and not yet answered, in commit order; the last may still be open. */
  private readonly queue: Segment[] = [];
  /** Interim text of the segment still being spoken (deltas before its commit). */
  private current: Segment = { itemId: null, text: "", final: null };
  private appendedMs = 0;
  private closing = false;

  constructor(
    private readonly provider: string,
    private readonly socket: WebSocket,
    private readonly options: SttOptions,
    private readonly onTranscript: (event: TranscriptEvent) => void,
    private readonly onError: (error: ProviderError) => void,
  ) {
    this.resampler = new Resampler(options.sampleRateHz, WIRE_SAMPLE_RATE_HZ, 4096);
    this.wire = new Int16Array(this.resampler.maxOutputSamples);
    socket.addEventListener("message", (event) => this.receive(parse(event.data)));
    socket.addEventListener("close", (event) => {
      this.resampler.destroy();
      if (!this.closing) this.onError(new ProviderError(provider, `socket closed (${event.code})`, true));
    });
  }

  sendAudio(pcm: Int16Array): void {
    if (this.closing || this.socket.readyState !== WebSocket.OPEN) return;
    for (let offset = 0; offset < pcm.length; offset += 4096) {
      const written = this.resampler.process(pcm.subarray(offset, offset + 4096), this.wire);
      const bytes = new Uint8Array(this.wire.buffer, 0, written * 2);
      this.send({ type: "input_audio_buffer.append", audio: Buffer.from(bytes).toString("base64") });
    }
    this.appendedMs += (pcm.length * 1000) / this.options.sampleRateHz;
  }

  flush(): void {
    const segment = this.current;
    this.current = { itemId: null, text: "", final: null };
    this.queue.push(segment);
    // Too little audio to commit (the API refuses it): nothing was said.
    if (this.appendedMs < MIN_COMMIT_MS) segment.final = "";
    else this.send({ type: "input_audio_buffer.commit" });
    this.appendedMs = 0;
    this.resampler.reset();
    this.drain();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const closed = new Promise<void>((resolve) => this.socket.addEventListener("close", () => resolve()));
    this.socket.close(1000);
    const timer = setTimeout(() => this.resampler.destroy(), CLOSE_TIMEOUT_MS);
    await Promise.race([closed, Bun.sleep(CLOSE_TIMEOUT_MS)]);
    clearTimeout(timer);
  }

  private send(event: Record<string, unknown>): void {
    try {
      this.socket.send(JSON.stringify(event));
    } catch (error) {
      this.onError(toProviderError(this.provider, error));
    }
  }

  /**
   * The segment an event names. The server's items follow its buffer's commits in order, so an
   * item not seen yet is the oldest flushed segment whose commit has not been acknowledged
   * (its deltas can arrive after the flush was sent), else the one still being spoken.
   */
  private segmentOf(itemId: string | undefined): Segment {
    const known = this.queue.find((segment) => segment.itemId === itemId);
    if (known) return known;
    const segment =
      this.queue.find((candidate) => candidate.itemId === null && candidate.final === null) ?? this.current;
    if (segment.itemId === null && itemId) segment.itemId = itemId;
    return segment;
  }

  private receive(event: ServerEvent | null): void {
    if (!event || this.closing) return;
    switch (event.type) {
      case "input_audio_buffer.committed":
        this.segmentOf(event.item_id);
        break;
      case "conversation.item.input_audio_transcription.delta": {
        const segment = this.segmentOf(event.item_id);
        segment.text += event.delta ?? "";
        if (segment.final === null && segment.text.trim()) {
          this.onTranscript({ text: segment.text.trim(), isFinal: false, endOfSpeech: false });
        }
        break;
      }
      case "conversation.item.input_audio_transcription.completed": {
        const segment = this.segmentOf(event.item_id);
        segment.final = (event.transcript ?? segment.text).trim();
        this.drain();
        break;
      }
      case "conversation.item.input_audio_transcription.failed":
        this.onError(new ProviderError(this.provider, event.error?.message ?? "transcription failed", true));
        break;
      case "error":
        if (event.error?.code === "input_audio_buffer_commit_empty") {
          const waiting = this.queue.find((segment) => segment.final === null && segment.itemId === null);
          if (waiting) waiting.final = "";
          this.drain();
          break;
        }
        this.onError(
          new ProviderError(
            this.provider,
            event.error?.message ?? "error",
            event.error?.type !== "invalid_request_error",
          ),
        );
        break;
    }
  }

  /** Finals leave in commit order, each as soon as those before it have left. */
  private drain(): void {
    while (this.queue.length > 0 && this.queue[0]!.final !== null) {
      const segment = this.queue.shift()!;
      this.onTranscript({ text: segment.final ?? "", isFinal: true, endOfSpeech: true });
    }
  }
}
