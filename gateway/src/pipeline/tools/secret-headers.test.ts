// Secret headers: a tool's Authorization filled from an org credential the snapshot carries
// encrypted, decrypted when the call's tools are built; a credential the gateway cannot read
// makes the tool report it cannot be called, and nothing is sent.
import { afterAll, expect, test } from "bun:test";
import type { AgentRuntimeSecrets, AgentTool } from "@switchboard/shared/agent";
import { loadConfig } from "@switchboard/shared/config";
import { encryptSecret } from "@switchboard/shared/secrets/secret-box";
import { ToolRegistry } from "./registry.ts";
import { toolSecretSource } from "./secret-headers.ts";
import type { ToolContext } from "./types.ts";

const received: Array<Record<string, string>> = [];
const server = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  fetch(request) {
    received.push(Object.fromEntries(request.headers));
    return Response.json({ balance: 12 });
  },
});
afterAll(() => server.stop(true));

const config = loadConfig({ SECRET_KEY: "a".repeat(64) });
const otherKeyConfig = loadConfig({ SECRET_KEY: "b".repeat(64) });
const KEY = "sk_tool_8f2e1c";

const runtime: AgentRuntimeSecrets = {
  credentials: {},
  signing_secret_ciphertexts: [],
  tool_credentials: {
    cred_tool: {
      id: "cred_tool",
      provider: "custom",
      base_url: null,
      api_key_ciphertext: encryptSecret(config, KEY),
    },
  },
};

const balanceTool: AgentTool = {
  type: "http",
  name: "balance",
  url: `http://127.0.0.1:${server.port}/balance`,
  headers: { "X-Static": "plain" },
  secret_headers: {
    Authorization: { credential_id: "cred_tool", template: "Bearer {{secret}}" },
    "X-Api-Key": { credential_id: "cred_tool" },
  },
};

const context: ToolContext = {
  signal: new AbortController().signal,
  sendDtmf: async () => {},
  control: { hangup: async () => {}, transfer: async () => ({ ok: false, status: null, reason: "" }) },
  waitForSpeech: async () => {},
  logger: null,
};

function registryWith(secrets: ReturnType<typeof toolSecretSource>): ToolRegistry {
  return new ToolRegistry([balanceTool], { urlPolicy: { allowPrivate: true }, secrets });
}

test("the credential's key is filled into the tool's headers when it is called", async () => {
  const result = await registryWith(toolSecretSource(config, runtime)).execute(
    { id: "call_1", name: "balance", arguments: "{}" },
    context,
  );
  expect(JSON.parse(result.content)).toEqual({ balance: 12 });
  expect(received.at(-1)).toMatchObject({
    authorization: `Bearer ${KEY}`,
    "x-api-key": KEY,
    "x-static": "plain",
  });
});

test("a credential encrypted with another SECRET_KEY, or missing, makes the tool fail without a request", async () => {
  const before = received.length;
  for (const secrets of [
    toolSecretSource(otherKeyConfig, runtime),
    toolSecretSource(config, { ...runtime, tool_credentials: {} }),
  ]) {
    const registry = registryWith(secrets);
    expect(registry.definitions.map((definition) => definition.name)).toEqual(["balance"]);
    const result = await registry.execute({ id: "call_1", name: "balance", arguments: "{}" }, context);
    expect(JSON.parse(result.content).error).toContain("the credential cred_tool of header Authorization");
    expect(result.content).not.toContain(KEY);
  }
  expect(received.length).toBe(before);
});
