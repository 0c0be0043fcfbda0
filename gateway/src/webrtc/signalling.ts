// WHIP-style signalling for browser calls (RFC 9725 shapes) on the gateway's HTTP server:
//   POST   /webrtc/calls        Authorization: Bearer <call token>, body: SDP offer
//          -> 201, body: SDP answer, Location: /webrtc/calls/{call_id}
//   DELETE /webrtc/calls/{id}   Authorization: Bearer <the same token> -> 200, the call ends
// CORS is open: the bearer token, not the page's origin, authorizes; a token minted for a
// widget key is bound to its origin, which must match the request's Origin header.
import { timingSafeEqual } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Agent } from "@switchboard/shared/agent";
import type { Bus } from "@switchboard/shared/bus/contract";
import { PublishedState, STATE_NOT_PUBLISHED, STATE_RETRY_AFTER_S } from "@switchboard/shared/bus/state";
import { Hashes } from "@switchboard/shared/bus/topics";
import type { Config } from "@switchboard/shared/config";
import { ApiError, problemResponse } from "@switchboard/shared/errors";
import type { Logger } from "@switchboard/shared/logger";
import { publishedRates } from "@switchboard/shared/rates";
import {
  CallTokenError,
  claimCallStart,
  verifyCallToken,
  type WebCallClaims,
} from "@switchboard/shared/secrets/call-token";
import { iceLinkHeaders, iceServersFromConfig } from "@switchboard/shared/webrtc/ice";
import type { MediaApplication } from "../call-core/application.ts";
import type { BrowserCallDeps } from "../call-core/browser-call.ts";
import { CallEventWriter } from "../call-core/call-events.ts";
import { type CallLease, CallLeases } from "../call-core/call-leases.ts";
import { centsPerMinuteFor, durationCap } from "../call-core/duration-cap.ts";
import { type RecordingPublisher, recordingPublisher } from "../call-core/recording-upload.ts";
import { DRAIN_RETRY_AFTER_S, type DrainableCalls } from "../drain.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import type { MediaClock } from "../media/clock.ts";
import { WavRecorder } from "../media/wav-recorder.ts";
import { WebRtcCallAudio } from "./call-audio.ts";
import { codecForMimeType } from "./codecs.ts";
import { PeerError, WebRtcPeer } from "./peer.ts";
import { WebCall } from "./web-call.ts";

const WEBRTC_CALLS_PATH = "/webrtc/calls";
const MAX_OFFER_BYTES = 64 * 1024;

const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-expose-headers": "location, link",
  "access-control-max-age": "600",
};

interface WebRtcServiceOptions {
  config: Config;
  log: Logger;
  bus: Bus;
  clock: MediaClock;
  application: MediaApplication;
  gatewayId: string;
  /** Extra ICE host addresses (loopback for tests on one machine). */
  hostAddresses?: string[];
  /** Null disables recording; default DATA_DIR/recordings. */
  recordingsDir?: string | null;
  connectTimeoutMs?: number;
  /** Shared with the gateway's SIP calls; default: the web side's own. */
  leases?: CallLeases;
  /** Warm transfer's second leg through the gateway's SIP side. */
  legDialer?: BrowserCallDeps["legDialer"];
}

interface ActiveCall {
  call: WebCall;
  token: string;
}

export class WebRtcService implements DrainableCalls {
  private readonly calls = new Map<string, ActiveCall>();
  /** Made on the first agent miss. */
  private state: PublishedState | null = null;
  private draining = false;
  private readonly leases: CallLeases;
  private readonly recordingsDir: string | null;
  private readonly publishRecording: RecordingPublisher;
  private readonly events: CallEventWriter;

  constructor(private readonly options: WebRtcServiceOptions) {
    this.leases =
      options.leases ??
      new CallLeases({
        bus: options.bus,
        gatewayId: options.gatewayId,
        config: options.config,
        log: options.log,
      });
    this.publishRecording = recordingPublisher(options.config, options.log);
    this.events = new CallEventWriter(options.bus, options.gatewayId, options.log, "webrtc");
    this.recordingsDir =
      options.recordingsDir === undefined
        ? join(options.config.dataDir, "recordings")
        : options.recordingsDir;
  }

