// The transaction layer over the transport: matches requests and responses to
// transactions, answers unparseable-but-answerable requests, and hands new requests to
// the application (the call layer).
import type { Logger } from "@switchboard/shared/logger";
import { socketHost } from "@switchboard/shared/sip/uri";
import { formatVia, parseVia } from "./headers.ts";
import { createResponse, type SipMessage, type SipRequest, type SipResponse } from "./message.ts";
import {
  ClientTransaction,
  DEFAULT_TIMERS,
  ServerTransaction,
  type SipTimers,
  serverTransactionKey,
} from "./transaction.ts";
import type { SipPeer, SipTransport } from "./transport.ts";

/** `ServerTransaction` for every request except ACK (which has none of its own). */
type RequestHandler = (request: SipRequest, transaction: ServerTransaction | null, peer: SipPeer) => void;

/** Decides, before any state is kept, whether a request from this source is looked at. */
type RequestGate = (request: SipRequest | null, peer: SipPeer) => boolean;

export class SipStack {
  private readonly serverTransactions = new Map<string, ServerTransaction>();
  private readonly clientTransactions = new Map<string, ClientTransaction>();
  private requestHandler: RequestHandler = () => {};
  private gate: RequestGate = () => true;
  private strayResponseHandler: (response: SipResponse, peer: SipPeer) => void = () => {};

  constructor(
    readonly transport: SipTransport,
    private readonly log: Logger,
    readonly timers: SipTimers = DEFAULT_TIMERS,
  ) {
    transport.onMessage((result, peer) => {
      try {
        if (!result.ok) {
          if (!this.gate(result.request, peer)) return;
          if (result.status >= 400 && result.request && result.request.method !== "ACK") {
            const request = withReceived(result.request, peer);
            this.send(createResponse(request, result.status, { reason: result.reason }), peer);
          }
          return;
        }
        if (result.message.kind === "request") this.receiveRequest(result.message, peer);
        else this.receiveResponse(result.message, peer);
      } catch (error) {
        this.log.error({ err: error }, "sip message handling failed");
      }
    });
  }

  onRequest(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setGate(gate: RequestGate): void {
    this.gate = gate;
  }

  /** 2xx retransmissions after their transaction ended (the TU re-sends the ACK). */
  onStrayResponse(handler: (response: SipResponse, peer: SipPeer) => void): void {
    this.strayResponseHandler = handler;
  }

  send(message: SipMessage, peer: SipPeer): void {
    this.transport.send(message, peer).catch((error) => this.log.debug({ err: error }, "sip send failed"));
  }

  /** Starts a client transaction; the request's top Via branch identifies it. */
  sendRequest(request: SipRequest, peer: SipPeer): ClientTransaction {
    const via = parseVia(request.headers.get("via") ?? "");
    const key = `${via?.params.get("branch")}|${request.method}`;
    const transaction = new ClientTransaction(this.transport, this.timers, peer, request, key);
    this.clientTransactions.set(key, transaction);
    transaction.onTerminate(() => this.clientTransactions.delete(key));
    transaction.start();
    return transaction;
  }

  private receiveRequest(raw: SipRequest, peer: SipPeer): void {
    if (!this.gate(raw, peer)) return;
    const request = withReceived(raw, peer);
    const key = serverTransactionKey(request, peer);
    if (key === null) return;
    const existing = this.serverTransactions.get(key);
    if (request.method === "ACK") {
      if (existing && existing.state === "completed") {
        existing.acknowledge();
        return;
      }
      this.requestHandler(request, null, peer);
      return;
    }
    if (existing) {
      existing.absorbRetransmission();
      return;
    }
    const transaction = new ServerTransaction(this.transport, this.timers, peer, request, key);
    this.serverTransactions.set(key, transaction);
    transaction.onTerminate(() => this.serverTransactions.delete(key));
    const maxForwards = request.headers.get("max-forwards");
    if (maxForwards !== null && Number(maxForwards) === 0 && request.method !== "OPTIONS") {
      transaction.reply(483);
      return;
    }
    this.requestHandler(request, transaction, peer);
  }

  /** The INVITE server transaction a CANCEL refers to (RFC 3261 §9.2). */
  findInviteTransaction(cancel: SipRequest, peer: SipPeer): ServerTransaction | null {
    const key = serverTransactionKey({ ...cancel, method: "INVITE" }, peer);
    return key === null ? null : (this.serverTransactions.get(key) ?? null);
  }

  private receiveResponse(response: SipResponse, peer: SipPeer): void {
    const via = parseVia(response.headers.get("via") ?? "");
    const cseqMethod = (response.headers.get("cseq") ?? "").trim().split(/\s+/)[1];
    const key = `${via?.params.get("branch")}|${cseqMethod}`;
    const transaction = this.clientTransactions.get(key);
    if (transaction) transaction.receive(response);
    else this.strayResponseHandler(response, peer);
  }

  async close(): Promise<void> {
    for (const transaction of [...this.serverTransactions.values(), ...this.clientTransactions.values()]) {
      transaction.terminate();
    }
    await this.transport.close();
  }
}

/** RFC 3261 §18.2.1 and RFC 3581 §4: note where the request really came from in the top Via. */
function withReceived(request: SipRequest, peer: SipPeer): SipRequest {
  const vias = request.headers.getAll("via");
  const top = vias[0] ? parseVia(vias[0]) : null;
  if (!top) return request;
  const source = socketHost(peer.address);
  let changed = false;
  if (socketHost(top.host) !== source) {
    top.params.set("received", source);
    changed = true;
  }
  if (top.params.has("rport") && top.params.get("rport") === null) {
    top.params.set("rport", String(peer.port));
    if (!top.params.has("received")) top.params.set("received", source);
    changed = true;
  }
  if (!changed) return request;
  const headers = request.headers.clone().delete("via");
  headers.prepend("via", [formatVia(top), ...vias.slice(1)].join(", "));
  return { ...request, headers };
}
