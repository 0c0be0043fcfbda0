// What every knowledge test file starts from: a control plane with the test embedding model, an
// ingestion worker the tests drain by hand, the gateway's store and retriever on the same bus,
// and the help pages for URL sources. All test files share one process and one database, so
// each file calls useKnowledgeSuite() for a suite (and an org) of its own.
import { afterAll, beforeAll } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import { writeTestModel } from "@switchboard/shared/embeddings/test-model";
import { KnowledgeRetriever } from "@switchboard/shared/knowledge/retrieval";
import { KnowledgeStore } from "@switchboard/shared/knowledge/store";
import { createLogger } from "@switchboard/shared/logger";
import { asc, eq } from "drizzle-orm";
import { knowledgeChunks } from "../../../db/schema.ts";
import { type ApiClient, harnessClient, type RequestBody } from "../../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../../testing/harness.ts";
import { KnowledgeWorker } from "../worker.ts";
import { type HelpPages, serveHelpPages } from "./help-pages.ts";

export type ExternalBody = RequestBody<"/api/v1/knowledge/external/{external_id}", "put">;

export const sourcePath = (id: string) => ({ params: { path: { source_id: id } } });
export const externalPath = (externalId: string) => ({ params: { path: { external_id: externalId } } });

/** A multipart body as the client sends it: each field a part of the form. */
function asForm(body: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) form.append(name, value);
  return form;
}

/** Fields are set in the file's beforeAll; the helpers are arrow functions, safe to destructure. */
export class KnowledgeSuite {
  readonly log = createLogger("silent");
  /** Holds the test embedding model; removed after the file's tests. */
  scratchDir!: string;
  harness!: Harness;
  api!: ApiClient;
  worker!: KnowledgeWorker;
  gatewayStore!: KnowledgeStore;
  retriever!: KnowledgeRetriever;
  pages!: HelpPages;

  async start(): Promise<void> {
    this.scratchDir = mkdtempSync(join(tmpdir(), "sb-knowledge-"));
    const model = writeTestModel(this.scratchDir);
    this.harness = await createHarness({
      config: { embeddingModel: model.embeddingModel, modelsDir: model.modelsDir },
    });
    const { ctx, orgId } = this.harness;
    this.api = harnessClient(this.harness);
    this.worker = new KnowledgeWorker({
      db: ctx.db,
      bus: ctx.bus,
      log: this.log,
      embedder: () => embedderFromConfig(ctx.config),
      chunkTokens: 200,
      orgIds: [orgId],
    });
    this.gatewayStore = new KnowledgeStore(ctx.bus, this.log, model.embeddingModel);
    await this.gatewayStore.start();
    this.retriever = new KnowledgeRetriever({
      store: this.gatewayStore,
      embedder: () => embedderFromConfig(ctx.config),
      tokenBudget: 600,
    });
    this.pages = serveHelpPages(ctx.config.knowledgeMaxBytes);
  }

  async stop(): Promise<void> {
    this.pages.releaseSlow();
    await this.worker.drain();
    await this.gatewayStore.stop();
    await this.harness.close();
    this.pages.stop();
    rmSync(this.scratchDir, { recursive: true, force: true });
  }

  getSource = async (id: string) => {
    return (await this.api.GET("/api/v1/knowledge/{source_id}", sourcePath(id))).data!;
  };

  putExternal = (externalId: string, body: ExternalBody, client = this.api) =>
    client.PUT("/api/v1/knowledge/external/{external_id}", { ...externalPath(externalId), body });

  upload = async (bytes: Uint8Array | string, name: string, type: string, title?: string) => {
    const file = new File([bytes as BlobPart], name, { type });
    return this.api.POST("/api/v1/knowledge/file", {
      body: title ? { file, title } : { file },
      bodySerializer: asForm,
    });
  };

  chunkTexts = async (sourceId: string): Promise<string[]> => {
    const rows = await this.harness.ctx.db
      .select({ text: knowledgeChunks.text })
      .from(knowledgeChunks)
      .where(eq(knowledgeChunks.sourceId, sourceId))
      .orderBy(asc(knowledgeChunks.ordinal));
    return rows.map((row) => row.text);
  };
}

/** Registers this file's beforeAll and afterAll; PGlite's first start can take seconds. */
export function useKnowledgeSuite(): KnowledgeSuite {
  const suite = new KnowledgeSuite();
  beforeAll(() => suite.start(), 60_000);
  afterAll(() => suite.stop());
  return suite;
}
