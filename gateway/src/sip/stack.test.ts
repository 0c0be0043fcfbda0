// The stack on a real socket: torture messages get the status the corpus expects (or none),
// transactions absorb retransmissions, and thousands of mutated datagrams leave it answering.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { SipStack } from "./stack.ts";
import { SipTransport } from "./transport.ts";

const FIXTURES = join(import.meta.dir, "fixtures");
const expected = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as Record<
  string,
  { expect: "parsed" | "reject"; status?: number }
>;

let stack: SipStack;
let client: Bun.udp.Socket<"buffer">;
const responses: string[] = [];
let requestsSeen = 0;

beforeAll(async () => {
  const log = createLogger("fatal");
  stack = new SipStack(await SipTransport.start({ bindAddress: "127.0.0.1", port: 0, log }), log);
  stack.onRequest((request, transaction) => {
    if (!request.headers.get("call-id")?.startsWith(SENTINEL)) requestsSeen++;
    if (request.method === "INVITE") transaction?.reply(486);
    else transaction?.reply(200);
  });
  client = await Bun.udpSocket({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      data(_socket, data) {
        responses.push(data.toString("latin1"));
      },
    },
  });
});
afterAll(async () => {
  client.close();
  await stack.close();
});

const SENTINEL = "sentinel-";
let sentinels = 0;

/** An OPTIONS with a Call-ID of its own, sent after a datagram to mark the end of its answers. */
function sentinelOptions(callId: string): Buffer {
  return Buffer.from(
    [
      "OPTIONS sip:127.0.0.1 SIP/2.0",
      `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-${callId}`,
      "From: <sip:a@127.0.0.1>;tag=1",
      "To: <sip:127.0.0.1>",
      `Call-ID: ${callId}`,
      "CSeq: 1 OPTIONS",
      "Content-Length: 0",
      "",
      "",
    ].join("\r\n"),
  );
}

/**
 * Sends one datagram and returns the answers to it. The stack handles a socket's datagrams in
 * order, so an OPTIONS sent right after it is answered after it: once that answer is in, every
 * answer to the datagram is too. Final responses to INVITE are retransmitted until an ACK
 * (RFC 3261 §17.2.1), so answers are picked by the message's Call-ID or branch.
 */
async function exchange(bytes: Buffer): Promise<string[]> {
  const text = bytes.toString("latin1");
  const key =
    /^(?:Call-ID|i)[ \t]*:[ \t]*(\S+)/im.exec(text)?.[1] ?? /branch\s*=\s*([^\s;,]+)/i.exec(text)?.[1] ?? "";
  const before = responses.length;
  const sentinel = `${SENTINEL}${++sentinels}`;
  const isSentinelAnswer = (answer: string) => answer.includes(`Call-ID: ${sentinel}\r\n`);
  client.send(bytes, stack.transport.port, "127.0.0.1");
  // UDP: the OPTIONS goes again on every probe until answered (its transaction absorbs copies).
  await waitFor(
    `the answer to the OPTIONS sent after it (${sentinel})`,
    () => {
      client.send(sentinelOptions(sentinel), stack.transport.port, "127.0.0.1");
      return responses.slice(before).some(isSentinelAnswer);
    },
    { intervalMs: 50 },
  );
  const answers = responses
    .slice(before)
    .filter((answer) => !isSentinelAnswer(answer) && answer.includes(key));
  // Keep only the first copy of each (retransmissions are identical).
  return [...new Set(answers)];
}

describe("SIP stack over UDP", () => {
  for (const name of Object.keys(expected)) {
    const expectation = expected[name]!;
    test(`${name}: ${expectation.status ?? (expectation.expect === "parsed" ? "answered" : "no answer")}`, async () => {
      const bytes = readFileSync(join(FIXTURES, name));
      const isResponse = bytes.toString("latin1", 0, 4) === "SIP/";
      const answers = await exchange(bytes);
      if (expectation.status) {
        expect(answers).toHaveLength(1);
        expect(answers[0]!.startsWith(`SIP/2.0 ${expectation.status} `)).toBe(true);
      } else if (expectation.expect === "reject" || isResponse) {
        expect(answers).toHaveLength(0);
      } else {
        expect(answers.length).toBe(1);
      }
    });
  }

  test("a retransmitted INVITE gets the same final response, not a second transaction", async () => {
    const invite = Buffer.from(
      [
        "INVITE sip:+14155550100@127.0.0.1 SIP/2.0",
        "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-retrans-1",
        "From: <sip:a@127.0.0.1>;tag=1",
        "To: <sip:+14155550100@127.0.0.1>",
        "Call-ID: retrans-1",
        "CSeq: 1 INVITE",
        "Max-Forwards: 70",
        "Content-Length: 0",
        "",
        "",
      ].join("\r\n"),
    );
    const seenBefore = requestsSeen;
    const first = await exchange(invite);
    const second = await exchange(invite);
    expect(first).toHaveLength(1);
    expect(first[0]!.startsWith("SIP/2.0 486 ")).toBe(true);
    expect(second).toEqual(first);
    expect(requestsSeen - seenBefore).toBe(1);
  });

  test("5000 mutated datagrams later the stack still answers", async () => {
    const corpus = Object.keys(expected).map((name) => readFileSync(join(FIXTURES, name)));
    let state = 5118;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    for (let i = 0; i < 5000; i++) {
      const bytes = Buffer.from(corpus[i % corpus.length]!);
      for (let m = 0; m < 3; m++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      client.send(bytes, stack.transport.port, "127.0.0.1");
      // Paces the burst so the socket's receive buffer does not overflow.
      if (i % 250 === 0) await Bun.sleep(5);
    }
    const options = Buffer.from(
      [
        "OPTIONS sip:127.0.0.1 SIP/2.0",
        "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-alive",
        "From: <sip:a@127.0.0.1>;tag=1",
        "To: <sip:127.0.0.1>",
        "Call-ID: alive",
        "CSeq: 1 OPTIONS",
        "Content-Length: 0",
        "",
        "",
      ].join("\r\n"),
    );
    // Sent again until answered, as a UAC retransmits over UDP (RFC 3261 §17.1.2.2): the burst may
    // still fill the stack's receive buffer.
    const answer = await waitFor(
      "an answer to OPTIONS after the burst",
      () => {
        client.send(options, stack.transport.port, "127.0.0.1");
        return responses.find((response) => response.includes("Call-ID: alive"));
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(answer.startsWith("SIP/2.0 200 ")).toBe(true);
  }, 60_000);
});
