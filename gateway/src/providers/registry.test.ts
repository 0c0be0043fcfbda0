// The registry builds working providers from config + agent settings: one conversation turn
// (caller audio -> Deepgram -> LLM -> ElevenLabs) runs end to end against the stand-ins.
import { afterAll, expect, test } from "bun:test";
import {
  AGENT_DEFAULTS,
  type AgentRuntimeSecrets,
  type PublishedCredential,
} from "@switchboard/shared/agent";
import { loadConfig } from "@switchboard/shared/config";
import { encryptSecret } from "@switchboard/shared/secrets/secret-box";
import { captureLogs } from "@switchboard/shared/testing/log-capture";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { type AgentProviderSettings, buildLlm, buildProviders, buildStt, buildTts } from "./registry.ts";
import {
  collect,
  expectRejection,
  openRecorded,
  speechThenSilence,
  totalSamples,
} from "./testing/support.ts";
import { ProviderError } from "./types.ts";

const standIns: StandIns = startStandIns({
  apiKeys: { openai: "sk-env", deepgram: "dg-env", elevenlabs: "xi-env" },
  llm: { firstTokenMs: 5, interTokenMs: 1, rules: [{ match: "table", reply: "Of course. For what time?" }] },
  deepgram: { utterances: ["I would like to book a table."], finalizationDelayMs: 10 },
  elevenlabs: { firstByteMs: 5 },
});
/** An org's own OpenAI-compatible endpoint: it answers only the org's key. */
const tenantStandIns: StandIns = startStandIns({
  apiKeys: { openai: "sk-tenant" },
  llm: { firstTokenMs: 5 },
});
afterAll(() => Promise.all([standIns.stop(), tenantStandIns.stop()]));

const config = loadConfig({
  OPENAI_BASE_URL: standIns.urls.openai,
  OPENAI_API_KEY: "sk-env",
  DEEPGRAM_BASE_URL: standIns.urls.deepgram,
  DEEPGRAM_API_KEY: "dg-env",
  ELEVENLABS_BASE_URL: standIns.urls.elevenlabs,
  ELEVENLABS_API_KEY: "xi-env",
  // The stand-ins (the operator's and the org's) listen on loopback.
  ALLOW_PRIVATE_URLS: "true",
  SECRET_KEY: "registry-test-secret-key",
});

function withCredentials(credentials: AgentRuntimeSecrets["credentials"]) {
  return { ...agent, runtime: { credentials, signing_secret_ciphertexts: [] } } as AgentProviderSettings;
}

function credential(
  provider: PublishedCredential["provider"],
  apiKey: string,
  baseUrl: string | null = null,
) {
  return { id: "cred_test", provider, base_url: baseUrl, api_key_ciphertext: encryptSecret(config, apiKey) };
}

const hello = { model: "m", temperature: 0, messages: [{ role: "user" as const, content: "hi" }] };

const agent: AgentProviderSettings = {
  llm: { ...AGENT_DEFAULTS.llm, provider: "openai" },
  stt: { ...AGENT_DEFAULTS.stt, provider: "deepgram" },
  voice: { provider: "elevenlabs", voice_id: "cgSgspJ2msm6clMCkdW9" },
  endpointing: { silence_ms: 300 },
};

test("openai + deepgram + elevenlabs from the environment hold a conversation turn", async () => {
  const providers = buildProviders(config, agent);
  const { session, events } = await openRecorded(providers.stt, agent.stt.model);
  for (const frame of speechThenSilence(800, 400)) session.sendAudio(frame);
  await waitFor("the caller's final", () => events.some((event) => event.isFinal && event.endOfSpeech));
  await session.close();
  const heard = events
    .filter((event) => event.isFinal)
    .map((event) => event.text)
    .join(" ");
  expect(heard).toBe("I would like to book a table.");

  const reply = await collect(
    providers.llm.stream(
      { model: agent.llm.model, temperature: 0.7, messages: [{ role: "user", content: heard }] },
      new AbortController().signal,
    ),
  );
  const text = reply.map((event) => (event.type === "text" ? event.text : "")).join("");
  expect(text).toBe("Of course. For what time?");

  const audio = await collect(
    providers.tts.synthesize(
      text,
      { voiceId: agent.voice.voice_id, sampleRateHz: 16_000 },
      new AbortController().signal,
    ),
  );
  expect(totalSamples(audio)).toBe((5 * 250 * 16_000) / 1000);
  expect(providers.tts.name).toBe("elevenlabs>espeak");
});

