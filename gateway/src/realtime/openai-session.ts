// OpenAI Realtime over its WebSocket (GA protocol): session.update configures audio formats,
// voice, instructions, tools and turn detection; caller audio goes up as
// input_audio_buffer.append; the model's audio, its transcript, the caller's transcription,
// function calls and usage come back as server events.
import type { Logger } from "@switchboard/shared/logger";
import { openWebSocket, toWebSocketUrl } from "../providers/base/websocket.ts";
import { g711ModelAudio, g711PassthroughAudio, type ModelAudio, pcmModelAudio } from "./model-audio.ts";
import type { RealtimeListener, RealtimeSession, RealtimeSessionConfig } from "./session.ts";
import type { RealtimeUsage } from "./settings.ts";

/** The API's only wideband rate (PCMAudioFormat: rate 24000). */
const OPENAI_PCM_RATE_HZ = 24_000;
const TRANSCRIPTION_MODEL = "gpt-4o-mini-transcribe";

export interface OpenAiRealtimeOptions {
  /** The REST base URL (`https://api.openai.com/v1`); the socket is `{base}/realtime?model=`. */
  baseUrl: string;
  apiKey: string | null;
  session: RealtimeSessionConfig;
  listener: RealtimeListener;
  logger?: Logger | null;
  signal?: AbortSignal;
}

interface ServerEvent {
  type: string;
  [field: string]: unknown;
}

interface UsageWire {
  input_token_details?: { text_tokens?: number; audio_tokens?: number };
  output_token_details?: { text_tokens?: number; audio_tokens?: number };
}

function audioFormat(codec: RealtimeSessionConfig["narrowbandCodec"]) {
  if (codec === "PCMU") return { type: "audio/pcmu" };
  if (codec === "PCMA") return { type: "audio/pcma" };
  return { type: "audio/pcm", rate: OPENAI_PCM_RATE_HZ };
}

function turnDetection(mode: RealtimeSessionConfig["turnDetection"]) {
  if (mode === "gateway") return null;
  // The gateway decides barge-in itself (minimum speech, false interruptions): the server
  // answers a finished turn but does not cut its own response off.
  return { type: mode, create_response: true, interrupt_response: false };
}

export function openAiUsage(model: string, usage: UsageWire | undefined): RealtimeUsage | null {
  if (!usage) return null;
  const input = usage.input_token_details ?? {};
  const output = usage.output_token_details ?? {};
  return {
    model,
    input_audio_tokens: input.audio_tokens ?? 0,
    output_audio_tokens: output.audio_tokens ?? 0,
    text_tokens: (input.text_tokens ?? 0) + (output.text_tokens ?? 0),
  };
}

export async function connectOpenAiRealtime(options: OpenAiRealtimeOptions): Promise<RealtimeSession> {
  const url = toWebSocketUrl(options.baseUrl, "/realtime", { model: options.session.model });
  const headers: Record<string, string> = {};
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  const socket = await openWebSocket("openai-realtime", url, headers, options.signal);
  return new OpenAiRealtimeSession(socket, options);
}

