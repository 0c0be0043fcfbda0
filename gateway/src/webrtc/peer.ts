// One browser call's werift peer connection, answering a WHIP-style offer (RFC 9725): the
// answer is returned whole with the gathered candidates, since WHIP clients need not trickle.
import {
  type RTCDataChannel,
  type RTCIceServer,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCRtpTransceiver,
  RtpHeader,
  RtpPacket,
} from "werift";
import { guardWeriftUdpSockets } from "./udp-socket-errors.ts";

guardWeriftUdpSockets();

interface PeerOptions {
  iceServers: RTCIceServer[];
  /** Extra host addresses to gather on (loopback in tests, which werift skips by default). */
  additionalHostAddresses?: string[];
  /** ICE UDP ports (RTP_PORT_MIN..RTP_PORT_MAX); undefined: any. */
  portRange?: [number, number];
  /** Longest wait for candidate gathering (STUN/TURN) before answering with what there is. */
  gatherTimeoutMs?: number;
}

type PeerState = "connecting" | "connected" | "failed" | "closed";

/** RFC 7587: opus is always signalled as 48000/2; PCMU keeps its static type 0. */
function supportedCodecs(): RTCRtpCodecParameters[] {
  return [
    new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: 48_000, channels: 2, payloadType: 111 }),
    new RTCRtpCodecParameters({ mimeType: "audio/PCMU", clockRate: 8000, channels: 1, payloadType: 0 }),
  ];
}

export class PeerError extends Error {}

interface PayloadRelay {
  handler: ((payload: Uint8Array) => void) | null;
}

export class WebRtcPeer {
  private channel: RTCDataChannel | null = null;
  private readonly pendingMessages: string[] = [];
  private readonly messageHandlers: ((message: string) => void)[] = [];
  private readonly stateHandlers: ((state: PeerState) => void)[] = [];
  private payloadHandler: ((payload: Uint8Array) => void) | null = null;
  private closed = false;

  private constructor(
    private readonly pc: RTCPeerConnection,
    private readonly transceiver: RTCRtpTransceiver,
    readonly codecMimeType: string,
    readonly answerSdp: string,
    relay: PayloadRelay,
  ) {
    relay.handler = (payload) => this.payloadHandler?.(payload);
    pc.onDataChannel.subscribe((channel) => this.attachChannel(channel));
    pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") this.emitState("connected");
      else if (state === "failed") this.emitState("failed");
      else if (state === "closed") this.emitState("closed");
    });
  }

  /** Answers an offer that has one audio m-line (and optionally a data channel). */
  static async answer(offerSdp: string, options: PeerOptions): Promise<WebRtcPeer> {
    const pc = new RTCPeerConnection({
      codecs: { audio: supportedCodecs() },
      iceServers: options.iceServers,
      iceAdditionalHostAddresses: options.additionalHostAddresses,
      icePortRange: options.portRange,
      iceUseIpv6: false,
    });
    // The remote track is announced during setRemoteDescription: listen before it.
    const relay: PayloadRelay = { handler: null };
    pc.onTrack.subscribe((track) => {
      if (track.kind === "audio") track.onReceiveRtp.subscribe((packet) => relay.handler?.(packet.payload));
    });
    try {
      await pc.setRemoteDescription({ type: "offer", sdp: offerSdp });
      const transceiver = pc.getTransceivers().find((candidate) => candidate.kind === "audio");
      if (!transceiver) throw new PeerError("the offer has no audio m-line");
      transceiver.setDirection("sendrecv");
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await waitForGathering(pc, options.gatherTimeoutMs ?? 5000);
      const codec = transceiver.sender.codec;
      if (!codec) throw new PeerError("no common audio codec (opus or PCMU)");
      const sdp = pc.localDescription?.sdp;
      if (!sdp) throw new PeerError("no local description");
      return new WebRtcPeer(pc, transceiver, codec.mimeType, sdp, relay);
    } catch (error) {
      await pc.close().catch(() => {});
      if (error instanceof PeerError) throw error;
      throw new PeerError(error instanceof Error ? error.message : String(error));
    }
  }

  get connectionState(): string {
    return this.pc.connectionState;
  }

  onPayload(handler: (payload: Uint8Array) => void): void {
    this.payloadHandler = handler;
  }

  onMessage(handler: (message: string) => void): void {
    this.messageHandlers.push(handler);
  }

  onState(handler: (state: PeerState) => void): void {
    this.stateHandlers.push(handler);
  }

  sendPayload(payload: Uint8Array, timestamp: number, sequenceNumber: number, marker: boolean): void {
    if (this.closed || this.pc.connectionState !== "connected") return;
    const header = new RtpHeader({ timestamp, sequenceNumber, marker });
    const packet = new RtpPacket(header, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
    this.transceiver.sender.sendRtp(packet).catch(() => {});
  }

  /** Sends JSON on the data channel; queued until the page opens it. */
  sendMessage(message: unknown): void {
    if (this.closed) return;
    const text = JSON.stringify(message);
    const channel = this.channel;
    if (channel && channel.readyState === "open") {
      try {
        channel.send(text);
      } catch {}
    } else this.pendingMessages.push(text);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pc.close().catch(() => {});
    this.emitState("closed");
  }

  private attachChannel(channel: RTCDataChannel): void {
    this.channel = channel;
    const flush = () => {
      for (const text of this.pendingMessages.splice(0)) {
        try {
          channel.send(text);
        } catch {}
      }
    };
    if (channel.readyState === "open") flush();
    else channel.stateChanged.subscribe((state) => state === "open" && flush());
    channel.onMessage.subscribe((data) => {
      const text = typeof data === "string" ? data : data.toString("utf8");
      for (const handler of this.messageHandlers) handler(text);
    });
  }

  private emitState(state: PeerState): void {
    for (const handler of this.stateHandlers) handler(state);
  }
}

function waitForGathering(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const subscription = pc.iceGatheringStateChange.subscribe((state) => state === "complete" && done());
    function done() {
      clearTimeout(timer);
      subscription.unSubscribe();
      resolve();
    }
  });
}
