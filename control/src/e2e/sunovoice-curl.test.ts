// Starts the control plane as its own process and replays the reference page's curl
// examples for agents over real HTTP, with only the base URL and the key substituted.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { insertKey } from "../modules/api-keys/service.ts";
import { createOrg } from "../modules/orgs/service.ts";
import { testDatabase } from "../testing/harness.ts";
import { controlUrlOf } from "./support/processes.ts";

const onPostgres = process.env.TEST_DATABASE === "postgres";
let server: Subprocess<"ignore", "pipe", "pipe">;
let baseUrl: string;
let key: string;
let dataDir: string;
let banner = "";

async function curl(...args: string[]): Promise<{ status: number; body: string }> {
  const proc = Bun.spawn(["curl", "-sS", "-w", "\n%{http_code}", ...args], {
    stdout: "pipe",
    stderr: "pipe",
  });
  const out = await new Response(proc.stdout).text();
  await proc.exited;
  const cut = out.lastIndexOf("\n");
  return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "switchboard-curl-"));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    // Port 0: control binds a free port itself and its banner says which.
    CONTROL_PORT: "0",
    CONTROL_HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  delete env.REDIS_URL;
  if (onPostgres) {
    // The shared test database already has keys, so the platform makes none: bring our own.
    const { db } = await testDatabase();
    const org = await createOrg(db, "curl");
    key = (await insertKey(db, { orgId: org.id, name: "curl", role: "owner", expiresAt: null })).secret;
    env.DATABASE_URL = process.env.TEST_DATABASE_URL!;
  } else {
    key = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
    env.INIT_API_KEY = key;
    delete env.DATABASE_URL;
  }
  server = Bun.spawn(["bun", join(import.meta.dir, "..", "main.ts")], {
    env,
    stdout: "pipe",
    stderr: "pipe",
  });
  const reader = server.stdout.getReader();
  const decoder = new TextDecoder();
  const deadline = Date.now() + 25_000;
  while (!banner.includes("Docs") && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    banner += decoder.decode(value);
  }
  reader.releaseLock();
  if (!banner.includes("Docs"))
    throw new Error(`control did not start: ${await new Response(server.stderr).text()}`);
  baseUrl = `${controlUrlOf(banner)}/api/v1`;
}, 90_000);

afterAll(async () => {
  server?.kill();
  await server?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the reference page's agent examples over real HTTP", () => {
  test("the banner says where the API and docs are, and never prints an operator's INIT_API_KEY", () => {
    // The examples below reach the API at the URL the banner printed.
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(banner).toContain(`${baseUrl.slice(0, -"/api/v1".length)}/docs`);
    expect(banner).not.toContain(key);
  });

  test("List your agents", async () => {
    const result = await curl(`${baseUrl}/agents`, "-H", `Authorization: Bearer ${key}`);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ data: expect.any(Array), has_more: false });
  });

  test("create, get, update and delete an agent as the endpoint table describes", async () => {
    const created = await curl(
      "-X",
      "POST",
      `${baseUrl}/agents`,
      "-H",
      `Authorization: Bearer ${key}`,
      "-H",
      "Content-Type: application/json",
      "-d",
      '{"name": "Receptionist", "system_prompt": "You are a helpful assistant.", "first_message": "Hello!"}',
    );
    expect(created.status).toBe(201);
    const agent = JSON.parse(created.body) as { id: string };
    const read = await curl(`${baseUrl}/agents/${agent.id}`, "-H", `Authorization: Bearer ${key}`);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({
      id: agent.id,
      name: "Receptionist",
      first_message: "Hello!",
    });
    const patched = await curl(
      "-X",
      "PATCH",
      `${baseUrl}/agents/${agent.id}`,
      "-H",
      `Authorization: Bearer ${key}`,
      "-H",
      "Content-Type: application/json",
      "-d",
      '{"first_message": "Hi there!"}',
    );
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.body).first_message).toBe("Hi there!");
    const listed = await curl(`${baseUrl}/agents`, "-H", `Authorization: Bearer ${key}`);
    expect(JSON.parse(listed.body).data.map((a: { id: string }) => a.id)).toContain(agent.id);
    const deleted = await curl(
      "-X",
      "DELETE",
      `${baseUrl}/agents/${agent.id}`,
      "-H",
      `Authorization: Bearer ${key}`,
    );
    expect(deleted.status).toBe(204);
    const gone = await curl(`${baseUrl}/agents/${agent.id}`, "-H", `Authorization: Bearer ${key}`);
    expect(gone.status).toBe(404);
  });

  test("a bad key gets the 401 the page describes", async () => {
    const result = await curl(`${baseUrl}/agents`, "-H", "Authorization: Bearer sk_live_your_key_here");
    expect(result.status).toBe(401);
    expect(JSON.parse(result.body).detail).toBeString();
  });
});
