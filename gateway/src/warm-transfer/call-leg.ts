// The second leg of a warm transfer: a call the gateway places to the person taking over, while
// the caller's call stays up. Whatever carries the caller's call, the leg is a SIP call.
import type { CallAudio } from "../media/call-audio.ts";

export interface CallLeg {
  /** The destination's audio; its DTMF digits arrive through `onDtmf` (RFC 4733 or SIP INFO). */
  readonly audio: CallAudio;
  /** The destination hung up (BYE), or the media timed out. */
  onEnded(handler: (cause: string) => void): void;
  readonly ended: boolean;
  /** Hangs up the leg (BYE); resolves once its media is closed. Idempotent. */
  hangup(cause: string): Promise<void>;
}

export type DialLegResult =
  | { ok: true; leg: CallLeg }
  | {
      ok: false;
      /** The final SIP status of the INVITE, when one came. */
      status: number | null;
      reason: string;
      outcome: "busy" | "no_answer" | "failed";
    };

export interface DialLegOptions {
  /** Headers for the INVITE (checked like every header the gateway sends). */
  sipHeaders?: Record<string, string>;
  /** How long the destination may ring; then CANCEL and `no_answer`. */
  ringTimeoutMs: number;
  /** Aborted: the INVITE is cancelled (or the answered leg hung up). */
  signal: AbortSignal;
}

/** Places a leg: an E.164 number through the org's outbound trunk, or a SIP URI directly. */
export type LegDialer = (destination: string, options: DialLegOptions) => Promise<DialLegResult>;
