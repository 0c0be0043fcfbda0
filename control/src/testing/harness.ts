// In-process control plane for tests: the database the test run selected (PGlite or a fresh
// PostgreSQL database, see scripts/test.ts), the bus asked for, and a new org per harness so
// suites never see each other's rows.
import type { Bus } from "@switchboard/shared/bus/contract";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { RedisBus } from "@switchboard/shared/bus/redis";
import { type Config, loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { type ControlApp, createControlApp } from "../app.ts";
import type { ControlContext } from "../context.ts";
import { type DatabaseHandle, openDatabase } from "../db/client.ts";
import type { ApiKeyRole } from "../db/schema.ts";
import { Authenticator } from "../http/auth.ts";
import { insertKey } from "../modules/api-keys/service.ts";
import { createOrg } from "../modules/orgs/service.ts";

const globalCache = globalThis as unknown as { __switchboardTestDb?: Promise<DatabaseHandle> };

/** One database per test process: PGlite in memory, or TEST_DATABASE_URL. */
export function testDatabase(): Promise<DatabaseHandle> {
  globalCache.__switchboardTestDb ??= openDatabase({
    databaseUrl: process.env.TEST_DATABASE === "postgres" ? (process.env.TEST_DATABASE_URL ?? null) : null,
    dataDir: null,
  });
  return globalCache.__switchboardTestDb;
}

const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A bus on the real Redis; buses made with the same `keyPrefix` share streams and channels. */
export async function testRedisBus(keyPrefix = `sbtest:${crypto.randomUUID()}:`): Promise<RedisBus> {
  return RedisBus.connect(testRedisUrl, keyPrefix);
}

export interface Harness {
  app: ControlApp;
  ctx: ControlContext;
  orgId: string;
  ownerKey: string;
  newKey(role: ApiKeyRole, orgId?: string): Promise<string>;
  newOrg(): Promise<{ orgId: string; ownerKey: string }>;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

export interface RequestOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function createHarness(
  options: { bus?: Bus; config?: Partial<Config>; now?: () => number } = {},
): Promise<Harness> {
  const database = await testDatabase();
  const bus = options.bus ?? new MemoryBus();
  const config = {
    ...loadConfig({ RATE_LIMIT_PER_MINUTE: "100000", ALLOW_PRIVATE_URLS: "true" }),
    ...options.config,
  };
  const log = createLogger("silent");
  const authenticator = new Authenticator(database.db, bus, options.now);
  await authenticator.start();
  const ctx: ControlContext = { config, db: database.db, bus, log, authenticator };
  const app = createControlApp(ctx);

  async function newOrg() {
    const org = await createOrg(database.db, `test-${crypto.randomUUID().slice(0, 8)}`);
    const { secret } = await insertKey(database.db, {
      orgId: org.id,
      name: "owner",
      role: "owner",
      expiresAt: null,
    });
    return { orgId: org.id, ownerKey: secret };
  }
  const first = await newOrg();

  async function request(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? first.ownerKey : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    return app.handle(new Request(`http://localhost${path}`, { method, headers, body }));
  }

  return {
    app,
    ctx,
    orgId: first.orgId,
    ownerKey: first.ownerKey,
    newOrg,
    async newKey(role, orgId = first.orgId) {
      return (await insertKey(database.db, { orgId, name: `${role} key`, role, expiresAt: null })).secret;
    },
    request,
    async json(method, path, opts) {
      const response = await request(method, path, opts);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    },
    async close() {
      await authenticator.stop();
      if (!options.bus) await bus.close();
    },
  };
}
