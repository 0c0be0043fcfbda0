import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { inboundAuthFor, type TrunkSnapshot } from "@switchboard/shared/sip/trunk";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { GreetingApplication } from "../call-core/greeting-application.ts";
import { EspeakTts } from "../providers/espeak/tts.ts";
import { publishRoute, startTestGateway, TEST_ORG, type TestGateway } from "./testing/test-gateway.ts";

const application = new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null });
// The default trunk trusts another network only: 127.0.0.1 (SIPp) is an untrusted source.
const UNTRUSTED_ENV = { SIP_TRUNK_INBOUND_CIDRS: "10.0.0.0/8" };

describe("untrusted sources", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: UNTRUSTED_ENV, application });
    await publishRoute(gateway.bus, "+14155550100");
  });
  afterAll(async () => {
    await gateway.stop();
  });

  test("an INVITE from outside every trunk's CIDRs gets 403 Untrusted source", async () => {
    const result = await runSipp({
      scenario: "uac-untrusted-source-expect-403.xml",
      gatewayPort: gateway.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    expect(gateway.events()).toHaveLength(0);
  }, 60_000);

  test("scanner user agents get no answer at all", async () => {
    const socket = await Bun.udpSocket({ hostname: "127.0.0.1", port: 0 });
    const received: string[] = [];
    const listener = await Bun.udpSocket({
      hostname: "127.0.0.1",
      port: 0,
      socket: {
        data: (_s, data) => {
          received.push(data.toString());
        },
      },
    });
    const options = (userAgent: string, n: number) =>
      [
        `OPTIONS sip:100@127.0.0.1:${gateway.port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${listener.port};branch=z9hG4bK-scan-${n}`,
        "From: <sip:100@127.0.0.1>;tag=1",
        `To: <sip:100@127.0.0.1:${gateway.port}>`,
        `Call-ID: scan-${n}`,
        "CSeq: 1 OPTIONS",
        `User-Agent: ${userAgent}`,
        "Max-Forwards: 70",
        "Content-Length: 0",
        "",
        "",
      ].join("\r\n");
    listener.send(options("friendly-scanner", 1), gateway.port, "127.0.0.1");
    listener.send(options("sipvicious", 2), gateway.port, "127.0.0.1");
    listener.send(options("Acme PBX", 3), gateway.port, "127.0.0.1");
    // The friendly OPTIONS went last on the same socket: once its answer is in, any answer
    // to the scanners would have come before it.
    await waitFor("the answer to the last OPTIONS", () => received.some((text) => text.includes("scan-3")), {
      timeoutMs: 5000,
    });
    socket.close();
    listener.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("Call-ID: scan-3");
  });
});

describe("digest-authenticated trunk", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // SIPp 3.6 answers only MD5 challenges (SHA-256 is covered by digest.test.ts).
    gateway = await startTestGateway({
      env: { ...UNTRUSTED_ENV, SIP_DIGEST_ALGORITHMS: "MD5" },
      application,
    });
    await publishRoute(gateway.bus, "+14155550100");
    const trunk: TrunkSnapshot = {
      id: "trk_test",
      org_id: TEST_ORG,
      name: "pbx",
      inbound_cidrs: [],
      inbound_auth: inboundAuthFor("trunk1", "switchboard", "s3cret"),
      outbound_uri: null,
      outbound_auth: null,
      caller_id: { default_caller_id: null, allow_from_number: true },
      destination_prefixes: [],
    };
    await gateway.bus.hashSet(Hashes.trunks, trunk.id, JSON.stringify(trunk));
    await gateway.bus.publish(Channels.trunkInvalidated, trunk.id);
    await waitFor("the digest trunk in the directory", () => gateway.service.directory.anyDigestTrunk);
  });
  afterAll(async () => {
    await gateway.stop();
  });

  test("right password: 401 challenge, then the call is answered", async () => {
    const result = await runSipp({
      scenario: "uac-digest-right-password-expect-200.xml",
      gatewayPort: gateway.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor("the call.ended event", () =>
      gateway.events().some((event) => event.type === "call.ended"),
    );
    expect(gateway.events().map((event) => event.type)).toEqual([
      "call.status",
      "call.started",
      "call.ended",
    ]);
  }, 60_000);

  test("wrong password: 401 challenge, then 403", async () => {
    const result = await runSipp({
      scenario: "uac-digest-wrong-password-expect-403.xml",
      gatewayPort: gateway.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
  }, 60_000);
});

describe("flood ban", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        ...UNTRUSTED_ENV,
        SIP_FLOOD_MAX_REQUESTS: "5",
        SIP_FLOOD_WINDOW_MS: "60000",
        SIP_FLOOD_BAN_MS: "60000",
      },
      application,
    });
  });
  afterAll(async () => {
    await gateway.stop();
  });

  test("an untrusted source is answered up to the limit, then banned and ignored", async () => {
    // Three requests stay under the limit of five even if SIPp retransmits one or two.
    const first = await runSipp({
      scenario: "uac-options-expect-200.xml",
      gatewayPort: gateway.port,
      calls: 3,
    });
    expect(first.exitCode).toBe(0);
    const flood = await runSipp({
      scenario: "uac-options-expect-200.xml",
      gatewayPort: gateway.port,
      calls: 6,
    });
    expect(flood.exitCode).not.toBe(0);
    const after = await runSipp({
      scenario: "uac-options-expect-200.xml",
      gatewayPort: gateway.port,
      calls: 1,
    });
    expect(after.exitCode).not.toBe(0);
  }, 60_000);
});

describe("trusted trunk addresses are never banned", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
        SIP_FLOOD_MAX_REQUESTS: "2",
        SIP_FLOOD_WINDOW_MS: "60000",
      },
      application,
    });
  });
  afterAll(async () => {
    await gateway.stop();
  });

  test("more OPTIONS than the flood limit from a trunk are all answered", async () => {
    const result = await runSipp({
      scenario: "uac-options-expect-200.xml",
      gatewayPort: gateway.port,
      calls: 6,
    });
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
