// A minimal SIP UAC over one UDP socket for many calls (RFC 3261): INVITE with Timer A
// retransmission, ACK for 2xx (a new transaction, §13.2.2.4), BYE, and 200 OK to a BYE
// from the gateway. Responses are parsed with the gateway's own message parser.

import type { SipResponse } from "@switchboard/gateway/sip/message";
import { parseMessage } from "@switchboard/gateway/sip/message";
import type { udp } from "bun";

/** RFC 3261 §17.1.1.2: T1. */
const T1_MS = 500;
const TRANSACTION_TIMEOUT_MS = 64 * T1_MS;

interface AnsweredCall {
  callId: string;
  status: number;
  /** The gateway's RTP address from the SDP answer (null when the call failed). */
  media: { address: string; port: number } | null;
}

interface PendingTransaction {
  method: "INVITE" | "BYE";
  resolve(response: SipResponse | null): void;
  retransmit: ReturnType<typeof setTimeout> | null;
  deadline: ReturnType<typeof setTimeout>;
}

interface DialogState {
  fromTag: string;
  /** The caller's number in From (E.164). */
  fromNumber: string;
  toHeader: string;
  remoteTarget: string;
  pending: PendingTransaction | null;
  onRemoteBye: (() => void) | null;
}

const DEFAULT_CALLER_NUMBER = "+14155550111";

function randomToken(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 16);
}

export class SipUac {
  private readonly dialogs = new Map<string, DialogState>();

  private constructor(
    private readonly socket: udp.Socket<"buffer">,
    private readonly gateway: { address: string; port: number },
  ) {}

  static async open(gateway: { address: string; port: number }): Promise<SipUac> {
    let uac: SipUac | null = null;
    const socket = await Bun.udpSocket({
      hostname: "127.0.0.1",
      port: 0,
      binaryType: "buffer",
      socket: {
        data(_socket, data) {
          uac?.receive(data);
        },
      },
    });
    uac = new SipUac(socket, gateway);
    return uac;
  }

  get localPort(): number {
    return this.socket.port;
  }

  private send(text: string): void {
    this.socket.send(text, this.gateway.port, this.gateway.address);
  }

  private headers(method: string, callId: string, cseq: number, dialog: DialogState, uri: string): string {
    return (
      `${method} ${uri} SIP/2.0\r\n` +
      `Via: SIP/2.0/UDP 127.0.0.1:${this.localPort};branch=z9hG4bK${randomToken()};rport\r\n` +
      "Max-Forwards: 70\r\n" +
      `From: <sip:${dialog.fromNumber}@127.0.0.1>;tag=${dialog.fromTag}\r\n` +
      `To: ${dialog.toHeader}\r\n` +
      `Call-ID: ${callId}\r\n` +
      `CSeq: ${cseq} ${method}\r\n` +
      `Contact: <sip:caller@127.0.0.1:${this.localPort}>\r\n`
    );
  }

  private transaction(callId: string, method: "INVITE" | "BYE", text: string): Promise<SipResponse | null> {
    const dialog = this.dialogs.get(callId)!;
    return new Promise((resolve) => {
      let intervalMs = T1_MS;
      const pending: PendingTransaction = {
        method,
        resolve: (response) => {
          if (pending.retransmit) clearTimeout(pending.retransmit);
          clearTimeout(pending.deadline);
          dialog.pending = null;
          resolve(response);
        },
        retransmit: null,
        deadline: setTimeout(() => pending.resolve(null), TRANSACTION_TIMEOUT_MS),
      };
      const again = () => {
        this.send(text);
        intervalMs = Math.min(intervalMs * 2, 4000);
        pending.retransmit = setTimeout(again, intervalMs);
      };
      dialog.pending = pending;
      this.send(text);
      pending.retransmit = setTimeout(again, intervalMs);
    });
  }

