// A realtime call's usage: the sum of what the model reported for each of its responses.
import type { RealtimeUsage } from "./settings.ts";

export function addUsage(total: RealtimeUsage | null, usage: RealtimeUsage): RealtimeUsage {
  return {
    model: total?.model ?? usage.model,
    input_audio_tokens: (total?.input_audio_tokens ?? 0) + usage.input_audio_tokens,
    output_audio_tokens: (total?.output_audio_tokens ?? 0) + usage.output_audio_tokens,
    text_tokens: (total?.text_tokens ?? 0) + usage.text_tokens,
  };
}
