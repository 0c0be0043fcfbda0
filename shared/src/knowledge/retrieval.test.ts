import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryBus } from "../bus/memory.ts";
import { Channels, Hashes, knowledgeSourcesHash } from "../bus/topics.ts";
import { type Embedder, loadEmbedder } from "../embeddings/embedder.ts";
import { writeTestModel } from "../embeddings/test-model.ts";
import { packVectors } from "../embeddings/vectors.ts";
import { createLogger } from "../logger.ts";
import type { PublishedSource } from "./published.ts";
import { formatKnowledgeContext, KnowledgeRetriever, knowledgeContextFor } from "./retrieval.ts";
import { KnowledgeStore } from "./store.ts";

const log = createLogger("silent");
const ORG = "org_test";
let dir: string;
let modelId: string;
let embedder: Embedder;
let bus: MemoryBus;
let store: KnowledgeStore;
let retriever: KnowledgeRetriever;

/** What control's publisher puts on the bus for a ready source. */
async function publish(id: string, title: string, texts: string[], model = modelId): Promise<void> {
  const vectors = await embedder.embed(texts);
  const source: PublishedSource = {
    id,
    org_id: ORG,
    title,
    model,
    dimensions: embedder.dimensions,
    content_hash: id,
    chunks: texts.map((text) => ({ text, tokens: embedder.countTokens(text) - 2 })),
    vectors: Buffer.from(packVectors(vectors, embedder.dimensions)).toString("base64"),
  };
  await bus.hashSet(knowledgeSourcesHash(ORG), id, JSON.stringify(source));
  await announce(id, false);
}

async function announce(sourceId: string, removed: boolean): Promise<void> {
  const revision = crypto.randomUUID();
  await bus.hashSet(Hashes.knowledgeRevisions, ORG, revision);
  await bus.publish(
    Channels.knowledgeChanged,
    JSON.stringify({ org_id: ORG, source_id: sourceId, revision, removed }),
  );
}

const agent = (mode: "all" | "selected" | "none", sourceIds: string[] = [], topK = 3) => ({
  org_id: ORG,
  knowledge: { mode, source_ids: sourceIds, top_k: topK },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sb-retrieval-"));
  const model = writeTestModel(dir);
  modelId = model.embeddingModel;
  embedder = await loadEmbedder({ model: model.embeddingModel, modelsDir: model.modelsDir, cacheDir: dir });
  bus = new MemoryBus();
  store = new KnowledgeStore(bus, log, modelId);
  await store.start();
  retriever = new KnowledgeRetriever({ store, embedder: async () => embedder, tokenBudget: 600 });
  await publish("ks_refunds", "Refunds", [
    "Refunds are available within 30 days of purchase with a receipt.",
    "Gift cards cannot be exchanged for cash.",
  ]);
  await publish("ks_hours", "Hours", [
    "The store opens at nine on monday and closes at six on friday evening.",
  ]);
  await publish("ks_parking", "Parking", [
    "Parking in the garage is free for customers after six in the evening.",
  ]);
}, 60_000);

afterAll(async () => {
  await store.stop();
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("retrieveForTurn", () => {
  test("ranks the passage that answers the caller first and reports timings", async () => {
    const startedAtMs = performance.now();
    const result = await retriever.retrieveForTurn(
      agent("all"),
      "can I get a refund within 30 days of my purchase",
    );
    const elapsedMs = performance.now() - startedAtMs;
    expect(result.passages[0]).toMatchObject({ source_id: "ks_refunds", title: "Refunds" });
    expect(result.passages[0]!.text).toContain("30 days");
    expect(result.passages.length).toBe(3);
    // Both stages took time, and together no more than the whole call.
    expect(result.embedMs).toBeGreaterThan(0);
    expect(result.searchMs).toBeGreaterThan(0);
    expect(result.embedMs + result.searchMs).toBeLessThanOrEqual(elapsedMs);
    expect(result.tokens).toBe(result.passages.reduce((sum, passage) => sum + passage.tokens, 0));
  });

  test("keeps to the agent's selected sources, top_k and mode none", async () => {
    const selected = await retriever.retrieveForTurn(
      agent("selected", ["ks_parking", "ks_hours"], 5),
      "refund",
    );
    expect(selected.passages.map((passage) => passage.source_id).sort()).toEqual(["ks_hours", "ks_parking"]);
    expect((await retriever.retrieveForTurn(agent("all", [], 1), "parking garage")).passages).toHaveLength(1);
    expect((await retriever.retrieveForTurn(agent("none"), "refund")).passages).toEqual([]);
    expect((await retriever.retrieveForTurn(agent("selected", []), "refund")).passages).toEqual([]);
    expect(
      (await retriever.retrieveForTurn({ knowledge: agent("all").knowledge }, "refund")).passages,
    ).toEqual([]);
    expect((await retriever.retrieveForTurn(agent("all"), "   ")).passages).toEqual([]);
  });

  test("never goes over the token budget", async () => {
    const all = await retriever.retrieveForTurn(agent("all", [], 4), "store evening parking refund");
    const budget = all.passages[0]!.tokens + 1;
    const tight = await retriever.retrieveForTurn(agent("all", [], 4), "store evening parking refund", {
      tokenBudget: budget,
    });
    expect(tight.tokens).toBeLessThanOrEqual(budget);
    expect(tight.passages[0]).toEqual(all.passages[0]!);
    expect(tight.passages.length).toBeLessThan(all.passages.length);
    const nothing = await retriever.retrieveForTurn(agent("all"), "refund", { tokenBudget: 0 });
    expect(nothing.passages).toEqual([]);
  });

  test("applies published changes and removals; a source from another model is skipped", async () => {
    await publish("ks_pets", "Pets", ["Dogs and cats are welcome in the hotel room."]);
    const pets = await retriever.retrieveForTurn(agent("all", [], 1), "can my dog stay in the hotel room");
    expect(pets.passages[0]?.source_id).toBe("ks_pets");

    await bus.hashDelete(knowledgeSourcesHash(ORG), "ks_pets");
    await announce("ks_pets", true);
    const gone = await retriever.retrieveForTurn(agent("all", [], 5), "can my dog stay in the hotel room");
    expect(gone.passages.map((passage) => passage.source_id)).not.toContain("ks_pets");

    await publish(
      "ks_foreign",
      "Foreign",
      ["Dogs and cats are welcome in the hotel room."],
      "someone/other-model",
    );
    const foreign = await retriever.retrieveForTurn(agent("all", [], 5), "can my dog stay in the hotel room");
    expect(foreign.passages.map((passage) => passage.source_id)).not.toContain("ks_foreign");
    expect((await store.indexFor(ORG)).has("ks_foreign")).toBe(false);
  });
});

describe("LLM context", () => {
  test("formats the passages as one system message, and nothing when there are none", async () => {
    const hook = knowledgeContextFor(retriever, agent("all", [], 1));
    const context = await hook("parking in the garage", new AbortController().signal);
    expect(context).toContain("[1] Parking\nParking in the garage is free");
    expect(formatKnowledgeContext([])).toBe("");
    expect(
      await knowledgeContextFor(retriever, agent("none"))("parking", new AbortController().signal),
    ).toBeNull();
  });
});
