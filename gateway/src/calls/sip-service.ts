// The gateway's SIP side: transport + transactions, the front-door gate (scanners, flood
// bans, trusted sources) and the dispatch of requests to the inbound flow and to calls.
import { randomBytes } from "node:crypto";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import { socketHost } from "@switchboard/shared/sip/uri";
import type { MediaApplication } from "../call-core/application.ts";
import { CallEventWriter } from "../call-core/call-events.ts";
import { CallLeases } from "../call-core/call-leases.ts";
import { recordingPublisher } from "../call-core/recording-upload.ts";
import { DRAIN_RETRY_AFTER_S, type DrainableCalls } from "../drain.ts";
import { MediaClock } from "../media/clock.ts";
import { dialogId, headerTag, newTag } from "../sip/dialog.ts";
import { DigestServer } from "../sip/digest.ts";
import type { SipRequest } from "../sip/message.ts";
import { FloodGuard, isScannerUserAgent } from "../sip/security.ts";
import { SipStack } from "../sip/stack.ts";
import type { ServerTransaction, SipTimers } from "../sip/transaction.ts";
import { type SipPeer, SipTransport } from "../sip/transport.ts";
import type { LegDialer } from "../warm-transfer/call-leg.ts";
import { ALLOW, type CallDeps, reasonHeader } from "./deps.ts";
import { CallDirectory } from "./directory.ts";
import { InboundCalls } from "./inbound.ts";
import { OutboundCalls } from "./outbound.ts";
import { CallRegistry } from "./registry.ts";
import type { SipCall } from "./sip-call.ts";
import { SmsOutcomes } from "./sms-outcomes.ts";
import { type LegParent, type SipTransferLeg, sipLegDialer } from "./transfer-leg.ts";
import { defaultTrunk } from "./trunk.ts";

interface SipServiceOptions {
  config: Config;
  log: Logger;
  bus: Bus;
  application: MediaApplication;
  gatewayId: string;
  clock?: MediaClock;
  timers?: SipTimers;
  /** Null disables recording. */
  recordingsDir?: string | null;
  /** Shared with the gateway's web calls; default: the SIP side's own. */
  leases?: CallLeases;
}

/** Methods answered 405 outside a dialog (we are a UA for calls, not a registrar or presence server). */
const NOT_ALLOWED_OUTSIDE_DIALOG = new Set([
  "REGISTER",
  "SUBSCRIBE",
  "PUBLISH",
  "MESSAGE",
  "REFER",
  "INFO",
  "NOTIFY",
  "UPDATE",
  "PRACK",
]);

export class SipService implements DrainableCalls {
  private readonly floodGuard: FloodGuard;
  private draining = false;

  private constructor(
    private readonly deps: CallDeps,
    private readonly inbound: InboundCalls,
    readonly outbound: OutboundCalls,
  ) {
    const { config } = deps;
    this.floodGuard = new FloodGuard({
      maxRequests: config.sipFloodMaxRequests,
      windowMs: config.sipFloodWindowMs,
      banMs: config.sipFloodBanMs,
    });
    deps.stack.setGate((request, peer) => this.admit(request, peer));
    deps.stack.onRequest((request, transaction, peer) => this.dispatch(request, transaction, peer));
    deps.stack.onStrayResponse((response, peer) => this.outbound.handleStrayResponse(response, peer));
  }

  static async start(options: SipServiceOptions): Promise<SipService> {
    const { config, log, bus } = options;
    const transport = await SipTransport.start({
      bindAddress: config.sipBindAddress,
      port: config.sipPort,
      log,
    });
    const stack = new SipStack(transport, log, options.timers);
    const directory = new CallDirectory(bus, log, defaultTrunk(config));
    await directory.start();
    const smsOutcomes = new SmsOutcomes(bus);
    await smsOutcomes.start();
    const advertised = config.publicIp ?? localAddress(config.sipBindAddress);
    const deps: CallDeps = {
      config,
      log,
      stack,
      directory,
      events: new CallEventWriter(bus, options.gatewayId, log, "sip"),
      smsOutcomes,
      registry: new CallRegistry<SipCall>(),
      legs: new CallRegistry<SipTransferLeg>(),
      leases: options.leases ?? new CallLeases({ bus, gatewayId: options.gatewayId, config, log }),
      digest: new DigestServer(randomBytes(32), config.sipDigestRealm, 300_000, config.sipDigestAlgorithms),
      clock: options.clock ?? new MediaClock(),
      application: options.application,
      local: { host: advertised.includes(":") ? `[${advertised}]` : advertised, port: transport.port },
      mediaAddress: advertised,
      recordingsDir:
        options.recordingsDir === undefined ? join(config.dataDir, "recordings") : options.recordingsDir,
      publishRecording: recordingPublisher(config, log),
    };
    const outbound = new OutboundCalls(deps, bus, options.gatewayId);
    const service = new SipService(deps, new InboundCalls(deps), outbound);
    outbound.start();
    return service;
  }