  /** The response for a signalling request, or null when the path is not ours. */
  async handle(request: Request): Promise<Response | null> {
    const { pathname } = new URL(request.url);
    if (pathname !== WEBRTC_CALLS_PATH && !pathname.startsWith(`${WEBRTC_CALLS_PATH}/`)) return null;
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
    try {
      if (pathname === WEBRTC_CALLS_PATH) {
        if (request.method !== "POST") throw methodNotAllowed("POST");
        if (this.draining) throw drainingError();
        return await this.createCall(request);
      }
      const callId = decodeURIComponent(pathname.slice(WEBRTC_CALLS_PATH.length + 1));
      if (request.method !== "DELETE") throw methodNotAllowed("DELETE");
      return await this.deleteCall(callId, request);
    } catch (error) {
      if (error instanceof ApiError) return problemResponse(error, CORS_HEADERS);
      this.options.log.error({ err: error }, "webrtc signalling failed");
      return problemResponse(
        new ApiError(500, "internal_error", "The call could not be set up."),
        CORS_HEADERS,
      );
    }
  }

  /** Drain: new calls are refused with 503 and Retry-After; calls in progress go on. */
  async stopTakingCalls(): Promise<void> {
    this.draining = true;
  }

  get callsInProgress(): number {
    return this.calls.size;
  }

  sayGoodbyeToAll(text: string, cause: string): void {
    for (const { call } of this.calls.values()) call.callEnd.goodbye(text, cause);
  }

  /** Ends every call (gateway shutdown). */
  async stop(): Promise<void> {
    await Promise.all([...this.calls.values()].map(({ call }) => call.end("completed", "gateway_shutdown")));
  }

