// The gateway for bench:turns: the turn pipeline on its own in-process bus, seeded with one
// number and one agent per scripted call (each agent's STT reaches the timed Deepgram endpoint
// under its own path, through a published credential's base URL). Prints `SIP_PORT=<port>`
// once it answers, then `EVENT <json>` for each call.started and call.turn.
// Environment: the gateway's settings plus BENCH_CALLS (JSON [{number, agent}]).
import { createAgentApplication } from "@switchboard/gateway/pipeline/create";
import { startGateway } from "@switchboard/gateway/server";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { type CallEvent, type NumberRoute, Streams } from "@switchboard/shared/events";
import { Lifecycle } from "@switchboard/shared/lifecycle";
import { createLogger } from "@switchboard/shared/logger";

const calls = JSON.parse(process.env.BENCH_CALLS ?? "[]") as { number: string; agent: AgentSnapshot }[];
if (calls.length === 0) throw new Error("BENCH_CALLS must list the calls' numbers and agents");

const config = loadConfig();
const log = createLogger(config.logLevel, "gateway");
const bus = new MemoryBus();
for (const { number, agent } of calls) {
  const route: NumberRoute = {
    org_id: agent.org_id,
    phone_number_id: `pn_${agent.id}`,
    agent_id: agent.id,
    forwarding: null,
    status: "active",
  };
  await bus.hashSet(Hashes.numberRoutes, number, JSON.stringify(route));
  await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
  await bus.hashSet(Hashes.creditBalances, agent.org_id, String(1_000_000_000));
  await bus.hashSet(Hashes.orgCallLimits, agent.org_id, "100000");
}

const application = await createAgentApplication({ config, log });
const gateway = await startGateway({ config, log, bus, application, webrtcHostAddresses: ["127.0.0.1"] });
const sipPort = gateway
  .describe()
  .join("\n")
  .match(/SIP on UDP and TCP port (\d+)/)?.[1];
process.stdout.write(`SIP_PORT=${sipPort}\n`);

await bus.ensureGroup(Streams.callEvents, "bench");
let reading = true;
const reader = (async () => {
  while (reading) {
    const entries = await bus.readGroup(Streams.callEvents, "bench", "bench", { count: 500, blockMs: 200 });
    let lines = "";
    for (const entry of entries) {
      const event = JSON.parse(entry.data) as CallEvent;
      if (event.type === "call.started" || event.type === "call.turn")
        lines += `EVENT ${JSON.stringify(event)}\n`;
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

new Lifecycle({ log })
  .onStop("gateway", () => gateway.stop())
  .onStop("reader", async () => {
    reading = false;
    await reader;
  })
  .onStop("bus", () => bus.close())
  .handleSignals();
