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
import { createHarness, type Harness } from "../../testing/harness.ts";
import { minimalDocx, minimalPdf } from "./testing/fixtures.ts";
import { KnowledgeWorker } from "./worker.ts";

type Source = Record<string, unknown> & { id: string; status: string; chunk_count: number };
type Problem = { status: number; code: string; detail: string; errors?: { field: string }[] };

const log = createLogger("silent");
let dir: string;
let h: Harness;
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

async function getSource(id: string): Promise<Source> {
  return (await h.json<Source>("GET", `/api/v1/knowledge/${id}`)).body;
}

async function upload(
  bytes: Uint8Array | string,
  name: string,
  type: string,
  title?: string,
): Promise<Response> {
  const form = new FormData();
  form.append("file", new File([bytes as BlobPart], name, { type }));
  if (title) form.append("title", title);
  return h.app.handle(
    new Request("http://localhost/api/v1/knowledge/file", {
      method: "POST",
      headers: { authorization: `Bearer ${h.ownerKey}` },
      body: form,
    }),
  );
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
  };

  test("the reference page's curl example works as printed, and re-sending never duplicates", async () => {
    const first = await h.json<Source>("PUT", "/api/v1/knowledge/external/faq-refunds", { body: seedBody });
    expect(first.status).toBe(201);
    expect(first.body.external_id).toBe("faq-refunds");
    expect(first.body.status).toBe("pending");
    expect(await worker.drain()).toBe(1);

    const ready = await getSource(first.body.id);
    expect(ready.status).toBe("ready");
    expect(ready.progress).toBe(100);
    expect(ready.chunk_count).toBe(1);
    expect(ready.embedded_at).not.toBeNull();

    const again = await h.json<Source>("PUT", "/api/v1/knowledge/external/faq-refunds", { body: seedBody });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.status).toBe("ready");
    expect(again.body.content_hash).toBe(ready.content_hash);
    expect(again.body.updated_at).toBe(ready.updated_at);
    expect(again.body.embedded_at).toBe(ready.embedded_at);
    expect(await worker.drain()).toBe(0);

    const list = await h.json<{ data: Source[] }>("GET", "/api/v1/knowledge");
    expect(list.body.data.filter((source) => source.external_id === "faq-refunds")).toHaveLength(1);
  });

  test("concurrent first PUTs of one external id make one source", async () => {
    const body = {
      kind: "text",
      title: "Gift cards",
      content: "Gift cards can be used online and in every store.",
    };
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        h.json<Source>("PUT", "/api/v1/knowledge/external/gift-cards", { body }),
      ),
    );
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
  });

  test("new content replaces the chunks in place, in the database and in the gateway's index", async () => {
    const put = (content: string) =>
      h.json<Source>("PUT", "/api/v1/knowledge/external/store-hours", {
        body: { title: "Opening hours", content },
      });
    const first = await put("The store opens at nine on monday morning and closes at six in the evening.");
    await worker.drain();
    const before = await getSource(first.body.id);
    expect((await gatewayStore.indexFor(h.orgId)).has(first.body.id)).toBe(true);

    const second = await put("On sunday the store is closed all day for the holiday.");
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.status).toBe("pending");
    expect(second.body.content_hash).not.toBe(before.content_hash);
    await worker.drain();

    const after = await getSource(first.body.id);
    expect(after.status).toBe("ready");
    expect(after.embedded_at).not.toBe(before.embedded_at);
    const texts = await chunkTexts(first.body.id);
    expect(texts.join(" ")).toContain("sunday");
    expect(texts.join(" ")).not.toContain("monday");

    const found = await retriever.retrieveForTurn(
      { org_id: h.orgId, knowledge: { mode: "selected", source_ids: [first.body.id], top_k: 5 } },
      "is the store open on monday morning",
    );
    expect(found.passages.length).toBeGreaterThan(0);
    for (const passage of found.passages) expect(passage.text).not.toContain("monday");
  });

  test("a title-only change is written without embedding again", async () => {
    const body = { title: "Warranty", content: "Every laptop has a two year warranty for repairs." };
    const first = await h.json<Source>("PUT", "/api/v1/knowledge/external/warranty", { body });
    await worker.drain();
    const ready = await getSource(first.body.id);
    const renamed = await h.json<Source>("PUT", "/api/v1/knowledge/external/warranty", {
      body: { ...body, title: "Laptop warranty" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe("Laptop warranty");
    expect(renamed.body.status).toBe("ready");
    expect(renamed.body.embedded_at).toBe(ready.embedded_at);
    expect(await worker.drain()).toBe(0);
    const index = await gatewayStore.indexFor(h.orgId);
    const hits = await retriever.retrieveForTurn(
      { org_id: h.orgId, knowledge: { mode: "selected", source_ids: [first.body.id], top_k: 1 } },
      "laptop warranty",
    );
    expect(index.has(first.body.id)).toBe(true);
    expect(hits.passages[0]?.title).toBe("Laptop warranty");
  });

  test("kind url syncs a web page", async () => {
    const put = await h.json<Source>("PUT", "/api/v1/knowledge/external/parking-page", {
      body: { kind: "url", url: `${pageBase}/moved` },
    });
    expect(put.status).toBe(201);
    expect(put.body.kind).toBe("url");
    expect(put.body.title).toBe("Help centre");
    const again = await h.json<Source>("PUT", "/api/v1/knowledge/external/parking-page", {
      body: { url: `${pageBase}/moved` },
    });
    expect(again.body).toMatchObject({ id: put.body.id });
    expect(again.body.updated_at).toBe(put.body.updated_at);
  });
});

describe("deletes reach the gateway's index", () => {
  test("DELETE /knowledge/external/{id} and DELETE /knowledge/{id}: the source never answers again", async () => {
    const a = await h.json<Source>("POST", "/api/v1/knowledge/text", {
      body: { title: "Pets", content: "Dogs and cats are welcome in the hotel room for a small fee." },
    });
    const b = await h.json<Source>("PUT", "/api/v1/knowledge/external/pool", {
      body: { title: "Pool", content: "The hotel pool and gym are open every morning." },
    });
    await worker.drain();
    const agent = { org_id: h.orgId, knowledge: { mode: "all" as const, source_ids: [], top_k: 10 } };
    const before = await retriever.retrieveForTurn(agent, "can my dog stay in the hotel room");
    expect(before.passages[0]?.source_id).toBe(a.body.id);

    expect((await h.request("DELETE", `/api/v1/knowledge/${a.body.id}`)).status).toBe(204);
    expect((await h.request("DELETE", "/api/v1/knowledge/external/pool")).status).toBe(204);
    const index = await gatewayStore.indexFor(h.orgId);
    expect(index.has(a.body.id)).toBe(false);
    expect(index.has(b.body.id)).toBe(false);
    const after = await retriever.retrieveForTurn(agent, "can my dog stay in the hotel room pool gym");
    expect(after.passages.map((passage) => passage.source_id)).not.toContain(a.body.id);
    expect(after.passages.map((passage) => passage.source_id)).not.toContain(b.body.id);

    expect((await h.json<Problem>("GET", `/api/v1/knowledge/${a.body.id}`)).status).toBe(404);
    expect((await h.json<Problem>("DELETE", "/api/v1/knowledge/external/pool")).body.code).toBe("not_found");
    expect(await chunkTexts(a.body.id)).toEqual([]);
  });

  test("a gateway that missed the message still drops the source (revision check)", async () => {
    const source = await h.json<Source>("POST", "/api/v1/knowledge/text", {
      body: { title: "Wifi", content: "The wifi password is printed on the room key card." },
    });
    await worker.drain();
    const unsubscribed = new KnowledgeStore(h.ctx.bus, log, h.ctx.config.embeddingModel);
    expect((await unsubscribed.indexFor(h.orgId)).has(source.body.id)).toBe(true);
    await h.request("DELETE", `/api/v1/knowledge/${source.body.id}`);
    expect((await unsubscribed.indexFor(h.orgId)).has(source.body.id)).toBe(false);
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
      ids[name] = (
        await h.json<Source>("POST", "/api/v1/knowledge/text", { body: { title: name, content } })
      ).body.id;
    }
    await worker.drain();

    const search = await h.json<{
      data: { source_id: string; score: number; text: string }[];
      tokens: number;
    }>(
      "GET",
      `/api/v1/knowledge/search?q=${encodeURIComponent("how long does international delivery of my package take")}&k=3`,
    );
    expect(search.status).toBe(200);
    expect(search.body.data[0]!.source_id).toBe(ids.shipping!);
    expect(search.body.data[0]!.score).toBeGreaterThan(search.body.data[1]!.score);
    expect(search.body.data.length).toBeLessThanOrEqual(3);

    const agent = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      body: {
        name: "Front desk",
        knowledge: { mode: "selected", source_ids: [ids.breakfast!, ids.battery!], top_k: 2 },
      },
    });
    const scoped = await h.json<{ data: { source_id: string }[] }>(
      "GET",
      `/api/v1/knowledge/search?q=${encodeURIComponent("is vegan breakfast food served in the restaurant")}&agent_id=${agent.body.id}`,
    );
    expect(scoped.body.data[0]!.source_id).toBe(ids.breakfast!);
    expect(scoped.body.data.every((hit) => [ids.breakfast, ids.battery].includes(hit.source_id))).toBe(true);

    const none = await retriever.retrieveForTurn(
      { org_id: h.orgId, knowledge: { mode: "none", source_ids: [], top_k: 3 } },
      "refunds",
    );
    expect(none.passages).toEqual([]);
  });

  test("another org sees none of these sources", async () => {
    const other = await h.newOrg();
    const list = await h.json<{ data: unknown[] }>("GET", "/api/v1/knowledge", { key: other.ownerKey });
    expect(list.body.data).toEqual([]);
    const search = await h.json<{ data: unknown[] }>("GET", "/api/v1/knowledge/search?q=refunds", {
      key: other.ownerKey,
    });
    expect(search.body.data).toEqual([]);
    const mine = await h.json<{ data: Source[] }>("GET", "/api/v1/knowledge");
    const foreign = await h.json<Problem>("GET", `/api/v1/knowledge/${mine.body.data[0]!.id}`, {
      key: other.ownerKey,
    });
    expect(foreign.status).toBe(404);
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
    expect(pdf.status).toBe(201);
    const pdfSource = (await pdf.json()) as Source;
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
    expect(docx.status).toBe(201);
    const docxSource = (await docx.json()) as Source;
    expect(docxSource.title).toBe("returns.docx");

    const markdown = await upload(
      "# Pharmacy\n\nThe pharmacy fills every prescription.\n\n## Hours\n\nOpen on saturday morning.",
      "pharmacy.md",
      "text/markdown",
    );
    expect(markdown.status).toBe(201);
    const markdownSource = (await markdown.json()) as Source;
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
    const created = await h.json<Source>("POST", "/api/v1/knowledge/url", {
      body: { url: `${pageBase}/article` },
    });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe("Help centre");
    expect(created.body.url).toBe(`${pageBase}/article`);
    await worker.drain();
    const texts = (await chunkTexts(created.body.id)).join("\n");
    expect(texts).toContain("Bicycle racks are available");
    expect(texts).toContain("Bicycles\n\n");
    expect(texts).not.toContain("Copyright");
    const plain = await h.json<Source>("POST", "/api/v1/knowledge/url", {
      body: { url: `${pageBase}/notes.txt`, title: "Vouchers" },
    });
    expect(plain.status).toBe(201);
    expect(plain.body.title).toBe("Vouchers");
  });
});

