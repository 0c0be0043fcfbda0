// Browser-call media costs: per-frame codec work, the per-call cost of WebRtcCallAudio on the
// one media clock, and WHIP setup time (POST offer -> ICE/DTLS/SRTP connected -> first agent
// audio packet) against a real gateway with a werift client on loopback.
//   bun loadtest/src/browser/webrtc-bench.ts [calls=200] [setups=10]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MediaApplication } from "@switchboard/gateway/call-core/application";
import { MediaClock } from "@switchboard/gateway/media/clock";
import { startGateway } from "@switchboard/gateway/server";
import { WebRtcCallAudio } from "@switchboard/gateway/webrtc/call-audio";
import { OpusCodec, PcmuCodec, type WebRtcAudioCodec } from "@switchboard/gateway/webrtc/codecs";
import { browserOffer } from "@switchboard/gateway/webrtc/testing/browser-offer";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { sine } from "@switchboard/stand-ins/testing/signals";

const calls = Number(process.argv[2] ?? 200);
const setups = Number(process.argv[3] ?? 10);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function codecCost(codec: WebRtcAudioCodec): { encodeUs: number; decodeUs: number } {
  const frame = sine(440, 16_000, 320, 8000);
  const payloads: Uint8Array[] = [];
  for (let index = 0; index < 200; index++) payloads.push(codec.encode(frame).slice());
  const rounds = 5000;
  let started = performance.now();
  for (let index = 0; index < rounds; index++) codec.encode(frame);
  const encodeUs = ((performance.now() - started) * 1000) / rounds;
  started = performance.now();
  for (let index = 0; index < rounds; index++) codec.decode(payloads[index % payloads.length]!);
  const decodeUs = ((performance.now() - started) * 1000) / rounds;
  codec.destroy();
  return { encodeUs, decodeUs };
}

async function clockLoad(count: number, codecName: "opus" | "PCMU", agentTalking: boolean): Promise<number> {
  const clock = new MediaClock();
  const audios: WebRtcCallAudio[] = [];
  let bytes = 0;
  const speech = sine(300, 16_000, 16_000 * 10, 6000);
  for (let index = 0; index < count; index++) {
    const codec = codecName === "opus" ? new OpusCodec() : new PcmuCodec();
    const audio = new WebRtcCallAudio(codec, clock, (payload) => {
      bytes += payload.length;
    });
    if (agentTalking) audio.enqueue(speech);
    audios.push(audio);
  }
  await Bun.sleep(500);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await Bun.sleep(5000);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - wallBefore;
  for (const audio of audios) await audio.close();
  if (bytes === 0) throw new Error("nothing was sent");
  return ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
}

async function setupTimes(count: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "webrtc-bench-"));
  const bus = new MemoryBus();
  const config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET: "bench-secret-0123456789abcdefghijklmnop",
    DATA_DIR: dir,
  });
  const agent = {
    id: "agt_bench",
    org_id: "org_bench",
    name: "Bench",
    first_message: "",
    is_active: true,
    max_duration_s: 600,
  };
  await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
  const application: MediaApplication = {
    async start(call) {
      call.audio.enqueue(sine(1000, 16_000, 16_000));
      return { async stop() {} };
    },
  };
  const gateway = await startGateway({
    config,
    log: createLogger("silent"),
    bus,
    application,
    webrtcHostAddresses: ["127.0.0.1"],
  });
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const callId = newId("call");
    const { token } = await signCallToken(
      config,
      { callId, orgId: "org_bench", agentId: agent.id, origin: null, metadata: {} },
      60,
    );
    const { peer: pc, transceiver, sdp } = await browserOffer();
    const firstAudio = new Promise<void>((resolve) =>
      transceiver.onTrack.subscribe((track) => track.onReceiveRtp.once(() => resolve())),
    );
    const started = performance.now();
    const response = await fetch(`${gateway.url}/webrtc/calls`, {
      method: "POST",
      headers: { "content-type": "application/sdp", authorization: `Bearer ${token}` },
      body: sdp,
    });
    await pc.setRemoteDescription({ type: "answer", sdp: await response.text() });
    await firstAudio;
    times.push(performance.now() - started);
    await fetch(`${gateway.url}${response.headers.get("location")}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    await pc.close();
  }
  await gateway.stop();
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
  return times;
}

const opus = codecCost(new OpusCodec());
const pcmu = codecCost(new PcmuCodec());
console.log(
  `codec per 20 ms frame: opus encode ${opus.encodeUs.toFixed(1)} us, decode ${opus.decodeUs.toFixed(1)} us`,
);
console.log(
  `                       PCMU encode ${pcmu.encodeUs.toFixed(1)} us, decode ${pcmu.decodeUs.toFixed(1)} us`,
);
for (const codec of ["opus", "PCMU"] as const) {
  for (const talking of [true, false]) {
    const cpuPercent = await clockLoad(calls, codec, talking);
    const what = talking ? "agent talking" : "agent listening";
    console.log(`${calls} calls, ${codec}, ${what}, one media clock: ${cpuPercent.toFixed(1)}% of a core`);
  }
}
const times = await setupTimes(setups);
console.log(
  `WHIP setup to first agent packet (${setups} calls): p50 ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
);
process.exit(0);
