// Blind transfer of an answered SIP call (RFC 3515): the REFER and the NOTIFYs that report
// how the transferee's call to the target went.
import { outboundSipHeaderFields } from "@switchboard/shared/sip/custom-headers";
import { uriHost } from "@switchboard/shared/sip/uri";
import type { Dialog } from "../sip/dialog.ts";
import type { SipRequest } from "../sip/message.ts";
import type { CallDeps } from "./deps.ts";
import { normalizeE164 } from "./numbers.ts";

export type TransferOutcome = { ok: boolean; status: number | null; reason: string };

const TRANSFER_OUTCOME_TIMEOUT_MS = 32_000;

/**
 * `?X-Case=7&User-to-User=...` for a Refer-To URI (RFC 3261 §19.1.1, RFC 3515 §2.1): the
 * transferee copies these headers onto its INVITE to the target. Checked like any headers we send.
 */
function referToHeaders(sipHeaders: Record<string, string> | undefined): string {
  const fields = outboundSipHeaderFields(sipHeaders);
  if (fields.length === 0) return "";
  return `?${fields.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&")}`;
}

export class BlindTransfer {
  private outcomeWaiter: ((outcome: TransferOutcome) => void) | null = null;

  /** `referrerUser`: RFC 3892, the agent's side of the call, its number when it has one. */
  constructor(
    private readonly deps: Pick<CallDeps, "stack" | "local">,
    private readonly dialog: Dialog,
    private readonly referrerUser: string,
  ) {}

  /** REFER with Referred-By (RFC 3892), then the final sipfrag NOTIFY's outcome. */
  async refer(target: string, sipHeaders: Record<string, string> | undefined): Promise<TransferOutcome> {
    const e164 = normalizeE164(target);
    const referTo = /^sips?:/i.test(target)
      ? target
      : e164
        ? `sip:${e164}@${uriHost(this.dialog.peer.address)}`
        : null;
    if (!referTo) return { ok: false, status: null, reason: "not a phone number or SIP URI" };
    let uriHeaders: string;
    try {
      uriHeaders = referToHeaders(sipHeaders);
    } catch (error) {
      return { ok: false, status: null, reason: (error as Error).message };
    }
    const refer = this.dialog.createRequest("REFER", {
      headers: [
        ["Refer-To", `<${referTo}${uriHeaders}>`],
        ["Referred-By", `<sip:${this.referrerUser}@${this.deps.local.host}>`],
      ],
    });
    const outcome = new Promise<TransferOutcome>((resolve) => {
      this.outcomeWaiter = resolve;
      setTimeout(
        () => resolve({ ok: false, status: null, reason: "no NOTIFY with the transfer outcome" }),
        TRANSFER_OUTCOME_TIMEOUT_MS,
      );
    });
    const response = await this.deps.stack.sendRequest(refer, this.dialog.peer).finalResponse();
    if (response.status >= 300) {
      this.outcomeWaiter = null;
      return { ok: false, status: response.status, reason: response.reason };
    }
    return await outcome;
  }

  /** RFC 3515 §2.4.5: NOTIFY bodies carry the transfer's progress as a sipfrag status line. */
  handleNotify(request: SipRequest): void {
    if (!/^refer/i.test(request.headers.get("event") ?? "")) return;
    const match = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/m.exec(request.body.toString("utf8"));
    if (!match) return;
    const status = Number(match[1]);
    if (status < 200) return;
    this.outcomeWaiter?.({ ok: status < 300, status, reason: match[2]?.trim() || "" });
    this.outcomeWaiter = null;
  }

  /** The call ended: a transfer still waiting for its outcome has failed. */
  callEnded(): void {
    this.outcomeWaiter?.({ ok: false, status: null, reason: "call ended" });
  }
}
