// One browser call over a WHIP peer, from answered offer to hang-up. What every browser call
// shares (events, the application, the end) is in call-core/browser-call.ts; this adds the
// peer: its states, the page's data channel messages and the connect timeout.
import type { Agent } from "@switchboard/shared/agent";
import { BrowserCall, type BrowserCallDeps, type PageMessage } from "../call-core/browser-call.ts";
import type { DurationCap } from "../call-core/duration-cap.ts";
import type { RecordingInfo } from "../media/wav-recorder.ts";
import type { WebRtcCallAudio } from "./call-audio.ts";
import type { WebRtcPeer } from "./peer.ts";

interface WebCallInit {
  callId: string;
  orgId: string;
  agent: Agent;
  metadata: Record<string, unknown>;
  peer: WebRtcPeer;
  audio: WebRtcCallAudio;
  /** The agent's maximum and what the balance pays for (call-core/duration-cap.ts). */
  durationCap: DurationCap;
}

interface WebCallDeps extends BrowserCallDeps {
  /** A call whose ICE/DTLS has not completed by then fails. */
  connectTimeoutMs: number;
}

export class WebCall extends BrowserCall {
  state: "connecting" | "answered" | "ended" = "connecting";
  private connectTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    deps: WebCallDeps,
    readonly init: WebCallInit,
  ) {
    super(deps, init, {
      transport: "web",
      transferRefusal: "browser calls cannot be transferred",
      reportsUnansweredEnd: true,
    });
    init.peer.onPayload((payload) => init.audio.receivePayload(payload));
    init.peer.onState((state) => {
      if (state === "connected") this.answered().catch(() => {});
      else if (state === "failed") this.end(this.state === "answered" ? "completed" : "failed", "ice_failed");
      else if (state === "closed")
        this.end(this.state === "answered" ? "completed" : "canceled", "caller_hangup");
    });
    init.peer.onMessage((text) => this.handlePageMessage(text));
    this.connectTimer = setTimeout(() => {
      if (this.state === "connecting") this.end("failed", "ice_timeout");
    }, deps.connectTimeoutMs);
  }

  private async answered(): Promise<void> {
    if (this.state !== "connecting") return;
    this.state = "answered";
    if (this.connectTimer) clearTimeout(this.connectTimer);
    const { init } = this;
    await this.writeStarted(init.audio.codec.name);
    try {
      await this.startApplication(init.audio, init.metadata, init.durationCap);
    } catch (error) {
      this.log.error({ err: error, call_id: this.callId }, "media application failed to start");
      await this.end("failed", "application_error");
    }
  }

  private handlePageMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message === null || typeof message !== "object") return;
    const { type, digit } = message as { type?: unknown; digit?: unknown };
    if (type === "hangup") this.end("completed", "caller_hangup").catch(() => {});
    else if (type === "dtmf" && typeof digit === "string") this.init.audio.receiveDtmf(digit);
  }

  protected markEnded(): void {
    this.state = "ended";
    if (this.connectTimer) clearTimeout(this.connectTimer);
  }

  protected sendToPage(message: PageMessage): void {
    this.init.peer.sendMessage(message);
  }

  protected async closeMedia(): Promise<RecordingInfo | null> {
    const recording = await this.init.audio.close().catch(() => null);
    // Let the call.ended message leave before the SCTP association goes.
    await Bun.sleep(50);
    await this.init.peer.close();
    return recording;
  }
}
