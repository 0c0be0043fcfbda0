// Tool headers from provider credentials: the API keeps and shows only the reference, agent
// snapshots carry the credential still encrypted, and a credential that is not the org's is a
// 422 on tools and on agents' inline tools.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { createHarness, type Harness } from "../../testing/harness.ts";

type Json = Record<string, unknown> & { id: string };
const KEY = "sk_tool_4b1d9e7c";

describe("/tools secret_headers from provider credentials", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ config: { allowPrivateUrls: false } });
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const post = (path: string, body: Record<string, unknown>, key?: string) =>
    h.json<Json>("POST", `/api/v1${path}`, {
      body,
      key,
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
  const tool = (credentialId: string, name = "balance") => ({
    type: "http",
    name,
    url: "https://8.8.8.8/balance",
    secret_headers: { Authorization: { credential_id: credentialId, template: "Bearer {{secret}}" } },
  });

  test("the reference is kept and shown, the key only encrypted in the snapshot", async () => {
    const credential = await post("/provider-credentials", {
      provider: "custom",
      api_key: KEY,
      name: "Tools",
    });
    expect(credential.status).toBe(201);
    const created = await post("/tools", tool(credential.body.id));
    expect(created.status).toBe(201);
    expect(created.body.secret_headers).toEqual({
      Authorization: { credential_id: credential.body.id, template: "Bearer {{secret}}" },
    });
    const read = await h.request("GET", `/api/v1/tools/${created.body.id}`);
    expect(await read.text()).not.toContain(KEY);

    const agent = await post("/agents", { name: "Billing", tool_ids: [created.body.id] });
    expect(agent.status).toBe(201);
    const raw = (await h.ctx.bus.hashGet(Hashes.agentSnapshots, agent.body.id))!;
    expect(raw).not.toContain(KEY);
    const snapshot = JSON.parse(raw) as AgentSnapshot;
    expect(snapshot.tools).toContainEqual(
      expect.objectContaining({ name: "balance", secret_headers: created.body.secret_headers }),
    );
    const published = snapshot.runtime?.tool_credentials?.[credential.body.id];
    expect(decryptSecret(h.ctx.config, published!.api_key_ciphertext!)).toBe(KEY);

    // The credential cannot go while a tool's header needs it.
    const refused = await h.json<{ code: string; detail: string }>(
      "DELETE",
      `/api/v1/provider-credentials/${credential.body.id}`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "credential_in_use" });
    expect(refused.body.detail).toContain(created.body.id);
    const cleared = await h.json("PATCH", `/api/v1/tools/${created.body.id}`, {
      body: { secret_headers: {} },
    });
    expect(cleared.status).toBe(200);
    expect((await h.request("DELETE", `/api/v1/provider-credentials/${credential.body.id}`)).status).toBe(
      204,
    );
  });

  test("a credential of another org, an unknown one or a bad header name is a 422", async () => {
    const other = await h.newOrg();
    const theirs = await post(
      "/provider-credentials",
      { provider: "custom", api_key: "sk_theirs" },
      other.ownerKey,
    );
    expect(theirs.status).toBe(201);
    const foreign = await post("/tools", tool(theirs.body.id, "foreign"));
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({
      code: "validation_failed",
      errors: [{ field: "secret_headers.Authorization.credential_id" }],
    });
    expect((await post("/tools", tool("cred_nope", "unknown"))).status).toBe(422);
    const badName = await post("/tools", {
      ...tool(theirs.body.id, "bad_name"),
      secret_headers: { "Bad Name": { credential_id: "cred_x" } },
    });
    expect(badName.status).toBe(422);
    const noPlaceholder = await post("/tools", {
      ...tool("cred_x", "no_placeholder"),
      secret_headers: { Authorization: { credential_id: "cred_x", template: "Bearer" } },
    });
    expect(noPlaceholder.status).toBe(422);

    const inline = await post("/agents", { name: "Inline", tools: [tool(theirs.body.id, "inline")] });
    expect(inline.status).toBe(422);
    expect(inline.body).toMatchObject({
      errors: [{ field: "tools.0.secret_headers.Authorization.credential_id" }],
    });
  });
});
