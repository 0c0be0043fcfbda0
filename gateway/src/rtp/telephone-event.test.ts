import { describe, expect, test } from "bun:test";
import { dtmfDigit, dtmfEventCode, TelephoneEventReceiver, TelephoneEventSender } from "./telephone-event.ts";

function sendDigit(digit: string, toneMs: number) {
  const sender = new TelephoneEventSender(160);
  sender.start(digit, toneMs, 8000);
  const packets: { marker: boolean; end: boolean; payload: number[] }[] = [];
  const out = new Uint8Array(4);
  for (;;) {
    const flags = sender.next(out, 0);
    if (flags === null) break;
    packets.push({ ...flags, payload: [...out] });
  }
  return packets;
}

describe("RFC 4733 telephone-event", () => {
  test("event codes cover 0-9 * # A-D", () => {
    expect(dtmfEventCode("0")).toBe(0);
    expect(dtmfEventCode("*")).toBe(10);
    expect(dtmfEventCode("#")).toBe(11);
    expect(dtmfEventCode("d")).toBe(15);
    expect(dtmfDigit(11)).toBe("#");
    expect(dtmfDigit(16)).toBeNull();
    expect(() => dtmfEventCode("X")).toThrow(RangeError);
  });

  test("a 100 ms digit: marked start, growing durations, three end packets with the final duration", () => {
    const packets = sendDigit("5", 100);
    expect(packets.length).toBe(5 + 2);
    expect(packets.map((packet) => packet.marker)).toEqual([true, false, false, false, false, false, false]);
    expect(packets.map((packet) => packet.end)).toEqual([false, false, false, false, true, true, true]);
    const durations = packets.map((packet) => (packet.payload[2]! << 8) | packet.payload[3]!);
    expect(durations).toEqual([160, 320, 480, 640, 800, 800, 800]);
    expect(packets.every((packet) => packet.payload[0] === 5)).toBe(true);
    expect(packets.every((packet) => (packet.payload[1]! & 0x3f) === 10)).toBe(true);
  });

  test("the receiver reports each digit once despite updates and retransmitted ends", () => {
    const receiver = new TelephoneEventReceiver();
    const digits: string[] = [];
    const press = (digit: string, timestamp: number) => {
      for (const packet of sendDigit(digit, 60)) {
        const result = receiver.receive(timestamp, Uint8Array.from(packet.payload), 0, 4);
        if (result !== null) digits.push(result);
      }
    };
    press("1", 1000);
    press("1", 3000);
    press("#", 5000);
    expect(digits).toEqual(["1", "1", "#"]);
  });

  test("a late end packet of the previous digit is not reported again", () => {
    const receiver = new TelephoneEventReceiver();
    const end = (event: number) => Uint8Array.from([event, 0x8a, 0x03, 0x20]);
    const start = (event: number) => Uint8Array.from([event, 0x0a, 0x00, 0xa0]);
    expect(receiver.receive(1000, start(1), 0, 4)).toBe("1");
    expect(receiver.receive(2000, start(2), 0, 4)).toBe("2");
    expect(receiver.receive(1000, end(1), 0, 4)).toBeNull();
    expect(receiver.receive(2000, end(2), 0, 4)).toBeNull();
  });

  test("short or unknown payloads are ignored", () => {
    const receiver = new TelephoneEventReceiver();
    expect(receiver.receive(1, Uint8Array.from([1, 0]), 0, 2)).toBeNull();
    expect(receiver.receive(2, Uint8Array.from([66, 0x80, 0, 160]), 0, 4)).toBeNull();
  });
});
