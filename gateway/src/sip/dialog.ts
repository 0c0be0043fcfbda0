// A dialog (RFC 3261 §12): its identity, route set, remote target and CSeq counters, and
// the requests it sends.
import { formatVia, parseCSeq, parseNameAddr, SipHeaders } from "./headers.ts";
import type { SipRequest, SipResponse } from "./message.ts";
import { newBranch } from "./transaction.ts";
import type { SipPeer } from "./transport.ts";

export interface LocalAddress {
  /** Host for Via and Contact (PUBLIC_IP or the local address). */
  host: string;
  port: number;
}

export function newTag(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 16);
}

export function headerTag(value: string | null): string | null {
  if (!value) return null;
  return parseNameAddr(value)?.params.get("tag") ?? null;
}

export class Dialog {
  remoteSeq: number;

  private constructor(
    readonly callId: string,
    readonly localTag: string,
    public remoteTag: string,
    /** Our From/To value (with our tag). */
    readonly localParty: string,
    /** Their From/To value (with their tag). */
    public remoteParty: string,
    public remoteTarget: string,
    readonly routeSet: string[],
    public localSeq: number,
    remoteSeq: number,
    readonly peer: SipPeer,
    readonly local: LocalAddress,
  ) {
    this.remoteSeq = remoteSeq;
  }

  /** UAS side, from the INVITE we answer (RFC 3261 §12.1.1). */
  static asServer(invite: SipRequest, localTag: string, peer: SipPeer, local: LocalAddress): Dialog {
    const from = invite.headers.get("from")!;
    const to = invite.headers.get("to")!;
    const contact = invite.headers.get("contact");
    const target = (contact && parseNameAddr(contact)?.uri) ?? parseNameAddr(from)!.uri;
    const cseq = parseCSeq(invite.headers.get("cseq")!)!;
    return new Dialog(
      invite.headers.get("call-id")!,
      localTag,
      headerTag(from) ?? "",
      /;\s*tag=/i.test(to) ? to : `${to};tag=${localTag}`,
      from,
      target,
      invite.headers.getAll("record-route"),
      Math.floor(Math.random() * 10_000) + 1,
      cseq.seq,
      peer,
      local,
    );
  }

  /** UAC side, from our INVITE and its 2xx (RFC 3261 §12.1.2). */
  static asClient(invite: SipRequest, response: SipResponse, peer: SipPeer, local: LocalAddress): Dialog {
    const from = invite.headers.get("from")!;
    const to = response.headers.get("to")!;
    const contact = response.headers.get("contact");
    const cseq = parseCSeq(invite.headers.get("cseq")!)!;
    return new Dialog(
      invite.headers.get("call-id")!,
      headerTag(from)!,
      headerTag(to) ?? "",
      from,
      to,
      (contact && parseNameAddr(contact)?.uri) ?? invite.uri,
      response.headers.getAll("record-route").reverse(),
      cseq.seq,
      0,
      peer,
      local,
    );
  }

  get id(): string {
    return dialogId(this.callId, this.localTag);
  }

  get contact(): string {
    return `<sip:switchboard@${this.local.host}:${this.local.port};transport=${this.peer.transport.toLowerCase()}>`;
  }

  /** A new in-dialog request with the next CSeq (ACK and CANCEL set theirs themselves). */
  createRequest(
    method: string,
    options: { body?: Buffer; contentType?: string; headers?: Array<[string, string]>; seq?: number } = {},
  ): SipRequest {
    const seq = options.seq ?? ++this.localSeq;
    const headers = new SipHeaders();
    headers.append(
      "via",
      formatVia({
        transport: this.peer.transport,
        host: this.local.host,
        port: this.local.port,
        params: new Map<string, string | null>([
          ["branch", newBranch()],
          ["rport", null],
        ]),
      }),
    );
    for (const route of this.routeSet) headers.append("route", route);
    headers.append("max-forwards", "70");
    headers.append("from", this.localParty);
    headers.append("to", this.remoteParty);
    headers.append("call-id", this.callId);
    headers.append("cseq", `${seq} ${method}`);
    headers.append("contact", this.contact);
    headers.append("user-agent", USER_AGENT);
    for (const [name, value] of options.headers ?? []) headers.append(name, value);
    if (options.body && options.body.length > 0)
      headers.append("content-type", options.contentType ?? "application/sdp");
    return {
      kind: "request",
      method,
      uri: this.remoteTarget,
      headers,
      body: options.body ?? Buffer.alloc(0),
    };
  }

  /** RFC 3261 §12.2.2: a request whose CSeq is not above the last one is out of order. */
  acceptRemoteSeq(request: SipRequest): boolean {
    const cseq = parseCSeq(request.headers.get("cseq") ?? "");
    if (!cseq) return false;
    if (request.method === "ACK" || request.method === "CANCEL") return true;
    if (cseq.seq <= this.remoteSeq) return false;
    this.remoteSeq = cseq.seq;
    return true;
  }
}

export const USER_AGENT = "Switchboard";

/** Dialogs are found by Call-ID and our tag (the To tag of requests they receive). */
export function dialogId(callId: string, localTag: string): string {
  return `${callId}|${localTag}`;
}
