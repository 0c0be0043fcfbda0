// The gateway's one media clock driving N RTP streams on loopback: each RtpSession sends a
// 1 kHz tone to its partner and receives the partner's (decode, jitter buffer, resample).
// Reports tick lateness against the start + k * 20 ms grid, drift and CPU.
//
//   bun loadtest/src/bench/media-clock.ts [streams=200] [seconds=20] [phases=1]

import { loadavg } from "node:os";
import { MediaClock } from "@switchboard/gateway/media/clock";
import type { RtpSession } from "@switchboard/gateway/rtp/session";
import { openLoopbackSession } from "@switchboard/gateway/rtp/testing/loopback-session";

const streams = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 20);
const phases = Number(process.argv[4] ?? 1);
const warmupTicks = 50;

const lateness: number[] = [];
let seenTicks = 0;
const clock = new MediaClock({
  phases,
  onTickLateness: (latenessMs) => {
    seenTicks += 1;
    if (seenTicks > warmupTicks * phases) lateness.push(latenessMs);
  },
});

const tone = new Int16Array(16_000 * (seconds + 5));
for (let index = 0; index < tone.length; index++) {
  tone[index] = Math.round(8000 * Math.sin((2 * Math.PI * 1000 * index) / 16_000));
}

const sessions: RtpSession[] = [];
for (let index = 0; index < streams; index++) {
  sessions.push(await openLoopbackSession(clock));
}
for (let index = 0; index + 1 < sessions.length; index += 2) {
  const a = sessions[index]!;
  const b = sessions[index + 1]!;
  a.setRemote("127.0.0.1", b.localPort);
  b.setRemote("127.0.0.1", a.localPort);
}
let framesHeard = 0;
for (const session of sessions) {
  session.onFrame(() => {
    framesHeard += 1;
  });
  session.enqueue(tone);
}

await Bun.sleep(warmupTicks * 20);
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const statsBefore = clock.stats();
await Bun.sleep(seconds * 1000);
const wallMs = performance.now() - wallBefore;
const cpu = process.cpuUsage(cpuBefore);
const statsAfter = clock.stats();

let sent = 0;
let received = 0;
let lost = 0;
let concealed = 0;
for (const session of sessions) {
  const stats = session.stats();
  sent += stats.packetsSent;
  received += stats.packetsReceived;
  lost += stats.lost;
  concealed += stats.concealedFrames;
}
for (const session of sessions) await session.close();

const sorted = lateness.slice().sort((left, right) => left - right);
const percentile = (fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
const ticks = statsAfter.ticks - statsBefore.ticks;
const expectedTicks = (wallMs / 20) * phases;
const cpuShare = (cpu.user + cpu.system) / 1000 / wallMs;

const summary = {
  streams,
  seconds,
  phases,
  ticks,
  driftMs: Number((((expectedTicks - ticks) * 20) / phases).toFixed(1)),
  latenessMs: {
    p50: Number(percentile(0.5).toFixed(2)),
    p99: Number(percentile(0.99).toFixed(2)),
    max: Number((sorted.at(-1) ?? 0).toFixed(2)),
  },
  catchUpTicks: statsAfter.catchUpTicks - statsBefore.catchUpTicks,
  resyncs: statsAfter.resyncs - statsBefore.resyncs,
  cpuCoreShare: Number(cpuShare.toFixed(3)),
  cpuUserShare: Number((cpu.user / 1000 / wallMs).toFixed(3)),
  cpuSystemShare: Number((cpu.system / 1000 / wallMs).toFixed(3)),
  loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  packetsSent: sent,
  packetsReceived: received,
  packetLoss: sent === 0 ? 0 : Number((1 - received / sent).toFixed(4)),
  rtpLost: lost,
  concealedFrames: concealed,
  framesHeard,
};
console.log(JSON.stringify(summary, null, 2));
