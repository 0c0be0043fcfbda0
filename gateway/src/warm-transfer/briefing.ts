// What the person taking over hears first: a summary of the call so far, written by the
// agent's own model from the conversation, then how to accept or decline.
import type { ChatMessage, LlmProvider, LlmRequest } from "../providers/types.ts";

export const DEFAULT_BRIEFING_PROMPT =
  "You are handing a phone call over to a colleague. In two short sentences, tell them who is calling and what they need, from the conversation below. Speak to the colleague directly.";
export const ACCEPT_INSTRUCTIONS = "Press 1 or say yes to take the call. Press 2 or say no to decline.";
const FALLBACK_SUMMARY = "A caller is being transferred to you.";
const MAX_SUMMARY_CHARS = 1200;

/** The conversation as plain lines ("Caller: ...", "Agent: ..."), tool traffic left out. */
export function conversationText(history: readonly ChatMessage[]): string {
  const lines: string[] = [];
  for (const message of history) {
    if (!message.content) continue;
    if (message.role === "user") lines.push(`Caller: ${message.content}`);
    else if (message.role === "assistant") lines.push(`Agent: ${message.content}`);
  }
  return lines.join("\n");
}

/** The model's summary; a generic line when the model fails or says nothing. */
export async function briefingSummary(
  llm: LlmProvider,
  request: Pick<LlmRequest, "model" | "temperature">,
  history: readonly ChatMessage[],
  prompts: { configured: string | null; fromModel: string | null },
  signal: AbortSignal,
): Promise<string> {
  const instructions = [prompts.configured ?? DEFAULT_BRIEFING_PROMPT, prompts.fromModel]
    .filter(Boolean)
    .join("\n");
  let summary = "";
  try {
    for await (const event of llm.stream(
      {
        model: request.model,
        temperature: request.temperature,
        messages: [
          { role: "system", content: instructions },
          { role: "user", content: `Transcript of the call:\n${conversationText(history)}` },
        ],
      },
      signal,
    )) {
      if (event.type === "text") summary += event.text;
      if (summary.length > MAX_SUMMARY_CHARS) break;
    }
  } catch {
    if (signal.aborted) throw signal.reason;
  }
  return summary.trim().slice(0, MAX_SUMMARY_CHARS) || FALLBACK_SUMMARY;
}
