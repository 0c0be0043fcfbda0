// Outbound calls on this gateway: dispatch commands from the bus, each placed by an
// OutboundCall (outbound-call.ts, the INVITE's state machine); API cancels; the ACK for every
// retransmitted 2xx of an answered call.
import type { RunningConsumer } from "@switchboard/shared/bus/consumer";
import { startConsumer } from "@switchboard/shared/bus/consumer";
import type { Bus, StreamEntry, Unsubscribe } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { type DispatchCommand, Streams } from "@switchboard/shared/events";
import { dialogId, headerTag } from "../sip/dialog.ts";
import type { SipRequest, SipResponse } from "../sip/message.ts";
import type { SipPeer } from "../sip/transport.ts";
import type { CallDeps } from "./deps.ts";
import { OutboundCall, type OutboundHost } from "./outbound-call.ts";

export const DISPATCH_GROUP = "gateways";

export class OutboundCalls {
  private consumer: RunningConsumer | null = null;
  /** Calls this gateway already started: dispatch is at-least-once. */
  private readonly started = new Set<string>();
  /** Established outbound dialogs, for re-ACKing retransmitted 2xx. */
  private readonly acks = new Map<string, { ack: SipRequest; peer: SipPeer }>();
  /** Calls whose INVITE is out on this gateway, not yet answered or ended (API cancel). */
  private readonly ringing = new Map<string, OutboundCall>();
  private unsubscribeCancel: Unsubscribe | null = null;
  private readonly host: OutboundHost = {
    dialling: (callId, call) => {
      if (call) this.ringing.set(callId, call);
      else this.ringing.delete(callId);
    },
    keepAck: (key, ack, peer) => this.acks.set(key, { ack, peer }),
    forgetAck: (key) => this.acks.delete(key),
    reAck: (response) => this.reAck(response),
    hangUpAnswered: (callId) => this.cancel(callId),
  };

  constructor(
    private readonly deps: CallDeps,
    private readonly bus: Bus,
    private readonly gatewayId: string,
  ) {}

  start(): void {
    this.bus
      .subscribe(Channels.callCancel, (callId) => this.cancel(callId))
      .then((unsubscribe) => {
        this.unsubscribeCancel = unsubscribe;
      })
      .catch((error) => this.deps.log.error({ err: error }, "call cancel subscription failed"));
    this.consumer = startConsumer(
      this.bus,
      {
        stream: Streams.dispatch,
        group: DISPATCH_GROUP,
        consumer: this.gatewayId,
        blockMs: 500,
        onError: (error) => this.deps.log.error({ err: error }, "dispatch command failed"),
      },
      (entry) => this.handleEntry(entry),
    );
  }

  async stop(): Promise<void> {
    await this.unsubscribeCancel?.();
    await this.consumer?.stop();
  }

  /** Drain: no more dispatch commands are taken; cancels of calls already here still arrive. */
  async stopTakingCalls(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.stop();
  }

  /** Calls whose INVITE is out, not yet answered or failed. */
  get ringingCount(): number {
    return this.ringing.size;
  }

  /** API cancel: CANCEL a call still ringing here, or hang up one this gateway answered. */
  private cancel(callId: string): void {
    const ringing = this.ringing.get(callId);
    if (ringing) {
      ringing.cancel();
      return;
    }
    const answered = this.deps.registry.all().find((call) => call.callId === callId);
    if (answered) answered.hangup("api_hangup").catch(() => {});
  }

  private async handleEntry(entry: StreamEntry): Promise<void> {
    let command: DispatchCommand;
    try {
      command = JSON.parse(entry.data) as DispatchCommand;
    } catch {
      this.deps.log.warn({ entry: entry.id }, "unreadable dispatch command dropped");
      return;
    }
    if (!command.call_id || !command.org_id || this.started.has(command.call_id)) return;
    this.started.add(command.call_id);
    if (await this.bus.hashGet(Hashes.canceledCalls, command.call_id)) {
      await this.bus.hashDelete(Hashes.canceledCalls, command.call_id);
      await this.deps.events.write({
        type: "call.ended",
        call_id: command.call_id,
        org_id: command.org_id,
        status: "canceled",
        hangup_cause: "api_cancel",
        ended_at: new Date().toISOString(),
        duration_s: 0,
      });
      return;
    }
    // The call runs on; the entry is acked once the INVITE is on its way.
    await this.place(command);
  }

  /** Places the call; resolves once the INVITE was sent (or the call failed before that). */
  async place(command: DispatchCommand): Promise<void> {
    await new OutboundCall(this.deps, command, this.host).start();
  }

  /** RFC 3261 §13.2.2.4: every retransmission of the 2xx gets the same ACK. */
  private reAck(response: SipResponse): void {
    const tag = headerTag(response.headers.get("from"));
    if (!tag) return;
    const entry = this.acks.get(dialogId(response.headers.get("call-id") ?? "", tag));
    if (entry) this.deps.stack.send(entry.ack, entry.peer);
  }

  handleStrayResponse(response: SipResponse, _peer: SipPeer): void {
    if (
      response.status >= 200 &&
      response.status < 300 &&
      /INVITE/i.test(response.headers.get("cseq") ?? "")
    ) {
      this.reAck(response);
    }
  }
}
