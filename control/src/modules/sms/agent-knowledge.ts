// A texting agent's knowledge: the passages of its sources that match the inbound message,
// retrieved as a voice call's turn retrieves them (shared/src/knowledge), from what control
// has published on the bus. Without an embedding model the reply goes out without them.

import type { Agent } from "@switchboard/shared/agent";
import { formatKnowledgeContext } from "@switchboard/shared/knowledge/retrieval";
import { createKnowledgeRuntime, type KnowledgeRuntime } from "@switchboard/shared/knowledge/runtime";
import type { ControlContext } from "../../context.ts";

type Deps = Pick<ControlContext, "bus" | "config" | "log">;

const runtimes = new WeakMap<object, Promise<KnowledgeRuntime>>();

function runtimeFor(deps: Deps): Promise<KnowledgeRuntime> {
  let runtime = runtimes.get(deps.bus);
  if (!runtime) {
    runtime = createKnowledgeRuntime({ bus: deps.bus, config: deps.config, log: deps.log, subscribe: false });
    runtimes.set(deps.bus, runtime);
  }
  return runtime;
}

/** The system message with the matching passages; null when none match or none can be found. */
export async function smsKnowledgeContext(
  deps: Deps,
  orgId: string,
  agent: Pick<Agent, "knowledge">,
  message: string,
): Promise<string | null> {
  if (!agent.knowledge || agent.knowledge.mode === "none") return null;
  try {
    const { retriever } = await runtimeFor(deps);
    const retrieval = await retriever.retrieveForTurn({ knowledge: agent.knowledge, org_id: orgId }, message);
    return formatKnowledgeContext(retrieval.passages) || null;
  } catch (error) {
    deps.log.warn({ err: error, org_id: orgId }, "SMS reply without knowledge: retrieval failed");
    return null;
  }
}
