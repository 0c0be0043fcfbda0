import { describe, expect, test } from "bun:test";
import { decodeJwt, jwtVerify } from "jose";
import { liveKitToken } from "./token.ts";

const secret = "secret-that-is-long-enough-for-hs256-0123";

async function claimsOf(jwt: string) {
  const { payload } = await jwtVerify(jwt, new TextEncoder().encode(secret));
  return payload as Record<string, unknown> & { video: Record<string, unknown> };
}

describe("LiveKit tokens", () => {
  test("the agent's: joins its one room, publishes, subscribes, sends data, marked as the agent", async () => {
    const jwt = await liveKitToken({
      apiKey: "APIkey123",
      apiSecret: secret,
      room: "call_1",
      identity: "agent-call_1",
      name: "Support",
      role: "agent",
      ttlS: 600,
    });
    const claims = await claimsOf(jwt);
    expect(claims.iss).toBe("APIkey123");
    expect(claims.sub).toBe("agent-call_1");
    expect(claims.name).toBe("Support");
    expect(claims.video).toEqual({
      roomJoin: true,
      room: "call_1",
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
    });
    expect((claims.exp as number) - (claims.nbf as number)).toBe(600);
    expect(claims.attributes).toEqual({ "switchboard.role": "agent" });
  });

  test("the caller's: the same room, a microphone only, its own ttl and role", async () => {
    const jwt = await liveKitToken({
      apiKey: "APIkey123",
      apiSecret: secret,
      room: "call_2",
      identity: "caller-call_2",
      role: "caller",
      ttlS: 120,
    });
    const claims = await claimsOf(jwt);
    expect(claims.sub).toBe("caller-call_2");
    expect(claims.video).toEqual({
      roomJoin: true,
      room: "call_2",
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canPublishSources: ["microphone"],
    });
    expect((claims.exp as number) - (claims.nbf as number)).toBe(120);
    expect(claims.attributes).toEqual({ "switchboard.role": "caller" });
  });

  test("signed with the API secret: another secret does not verify it", async () => {
    const jwt = await liveKitToken({
      apiKey: "k",
      apiSecret: secret,
      room: "r",
      identity: "i",
      role: "caller",
      ttlS: 60,
    });
    expect(decodeJwt(jwt).sub).toBe("i");
    await expect(
      jwtVerify(jwt, new TextEncoder().encode("another-secret-another-secret-0123")),
    ).rejects.toThrow();
  });
});
