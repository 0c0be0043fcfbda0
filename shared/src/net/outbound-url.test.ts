// Real servers on loopback. Addresses 127.0.0.2 and 127.0.0.3 stand for public hosts where a test
// needs one (OUTBOUND_TEST_HOOKS); Linux routes all of 127.0.0.0/8 to the loopback interface.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  checkOutboundUrl,
  guardedFetch,
  OUTBOUND_TEST_HOOKS,
  type OutboundUrlPolicy,
  type OutboundUrlTestHooks,
  type OutboundUrlTestPolicy,
  UnsafeUrlError,
} from "./outbound-url.ts";

interface Seen {
  method: string;
  path: string;
  host: string | null;
  authorization: string | null;
  body: string;
}

/** A loopback server that records what reaches it; /to?url=X redirects (status from ?status). */
function recordingServer(hostname: string, tls?: Parameters<typeof Bun.serve>[0]["tls"]) {
  const seen: Seen[] = [];
  const server = Bun.serve({
    hostname,
    port: 0,
    tls,
    async fetch(request) {
      const url = new URL(request.url);
      seen.push({
        method: request.method,
        path: url.pathname,
        host: request.headers.get("host"),
        authorization: request.headers.get("authorization"),
        body: await request.text(),
      });
      const target = url.searchParams.get("url");
      if (url.pathname === "/to" && target) {
        const status = Number(url.searchParams.get("status") ?? 302);
        return new Response(null, { status, headers: { location: target } });
      }
      if (url.pathname === "/loop")
        return new Response(null, { status: 302, headers: { location: "/loop" } });
      return new Response(`hello from ${hostname}`);
    },
  });
  return {
    server,
    seen,
    base: `${tls ? "https" : "http"}://${hostname.includes(":") ? `[${hostname}]` : hostname}:${server.port}`,
  };
}

const strict: OutboundUrlPolicy = { allowPrivate: false };
const open: OutboundUrlPolicy = { allowPrivate: true };
const withHooks = (allowPrivate: boolean, hooks: OutboundUrlTestHooks): OutboundUrlTestPolicy => ({
  allowPrivate,
  [OUTBOUND_TEST_HOOKS]: hooks,
});

let v4: ReturnType<typeof recordingServer>;
let v6: ReturnType<typeof recordingServer>;
let hop: ReturnType<typeof recordingServer>;
beforeAll(() => {
  v4 = recordingServer("127.0.0.1");
  v6 = recordingServer("::1");
  hop = recordingServer("127.0.0.2");
});
afterAll(() => {
  for (const { server } of [v4, v6, hop]) server.stop(true);
});

async function refusal(promise: Promise<unknown>): Promise<UnsafeUrlError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UnsafeUrlError);
  return error as UnsafeUrlError;
}

