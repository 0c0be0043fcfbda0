import { describe, expect, test } from "bun:test";
import { alaw, mulaw } from "alawmulaw";
import { G711_PAYLOAD_TYPE, g711Decode, g711Encode, g711SilenceByte } from "./g711.ts";

function everySample(): Int16Array {
  const all = new Int16Array(65536);
  for (let index = 0; index < 65536; index++) all[index] = index - 32768;
  return all;
}

describe("G.711 tables", () => {
  test("encode matches the reference implementation for every 16-bit sample", () => {
    const samples = everySample();
    const out = new Uint8Array(samples.length);
    g711Encode("PCMU", samples, out);
    expect(Array.from(out)).toEqual(Array.from(mulaw.encode(samples)));
    g711Encode("PCMA", samples, out);
    expect(Array.from(out)).toEqual(Array.from(alaw.encode(samples)));
  });

  test("decode matches the reference for all 256 code words", () => {
    const codes = new Uint8Array(256).map((_, index) => index);
    const out = new Int16Array(256);
    g711Decode("PCMU", codes, 0, 256, out);
    expect(Array.from(out)).toEqual(Array.from(mulaw.decode(codes)));
    g711Decode("PCMA", codes, 0, 256, out);
    expect(Array.from(out)).toEqual(Array.from(alaw.decode(codes)));
  });

  test("round trip stays within the quantisation step", () => {
    const samples = Int16Array.from([0, 1, -1, 100, -100, 1000, -1000, 12345, -12345, 32767, -32768]);
    const encoded = new Uint8Array(samples.length);
    const decoded = new Int16Array(samples.length);
    for (const codec of ["PCMU", "PCMA"] as const) {
      g711Encode(codec, samples, encoded);
      g711Decode(codec, encoded, 0, encoded.length, decoded);
      samples.forEach((sample, index) => {
        expect(Math.abs(decoded[index]! - sample)).toBeLessThanOrEqual(Math.max(16, Math.abs(sample) / 16));
      });
    }
  });

  test("encodes at an offset and decodes from one (RTP payload after the header)", () => {
    const packet = new Uint8Array(12 + 4);
    g711Encode("PCMU", Int16Array.from([0, 0, 0, 0]), packet, 12, 4);
    expect([...packet.subarray(0, 12)]).toEqual(new Array(12).fill(0));
    expect([...packet.subarray(12)]).toEqual([0xff, 0xff, 0xff, 0xff]);
    const out = new Int16Array(4);
    g711Decode("PCMU", packet, 12, 4, out);
    expect([...out]).toEqual([0, 0, 0, 0]);
  });

  test("silence bytes and payload types follow RFC 3551", () => {
    expect(g711SilenceByte("PCMU")).toBe(0xff);
    expect(g711SilenceByte("PCMA")).toBe(0xd5);
    expect(G711_PAYLOAD_TYPE).toEqual({ PCMU: 0, PCMA: 8 });
  });
});
