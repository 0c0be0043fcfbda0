// From a source to an answer: retrieval ranking and scoping, files and web pages made text,
// search without a loadable model, and the background worker that embeds them.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness } from "../../testing/harness.ts";
import { minimalDocx, minimalPdf } from "./testing/fixtures.ts";
import { sourcePath, useKnowledgeSuite } from "./testing/knowledge-suite.ts";
import { KnowledgeWorker } from "./worker.ts";

const suite = useKnowledgeSuite();
const { getSource, putExternal, upload, chunkTexts } = suite;

describe("retrieval", () => {
  test("the right passage ranks first, with scores, for the org and the agent's selection", async () => {
    const docs = {
      refunds: "Refunds are available within 30 days of purchase with the receipt. Contact support by email.",
      shipping:
        "Express shipping delivers the package within two days; international delivery takes ten days.",
      breakfast:
        "Breakfast is served in the restaurant from seven to ten; vegan and gluten free food is available.",
      battery: "The laptop battery charger cable is sold separately in the computer store.",
    };
    const ids: Record<string, string> = {};
    for (const [name, content] of Object.entries(docs)) {
      ids[name] = (await suite.api.POST("/api/v1/knowledge/text", { body: { title: name, content } }))
        .data!.id;
    }
    await suite.worker.drain();

    const search = await suite.api.GET("/api/v1/knowledge/search", {
      params: { query: { q: "how long does international delivery of my package take", k: 3 } },
    });
    expect(search.response.status).toBe(200);
    expect(search.data!.data[0]!.source_id).toBe(ids.shipping!);
    expect(search.data!.data[0]!.score).toBeGreaterThan(search.data!.data[1]!.score);
    expect(search.data!.data.length).toBeLessThanOrEqual(3);

    const agent = await suite.api.POST("/api/v1/agents", {
      body: {
        name: "Front desk",
        knowledge: { mode: "selected", source_ids: [ids.breakfast!, ids.battery!], top_k: 2 },
      },
    });
    const scoped = await suite.api.GET("/api/v1/knowledge/search", {
      params: { query: { q: "is vegan breakfast food served in the restaurant", agent_id: agent.data!.id } },
    });
    expect(scoped.data!.data[0]!.source_id).toBe(ids.breakfast!);
    expect(scoped.data!.data.every((hit) => [ids.breakfast, ids.battery].includes(hit.source_id))).toBe(true);

    const none = await suite.retriever.retrieveForTurn(
      { org_id: suite.harness.orgId, knowledge: { mode: "none", source_ids: [], top_k: 3 } },
      "refunds",
    );
    expect(none.passages).toEqual([]);
  });

  test("another org sees none of these sources", async () => {
    const other = harnessClient(suite.harness, (await suite.harness.newOrg()).ownerKey);
    const list = await other.GET("/api/v1/knowledge");
    expect(list.data!.data).toEqual([]);
    const search = await other.GET("/api/v1/knowledge/search", { params: { query: { q: "refunds" } } });
    expect(search.data!.data).toEqual([]);
    const mine = await suite.api.GET("/api/v1/knowledge");
    const foreign = await other.GET("/api/v1/knowledge/{source_id}", sourcePath(mine.data!.data[0]!.id));
    expect(foreign.response.status).toBe(404);
  });
});

