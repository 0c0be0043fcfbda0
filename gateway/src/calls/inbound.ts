// Inbound calls: trust (source CIDR or digest) -> number -> route -> credits -> codecs ->
// cap (a lease, call-leases.ts) -> 180 -> answer. Every refusal carries its precise code and
// a Reason or Warning.
import { STATE_NOT_PUBLISHED, STATE_RETRY_AFTER_S } from "@switchboard/shared/bus/state";
import type { NumberRoute } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { pickInboundSipHeaders } from "@switchboard/shared/sip/custom-headers";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";
import { parseUri } from "@switchboard/shared/sip/uri";
import { negotiateOffer } from "../sdp/offer-answer.ts";
import { Dialog, newTag } from "../sip/dialog.ts";
import { parseNameAddr } from "../sip/headers.ts";
import type { SipRequest } from "../sip/message.ts";
import type { ServerTransaction } from "../sip/transaction.ts";
import type { SipPeer } from "../sip/transport.ts";
import { ALLOW, type CallDeps, openMedia, reasonHeader, warningHeader } from "./deps.ts";
import { normalizeE164 } from "./numbers.ts";
import { SipCall } from "./sip-call.ts";
import { trunkHa1 } from "./trunk.ts";

const RETRY_AFTER_S = 30;

interface Ringing {
  call: SipCall | null;
  cancel: () => void;
}

export class InboundCalls {
  /** INVITEs not yet answered, by server transaction key: what CANCEL looks for. */
  private readonly ringing = new Map<string, Ringing>();

  constructor(private readonly deps: CallDeps) {}

  async handleInvite(request: SipRequest, transaction: ServerTransaction, peer: SipPeer): Promise<void> {
    transaction.reply(100);
    const localTag = newTag();
    const refuse = (status: number, text: string, extra: Array<[string, string]> = []) => {
      this.deps.log.info({ status, reason: text, source: peer.address }, "inbound call refused");
      transaction.reply(status, { toTag: localTag, headers: [reasonHeader(status, text), ...extra] });
    };
    /** A lookup missed: a refusal only once control's state is known to be published. */
    const missing = async (status: number, text: string) => {
      if (await this.deps.directory.statePublished()) return refuse(status, text);
      this.refuseUnpublished(transaction, localTag);
    };

    const trunk = await this.authenticate(request, transaction, peer, localTag);
    if (!trunk) return;

    const calledNumber =
      normalizeE164(parseUri(request.uri)?.user ?? null) ??
      normalizeE164(parseNameAddr(request.headers.get("to") ?? "")?.uri ?? null);
    if (!calledNumber) return refuse(404, "Unknown number");
    const route = await this.deps.directory.route(calledNumber);
    if (!route) return missing(404, "Unknown number");
    if (trunk.org_id !== null && trunk.org_id !== route.org_id) return refuse(404, "Unknown number");

    const forward = (mode: "always" | "no_agent" | "no_credits") => forwardTarget(route, mode);
    const always = forward("always");
    if (always) return this.redirect(transaction, localTag, always);
    if (route.status === "suspended") {
      const target = forward("no_credits");
      return target ? this.redirect(transaction, localTag, target) : refuse(480, "Number suspended");
    }
    if (route.agent_id === null) {
      const target = forward("no_agent");
      return target
        ? this.redirect(transaction, localTag, target)
        : refuse(480, "No agent attached to number");
    }
    const balance = await this.deps.directory.balanceCents(route.org_id);
    if (balance === null && !(await this.deps.directory.statePublished()))
      return this.refuseUnpublished(transaction, localTag);
    if (balance !== null && balance <= 0) {
      const target = forward("no_credits");
      return target ? this.redirect(transaction, localTag, target) : refuse(403, "Insufficient credits");
    }
    const agent = await this.deps.directory.agent(route.agent_id);
    if (!agent) return missing(480, "Agent unavailable");
    if (agent.is_active === false) return refuse(480, "Agent unavailable");

    const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
    if (request.body.length === 0) {
      return refuse(488, "SDP offer required", [
        warningHeader(399, this.deps.local.host, "SDP offer required"),
      ]);
    }
    if (!contentType.startsWith("application/sdp")) {
      transaction.reply(415, { toTag: localTag, headers: [["Accept", "application/sdp"]] });
      return;
    }
    const negotiated = negotiateOffer(request.body.toString("utf8"));
    if (!negotiated.ok) {
      return refuse(488, "Incompatible media", [warningHeader(305, this.deps.local.host, negotiated.reason)]);
    }

    const callId = newId("call");
    const admission = await this.deps.leases.acquire(route.org_id, callId);
    if (!admission.ok) {
      return refuse(
        503,
        admission.refusal === "org_cap" ? "Concurrent call limit reached" : "Gateway call limit reached",
        [["Retry-After", String(RETRY_AFTER_S)]],
      );
    }
    const { lease } = admission;
    const fromNumber = normalizeE164(parseNameAddr(request.headers.get("from") ?? "")?.uri ?? null);
    const dialog = Dialog.asServer(request, localTag, peer, this.deps.local);
    let cancelled = false;
    const pending: Ringing = { call: null, cancel: () => {} };
    this.ringing.set(transaction.key, pending);
    transaction.onTerminate(() => this.ringing.delete(transaction.key));

    let media: Awaited<ReturnType<typeof openMedia>>;
    try {
      media = await openMedia(this.deps, callId, negotiated.selection);
    } catch (error) {
      this.ringing.delete(transaction.key);
      await lease.release();
      this.deps.log.error({ err: error, call_id: callId }, "no RTP port for inbound call");
      return refuse(503, "No media port available", [["Retry-After", String(RETRY_AFTER_S)]]);
    }
    const call = new SipCall(this.deps, {
      callId,
      orgId: route.org_id,
      agent,
      direction: "inbound",
      fromNumber,
      toNumber: calledNumber,
      phoneNumberId: route.phone_number_id,
      objective: null,
      metadata: {},
      sipHeaders: pickInboundSipHeaders(request.headers.entries()),
      dialog,
      media,
      lease,
    });
    pending.call = call;
    this.deps.registry.add(call);
    const ringDone = new Promise<void>((resolve) => {
      pending.cancel = () => {
        cancelled = true;
        resolve();
      };
      setTimeout(resolve, this.deps.config.sipRingDelayMs);
    });
    transaction.reply(180, { toTag: localTag, headers: [["Contact", dialog.contact]] });
    await this.deps.events.write({
      type: "call.status",
      call_id: callId,
      org_id: route.org_id,
      status: "ringing",
    });
    await ringDone;
    this.ringing.delete(transaction.key);
    if (cancelled || call.state === "ended") {
      transaction.reply(487, { toTag: localTag });
      await call.end("canceled", "caller_cancel");
      return;
    }
    transaction.reply(200, {
      toTag: localTag,
      headers: [
        ["Contact", dialog.contact],
        ["Allow", ALLOW],
        ["Content-Type", "application/sdp"],
      ],
      body: call.localDescription(negotiated.selection),
    });
    call.pendingInvite = transaction;
    // RFC 3261 §13.3.1.4: no ACK for the 2xx within 64*T1 ends the dialog with a BYE.
    transaction.onAckTimeout(() => {
      call.hangup("no_ack").catch(() => {});
    });
    await call.answered();
  }

