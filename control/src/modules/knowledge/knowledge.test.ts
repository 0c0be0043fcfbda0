import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import { writeTestModel } from "@switchboard/shared/embeddings/test-model";
import { KnowledgeRetriever } from "@switchboard/shared/knowledge/retrieval";
import { KnowledgeStore } from "@switchboard/shared/knowledge/store";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { asc, eq } from "drizzle-orm";
import { knowledgeChunks } from "../../db/schema.ts";
import { type ApiClient, harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { minimalDocx, minimalPdf } from "./testing/fixtures.ts";
import { KnowledgeWorker } from "./worker.ts";

type Problem = { status: number; code: string; detail: string; errors?: { field: string }[] };
type ExternalBody = RequestBody<"/api/v1/knowledge/external/{external_id}", "put">;

const log = createLogger("silent");
let dir: string;
let h: Harness;
let api: ApiClient;
let worker: KnowledgeWorker;
let gatewayStore: KnowledgeStore;
let retriever: KnowledgeRetriever;
let pages: ReturnType<typeof Bun.serve>;
let pageBase: string;
let releaseSlow = () => {};
const slowReleased = new Promise<void>((resolve) => {
  releaseSlow = resolve;
});

const ARTICLE = `<!doctype html><html><head><title>Help centre</title></head><body>
<nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/cart">Cart</a></nav>
<article><h1>Parking at the store</h1>
<p>Parking is free for customers in the garage on the north side of the building. Show your receipt at the exit.</p>
<h2>Bicycles</h2>
<p>Bicycle racks are available at the front entrance next to the pharmacy, and they are covered from the rain.</p>
</article><footer>Copyright example</footer></body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sb-knowledge-"));
  const model = writeTestModel(dir);
  h = await createHarness({ config: { embeddingModel: model.embeddingModel, modelsDir: model.modelsDir } });
  api = harnessClient(h);
  worker = new KnowledgeWorker({
    db: h.ctx.db,
    bus: h.ctx.bus,
    log,
    embedder: () => embedderFromConfig(h.ctx.config),
    chunkTokens: 200,
    orgIds: [h.orgId],
  });
  gatewayStore = new KnowledgeStore(h.ctx.bus, log, model.embeddingModel);
  await gatewayStore.start();
  retriever = new KnowledgeRetriever({
    store: gatewayStore,
    embedder: () => embedderFromConfig(h.ctx.config),
    tokenBudget: 600,
  });
  pages = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      const path = new URL(request.url).pathname;
      if (path === "/article")
        return new Response(ARTICLE, { headers: { "content-type": "text/html; charset=utf-8" } });
      if (path === "/moved") return Response.redirect("/article", 302);
      if (path === "/notes.txt")
        return new Response("Gift vouchers never expire.", { headers: { "content-type": "text/plain" } });
      if (path === "/image.png")
        return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), {
          headers: { "content-type": "image/png" },
        });
      if (path === "/huge")
        return new Response("x".repeat(h.ctx.config.knowledgeMaxBytes + 10), {
          headers: { "content-type": "text/plain" },
        });
      // Answers only once the file's tests are done: any fetch timeout is shorter.
      if (path === "/slow") return slowReleased.then(() => new Response("late"));
      return new Response("no such page", { status: 404 });
    },
  });
  pageBase = `http://127.0.0.1:${pages.port}`;
}, 60_000);

afterAll(async () => {
  releaseSlow();
  await worker.drain();
  await gatewayStore.stop();
  await h.close();
  pages.stop(true);
  rmSync(dir, { recursive: true, force: true });
});

const sourcePath = (id: string) => ({ params: { path: { source_id: id } } });
const externalPath = (externalId: string) => ({ params: { path: { external_id: externalId } } });

async function getSource(id: string) {
  return (await api.GET("/api/v1/knowledge/{source_id}", sourcePath(id))).data!;
}

const putExternal = (externalId: string, body: ExternalBody, client = api) =>
  client.PUT("/api/v1/knowledge/external/{external_id}", { ...externalPath(externalId), body });

