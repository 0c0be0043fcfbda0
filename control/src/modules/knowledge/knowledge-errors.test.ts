// Every way a knowledge request can go wrong answers a problem document with its own code.
import { describe, expect, test } from "bun:test";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness } from "../../testing/harness.ts";
import { sourcePath, useKnowledgeSuite } from "./testing/knowledge-suite.ts";

type Problem = { status: number; code: string; detail: string; errors?: { field: string }[] };

const suite = useKnowledgeSuite();
const { putExternal, upload } = suite;

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
  const post = (path: "text" | "url" | "file", body: unknown, client = suite.api) => {
    if (path === "text") return client.POST("/api/v1/knowledge/text", { body: body as never });
    if (path === "url") return client.POST("/api/v1/knowledge/url", { body: body as never });
    return client.POST("/api/v1/knowledge/file", { body: body as never });
  };
  const sourceCount = async () =>
    (await suite.api.GET("/api/v1/knowledge", { params: { query: { limit: 100 } } })).data!.data.length;

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
      await suite.api.POST("/api/v1/knowledge/text", {
        body: {} as never,
        bodySerializer: () => "{not json",
      }),
      400,
      "malformed_body",
    );
    await expectProblem(await putExternal("faq-x", { kind: "url" }), 422, "validation_failed");
    await expectProblem(await putExternal("faq-x", { kind: "text", title: "t" }), 422, "validation_failed");
    await expectProblem(await putExternal("bad id!", { content: "x" }), 422, "validation_failed");
    await expectProblem(
      await suite.api.GET("/api/v1/knowledge/search", { params: { query: { q: "" } } }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await suite.api.GET("/api/v1/knowledge/search", {
        params: { query: { q: "x", agent_id: "agt_nope" } },
      }),
      404,
      "not_found",
    );
    await expectProblem(
      await suite.api.GET("/api/v1/knowledge/{source_id}", sourcePath("ks_missing")),
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
      await post("url", { url: `${suite.pages.baseUrl}/missing` }),
      422,
      "url_fetch_failed",
    );
    expect(missing.detail).toContain("404");
    await expectProblem(
      await post("url", { url: `${suite.pages.baseUrl}/image.png` }),
      415,
      "unsupported_media_type",
    );
    await expectProblem(await post("url", { url: `${suite.pages.baseUrl}/huge` }), 413, "document_too_large");
    await expectProblem(await post("url", { url: "http://127.0.0.1:9/" }), 422, "url_fetch_failed");
  });

  test("a slow URL times out and private addresses are refused unless allowed", async () => {
    const strict = await createHarness({
      config: { ...suite.harness.ctx.config, allowPrivateUrls: false, knowledgeFetchTimeoutMs: 300 },
    });
    try {
      const strictApi = harnessClient(strict);
      const refused = await strictApi.POST("/api/v1/knowledge/url", {
        body: { url: `${suite.pages.baseUrl}/article` },
      });
      expect(refused.response.status).toBe(422);
      expect(refused.error!.detail).toContain("loopback");
      for (const url of [
        "http://10.0.0.8/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://100.64.0.1/",
        `http://localhost:${suite.pages.port}/article`,
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
    const impatient = await createHarness({
      config: { ...suite.harness.ctx.config, knowledgeFetchTimeoutMs: 300 },
    });
    try {
      const slow = await harnessClient(impatient).POST("/api/v1/knowledge/url", {
        body: { url: `${suite.pages.baseUrl}/slow` },
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
      await upload("y".repeat(suite.harness.ctx.config.knowledgeMaxBytes + 1), "big.txt", "text/plain"),
      413,
      "document_too_large",
    );
    await expectProblem(await post("file", { file: "not a file" }), 422, "validation_failed");
    const huge = new Uint8Array(suite.harness.ctx.config.knowledgeMaxBytes + 200 * 1024).fill(0x61);
    await expectProblem(await upload(huge, "huge.txt", "text/plain"), 413, "document_too_large");
  });
});
