// The stack on a real socket: torture messages get the status the corpus expects (or none),
// transactions absorb retransmissions, and thousands of mutated datagrams leave it answering.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger } from "@switchboard/shared/logger";
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
    requestsSeen++;
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

/**
 * Sends one datagram and returns the answers to it. Final responses to INVITE are retransmitted
 * until an ACK (RFC 3261 §17.2.1), so answers are picked by the message's Call-ID or branch.
 */
async function exchange(bytes: Buffer, waitMs = 150): Promise<string[]> {
  const text = bytes.toString("latin1");
  const key =
    /^(?:Call-ID|i)[ \t]*:[ \t]*(\S+)/im.exec(text)?.[1] ?? /branch\s*=\s*([^\s;,]+)/i.exec(text)?.[1] ?? "";
  const before = responses.length;
  client.send(bytes, stack.transport.port, "127.0.0.1");
  await Bun.sleep(waitMs);
  const answers = responses.slice(before).filter((answer) => answer.includes(key));
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
      if (i % 250 === 0) await Bun.sleep(5);
    }
    await Bun.sleep(300);
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
    const answers = await exchange(options, 300);
    expect(
      answers.some((answer) => answer.includes("Call-ID: alive") && answer.startsWith("SIP/2.0 200 ")),
    ).toBe(true);
  }, 60_000);
});