/** A multipart body as the client sends it: each field a part of the form. */
function asForm(body: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) form.append(name, value);
  return form;
}

async function upload(bytes: Uint8Array | string, name: string, type: string, title?: string) {
  const file = new File([bytes as BlobPart], name, { type });
  return api.POST("/api/v1/knowledge/file", {
    body: title ? { file, title } : { file },
    bodySerializer: asForm,
  });
}

async function chunkTexts(sourceId: string): Promise<string[]> {
  const rows = await h.ctx.db
    .select({ text: knowledgeChunks.text })
    .from(knowledgeChunks)
    .where(eq(knowledgeChunks.sourceId, sourceId))
    .orderBy(asc(knowledgeChunks.ordinal));
  return rows.map((row) => row.text);
}

describe("PUT /knowledge/external/{external_id}", () => {
  const seedBody = {
    kind: "text",
    title: "Refund policy",
    content: "Refunds are available within 30 days of purchase. Contact support@example.com.",
  } satisfies ExternalBody;

  test("the reference page's curl example works as printed, and re-sending never duplicates", async () => {
    const answer = await putExternal("faq-refunds", seedBody);
    expect(answer.response.status).toBe(201);
    const first = answer.data!;
    expect(first.external_id).toBe("faq-refunds");
    expect(first.status).toBe("pending");
    expect(await worker.drain()).toBe(1);

    const ready = await getSource(first.id);
    expect(ready.status).toBe("ready");
    expect(ready.progress).toBe(100);
    expect(ready.chunk_count).toBe(1);
    expect(ready.embedded_at).not.toBeNull();

    const again = await putExternal("faq-refunds", seedBody);
    expect(again.response.status).toBe(200);
    expect(again.data!.id).toBe(first.id);
    expect(again.data!.status).toBe("ready");
    expect(again.data!.content_hash).toBe(ready.content_hash);
    expect(again.data!.updated_at).toBe(ready.updated_at);
    expect(again.data!.embedded_at).toBe(ready.embedded_at);
    expect(await worker.drain()).toBe(0);

    const list = await api.GET("/api/v1/knowledge");
    expect(list.data!.data.filter((source) => source.external_id === "faq-refunds")).toHaveLength(1);
  });

  test("concurrent first PUTs of one external id make one source", async () => {
    const body = {
      kind: "text",
      title: "Gift cards",
      content: "Gift cards can be used online and in every store.",
    } satisfies ExternalBody;
    const results = await Promise.all(Array.from({ length: 4 }, () => putExternal("gift-cards", body)));
    expect(new Set(results.map((result) => result.data!.id)).size).toBe(1);
    expect(results.filter((result) => result.response.status === 201)).toHaveLength(1);
  });

  test("new content replaces the chunks in place, in the database and in the gateway's index", async () => {
    const put = (content: string) => putExternal("store-hours", { title: "Opening hours", content });
    const first = (await put("The store opens at nine on monday morning and closes at six in the evening."))
      .data!;
    await worker.drain();
    const before = await getSource(first.id);
    expect((await gatewayStore.indexFor(h.orgId)).has(first.id)).toBe(true);

    const second = await put("On sunday the store is closed all day for the holiday.");
    expect(second.response.status).toBe(200);
    expect(second.data!.id).toBe(first.id);
    expect(second.data!.status).toBe("pending");
    expect(second.data!.content_hash).not.toBe(before.content_hash);
    await worker.drain();

    const after = await getSource(first.id);
    expect(after.status).toBe("ready");
    expect(after.embedded_at).not.toBe(before.embedded_at);
    const texts = await chunkTexts(first.id);
    expect(texts.join(" ")).toContain("sunday");
    expect(texts.join(" ")).not.toContain("monday");

    const found = await retriever.retrieveForTurn(
      { org_id: h.orgId, knowledge: { mode: "selected", source_ids: [first.id], top_k: 5 } },
      "is the store open on monday morning",
    );
    expect(found.passages.length).toBeGreaterThan(0);
    for (const passage of found.passages) expect(passage.text).not.toContain("monday");
  });

  test("a title-only change is written without embedding again", async () => {
    const body = { title: "Warranty", content: "Every laptop has a two year warranty for repairs." };
    const first = (await putExternal("warranty", body)).data!;
    await worker.drain();
    const ready = await getSource(first.id);
    const renamed = await putExternal("warranty", { ...body, title: "Laptop warranty" });
    expect(renamed.response.status).toBe(200);
    expect(renamed.data!.title).toBe("Laptop warranty");
    expect(renamed.data!.status).toBe("ready");
    expect(renamed.data!.embedded_at).toBe(ready.embedded_at);
    expect(await worker.drain()).toBe(0);
    const index = await gatewayStore.indexFor(h.orgId);
    const hits = await retriever.retrieveForTurn(
      { org_id: h.orgId, knowledge: { mode: "selected", source_ids: [first.id], top_k: 1 } },
      "laptop warranty",
    );
    expect(index.has(first.id)).toBe(true);
    expect(hits.passages[0]?.title).toBe("Laptop warranty");
  });

  test("kind url syncs a web page", async () => {
    const put = await putExternal("parking-page", { kind: "url", url: `${pageBase}/moved` });
    expect(put.response.status).toBe(201);
    expect(put.data!.kind).toBe("url");
    expect(put.data!.title).toBe("Help centre");
    const again = await putExternal("parking-page", { url: `${pageBase}/moved` });
    expect(again.data!).toMatchObject({ id: put.data!.id });
    expect(again.data!.updated_at).toBe(put.data!.updated_at);
  });
});