describe("refused without ALLOW_PRIVATE_URLS, before any request", () => {
  const cases: Array<[string, () => string, string]> = [
    ["127.0.0.1", () => `http://127.0.0.1:${v4.server.port}/`, "resolves to 127.0.0.1, a loopback address"],
    ["10.0.0.1", () => "http://10.0.0.1/", "resolves to 10.0.0.1, a private-network address"],
    ["metadata", () => "http://169.254.169.254/latest/meta-data", "a link-local address (cloud metadata)"],
    ["CGNAT", () => "http://100.64.0.1/", "resolves to 100.64.0.1, a carrier-grade NAT address"],
    ["[::1]", () => `http://[::1]:${v6.server.port}/`, "resolves to ::1, a loopback address"],
    ["[::ffff:127.0.0.1]", () => `http://[::ffff:127.0.0.1]:${v4.server.port}/`, "a loopback address"],
    ["[::ffff:7f00:1]", () => `http://[::ffff:7f00:1]:${v4.server.port}/`, "a loopback address"],
    ["localhost", () => `http://localhost:${v4.server.port}/`, "resolves to 127.0.0.1, a loopback address"],
    ["https localhost", () => `https://localhost:${v4.server.port}/`, "a loopback address"],
    ["decimal 127.0.0.1", () => `http://2130706433:${v4.server.port}/`, "a loopback address"],
  ];

  test.each(cases)("%s", async (_name, url, reason) => {
    for (const attempt of [checkOutboundUrl(url(), strict), guardedFetch(url(), undefined, strict)]) {
      const error = await refusal(attempt);
      expect(error.code).toBe("not_public");
      expect(error.message).toContain(reason);
      expect(error.message).toEndWith("only public addresses are allowed (ALLOW_PRIVATE_URLS)");
    }
    expect(v4.seen).toHaveLength(0);
    expect(v6.seen).toHaveLength(0);
  });

  test("credentials in the URL and other schemes, even with ALLOW_PRIVATE_URLS", async () => {
    for (const policy of [strict, open]) {
      const credentials = `http://user:pw@127.0.0.1:${v4.server.port}/`;
      const ftp = `ftp://127.0.0.1:${v4.server.port}/`;
      for (const [url, code] of [
        [credentials, "credentials"],
        [ftp, "scheme"],
        ["file:///etc/passwd", "scheme"],
        ["not a url", "invalid"],
      ] as const) {
        expect((await refusal(checkOutboundUrl(url, policy))).code).toBe(code);
        expect((await refusal(guardedFetch(url, undefined, policy))).code).toBe(code);
      }
    }
    expect(v4.seen).toHaveLength(0);
  });

  test("a host that does not resolve", async () => {
    const error = await refusal(checkOutboundUrl("http://nowhere.invalid/", strict));
    expect(error.code).toBe("unresolvable");
    expect(error.message).toBe("names a host that does not resolve (nowhere.invalid)");
  });

  test("a host with one private address among public ones", async () => {
    const policy = withHooks(false, {
      lookup: async () => ["127.0.0.2", "10.1.1.1"],
      publicAddresses: ["127.0.0.2"],
    });
    const error = await refusal(guardedFetch(`http://mixed.test:${hop.server.port}/`, undefined, policy));
    expect(error.message).toContain("resolves to 10.1.1.1");
    expect(hop.seen).toHaveLength(0);
  });

  test("a redirect from an allowed hop to loopback is refused and not followed", async () => {
    const policy = withHooks(false, { publicAddresses: ["127.0.0.2"] });
    for (const target of [`${v4.base}/secret`, `http://localhost:${v4.server.port}/secret`]) {
      hop.seen.length = 0;
      const url = `${hop.base}/to?url=${encodeURIComponent(target)}`;
      const error = await refusal(guardedFetch(url, { method: "POST", body: "x" }, policy));
      expect(error.message).toStartWith("redirected to a URL that resolves to 127.0.0.1, a loopback address");
      expect(hop.seen.map((seen) => seen.path)).toEqual(["/to"]);
    }
    hop.seen.length = 0;
    const ftp = `${hop.base}/to?url=${encodeURIComponent("ftp://example.com/")}`;
    expect((await refusal(guardedFetch(ftp, undefined, policy))).message).toBe(
      "redirected to a URL that uses ftp:; only http and https are allowed",
    );
    expect(v4.seen).toHaveLength(0);
    hop.seen.length = 0;
  });
});

describe("the connection goes to the checked address", () => {
  test("with ALLOW_PRIVATE_URLS a loopback server is reached, with its own Host header", async () => {
    v4.seen.length = 0;
    const response = await guardedFetch(`http://localhost:${v4.server.port}/page`, undefined, open);
    expect(await response.text()).toBe("hello from 127.0.0.1");
    expect(response.url).toBe(`http://localhost:${v4.server.port}/page`);
    expect(v4.seen).toEqual([
      { method: "GET", path: "/page", host: `localhost:${v4.server.port}`, authorization: null, body: "" },
    ]);
    v4.seen.length = 0;
  });

  test("a name only the check knows is connected to as resolved then, once (no rebinding)", async () => {
    const answers = [["127.0.0.2"], ["127.0.0.1"]];
    let lookups = 0;
    const policy = withHooks(false, {
      lookup: async () => answers[lookups++]!,
      publicAddresses: ["127.0.0.2"],
    });
    hop.seen.length = 0;
    const response = await guardedFetch(`http://rebind.test:${hop.server.port}/pinned`, undefined, policy);
    expect(await response.text()).toBe("hello from 127.0.0.2");
    expect(lookups).toBe(1);
    expect(hop.seen.map((seen) => [seen.path, seen.host])).toEqual([
      ["/pinned", `rebind.test:${hop.server.port}`],
    ]);
    hop.seen.length = 0;
  });

  test("an address that refuses the connection gives way to the next one", async () => {
    const policy = withHooks(true, { lookup: async () => ["127.0.0.3", "127.0.0.1"] });
    v4.seen.length = 0;
    const response = await guardedFetch(
      `http://two.test:${v4.server.port}/`,
      { method: "PUT", body: "b" },
      policy,
    );
    expect(response.status).toBe(200);
    expect(v4.seen.map((seen) => [seen.method, seen.body, seen.host])).toEqual([
      ["PUT", "b", `two.test:${v4.server.port}`],
    ]);
    v4.seen.length = 0;
  });
});

