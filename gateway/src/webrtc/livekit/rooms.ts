// Browser calls through LiveKit rooms, on a gateway with LIVEKIT_URL, LIVEKIT_API_KEY and
// LIVEKIT_API_SECRET set: takes the rooms control dispatches (Streams.liveKitRooms), joins
// each as the call's agent (room-call.ts), and admits its caller as the WHIP endpoint admits
// an offer: the call token used once, the org's credits, its place in the org's cap.
import type { Agent } from "@switchboard/shared/agent";
import { type RunningConsumer, startConsumer } from "@switchboard/shared/bus/consumer";
import type { Bus, StreamEntry } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import type { Config, LiveKitConfig } from "@switchboard/shared/config";
import { type RoomDispatchCommand, Streams } from "@switchboard/shared/events";
import { liveKitToken } from "@switchboard/shared/livekit/token";
import type { Logger } from "@switchboard/shared/logger";
import { publishedRates } from "@switchboard/shared/rates";
import { claimCallStart } from "@switchboard/shared/secrets/call-token";
import type { MediaApplication } from "../../call-core/application.ts";
import { CallEventWriter } from "../../call-core/call-events.ts";
import type { CallLeases } from "../../call-core/call-leases.ts";
import { centsPerMinuteFor, durationCap } from "../../call-core/duration-cap.ts";
import { recordingPublisher } from "../../call-core/recording-upload.ts";
import type { DrainableCalls } from "../../drain.ts";
import type { MediaClock } from "../../media/clock.ts";
import {
  type AdmissionRequest,
  LiveKitRoomCall,
  type RoomAdmission,
  type RoomCallDeps,
} from "./room-call.ts";
import { type RoomFactory, rtcRoomFactory } from "./room-port.ts";

/** The consumer group of gateways that join rooms: each room is joined by one of them. */
export const ROOMS_GROUP = "livekit-gateways";

/** Why a caller was refused (the hang-up cause in the data message). */
const REFUSALS = { org_cap: "concurrency_limit", gateway_ceiling: "gateway_call_limit" } as const;

interface LiveKitRoomsOptions {
  config: Config;
  livekit: LiveKitConfig;
  log: Logger;
  bus: Bus;
  clock: MediaClock;
  application: MediaApplication;
  gatewayId: string;
  leases: CallLeases;
  /** Null: calls are not recorded. */
  recordingsDir: string | null;
  /** Default: rooms on the LiveKit server through @livekit/rtc-node. */
  roomFactory?: RoomFactory;
  now?: () => number;
  /** Warm transfer's second leg through the gateway's SIP side. */
  legDialer?: RoomCallDeps["legDialer"];
}

export class LiveKitRooms implements DrainableCalls {
  private consumer: RunningConsumer | null = null;
  private readonly calls = new Map<string, LiveKitRoomCall>();
  /** Rooms this gateway took already: dispatch is at-least-once. */
  private readonly taken = new Set<string>();
  private readonly deps: RoomCallDeps;
  private readonly now: () => number;

  constructor(private readonly options: LiveKitRoomsOptions) {
    this.now = options.now ?? Date.now;
    this.deps = {
      events: new CallEventWriter(options.bus, options.gatewayId, options.log, "livekit"),
      log: options.log,
      clock: options.clock,
      application: options.application,
      publishRecording: recordingPublisher(options.config, options.log),
      recordingsDir: options.recordingsDir,
      admit: (call) => this.admit(call),
      now: this.now,
      legDialer: options.legDialer,
    };
  }

  start(): void {
    this.consumer = startConsumer(
      this.options.bus,
      {
        stream: Streams.liveKitRooms,
        group: ROOMS_GROUP,
        consumer: this.options.gatewayId,
        blockMs: 500,
        onError: (error) => this.options.log.error({ err: error }, "livekit room dispatch failed"),
      },
      (entry) => this.take(entry),
    );
  }

  get callsInProgress(): number {
    return this.calls.size;
  }

  /** Drain: no more rooms are taken; calls in progress go on. */
  async stopTakingCalls(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.stop();
  }

  sayGoodbyeToAll(text: string, cause: string): void {
    for (const call of this.calls.values()) call.callEnd.goodbye(text, cause);
  }