  get port(): number {
    return this.deps.stack.transport.port;
  }

  /** The SIP address it advertises in Contact (the media address is its host). */
  get advertised(): { host: string; port: number } {
    return this.deps.local;
  }

  /** Places warm transfer legs for a call this service does not carry (a browser call). */
  legDialer(parent: LegParent): LegDialer {
    return sipLegDialer(this.deps, parent);
  }

  get activeCalls(): SipCall[] {
    return this.deps.registry.all();
  }

  get directory(): CallDirectory {
    return this.deps.directory;
  }

  /** Drops scanners and banned sources before any state is kept; trusted trunks are never counted. */
  private admit(request: SipRequest | null, peer: SipPeer): boolean {
    if (request && isScannerUserAgent(request.headers.get("user-agent"))) return false;
    const address = socketHost(peer.address);
    if (this.deps.directory.trunkForSource(address)) return true;
    if (this.floodGuard.hit(address)) {
      this.deps.log.debug({ source: address }, "sip source banned");
      return false;
    }
    return true;
  }

  private dispatch(request: SipRequest, transaction: ServerTransaction | null, peer: SipPeer): void {
    const toTag = headerTag(request.headers.get("to"));
    const callIdHeader = request.headers.get("call-id") ?? "";
    if (request.method === "ACK") {
      if (toTag) this.dialogOf(dialogId(callIdHeader, toTag))?.handleAck(request);
      return;
    }
    if (!transaction) return;
    if (request.method === "CANCEL") {
      this.inbound.handleCancel(request, transaction, peer);
      return;
    }
    if (toTag) {
      const call = this.dialogOf(dialogId(callIdHeader, toTag));
      if (call) call.handleRequest(request, transaction);
      else transaction.reply(481);
      return;
    }
    if (this.draining && (request.method === "INVITE" || request.method === "OPTIONS")) {
      this.refuseWhileDraining(request, transaction);
      return;
    }
    switch (request.method) {
      case "INVITE":
        this.inbound.handleInvite(request, transaction, peer).catch((error) => {
          this.deps.log.error({ err: error }, "inbound INVITE failed");
          transaction.reply(500);
        });
        return;
      case "OPTIONS":
        transaction.reply(200, {
          toTag: undefined,
          headers: [
            ["Allow", ALLOW],
            ["Accept", "application/sdp"],
          ],
        });
        return;
      case "BYE":
        transaction.reply(481);
        return;
      default:
        if (NOT_ALLOWED_OUTSIDE_DIALOG.has(request.method))
          transaction.reply(405, { headers: [["Allow", ALLOW]] });
        else transaction.reply(501);
    }
  }

  /** A call's dialog, or a warm transfer leg's. */
  private dialogOf(key: string): SipCall | SipTransferLeg | null {
    return this.deps.registry.get(key) ?? this.deps.legs.get(key);
  }

  /**
   * New INVITEs and out-of-dialog OPTIONS (a load balancer's health probe, e.g. Kamailio's
   * dispatcher) get 503 with Retry-After (RFC 3261 §21.5.4); no dispatch commands are taken.
   */
  async stopTakingCalls(): Promise<void> {
    this.draining = true;
    await this.outbound.stopTakingCalls();
  }

  get callsInProgress(): number {
    return this.deps.registry.size + this.deps.registry.ending + this.outbound.ringingCount;
  }

  sayGoodbyeToAll(text: string, cause: string): void {
    for (const call of this.deps.registry.all()) call.callEnd.goodbye(text, cause);
  }

  private refuseWhileDraining(request: SipRequest, transaction: ServerTransaction): void {
    if (request.method === "INVITE") this.deps.log.info({ status: 503 }, "inbound call refused: draining");
    transaction.reply(503, {
      toTag: newTag(),
      headers: [reasonHeader(503, "Gateway draining"), ["Retry-After", String(DRAIN_RETRY_AFTER_S)]],
    });
  }

  async stop(): Promise<void> {
    await this.outbound.stop();
    await Promise.all(
      this.deps.registry.all().map((call) => call.hangup("gateway_shutdown").catch(() => {})),
    );
    await this.deps.directory.stop();
    await this.deps.smsOutcomes.stop();
    await this.deps.stack.close();
  }
}

function localAddress(bindAddress: string): string {
  if (bindAddress !== "0.0.0.0" && bindAddress !== "::") return bindAddress;
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? [])
      if (address.family === "IPv4" && !address.internal) return address.address;
  }
  return "127.0.0.1";
}
