import { randomBytes } from "node:crypto";
import { INTERNAL_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { BaseCallAudio, type G711CallAudio } from "../media/call-audio.ts";
import type { ClockSubscriber } from "../media/clock.ts";
import { EarlyFrameRecording } from "../media/early-frame-recording.ts";
import { G711_SAMPLE_RATE_HZ, g711Encode, g711SilenceByte } from "../media/g711.ts";
import { PlayoutQueue } from "../media/playout-queue.ts";
import { Resampler } from "../media/resampler.ts";
import { type RecordingInfo, WavRecorder } from "../media/wav-recorder.ts";
import { trackRtpSession } from "../metrics/rtp.ts";
import { DtmfOutbox } from "./dtmf-outbox.ts";
import { RTP_HEADER_BYTES, writeRtpHeader } from "./packet.ts";
import { CODEC_FRAME_SAMPLES, RtpReceiver } from "./receiver.ts";
import type { RtpEndpoint, RtpSessionOptions, RtpSessionStats } from "./session-options.ts";
import { TELEPHONE_EVENT_PAYLOAD_BYTES } from "./telephone-event.ts";
import { bindRtpSocket, type UdpSocket } from "./udp-port.ts";

export type { RecordingInfo } from "../media/wav-recorder.ts";
export type { RtpEndpoint, RtpSessionOptions, RtpSessionStats } from "./session-options.ts";

/** 16 kHz samples per 8 kHz sample: passthrough audio is counted in the gateway's samples. */
const WIDEBAND_PER_CODEC_SAMPLE = INTERNAL_SAMPLE_RATE_HZ / G711_SAMPLE_RATE_HZ;

/**
 * One call's RTP: one UDP socket, G.711 both ways converted to and from the gateway's
 * 16 kHz PCM, paced by the shared MediaClock. Frames passed to onFrame handlers are reused
 * on the next tick: copy them to keep them.
 */
export class RtpSession extends BaseCallAudio implements ClockSubscriber {
  readonly localPort: number;
  private remoteEndpoint: RtpEndpoint | null;
  /** The address from the latest SDP, which may differ from the latched source behind NAT. */
  private signalledRemote: RtpEndpoint | null;
  private learningUntilMs: number;
  private latched = false;
  private onHold = false;
  private closed = false;
  private closing: Promise<RecordingInfo | null> | null = null;
  private mediaTimedOut = false;
  private lastReceiveMs: number;
  private readonly unsubscribe: () => void;
  /** Hands the session's packet counts to /metrics at scrape time; called once on close. */
  private readonly untrackMetrics = trackRtpSession(() => this.stats());

  private readonly timeoutHandlers: (() => void)[] = [];

  private readonly receiver: RtpReceiver;
  private readonly downsampler = new Resampler(
    INTERNAL_SAMPLE_RATE_HZ,
    G711_SAMPLE_RATE_HZ,
    SAMPLES_PER_FRAME,
  );
  private readonly dtmfOutbox: DtmfOutbox;

  private readonly agentFrame = new Int16Array(SAMPLES_PER_FRAME);
  private readonly agentPcm8k = new Int16Array(CODEC_FRAME_SAMPLES);
  private readonly audioPacket = new Uint8Array(RTP_HEADER_BYTES + CODEC_FRAME_SAMPLES);
  private readonly eventPacket = new Uint8Array(RTP_HEADER_BYTES + TELEPHONE_EVENT_PAYLOAD_BYTES);
  private readonly silenceByte: number;

  private readonly ssrc: number;
  private sequenceNumber: number;
  private timestamp: number;
  private talking = false;
  private firstPacketSent = false;
  /**
   * A talkspurt's first packet leaves as soon as its audio is queued instead of at the next
   * clock step, and the stream runs one packet early until the talkspurt ends; then one
   * comfort-silence step is skipped to fall back in line. Running early never makes a packet
   * late for the receiver, whose playout is anchored at the early first packet.
   */
  private aheadOfClock = false;
  private readonly earlyRecording = new EarlyFrameRecording(SAMPLES_PER_FRAME);
  /** Agent audio queued at 8 kHz through `g711` (no resampling), played after `playout`'s. */
  private readonly codecPlayout = new PlayoutQueue(G711_SAMPLE_RATE_HZ * 4);
  private readonly codecFrameHandlers: ((pcm8k: Int16Array, ageMs: number) => void)[] = [];
  /** Upsamples `codecPlayout` audio for the recording only; the wire gets it as it is. */
  private recordingUpsampler: Resampler | null = null;
  private g711Audio: G711CallAudio | null = null;

  private packetsSent = 0;
  private socketErrors = 0;

  private constructor(
    private readonly socket: UdpSocket,
    private readonly options: RtpSessionOptions,
    private readonly recorder: WavRecorder | null,
    private readonly mediaTimeoutMs: number,
    private readonly learningWindowMs: number,
  ) {
    super();
    this.localPort = socket.port;
    this.remoteEndpoint = options.remote;
    this.signalledRemote = options.remote;
    this.silenceByte = g711SilenceByte(options.codec);
    this.receiver = new RtpReceiver(options, {
      acceptSource: (address, port) => this.acceptSource(address, port),
      packetArrived: (nowMs) => {
        this.lastReceiveMs = nowMs;
        this.mediaTimedOut = false;
      },
      receiveDtmf: (digit) => this.receiveDtmf(digit),
    });
    this.dtmfOutbox = new DtmfOutbox(CODEC_FRAME_SAMPLES, G711_SAMPLE_RATE_HZ, options.dtmfToneMs ?? 100);
    const random = randomBytes(10);
    this.ssrc = random.readUInt32BE(0);
    this.sequenceNumber = random.readUInt16BE(4);
    this.timestamp = random.readUInt32BE(6);
    const nowMs = performance.now();
    this.lastReceiveMs = nowMs;
    this.learningUntilMs = nowMs + learningWindowMs;
    this.unsubscribe = options.clock.subscribe(this);
  }

  static async open(options: RtpSessionOptions): Promise<RtpSession> {
    let session: RtpSession | null = null;
    const socket = await bindRtpSocket(
      options.bindAddress,
      options.portMin,
      options.portMax,
      (data, port, address) => session?.receive(data, port, address),
      () => {
        if (session) session.socketErrors += 1;
      },
    );
    let recorder: WavRecorder | null = null;
    try {
      if (options.recordPath !== null)
        recorder = await WavRecorder.create(options.recordPath, INTERNAL_SAMPLE_RATE_HZ);
    } catch (error) {
      socket.close();
      throw error;
    }
    session = new RtpSession(
      socket,
      options,
      recorder,
      options.mediaTimeoutMs ?? 60_000,
      options.learningWindowMs ?? 3_000,
    );
    return session;
  }

  /** Where RTP is sent: the SDP address, or the latched source of the caller's packets. */
  get remote(): RtpEndpoint | null {
    return this.remoteEndpoint;
  }

  /** G.711 is the only codec here: 8 kHz. */
  readonly narrowband = true;

  /** A new SDP (re-INVITE): send there and reopen the learning window. */
  setRemote(address: string, port: number): void {
    const signalled = this.signalledRemote;
    // A re-INVITE repeating the same SDP address (hold, resume) keeps the latched source.
    if (this.latched && signalled !== null && signalled.address === address && signalled.port === port)
      return;
    this.signalledRemote = { address, port };
    this.remoteEndpoint = { address, port };
    this.latched = false;
    this.learningUntilMs = performance.now() + this.learningWindowMs;
  }

  /** On hold nothing is sent, queued audio waits and the media timeout is paused. */
  setHold(onHold: boolean): void {
    if (this.onHold === onHold) return;
    this.onHold = onHold;
    this.lastReceiveMs = performance.now();
    if (!onHold) this.talking = false;
  }

  get g711(): G711CallAudio {
    this.g711Audio ??= {
      codec: this.options.codec,
      onFrame: (handler) => {
        this.codecFrameHandlers.push(handler);
      },
      enqueue: (pcm8k) => {
        if (this.closed) return;
        this.codecPlayout.enqueue(pcm8k);
        if (!this.talking && !this.aheadOfClock && !this.onHold && !this.paused) this.sendTalkspurtStart();
      },
    };
    return this.g711Audio;
  }

  override get playedSamples(): number {
    return super.playedSamples + this.codecPlayout.playedSamples * WIDEBAND_PER_CODEC_SAMPLE;
  }

  override get queuedSamples(): number {
    return super.queuedSamples + this.codecPlayout.queuedSamples * WIDEBAND_PER_CODEC_SAMPLE;
  }

  override flush(): void {
    super.flush();
    this.codecPlayout.flush();
  }

  override pause(): void {
    super.pause();
    this.codecPlayout.hold();
  }

  override resume(): void {
    super.resume();
    this.codecPlayout.release();
  }

  onMediaTimeout(handler: () => void): void {
    this.timeoutHandlers.push(handler);
  }

  enqueue(pcm: Int16Array): void {
    if (this.closed) return;
    this.playout.enqueue(pcm);
    if (!this.talking && !this.aheadOfClock && !this.onHold && !this.paused) this.sendTalkspurtStart();
  }

  /** Sends digits as RFC 4733 events; resolves once the last end packet has left. */
  sendDtmf(digits: string): Promise<void> {
    if (this.options.telephoneEventPayloadType === null) {
      return Promise.reject(new Error("the peer did not negotiate telephone-event"));
    }
    if (!/^[0-9*#A-Da-d]*$/.test(digits))
      return Promise.reject(new RangeError("DTMF digits are 0-9 * # A-D"));
    if (digits.length === 0 || this.closed) return Promise.resolve();
    return this.dtmfOutbox.add(digits.toUpperCase());
  }

  stats(): RtpSessionStats {
    return { packetsSent: this.packetsSent, ...this.receiver.stats(), socketErrors: this.socketErrors };
  }

  /** Stops media and closes the socket; resolves with the recording (or null). Idempotent. */
  close(): Promise<RecordingInfo | null> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.unsubscribe();
    this.untrackMetrics();
    this.socket.close();
    this.dtmfOutbox.cancel();
    this.receiver.close();
    this.downsampler.destroy();
    this.recordingUpsampler?.destroy();
    this.closing = this.recorder ? this.recorder.close() : Promise.resolve(null);
    return this.closing;
  }

  /** One 20 ms step from the media clock: play out one received frame, send one frame. */
  tick(_tickIndex: number, nowMs: number): void {
    if (this.closed) return;
    const callerFrame = this.playReceived();
    let agentFrame: Int16Array | null = null;
    if (this.aheadOfClock && (this.onHold || this.queuedSamples === 0)) {
      // The talkspurt is over: this step sends nothing (its timestamp went to the early
      // packet), so the stream falls back in line with the clock.
      this.aheadOfClock = false;
      this.talking = false;
      this.audioPacket.fill(this.silenceByte, RTP_HEADER_BYTES);
    } else if (this.onHold) {
      this.timestamp = (this.timestamp + CODEC_FRAME_SAMPLES) >>> 0;
    } else {
      agentFrame = this.sendNext();
      this.timestamp = (this.timestamp + CODEC_FRAME_SAMPLES) >>> 0;
    }
    if (this.recorder) agentFrame = this.earlyRecording.next(agentFrame);
    this.recorder?.write(callerFrame, agentFrame, SAMPLES_PER_FRAME);
    if (!this.onHold && !this.mediaTimedOut && nowMs - this.lastReceiveMs > this.mediaTimeoutMs) {
      this.mediaTimedOut = true;
      for (const handler of this.timeoutHandlers) handler();
    }
  }

  /**
   * Sends the first packet of a talkspurt at once (RFC 3551 section 4.1: marker bit set), so
   * the reply does not wait up to 20 ms for the clock's next step.
   */
  private sendTalkspurtStart(): void {
    const remote = this.remoteEndpoint;
    if (remote === null || this.queuedSamples < SAMPLES_PER_FRAME) return;
    if (this.dtmfOutbox.busy) return;
    const agentFrame = this.sendNext();
    if (agentFrame === null) return;
    this.timestamp = (this.timestamp + CODEC_FRAME_SAMPLES) >>> 0;
    this.aheadOfClock = true;
    if (this.recorder !== null) this.earlyRecording.hold(agentFrame);
  }

  /** Plays out one received frame to the frame handlers. */
  private playReceived(): Int16Array | null {
    const frame = this.receiver.playFrame(this.codecFrameHandlers.length > 0);
    if (frame === null) return null;
    const ageMs = this.receiver.frameAgeMs;
    for (const handler of this.codecFrameHandlers) handler(this.receiver.pcm8k, ageMs);
    this.emitFrame(frame, ageMs);
    return frame;
  }

  /** Sends this tick's packet; returns the agent audio frame sent, if any. */
  private sendNext(): Int16Array | null {
    const remote = this.remoteEndpoint;
    if (this.sendTelephoneEvent(remote)) return null;
    const packet = this.audioPacket;
    const wideband = this.playout.pull(this.agentFrame);
    const codecRate = !wideband && this.codecPlayout.pull(this.agentPcm8k);
    const hasAudio = wideband || codecRate;
    let marker = !this.firstPacketSent;
    if (hasAudio) {
      // RFC 3551 section 4.1: the marker bit flags the first packet of a talkspurt.
      if (!this.talking) {
        marker = true;
        this.downsampler.reset();
      }
      if (wideband) this.downsampler.process(this.agentFrame, this.agentPcm8k);
      else if (this.recorder) this.upsampleForRecording();
      g711Encode(this.options.codec, this.agentPcm8k, packet, RTP_HEADER_BYTES, CODEC_FRAME_SAMPLES);
    } else if (this.talking || !this.firstPacketSent) {
      // Comfort silence keeps NAT bindings open and the timestamp line continuous.
      packet.fill(this.silenceByte, RTP_HEADER_BYTES);
    }
    this.talking = hasAudio;
    if (remote === null) return hasAudio ? this.agentFrame : null;
    writeRtpHeader(packet, marker, this.options.payloadType, this.sequenceNumber, this.timestamp, this.ssrc);
    this.transmit(packet, remote);
    this.firstPacketSent = true;
    return hasAudio ? this.agentFrame : null;
  }

  /** The recording keeps 16 kHz: 8 kHz passthrough audio is upsampled for it alone. */
  private upsampleForRecording(): void {
    this.recordingUpsampler ??= new Resampler(
      G711_SAMPLE_RATE_HZ,
      INTERNAL_SAMPLE_RATE_HZ,
      CODEC_FRAME_SAMPLES,
    );
    this.recordingUpsampler.process(this.agentPcm8k, this.agentFrame);
  }

  /** Sends the next RFC 4733 packet when a digit is in progress; false when audio should go. */
  private sendTelephoneEvent(remote: RtpEndpoint | null): boolean {
    const packet = this.eventPacket;
    const marker = this.dtmfOutbox.next(packet, RTP_HEADER_BYTES, this.timestamp);
    if (marker === null) return false;
    if (remote !== null) {
      const payloadType = this.options.telephoneEventPayloadType ?? 101;
      const timestamp = this.dtmfOutbox.eventTimestamp;
      writeRtpHeader(packet, marker, payloadType, this.sequenceNumber, timestamp, this.ssrc);
      this.transmit(packet, remote);
    }
    this.talking = false;
    return true;
  }

  private transmit(packet: Uint8Array, remote: RtpEndpoint): void {
    try {
      this.socket.send(packet, remote.port, remote.address);
      this.packetsSent += 1;
    } catch {
      // A pending ICMP unreachable from the peer is reported on the next send (ECONNREFUSED).
      this.socketErrors += 1;
    }
    // The sequence number advances either way: the packet is lost, as on the network.
    this.sequenceNumber = (this.sequenceNumber + 1) & 0xffff;
  }

  private receive(data: Uint8Array, port: number, address: string): void {
    if (!this.closed) this.receiver.receive(data, port, address);
  }

  /** Symmetric RTP (RFC 4961): latch to the first source seen while learning, then only accept it. */
  private acceptSource(address: string, port: number): boolean {
    const remote = this.remoteEndpoint;
    const fromRemote = remote !== null && remote.port === port && remote.address === address;
    if (this.latched) return fromRemote;
    if (fromRemote || remote === null || performance.now() <= this.learningUntilMs) {
      if (!fromRemote) this.remoteEndpoint = { address, port };
      this.latched = true;
      return true;
    }
    return false;
  }
}
