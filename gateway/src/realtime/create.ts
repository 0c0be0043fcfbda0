// Which application answers a call: agents with a `realtime` block run on their
// speech-to-speech model, every other agent on the turn pipeline.
import { runtimeOf } from "@switchboard/shared/agent";
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext, MediaApplication, RunningApplication } from "../call-core/application.ts";
import { callContextHeaders } from "../pipeline/tools/call-headers.ts";
import { toolSecretSource } from "../pipeline/tools/secret-headers.ts";
import { buildProviders } from "../providers/registry.ts";
import { callTenant } from "../tenant/call-tenant.ts";
import type { VadEngine } from "../vad/engine.ts";
import { RealtimeApplication } from "./application.ts";
import { connectRealtime, type RealtimeConfig } from "./connect.ts";
import { realtimeOf } from "./settings.ts";

interface RealtimeSetup {
  /** The providers' settings too: a warm transfer's hold message, briefing and answer use them. */
  config: RealtimeConfig & Parameters<typeof buildProviders>[0];
  log: Logger;
  vad: VadEngine;
  retrieveContext?: (call: CallContext, query: string, signal: AbortSignal) => Promise<string | null>;
}

export function createRealtimeApplication(setup: RealtimeSetup): RealtimeApplication {
  const log = setup.log.child({ component: "realtime" });
  const tenantOf = (call: CallContext) =>
    callTenant(
      setup.config,
      { callId: call.callId, agentId: call.agent.id, runtime: runtimeOf(call.agent) },
      log,
    );
  return new RealtimeApplication({
    vad: setup.vad,
    logger: log,
    retrieveContext: setup.retrieveContext,
    toolRequests: (call) => {
      const tenant = tenantOf(call);
      return {
        urlPolicy: tenant.urlPolicy,
        signer: tenant.signer,
        callHeaders: callContextHeaders(call),
        secrets: toolSecretSource(setup.config, runtimeOf(call.agent)),
      };
    },
    transferProviders: (call) =>
      buildProviders(setup.config, call.agent, {
        signer: tenantOf(call).signer,
        logger: log.child({ call_id: call.callId }),
      }),
    connect: (call, settings, session, listener) =>
      connectRealtime({
        config: setup.config,
        agent: call.agent,
        settings,
        session,
        listener,
        logger: log.child({ call_id: call.callId }),
      }),
  });
}

/** Runs each call on the realtime application when its agent has a realtime block. */
export function withRealtimeAgents(pipeline: MediaApplication, setup: RealtimeSetup): MediaApplication {
  const realtime = createRealtimeApplication(setup);
  return {
    start(call: CallContext): Promise<RunningApplication> {
      return realtimeOf(call.agent) ? realtime.start(call) : pipeline.start(call);
    },
  };
}
