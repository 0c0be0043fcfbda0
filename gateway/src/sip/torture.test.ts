// RFC 4475 torture messages and RFC 5118 IPv6 forms, then a mutation fuzz over them.
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseUri } from "@switchboard/shared/sip/uri";
import { parseNameAddr, parseVia } from "./headers.ts";
import { parseMessage, serializeMessage } from "./message.ts";

const FIXTURES = join(import.meta.dir, "fixtures");
const expected = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as Record<
  string,
  { expect: "parsed" | "reject"; status?: number }
>;
const corpus = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".sip"))
  .map((name) => ({ name, bytes: readFileSync(join(FIXTURES, name)) }));

describe("RFC 4475 torture corpus", () => {
  test("every fixture has an expectation", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    for (const { name } of corpus) expect(expected[name]).toBeDefined();
  });

  for (const { name, bytes } of corpus) {
    const expectation = expected[name]!;
    test(`${name}: ${expectation.expect}${expectation.status ? ` ${expectation.status}` : ""}`, () => {
      const result = parseMessage(bytes, false)!;
      if (expectation.expect === "parsed") {
        expect(result.ok ? "parsed" : `rejected: ${result.reason}`).toBe("parsed");
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.status).toBe(expectation.status ?? 0);
      }
    });
  }

  test("the tortuous INVITE reads as intended", () => {
    const result = parseMessage(corpus.find((c) => c.name === "wsinv.sip")!.bytes)!;
    if (!result.ok || result.message.kind !== "request") throw new Error("not parsed");
    const { headers } = result.message;
    expect(result.message.method).toBe("INVITE");
    expect(headers.get("cseq")).toBe("0009 INVITE");
    expect(headers.get("max-forwards")).toBe("0068");
    expect(parseNameAddr(headers.get("to")!)?.params.get("tag")).toBe("1918181833n");
    expect(parseNameAddr(headers.get("from")!)?.params.get("tag")).toBe("98asjd8");
    expect(headers.getAll("via").map((via) => parseVia(via)?.host)).toEqual([
      "192.0.2.2",
      "spindle.example.com",
      "192.168.255.111",
    ]);
    expect(headers.get("newfangledheader")).toBe("newfangled value continued newfangled value");
    expect(result.message.body.toString()).toContain("m=audio 49217");
  });

  test("IPv6 references (RFC 5118) keep their brackets and ports", () => {
    const result = parseMessage(corpus.find((c) => c.name === "ipv6-port.sip")!.bytes)!;
    if (!result.ok || result.message.kind !== "request") throw new Error("not parsed");
    expect(parseUri(result.message.uri)).toMatchObject({ host: "[2001:db8::10]", port: 5070 });
    expect(parseVia(result.message.headers.get("via")!)).toMatchObject({
      host: "[2001:db8::9:1]",
      port: 6050,
    });
    expect(parseUri("sip:[2001:db8::10")).toBeNull();
    expect(parseUri("sip:user@[2001:db8::10]:99999")).toBeNull();
  });

  test("parsed messages survive a serialize/parse round trip", () => {
    for (const { bytes } of corpus) {
      const first = parseMessage(bytes)!;
      if (!first.ok) continue;
      const second = parseMessage(serializeMessage(first.message))!;
      expect(second.ok).toBe(true);
      if (second.ok) expect(second.message.headers.get("call-id")).toBe(first.message.headers.get("call-id"));
    }
  });
});

/** Mulberry32: a small deterministic PRNG so every run fuzzes the same inputs. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [
  ":",
  ";",
  ",",
  "<",
  ">",
  '"',
  "\\",
  " ",
  "\t",
  "\r",
  "\n",
  "\0",
  "%",
  "@",
  "[",
  "]",
  "=",
  "/",
].map((ch) => ch.charCodeAt(0));

function mutate(input: Buffer, random: () => number): Buffer {
  const bytes = Array.from(input);
  const mutations = 1 + Math.floor(random() * 4);
  for (let m = 0; m < mutations; m++) {
    const at = Math.floor(random() * Math.max(1, bytes.length));
    switch (Math.floor(random() * 6)) {
      case 0:
        bytes[at] = Math.floor(random() * 256);
        break;
      case 1:
        bytes.splice(at, 1 + Math.floor(random() * 8));
        break;
      case 2:
        bytes.splice(at, 0, INTERESTING[Math.floor(random() * INTERESTING.length)]!);
        break;
      case 3: {
        const from = Math.floor(random() * bytes.length);
        bytes.splice(at, 0, ...bytes.slice(from, from + 1 + Math.floor(random() * 40)));
        break;
      }
      case 4:
        bytes.length = Math.floor(random() * bytes.length);
        break;
      default:
        bytes[at] = "0123456789".charCodeAt(Math.floor(random() * 10));
    }
  }
  return Buffer.from(bytes);
}

describe("parser mutation fuzz", () => {
  test("5000 mutated torture messages: each parses, is rejected with a 4xx/5xx, or is dropped", () => {
    const random = prng(4475);
    const outcomes = { parsed: 0, answered: 0, dropped: 0 };
    for (let i = 0; i < 5000; i++) {
      const source = corpus[i % corpus.length]!.bytes;
      const input = mutate(source, random);
      for (const stream of [false, true]) {
        const result = parseMessage(input, stream);
        if (result === null) {
          expect(stream).toBe(true); // only a stream may wait for more bytes
          continue;
        }
        if (result.ok) {
          outcomes.parsed++;
          // Whatever parsed must serialize and parse again.
          expect(parseMessage(serializeMessage(result.message))?.ok).toBe(true);
        } else if (result.status === 0) outcomes.dropped++;
        else {
          expect([400, 416, 505]).toContain(result.status);
          outcomes.answered++;
        }
      }
    }
    expect(outcomes.parsed).toBeGreaterThan(1000);
    expect(outcomes.answered).toBeGreaterThan(100);
    expect(outcomes.dropped).toBeGreaterThan(100);
  }, 60_000);
});
