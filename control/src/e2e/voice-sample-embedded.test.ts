// The agent form's voice sample on the embedded default: control asks over the in-process bus,
// the gateway synthesises with the agent's voice and the org's own OpenAI credential against
// the stand-in, and the route answers a WAV.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApiClient } from "./support/acceptance.ts";
import { startEmbeddedPlatform } from "./support/embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./support/processes.ts";

const ORG_OPENAI_KEY = "sk-org-own-voice-key";
// The stand-in speaks each word for exactly this long: a sample of the right length came from
// it, not from the local espeak-ng voice.
const STAND_IN_MS_PER_WORD = 1000;
const SAMPLE_TEXT = "one two three";

let dir: string;
let standIns: RunningProcess;
let platform: RunningProcess;
let api: ApiClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "voice-sample-"));
  const script = { apiKeys: { openai: ORG_OPENAI_KEY }, speech: { msPerWord: STAND_IN_MS_PER_WORD } };
  standIns = await startProcess(
    scripts.standIns,
    { STAND_IN_SCRIPT: JSON.stringify(script) },
    /ELEVENLABS_BASE_URL=\S+/,
  );
  ({ process: platform, api } = await startEmbeddedPlatform(dir, {
    ALLOW_PRIVATE_URLS: "true",
    OPENAI_API_KEY: "sk-operator-key-the-stand-in-refuses",
    ...standInUrlsOf(standIns.output()),
  }));
}, 120_000);

afterAll(async () => {
  for (const process of [platform, standIns]) await process?.stop().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function pcmOf(wav: Uint8Array): { sampleRateHz: number; samples: Int16Array } {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const ascii = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));
  expect(ascii(0)).toBe("RIFF");
  expect(ascii(8)).toBe("WAVE");
  expect(view.getUint16(20, true)).toBe(1); // PCM
  expect(view.getUint16(22, true)).toBe(1); // mono
  expect(view.getUint16(34, true)).toBe(16);
  expect(ascii(36)).toBe("data");
  const dataBytes = view.getUint32(40, true);
  expect(44 + dataBytes).toBe(wav.byteLength);
  return {
    sampleRateHz: view.getUint32(24, true),
    samples: new Int16Array(wav.slice(44).buffer),
  };
}

test("the voice sample is a WAV of the stand-in's speech, made with the org's credential", async () => {
  const credential = await api.request<{ id: string }>("POST", "/provider-credentials", {
    provider: "openai",
    name: "Our OpenAI",
    api_key: ORG_OPENAI_KEY,
  });
  expect(credential.status).toBe(201);
  const agent = await api.request<{ id: string }>("POST", "/agents", {
    name: "Sample voice",
    voice: { provider: "openai", voice_id: "alloy", credential_id: credential.body.id },
  });
  expect(agent.status).toBe(201);

  const response = await fetch(`${api.baseUrl}/api/v1/agents/${agent.body.id}/voice-sample`, {
    method: "POST",
    headers: { authorization: `Bearer ${api.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ text: SAMPLE_TEXT }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("audio/wav");
  const { sampleRateHz, samples } = pcmOf(new Uint8Array(await response.arrayBuffer()));
  const durationMs = (samples.length / sampleRateHz) * 1000;
  const words = SAMPLE_TEXT.split(" ").length;
  expect(Math.abs(durationMs - words * STAND_IN_MS_PER_WORD)).toBeLessThan(100);
  expect(samples.some((sample) => Math.abs(sample) > 1000)).toBe(true);
}, 60_000);

test("a key the provider refuses is 502 voice_sample_failed, without the provider's words", async () => {
  const credential = await api.request<{ id: string }>("POST", "/provider-credentials", {
    provider: "openai",
    name: "A revoked key",
    api_key: "sk-revoked-org-key",
  });
  expect(credential.status).toBe(201);
  const agent = await api.request<{ id: string }>("POST", "/agents", {
    name: "Refused voice",
    voice: { provider: "openai", voice_id: "alloy", credential_id: credential.body.id },
  });
  expect(agent.status).toBe(201);
  const response = await api.request<{ code: string; detail: string }>(
    "POST",
    `/agents/${agent.body.id}/voice-sample`,
    {},
  );
  expect(response.status).toBe(502);
  expect(response.body.code).toBe("voice_sample_failed");
  expect(response.body.detail).not.toContain("sk-revoked");
}, 60_000);
