import { describe, expect, test } from "bun:test";
import { ConfigError, loadConfig } from "./config.ts";

describe("config", () => {
  test("defaults describe the embedded platform", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: null,
      redisUrl: null,
      dataDir: "./data",
      controlPort: 3000,
      gatewayPort: 3001,
      sipPort: 5060,
      logLevel: "info",
      rateLimitPerMinute: 100,
      allowPrivateUrls: false,
      adminApiKey: null,
      selfServeCredits: true,
    });
  });

  test("ALLOW_PRIVATE_URLS, with the older names as aliases", () => {
    expect(loadConfig({ ALLOW_PRIVATE_URLS: "true" }).allowPrivateUrls).toBe(true);
    expect(loadConfig({ KNOWLEDGE_ALLOW_PRIVATE: "true" }).allowPrivateUrls).toBe(true);
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: "true", ALLOW_PRIVATE_URLS: "false" }).allowPrivateUrls).toBe(
      false,
    );
  });

  test("call events gather longer on PostgreSQL than on the embedded PGlite, unless set", () => {
    const postgres = { DATABASE_URL: "postgres://switchboard@127.0.0.1:5432/switchboard" };
    expect(loadConfig({}).callEventsGatherMs).toBe(25);
    expect(loadConfig(postgres).callEventsGatherMs).toBe(100);
    expect(loadConfig({ ...postgres, CALL_EVENTS_GATHER_MS: "0" }).callEventsGatherMs).toBe(0);
    expect(loadConfig({ CALL_EVENTS_GATHER_MS: "250" }).callEventsGatherMs).toBe(250);
  });

  test("self-serve credits only on the embedded single-org setup", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db" }).selfServeCredits).toBe(false);
    expect(loadConfig({ ADMIN_API_KEY: `sk_admin_${"b".repeat(30)}` }).selfServeCredits).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: "postgres://u@h/db", SELF_SERVE_CREDITS: "true" }).selfServeCredits,
    ).toBe(true);
    expect(() => loadConfig({ ADMIN_API_KEY: "sk_admin_short" })).toThrow(ConfigError);
  });

  test("reads and normalises values", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://u@h:5432/db",
      REDIS_URL: "redis://127.0.0.1:6379/",
      CONTROL_PORT: "8080",
      WEBHOOK_ALLOW_PRIVATE: "true",
      SIP_TRUNK_INBOUND_CIDRS: "203.0.113.0/24, 2001:db8::/32",
      INIT_API_KEY: `sk_live_${"a".repeat(30)}`,
    });
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(config.controlPort).toBe(8080);
    expect(config.allowPrivateUrls).toBe(true);
    expect(config.sipTrunkInboundCidrs).toEqual(["203.0.113.0/24", "2001:db8::/32"]);
  });

  test("every bad value is reported, one line each", () => {
    let error: unknown;
    try {
      loadConfig({
        CONTROL_PORT: "http",
        LOG_LEVEL: "loud",
        DATABASE_URL: "mysql://x",
        INIT_API_KEY: "hunter2",
        WEBHOOK_ALLOW_PRIVATE: "maybe",
        RTP_PORT_MIN: "30000",
        RTP_PORT_MAX: "20000",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.length).toBe(6);
    expect(problems.join("\n")).toContain("CONTROL_PORT");
    expect(problems.join("\n")).toContain("LOG_LEVEL");
    expect(problems.join("\n")).toContain("DATABASE_URL");
    expect(problems.join("\n")).toContain("INIT_API_KEY");
    expect(problems.join("\n")).toContain("WEBHOOK_ALLOW_PRIVATE");
    expect(problems.join("\n")).toContain("RTP_PORT_MIN");
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  test("LiveKit: all three settings or none", () => {
    expect(loadConfig({}).livekit).toBeNull();
    expect(
      loadConfig({
        LIVEKIT_URL: "wss://livekit.example.com/",
        LIVEKIT_API_KEY: "APIkey",
        LIVEKIT_API_SECRET: "secret",
      }).livekit,
    ).toEqual({ url: "wss://livekit.example.com", apiKey: "APIkey", apiSecret: "secret" });
    for (const partial of [
      { LIVEKIT_URL: "wss://livekit.example.com" },
      { LIVEKIT_API_KEY: "APIkey", LIVEKIT_API_SECRET: "secret" },
      { LIVEKIT_URL: "wss://livekit.example.com", LIVEKIT_API_SECRET: "secret" },
    ]) {
      expect(() => loadConfig(partial)).toThrow("LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET");
    }
    expect(() =>
      loadConfig({ LIVEKIT_URL: "ftp://livekit", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s" }),
    ).toThrow("LIVEKIT_URL must use");
  });
});
