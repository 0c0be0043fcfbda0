// Test helpers: a gateway SIP service on ephemeral ports over a MemoryBus, with what control
// would publish for it. SIPp runs against it come from @switchboard/stand-ins/testing/sipp.
import type { Agent } from "@switchboard/shared/agent";
import type { Bus } from "@switchboard/shared/bus/contract";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { STATE_GENERATION_FIELD, STATE_PUBLISHED_AT_FIELD } from "@switchboard/shared/bus/state";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { type CallEvent, type NumberRoute, Streams } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import type { MediaApplication } from "../../call-core/application.ts";
import { SipService } from "../sip-service.ts";

export interface TestGateway {
  bus: MemoryBus;
  service: SipService;
  port: number;
  events(): CallEvent[];
  stop(): Promise<void>;
}

export async function startTestGateway(options: {
  env?: Record<string, string>;
  application: MediaApplication;
  recordingsDir?: string | null;
  /** False: as if control had not published its state yet (a flushed Redis). Default true. */
  statePublished?: boolean;
}): Promise<TestGateway> {
  const bus = new MemoryBus();
  if (options.statePublished !== false) await markStatePublished(bus);
  const config = loadConfig({
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    PUBLIC_IP: "127.0.0.1",
    RTP_PORT_MIN: "0",
    RTP_PORT_MAX: "1",
    LOG_LEVEL: "fatal",
    ...options.env,
  });
  const service = await SipService.start({
    config,
    log: createLogger(process.env.SIP_TEST_LOG === "1" ? "debug" : "fatal", "gateway"),
    bus,
    application: options.application,
    gatewayId: "gw_test",
    recordingsDir: options.recordingsDir ?? null,
  });
  const events: CallEvent[] = [];
  await bus.ensureGroup(Streams.callEvents, "test");
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const entries = await bus.readGroup(Streams.callEvents, "test", "t", { count: 100, blockMs: 100 });
      for (const entry of entries) events.push(JSON.parse(entry.data) as CallEvent);
    }
  })();
  return {
    bus,
    service,
    port: service.port,
    events: () => events,
    async stop() {
      await service.stop();
      reading = false;
      await reader;
      await bus.close();
    },
  };
}

/** Writes control's "state published" marker, as control does after its rebuild. */
export async function markStatePublished(bus: Bus): Promise<void> {
  await bus.hashSet(Hashes.controlState, STATE_GENERATION_FIELD, "1");
  await bus.hashSet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD, String(Date.now()));
}

export const TEST_ORG = "org_test";
export const TEST_AGENT_ID = "agt_test";

export function testAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: TEST_AGENT_ID,
    org_id: TEST_ORG,
    name: "Front desk",
    system_prompt: "You answer calls.",
    first_message: "Hello, thanks for calling.",
    voice: { provider: "espeak", voice_id: "en-us" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.7 },
    stt: { provider: "deepgram", model: "nova-2", language: "en" },
    language: "en",
    endpointing: { silence_ms: 500 },
    interruptions: { enabled: true, min_speech_ms: 250 },
    tools: [],
    knowledge: { mode: "none", source_ids: [], top_k: 3 },
    max_duration_s: 600,
    is_active: true,
    metadata: {},
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
    ...overrides,
  };
}

/** Publishes what control would: a number route, the agent snapshot and a balance. */
export async function publishRoute(
  bus: MemoryBus,
  e164: string,
  route: Partial<NumberRoute> = {},
  balanceCents = 1000,
): Promise<void> {
  const full: NumberRoute = {
    org_id: TEST_ORG,
    phone_number_id: "pn_test",
    agent_id: TEST_AGENT_ID,
    forwarding: null,
    status: "active",
    ...route,
  };
  await bus.hashSet(Hashes.numberRoutes, e164, JSON.stringify(full));
  await bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(testAgent()));
  await bus.hashSet(Hashes.creditBalances, full.org_id, String(balanceCents));
}
