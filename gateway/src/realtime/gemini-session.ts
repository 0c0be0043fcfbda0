// Gemini Live over its BidiGenerateContent WebSocket: a `setup` message (model, voice, system
// instruction, tools, activity detection, transcription of both sides), caller audio as
// `realtimeInput` 16 kHz PCM, model audio (24 kHz PCM) and transcriptions in `serverContent`,
// `toolCall` answered by `toolResponse`, and `usageMetadata`. The call's audio is always
// 16 kHz here (`callRateHz` 16000): the model takes 16 kHz PCM as the gateway has it.
import type { Logger } from "@switchboard/shared/logger";
import { openWebSocket, toWebSocketUrl } from "../providers/base/websocket.ts";
import { ProviderError } from "../providers/types.ts";
import { pcmModelAudio } from "./model-audio.ts";
import type { RealtimeListener, RealtimeSession, RealtimeSessionConfig } from "./session.ts";
import type { RealtimeUsage } from "./settings.ts";

const GEMINI_INPUT_RATE_HZ = 16_000;
const GEMINI_OUTPUT_RATE_HZ = 24_000;
const BIDI_PATH = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
const SETUP_TIMEOUT_MS = 10_000;

export interface GeminiLiveOptions {
  /** `wss://generativelanguage.googleapis.com` (GEMINI_BASE_URL). */
  baseUrl: string;
  apiKey: string | null;
  session: RealtimeSessionConfig;
  listener: RealtimeListener;
  logger?: Logger | null;
  signal?: AbortSignal;
}

interface ModalityCount {
  modality?: string;
  tokenCount?: number;
}

interface UsageMetadataWire {
  promptTokensDetails?: ModalityCount[];
  responseTokensDetails?: ModalityCount[];
}

interface ServerMessage {
  setupComplete?: object;
  serverContent?: {
    modelTurn?: { parts?: { inlineData?: { data?: string; mimeType?: string }; text?: string }[] };
    inputTranscription?: { text?: string };
    outputTranscription?: { text?: string };
    interrupted?: boolean;
    turnComplete?: boolean;
  };
  toolCall?: { functionCalls?: { id?: string; name?: string; args?: unknown }[] };
  usageMetadata?: UsageMetadataWire;
  goAway?: object;
}

function tokens(details: ModalityCount[] | undefined, modality: string): number {
  return (details ?? []).reduce(
    (sum, entry) => sum + (entry.modality === modality ? (entry.tokenCount ?? 0) : 0),
    0,
  );
}

export function geminiUsage(model: string, usage: UsageMetadataWire | undefined): RealtimeUsage | null {
  if (!usage) return null;
  return {
    model,
    input_audio_tokens: tokens(usage.promptTokensDetails, "AUDIO"),
    output_audio_tokens: tokens(usage.responseTokensDetails, "AUDIO"),
    text_tokens: tokens(usage.promptTokensDetails, "TEXT") + tokens(usage.responseTokensDetails, "TEXT"),
  };
}

function textOf(data: unknown): string | null {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  return null;
}

export async function connectGeminiLive(options: GeminiLiveOptions): Promise<RealtimeSession> {
  // The documented WebSocket authenticates with the `key` query parameter.
  const url = toWebSocketUrl(options.baseUrl, BIDI_PATH, options.apiKey ? { key: options.apiKey } : {});
  const socket = await openWebSocket("gemini-live", url, {}, options.signal);
  const session = new GeminiLiveSession(socket, options);
  await session.ready();
  return session;
}

class GeminiLiveSession implements RealtimeSession {
  readonly provider = "gemini";
  private readonly audio = pcmModelAudio(GEMINI_INPUT_RATE_HZ, GEMINI_OUTPUT_RATE_HZ);
  private closed = false;
  private setupDone: () => void = () => {};
  private setupFailed: (error: Error) => void = () => {};
  private readonly setup: Promise<void>;
  /** Model turns are numbered: the protocol has no item ids. */
  private turnIndex = 0;
  private inTurn = false;
  /** The current turn was cut by the caller: its remaining audio is not played. */
  private dropping = false;
  private agentText = "";
  private callerText = "";