describe("redirects", () => {
  const to = (target: string, status = 302) =>
    `${hop.base}/to?status=${status}&url=${encodeURIComponent(target)}`;

  test("followed through the check: 303 turns a POST into a GET, another origin loses authorization", async () => {
    hop.seen.length = 0;
    v4.seen.length = 0;
    const response = await guardedFetch(
      to(`${v4.base}/landed`, 303),
      {
        method: "POST",
        body: "payload",
        headers: { authorization: "Bearer t", "content-type": "text/plain" },
      },
      open,
    );
    expect(await response.text()).toBe("hello from 127.0.0.1");
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${v4.base}/landed`);
    expect(hop.seen.map((seen) => [seen.method, seen.authorization])).toEqual([["POST", "Bearer t"]]);
    expect(v4.seen).toEqual([
      { method: "GET", path: "/landed", host: `127.0.0.1:${v4.server.port}`, authorization: null, body: "" },
    ]);
    v4.seen.length = 0;
  });

  test("307 keeps the method and body; same origin keeps authorization", async () => {
    hop.seen.length = 0;
    const response = await guardedFetch(
      to(`${hop.base}/again`, 307),
      { method: "POST", body: "payload", headers: { authorization: "Bearer t" } },
      open,
    );
    expect(response.status).toBe(200);
    expect(hop.seen.map((seen) => [seen.method, seen.path, seen.body, seen.authorization])).toEqual([
      ["POST", "/to", "payload", "Bearer t"],
      ["POST", "/again", "payload", "Bearer t"],
    ]);
    hop.seen.length = 0;
  });

  test("manual mode returns the 3xx; more than 5 hops fail; mode error fails", async () => {
    const manual = await guardedFetch(to(`${v4.base}/x`), { redirect: "manual" }, open);
    expect(manual.status).toBe(302);
    expect(manual.headers.get("location")).toBe(`${v4.base}/x`);
    hop.seen.length = 0;
    await expect(guardedFetch(`${hop.base}/loop`, undefined, open)).rejects.toThrow("more than 5 redirects");
    expect(hop.seen.length).toBe(6);
    await expect(guardedFetch(to(`${v4.base}/x`), { redirect: "error" }, open)).rejects.toThrow(TypeError);
    hop.seen.length = 0;
    v4.seen.length = 0;
  });
});

describe("https to a pinned address", () => {
  let dir: string;
  let certs: Record<"pinned" | "decoy", { cert: string; key: string }>;
  let tlsServer: ReturnType<typeof recordingServer>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "outbound-url-"));
    const make = (name: string) => {
      const run = Bun.spawnSync([
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        `/CN=${name}`,
        "-addext",
        `subjectAltName=DNS:${name}`,
        "-keyout",
        join(dir, `${name}.key`),
        "-out",
        join(dir, `${name}.crt`),
      ]);
      if (run.exitCode !== 0) throw new Error(run.stderr.toString());
      return {
        cert: readFileSync(join(dir, `${name}.crt`), "utf8"),
        key: readFileSync(join(dir, `${name}.key`), "utf8"),
      };
    };
    certs = { pinned: make("pinned.test"), decoy: make("decoy.test") };
    // The decoy certificate is served unless the client names pinned.test in its SNI.
    tlsServer = recordingServer("127.0.0.1", [
      { serverName: "decoy.test", ...certs.decoy },
      { serverName: "pinned.test", ...certs.pinned },
    ]);
  });
  afterAll(() => {
    tlsServer.server.stop(true);
    rmSync(dir, { recursive: true, force: true });
  });

  // Both certificates are trusted: only the name decides.
  const policy = () =>
    withHooks(false, {
      lookup: async () => ["127.0.0.1"],
      publicAddresses: ["127.0.0.1"],
      ca: [certs.pinned.cert, certs.decoy.cert],
    });

  test("the certificate is verified against the URL's hostname, sent as SNI", async () => {
    tlsServer.seen.length = 0;
    const response = await guardedFetch(
      `https://pinned.test:${tlsServer.server.port}/secure`,
      undefined,
      policy(),
    );
    expect(await response.text()).toBe("hello from 127.0.0.1");
    expect(tlsServer.seen.map((seen) => [seen.path, seen.host])).toEqual([
      ["/secure", `pinned.test:${tlsServer.server.port}`],
    ]);
  });

  test("a certificate for another name is rejected, before any request", async () => {
    tlsServer.seen.length = 0;
    await expect(
      guardedFetch(`https://other.test:${tlsServer.server.port}/`, undefined, policy()),
    ).rejects.toMatchObject({ code: "ERR_TLS_CERT_ALTNAME_INVALID" });
    // Without serverName the IP literal is what the certificate would have to name.
    await expect(
      fetch(`https://127.0.0.1:${tlsServer.server.port}/`, {
        headers: { host: "pinned.test" },
        tls: { ca: [certs.pinned.cert, certs.decoy.cert] },
      }),
    ).rejects.toMatchObject({ code: "ERR_TLS_CERT_ALTNAME_INVALID" });
    expect(tlsServer.seen).toHaveLength(0);
  });
});
