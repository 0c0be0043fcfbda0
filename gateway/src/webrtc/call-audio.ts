// A browser call's audio as the turn pipeline sees it: the same CallAudio as an RTP call,
// paced by the gateway's one media clock. Received payloads are decoded on arrival into a
// short FIFO; each tick hands one 20 ms frame to the pipeline and sends one encoded frame.
import { randomBytes } from "node:crypto";
import { FRAME_MS, SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { BaseCallAudio } from "../media/call-audio.ts";
import type { ClockSubscriber, MediaClock } from "../media/clock.ts";
import { EarlyFrameRecording } from "../media/early-frame-recording.ts";
import { PlayoutQueue } from "../media/playout-queue.ts";
import type { RecordingInfo, WavRecorder } from "../media/wav-recorder.ts";
import type { WebRtcAudioCodec } from "./codecs.ts";

/** Sends one encoded frame as RTP (the transport adds SSRC and payload type). */
type SendPayload = (payload: Uint8Array, timestamp: number, sequenceNumber: number, marker: boolean) => void;

/** Caller audio older than this is dropped so a stalled tick never builds up delay. */
const MAX_INBOUND_FRAMES = 8;
/** Quiet frames still run through the encoder after speech, so its state decays smoothly. */
const ENCODED_SILENCE_FRAMES = 3;

interface WebRtcCallAudioStats {
  framesSent: number;
  payloadsReceived: number;
  undecodable: number;
  droppedInboundFrames: number;
}

export class WebRtcCallAudio extends BaseCallAudio implements ClockSubscriber {
  private readonly inbound = new PlayoutQueue(SAMPLES_PER_FRAME * MAX_INBOUND_FRAMES * 2);
  private readonly callerFrame = new Int16Array(SAMPLES_PER_FRAME);
  private readonly agentFrame = new Int16Array(SAMPLES_PER_FRAME);
  private readonly discardFrame = new Int16Array(SAMPLES_PER_FRAME);
  private readonly unsubscribe: () => void;
  private sequenceNumber: number;
  private timestamp: number;
  private mediaStarted = false;
  private lastPayloadAtMs = 0;
  private talking = false;
  /**
   * A talkspurt's first packet left on enqueue, so the stream runs one packet early until the
   * talkspurt ends and one silent step is skipped.
   */
  private aheadOfClock = false;
  private readonly earlyRecording = new EarlyFrameRecording(SAMPLES_PER_FRAME);
  private silentFrames = 0;
  private closed = false;
  private closing: Promise<RecordingInfo | null> | null = null;
  private readonly counters: WebRtcCallAudioStats = {
    framesSent: 0,
    payloadsReceived: 0,
    undecodable: 0,
    droppedInboundFrames: 0,
  };

  constructor(
    readonly codec: WebRtcAudioCodec,
    clock: MediaClock,
    private readonly sendPayload: SendPayload,
    private readonly recorder: WavRecorder | null = null,
  ) {
    super();
    const random = randomBytes(6);
    this.sequenceNumber = random.readUInt16BE(0);
    this.timestamp = random.readUInt32BE(2);
    this.unsubscribe = clock.subscribe(this);
  }

  get narrowband(): boolean {
    return this.codec.name === "PCMU";
  }

  stats(): WebRtcCallAudioStats {
    return { ...this.counters };
  }

  enqueue(pcm: Int16Array): void {
    if (this.closed) return;
    this.playout.enqueue(pcm);
    if (!this.talking && !this.aheadOfClock && !this.paused) this.sendTalkspurtStart();
  }

  /** A browser has no telephone-event; digits travel on the data channel instead. */
  sendDtmf(_digits: string): Promise<void> {
    return Promise.reject(new Error("browser calls do not carry DTMF"));
  }

  /** One RTP payload from the browser. */
  receivePayload(payload: Uint8Array): void {
    if (this.closed) return;
    this.counters.payloadsReceived += 1;
    const pcm = this.codec.decode(payload);
    if (pcm === null) {
      this.counters.undecodable += 1;
      return;
    }
    this.mediaStarted = true;
    this.lastPayloadAtMs = performance.now();
    this.inbound.enqueue(pcm);
    while (this.inbound.queuedSamples > SAMPLES_PER_FRAME * MAX_INBOUND_FRAMES) {
      this.inbound.pull(this.discardFrame);
      this.counters.droppedInboundFrames += 1;
    }
  }

  tick(_tickIndex: number, _nowMs: number): void {
    if (this.closed) return;
    let callerFrame: Int16Array | null = null;
    if (this.mediaStarted) {
      callerFrame = this.callerFrame;
      let ageMs = 0;
      if (this.inbound.pull(callerFrame)) {
        // The frame's last sample arrived before the audio still queued behind it.
        const queuedMs = this.inbound.queuedSamples / (SAMPLES_PER_FRAME / FRAME_MS);
        ageMs = Math.max(0, performance.now() - this.lastPayloadAtMs + queuedMs);
      } else callerFrame.fill(0);
      this.emitFrame(callerFrame, ageMs);
    }
    let agentFrame: Int16Array | null = null;
    if (
      this.aheadOfClock &&
      this.playout.queuedSamples === 0 &&
      this.silentFrames >= ENCODED_SILENCE_FRAMES
    ) {
      // The talkspurt and the encoder's decay are over: this step sends nothing (its timestamp
      // went to the early packet), so the stream falls back in line with the clock.
      this.aheadOfClock = false;
      this.silentFrames += 1;
    } else {
      agentFrame = this.sendFrame();
    }
    if (this.recorder)
      this.recorder.write(callerFrame, this.earlyRecording.next(agentFrame), SAMPLES_PER_FRAME);
  }

  /** Sends the next frame (agent audio or silence); returns the agent audio sent, if any. */
  private sendFrame(): Int16Array | null {
    const hasAudio = this.playout.pull(this.agentFrame);
    // RFC 3551 section 4.1: the marker bit flags the first packet of a talkspurt.
    const marker = hasAudio && !this.talking;
    this.talking = hasAudio;
    this.silentFrames = hasAudio ? 0 : this.silentFrames + 1;
    let payload: Uint8Array;
    if (hasAudio) payload = this.codec.encode(this.agentFrame);
    else if (this.silentFrames <= ENCODED_SILENCE_FRAMES) {
      this.agentFrame.fill(0);
      payload = this.codec.encode(this.agentFrame);
    } else payload = this.codec.silencePayload;
    // Silence is sent too (a few bytes in Opus): the browser's jitter buffer sees one stream.
    this.sendPayload(payload, this.timestamp, this.sequenceNumber, marker);
    this.counters.framesSent += 1;
    this.sequenceNumber = (this.sequenceNumber + 1) & 0xffff;
    this.timestamp = (this.timestamp + this.codec.timestampStep) >>> 0;
    return hasAudio ? this.agentFrame : null;
  }

  /**
   * Sends the first packet of a talkspurt at once, so the reply does not wait up to 20 ms for
   * the clock's next step; the stream then runs one packet early until the talkspurt ends.
   */
  private sendTalkspurtStart(): void {
    if (this.playout.queuedSamples < SAMPLES_PER_FRAME) return;
    const agentFrame = this.sendFrame();
    if (agentFrame === null) return;
    this.aheadOfClock = true;
    if (this.recorder) this.earlyRecording.hold(agentFrame);
  }

  /** Stops media; resolves with the recording (or null). Idempotent. */
  close(): Promise<RecordingInfo | null> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.unsubscribe();
    this.codec.destroy();
    this.closing = this.recorder ? this.recorder.close() : Promise.resolve(null);
    return this.closing;
  }
}
