// Which key and endpoint a realtime session uses: the operator's from the environment, or the
// org's credential (decrypted per call), whose own base URL passes the outbound URL guard.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Agent, AgentSnapshot } from "@switchboard/shared/agent";
import { loadConfig } from "@switchboard/shared/config";
import { encryptSecret } from "@switchboard/shared/secrets/secret-box";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { testAgent } from "../calls/testing/test-gateway.ts";
import { connectRealtime } from "./connect.ts";
import type { RealtimeSessionConfig } from "./session.ts";
import type { RealtimeSettings } from "./settings.ts";

let standIns: StandIns;
let dataDir: string;

const SESSION: RealtimeSessionConfig = {
  model: "gpt-realtime",
  voice: "marin",
  instructions: "You answer calls.",
  tools: [],
  turnDetection: "server_vad",
  narrowbandCodec: null,
  callRateHz: 16_000,
};

beforeAll(() => {
  standIns = startStandIns();
  dataDir = mkdtempSync(join(tmpdir(), "realtime-connect-"));
});

afterAll(async () => {
  await standIns?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function config(env: Record<string, string> = {}) {
  return loadConfig({
    DATA_DIR: dataDir,
    SECRET_KEY: "realtime-connect-test-secret-key-0123456789",
    OPENAI_BASE_URL: standIns.urls.openai,
    OPENAI_API_KEY: "sk-operator",
    ...env,
  });
}

function agentWithCredential(settings: RealtimeSettings, baseUrl: string | null): Agent {
  const snapshot: AgentSnapshot = {
    ...testAgent({ realtime: settings }),
    org_id: "org_test",
    runtime: {
      credentials: {
        realtime: {
          id: "cred_realtime",
          provider: "openai",
          base_url: baseUrl,
          api_key_ciphertext: encryptSecret(config(), "sk-tenant"),
        },
      },
      signing_secret_ciphertexts: [],
    },
  };
  return snapshot;
}

async function connect(agent: Agent, settings: RealtimeSettings, env: Record<string, string> = {}) {
  const session = await connectRealtime({
    config: config(env),
    agent,
    settings,
    session: SESSION,
    listener: () => {},
  });
  const record = await waitFor("the connection at the stand-in", () => standIns.realtime.openai.last());
  session.close();
  standIns.realtime.openai.reset();
  return record;
}

describe("realtime connection", () => {
  test("without credential_id: the operator's key on the operator's endpoint", async () => {
    const settings: RealtimeSettings = { provider: "openai", model: "gpt-realtime", voice: "marin" };
    const record = await connect(testAgent({ realtime: settings }), settings);
    expect(record.apiKey).toBe("sk-operator");
  });

  test("with credential_id: the org's key, decrypted for the call", async () => {
    const settings: RealtimeSettings = {
      provider: "openai",
      model: "gpt-realtime",
      voice: "marin",
      credential_id: "cred_realtime",
    };
    const record = await connect(agentWithCredential(settings, null), settings);
    expect(record.apiKey).toBe("sk-tenant");
  });

  test("a credential's own base URL goes through the outbound guard: loopback only with ALLOW_PRIVATE_URLS", async () => {
    const settings: RealtimeSettings = {
      provider: "openai",
      model: "gpt-realtime",
      voice: "marin",
      credential_id: "cred_realtime",
    };
    const agent = agentWithCredential(settings, standIns.urls.openai);
    await expect(connect(agent, settings, { ALLOW_PRIVATE_URLS: "false" })).rejects.toThrow(
      /base_url refused/,
    );
    const record = await connect(agent, settings, { ALLOW_PRIVATE_URLS: "true" });
    expect(record.apiKey).toBe("sk-tenant");
  });
});