  /** Ends every call (gateway shutdown). */
  async stop(): Promise<void> {
    await this.stopTakingCalls();
    await Promise.all([...this.calls.values()].map((call) => call.end("completed", "gateway_shutdown")));
  }

  /** Joins the room of one dispatch; resolves once the agent is in it (or the room was given up). */
  private async take(entry: StreamEntry): Promise<void> {
    const { log } = this.options;
    const command = parseCommand(entry.data);
    if (command === null) {
      log.warn({ entry: entry.id }, "unreadable livekit room dispatch dropped");
      return;
    }
    if (this.taken.has(command.call_id)) return;
    this.taken.add(command.call_id);
    const deadlineMs = Date.parse(command.expires_at);
    if (!(deadlineMs > this.now())) {
      log.info({ call_id: command.call_id }, "livekit room dispatch expired before it was taken");
      return;
    }
    const agent = await this.agentFor(command);
    if (agent === null) {
      log.warn({ call_id: command.call_id, agent_id: command.agent_id }, "livekit room for an unknown agent");
      return;
    }
    const { livekit } = this.options;
    const call = new LiveKitRoomCall(this.deps, {
      callId: command.call_id,
      orgId: command.org_id,
      agent,
      metadata: command.metadata,
      room: (this.options.roomFactory ?? rtcRoomFactory)(),
      callerDeadlineMs: deadlineMs,
    });
    this.calls.set(call.callId, call);
    call.onEnded(() => this.calls.delete(call.callId));
    const token = await liveKitToken({
      apiKey: livekit.apiKey,
      apiSecret: livekit.apiSecret,
      room: command.room,
      identity: `agent-${command.call_id}`,
      name: agent.name,
      role: "agent",
      // Long enough to rejoin after a reconnect for as long as the call may last.
      ttlS: Math.ceil((deadlineMs - this.now()) / 1000) + agent.max_duration_s + 60,
    });
    try {
      await call.join(livekit.url, token);
      log.info({ call_id: call.callId, agent_id: agent.id }, "livekit room joined");
    } catch (error) {
      log.error({ err: error, call_id: call.callId }, "joining the livekit room failed");
      await call.end("failed", "room_join_failed");
    }
  }

  private async admit({ callId, orgId, agent, expiresAtMs }: AdmissionRequest): Promise<RoomAdmission> {
    const { bus, config, leases } = this.options;
    // One token, one call: a WHIP offer with the same call token would claim it too.
    if (!(await claimCallStart(bus, callId, new Date(expiresAtMs))))
      return { ok: false, cause: "token_used" };
    const balance = await bus.hashGet(Hashes.creditBalances, orgId);
    if (balance !== null && Number(balance) <= 0) return { ok: false, cause: "insufficient_credits" };
    const admission = await leases.acquire(orgId, callId);
    if (!admission.ok) return { ok: false, cause: REFUSALS[admission.refusal] };
    const rates = publishedRates(config, await bus.hashGet(Hashes.orgRates, orgId));
    return {
      ok: true,
      durationCap: durationCap(
        agent.max_duration_s,
        balance === null ? null : Number(balance),
        centsPerMinuteFor(rates, "web"),
      ),
      release: () => admission.lease.release(),
    };
  }

  private async agentFor(command: RoomDispatchCommand): Promise<Agent | null> {
    const json = await this.options.bus.hashGet(Hashes.agentSnapshots, command.agent_id);
    if (json === null) return null;
    try {
      const agent = JSON.parse(json) as Agent;
      if (agent.org_id !== undefined && agent.org_id !== command.org_id) return null;
      return agent.is_active === false ? null : agent;
    } catch {
      return null;
    }
  }
}

function parseCommand(data: string): RoomDispatchCommand | null {
  try {
    const command = JSON.parse(data) as Partial<RoomDispatchCommand>;
    if (
      typeof command.call_id !== "string" ||
      typeof command.org_id !== "string" ||
      typeof command.agent_id !== "string" ||
      typeof command.room !== "string" ||
      typeof command.expires_at !== "string"
    )
      return null;
    return { ...command, metadata: command.metadata ?? {} } as RoomDispatchCommand;
  } catch {
    return null;
  }
}
