// Byte-level helpers: PCM16 across split chunks, WAV header writing and streaming reading,
// and tool-call assembly from chat-completion fragments.
import { expect, test } from "bun:test";
import { ChatChunkAssembler } from "./chat-chunks.ts";
import { PcmByteReader, pcmStream } from "./pcm-bytes.ts";
import { encodeWav, WavStreamReader } from "./wav.ts";

test("PcmByteReader joins a sample split across chunks", () => {
  const samples = Int16Array.from([1, -2, 32767, -32768, 256]);
  const bytes = new Uint8Array(samples.buffer);
  const reader = new PcmByteReader();
  const out = [
    reader.push(bytes.subarray(0, 3)),
    reader.push(bytes.subarray(3, 7)),
    reader.push(bytes.subarray(7)),
  ];
  expect(Array.from(out.flatMap((chunk) => Array.from(chunk)))).toEqual(Array.from(samples));
});

test("pcmStream resamples 24 kHz to 16 kHz keeping the duration and a tone's loudness", async () => {
  const input = new Int16Array(24_000);
  for (let i = 0; i < input.length; i++)
    input[i] = Math.round(10_000 * Math.sin((2 * Math.PI * 440 * i) / 24_000));
  const bytes = new Uint8Array(input.buffer);
  async function* chunks() {
    for (let offset = 0; offset < bytes.length; offset += 1_001) yield bytes.subarray(offset, offset + 1_001);
  }
  const out: number[] = [];
  for await (const chunk of pcmStream(chunks(), 24_000, 16_000)) out.push(...chunk);
  expect(Math.abs(out.length - 16_000)).toBeLessThan(64);
  const tail = out.slice(1_000, 15_000);
  const rms = Math.sqrt(tail.reduce((sum, value) => sum + value * value, 0) / tail.length);
  expect(Math.abs(rms - 10_000 / Math.SQRT2)).toBeLessThan(300);
});

test("encodeWav writes a header WavStreamReader reads back, byte by byte", () => {
  const pcm = Int16Array.from({ length: 100 }, (_, i) => i * 3 - 150);
  const wav = encodeWav(pcm, 16_000);
  expect(wav.length).toBe(44 + 200);
  const reader = new WavStreamReader();
  const data: number[] = [];
  for (const byte of wav) data.push(...reader.push(Uint8Array.of(byte)));
  expect(reader.format).toEqual({ sampleRateHz: 16_000, channels: 1, bitsPerSample: 16 });
  expect(Array.from(new Int16Array(Uint8Array.from(data).buffer))).toEqual(Array.from(pcm));
});

test("WavStreamReader refuses what is not a WAV", () => {
  expect(() => new WavStreamReader().push(new TextEncoder().encode("this is not a wav file"))).toThrow();
});

test("ChatChunkAssembler emits text at once and tool calls whole at the finish", () => {
  const assembler = new ChatChunkAssembler();
  expect(assembler.push({ choices: [{ delta: { content: "Hi" } }] })).toEqual([{ type: "text", text: "Hi" }]);
  expect(
    assembler.push({
      choices: [
        { delta: { tool_calls: [{ index: 0, id: "c1", function: { name: "end_", arguments: "" } }] } },
      ],
    }),
  ).toEqual([]);
  assembler.push({
    choices: [{ delta: { tool_calls: [{ index: 0, function: { name: "call", arguments: '{"re' } }] } }],
  });
  const events = assembler.push({
    choices: [
      {
        delta: { tool_calls: [{ index: 0, function: { arguments: 'ason":"bye"}' } }] },
        finish_reason: "tool_calls",
      },
    ],
  });
  expect(events).toEqual([
    { type: "tool_call", call: { id: "c1", name: "end_call", arguments: '{"reason":"bye"}' } },
  ]);
  expect(assembler.end()).toEqual([{ type: "done", finishReason: "tool_calls" }]);
  expect(assembler.end()).toEqual([]);
});
