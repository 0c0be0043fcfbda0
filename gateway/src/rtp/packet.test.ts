import { describe, expect, test } from "bun:test";
import { emptyRtpView, parseRtp, serializeRtp, writeRtpHeader } from "./packet.ts";

const payload = Uint8Array.from([1, 2, 3, 4, 5]);

function parse(data: Uint8Array) {
  const view = emptyRtpView();
  return parseRtp(data, data.length, view) ? view : null;
}

describe("RTP packet (RFC 3550 section 5.1)", () => {
  test("a plain header round-trips", () => {
    const data = serializeRtp({
      marker: true,
      payloadType: 8,
      sequenceNumber: 65535,
      timestamp: 0xfffffff0,
      ssrc: 0xdeadbeef,
      payload,
    });
    expect(data.length).toBe(12 + 5);
    expect(parse(data)).toMatchObject({
      marker: true,
      payloadType: 8,
      sequenceNumber: 65535,
      timestamp: 0xfffffff0,
      ssrc: 0xdeadbeef,
      csrcCount: 0,
      payloadOffset: 12,
      payloadLength: 5,
    });
  });

  test("CSRC list, header extension and padding are skipped to find the payload", () => {
    const data = serializeRtp({
      payloadType: 0,
      sequenceNumber: 7,
      timestamp: 160,
      ssrc: 1,
      csrcs: [0x11111111, 0x22222222],
      extension: { profile: 0xbede, data: Uint8Array.from([9, 9, 9, 9, 8, 8, 8, 8]) },
      paddingBytes: 3,
      payload,
    });
    const view = parse(data);
    expect(view).not.toBeNull();
    expect(view?.csrcCount).toBe(2);
    expect(view?.hasExtension).toBe(true);
    expect(view?.extensionProfile).toBe(0xbede);
    expect(view?.paddingBytes).toBe(3);
    expect(view?.payloadOffset).toBe(12 + 8 + 4 + 8);
    expect([...data.subarray(view!.payloadOffset, view!.payloadOffset + view!.payloadLength)]).toEqual([
      ...payload,
    ]);
  });

  test("writeRtpHeader produces what parse reads", () => {
    const out = new Uint8Array(20);
    expect(writeRtpHeader(out, false, 101, 0x1234, 0x89abcdef, 0x01020304)).toBe(12);
    expect(parse(out)).toMatchObject({
      marker: false,
      payloadType: 101,
      sequenceNumber: 0x1234,
      timestamp: 0x89abcdef,
      ssrc: 0x01020304,
      payloadLength: 8,
    });
  });

  const good = serializeRtp({ payloadType: 0, sequenceNumber: 1, timestamp: 1, ssrc: 1, payload });
  const malformed: [string, Uint8Array][] = [
    ["empty", new Uint8Array(0)],
    ["shorter than the fixed header", good.subarray(0, 11)],
    ["version 1", Uint8Array.from([0x40, ...good.subarray(1)])],
    ["version 0 (STUN or garbage)", Uint8Array.from([0x00, ...good.subarray(1)])],
    ["CSRC count beyond the packet", Uint8Array.from([0x8f, ...good.subarray(1)])],
    ["extension header cut off", Uint8Array.from([0x90, ...good.subarray(1, 12), 0xbe])],
    [
      "extension length beyond the packet",
      Uint8Array.from([0x90, ...good.subarray(1, 12), 0xbe, 0xde, 0x00, 0x09]),
    ],
    ["padding count zero", Uint8Array.from([0xa0, ...good.subarray(1, 16), 0])],
    ["padding longer than the payload", Uint8Array.from([0xa0, ...good.subarray(1, 16), 200])],
    ["RTCP sender report (RFC 5761 payload type 72)", Uint8Array.from([0x80, 200, ...good.subarray(2)])],
  ];
  for (const [name, data] of malformed) {
    test(`drops a malformed packet: ${name}`, () => {
      expect(parse(data)).toBeNull();
    });
  }

  test("survives thousands of random mutations without throwing", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const view = emptyRtpView();
    for (let round = 0; round < 5000; round++) {
      const data = Uint8Array.from(good);
      const flips = 1 + (random() % 4);
      for (let flip = 0; flip < flips; flip++) data[random() % data.length] = random() & 0xff;
      const length = random() % (data.length + 1);
      if (parseRtp(data, length, view)) {
        expect(view.payloadOffset + view.payloadLength + view.paddingBytes).toBe(length);
        expect(view.payloadLength).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
