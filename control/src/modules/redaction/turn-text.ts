// The redaction of a turn's text as control stores it (calls/events.ts), with each org's
// compiled policy kept between turns.

import { type RedactionPolicy, redactionOf } from "./policy.ts";
import { createRedactor, type Redactor } from "./redact.ts";

/** Policies in use at once are few; the cache is dropped whole when it grows past this. */
const MAX_CACHED_POLICIES = 256;
const redactors = new Map<string, Redactor>();

export function redactTurnText(stored: Partial<RedactionPolicy> | null | undefined, text: string): string {
  const policy = redactionOf(stored);
  if (policy.entities.length === 0 && policy.patterns.length === 0) return text;
  const key = JSON.stringify(policy);
  let redactor = redactors.get(key);
  if (!redactor) {
    if (redactors.size >= MAX_CACHED_POLICIES) redactors.clear();
    redactor = createRedactor(policy);
    redactors.set(key, redactor);
  }
  return redactor.redact(text);
}
