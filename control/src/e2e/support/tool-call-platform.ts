// The embedded platform for acceptance tests of an agent's tools on a real call: the stand-ins
// with the test's LLM script, the platform trusting loopback tool servers, credits bought, and
// one SIPp caller who speaks to the agent a number is attached to; the call as the API shows it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp, type SippResult } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import { type ApiClient, type Call, E2E_WAIT, makeCallerAudio } from "./acceptance.ts";
import { startEmbeddedPlatform } from "./embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./processes.ts";

export interface ToolCallPlatform {
  api: ApiClient;
  /** Attaches `number` to the agent, has SIPp speak to it, and returns the completed call. */
  callAgent(number: string, agentId: string): Promise<{ sipp: SippResult; call: Call }>;
  stop(): Promise<void>;
}

/** A pipeline agent on the stand-ins, referencing catalogue tools. */
export function toolAgentBody(name: string, toolIds: string[]): Record<string, unknown> {
  return {
    name,
    first_message: "Hello.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0 },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
    tool_ids: toolIds,
  };
}

export async function startToolCallPlatform(
  name: string,
  numbers: string[],
  llmScript: Record<string, unknown>,
): Promise<ToolCallPlatform> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const callerAudio = makeCallerAudio(dir);
  const processes: RunningProcess[] = [];
  const stop = async () => {
    for (const process of processes.reverse()) await process.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const standIns = await startProcess(
      scripts.standIns,
      { STAND_IN_SCRIPT: JSON.stringify({ llm: llmScript }) },
      /ELEVENLABS_BASE_URL=\S+/,
    );
    processes.push(standIns);
    const embedded = await startEmbeddedPlatform(dir, {
      NUMBER_INVENTORY: numbers.join(","),
      // Tool servers are on loopback here; the guard's refusals are tested in the /tools suite.
      ALLOW_PRIVATE_URLS: "true",
      OPENAI_API_KEY: "sk-stand-in",
      ...standInUrlsOf(standIns.output()),
    });
    processes.push(embedded.process);
    const { api, sipPort } = embedded;
    const credits = await api.request("POST", "/credits/purchase", { amount_cents: 10_000 });
    if (credits.status !== 201) throw new Error(`credits not bought: ${credits.status}`);
    return {
      api,
      stop,
      async callAgent(number, agentId) {
        const attached = await api.request("POST", "/phone-numbers", {
          phone_number: number,
          agent_id: agentId,
        });
        if (attached.status !== 201) throw new Error(`number not attached: ${attached.status}`);
        const sipp = await runSipp({
          scenario: speakingCallerScenario(dir, callerAudio, "uac-speaks-expect-reply", [1500], 8000),
          gatewayPort: sipPort,
          service: number,
          timeoutS: 30,
        });
        const listed = await waitFor(
          "the completed call",
          async () => {
            const page = await api.request<{ data: Array<Call & { to_number: string }> }>(
              "GET",
              "/calls?status=completed",
            );
            return page.body.data.find((call) => call.to_number === number);
          },
          E2E_WAIT,
        );
        return { sipp, call: (await api.request<Call>("GET", `/calls/${listed.id}`)).body };
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
