import { runtimeOf } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import { type KnowledgeRetriever, knowledgeContextFor } from "@switchboard/shared/knowledge/retrieval";
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext, MediaApplication } from "../call-core/application.ts";
import { tracedRetrieval } from "../metrics/call-traces.ts";
import type { ProviderMetrics } from "../providers/base/metrics.ts";
import { buildProviders } from "../providers/registry.ts";
import { withRealtimeAgents } from "../realtime/create.ts";
import { callTenant } from "../tenant/call-tenant.ts";
import { loadVadEngine } from "../vad/load.ts";
import { AgentApplication } from "./agent-application.ts";
import { callContextHeaders } from "./tools/call-headers.ts";
import { toolSecretSource } from "./tools/secret-headers.ts";
import { loadEndOfTurnModel } from "./turn-taking/load-turn-model.ts";

interface AgentApplicationSetup {
  config: Config;
  log: Logger;
  metrics?: ProviderMetrics;
  /** Local knowledge retrieval: each caller turn's words fetch passages for the agent's sources. */
  knowledge?: KnowledgeRetriever;
}

/**
 * The gateway's agent application: one VAD engine (Silero, batched across calls; energy VAD
 * when the model cannot load), the end-of-turn model when TURN_MODEL_PATH loads (batched the
 * same way) and each call's providers from the agent's settings. Agents
 * with a `realtime` block run on their speech-to-speech model instead (realtime/).
 */
export async function createAgentApplication(setup: AgentApplicationSetup): Promise<MediaApplication> {
  const log = setup.log.child({ component: "pipeline" });
  const knowledge = setup.knowledge;
  const vad = await loadVadEngine(log);
  const turnModel = await loadEndOfTurnModel(setup.config.turnModelPath, log);
  log.info({ vad: vad.name, turn_model: turnModel?.name ?? null }, "turn pipeline ready");
  const retrieveContext = knowledge
    ? (call: CallContext, query: string, signal: AbortSignal) =>
        tracedRetrieval(call.callId, () =>
          knowledgeContextFor(knowledge, { knowledge: call.agent.knowledge, org_id: call.orgId })(
            query,
            signal,
          ),
        )
    : undefined;
  const pipeline = new AgentApplication({
    vad,
    turnModel,
    logger: log,
    retrieveContext,
    providers: (agent, call) => {
      const tenant = callTenant(
        setup.config,
        { callId: call.callId, agentId: agent.id, runtime: runtimeOf(agent) },
        log,
      );
      return {
        ...buildProviders(setup.config, agent, {
          metrics: setup.metrics,
          signer: tenant.signer,
          logger: log.child({ call_id: call.callId }),
          // The custom-LLM webhook learns which call it is answering.
          webhookExtraBody: { call_id: call.callId, metadata: call.metadata },
        }),
        toolRequests: {
          urlPolicy: tenant.urlPolicy,
          signer: tenant.signer,
          callHeaders: callContextHeaders(call),
          secrets: toolSecretSource(setup.config, runtimeOf(agent)),
        },
      };
    },
  });
  return withRealtimeAgents(pipeline, { config: setup.config, log: setup.log, vad, retrieveContext });
}