describe("every bad file, URL or body gets a clear error", () => {
  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as Problem;
    expect(problem.code).toBe(code);
    expect(problem.detail.length).toBeGreaterThan(10);
    return problem;
  };
  const post = (path: string, body: unknown) => h.request("POST", `/api/v1/knowledge/${path}`, { body });

  test("bodies", async () => {
    const countBefore = (await h.json<{ data: unknown[] }>("GET", "/api/v1/knowledge?limit=100")).body.data
      .length;
    const empty = await expectProblem(
      await post("text", { title: "x", content: "" }),
      422,
      "validation_failed",
    );
    expect(empty.errors?.map((e) => e.field)).toContain("content");
    await expectProblem(await post("text", { content: "no title" }), 422, "validation_failed");
    await expectProblem(
      await h.request("POST", "/api/v1/knowledge/text", { rawBody: "{not json" }),
      400,
      "malformed_body",
    );
    await expectProblem(
      await h.request("PUT", "/api/v1/knowledge/external/faq-x", { body: { kind: "url" } }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await h.request("PUT", "/api/v1/knowledge/external/faq-x", { body: { kind: "text", title: "t" } }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await h.request("PUT", "/api/v1/knowledge/external/bad%20id!", { body: { content: "x" } }),
      422,
      "validation_failed",
    );
    await expectProblem(await h.request("GET", "/api/v1/knowledge/search?q="), 422, "validation_failed");
    await expectProblem(
      await h.request("GET", "/api/v1/knowledge/search?q=x&agent_id=agt_nope"),
      404,
      "not_found",
    );
    await expectProblem(await h.request("GET", "/api/v1/knowledge/ks_missing"), 404, "not_found");
    const countAfter = (await h.json<{ data: unknown[] }>("GET", "/api/v1/knowledge?limit=100")).body.data
      .length;
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
      const refused = await strict.request("POST", "/api/v1/knowledge/url", {
        body: { url: `${pageBase}/article` },
      });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as Problem).detail).toContain("loopback");
      for (const url of [
        "http://10.0.0.8/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://100.64.0.1/",
        `http://localhost:${pages.port}/article`,
      ]) {
        const problem = await expectProblem(
          await strict.request("POST", "/api/v1/knowledge/url", { body: { url } }),
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
      const slow = await impatient.request("POST", "/api/v1/knowledge/url", {
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
      const response = await broken.request("GET", "/api/v1/knowledge/search?q=refunds", { key: h.ownerKey });
      expect(response.status).toBe(503);
      const problem = (await response.json()) as Problem;
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
      const created = await h.json<Source>("POST", "/api/v1/knowledge/text", {
        body: { title: "Long", content },
      });
      expect(["pending", "processing", "ready"]).toContain(created.body.status);
      const source = await waitFor(
        "the source to be ready",
        async () => {
          const latest = await getSource(created.body.id);
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
    const created = await h.json<Source>("POST", "/api/v1/knowledge/text", {
      body: { title: "Doomed", content: "This will not be embedded." },
    });
    expect(await broken.drain()).toBe(1);
    const failed = await getSource(created.body.id);
    expect(failed.status).toBe("failed");
    expect(String(failed.error)).toContain("nobody/missing-model");

    const retried = await h.json<Source>("PUT", "/api/v1/knowledge/external/doomed", {
      body: { title: "Doomed", content: "This will not be embedded." },
    });
    expect(retried.status).toBe(201);
    await worker.drain();
    expect((await getSource(retried.body.id)).status).toBe("ready");
  });
});
