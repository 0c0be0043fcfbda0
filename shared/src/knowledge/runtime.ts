// Wires retrieval for a process: the store fed by the bus and the configured local model.
import type { Bus } from "../bus/contract.ts";
import type { Config } from "../config.ts";
import { embedderFromConfig } from "../embeddings/embedder.ts";
import type { Logger } from "../logger.ts";
import { KnowledgeRetriever } from "./retrieval.ts";
import { KnowledgeStore } from "./store.ts";

export interface KnowledgeRuntime {
  store: KnowledgeStore;
  retriever: KnowledgeRetriever;
}

/**
 * `subscribe` applies changes as they are announced (gateways); without it every search still
 * checks the org's revision on the bus, which suits an occasional caller such as the API.
 */
export async function createKnowledgeRuntime(options: {
  bus: Bus;
  config: Pick<Config, "embeddingModel" | "modelsDir" | "dataDir" | "knowledgeTokenBudget">;
  log: Logger;
  subscribe: boolean;
}): Promise<KnowledgeRuntime> {
  const { bus, config, log } = options;
  const store = new KnowledgeStore(bus, log, config.embeddingModel);
  if (options.subscribe) await store.start();
  const retriever = new KnowledgeRetriever({
    store,
    embedder: () => embedderFromConfig(config),
    tokenBudget: config.knowledgeTokenBudget,
  });
  return { store, retriever };
}