describe("deletes reach the gateway's index", () => {
  test("DELETE /knowledge/external/{id} and DELETE /knowledge/{id}: the source never answers again", async () => {
    const a = (
      await api.POST("/api/v1/knowledge/text", {
        body: { title: "Pets", content: "Dogs and cats are welcome in the hotel room for a small fee." },
      })
    ).data!;
    const b = (
      await putExternal("pool", { title: "Pool", content: "The hotel pool and gym are open every morning." })
    ).data!;
    await worker.drain();
    const agent = { org_id: h.orgId, knowledge: { mode: "all" as const, source_ids: [], top_k: 10 } };
    const before = await retriever.retrieveForTurn(agent, "can my dog stay in the hotel room");
    expect(before.passages[0]?.source_id).toBe(a.id);

    expect((await api.DELETE("/api/v1/knowledge/{source_id}", sourcePath(a.id))).response.status).toBe(204);
    expect(
      (await api.DELETE("/api/v1/knowledge/external/{external_id}", externalPath("pool"))).response.status,
    ).toBe(204);
    const index = await gatewayStore.indexFor(h.orgId);
    expect(index.has(a.id)).toBe(false);
    expect(index.has(b.id)).toBe(false);
    const after = await retriever.retrieveForTurn(agent, "can my dog stay in the hotel room pool gym");
    expect(after.passages.map((passage) => passage.source_id)).not.toContain(a.id);
    expect(after.passages.map((passage) => passage.source_id)).not.toContain(b.id);

    expect((await api.GET("/api/v1/knowledge/{source_id}", sourcePath(a.id))).response.status).toBe(404);
    expect(
      (await api.DELETE("/api/v1/knowledge/external/{external_id}", externalPath("pool"))).error!.code,
    ).toBe("not_found");
    expect(await chunkTexts(a.id)).toEqual([]);
  });

  test("a gateway that missed the message still drops the source (revision check)", async () => {
    const source = (
      await api.POST("/api/v1/knowledge/text", {
        body: { title: "Wifi", content: "The wifi password is printed on the room key card." },
      })
    ).data!;
    await worker.drain();
    const unsubscribed = new KnowledgeStore(h.ctx.bus, log, h.ctx.config.embeddingModel);
    expect((await unsubscribed.indexFor(h.orgId)).has(source.id)).toBe(true);
    expect((await api.DELETE("/api/v1/knowledge/{source_id}", sourcePath(source.id))).response.status).toBe(
      204,
    );
    expect((await unsubscribed.indexFor(h.orgId)).has(source.id)).toBe(false);
  });
});

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
      ids[name] = (await api.POST("/api/v1/knowledge/text", { body: { title: name, content } })).data!.id;
    }
    await worker.drain();

    const search = await api.GET("/api/v1/knowledge/search", {
      params: { query: { q: "how long does international delivery of my package take", k: 3 } },
    });
    expect(search.response.status).toBe(200);
    expect(search.data!.data[0]!.source_id).toBe(ids.shipping!);
    expect(search.data!.data[0]!.score).toBeGreaterThan(search.data!.data[1]!.score);
    expect(search.data!.data.length).toBeLessThanOrEqual(3);

    const agent = await api.POST("/api/v1/agents", {
      body: {
        name: "Front desk",
        knowledge: { mode: "selected", source_ids: [ids.breakfast!, ids.battery!], top_k: 2 },
      },
    });
    const scoped = await api.GET("/api/v1/knowledge/search", {
      params: { query: { q: "is vegan breakfast food served in the restaurant", agent_id: agent.data!.id } },
    });
    expect(scoped.data!.data[0]!.source_id).toBe(ids.breakfast!);
    expect(scoped.data!.data.every((hit) => [ids.breakfast, ids.battery].includes(hit.source_id))).toBe(true);

    const none = await retriever.retrieveForTurn(
      { org_id: h.orgId, knowledge: { mode: "none", source_ids: [], top_k: 3 } },
      "refunds",
    );
    expect(none.passages).toEqual([]);
  });

  test("another org sees none of these sources", async () => {
    const other = harnessClient(h, (await h.newOrg()).ownerKey);
    const list = await other.GET("/api/v1/knowledge");
    expect(list.data!.data).toEqual([]);
    const search = await other.GET("/api/v1/knowledge/search", { params: { query: { q: "refunds" } } });
    expect(search.data!.data).toEqual([]);
    const mine = await api.GET("/api/v1/knowledge");
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
    await worker.drain();

    expect((await chunkTexts(pdfSource.id)).join(" ")).toContain("Parking is free after six in the evening.");
    expect((await chunkTexts(docxSource.id))[0]).toBe(
      "Returns\n\nDamaged items can be returned for a replacement.",
    );
    expect(await chunkTexts(markdownSource.id)).toEqual([
      "Pharmacy\n\nThe pharmacy fills every prescription.",
      "Pharmacy > Hours\n\nOpen on saturday morning.",
    ]);
    const hits = await retriever.retrieveForTurn(
      {
        org_id: h.orgId,
        knowledge: { mode: "selected", source_ids: [pdfSource.id, docxSource.id], top_k: 1 },
      },
      "is parking free in the evening",
    );
    expect(hits.passages[0]?.source_id).toBe(pdfSource.id);
  });

  test("POST /knowledge/url keeps the readable article and its headings", async () => {
    const created = await api.POST("/api/v1/knowledge/url", { body: { url: `${pageBase}/article` } });
    expect(created.response.status).toBe(201);
    expect(created.data!.title).toBe("Help centre");
    expect(created.data!.url).toBe(`${pageBase}/article`);
    await worker.drain();
    const texts = (await chunkTexts(created.data!.id)).join("\n");
    expect(texts).toContain("Bicycle racks are available");
    expect(texts).toContain("Bicycles\n\n");
    expect(texts).not.toContain("Copyright");
    const plain = await api.POST("/api/v1/knowledge/url", {
      body: { url: `${pageBase}/notes.txt`, title: "Vouchers" },
    });
    expect(plain.response.status).toBe(201);
    expect(plain.data!.title).toBe("Vouchers");
  });
});

