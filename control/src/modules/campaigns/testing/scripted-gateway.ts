// A scripted gateway for the campaign tests: it takes dispatch commands off the bus and
// answers with the call events a real gateway writes (through the real events path), each
// number's attempts following its script.
import type { Bus } from "@switchboard/shared/bus/contract";
import { type CallEvent, type DispatchCommand, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import type { Harness } from "../../../testing/harness.ts";
import { applyCallEvent } from "../../calls/events.ts";

/** `machine`: answered, then the detector reports a machine (only when the command asks for AMD). */
export type AttemptScript = "answer" | "machine" | "busy" | "no_answer";

export interface ScriptedGateway {
  commands: DispatchCommand[];
  /** Calls dispatched and not yet ended, at most seen at once. */
  maxLive: number;
  stop(): Promise<void>;
}

/** Where the gateway's bus and events go: in process, the events are applied at once. */
export interface GatewayWiring {
  bus: Bus;
  emit(event: CallEvent): Promise<unknown>;
}

export const inProcess = (h: Harness): GatewayWiring => ({
  bus: h.ctx.bus,
  emit: (event) => applyCallEvent(h.ctx, event),
});

/** As a real gateway: events on the bus's call events stream, for control's consumer. */
export const onTheBus = (bus: Bus): GatewayWiring => ({
  bus,
  emit: (event) => bus.append(Streams.callEvents, JSON.stringify(event)),
});

export async function startScriptedGateway(
  wiring: GatewayWiring,
  scriptFor: (toNumber: string, attempt: number) => AttemptScript,
  options: { answeredMs?: number; ringMs?: number; campaignId: string },
): Promise<ScriptedGateway> {
  const group = `scripted-${crypto.randomUUID().slice(0, 8)}`;
  await wiring.bus.ensureGroup(Streams.dispatch, group);
  const attempts = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  const state: ScriptedGateway = { commands: [], maxLive: 0, stop: async () => {} };
  let live = 0;
  let running = true;
  const event = (command: DispatchCommand, body: Record<string, unknown>) =>
    wiring.emit({
      event_id: newId("evt"),
      call_id: command.call_id,
      org_id: command.org_id,
      gateway_id: "gw-scripted",
      occurred_at: new Date().toISOString(),
      ...body,
    } as CallEvent);
  const play = async (command: DispatchCommand) => {
    const attempt = (attempts.get(command.to_number) ?? 0) + 1;
    attempts.set(command.to_number, attempt);
    live += 1;
    state.maxLive = Math.max(state.maxLive, live);
    const script = scriptFor(command.to_number, attempt);
    await Bun.sleep(options.ringMs ?? 20);
    let durationS = 0;
    if (script === "answer" || script === "machine") {
      await event(command, {
        type: "call.started",
        direction: "outbound",
        agent_id: command.agent_id,
        from_number: command.from_number,
        to_number: command.to_number,
        phone_number_id: null,
        answered_at: new Date().toISOString(),
      });
      if (script === "machine" && command.amd?.enabled) {
        await event(command, {
          type: "call.amd",
          answered_by: "machine",
          decision_ms: 900,
          evidence: ["beep"],
        });
      }
      await Bun.sleep(options.answeredMs ?? 50);
      durationS = (options.answeredMs ?? 50) / 1000;
    }
    live -= 1;
    await event(command, {
      type: "call.ended",
      status: script === "answer" || script === "machine" ? "completed" : script,
      hangup_cause:
        script === "busy" ? "user_busy" : script === "no_answer" ? "no_answer" : "normal_clearing",
      ended_at: new Date().toISOString(),
      duration_s: durationS,
    });
  };
  const loop = (async () => {
    while (running) {
      const entries = await wiring.bus.readGroup(Streams.dispatch, group, "gw", { count: 20, blockMs: 20 });
      for (const entry of entries) {
        const command = JSON.parse(entry.data) as DispatchCommand;
        // Other tests' calls on the same stream are not this gateway's.
        if (command.metadata.campaign_id !== options.campaignId) continue;
        state.commands.push(command);
        const task = play(command).finally(() => pending.delete(task));
        pending.add(task);
      }
      if (entries.length > 0)
        await wiring.bus.ack(
          Streams.dispatch,
          group,
          entries.map((entry) => entry.id),
        );
    }
  })();
  state.stop = async () => {
    running = false;
    await loop;
    await Promise.all(pending);
  };
  return state;
}
