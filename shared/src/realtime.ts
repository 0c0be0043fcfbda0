// Speech-to-speech agents: the agent's `realtime` block (control validates it, gateways run
// it from the agent snapshot) and the token usage a realtime call reports when it ends.
import { type Static, Type } from "@sinclair/typebox";

export const REALTIME_PROVIDERS = ["openai", "gemini"] as const;
export type RealtimeProvider = (typeof REALTIME_PROVIDERS)[number];

/**
 * Who decides that the caller finished speaking: the model's server VAD, OpenAI's semantic
 * VAD (the model judges whether the words sound finished), or the gateway's own VAD and
 * endpointing, which then commits the audio and asks for the response itself.
 */
export const REALTIME_TURN_DETECTIONS = ["server_vad", "semantic_vad", "gateway"] as const;
export type RealtimeTurnDetection = (typeof REALTIME_TURN_DETECTIONS)[number];

/** Turn detection when the block names none. */
export const DEFAULT_REALTIME_TURN_DETECTION: RealtimeTurnDetection = "server_vad";

export const RealtimeSettingsSchema = Type.Object(
  {
    provider: Type.Union(
      REALTIME_PROVIDERS.map((provider) => Type.Literal(provider)),
      { description: "`openai` (Realtime API) or `gemini` (Gemini Live)." },
    ),
    model: Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        "The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`.",
    }),
    voice: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini).",
    }),
    instructions_extra: Type.Optional(
      Type.String({
        maxLength: 20_000,
        description: "Added after the system prompt in the model's instructions (delivery, pacing, accent).",
      }),
    ),
    turn_detection: Type.Optional(
      Type.Union(
        REALTIME_TURN_DETECTIONS.map((mode) => Type.Literal(mode)),
        {
          description:
            "`server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.",
        },
      ),
    ),
    credential_id: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: "The org's provider credential for this provider; unset: the operator's key.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type RealtimeSettings = Static<typeof RealtimeSettingsSchema>;

/** The model's token usage over one realtime call, summed over its responses. */
export const RealtimeUsageSchema = Type.Object(
  {
    model: Type.String({ description: "The model that was billed." }),
    input_audio_tokens: Type.Integer({ minimum: 0 }),
    output_audio_tokens: Type.Integer({ minimum: 0 }),
    /** Input and output text tokens together (instructions, tool calls, transcripts). */
    text_tokens: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type RealtimeUsage = Static<typeof RealtimeUsageSchema>;
