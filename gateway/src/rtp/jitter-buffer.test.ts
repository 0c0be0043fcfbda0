import { describe, expect, test } from "bun:test";
import { JitterBuffer } from "./jitter-buffer.ts";

const FRAME = 160;

function packet(fill: number, length = FRAME): Uint8Array {
  return new Uint8Array(length).fill(fill);
}

function buffer(options: Partial<ConstructorParameters<typeof JitterBuffer>[0]> = {}) {
  return new JitterBuffer({
    frameSamples: FRAME,
    silenceByte: 0xff,
    minDelayFrames: 2,
    maxDelayFrames: 10,
    ...options,
  });
}

function popAll(jitter: JitterBuffer, count: number) {
  const out = new Uint8Array(FRAME);
  const results: string[] = [];
  for (let index = 0; index < count; index++) {
    const result = jitter.pop(out);
    results.push(result === "ok" ? `ok:${out[0]}` : result);
  }
  return results;
}

describe("JitterBuffer", () => {
  test("waits for its target depth, then plays frames in timestamp order", () => {
    const jitter = buffer();
    jitter.push(1000, packet(1), 0, FRAME);
    expect(popAll(jitter, 1)).toEqual(["idle"]);
    jitter.push(1000 + FRAME, packet(2), 0, FRAME);
    expect(popAll(jitter, 2)).toEqual(["ok:1", "ok:2"]);
  });

  test("each frame played keeps when its packet arrived, less the queueing seen; a lost frame one frame later", () => {
    const jitter = buffer();
    jitter.push(1000, packet(1), 0, FRAME, 5000);
    jitter.push(1000 + 2 * FRAME, packet(3), 0, FRAME, 5041);
    jitter.push(1000 + FRAME, packet(2), 0, FRAME, 5045);
    const out = new Uint8Array(FRAME);
    const played: [string, number][] = [];
    const pop = (count: number) => {
      for (let index = 0; index < count; index++) {
        const result = jitter.pop(out);
        played.push([result, jitter.frameArrivedAtMs]);
      }
    };
    pop(3);
    jitter.push(1000 + 4 * FRAME, packet(5), 0, FRAME, 5080);
    pop(2);
    // The shortest transit (packets 1 and 5) places every packet on the sender's clock: the
    // second packet read 25 ms late and the third 1 ms late count as sent on time.
    expect(played).toEqual([
      ["ok", 5000],
      ["ok", 5020],
      ["ok", 5040],
      ["lost", 5060],
      ["ok", 5080],
    ]);
  });

  test("reordered packets inside the window play in order", () => {
    const jitter = buffer();
    jitter.push(0, packet(1), 0, FRAME);
    jitter.push(2 * FRAME, packet(3), 0, FRAME);
    jitter.push(FRAME, packet(2), 0, FRAME);
    expect(popAll(jitter, 3)).toEqual(["ok:1", "ok:2", "ok:3"]);
  });

  test("a missing frame is reported lost, a duplicate counted, a late packet dropped", () => {
    const jitter = buffer();
    jitter.push(0, packet(1), 0, FRAME);
    jitter.push(2 * FRAME, packet(3), 0, FRAME);
    jitter.push(2 * FRAME, packet(3), 0, FRAME);
    expect(jitter.stats.duplicates).toBe(1);
    expect(popAll(jitter, 3)).toEqual(["ok:1", "lost", "ok:3"]);
    jitter.push(FRAME, packet(2), 0, FRAME);
    expect(jitter.stats.late).toBe(1);
    expect(jitter.stats.concealed).toBe(1);
  });

  test("10 ms packets are joined into 20 ms frames", () => {
    const jitter = buffer();
    for (let index = 0; index < 4; index++) jitter.push(index * 80, packet(index + 1, 80), 0, 80);
    const out = new Uint8Array(FRAME);
    expect(jitter.pop(out)).toBe("ok");
    expect([out[0], out[79], out[80], out[159]]).toEqual([1, 1, 2, 2]);
  });

  test("the depth target follows jitter and stays within its bounds", () => {
    const jitter = buffer();
    expect(jitter.targetDelaySamples).toBe(2 * FRAME);
    jitter.adapt(160);
    expect(jitter.targetDelaySamples).toBe(5 * FRAME);
    jitter.adapt(100_000);
    expect(jitter.targetDelaySamples).toBe(10 * FRAME);
    jitter.adapt(0);
    expect(jitter.targetDelaySamples).toBe(2 * FRAME);
  });

  test("a backlog beyond the target is trimmed one frame per pop", () => {
    const jitter = buffer();
    for (let index = 0; index < 8; index++) jitter.push(index * FRAME, packet(index + 1), 0, FRAME);
    const results = popAll(jitter, 5);
    expect(jitter.stats.dropped).toBeGreaterThan(0);
    expect(jitter.bufferedSamples).toBeLessThanOrEqual(jitter.targetDelaySamples + 2 * FRAME);
    expect(results.every((result) => result.startsWith("ok"))).toBe(true);
  });

  test("after a silence gap playout goes idle and re-anchors at the next talkspurt", () => {
    const jitter = buffer({ idleAfterFrames: 3 });
    jitter.push(0, packet(1), 0, FRAME);
    jitter.push(FRAME, packet(2), 0, FRAME);
    expect(popAll(jitter, 6)).toEqual(["ok:1", "ok:2", "lost", "lost", "idle", "idle"]);
    const later = 8000 * 60;
    jitter.push(later, packet(7), 0, FRAME);
    jitter.push(later + FRAME, packet(8), 0, FRAME);
    expect(popAll(jitter, 2)).toEqual(["ok:7", "ok:8"]);
  });

  test("timestamps wrap past 2^32 without a hiccup", () => {
    const jitter = buffer();
    const start = 2 ** 32 - FRAME;
    jitter.push(start, packet(1), 0, FRAME);
    jitter.push(0, packet(2), 0, FRAME);
    jitter.push(FRAME, packet(3), 0, FRAME);
    expect(popAll(jitter, 3)).toEqual(["ok:1", "ok:2", "ok:3"]);
  });

  test("a timestamp jump beyond the ring restarts playout from the new position", () => {
    const jitter = buffer();
    jitter.push(0, packet(1), 0, FRAME);
    jitter.push(FRAME, packet(2), 0, FRAME);
    expect(popAll(jitter, 1)).toEqual(["ok:1"]);
    jitter.push(1_000_000, packet(5), 0, FRAME);
    jitter.push(1_000_000 + FRAME, packet(6), 0, FRAME);
    expect(jitter.stats.resets).toBe(1);
    expect(popAll(jitter, 2)).toEqual(["ok:5", "ok:6"]);
  });
});
