// A gateway process for load runs: the turn pipeline on its own in-process bus, seeded with
// what control would publish (a number route, the agent snapshot, a balance, no call cap).
// Prints `GATEWAY_URL=<url>` and `SIP_PORT=<port>` once it answers. Environment: the gateway's own settings plus
// BENCH_NUMBER (E.164 the UAC dials), BENCH_AGENT (JSON Agent) and BENCH_VAD (`silero`, the
// gateway's default: Silero behind its silence gate; `ungated` for Silero on every window, what
// the gate saves; `energy` to measure what Silero costs).
import { AgentApplication } from "@switchboard/gateway/pipeline/agent-application";
import { createAgentApplication } from "@switchboard/gateway/pipeline/create";
import { buildProviders } from "@switchboard/gateway/providers/registry";
import { startGateway } from "@switchboard/gateway/server";
import { EnergyVadEngine } from "@switchboard/gateway/vad/energy";
import type { VadEngine } from "@switchboard/gateway/vad/engine";
import { loadVadEngine } from "@switchboard/gateway/vad/load";
import type { Agent } from "@switchboard/shared/agent";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { type CallEvent, type NumberRoute, Streams } from "@switchboard/shared/events";
import { Lifecycle } from "@switchboard/shared/lifecycle";
import { createLogger } from "@switchboard/shared/logger";

const number = process.env.BENCH_NUMBER ?? "+14155550100";
const agent = JSON.parse(process.env.BENCH_AGENT ?? "null") as Agent | null;
if (!agent?.org_id) throw new Error("BENCH_AGENT must hold an agent with org_id");

const config = loadConfig();
const log = createLogger(config.logLevel, "gateway");
const bus = new MemoryBus();
const route: NumberRoute = {
  org_id: agent.org_id,
  phone_number_id: "pn_bench",
  agent_id: agent.id,
  forwarding: null,
  status: "active",
};
await bus.hashSet(Hashes.numberRoutes, number, JSON.stringify(route));
await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
await bus.hashSet(Hashes.creditBalances, agent.org_id, String(1_000_000_000));
await bus.hashSet(Hashes.orgCallLimits, agent.org_id, "100000");

async function benchVad(name: string | undefined): Promise<VadEngine | null> {
  if (name === "energy") return new EnergyVadEngine();
  if (name === "ungated") return await loadVadEngine(log, { silenceGateDbfs: null });
  return null;
}
const vad = await benchVad(process.env.BENCH_VAD);
const application = vad
  ? new AgentApplication({ vad, logger: log, providers: (callAgent) => buildProviders(config, callAgent) })
  : await createAgentApplication({ config, log });
const gateway = await startGateway({ config, log, bus, application, webrtcHostAddresses: ["127.0.0.1"] });
const sipPort = gateway
  .describe()
  .join("\n")
  .match(/SIP on UDP and TCP port (\d+)/)?.[1];
process.stdout.write(`GATEWAY_URL=${gateway.url}\nSIP_PORT=${sipPort}\n`);

// Each agent turn's own stage timings, one `TURN <json>` line each, so a load run can say
// where the caller's latency went.
await bus.ensureGroup(Streams.callEvents, "bench");
let reading = true;
const reader = (async () => {
  while (reading) {
    const entries = await bus.readGroup(Streams.callEvents, "bench", "bench", { count: 500, blockMs: 200 });
    let lines = "";
    for (const entry of entries) {
      const event = JSON.parse(entry.data) as CallEvent;
      if (event.type === "call.turn" && event.turn.role === "agent" && event.turn.latency) {
        lines += `TURN ${JSON.stringify(event.turn.latency)}\n`;
      }
    }
    if (lines) process.stdout.write(lines);
    if (entries.length)
      await bus.ack(
        Streams.callEvents,
        "bench",
        entries.map((entry) => entry.id),
      );
  }
})();
// Event-loop stalls: a 10 ms timer that fires more than 30 ms late prints `STALL <ms>`, so
// audio gaps at the caller can be told apart from stalls of the gateway's own thread.
const STALL_CHECK_MS = 10;
const STALL_REPORT_MS = 30;
let expectedAt = performance.now() + STALL_CHECK_MS;
const stallMonitor = setInterval(() => {
  const now = performance.now();
  const lateMs = now - expectedAt;
  if (lateMs > STALL_REPORT_MS) process.stdout.write(`STALL ${lateMs.toFixed(1)}\n`);
  expectedAt = now + STALL_CHECK_MS;
}, STALL_CHECK_MS);

new Lifecycle({ log })
  .onStop("gateway", () => gateway.stop())
  .onStop("reader", async () => {
    clearInterval(stallMonitor);
    reading = false;
    await reader;
  })
  .onStop("bus", () => bus.close())
  .handleSignals();