describe("files and URLs", () => {
  test("a PDF, a DOCX and a Markdown file become searchable text", async () => {
    const pdf = await upload(
      minimalPdf(
        ["Parking is free after six in the evening.", "The garage is on the north street."],
        "Parking",
      ),
      "parking.pdf",
      "application/pdf",
    );
    expect(pdf.response.status).toBe(201);
    const pdfSource = pdf.data!;
    expect(pdfSource.kind).toBe("file");
    expect(pdfSource.title).toBe("Parking");

    const docx = await upload(
      minimalDocx([
        { text: "Returns", heading: 1 },
        { text: "Damaged items can be returned for a replacement." },
      ]),
      "returns.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.response.status).toBe(201);
    const docxSource = docx.data!;
    expect(docxSource.title).toBe("returns.docx");

    const markdown = await upload(
      "# Pharmacy\n\nThe pharmacy fills every prescription.\n\n## Hours\n\nOpen on saturday morning.",
      "pharmacy.md",
      "text/markdown",
    );
    expect(markdown.response.status).toBe(201);
    const markdownSource = markdown.data!;
    await suite.worker.drain();

    expect((await chunkTexts(pdfSource.id)).join(" ")).toContain("Parking is free after six in the evening.");
    expect((await chunkTexts(docxSource.id))[0]).toBe(
      "Returns\n\nDamaged items can be returned for a replacement.",
    );
    expect(await chunkTexts(markdownSource.id)).toEqual([
      "Pharmacy\n\nThe pharmacy fills every prescription.",
      "Pharmacy > Hours\n\nOpen on saturday morning.",
    ]);
    const hits = await suite.retriever.retrieveForTurn(
      {
        org_id: suite.harness.orgId,
        knowledge: { mode: "selected", source_ids: [pdfSource.id, docxSource.id], top_k: 1 },
      },
      "is parking free in the evening",
    );
    expect(hits.passages[0]?.source_id).toBe(pdfSource.id);
  });

  test("POST /knowledge/url keeps the readable article and its headings", async () => {
    const created = await suite.api.POST("/api/v1/knowledge/url", {
      body: { url: `${suite.pages.baseUrl}/article` },
    });
    expect(created.response.status).toBe(201);
    expect(created.data!.title).toBe("Help centre");
    expect(created.data!.url).toBe(`${suite.pages.baseUrl}/article`);
    await suite.worker.drain();
    const texts = (await chunkTexts(created.data!.id)).join("\n");
    expect(texts).toContain("Bicycle racks are available");
    expect(texts).toContain("Bicycles\n\n");
    expect(texts).not.toContain("Copyright");
    const plain = await suite.api.POST("/api/v1/knowledge/url", {
      body: { url: `${suite.pages.baseUrl}/notes.txt`, title: "Vouchers" },
    });
    expect(plain.response.status).toBe(201);
    expect(plain.data!.title).toBe("Vouchers");
  });
});
describe("model problems", () => {
  test("search without a loadable model is a 503 naming where it looked, not a 500", async () => {
    const broken = await createHarness({
      bus: suite.harness.ctx.bus,
      config: { ...suite.harness.ctx.config, modelsDir: join(suite.scratchDir, "no-models-here") },
    });
    try {
      const response = await harnessClient(broken, suite.harness.ownerKey).GET("/api/v1/knowledge/search", {
        params: { query: { q: "refunds" } },
      });
      expect(response.response.status).toBe(503);
      const problem = response.error!;
      expect(problem.code).toBe("embedding_model_unavailable");
      expect(problem.detail).toContain(`MODELS_DIR=${join(suite.scratchDir, "no-models-here")}`);
    } finally {
      await broken.close();
    }
  });
});

describe("ingestion worker", () => {
  test("runs in the background, woken through the bus, with visible status and progress", async () => {
    const background = new KnowledgeWorker({
      db: suite.harness.ctx.db,
      bus: suite.harness.ctx.bus,
      log: suite.log,
      embedder: () => embedderFromConfig(suite.harness.ctx.config),
      chunkTokens: 32,
      orgIds: [suite.harness.orgId],
      pollMs: 60_000,
    });
    await background.start();
    try {
      const content = Array.from(
        { length: 60 },
        (_, i) => `Paragraph ${i} is about the order tracking number and the delivery address.`,
      ).join("\n\n");
      const created = (await suite.api.POST("/api/v1/knowledge/text", { body: { title: "Long", content } }))
        .data!;
      expect(["pending", "processing", "ready"]).toContain(created.status);
      const source = await waitFor(
        "the source to be ready",
        async () => {
          const latest = await getSource(created.id);
          if (latest.status === "failed") throw new Error(`the source failed: ${JSON.stringify(latest)}`);
          return latest.status === "ready" && latest;
        },
        { timeoutMs: 15_000, intervalMs: 50 },
      );
      expect(source.status).toBe("ready");
      expect(source.progress).toBe(100);
      expect(source.chunk_count).toBeGreaterThan(10);
    } finally {
      await background.stop();
    }
  });

  test("a model that cannot be loaded fails the source with the reason", async () => {
    const broken = new KnowledgeWorker({
      db: suite.harness.ctx.db,
      bus: suite.harness.ctx.bus,
      log: suite.log,
      embedder: () =>
        embedderFromConfig({ ...suite.harness.ctx.config, embeddingModel: "nobody/missing-model" }),
      chunkTokens: 200,
      orgIds: [suite.harness.orgId],
    });
    const created = (
      await suite.api.POST("/api/v1/knowledge/text", {
        body: { title: "Doomed", content: "This will not be embedded." },
      })
    ).data!;
    expect(await broken.drain()).toBe(1);
    const failed = await getSource(created.id);
    expect(failed.status).toBe("failed");
    expect(String(failed.error)).toContain("nobody/missing-model");

    const retried = await putExternal("doomed", { title: "Doomed", content: "This will not be embedded." });
    expect(retried.response.status).toBe(201);
    await suite.worker.drain();
    expect((await getSource(retried.data!.id)).status).toBe("ready");
  });
});
