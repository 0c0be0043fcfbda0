// POST /v1/chat/completions with stream: true, answered as OpenAI does: SSE `data:` lines of
// chat.completion.chunk objects, tool calls spread over fragments keyed by index, then
// `data: [DONE]`.
import { DROP_DELAY_MS, type StandInState } from "./faults.ts";
import type { LlmRule, LlmScript } from "./script.ts";
import { sleepUntil } from "./timing.ts";

interface ChatBody {
  model?: string;
  stream?: boolean;
  messages?: Array<{ role: string; content: string | null }>;
}

type Delta = Record<string, unknown>;

function planReply(script: LlmScript, body: ChatBody): Delta[] {
  const messages = body.messages ?? [];
  const last = messages[messages.length - 1];
  if (last?.role === "tool") return textDeltas(script.afterToolReply);
  const lastUser = [...messages].reverse().find((message) => message.role === "user")?.content ?? "";
  const rule: LlmRule | undefined = script.rules.find((candidate) =>
    new RegExp(candidate.match, "i").test(lastUser),
  );
  const deltas: Delta[] = textDeltas(rule ? (rule.reply ?? "") : script.defaultReply);
  rule?.toolCalls?.forEach((call, index) => {
    const id = `call_${index}_${call.name}`;
    deltas.push({
      tool_calls: [{ index, id, type: "function", function: { name: call.name, arguments: "" } }],
    });
    const json = JSON.stringify(call.arguments);
    for (let offset = 0; offset < json.length; offset += script.toolArgumentFragmentChars) {
      const fragment = json.slice(offset, offset + script.toolArgumentFragmentChars);
      deltas.push({ tool_calls: [{ index, function: { arguments: fragment } }] });
    }
  });
  return deltas;
}

function textDeltas(text: string): Delta[] {
  return (text.match(/\S+\s*/g) ?? []).map((token, index) =>
    index === 0 ? { role: "assistant", content: token } : { content: token },
  );
}

export function chatCompletion(
  script: LlmScript,
  state: StandInState,
  body: ChatBody,
  signal: AbortSignal,
  arrivedAtMs: number,
  dropAfterChunks?: number,
): Response {
  const stats = state.request("chat", body);
  const deltas = planReply(script, body);
  const finishReason = deltas.some((delta) => delta.tool_calls) ? "tool_calls" : "stop";
  const id = `chatcmpl-standin-${stats.requests}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Delta, finish: string | null) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model: body.model ?? "stand-in",
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  if (body.stream !== true) {
    const content = deltas.map((delta) => (delta.content as string | undefined) ?? "").join("");
    stats.completed += 1;
    return Response.json({
      id,
      object: "chat.completion",
      created,
      model: body.model ?? "stand-in",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    });
  }
  const encoder = new TextEncoder();
  let cancelled = false;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const onAbort = () => {
        if (!cancelled) {
          cancelled = true;
          stats.aborted += 1;
        }
      };
      signal.addEventListener("abort", onAbort, { once: true });
      await sleepUntil(arrivedAtMs + script.firstTokenMs);
      for (let index = 0; index < deltas.length && !cancelled; index++) {
        if (index > 0 && script.interTokenMs > 0) await Bun.sleep(script.interTokenMs);
        if (cancelled) break;
        if (dropAfterChunks !== undefined && sent >= dropAfterChunks) {
          // Lets the chunks already sent reach the client before the connection breaks.
          await Bun.sleep(DROP_DELAY_MS);
          controller.error(new Error("injected connection drop"));
          return;
        }
        controller.enqueue(encoder.encode(chunk(deltas[index] as Delta, null)));
        sent += 1;
      }
      if (cancelled) return;
      controller.enqueue(encoder.encode(chunk({}, finishReason)));
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      stats.completed += 1;
      signal.removeEventListener("abort", onAbort);
      controller.close();
    },
    cancel() {
      if (!cancelled) {
        cancelled = true;
        stats.aborted += 1;
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
  });
}
