// Lines the gateway decides and the model only voices (the greeting, reprompts, the goodbye,
// the words a wordless interruption cut off), and the silence settings of a realtime call.
import type { CallContext } from "../call-core/application.ts";
import { DEFAULT_SILENCE_OPTIONS, type SilenceOptions } from "../pipeline/processors/silence.ts";
import { buildFirstMessage } from "../pipeline/prompt.ts";

/** The instruction that makes the model say `text` as it is. */
export function sayExactly(text: string): string {
  return `Say exactly this to the caller, and nothing else: "${text}"`;
}

/** The greeting's instruction, or null when the agent waits for the caller. */
export function greetingInstruction(call: CallContext): string | null {
  const greeting = buildFirstMessage(call);
  return greeting ? sayExactly(greeting) : null;
}

export function silenceOptions(
  call: CallContext,
  overrides: Partial<SilenceOptions> | undefined,
): SilenceOptions {
  const settings = call.agent.silence ?? {};
  return {
    ...DEFAULT_SILENCE_OPTIONS,
    ...(settings.reprompt_ms !== undefined ? { repromptMs: settings.reprompt_ms } : {}),
    ...(settings.max_reprompts !== undefined ? { maxReprompts: settings.max_reprompts } : {}),
    ...(settings.reprompt_message ? { repromptMessage: settings.reprompt_message } : {}),
    ...(settings.hangup_message ? { hangupMessage: settings.hangup_message } : {}),
    ...overrides,
  };
}
