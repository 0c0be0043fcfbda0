// With ALLOW_PRIVATE_URLS unset, every tenant-supplied URL that control learns at create time is
// refused when it points at the operator's own networks: webhooks, knowledge URLs, the custom
// LLM endpoint, HTTP tools and provider credentials' base URLs.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type ApiClient, harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";

const PRIVATE_HOSTS = [
  "127.0.0.1",
  "10.0.0.1",
  "169.254.169.254",
  "[::1]",
  "[::ffff:127.0.0.1]",
  "localhost",
];

type Created = Promise<{ response: Response }>;
type UrlKind = [
  kind: string,
  create: (api: ApiClient, url: string) => Created,
  list: (api: ApiClient) => Promise<{ data?: { data: unknown[] } }>,
];

const listAgents = (api: ApiClient) => api.GET("/api/v1/agents");

const KINDS: UrlKind[] = [
  [
    "webhook",
    (api, url) => api.POST("/api/v1/webhooks", { body: { url } }),
    (api) => api.GET("/api/v1/webhooks"),
  ],
  [
    "knowledge url",
    (api, url) => api.POST("/api/v1/knowledge/url", { body: { url } }),
    (api) => api.GET("/api/v1/knowledge"),
  ],
  [
    "custom LLM",
    (api, url) =>
      api.POST("/api/v1/agents", { body: { name: "Custom", llm: { provider: "custom", webhook_url: url } } }),
    listAgents,
  ],
  [
    "HTTP tool",
    (api, url) =>
      api.POST("/api/v1/agents", { body: { name: "Tool", tools: [{ type: "http", name: "lookup", url }] } }),
    listAgents,
  ],
  [
    "provider base URL",
    (api, url) =>
      api.POST("/api/v1/provider-credentials", {
        body: { provider: "openai_compatible", api_key: "k", base_url: url },
      }),
    (api) => api.GET("/api/v1/provider-credentials"),
  ],
];

let h: Harness;
let api: ApiClient;
beforeAll(async () => {
  h = await createHarness({ config: { allowPrivateUrls: false } });
  api = harnessClient(h);
});
afterAll(async () => {
  await h.close();
});

describe("tenant URLs at create time, ALLOW_PRIVATE_URLS unset", () => {
  for (const [kind, create, list] of KINDS) {
    test(`${kind}: every private, loopback and metadata address is refused and nothing is written`, async () => {
      for (const host of PRIVATE_HOSTS) {
        const refused = await create(api, `http://${host}:8080/hook`);
        expect({ host, status: refused.response.status }).toEqual({ host, status: 422 });
        expect(refused.response.headers.get("content-type")).toContain("application/problem+json");
      }
      const listed = await list(api);
      expect(listed.data!.data).toEqual([]);
    });
  }

  test("a public address passes the same check", async () => {
    for (const [kind, create] of KINDS.slice(2)) {
      const accepted = await create(api, "http://8.8.8.8:8080/hook");
      expect({ kind, status: accepted.response.status }).toEqual({ kind, status: 201 });
    }
  });
});
