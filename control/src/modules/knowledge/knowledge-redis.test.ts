// Control and a gateway as separate processes would run them: each with its own Redis
// connection, sharing only the bus.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RedisBus } from "@switchboard/shared/bus/redis";
import { embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import { writeTestModel } from "@switchboard/shared/embeddings/test-model";
import { createKnowledgeRuntime, type KnowledgeRuntime } from "@switchboard/shared/knowledge/runtime";
import { createLogger } from "@switchboard/shared/logger";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";
import { KnowledgeWorker } from "./worker.ts";

const log = createLogger("silent");
let dir: string;
let controlBus: RedisBus;
let gatewayBus: RedisBus;
let h: Harness;
let gateway: KnowledgeRuntime;
let worker: KnowledgeWorker;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sb-knowledge-redis-"));
  const model = writeTestModel(dir);
  const prefix = `sbtest:${crypto.randomUUID()}:`;
  controlBus = await testRedisBus(prefix);
  gatewayBus = await testRedisBus(prefix);
  h = await createHarness({
    bus: controlBus,
    config: { embeddingModel: model.embeddingModel, modelsDir: model.modelsDir },
  });
  worker = new KnowledgeWorker({
    db: h.ctx.db,
    bus: controlBus,
    log,
    embedder: () => embedderFromConfig(h.ctx.config),
    chunkTokens: 200,
    orgIds: [h.orgId],
  });
  gateway = await createKnowledgeRuntime({ bus: gatewayBus, config: h.ctx.config, log, subscribe: true });
}, 60_000);

afterAll(async () => {
  await worker.drain();
  await gateway.store.stop();
  await h.close();
  await controlBus.close();
  await gatewayBus.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a gateway on its own Redis connection answers from published sources and forgets deleted ones", async () => {
  const agent = { org_id: h.orgId, knowledge: { mode: "all" as const, source_ids: [], top_k: 3 } };
  const api = harnessClient(h);
  const external = { params: { path: { external_id: "faq-refunds" } } };
  const refunds = await api.PUT("/api/v1/knowledge/external/{external_id}", {
    ...external,
    body: {
      kind: "text",
      title: "Refund policy",
      content: "Refunds are available within 30 days of purchase.",
    },
  });
  const parking = await api.POST("/api/v1/knowledge/text", {
    body: { title: "Parking", content: "Parking in the garage is free for customers." },
  });
  expect(parking.response.status).toBe(201);
  await worker.drain();

  const first = await gateway.retriever.retrieveForTurn(agent, "can i get a refund for my purchase");
  expect(first.passages[0]?.source_id).toBe(refunds.data!.id);
  expect(first.passages[0]?.title).toBe("Refund policy");

  expect((await api.DELETE("/api/v1/knowledge/external/{external_id}", external)).response.status).toBe(204);
  const after = await gateway.retriever.retrieveForTurn(agent, "can i get a refund for my purchase");
  expect(after.passages.map((passage) => passage.source_id)).not.toContain(refunds.data!.id);
  expect(after.passages.length).toBeGreaterThan(0);
});
