// Call events to the bus stream control persists (Streams.callEvents), one JSON each.
import type { Bus } from "@switchboard/shared/bus/contract";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import type { Logger } from "@switchboard/shared/logger";
import { type CallTransport, observeCallEvent } from "../metrics/calls.ts";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CallEventBody = DistributiveOmit<CallEvent, "event_id" | "gateway_id" | "occurred_at">;

export class CallEventWriter {
  constructor(
    private readonly bus: Bus,
    private readonly gatewayId: string,
    private readonly log: Logger,
    private readonly transport: CallTransport,
  ) {}

  /** Appends the event; failures are logged, never thrown into the call flow. */
  async write(body: CallEventBody): Promise<void> {
    const event = {
      ...body,
      event_id: newId("evt"),
      gateway_id: this.gatewayId,
      occurred_at: new Date().toISOString(),
    } as CallEvent;
    observeCallEvent(event, this.transport);
    try {
      await this.bus.append(Streams.callEvents, JSON.stringify(event));
    } catch (error) {
      this.log.error({ err: error, call_id: body.call_id, type: body.type }, "call event not written");
    }
  }
}