test("an llm.base_url without a credential never gets the operator's key", () => {
  let thrown: unknown;
  try {
    buildLlm(config, { ...agent, llm: { ...agent.llm, base_url: tenantStandIns.urls.openai } });
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ProviderError);
  expect((thrown as ProviderError).retryable).toBe(false);
});

test("the org's credential brings its own key to its own base URL", async () => {
  const own = withCredentials({
    llm: credential("openai_compatible", "sk-tenant", tenantStandIns.urls.openai),
  });
  const events = await collect(buildLlm(config, own).stream(hello, new AbortController().signal));
  expect(events.at(-1)?.type).toBe("done");
  expect(tenantStandIns.state.of("chat").completed).toBe(1);
  // The same endpoint with the operator's key is refused: the credential's key is what made it work.
  const operatorKeyed = withCredentials({
    llm: credential("openai_compatible", "sk-env", tenantStandIns.urls.openai),
  });
  const refused = await expectRejection(
    collect(buildLlm(config, operatorKeyed).stream(hello, new AbortController().signal)),
  );
  expect((refused as ProviderError).status).toBe(401);
});

test("a credential without a base URL uses the operator's endpoint with the org's key", async () => {
  const wrongKey = withCredentials({ stt: credential("deepgram", "dg-not-the-operators") });
  const stt = buildStt(config, wrongKey);
  // The stand-in takes only the operator's key, so the org's key being sent shows as a refusal.
  const error = await expectRejection(openRecorded(stt, agent.stt.model));
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).status).toBe(401);
});

test("a tenant base URL on loopback is refused without ALLOW_PRIVATE_URLS, before any request", async () => {
  const strict = { ...config, allowPrivateUrls: false };
  const before = tenantStandIns.state.of("chat").requests;
  const own = withCredentials({
    llm: credential("openai_compatible", "sk-tenant", tenantStandIns.urls.openai),
  });
  const error = await expectRejection(
    collect(buildLlm(strict, own).stream(hello, new AbortController().signal)),
  );
  expect((error as ProviderError).retryable).toBe(false);
  expect((error as Error).message).toContain("loopback");
  expect(tenantStandIns.state.of("chat").requests).toBe(before);
});

test("custom LLM needs a webhook_url; with one it posts there", async () => {
  expect(() =>
    buildLlm(config, { ...agent, llm: { ...agent.llm, provider: "custom", webhook_url: null } }),
  ).toThrow(ProviderError);
  const llm = buildLlm(config, {
    ...agent,
    llm: { ...agent.llm, provider: "custom", webhook_url: `${standIns.urls.openai}/chat/completions` },
  });
  expect(llm.name).toBe("custom");
  // The stand-in wants the OpenAI key; a webhook gets none, so this is the customer's 401.
  const error = await expectRejection(
    collect(
      llm.stream(
        { model: "m", temperature: 0, messages: [{ role: "user", content: "hi" }] },
        new AbortController().signal,
      ),
    ),
  );
  expect((error as ProviderError).status).toBe(401);
});

test("each STT and TTS setting maps to its adapter", () => {
  expect(buildStt(config, { ...agent, stt: { ...agent.stt, provider: "openai" } }).name).toBe("openai");
  expect(buildStt(config, { ...agent, stt: { ...agent.stt, provider: "whisper" } }).name).toBe("whisper");
  expect(buildTts(config, { ...agent, voice: { provider: "espeak", voice_id: "en-us" } }).name).toBe(
    "espeak",
  );
  expect(buildTts(config, { ...agent, voice: { provider: "openai", voice_id: "alloy" } }).name).toBe(
    "openai>espeak",
  );
  expect(buildTts(config, { ...agent, voice: { provider: "flite", voice_id: "kal16" } }).name).toBe("flite");
  expect(() =>
    buildTts(config, { ...agent, voice: { provider: "polly" as "flite", voice_id: "x" } }),
  ).toThrow(ProviderError);
});

