// What a production gateway answers calls with: the turn pipeline, with knowledge retrieved
// locally from the index the bus keeps up to date; and voice samples for the agent form.
import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import { createKnowledgeRuntime } from "@switchboard/shared/knowledge/runtime";
import type { Logger } from "@switchboard/shared/logger";
import type { MediaApplication } from "./call-core/application.ts";
import { createAgentApplication } from "./pipeline/create.ts";
import { VoiceSampleResponder } from "./voice-sample/responder.ts";

interface AgentRuntime {
  application: MediaApplication;
  stop(): Promise<void>;
}

export async function startAgentRuntime(options: {
  config: Config;
  log: Logger;
  bus: Bus;
}): Promise<AgentRuntime> {
  const knowledge = await createKnowledgeRuntime({
    bus: options.bus,
    config: options.config,
    log: options.log.child({ component: "knowledge" }),
    subscribe: true,
  });
  const application = await createAgentApplication({
    config: options.config,
    log: options.log,
    knowledge: knowledge.retriever,
  });
  const voiceSamples = new VoiceSampleResponder({
    bus: options.bus,
    config: options.config,
    log: options.log.child({ component: "voice-sample" }),
  });
  await voiceSamples.start();
  return {
    application,
    stop: async () => {
      await voiceSamples.stop();
      await knowledge.store.stop();
    },
  };
}
