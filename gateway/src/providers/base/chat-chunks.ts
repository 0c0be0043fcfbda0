// Assembles OpenAI chat-completions stream chunks into LlmEvents. Tool calls arrive as
// fragments keyed by `index` (id and name in the first, arguments spread over the rest) and
// are emitted whole once the choice finishes.
import type { LlmEvent, ToolCall } from "../types.ts";

export interface ChatChunk {
  choices?: Array<{
    delta?: {
      content?: string | null;
      tool_calls?: Array<{
        index?: number;
        id?: string | null;
        function?: { name?: string | null; arguments?: string | null } | null;
      }> | null;
    } | null;
    finish_reason?: string | null;
  }> | null;
}

export class ChatChunkAssembler {
  private readonly pendingCalls = new Map<number, ToolCall>();
  private finishReason: string | null = null;
  private finished = false;

  /** Events ready after this chunk (text at once, tool calls when the choice finishes). */
  push(chunk: ChatChunk): LlmEvent[] {
    const events: LlmEvent[] = [];
    const choice = chunk.choices?.[0];
    if (!choice) return events;
    const content = choice.delta?.content;
    if (content) events.push({ type: "text", text: content });
    for (const fragment of choice.delta?.tool_calls ?? []) {
      const index = fragment.index ?? 0;
      let call = this.pendingCalls.get(index);
      if (!call) {
        call = { id: "", name: "", arguments: "" };
        this.pendingCalls.set(index, call);
      }
      if (fragment.id) call.id = fragment.id;
      if (fragment.function?.name) call.name += fragment.function.name;
      if (fragment.function?.arguments) call.arguments += fragment.function.arguments;
    }
    if (choice.finish_reason) {
      this.finishReason = choice.finish_reason;
      events.push(...this.drainCalls());
    }
    return events;
  }

  /** Call once when the stream ends: any calls not yet emitted, then `done`. */
  end(): LlmEvent[] {
    if (this.finished) return [];
    this.finished = true;
    return [...this.drainCalls(), { type: "done", finishReason: this.finishReason }];
  }

  private drainCalls(): LlmEvent[] {
    const ordered = [...this.pendingCalls.entries()].sort(([a], [b]) => a - b);
    this.pendingCalls.clear();
    return ordered.map(([index, call]) => ({
      type: "tool_call" as const,
      call: { ...call, id: call.id || `call_${index}`, arguments: call.arguments || "{}" },
    }));
  }
}

/** Our history in the OpenAI wire shape. */
export function toOpenAiMessages(messages: import("../types.ts").ChatMessage[]): Record<string, unknown>[] {
  return messages.map((message) => {
    const wire: Record<string, unknown> = { role: message.role, content: message.content };
    if (message.tool_calls?.length) {
      wire.tool_calls = message.tool_calls.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.name, arguments: call.arguments },
      }));
    }
    if (message.tool_call_id) wire.tool_call_id = message.tool_call_id;
    return wire;
  });
}

export function toOpenAiTools(tools: import("../types.ts").ToolDefinition[] | undefined) {
  if (!tools?.length) return undefined;
  return tools.map((tool) => ({
    type: "function" as const,
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}
