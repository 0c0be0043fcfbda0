// With ALLOW_PRIVATE_URLS unset, every tenant-supplied URL that control learns at create time is
// refused when it points at the operator's own networks: webhooks, knowledge URLs, the custom
// LLM endpoint, HTTP tools and provider credentials' base URLs.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHarness, type Harness } from "../../testing/harness.ts";

const PRIVATE_HOSTS = [
  "127.0.0.1",
  "10.0.0.1",
  "169.254.169.254",
  "[::1]",
  "[::ffff:127.0.0.1]",
  "localhost",
];

type UrlKind = [kind: string, method: string, path: string, body: (url: string) => Record<string, unknown>];

const KINDS: UrlKind[] = [
  ["webhook", "POST", "/api/v1/webhooks", (url) => ({ url })],
  ["knowledge url", "POST", "/api/v1/knowledge/url", (url) => ({ url })],
  [
    "custom LLM",
    "POST",
    "/api/v1/agents",
    (url) => ({ name: "Custom", llm: { provider: "custom", webhook_url: url } }),
  ],
  [
    "HTTP tool",
    "POST",
    "/api/v1/agents",
    (url) => ({ name: "Tool", tools: [{ type: "http", name: "lookup", url }] }),
  ],
  [
    "provider base URL",
    "POST",
    "/api/v1/provider-credentials",
    (url) => ({ provider: "openai_compatible", api_key: "k", base_url: url }),
  ],
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ config: { allowPrivateUrls: false } });
});
afterAll(async () => {
  await h.close();
});

describe("tenant URLs at create time, ALLOW_PRIVATE_URLS unset", () => {
  for (const [kind, method, path, body] of KINDS) {
    test(`${kind}: every private, loopback and metadata address is refused and nothing is written`, async () => {
      for (const host of PRIVATE_HOSTS) {
        const refused = await h.json<{ code: string; detail: string }>(method, path, {
          body: body(`http://${host}:8080/hook`),
        });
        expect({ host, status: refused.status }).toEqual({ host, status: 422 });
        expect(refused.headers.get("content-type")).toContain("application/problem+json");
      }
      const listPath = path === "/api/v1/knowledge/url" ? "/api/v1/knowledge" : path;
      const listed = await h.json<{ data: unknown[] }>("GET", listPath);
      expect(listed.body.data).toEqual([]);
    });
  }

  test("a public address passes the same check", async () => {
    for (const [, method, path, body] of KINDS.slice(2)) {
      const accepted = await h.json(method, path, { body: body("http://8.8.8.8:8080/hook") });
      expect({ path, status: accepted.status }).toEqual({ path, status: 201 });
    }
  });
});
