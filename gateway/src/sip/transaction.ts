// Transactions per RFC 3261 §17 (with the RFC 6026 Accepted state for 2xx to INVITE):
// retransmissions over UDP (timers A, E, G), timeouts (B, F, H) and absorption of
// retransmitted requests and responses (D, I, J, K).
import { countSipFinalResponse } from "../metrics/sip.ts";
import { parseCSeq, parseVia, SipHeaders } from "./headers.ts";
import { createResponse, type SipRequest, type SipResponse } from "./message.ts";
import { peerKey, type SipPeer } from "./transport.ts";

export interface SipTimers {
  t1Ms: number;
  t2Ms: number;
  t4Ms: number;
}

export const DEFAULT_TIMERS: SipTimers = { t1Ms: 500, t2Ms: 4000, t4Ms: 5000 };

interface MessageSender {
  send(message: SipRequest | SipResponse, peer: SipPeer): Promise<void>;
}

const MAGIC_COOKIE = "z9hG4bK";

export function newBranch(): string {
  return `${MAGIC_COOKIE}${crypto.randomUUID().replaceAll("-", "")}`;
}

/** RFC 3261 §17.2.3: branch + sent-by + method; ACK matches its INVITE. */
export function serverTransactionKey(request: SipRequest, peer: SipPeer): string | null {
  const via = parseVia(request.headers.get("via") ?? "");
  if (!via) return null;
  const method = request.method === "ACK" ? "INVITE" : request.method;
  const branch = via.params.get("branch");
  if (branch?.startsWith(MAGIC_COOKIE)) return `${branch}|${via.host}:${via.port ?? ""}|${method}`;
  // RFC 2543 peers: no magic cookie, so match on the request's identity and source.
  const cseq = parseCSeq(request.headers.get("cseq") ?? "");
  return `2543|${request.headers.get("call-id")}|${cseq?.seq}|${method}|${peerKey(peer)}|${branch ?? ""}`;
}

type Timer = ReturnType<typeof setTimeout>;

abstract class Transaction {
  protected timers: Timer[] = [];
  terminated = false;
  private readonly terminateHandlers: Array<() => void> = [];

  constructor(
    protected readonly sender: MessageSender,
    protected readonly settings: SipTimers,
    readonly peer: SipPeer,
  ) {}

  protected get reliable(): boolean {
    return this.peer.transport !== "UDP";
  }

  protected schedule(ms: number, action: () => void): void {
    this.timers.push(setTimeout(action, ms));
  }

  protected clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  onTerminate(handler: () => void): void {
    this.terminateHandlers.push(handler);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.clearTimers();
    for (const handler of this.terminateHandlers) handler();
  }

  protected transmit(message: SipRequest | SipResponse): void {
    this.sender.send(message, this.peer).catch(() => {});
  }
}

type ServerState = "proceeding" | "accepted" | "completed" | "confirmed" | "terminated";

export class ServerTransaction extends Transaction {
  state: ServerState = "proceeding";
  lastResponse: SipResponse | null = null;
  private ackTimeoutHandler: (() => void) | null = null;

  constructor(
    sender: MessageSender,
    settings: SipTimers,
    peer: SipPeer,
    readonly request: SipRequest,
    readonly key: string,
  ) {
    super(sender, settings, peer);
  }

  get isInvite(): boolean {
    return this.request.method === "INVITE";
  }

  respond(response: SipResponse): void {
    if (this.terminated || this.state === "completed" || this.state === "confirmed") return;
    if (this.state === "accepted" && response.status >= 300) return;
    this.lastResponse = response;
    this.transmit(response);
    if (response.status < 200) return;
    countSipFinalResponse(this.request.method, response.status);
    const t1 = this.settings.t1Ms;
    if (this.isInvite && response.status < 300) {
      // RFC 3261 §13.3.1.4: the UAS retransmits 2xx until the ACK, then gives up at 64*T1.
      this.state = "accepted";
      if (!this.reliable) this.retransmit(t1, () => this.state === "accepted", this.settings.t2Ms);
      this.schedule(64 * t1, () => {
        if (this.state === "accepted") this.ackTimeoutHandler?.();
        this.terminate();
      });
      return;
    }
    this.state = "completed";
    if (this.isInvite) {
      if (!this.reliable) this.retransmit(t1, () => this.state === "completed", this.settings.t2Ms); // timer G
      this.schedule(64 * t1, () => {
        if (this.state === "completed") this.ackTimeoutHandler?.();
        this.terminate(); // timer H
      });
    } else {
      this.schedule(this.reliable ? 0 : 64 * t1, () => this.terminate()); // timer J
    }
  }

  /** Sends a response built from the request (Via, From, To, Call-ID, CSeq copied). */
  reply(status: number, options: Parameters<typeof createResponse>[2] = {}): SipResponse {
    const response = createResponse(this.request, status, options);
    this.respond(response);
    return response;
  }

  /** Called when no ACK arrives for a final response to INVITE within 64*T1. */
  onAckTimeout(handler: () => void): void {
    this.ackTimeoutHandler = handler;
  }

