// The OpenAI Realtime stand-in's conversation items: conversation.item.create (a function
// call's output must name a call the model made) and conversation.item.truncate (only an
// assistant audio item, never past the audio it was sent; the server then drops the item's
// transcript, so only the audio heard stays in the model's history).
import type { ConversationItem } from "openai/resources/realtime/realtime";
import type { ItemState } from "./openai-realtime-response.ts";
import type { ProtocolError } from "./openai-realtime-session.ts";

/** Adds the client's item to `items`; the stored item, or the error the API answers with. */
export function createItem(
  items: ItemState[],
  item: unknown,
  newId: () => string,
): { stored: ConversationItem & { id: string }; previousItemId: string | null } | { error: ProtocolError } {
  if (!item || typeof item !== "object") {
    return {
      error: {
        code: "missing_required_parameter",
        message: "Missing required parameter: 'item'.",
        param: "item",
      },
    };
  }
  const candidate = item as ConversationItem & { id?: string };
  if (candidate.type === "function_call_output") {
    const known = items.some(
      (state) => state.item.type === "function_call" && state.item.call_id === candidate.call_id,
    );
    if (!known) {
      return {
        error: {
          code: "invalid_value",
          message: `No function call with call_id '${candidate.call_id}'.`,
          param: "item.call_id",
        },
      };
    }
  }
  const stored = {
    ...candidate,
    id: candidate.id ?? newId(),
    object: "realtime.item",
    status: "completed",
  } as ConversationItem & { id: string };
  const previousItemId = items.at(-1)?.item.id ?? null;
  const text =
    stored.type === "message"
      ? stored.content
          .map((part) => ("text" in part && part.text) || ("transcript" in part && part.transcript) || "")
          .join(" ")
      : "";
  items.push({ item: stored, audioMs: 0, text });
  return { stored, previousItemId };
}

/** Cuts an assistant item's audio at `audioEndMs`; the error the API answers with, if any. */
export function truncateItem(items: ItemState[], itemId: string, audioEndMs: number): ProtocolError | null {
  const state = items.find((candidate) => candidate.item.id === itemId);
  if (state?.item.type !== "message" || state.item.role !== "assistant") {
    return {
      code: "invalid_value",
      message: `Item with item_id '${itemId}' is not an assistant audio item.`,
      param: "item_id",
    };
  }
  if (!Number.isFinite(audioEndMs) || audioEndMs < 0 || audioEndMs > Math.ceil(state.audioMs)) {
    return {
      code: "invalid_value",
      message: `audio_end_ms ${audioEndMs} is beyond the item's ${Math.round(state.audioMs)} ms of audio.`,
      param: "audio_end_ms",
    };
  }
  state.audioMs = audioEndMs;
  state.text = "";
  return null;
}