describe("every bad file, URL or body gets a clear error", () => {
  const expectProblem = async (
    answer: { response: Response; error?: unknown },
    status: number,
    code: string,
  ) => {
    expect(answer.response.status).toBe(status);
    expect(answer.response.headers.get("content-type")).toContain("application/problem+json");
    const problem = answer.error as Problem;
    expect(problem.code).toBe(code);
    expect(problem.detail.length).toBeGreaterThan(10);
    return problem;
  };
  // Several bodies here are off their documented schema on purpose: the casts are the point of these tests.
  const post = (path: "text" | "url" | "file", body: unknown, client = api) => {
    if (path === "text") return client.POST("/api/v1/knowledge/text", { body: body as never });
    if (path === "url") return client.POST("/api/v1/knowledge/url", { body: body as never });
    return client.POST("/api/v1/knowledge/file", { body: body as never });
  };
  const sourceCount = async () =>
    (await api.GET("/api/v1/knowledge", { params: { query: { limit: 100 } } })).data!.data.length;

  test("bodies", async () => {
    const countBefore = await sourceCount();
    const empty = await expectProblem(
      await post("text", { title: "x", content: "" }),
      422,
      "validation_failed",
    );
    expect(empty.errors?.map((e) => e.field)).toContain("content");
    await expectProblem(await post("text", { content: "no title" }), 422, "validation_failed");
    // Truncated JSON on the wire: the serializer sends it as it is.
    await expectProblem(
      await api.POST("/api/v1/knowledge/text", { body: {} as never, bodySerializer: () => "{not json" }),
      400,
      "malformed_body",
    );
    await expectProblem(await putExternal("faq-x", { kind: "url" }), 422, "validation_failed");
    await expectProblem(await putExternal("faq-x", { kind: "text", title: "t" }), 422, "validation_failed");
    await expectProblem(await putExternal("bad id!", { content: "x" }), 422, "validation_failed");
    await expectProblem(
      await api.GET("/api/v1/knowledge/search", { params: { query: { q: "" } } }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await api.GET("/api/v1/knowledge/search", { params: { query: { q: "x", agent_id: "agt_nope" } } }),
      404,
      "not_found",
    );
    await expectProblem(
      await api.GET("/api/v1/knowledge/{source_id}", sourcePath("ks_missing")),
      404,
      "not_found",
    );
    const countAfter = await sourceCount();
    expect(countAfter).toBe(countBefore);
  });

  test("URLs", async () => {
    await expectProblem(await post("url", { url: "not a url" }), 422, "invalid_url");
    await expectProblem(await post("url", { url: "ftp://example.com/file.txt" }), 422, "invalid_url");
    await expectProblem(await post("url", { url: "http://user:pw@example.com/" }), 422, "invalid_url");
    const missing = await expectProblem(
      await post("url", { url: `${pageBase}/missing` }),
      422,
      "url_fetch_failed",
    );
    expect(missing.detail).toContain("404");
    await expectProblem(await post("url", { url: `${pageBase}/image.png` }), 415, "unsupported_media_type");
    await expectProblem(await post("url", { url: `${pageBase}/huge` }), 413, "document_too_large");
    await expectProblem(await post("url", { url: "http://127.0.0.1:9/" }), 422, "url_fetch_failed");
  });

  test("a slow URL times out and private addresses are refused unless allowed", async () => {
    const strict = await createHarness({
      config: { ...h.ctx.config, allowPrivateUrls: false, knowledgeFetchTimeoutMs: 300 },
    });
    try {
      const strictApi = harnessClient(strict);
      const refused = await strictApi.POST("/api/v1/knowledge/url", { body: { url: `${pageBase}/article` } });
      expect(refused.response.status).toBe(422);
      expect(refused.error!.detail).toContain("loopback");
      for (const url of [
        "http://10.0.0.8/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://100.64.0.1/",
        `http://localhost:${pages.port}/article`,
      ]) {
        const problem = await expectProblem(
          await strictApi.POST("/api/v1/knowledge/url", { body: { url } }),
          422,
          "invalid_url",
        );
        expect(problem.detail).toEndWith("only public addresses are allowed (ALLOW_PRIVATE_URLS).");
      }
    } finally {
      await strict.close();
    }
    const impatient = await createHarness({ config: { ...h.ctx.config, knowledgeFetchTimeoutMs: 300 } });
    try {
      const slow = await harnessClient(impatient).POST("/api/v1/knowledge/url", {
        body: { url: `${pageBase}/slow` },
      });
      const problem = await expectProblem(slow, 422, "url_fetch_failed");
      expect(problem.detail).toContain("300 ms");
    } finally {
      await impatient.close();
    }
  });

  test("files", async () => {
    await expectProblem(
      await upload(new Uint8Array([0x4d, 0x5a, 0, 1]), "setup.exe", "application/octet-stream"),
      415,
      "unsupported_media_type",
    );
    await expectProblem(
      await upload("<html><body>x</body></html>", "page.html", "text/html"),
      415,
      "unsupported_media_type",
    );
    await expectProblem(
      await upload(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "archive.zip", "application/zip"),
      415,
      "unsupported_media_type",
    );
    await expectProblem(
      await upload("%PDF-1.4 this is not a pdf", "broken.pdf", "application/pdf"),
      422,
      "invalid_document",
    );
    await expectProblem(
      await upload(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]), "broken.docx", "application/octet-stream"),
      422,
      "invalid_document",
    );
    await expectProblem(
      await upload(new Uint8Array([0xff, 0xfe, 0xfd, 0x80]), "notes.txt", "text/plain"),
      422,
      "invalid_document",
    );
    await expectProblem(await upload("   \n\n  ", "blank.md", "text/markdown"), 422, "invalid_document");
    await expectProblem(await upload(new Uint8Array(0), "empty.txt", "text/plain"), 422, "validation_failed");
    await expectProblem(
      await upload("y".repeat(h.ctx.config.knowledgeMaxBytes + 1), "big.txt", "text/plain"),
      413,
      "document_too_large",
    );
    await expectProblem(await post("file", { file: "not a file" }), 422, "validation_failed");
    const huge = new Uint8Array(h.ctx.config.knowledgeMaxBytes + 200 * 1024).fill(0x61);
    await expectProblem(await upload(huge, "huge.txt", "text/plain"), 413, "document_too_large");
  });
});