  private async createCall(request: Request): Promise<Response> {
    const token = bearerToken(request);
    const claims = await this.verify(token);
    const origin = request.headers.get("origin");
    if (claims.origin !== null && origin !== claims.origin) {
      throw new ApiError(403, "origin_not_allowed", "This call token was issued for another origin.");
    }
    const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/sdp") {
      throw new ApiError(415, "unsupported_media_type", "The offer must be sent as application/sdp.");
    }
    const offer = await request.text();
    if (offer.length === 0 || offer.length > MAX_OFFER_BYTES || !offer.startsWith("v=0")) {
      throw new ApiError(400, "invalid_sdp", "The body is not an SDP offer.");
    }
    const agent = await this.agentFor(claims);
    const admission = await this.leases.acquire(claims.orgId, claims.callId);
    if (!admission.ok) {
      throw new ApiError(
        503,
        "too_many_calls",
        admission.refusal === "org_cap"
          ? "The organization is at its concurrent call limit."
          : "This gateway is at its call limit for the organization.",
        undefined,
        {
          "retry-after": "10",
        },
      );
    }
    try {
      return await this.answer(token, claims, offer, agent, admission.lease);
    } catch (error) {
      await admission.lease.release();
      throw error;
    }
  }

  /** The call once it has its place in the org's cap; a refusal from here frees the place. */
  private async answer(
    token: string,
    claims: WebCallClaims,
    offer: string,
    agent: Agent,
    lease: CallLease,
  ): Promise<Response> {
    const { config, bus } = this.options;
    const balance = await bus.hashGet(Hashes.creditBalances, claims.orgId);
    if (balance !== null && Number(balance) <= 0) {
      throw new ApiError(402, "insufficient_credits", "The organization does not have enough credits.");
    }
    // One token, one call, across every gateway: the first use claims it for its lifetime.
    if (!(await claimCallStart(bus, claims.callId, claims.expiresAt)) || this.calls.has(claims.callId)) {
      throw new ApiError(409, "token_used", "This call token has already started a call.");
    }

    let peer: WebRtcPeer;
    try {
      peer = await WebRtcPeer.answer(offer, {
        iceServers: iceServersFromConfig(config),
        additionalHostAddresses: this.options.hostAddresses,
      });
    } catch (error) {
      const reason = error instanceof PeerError ? error.message : "the offer could not be answered";
      throw new ApiError(400, "invalid_sdp", `The offer was refused: ${reason}.`);
    }
    const codec = codecForMimeType(peer.codecMimeType);
    if (codec === null) {
      await peer.close();
      throw new ApiError(400, "incompatible_media", "No common audio codec (opus or PCMU).");
    }
    let recorder: WavRecorder | null = null;
    if (this.recordingsDir !== null) {
      try {
        await mkdir(this.recordingsDir, { recursive: true });
        recorder = await WavRecorder.create(
          join(this.recordingsDir, `${claims.callId}.wav`),
          INTERNAL_SAMPLE_RATE_HZ,
        );
      } catch (error) {
        codec.destroy();
        await peer.close();
        throw error;
      }
    }
    const audio = new WebRtcCallAudio(
      codec,
      this.options.clock,
      (payload, timestamp, sequenceNumber, marker) =>
        peer.sendPayload(payload, timestamp, sequenceNumber, marker),
      recorder,
    );
    const call = new WebCall(
      {
        events: this.events,
        log: this.options.log,
        application: this.options.application,
        connectTimeoutMs: this.options.connectTimeoutMs ?? 30_000,
        publishRecording: this.publishRecording,
        legDialer: this.options.legDialer,
      },
      {
        callId: claims.callId,
        orgId: claims.orgId,
        agent,
        metadata: claims.metadata,
        peer,
        audio,
        durationCap: durationCap(
          agent.max_duration_s,
          balance === null ? null : Number(balance),
          centsPerMinuteFor(publishedRates(config, await bus.hashGet(Hashes.orgRates, claims.orgId)), "web"),
        ),
      },
    );
    this.calls.set(call.callId, { call, token });
    call.onEnded(() => {
      this.calls.delete(call.callId);
      lease.release().catch(() => {});
    });
    this.options.log.info(
      { call_id: call.callId, agent_id: agent.id, codec: codec.name },
      "web call offered",
    );

    const headers = new Headers(CORS_HEADERS);
    headers.set("content-type", "application/sdp");
    headers.set("location", `${WEBRTC_CALLS_PATH}/${encodeURIComponent(call.callId)}`);
    for (const link of iceLinkHeaders(iceServersFromConfig(config))) headers.append("link", link);
    return new Response(peer.answerSdp, { status: 201, headers });
  }

  private async deleteCall(callId: string, request: Request): Promise<Response> {
    const token = bearerToken(request);
    const active = this.calls.get(callId);
    if (!active || !sameSecret(active.token, token)) throw new ApiError(404, "not_found", "Call not found.");
    await active.call.end("completed", "caller_hangup");
    return new Response(null, { status: 200, headers: CORS_HEADERS });
  }

  private async verify(token: string): Promise<WebCallClaims> {
    try {
      return await verifyCallToken(this.options.config, token);
    } catch (error) {
      if (error instanceof CallTokenError) throw new ApiError(401, error.code, error.message);
      throw error;
    }
  }

  private async agentFor(claims: WebCallClaims): Promise<Agent> {
    const json = await this.options.bus.hashGet(Hashes.agentSnapshots, claims.agentId);
    let agent: Agent | null = null;
    try {
      agent = json === null ? null : (JSON.parse(json) as Agent);
    } catch {
      agent = null;
    }
    if (agent === null) {
      // Read on a miss only: before control published its state, the agent is not known yet.
      this.state ??= new PublishedState(this.options.bus);
      if (!(await this.state.published())) throw stateNotPublishedError();
    }
    if (agent === null || (agent.org_id !== undefined && agent.org_id !== claims.orgId)) {
      throw new ApiError(404, "not_found", "Agent not found.");
    }
    if (agent.is_active === false) throw new ApiError(409, "agent_inactive", "The agent is not active.");
    return agent;
  }
}

function bearerToken(request: Request): string {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match)
    throw new ApiError(401, "missing_token", "Send the call token as Authorization: Bearer <token>.");
  return match[1]!;
}

function stateNotPublishedError(): ApiError {
  return new ApiError(
    503,
    "state_not_published",
    `${STATE_NOT_PUBLISHED}; start the call again.`,
    undefined,
    { "retry-after": String(STATE_RETRY_AFTER_S) },
  );
}

function sameSecret(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

function drainingError(): ApiError {
  return new ApiError(
    503,
    "gateway_draining",
    "This gateway is shutting down; start the call again.",
    undefined,
    { "retry-after": String(DRAIN_RETRY_AFTER_S) },
  );
}

function methodNotAllowed(allow: string): ApiError {
  return new ApiError(405, "method_not_allowed", `Use ${allow} here.`, undefined, {
    allow: `${allow}, OPTIONS`,
  });
}
