// A LiveKit room call's audio as the turn pipeline sees it (the same CallAudio as RTP and
// WebRTC calls), paced by the gateway's media clock. The caller's frames come from the room's
// AudioStream at 16 kHz mono; agent frames go to an AudioSource through `sink`. With a
// recorder, each tick writes the caller's frame (left) and the agent's (right).
import type { AudioFrame } from "@livekit/rtc-node";
import { SAMPLES_PER_FRAME } from "../../media/audio-format.ts";
import { BaseCallAudio } from "../../media/call-audio.ts";
import type { ClockSubscriber, MediaClock } from "../../media/clock.ts";
import { PlayoutQueue } from "../../media/playout-queue.ts";
import type { RecordingInfo, WavRecorder } from "../../media/wav-recorder.ts";
import { FrameChunker, toLiveKitFrame } from "./frames.ts";

/** Where agent audio goes (AudioSource.captureFrame in a room). */
export type FrameSink = (frame: AudioFrame) => Promise<void>;

const MAX_INBOUND_FRAMES = 8;

export class LiveKitCallAudio extends BaseCallAudio implements ClockSubscriber {
  private readonly chunker = new FrameChunker();
  private readonly inbound = new PlayoutQueue(SAMPLES_PER_FRAME * MAX_INBOUND_FRAMES * 2);
  private readonly callerFrame = new Int16Array(SAMPLES_PER_FRAME);
  private readonly agentFrame = new Int16Array(SAMPLES_PER_FRAME);
  private readonly discard = new Int16Array(SAMPLES_PER_FRAME);
  private readonly unsubscribe: () => void;
  private mediaStarted = false;
  private closing: Promise<RecordingInfo | null> | null = null;

  constructor(
    clock: MediaClock,
    private readonly sink: FrameSink,
    private readonly recorder: WavRecorder | null = null,
  ) {
    super();
    this.unsubscribe = clock.subscribe(this);
  }

  /** LiveKit rooms carry Opus at 48 kHz. */
  readonly narrowband = false;

  enqueue(pcm: Int16Array): void {
    if (!this.closed) this.playout.enqueue(pcm);
  }

  sendDtmf(_digits: string): Promise<void> {
    return Promise.reject(new Error("LiveKit room calls do not carry DTMF"));
  }

  /** One frame from the caller's AudioStream. */
  receiveFrame(frame: AudioFrame): void {
    if (this.closed) return;
    this.mediaStarted = true;
    this.chunker.push(frame, (chunk) => this.inbound.enqueue(chunk));
    while (this.inbound.queuedSamples > SAMPLES_PER_FRAME * MAX_INBOUND_FRAMES)
      this.inbound.pull(this.discard);
  }

  tick(_tickIndex: number, _nowMs: number): void {
    if (this.closed) return;
    if (this.mediaStarted) {
      if (!this.inbound.pull(this.callerFrame)) this.callerFrame.fill(0);
      // LiveKit delivers frames already paced by its own jitter buffer: age is not known here.
      this.emitFrame(this.callerFrame, 0);
    }
    const agentSpoke = this.playout.pull(this.agentFrame);
    if (agentSpoke) {
      // A frame the room could not take is lost like a dropped packet: the next one follows.
      this.sink(toLiveKitFrame(this.agentFrame)).catch(() => {});
    }
    this.recorder?.write(
      this.mediaStarted ? this.callerFrame : null,
      agentSpoke ? this.agentFrame : null,
      SAMPLES_PER_FRAME,
    );
  }

  get closed(): boolean {
    return this.closing !== null;
  }

  /** Stops media; resolves with the recording (or null). Idempotent. */
  close(): Promise<RecordingInfo | null> {
    if (this.closing) return this.closing;
    this.unsubscribe();
    this.closing = this.recorder ? this.recorder.close() : Promise.resolve(null);
    return this.closing;
  }
}