  /** A retransmitted request: repeat the last response (RFC 3261 §17.2.1, §17.2.2). */
  absorbRetransmission(): void {
    if (this.lastResponse && this.state !== "confirmed") this.transmit(this.lastResponse);
  }

  /** The ACK for a final response. */
  acknowledge(): void {
    if (this.state === "completed") {
      this.state = "confirmed";
      this.clearTimers();
      this.schedule(this.reliable ? 0 : this.settings.t4Ms, () => this.terminate()); // timer I
    } else if (this.state === "accepted") {
      this.state = "confirmed";
      this.clearTimers();
      this.schedule(this.reliable ? 0 : 64 * this.settings.t1Ms, () => this.terminate());
    }
  }

  private retransmit(intervalMs: number, active: () => boolean, capMs: number): void {
    this.schedule(intervalMs, () => {
      if (!active() || !this.lastResponse) return;
      this.transmit(this.lastResponse);
      this.retransmit(Math.min(intervalMs * 2, capMs), active, capMs);
    });
  }
}

type ClientResponseHandler = (response: SipResponse) => void;

export class ClientTransaction extends Transaction {
  state: "calling" | "proceeding" | "accepted" | "completed" | "terminated" = "calling";
  private readonly handlers: ClientResponseHandler[] = [];

  constructor(
    sender: MessageSender,
    settings: SipTimers,
    peer: SipPeer,
    readonly request: SipRequest,
    readonly key: string,
  ) {
    super(sender, settings, peer);
  }

  get isInvite(): boolean {
    return this.request.method === "INVITE";
  }

  onResponse(handler: ClientResponseHandler): void {
    this.handlers.push(handler);
  }

  /** A promise of the final response (a synthesized 408 on timeout). */
  finalResponse(): Promise<SipResponse> {
    return new Promise((resolve) =>
      this.onResponse((response) => response.status >= 200 && resolve(response)),
    );
  }

  start(): void {
    const t1 = this.settings.t1Ms;
    this.transmit(this.request);
    if (!this.reliable) this.retransmitRequest(t1);
    // Timers B and F: no final response within 64*T1 is a timeout.
    this.schedule(64 * t1, () => {
      if (this.state === "calling" || this.state === "proceeding") {
        this.deliver(createResponse(this.request, 408, { reason: "Request Timeout" }));
        this.terminate();
      }
    });
  }

  private retransmitRequest(intervalMs: number): void {
    this.schedule(intervalMs, () => {
      const active = this.isInvite
        ? this.state === "calling"
        : this.state === "calling" || this.state === "proceeding";
      if (!active) return;
      this.transmit(this.request);
      const next = this.isInvite
        ? intervalMs * 2
        : this.state === "proceeding"
          ? this.settings.t2Ms
          : Math.min(intervalMs * 2, this.settings.t2Ms);
      this.retransmitRequest(next);
    });
  }

  receive(response: SipResponse): void {
    if (this.terminated) return;
    if (response.status < 200) {
      if (this.state === "calling" || this.state === "proceeding") {
        this.state = "proceeding";
        this.deliver(response);
      }
      return;
    }
    if (this.isInvite && response.status < 300) {
      // RFC 6026 §7.2: 2xx retransmissions go to the TU, which ACKs each.
      if (this.state !== "accepted") {
        this.state = "accepted";
        this.clearTimers();
        this.schedule(64 * this.settings.t1Ms, () => this.terminate());
      }
      this.deliver(response);
      return;
    }
    if (this.isInvite) {
      this.transmit(buildAckForFailure(this.request, response));
      if (this.state === "completed") return;
      this.state = "completed";
      this.clearTimers();
      this.schedule(this.reliable ? 0 : 32_000, () => this.terminate()); // timer D
      this.deliver(response);
      return;
    }
    if (this.state === "completed") return;
    this.state = "completed";
    this.clearTimers();
    this.schedule(this.reliable ? 0 : this.settings.t4Ms, () => this.terminate()); // timer K
    this.deliver(response);
  }

  private deliver(response: SipResponse): void {
    for (const handler of this.handlers) handler(response);
  }
}

/** RFC 3261 §17.1.1.3: the ACK for a non-2xx final response, in the same transaction. */
function buildAckForFailure(invite: SipRequest, response: SipResponse): SipRequest {
  const headers = invite.headers;
  const ack: SipRequest = {
    kind: "request",
    method: "ACK",
    uri: invite.uri,
    headers: new SipHeaders(),
    body: Buffer.alloc(0),
  };
  ack.headers.append("via", headers.get("via")!);
  for (const route of headers.getAll("route")) ack.headers.append("route", route);
  ack.headers.append("max-forwards", "70");
  ack.headers.append("from", headers.get("from")!);
  ack.headers.append("to", response.headers.get("to")!);
  ack.headers.append("call-id", headers.get("call-id")!);
  ack.headers.append("cseq", `${parseCSeq(headers.get("cseq")!)!.seq} ACK`);
  return ack;
}