test("llm.fallbacks: a primary failing with 503 is answered by the fallback, with its own credential, endpoint and model", async () => {
  const logs = captureLogs();
  const before = standIns.state.of("chat").requests;
  const tenantBefore = tenantStandIns.state.of("chat").requests;
  // Every attempt the family base makes on the primary.
  standIns.failNext("chat", { status: 503 }, 2);
  const settings = {
    ...withCredentials({
      "llm.fallbacks.0": credential("openai_compatible", "sk-tenant", tenantStandIns.urls.openai),
    }),
    llm: {
      ...agent.llm,
      fallbacks: [{ provider: "openai" as const, model: "llama-3", credential_id: "cred_test" }],
    },
  };
  const llm = buildLlm(config, settings, { policy: { maxAttempts: 2, baseDelayMs: 1 }, logger: logs.logger });
  expect(llm.name).toBe("openai>openai");
  const events = await collect(llm.stream(hello, new AbortController().signal));
  expect(events.at(-1)?.type).toBe("done");
  expect(events.filter((event) => event.type === "text").length).toBeGreaterThan(0);
  expect(standIns.state.of("chat").requests - before).toBe(2);
  expect(tenantStandIns.state.of("chat").requests - tenantBefore).toBe(1);
  expect((tenantStandIns.state.of("chat").bodies.at(-1) as { model: string }).model).toBe("llama-3");
  expect(logs.entries().find((entry) => entry.msg === "provider failed over to its fallback")).toMatchObject({
    family: "llm",
    from: "openai",
    to: "openai",
    status: 503,
  });
});

test("llm.fallbacks: a final error (401) is not retried on the fallback", async () => {
  const tenantBefore = tenantStandIns.state.of("chat").requests;
  standIns.failNext("chat", { status: 401 });
  const llm = buildLlm(config, {
    ...agent,
    llm: {
      ...agent.llm,
      fallbacks: [
        {
          provider: "custom",
          model: "custom",
          webhook_url: `${tenantStandIns.urls.openai}/chat/completions`,
        },
      ],
    },
  });
  expect(llm.name).toBe("openai>custom");
  const error = await expectRejection(collect(llm.stream(hello, new AbortController().signal)));
  expect((error as ProviderError).status).toBe(401);
  expect(tenantStandIns.state.of("chat").requests).toBe(tenantBefore);
});

test("stt.fallbacks: Deepgram refusing with 503 is replaced by the fallback for the call, with its model", async () => {
  standIns.failNext("deepgram", { status: 503 }, 2);
  const stt = buildStt(
    config,
    {
      ...agent,
      stt: { ...agent.stt, provider: "deepgram", fallbacks: [{ provider: "openai", model: "whisper-1" }] },
    },
    { policy: { maxAttempts: 2, baseDelayMs: 1 } },
  );
  expect(stt.name).toBe("deepgram>openai");
  const { session, events } = await openRecorded(stt, agent.stt.model);
  for (const frame of speechThenSilence(600, 200)) session.sendAudio(frame);
  session.flush();
  await waitFor("the fallback's final", () => events.some((event) => event.isFinal));
  await session.close();
  expect(standIns.state.of("transcription").bodies.at(-1)).toEqual({ model: "whisper-1", language: "en" });
});

test("without fallbacks the blocks are the providers themselves", () => {
  expect(buildLlm(config, { ...agent, llm: { ...agent.llm, fallbacks: [] } }).name).toBe("openai");
  expect(buildStt(config, { ...agent, stt: { ...agent.stt, fallbacks: [] } }).name).toBe("deepgram");
});
