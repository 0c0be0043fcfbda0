import { describe, expect, test } from "bun:test";
import { computeHa1 } from "@switchboard/shared/sip/digest-hash";
import { authorizationHeader, DigestServer, parseDigestParams, pickChallenge } from "./digest.ts";

const realm = "switchboard";
const users: Record<string, string> = { trunk1: "s3cret" };
const lookup = (username: string, algorithm: "MD5" | "SHA-256") =>
  users[username] === undefined ? null : computeHa1(algorithm, username, realm, users[username]!);

describe("digest authentication", () => {
  const server = new DigestServer(Buffer.from("k".repeat(32)), realm, 60_000);

  test("offers SHA-256 first, then MD5 (RFC 8760)", () => {
    const challenges = server.challenges();
    expect(challenges[0]).toContain("algorithm=SHA-256");
    expect(challenges[1]).toContain("algorithm=MD5");
    expect(pickChallenge(challenges)?.algorithm).toBe("SHA-256");
    expect(pickChallenge([challenges[1]!])?.algorithm).toBe("MD5");
  });

  for (const algorithm of ["SHA-256", "MD5"] as const) {
    test(`${algorithm}: right password passes, wrong password and unknown user fail alike`, () => {
      const challenge = pickChallenge(server.challenges().filter((c) => c.includes(algorithm)))!;
      const answer = (username: string, password: string) =>
        authorizationHeader({ challenge, method: "INVITE", uri: "sip:+14155550100@gw", username, password });
      expect(server.verify(answer("trunk1", "s3cret"), "INVITE", lookup)).toEqual({
        ok: true,
        username: "trunk1",
        stale: false,
      });
      expect(server.verify(answer("trunk1", "wrong"), "INVITE", lookup).ok).toBe(false);
      expect(server.verify(answer("nobody", "s3cret"), "INVITE", lookup).ok).toBe(false);
      // A response computed for another method does not verify.
      expect(server.verify(answer("trunk1", "s3cret"), "BYE", lookup).ok).toBe(false);
    });
  }

  test("expired nonce is stale, forged nonce is rejected", () => {
    const old = server.challenges(false, Date.now() - 120_000);
    const challenge = pickChallenge(old)!;
    const header = authorizationHeader({
      challenge,
      method: "INVITE",
      uri: "sip:x@gw",
      username: "trunk1",
      password: "s3cret",
    });
    expect(server.verify(header, "INVITE", lookup)).toMatchObject({ ok: false, stale: true });
    const forged = { ...challenge, nonce: `${Date.now().toString(16)}${"0".repeat(32)}` };
    const forgedHeader = authorizationHeader({
      challenge: forged,
      method: "INVITE",
      uri: "sip:x@gw",
      username: "trunk1",
      password: "s3cret",
    });
    expect(server.verify(forgedHeader, "INVITE", lookup)).toMatchObject({ ok: false, stale: false });
  });

  test("RFC 7616 §3.9.1 example response (MD5, qop=auth)", () => {
    const header = authorizationHeader({
      challenge: {
        realm: "http-auth@example.org",
        nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        algorithm: "MD5",
        qop: "auth",
        opaque: null,
      },
      method: "GET",
      uri: "/dir/index.html",
      username: "Mufasa",
      password: "Circle of Life",
      cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
    });
    expect(parseDigestParams(header)?.get("response")).toBe("8ca523f5e9506fed4657c9700eebdbec");
  });

  test("RFC 7616 §3.9.1 example response (SHA-256, qop=auth)", () => {
    const header = authorizationHeader({
      challenge: {
        realm: "http-auth@example.org",
        nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        algorithm: "SHA-256",
        qop: "auth",
        opaque: null,
      },
      method: "GET",
      uri: "/dir/index.html",
      username: "Mufasa",
      password: "Circle of Life",
      cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
    });
    expect(parseDigestParams(header)?.get("response")).toBe(
      "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    );
  });
});
