// One SIPp call and what became of it: answered (the caller listens for a moment, then hangs
// up), or refused with a status, its Retry-After and its Reason, read from SIPp's error log.
import { expect } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import { type ApiClient, type Call, E2E_WAIT, INBOUND_NUMBER } from "./acceptance.ts";

export type CallOutcome =
  | { answered: true; atMs: number }
  | { answered: false; atMs: number; status: number; retryAfter: string | null; reason: string | null };

/** The caller hears the greeting for this long before hanging up. */
const LISTEN_MS = 2500;

export async function callOnce(dir: string, sipPort: number): Promise<CallOutcome> {
  const atMs = Date.now();
  const result = await runSipp({
    scenario: speakingCallerScenario(dir, "", "uac-listens-then-hangs-up", [], LISTEN_MS),
    gatewayPort: sipPort,
    service: INBOUND_NUMBER,
    timeoutS: 20,
  });
  if (result.exitCode === 0) return { answered: true, atMs };
  const refusal = /received 'SIP\/2\.0 (\d{3})[\s\S]*?'/.exec(result.errors);
  if (!refusal)
    throw new Error(`the call neither answered nor was refused:\n${result.errors}\n${result.stderr}`);
  const message = refusal[0];
  return {
    answered: false,
    atMs,
    status: Number(refusal[1]),
    retryAfter: /^Retry-After: *(\S+)/im.exec(message)?.[1] ?? null,
    reason: /^Reason: *(.+)$/im.exec(message)?.[1]?.trim() ?? null,
  };
}

/**
 * Calls until one is answered or `deadlineMs` passes; every refusal meanwhile must be a 503
 * asking the caller to retry because control's state is not published yet.
 */
export async function callUntilAnswered(
  dir: string,
  sipPort: number,
  deadlineMs: number,
): Promise<{ answeredAtMs: number; refusals: CallOutcome[] }> {
  const refusals: CallOutcome[] = [];
  const answered = await waitFor(
    "a call to be answered",
    async () => {
      const outcome = await callOnce(dir, sipPort);
      if (outcome.answered) return outcome;
      expect({ status: outcome.status, reason: outcome.reason }).toEqual({
        status: 503,
        reason: 'SIP ;cause=503 ;text="Service state not yet published"',
      });
      expect(Number(outcome.retryAfter)).toBeGreaterThan(0);
      refusals.push(outcome);
      return null;
    },
    { timeoutMs: Math.max(0, deadlineMs - Date.now()), intervalMs: 200 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; refusals: ${JSON.stringify(refusals)}`);
  });
  return { answeredAtMs: answered.atMs, refusals };
}

/** The newest completed inbound call began with the agent's greeting, as the caller heard it. */
export async function expectGreetedCall(
  api: ApiClient,
  greeting: string,
  completedBefore: number,
): Promise<Call> {
  const latest = await waitFor(
    "the answered call to be recorded as completed",
    async () => {
      const page = await api.request<{ data: Call[] }>(
        "GET",
        "/calls?direction=inbound&status=completed&limit=100",
      );
      return page.body.data.length > completedBefore ? page.body.data[0] : null;
    },
    E2E_WAIT,
  );
  const call = (await api.request<Call>("GET", `/calls/${latest.id}`)).body;
  expect(call.answered_at).not.toBeNull();
  expect(call.transcript[0]).toMatchObject({ role: "agent", text: greeting });
  return call;
}

export async function completedInboundCalls(api: ApiClient): Promise<number> {
  const page = await api.request<{ data: Call[] }>(
    "GET",
    "/calls?direction=inbound&status=completed&limit=100",
  );
  return page.body.data.length;
}
