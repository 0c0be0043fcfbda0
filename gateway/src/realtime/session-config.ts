// What the model's session opens with on one call: the agent's prompt with the realtime
// block's extra instructions, the tools, the turn detection and the call's audio format.
import type { CallContext } from "../call-core/application.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { G711_SAMPLE_RATE_HZ } from "../media/g711.ts";
import { buildSystemPrompt } from "../pipeline/prompt.ts";
import type { ToolDefinition } from "../providers/types.ts";
import type { RealtimeSessionConfig } from "./session.ts";
import type { RealtimeSettings } from "./settings.ts";

export function realtimeSessionConfig(
  call: CallContext,
  settings: RealtimeSettings,
  tools: ToolDefinition[],
  /** The call's G.711 samples go to the model as they are, at 8 kHz. */
  g711Passthrough: boolean,
): RealtimeSessionConfig {
  const instructions = [buildSystemPrompt(call), settings.instructions_extra?.trim()]
    .filter(Boolean)
    .join("\n\n");
  return {
    model: settings.model,
    voice: settings.voice,
    instructions,
    tools,
    turnDetection: settings.turn_detection ?? "server_vad",
    narrowbandCodec: call.audio.narrowband ? (call.audio.g711?.codec ?? "PCMU") : null,
    callRateHz: g711Passthrough ? G711_SAMPLE_RATE_HZ : INTERNAL_SAMPLE_RATE_HZ,
  };
}
