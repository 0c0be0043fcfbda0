import type { ChatMessage } from "../providers/types.ts";
import { splitWords } from "./turn.ts";

/**
 * Cuts the turn's spoken assistant messages to the first `heardWords` words; messages the
 * caller heard nothing of lose their text (and go, unless they carry tool calls).
 */
export function truncateToHeard(history: ChatMessage[], spoken: ChatMessage[], heardWords: number): void {
  let budget = heardWords;
  for (const message of spoken) {
    const words = splitWords(message.content ?? "");
    if (words.length <= budget) {
      budget -= words.length;
      continue;
    }
    const kept = words.slice(0, budget).join(" ");
    budget = 0;
    if (kept) {
      message.content = kept;
    } else if (message.tool_calls?.length) {
      message.content = null;
    } else {
      const index = history.indexOf(message);
      if (index >= 0) history.splice(index, 1);
    }
  }
}

/** Consecutive caller utterances (the agent was cut off before answering) become one message. */
export function appendUserMessage(history: ChatMessage[], text: string): void {
  const last = history.at(-1);
  if (last?.role === "user" && last.content) last.content = `${last.content} ${text}`;
  else history.push({ role: "user", content: text });
}
