// Per-frame cost of the RTP audio path, one 20 ms frame at a time:
//   receive: jitter buffer push/pop + G.711 decode + resample 8 -> 16 kHz
//   send:    resample 16 -> 8 kHz + G.711 encode + RTP header
// and a whole RtpSession send tick (playout queue -> resample -> encode -> sendto), with the
// heap growth across 5,000 of them (the hot path should allocate nothing).
//
//   bun loadtest/src/bench/media-codec.ts [frames=200000]

import { heapStats } from "bun:jsc";
import { MediaClock } from "@switchboard/gateway/media/clock";
import { g711Decode, g711Encode } from "@switchboard/gateway/media/g711";
import { Resampler } from "@switchboard/gateway/media/resampler";
import { JitterBuffer } from "@switchboard/gateway/rtp/jitter-buffer";
import { writeRtpHeader } from "@switchboard/gateway/rtp/packet";
import { openLoopbackSession } from "@switchboard/gateway/rtp/testing/loopback-session";

const frames = Number(process.argv[2] ?? 200_000);

const pcm16k = new Int16Array(320);
for (let index = 0; index < 320; index++)
  pcm16k[index] = Math.round(8000 * Math.sin((2 * Math.PI * index) / 16));
const pcm8k = new Int16Array(160);
const wire = new Uint8Array(12 + 160);
const up = new Resampler(8000, 16000, 160);
const down = new Resampler(16000, 8000, 320);
const jitter = new JitterBuffer({ frameSamples: 160, silenceByte: 0xff });
const codecFrame = new Uint8Array(160);
const out16k = new Int16Array(320);

function measure(name: string, step: (frame: number) => void): number {
  for (let frame = 0; frame < 5000; frame++) step(frame);
  const start = performance.now();
  for (let frame = 0; frame < frames; frame++) step(frame);
  const microseconds = ((performance.now() - start) * 1000) / frames;
  console.log(`${name.padEnd(48)} ${microseconds.toFixed(2)} us/frame`);
  return microseconds;
}

measure("G.711 encode (160 samples)", () => g711Encode("PCMU", pcm8k, wire, 12, 160));
measure("G.711 decode (160 samples)", () => g711Decode("PCMU", wire, 12, 160, pcm8k));
measure("resample 8 -> 16 kHz (Speex q3)", () => up.process(pcm8k, out16k));
measure("resample 16 -> 8 kHz (Speex q3)", () => down.process(pcm16k, pcm8k));
let timestamp = 0;
const receive = measure("receive: jitter push/pop + decode + 8->16 kHz", () => {
  jitter.push(timestamp, wire, 12, 160);
  timestamp += 160;
  if (jitter.pop(codecFrame) === "ok") g711Decode("PCMU", codecFrame, 0, 160, pcm8k);
  up.process(pcm8k, out16k);
});
const send = measure("send: 16->8 kHz + encode + RTP header", (frame) => {
  down.process(pcm16k, pcm8k);
  g711Encode("PCMU", pcm8k, wire, 12, 160);
  writeRtpHeader(wire, false, 0, frame & 0xffff, frame * 160, 1234);
});
const perCallShare = ((receive + send) * 50) / 1e6;
console.log(
  `one call both ways: ${(receive + send).toFixed(2)} us per 20 ms = ${(perCallShare * 100).toFixed(3)}% of a core`,
);
up.destroy();
down.destroy();

const sink = await Bun.udpSocket({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
const clock = new MediaClock();
const session = await openLoopbackSession(clock, { remote: { address: "127.0.0.1", port: sink.port } });
clock.stop();
session.enqueue(new Int16Array(16_000 * 120).fill(3000));
for (let tick = 0; tick < 500; tick++) session.tick(tick, performance.now());
Bun.gc(true);
const heapBefore = heapStats().heapSize;
const tickStart = performance.now();
for (let tick = 0; tick < 5000; tick++) session.tick(tick, performance.now());
const tickMicroseconds = ((performance.now() - tickStart) * 1000) / 5000;
const heapGrowth = heapStats().heapSize - heapBefore;
console.log(`${"RtpSession send tick (incl. sendto)".padEnd(48)} ${tickMicroseconds.toFixed(2)} us/frame`);
console.log(`heap growth over 5,000 session ticks: ${heapGrowth} bytes`);
await session.close();
sink.close();
