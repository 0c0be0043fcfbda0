// The OpenAI Realtime stand-in's session: the defaults a connection opens with
// (session.created), session.update merged onto them (GA shape: `session.type` is required,
// `audio.input` and `audio.output` merge field by field), and the audio formats it accepts.
import type {
  RealtimeAudioFormats,
  RealtimeAudioInputTurnDetection,
  RealtimeSessionCreateRequest,
} from "openai/resources/realtime/realtime";
import { type AudioFormat, OPENAI_PCM_FORMAT } from "./realtime-audio.ts";

/** An `error` event's body, before the stand-in names the client event it answers. */
export interface ProtocolError {
  code: string;
  message: string;
  param: string | null;
}

/** semantic_vad's end-of-turn wait by eagerness; the stand-in has no words to judge by. */
const SEMANTIC_SILENCE_MS = { low: 1500, medium: 800, auto: 800, high: 300 } as const;

export function defaultSession(model: string, silenceDurationMs: number): RealtimeSessionCreateRequest {
  return {
    type: "realtime",
    model,
    output_modalities: ["audio"],
    instructions: "",
    tools: [],
    tool_choice: "auto",
    max_output_tokens: "inf",
    audio: {
      input: {
        format: { type: "audio/pcm", rate: 24_000 },
        turn_detection: {
          type: "server_vad",
          threshold: 0.5,
          prefix_padding_ms: 300,
          silence_duration_ms: silenceDurationMs,
          create_response: true,
          interrupt_response: true,
          idle_timeout_ms: null,
        },
      },
      output: { format: { type: "audio/pcm", rate: 24_000 }, voice: "alloy", speed: 1 },
    },
  };
}

/** The session after `update`, or the error the API answers it with. */
export function updatedSession(
  session: RealtimeSessionCreateRequest,
  update: unknown,
): { session: RealtimeSessionCreateRequest } | { error: ProtocolError } {
  if (!update || typeof update !== "object") {
    return { error: missing("session") };
  }
  const changes = update as Partial<RealtimeSessionCreateRequest>;
  if (changes.type !== "realtime") return { error: missing("session.type") };
  for (const side of ["input", "output"] as const) {
    const format = changes.audio?.[side]?.format;
    if (format && !isKnownFormat(format)) {
      return {
        error: {
          code: "invalid_value",
          message: `Invalid audio format for ${side}.`,
          param: `session.audio.${side}.format`,
        },
      };
    }
  }
  return {
    session: {
      ...session,
      ...changes,
      type: "realtime",
      audio: {
        input: { ...session.audio?.input, ...changes.audio?.input },
        output: { ...session.audio?.output, ...changes.audio?.output },
      },
    },
  };
}

/** Names of the function tools the session declares. */
export function declaredTools(session: RealtimeSessionCreateRequest): string[] {
  return (session.tools ?? []).flatMap((tool) =>
    "name" in tool && typeof tool.name === "string" ? [tool.name] : [],
  );
}

/** The end-of-speech silence of the session's turn detection; null without turn detection. */
export function silenceMsOf(
  detection: RealtimeAudioInputTurnDetection | null,
  defaultSilenceMs: number,
): number | null {
  if (!detection) return null;
  if (detection.type === "server_vad") return detection.silence_duration_ms ?? defaultSilenceMs;
  return SEMANTIC_SILENCE_MS[detection.eagerness ?? "auto"];
}

export function isKnownFormat(format: RealtimeAudioFormats): boolean {
  if (format.type === "audio/pcm") return format.rate === undefined || format.rate === 24_000;
  return format.type === "audio/pcmu" || format.type === "audio/pcma";
}

export function audioFormatOf(format: RealtimeAudioFormats | undefined): AudioFormat {
  if (format?.type === "audio/pcmu" || format?.type === "audio/pcma") {
    return { type: format.type, sampleRateHz: 8000 };
  }
  return OPENAI_PCM_FORMAT;
}

function missing(param: string): ProtocolError {
  return { code: "missing_required_parameter", message: `Missing required parameter: '${param}'.`, param };
}
