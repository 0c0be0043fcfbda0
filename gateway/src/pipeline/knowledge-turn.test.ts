// A caller's turn through the real turn pipeline: the final transcript is embedded with the
// local model, the org's index answers, and the passage reaches that turn's LLM request.
import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes, knowledgeSourcesHash } from "@switchboard/shared/bus/topics";
import { loadEmbedder } from "@switchboard/shared/embeddings/embedder";
import { writeTestModel } from "@switchboard/shared/embeddings/test-model";
import { packVectors } from "@switchboard/shared/embeddings/vectors";
import type { PublishedSource } from "@switchboard/shared/knowledge/published";
import { KnowledgeRetriever, knowledgeContextFor } from "@switchboard/shared/knowledge/retrieval";
import { KnowledgeStore } from "@switchboard/shared/knowledge/store";
import { createLogger } from "@switchboard/shared/logger";
import { startTestCall, type TestCall } from "./testing/test-call.ts";

let dir: string;
let bus: MemoryBus;
let retriever: KnowledgeRetriever;
let call: TestCall | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sb-turn-knowledge-"));
  const model = writeTestModel(dir);
  const embedder = await loadEmbedder({
    model: model.embeddingModel,
    modelsDir: model.modelsDir,
    cacheDir: dir,
  });
  bus = new MemoryBus();
  const texts = [
    "The store opens at nine on monday morning.",
    "Parking in the garage is free for customers after six in the evening.",
  ];
  const vectors = await embedder.embed(texts);
  const source: PublishedSource = {
    id: "ks_faq",
    org_id: "org_test",
    title: "FAQ",
    model: model.embeddingModel,
    dimensions: embedder.dimensions,
    content_hash: "h",
    chunks: texts.map((text) => ({ text, tokens: 12 })),
    vectors: Buffer.from(packVectors(vectors, embedder.dimensions)).toString("base64"),
  };
  await bus.hashSet(knowledgeSourcesHash("org_test"), source.id, JSON.stringify(source));
  await bus.hashSet(Hashes.knowledgeRevisions, "org_test", "r1");
  retriever = new KnowledgeRetriever({
    store: new KnowledgeStore(bus, createLogger("silent"), model.embeddingModel),
    embedder: async () => embedder,
    tokenBudget: 600,
  });
}, 60_000);

afterEach(async () => {
  await call?.app.stop();
  call = null;
});

afterAll(async () => {
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the passage that answers the caller is in that turn's LLM request", async () => {
  call = await startTestCall({
    agent: { knowledge: { mode: "all", source_ids: [], top_k: 1 } },
    llm: [{ tokens: ["Parking is free after six."] }],
    stt: ["is parking in the garage free in the evening"],
    retrieveContext: (testCall, query, signal) =>
      knowledgeContextFor(retriever, { knowledge: testCall.agent.knowledge, org_id: testCall.orgId })(
        query,
        signal,
      ),
  });
  await call.speak(400);
  await call.until(() => call!.llm.requests.length === 1);
  const context = call.llm.requests[0]!.messages.at(-1)!;
  expect(context.role).toBe("system");
  expect(String(context.content)).toContain(
    "Parking in the garage is free for customers after six in the evening.",
  );
  expect(String(context.content)).not.toContain("opens at nine");
});