describe("model problems", () => {
  test("search without a loadable model is a 503 naming where it looked, not a 500", async () => {
    const broken = await createHarness({
      bus: h.ctx.bus,
      config: { ...h.ctx.config, modelsDir: join(dir, "no-models-here") },
    });
    try {
      const response = await harnessClient(broken, h.ownerKey).GET("/api/v1/knowledge/search", {
        params: { query: { q: "refunds" } },
      });
      expect(response.response.status).toBe(503);
      const problem = response.error!;
      expect(problem.code).toBe("embedding_model_unavailable");
      expect(problem.detail).toContain(`MODELS_DIR=${join(dir, "no-models-here")}`);
    } finally {
      await broken.close();
    }
  });
});

describe("ingestion worker", () => {
  test("runs in the background, woken through the bus, with visible status and progress", async () => {
    const background = new KnowledgeWorker({
      db: h.ctx.db,
      bus: h.ctx.bus,
      log,
      embedder: () => embedderFromConfig(h.ctx.config),
      chunkTokens: 32,
      orgIds: [h.orgId],
      pollMs: 60_000,
    });
    await background.start();
    try {
      const content = Array.from(
        { length: 60 },
        (_, i) => `Paragraph ${i} is about the order tracking number and the delivery address.`,
      ).join("\n\n");
      const created = (await api.POST("/api/v1/knowledge/text", { body: { title: "Long", content } })).data!;
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
      db: h.ctx.db,
      bus: h.ctx.bus,
      log,
      embedder: () => embedderFromConfig({ ...h.ctx.config, embeddingModel: "nobody/missing-model" }),
      chunkTokens: 200,
      orgIds: [h.orgId],
    });
    const created = (
      await api.POST("/api/v1/knowledge/text", {
        body: { title: "Doomed", content: "This will not be embedded." },
      })
    ).data!;
    expect(await broken.drain()).toBe(1);
    const failed = await getSource(created.id);
    expect(failed.status).toBe("failed");
    expect(String(failed.error)).toContain("nobody/missing-model");

    const retried = await putExternal("doomed", { title: "Doomed", content: "This will not be embedded." });
    expect(retried.response.status).toBe(201);
    await worker.drain();
    expect((await getSource(retried.data!.id)).status).toBe("ready");
  });
});