class OpenAiRealtimeSession implements RealtimeSession {
  readonly provider = "openai";
  private readonly audio: ModelAudio;
  private closed = false;
  /** A response.create was sent and its response.created has not arrived yet. */
  private requested = false;
  private activeResponseId: string | null = null;
  /** Asked for while a response was in progress: sent once it is done. */
  private deferredResponse: { instructions?: string } | null = null;
  private readonly cancelled = new Set<string>();
  /** A barge-in came between our response.create and its response.created: cancel that one. */
  private cancelRequested = false;
  /** Function calls of the latest response, and the outputs they got so far. */
  private readonly pendingCalls = new Set<string>();
  private readonly outputs: { callId: string; output: string }[] = [];
  private respondAfterOutputs = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: OpenAiRealtimeOptions,
  ) {
    const { session } = options;
    this.audio = !session.narrowbandCodec
      ? pcmModelAudio(OPENAI_PCM_RATE_HZ, OPENAI_PCM_RATE_HZ)
      : session.callRateHz === 8_000
        ? g711PassthroughAudio(session.narrowbandCodec)
        : g711ModelAudio(session.narrowbandCodec);
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => this.onClose());
    const format = audioFormat(session.narrowbandCodec);
    this.send({
      type: "session.update",
      session: {
        type: "realtime",
        model: session.model,
        instructions: session.instructions,
        output_modalities: ["audio"],
        audio: {
          input: {
            format,
            transcription: { model: TRANSCRIPTION_MODEL },
            turn_detection: turnDetection(session.turnDetection),
          },
          output: { format, voice: session.voice },
        },
        tools: session.tools.map((tool) => ({
          type: "function",
          name: tool.name,
          description: tool.description,
          parameters: tool.parameters,
        })),
        tool_choice: "auto",
      },
    });
  }

  private get busy(): boolean {
    return this.requested || this.activeResponseId !== null;
  }

  appendAudio(pcm: Int16Array): void {
    if (this.closed) return;
    this.send({ type: "input_audio_buffer.append", audio: this.audio.encode(pcm) });
  }

  createResponse(instructions?: string): void {
    if (this.busy) {
      this.deferredResponse = instructions === undefined ? {} : { instructions };
      return;
    }
    this.requested = true;
    this.send(
      instructions === undefined
        ? { type: "response.create" }
        : { type: "response.create", response: { instructions } },
    );
  }

  sendText(text: string): void {
    this.send({
      type: "conversation.item.create",
      item: { type: "message", role: "user", content: [{ type: "input_text", text }] },
    });
    this.createResponse();
  }

  startTurn(): void {}

  commitTurn(): void {
    this.send({ type: "input_audio_buffer.commit" });
    this.createResponse();
  }

  interrupt(cuts: Array<{ itemId: string; playedMs: number }>): void {
    this.deferredResponse = null;
    if (this.activeResponseId !== null) {
      this.cancelled.add(this.activeResponseId);
      this.send({ type: "response.cancel" });
    } else if (this.requested) {
      this.cancelRequested = true;
    }
    for (const { itemId, playedMs } of cuts) {
      this.send({
        type: "conversation.item.truncate",
        item_id: itemId,
        content_index: 0,
        audio_end_ms: Math.max(0, Math.round(playedMs)),
      });
    }
  }

  submitToolResult(callId: string, _name: string, output: string, respond: boolean): void {
    this.outputs.push({ callId, output });
    if (respond) this.respondAfterOutputs = true;
    this.flushOutputs();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
    this.audio.close();
  }

  /** Function outputs go up once the response that called them is done and all have answered. */
  private flushOutputs(): void {
    if (this.busy || this.outputs.length === 0) return;
    if ([...this.pendingCalls].some((id) => !this.outputs.some((output) => output.callId === id))) return;
    for (const { callId, output } of this.outputs.splice(0)) {
      this.send({
        type: "conversation.item.create",
        item: { type: "function_call_output", call_id: callId, output },
      });
    }
    this.pendingCalls.clear();
    const respond = this.respondAfterOutputs;
    this.respondAfterOutputs = false;
    if (respond) this.createResponse();
  }

  private send(event: Record<string, unknown>): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify(event));
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.audio.close();
    this.options.listener({ type: "failed", message: "the realtime connection closed" });
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") return;
    let event: ServerEvent;
    try {
      event = JSON.parse(data) as ServerEvent;
    } catch {
      return;
    }
    const emit = this.options.listener;
    const responseId = typeof event.response_id === "string" ? event.response_id : null;
    const dropped = responseId !== null && this.cancelled.has(responseId);
    switch (event.type) {
      case "response.created": {
        this.requested = false;
        this.activeResponseId = (event.response as { id?: string } | undefined)?.id ?? "response";
        if (this.cancelRequested) {
          this.cancelRequested = false;
          this.cancelled.add(this.activeResponseId);
          this.send({ type: "response.cancel" });
        }
        break;
      }
      case "response.output_audio.delta":
        if (!dropped && typeof event.delta === "string")
          emit({ type: "audio", itemId: String(event.item_id), pcm: this.audio.decode(event.delta) });
        break;
      case "response.output_audio_transcript.delta":
        if (!dropped && typeof event.delta === "string")
          emit({ type: "agent_transcript_delta", itemId: String(event.item_id), text: event.delta });
        break;
      case "response.output_audio_transcript.done":
        if (!dropped && typeof event.transcript === "string")
          emit({ type: "agent_transcript_done", itemId: String(event.item_id), text: event.transcript });
        break;
      case "conversation.item.input_audio_transcription.completed":
        emit({
          type: "caller_transcript",
          text: typeof event.transcript === "string" ? event.transcript : "",
        });
        break;
      case "conversation.item.input_audio_transcription.failed":
        emit({ type: "caller_transcript", text: "" });
        break;
      case "input_audio_buffer.speech_started":
        emit({ type: "speech_started" });
        break;
      case "input_audio_buffer.speech_stopped":
        emit({ type: "speech_stopped" });
        break;
      case "response.function_call_arguments.done": {
        const callId = String(event.call_id);
        this.pendingCalls.add(callId);
        emit({
          type: "tool_call",
          callId,
          name: String(event.name),
          arguments: typeof event.arguments === "string" ? event.arguments : "{}",
        });
        break;
      }
      case "response.done": {
        const response = (event.response ?? {}) as { id?: string; usage?: UsageWire };
        if (response.id) this.cancelled.delete(response.id);
        this.activeResponseId = null;
        this.requested = false;
        const usage = openAiUsage(this.options.session.model, response.usage);
        if (usage) emit({ type: "usage", usage });
        emit({ type: "response_done" });
        this.flushOutputs();
        const deferred = this.deferredResponse;
        this.deferredResponse = null;
        if (deferred && !this.busy) this.createResponse(deferred.instructions);
        break;
      }
      case "error": {
        const error = (event.error ?? {}) as { message?: string; code?: string };
        // A cancel that crossed the response's end is harmless.
        if (error.code === "response_cancel_not_active") break;
        this.requested = false;
        this.options.logger?.warn(
          { code: error.code ?? null, detail: error.message },
          "realtime model error",
        );
        break;
      }
    }
  }
}
