// The response check catches what it is there for: an undocumented status, a content type the
// status does not list, a body off its schema; and it lets the API's real answers through.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHarness, type Harness } from "../harness.ts";
import { createApiClient, harnessClient } from "./client.ts";
import { ResponseContract, ResponseContractError } from "./response-contract.ts";
import { documentOf, type OpenApiDocument } from "./served-document.ts";

let h: Harness;
let document: OpenApiDocument;
let contract: ResponseContract;
beforeAll(async () => {
  h = await createHarness();
  document = await documentOf(h.app);
  contract = new ResponseContract(document);
}, 30_000);
afterAll(async () => {
  await h.close();
});

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

async function failure(check: Promise<void>): Promise<string> {
  try {
    await check;
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseContractError);
    return (error as Error).message;
  }
  throw new Error("the check let the response through");
}

describe("ResponseContract", () => {
  test("a documented status and a body on its schema pass", async () => {
    await contract.check("GET", "/health", json(200, { status: "ok" }));
    await contract.check("DELETE", "/api/v1/agents/{agent_id}", new Response(null, { status: 204 }));
  });

  test("a status the operation does not document fails, naming the operation", async () => {
    const message = await failure(contract.check("GET", "/health", json(418, { status: "ok" })));
    expect(message).toContain("getHealth (GET /health) answered 418");
    expect(message).toContain("documented: 200");
  });

  test("a body off its schema fails with Ajv's errors", async () => {
    const message = await failure(contract.check("GET", "/health", json(200, { status: "down" })));
    expect(message).toContain("does not match its schema");
    expect(message).toContain("/status");
    const problem = await failure(
      contract.check(
        "GET",
        "/api/v1/agents/{agent_id}",
        json(404, { type: "about:blank", title: "Not found" }, "application/problem+json"),
      ),
    );
    expect(problem).toContain("getAgent");
    expect(problem).toContain("required");
  });

  test("a content type the status does not list fails", async () => {
    const message = await failure(
      contract.check(
        "GET",
        "/api/v1/agents",
        new Response("<html></html>", { headers: { "content-type": "text/html" } }),
      ),
    );
    expect(message).toContain("text/html");
    expect(message).toContain("application/json");
  });
});

describe("the client checks every answer", () => {
  test("the API's own answers, success and problem, pass", async () => {
    const api = harnessClient(h);
    const created = await api.POST("/api/v1/agents", { body: { name: "Checked" } });
    expect(created.response.status).toBe(201);
    const missing = await api.GET("/api/v1/agents/{agent_id}", {
      params: { path: { agent_id: "agt_missing" } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe("not_found");
  });

  test("over HTTP, an answer off the document fails the call", async () => {
    const server = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      fetch: (request) =>
        new URL(request.url).pathname === "/openapi.json"
          ? Response.json(document)
          : Response.json({ status: "down" }),
    });
    try {
      const api = createApiClient({ baseUrl: `http://127.0.0.1:${server.port}`, apiKey: null });
      await expect(api.GET("/health")).rejects.toThrow(
        /getHealth \(GET \/health\) answered 200 application\/json that does not match/,
      );
    } finally {
      await server.stop(true);
    }
  });
});
