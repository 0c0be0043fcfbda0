import type { CallContext } from "../call-core/application.ts";

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Values for `{{name}}` placeholders: the call's metadata, then the call's own fields. */
function templateVariables(call: CallContext): Record<string, unknown> {
  return {
    from_number: call.fromNumber,
    to_number: call.toNumber,
    call_id: call.callId,
    direction: call.direction,
    agent_name: call.agent.name,
    ...call.metadata,
    ...sipHeaderVariables(call.sipHeaders),
  };
}

/** `sip.X-Customer-Id` (as displayed) and `sip.x-customer-id`: header names are case-insensitive. */
function sipHeaderVariables(headers: Record<string, string> | undefined): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    variables[`sip.${name}`] = value;
    variables[`sip.${name.toLowerCase()}`] = value;
  }
  return variables;
}

/** Fills `{{name}}` placeholders; unknown names become empty so they are never spoken aloud. */
export function fillTemplate(text: string, variables: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = variables[name];
    if (value === null || value === undefined) return "";
    return typeof value === "string"
      ? value
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  });
}

export function buildSystemPrompt(call: CallContext): string {
  const variables = templateVariables(call);
  const parts = [fillTemplate(call.agent.system_prompt, variables).trim()];
  if (call.objective?.trim()) {
    parts.push(`Objective for this call: ${fillTemplate(call.objective, variables).trim()}`);
  }
  parts.push(
    "You are speaking on a phone call: answer in short spoken sentences without markdown or lists. " +
      "Keypad presses arrive as text like [caller pressed 5].",
  );
  return parts.filter(Boolean).join("\n\n");
}

export function buildFirstMessage(call: CallContext): string {
  return fillTemplate(call.agent.first_message, templateVariables(call)).trim();
}
