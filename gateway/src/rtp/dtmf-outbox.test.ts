import { describe, expect, test } from "bun:test";
import { DtmfOutbox } from "./dtmf-outbox.ts";

describe("DtmfOutbox", () => {
  test("plays each digit as events with a held timestamp, a gap of audio ticks between digits", async () => {
    const outbox = new DtmfOutbox(160, 8000, 60, 2);
    let resolved = false;
    const done = outbox.add("12").then(() => {
      resolved = true;
    });
    const payload = new Uint8Array(4);
    const ticks: string[] = [];
    let timestamp = 1000;
    for (let tick = 0; tick < 20; tick++) {
      const marker = outbox.next(payload, 0, timestamp);
      ticks.push(
        marker === null
          ? "audio"
          : `${payload[0]}${marker ? "M" : ""}${payload[1]! & 0x80 ? "E" : ""}@${outbox.eventTimestamp}`,
      );
      timestamp += 160;
    }
    await done;
    expect(resolved).toBe(true);
    expect(ticks.slice(0, 14)).toEqual([
      "1M@1000",
      "1@1000",
      "1E@1000",
      "1E@1000",
      "1E@1000",
      "audio",
      "audio",
      "2M@2120",
      "2@2120",
      "2E@2120",
      "2E@2120",
      "2E@2120",
      "audio",
      "audio",
    ]);
  });

  test("cancel resolves pending sends; the digit in progress still ends with its end packets", async () => {
    const outbox = new DtmfOutbox(160, 8000, 100);
    const pending = outbox.add("999");
    outbox.next(new Uint8Array(4), 0, 0);
    outbox.cancel();
    await pending;
    expect(outbox.next(new Uint8Array(4), 0, 160)).not.toBeNull();
  });
});
