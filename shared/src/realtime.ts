// Speech-to-speech agents: the agent's `realtime` block (control validates it, gateways run
// it from the agent snapshot), the token usage a realtime call reports when it ends, and what
// that usage costs at the operator's per-model token prices (REALTIME_TOKEN_PRICES).
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { Nullable, STRICT, StringEnum } from "./schemas/kit.ts";

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
    provider: StringEnum(REALTIME_PROVIDERS, {
      description: "`openai` (the Realtime API) or `gemini` (Gemini Live).",
    }),
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
      StringEnum(REALTIME_TURN_DETECTIONS, {
        description:
          "`server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.",
      }),
    ),
    credential_id: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 100,
          description:
            "A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key.",
        }),
      ),
    ),
  },
  STRICT,
);
export type RealtimeSettings = Static<typeof RealtimeSettingsSchema>;

/** What is wrong with `value` as a realtime block, each problem with its field (`realtime.model`). */
export function realtimeSettingsProblems(value: unknown): Array<{ field: string; message: string }> {
  return [...Value.Errors(RealtimeSettingsSchema, value)].map((error) => ({
    field: `realtime${error.path.replaceAll("/", ".")}`,
    message: error.message,
  }));
}

/** The model's token usage over one realtime call, summed over its responses. */
export const RealtimeUsageSchema = Type.Object(
  {
    model: Type.String({ description: "The model that was billed." }),
    input_audio_tokens: Type.Integer({ minimum: 0 }),
    output_audio_tokens: Type.Integer({ minimum: 0 }),
    text_tokens: Type.Integer({
      minimum: 0,
      description: "Input and output text tokens together (instructions, tool calls, transcripts).",
    }),
  },
  STRICT,
);
export type RealtimeUsage = Static<typeof RealtimeUsageSchema>;

/** A realtime call's usage as a gateway reported it; anything malformed counts as none. */
export function realtimeUsageOf(value: unknown): RealtimeUsage | null {
  return value != null && Value.Check(RealtimeUsageSchema, value) ? value : null;
}

/** Cents per million tokens of each kind for one model. */
export interface RealtimeTokenPrice {
  input_audio: number;
  output_audio: number;
  text: number;
}

/** By model name; `*` prices the models not listed. A model with no price costs no token charge. */
export type RealtimeTokenPrices = Record<string, RealtimeTokenPrice>;

const PRICE_KINDS = ["input_audio", "output_audio", "text"] as const;

/** REALTIME_TOKEN_PRICES as JSON, or the problem with it. */
export function parseRealtimeTokenPrices(raw: string): { prices: RealtimeTokenPrices } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { problem: "is not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { problem: 'must be a JSON object of models, e.g. {"gpt-realtime": {...}}' };
  }
  const prices: RealtimeTokenPrices = {};
  for (const [model, price] of Object.entries(value)) {
    if (typeof price !== "object" || price === null) return { problem: `${model} must be an object` };
    const entry = price as Record<string, unknown>;
    const unknown = Object.keys(entry).filter((key) => !(PRICE_KINDS as readonly string[]).includes(key));
    if (unknown.length > 0) return { problem: `${model} has unknown fields ${unknown.join(", ")}` };
    for (const kind of PRICE_KINDS) {
      const cents = entry[kind] ?? 0;
      if (typeof cents !== "number" || !Number.isFinite(cents) || cents < 0 || cents > 100_000_000) {
        return { problem: `${model}.${kind} must be cents per million tokens from 0 to 100000000` };
      }
    }
    prices[model] = {
      input_audio: (entry.input_audio as number | undefined) ?? 0,
      output_audio: (entry.output_audio as number | undefined) ?? 0,
      text: (entry.text as number | undefined) ?? 0,
    };
  }
  return { prices };
}

/** The usage's cost at the model's prices, rounded up to a whole cent. */
export function realtimeCostCents(prices: RealtimeTokenPrices, usage: RealtimeUsage): number {
  const price = prices[usage.model] ?? prices["*"];
  if (!price) return 0;
  const microCents =
    usage.input_audio_tokens * price.input_audio +
    usage.output_audio_tokens * price.output_audio +
    usage.text_tokens * price.text;
  // Whole micro-cents first, so fractional prices do not round a float's noise up a cent.
  return Math.ceil(Math.round(microCents) / 1_000_000);
}
