// External sources (PUT by the caller's own id) and deletes, as the gateway's index sees them.
import { describe, expect, test } from "bun:test";
import { KnowledgeStore } from "@switchboard/shared/knowledge/store";
import { type ExternalBody, externalPath, sourcePath, useKnowledgeSuite } from "./testing/knowledge-suite.ts";

const suite = useKnowledgeSuite();
const { getSource, putExternal, chunkTexts } = suite;

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
    expect(await suite.worker.drain()).toBe(1);

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
    expect(await suite.worker.drain()).toBe(0);

    const list = await suite.api.GET("/api/v1/knowledge");
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
    await suite.worker.drain();
    const before = await getSource(first.id);
    expect((await suite.gatewayStore.indexFor(suite.harness.orgId)).has(first.id)).toBe(true);

    const second = await put("On sunday the store is closed all day for the holiday.");
    expect(second.response.status).toBe(200);
    expect(second.data!.id).toBe(first.id);
    expect(second.data!.status).toBe("pending");
    expect(second.data!.content_hash).not.toBe(before.content_hash);
    await suite.worker.drain();

    const after = await getSource(first.id);
    expect(after.status).toBe("ready");
    expect(after.embedded_at).not.toBe(before.embedded_at);
    const texts = await chunkTexts(first.id);
    expect(texts.join(" ")).toContain("sunday");
    expect(texts.join(" ")).not.toContain("monday");

    const found = await suite.retriever.retrieveForTurn(
      { org_id: suite.harness.orgId, knowledge: { mode: "selected", source_ids: [first.id], top_k: 5 } },
      "is the store open on monday morning",
    );
    expect(found.passages.length).toBeGreaterThan(0);
    for (const passage of found.passages) expect(passage.text).not.toContain("monday");
  });

  test("a title-only change is written without embedding again", async () => {
    const body = { title: "Warranty", content: "Every laptop has a two year warranty for repairs." };
    const first = (await putExternal("warranty", body)).data!;
    await suite.worker.drain();
    const ready = await getSource(first.id);
    const renamed = await putExternal("warranty", { ...body, title: "Laptop warranty" });
    expect(renamed.response.status).toBe(200);
    expect(renamed.data!.title).toBe("Laptop warranty");
    expect(renamed.data!.status).toBe("ready");
    expect(renamed.data!.embedded_at).toBe(ready.embedded_at);
    expect(await suite.worker.drain()).toBe(0);
    const index = await suite.gatewayStore.indexFor(suite.harness.orgId);
    const hits = await suite.retriever.retrieveForTurn(
      { org_id: suite.harness.orgId, knowledge: { mode: "selected", source_ids: [first.id], top_k: 1 } },
      "laptop warranty",
    );
    expect(index.has(first.id)).toBe(true);
    expect(hits.passages[0]?.title).toBe("Laptop warranty");
  });

  test("kind url syncs a web page", async () => {
    const put = await putExternal("parking-page", { kind: "url", url: `${suite.pages.baseUrl}/moved` });
    expect(put.response.status).toBe(201);
    expect(put.data!.kind).toBe("url");
    expect(put.data!.title).toBe("Help centre");
    const again = await putExternal("parking-page", { url: `${suite.pages.baseUrl}/moved` });
    expect(again.data!).toMatchObject({ id: put.data!.id });
    expect(again.data!.updated_at).toBe(put.data!.updated_at);
  });
});

describe("deletes reach the gateway's index", () => {
  test("DELETE /knowledge/external/{id} and DELETE /knowledge/{id}: the source never answers again", async () => {
    const a = (
      await suite.api.POST("/api/v1/knowledge/text", {
        body: { title: "Pets", content: "Dogs and cats are welcome in the hotel room for a small fee." },
      })
    ).data!;
    const b = (
      await putExternal("pool", { title: "Pool", content: "The hotel pool and gym are open every morning." })
    ).data!;
    await suite.worker.drain();
    const agent = {
      org_id: suite.harness.orgId,
      knowledge: { mode: "all" as const, source_ids: [], top_k: 10 },
    };
    const before = await suite.retriever.retrieveForTurn(agent, "can my dog stay in the hotel room");
    expect(before.passages[0]?.source_id).toBe(a.id);

    expect((await suite.api.DELETE("/api/v1/knowledge/{source_id}", sourcePath(a.id))).response.status).toBe(
      204,
    );
    expect(
      (await suite.api.DELETE("/api/v1/knowledge/external/{external_id}", externalPath("pool"))).response
        .status,
    ).toBe(204);
    const index = await suite.gatewayStore.indexFor(suite.harness.orgId);
    expect(index.has(a.id)).toBe(false);
    expect(index.has(b.id)).toBe(false);
    const after = await suite.retriever.retrieveForTurn(agent, "can my dog stay in the hotel room pool gym");
    expect(after.passages.map((passage) => passage.source_id)).not.toContain(a.id);
    expect(after.passages.map((passage) => passage.source_id)).not.toContain(b.id);

    expect((await suite.api.GET("/api/v1/knowledge/{source_id}", sourcePath(a.id))).response.status).toBe(
      404,
    );
    expect(
      (await suite.api.DELETE("/api/v1/knowledge/external/{external_id}", externalPath("pool"))).error!.code,
    ).toBe("not_found");
    expect(await chunkTexts(a.id)).toEqual([]);
  });

  test("a gateway that missed the message still drops the source (revision check)", async () => {
    const source = (
      await suite.api.POST("/api/v1/knowledge/text", {
        body: { title: "Wifi", content: "The wifi password is printed on the room key card." },
      })
    ).data!;
    await suite.worker.drain();
    const unsubscribed = new KnowledgeStore(
      suite.harness.ctx.bus,
      suite.log,
      suite.harness.ctx.config.embeddingModel,
    );
    expect((await unsubscribed.indexFor(suite.harness.orgId)).has(source.id)).toBe(true);
    expect(
      (await suite.api.DELETE("/api/v1/knowledge/{source_id}", sourcePath(source.id))).response.status,
    ).toBe(204);
    expect((await unsubscribed.indexFor(suite.harness.orgId)).has(source.id)).toBe(false);
  });
});