  /** RFC 3261 §9.2: CANCEL matches the INVITE's transaction; a 487 ends the INVITE. */
  handleCancel(request: SipRequest, transaction: ServerTransaction, peer: SipPeer): void {
    const invite = this.deps.stack.findInviteTransaction(request, peer);
    if (!invite) {
      transaction.reply(481);
      return;
    }
    transaction.reply(200);
    this.ringing.get(invite.key)?.cancel();
  }

  /** RFC 3261 §21.5.4: the state gateways answer from is not on the bus yet; try again shortly. */
  private refuseUnpublished(transaction: ServerTransaction, localTag: string): void {
    this.deps.log.info({ status: 503, reason: STATE_NOT_PUBLISHED }, "inbound call refused");
    transaction.reply(503, {
      toTag: localTag,
      headers: [reasonHeader(503, STATE_NOT_PUBLISHED), ["Retry-After", String(STATE_RETRY_AFTER_S)]],
    });
  }

  /**
   * Trust: a source inside a trunk's CIDRs, else digest credentials of a trunk. The same
   * challenge goes to everyone, known user or not. Null when the request was answered.
   */
  private async authenticate(
    request: SipRequest,
    transaction: ServerTransaction,
    peer: SipPeer,
    localTag: string,
  ): Promise<TrunkSnapshot | null> {
    const { directory, digest } = this.deps;
    const bySource = directory.trunkForSource(peer.address);
    if (bySource) return bySource;
    if (!directory.anyDigestTrunk) {
      // Before control published them, the org trunks this source may belong to are unknown.
      if (!(await directory.statePublished())) {
        this.refuseUnpublished(transaction, localTag);
        return null;
      }
      this.deps.log.info({ source: peer.address }, "INVITE from untrusted source");
      transaction.reply(403, { toTag: localTag, headers: [reasonHeader(403, "Untrusted source")] });
      return null;
    }
    const authorization = request.headers.get("authorization");
    if (!authorization) {
      transaction.reply(401, {
        toTag: localTag,
        headers: digest.challenges().map((challenge): [string, string] => ["WWW-Authenticate", challenge]),
      });
      return null;
    }
    const verdict = digest.verify(authorization, request.method, (username, algorithm) => {
      const trunk = directory.trunkForUsername(username);
      return trunk ? trunkHa1(trunk, algorithm) : null;
    });
    if (verdict.stale) {
      transaction.reply(401, {
        toTag: localTag,
        headers: digest
          .challenges(true)
          .map((challenge): [string, string] => ["WWW-Authenticate", challenge]),
      });
      return null;
    }
    const trunk = verdict.ok && verdict.username ? directory.trunkForUsername(verdict.username) : null;
    if (!trunk) {
      this.deps.log.info({ source: peer.address }, "INVITE digest authentication failed");
      transaction.reply(403, { toTag: localTag, headers: [reasonHeader(403, "Authentication failed")] });
      return null;
    }
    return trunk;
  }

  /** 302 to the number's forwarding target (the trunk places the forwarded leg). */
  private redirect(transaction: ServerTransaction, localTag: string, target: string): void {
    const e164 = normalizeE164(target);
    const contact = /^sips?:/i.test(target) ? `<${target}>` : `<tel:${e164 ?? target}>`;
    transaction.reply(302, {
      toTag: localTag,
      headers: [["Contact", contact], reasonHeader(302, "Forwarded")],
    });
  }
}

function forwardTarget(route: NumberRoute, mode: "always" | "no_agent" | "no_credits"): string | null {
  const forwarding = route.forwarding;
  if (!forwarding?.forward_to) return null;
  if (forwarding.mode === mode) return forwarding.forward_to;
  // A number forwarding on `no_credits` also forwards when it has no agent to reach.
  if (mode === "no_agent" && forwarding.mode === "no_credits") return forwarding.forward_to;
  return null;
}