  /** Sends INVITE with a PCMU offer for `rtpPort`; resolves on the final response. */
  async invite(
    number: string,
    rtpPort: number,
    onRemoteBye: () => void,
    fromNumber = DEFAULT_CALLER_NUMBER,
  ): Promise<AnsweredCall> {
    const callId = `${randomToken()}@uac`;
    const requestUri = `sip:${number}@${this.gateway.address}:${this.gateway.port}`;
    const dialog: DialogState = {
      fromTag: randomToken(),
      fromNumber,
      toHeader: `<sip:${number}@${this.gateway.address}>`,
      remoteTarget: requestUri,
      pending: null,
      onRemoteBye,
    };
    this.dialogs.set(callId, dialog);
    const sdp =
      "v=0\r\n" +
      `o=uac ${rtpPort} 1 IN IP4 127.0.0.1\r\n` +
      "s=-\r\n" +
      "c=IN IP4 127.0.0.1\r\n" +
      "t=0 0\r\n" +
      `m=audio ${rtpPort} RTP/AVP 0 101\r\n` +
      "a=rtpmap:0 PCMU/8000\r\n" +
      "a=rtpmap:101 telephone-event/8000\r\n" +
      "a=ptime:20\r\n" +
      "a=sendrecv\r\n";
    const text =
      this.headers("INVITE", callId, 1, dialog, requestUri) +
      "Content-Type: application/sdp\r\n" +
      `Content-Length: ${Buffer.byteLength(sdp)}\r\n\r\n${sdp}`;
    const response = await this.transaction(callId, "INVITE", text);
    if (!response || response.status >= 300) {
      this.dialogs.delete(callId);
      return { callId, status: response?.status ?? 408, media: null };
    }
    const body = response.body.toString("latin1");
    const address = body.match(/^c=IN IP4 (\S+)/m)?.[1] ?? this.gateway.address;
    const port = Number(body.match(/^m=audio (\d+)/m)?.[1] ?? Number.NaN);
    return { callId, status: response.status, media: Number.isFinite(port) ? { address, port } : null };
  }

  private sendAck(callId: string, dialog: DialogState): void {
    this.send(`${this.headers("ACK", callId, 1, dialog, dialog.remoteTarget)}Content-Length: 0\r\n\r\n`);
  }

  /** Ends an answered call; resolves with the BYE's final status (null: no answer). */
  async bye(callId: string): Promise<number | null> {
    const dialog = this.dialogs.get(callId);
    if (!dialog) return null;
    dialog.onRemoteBye = null;
    const text = `${this.headers("BYE", callId, 2, dialog, dialog.remoteTarget)}Content-Length: 0\r\n\r\n`;
    const response = await this.transaction(callId, "BYE", text);
    this.dialogs.delete(callId);
    return response?.status ?? null;
  }

  private receive(data: Buffer): void {
    const parsed = parseMessage(data);
    if (!parsed?.ok) return;
    const message = parsed.message;
    const callId = message.headers.get("call-id");
    const dialog = callId ? this.dialogs.get(callId) : undefined;
    if (!callId || !dialog) return;
    if (message.kind === "request") {
      if (message.method === "BYE") {
        this.answer(message.headers, 200, "OK");
        const onRemoteBye = dialog.onRemoteBye;
        this.dialogs.delete(callId);
        onRemoteBye?.();
      } else if (message.method !== "ACK") {
        this.answer(message.headers, 200, "OK");
      }
      return;
    }
    const cseqMethod = message.headers.get("cseq")?.split(/\s+/)[1];
    if (cseqMethod === "INVITE" && message.status >= 200 && message.status < 300) {
      const to = message.headers.get("to");
      if (to) dialog.toHeader = to;
      const contact = message.headers.get("contact")?.match(/<([^>]+)>/)?.[1];
      if (contact) dialog.remoteTarget = contact;
      // A retransmitted 2xx gets the ACK again (§13.2.2.4).
      this.sendAck(callId, dialog);
    }
    const pending = dialog.pending;
    if (!pending || pending.method !== cseqMethod) return;
    if (message.status < 200) {
      // A provisional response stops INVITE retransmissions (§17.1.1.2).
      if (pending.retransmit) clearTimeout(pending.retransmit);
      pending.retransmit = null;
      return;
    }
    pending.resolve(message);
  }

  private answer(
    headers: { get(name: string): string | null; getAll(name: string): string[] },
    status: number,
    reason: string,
  ): void {
    const lines = [`SIP/2.0 ${status} ${reason}`];
    for (const via of headers.getAll("via")) lines.push(`Via: ${via}`);
    for (const name of ["from", "to", "call-id", "cseq"]) {
      const value = headers.get(name);
      if (value)
        lines.push(
          `${name === "call-id" ? "Call-ID" : name === "cseq" ? "CSeq" : name[0]!.toUpperCase() + name.slice(1)}: ${value}`,
        );
    }
    lines.push("Content-Length: 0", "", "");
    this.send(lines.join("\r\n"));
  }

  close(): void {
    for (const dialog of this.dialogs.values()) dialog.pending?.resolve(null);
    this.dialogs.clear();
    this.socket.close();
  }
}
