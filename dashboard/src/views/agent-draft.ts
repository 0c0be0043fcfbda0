import type { paths } from "../api/schema";

export type AgentBody = paths["/api/v1/agents"]["post"]["requestBody"]["content"]["application/json"];
export type Agent =
  paths["/api/v1/agents/{agent_id}"]["get"]["responses"][200]["content"]["application/json"];

/** The fields the form edits; an agent read back keeps only these for PATCH or a duplicate. */
const FORM_KEYS = [
  "name",
  "system_prompt",
  "first_message",
  "language",
  "llm",
  "stt",
  "voice",
  "realtime",
  "turn",
  "interruptions",
  "endpointing",
  "tools",
  "tool_ids",
  "knowledge",
  "analysis",
  "max_duration_s",
] as const satisfies ReadonlyArray<keyof AgentBody & keyof Agent>;

export function draftOf(agent: Agent | null, nameSuffix = ""): AgentBody {
  if (!agent) return { name: "", system_prompt: "", first_message: "", language: "en" };
  const draft: Record<string, unknown> = {};
  for (const key of FORM_KEYS) {
    const value = agent[key];
    if (value !== null && value !== undefined) draft[key] = structuredClone(value);
  }
  draft.name = `${agent.name}${nameSuffix}`;
  return draft as AgentBody;
}

/** `{{name}}` placeholders in a prompt, each once, in order of appearance. */
export function variablesIn(...texts: Array<string | undefined>): string[] {
  const names = texts.flatMap((text) =>
    [...(text ?? "").matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!),
  );
  return [...new Set(names)];
}
