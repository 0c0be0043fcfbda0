// Call-setup benchmark: SIPp places answered inbound calls (each 1.5 s, caller BYE) against
// a gateway in this process; reports INVITE -> 200 OK time (SIPp's rtd) and gateway CPU.
// Run: bun loadtest/src/bench/call-setup.ts [calls=300] [callsPerSecond=30]
import { join } from "node:path";
import { GreetingApplication } from "@switchboard/gateway/call-core/greeting-application";
import { publishRoute, startTestGateway } from "@switchboard/gateway/calls/testing/test-gateway";
import { EspeakTts } from "@switchboard/gateway/providers/espeak/tts";
import { freeUdpPort } from "@switchboard/shared/testing/ports";
import { SIPP_DIR } from "@switchboard/stand-ins/testing/sipp";

const calls = Number(process.argv[2] ?? 300);
const rate = Number(process.argv[3] ?? 30);
const gateway = await startTestGateway({
  env: {
    SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
    SIP_MAX_CALLS_PER_ORG: "100000",
    // No control publishes the org's cap here: the default applies, raised out of the way.
    ORG_DEFAULT_MAX_CONCURRENT_CALLS: "100000",
  },
  application: new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null }),
});
await publishRoute(gateway.bus, "+14155550100");
const workDir = `/tmp/sipp-bench-${process.pid}`;
await Bun.$`mkdir -p ${workDir}`.quiet();
const cpuBefore = process.cpuUsage();
const startMs = performance.now();
const child = Bun.spawn(
  [
    "sipp",
    `127.0.0.1:${gateway.port}`,
    "-sf",
    join(SIPP_DIR, "uac-answered-caller-bye-expect-200.xml"),
    "-s",
    "+14155550100",
    "-i",
    "127.0.0.1",
    "-p",
    String(await freeUdpPort()),
    "-mp",
    String(await freeUdpPort()),
    "-m",
    String(calls),
    "-r",
    String(rate),
    "-l",
    "1000",
    "-nostdin",
    "-trace_rtt",
    "-rtt_freq",
    "1",
    "-timeout",
    "300s",
  ],
  { cwd: workDir, stdout: "ignore", stderr: "pipe" },
);
const exitCode = await child.exited;
const elapsedS = (performance.now() - startMs) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const rttFile = (await Array.fromAsync(new Bun.Glob("*_rtt.csv").scan(workDir)))[0];
const times = rttFile
  ? (await Bun.file(join(workDir, rttFile)).text())
      .split("\n")
      .slice(1)
      .map((line) => Number(line.split(";")[1]))
      .filter((value) => Number.isFinite(value))
      .sort((a, b) => a - b)
  : [];
const pct = (p: number) =>
  times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? Number.NaN;
const ended = gateway.events().filter((event) => event.type === "call.ended").length;
console.log(
  JSON.stringify(
    {
      calls,
      calls_per_second: rate,
      sipp_exit_code: exitCode,
      calls_ended_at_gateway: ended,
      invite_to_200_ms: { p50: pct(50), p95: pct(95), p99: pct(99), max: times.at(-1) },
      elapsed_s: Math.round(elapsedS * 10) / 10,
      gateway_cpu_percent_of_one_core:
        Math.round(((cpu.user + cpu.system) / 1000 / (elapsedS * 1000)) * 1000) / 10,
    },
    null,
    2,
  ),
);
await Bun.$`rm -rf ${workDir}`.quiet();
await gateway.stop();
