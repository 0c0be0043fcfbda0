import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext } from "../calls/application.ts";
import type { ProviderMetrics } from "../providers/base/metrics.ts";
import { buildProviders } from "../providers/registry.ts";
import { loadVadEngine } from "../vad/load.ts";
import { AgentApplication } from "./agent-application.ts";

export interface AgentApplicationSetup {
  config: Config;
  log: Logger;
  metrics?: ProviderMetrics;
  /** Knowledge retrieval for the caller's words (null: none). */
  retrieveContext?: (call: CallContext, query: string, signal: AbortSignal) => Promise<string | null>;
}

/**
 * The gateway's agent application: one VAD engine (Silero, batched across calls; energy VAD
 * when the model cannot load) and each call's providers from the agent's settings.
 */
export async function createAgentApplication(setup: AgentApplicationSetup): Promise<AgentApplication> {
  const log = setup.log.child({ component: "pipeline" });
  const vad = await loadVadEngine(log);
  log.info({ vad: vad.name }, "turn pipeline ready");
  return new AgentApplication({
    vad,
    logger: log,
    retrieveContext: setup.retrieveContext,
    providers: (agent, call) =>
      buildProviders(setup.config, agent, {
        metrics: setup.metrics,
        // The custom-LLM webhook learns which call it is answering.
        webhookExtraBody: { call_id: call.callId, metadata: call.metadata },
      }),
  });
}