  constructor(
    private readonly socket: WebSocket,
    private readonly options: GeminiLiveOptions,
  ) {
    this.setup = new Promise<void>((resolve, reject) => {
      this.setupDone = resolve;
      this.setupFailed = reject;
    });
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => this.onClose());
    const { session } = options;
    const model = session.model.startsWith("models/") ? session.model : `models/${session.model}`;
    this.send({
      setup: {
        model,
        generationConfig: {
          responseModalities: ["AUDIO"],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: session.voice } } },
        },
        systemInstruction: { parts: [{ text: session.instructions }] },
        ...(session.tools.length > 0
          ? {
              tools: [
                {
                  functionDeclarations: session.tools.map((tool) => ({
                    name: tool.name,
                    description: tool.description,
                    parameters: tool.parameters,
                  })),
                },
              ],
            }
          : {}),
        realtimeInputConfig: {
          automaticActivityDetection: { disabled: session.turnDetection === "gateway" },
        },
        inputAudioTranscription: {},
        outputAudioTranscription: {},
      },
    });
  }

  ready(): Promise<void> {
    const timer = setTimeout(
      () => this.setupFailed(new ProviderError("gemini-live", "no setupComplete", true)),
      SETUP_TIMEOUT_MS,
    );
    return this.setup.finally(() => clearTimeout(timer));
  }

  private get itemId(): string {
    return `turn_${this.turnIndex}`;
  }

  appendAudio(pcm: Int16Array): void {
    this.send({
      realtimeInput: {
        audio: { data: this.audio.encode(pcm), mimeType: `audio/pcm;rate=${GEMINI_INPUT_RATE_HZ}` },
      },
    });
  }

  createResponse(instructions?: string): void {
    this.sendText(instructions ?? "Please continue.");
  }

  sendText(text: string): void {
    this.send({ clientContent: { turns: [{ role: "user", parts: [{ text }] }], turnComplete: true } });
  }

  startTurn(): void {
    this.send({ realtimeInput: { activityStart: {} } });
  }

  commitTurn(): void {
    this.send({ realtimeInput: { activityEnd: {} } });
  }

  /** Gemini keeps no item to truncate: the rest of the turn is dropped here; the caller's
   * activity (the server's detection, or startTurn) stops the generation. */
  interrupt(_cuts: Array<{ itemId: string; playedMs: number }>): void {
    if (this.inTurn) this.dropping = true;
  }

  submitToolResult(callId: string, name: string, output: string, respond: boolean): void {
    if (!respond) {
      // The call ends (end_call): a toolResponse would make the model go on talking, so the
      // call is left unanswered and the turn ends here, with what was said before the call.
      this.endTurn();
      return;
    }
    let response: unknown;
    try {
      response = JSON.parse(output);
    } catch {
      response = { output };
    }
    if (typeof response !== "object" || response === null || Array.isArray(response))
      response = { output: response };
    this.send({ toolResponse: { functionResponses: [{ id: callId, name, response }] } });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
    this.audio.close();
  }

  private send(message: Record<string, unknown>): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify(message));
  }

  private onClose(): void {
    this.setupFailed(new ProviderError("gemini-live", "closed before setupComplete", true));
    if (this.closed) return;
    this.closed = true;
    this.audio.close();
    this.options.listener({ type: "failed", message: "the realtime connection closed" });
  }

  /** The model's output began: a new turn, and the caller's words that led to it are complete. */
  private beginTurn(): void {
    if (this.inTurn) return;
    this.inTurn = true;
    this.dropping = false;
    this.turnIndex += 1;
    this.agentText = "";
    this.flushCallerText();
  }

  private flushCallerText(): void {
    const text = this.callerText.trim();
    this.callerText = "";
    if (text) this.options.listener({ type: "caller_transcript", text });
  }

  private endTurn(): void {
    const emit = this.options.listener;
    this.flushCallerText();
    if (!this.inTurn) return;
    this.inTurn = false;
    if (!this.dropping && this.agentText)
      emit({ type: "agent_transcript_done", itemId: this.itemId, text: this.agentText });
    this.dropping = false;
    emit({ type: "response_done" });
  }

  private receive(data: unknown): void {
    const text = textOf(data);
    if (text === null) return;
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    const emit = this.options.listener;
    if (message.setupComplete) this.setupDone();
    const usage = geminiUsage(this.options.session.model, message.usageMetadata);
    if (usage) emit({ type: "usage", usage });
    const content = message.serverContent;
    if (content) {
      if (content.inputTranscription?.text) this.callerText += content.inputTranscription.text;
      if (content.interrupted) this.dropping = this.inTurn;
      for (const part of content.modelTurn?.parts ?? []) {
        const audio = part.inlineData?.data;
        if (!audio) continue;
        this.beginTurn();
        if (!this.dropping) emit({ type: "audio", itemId: this.itemId, pcm: this.audio.decode(audio) });
      }
      const said = content.outputTranscription?.text;
      if (said) {
        this.beginTurn();
        if (!this.dropping) {
          // Fragments carry their own spacing; one after a tool call may start a new sentence.
          const joined = /[.!?,]$/.test(this.agentText) && /^\S/.test(said);
          this.agentText += joined ? ` ${said}` : said;
          emit({ type: "agent_transcript_delta", itemId: this.itemId, text: said });
        }
      }
      if (content.turnComplete || content.interrupted) this.endTurn();
    }
    for (const call of message.toolCall?.functionCalls ?? []) {
      this.beginTurn();
      emit({
        type: "tool_call",
        callId: String(call.id ?? call.name),
        name: String(call.name),
        arguments: JSON.stringify(call.args ?? {}),
      });
    }
    if (message.goAway) this.options.logger?.warn("the realtime model asked to reconnect (goAway)");
  }
}
