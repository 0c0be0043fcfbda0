import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { WavRecorder } from "./wav-recorder.ts";

const directory = mkdtempSync(join(tmpdir(), "wav-recorder-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("WavRecorder", () => {
  test("writes caller left and agent right at 16 kHz with a correct header", async () => {
    const path = join(directory, "two-channels.wav");
    const recorder = await WavRecorder.create(path, 16000);
    const caller = Int16Array.from({ length: 320 }, (_, index) => index);
    const agent = Int16Array.from({ length: 320 }, (_, index) => -index);
    for (let frame = 0; frame < 60; frame++) recorder.write(caller, frame % 2 === 0 ? agent : null, 320);
    const info = await recorder.close();
    expect(info.durationS).toBeCloseTo(1.2, 6);
    const bytes = readFileSync(path);
    expect(info.bytes).toBe(bytes.length);
    expect(bytes.length).toBe(44 + 60 * 320 * 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(bytes.subarray(0, 4).toString()).toBe("RIFF");
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(bytes.subarray(8, 16).toString()).toBe("WAVEfmt ");
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint32(28, true)).toBe(64000);
    expect(view.getUint16(32, true)).toBe(4);
    expect(view.getUint16(34, true)).toBe(16);
    expect(bytes.subarray(36, 40).toString()).toBe("data");
    expect(view.getUint32(40, true)).toBe(60 * 320 * 4);
    const sampleAt = (frame: number, index: number, channel: number) =>
      view.getInt16(44 + ((frame * 320 + index) * 2 + channel) * 2, true);
    expect(sampleAt(0, 5, 0)).toBe(5);
    expect(sampleAt(0, 5, 1)).toBe(-5);
    expect(sampleAt(1, 7, 0)).toBe(7);
    expect(sampleAt(1, 7, 1)).toBe(0);
    expect(sampleAt(59, 319, 0)).toBe(319);
  });

  test("streams to disk while recording instead of holding the call in memory", async () => {
    const path = join(directory, "streamed.wav");
    const recorder = await WavRecorder.create(path, 16000, 100);
    const frame = new Int16Array(320).fill(1000);
    for (let index = 0; index < 50; index++) recorder.write(frame, frame, 320);
    // Written out before the recording ends: more than half of it is on disk while still open.
    await waitFor("half a second of audio on disk", () => statSync(path).size > 44 + 16000 * 4 * 0.5);
    const info = await recorder.close();
    expect(info.durationS).toBeCloseTo(1, 6);
    expect(await recorder.close()).toEqual(info);
  });
});
