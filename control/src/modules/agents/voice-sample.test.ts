// The voice sample route's own answers, with no gateway on the bus: another org's agent, a
// text over the limit, and the deadline. The sample synthesised by a real gateway is tested
// on the embedded platform (control/src/e2e/voice-sample.test.ts).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { VOICE_SAMPLE_MAX_TEXT_CHARS } from "@switchboard/shared/voice-sample/messages";
import { createHarness, type Harness } from "../../testing/harness.ts";

let h: Harness;
let agentId: string;
beforeAll(async () => {
  h = await createHarness();
  const created = await h.json<{ id: string }>("POST", "/api/v1/agents", { body: { name: "Sampled" } });
  expect(created.status).toBe(201);
  agentId = created.body.id;
}, 60_000);
afterAll(async () => {
  await h.close();
});

test("another org's agent is 404", async () => {
  const other = await h.newOrg();
  const response = await h.json<{ code: string }>("POST", `/api/v1/agents/${agentId}/voice-sample`, {
    key: other.ownerKey,
    body: {},
  });
  expect(response.status).toBe(404);
  expect(response.body.code).toBe("not_found");
});

test("a text over the limit or an unknown field is 422", async () => {
  const long = await h.json("POST", `/api/v1/agents/${agentId}/voice-sample`, {
    body: { text: "a".repeat(VOICE_SAMPLE_MAX_TEXT_CHARS + 1) },
  });
  expect(long.status).toBe(422);
  const unknown = await h.json("POST", `/api/v1/agents/${agentId}/voice-sample`, { body: { voice: "x" } });
  expect(unknown.status).toBe(422);
});

test("with no gateway on the bus the request ends in 504 voice_sample_timeout", async () => {
  const member = await h.newKey("member");
  const response = await h.json<{ code: string }>("POST", `/api/v1/agents/${agentId}/voice-sample`, {
    key: member,
  });
  expect(response.status).toBe(504);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(response.body.code).toBe("voice_sample_timeout");
}, 20_000);
