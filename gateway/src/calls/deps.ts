// What the inbound and outbound call flows share.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import type { MediaApplication } from "../call-core/application.ts";
import type { CallEventWriter } from "../call-core/call-events.ts";
import type { CallLeases } from "../call-core/call-leases.ts";
import type { RecordingPublisher } from "../call-core/recording-upload.ts";
import type { MediaClock } from "../media/clock.ts";
import { RtpSession } from "../rtp/session.ts";
import type { MediaSelection } from "../sdp/offer-answer.ts";
import type { LocalAddress } from "../sip/dialog.ts";
import type { DigestServer } from "../sip/digest.ts";
import type { SipStack } from "../sip/stack.ts";
import type { CallDirectory } from "./directory.ts";
import type { CallRegistry } from "./registry.ts";
import type { SipCall } from "./sip-call.ts";
import type { SmsOutcomes } from "./sms-outcomes.ts";
import type { SipTransferLeg } from "./transfer-leg.ts";

export interface CallDeps {
  config: Config;
  log: Logger;
  stack: SipStack;
  directory: CallDirectory;
  events: CallEventWriter;
  /** Control's answers to the calls' send_sms requests. */
  smsOutcomes: SmsOutcomes;
  registry: CallRegistry<SipCall>;
  /** Warm transfers' second legs, for their in-dialog requests. */
  legs: CallRegistry<SipTransferLeg>;
  /** Places in the orgs' platform-wide concurrent-call caps. */
  leases: CallLeases;
  digest: DigestServer;
  clock: MediaClock;
  application: MediaApplication;
  /** Via and Contact address of this gateway. */
  local: LocalAddress;
  /** Address put in SDP (PUBLIC_IP or the local address). */
  mediaAddress: string;
  recordingsDir: string | null;
  /** Moves a finished recording to its final home (S3 when configured); returns its location. */
  publishRecording: RecordingPublisher;
}

export const ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY, REFER";

export async function openMedia(
  deps: CallDeps,
  callId: string,
  selection: Pick<MediaSelection, "codec" | "payloadType" | "telephoneEventPayloadType" | "remote">,
): Promise<RtpSession> {
  let recordPath: string | null = null;
  if (deps.recordingsDir !== null) {
    await mkdir(deps.recordingsDir, { recursive: true });
    recordPath = join(deps.recordingsDir, `${callId}.wav`);
  }
  return RtpSession.open({
    bindAddress: deps.config.sipBindAddress,
    portMin: deps.config.rtpPortMin,
    portMax: deps.config.rtpPortMax,
    codec: selection.codec,
    payloadType: selection.payloadType,
    telephoneEventPayloadType: selection.telephoneEventPayloadType,
    remote: selection.remote,
    recordPath,
    mediaTimeoutMs: deps.config.sipMediaTimeoutMs,
    clock: deps.clock,
  });
}

/** RFC 3326 Reason header text for a refusal. */
export function reasonHeader(status: number, text: string): [string, string] {
  return ["Reason", `SIP ;cause=${status} ;text="${text.replace(/"/g, "'")}"`];
}

/** RFC 3261 §20.43 Warning header (code 399: miscellaneous; 305: incompatible media). */
export function warningHeader(code: number, host: string, text: string): [string, string] {
  return ["Warning", `${code} ${host} "${text.replace(/"/g, "'")}"`];
}
