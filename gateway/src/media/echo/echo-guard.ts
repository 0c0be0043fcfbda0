import { INTERNAL_SAMPLE_RATE_HZ } from "../audio-format.ts";
import { EchoEstimator } from "./echo-estimator.ts";
import { OutgoingAudio } from "./outgoing-audio.ts";

/** Agent audio sent in a burst (a talkspurt's first packet) waits at most this long to line up. */
const MAX_REFERENCE_BACKLOG_MS = 100;

/** What the echo guard needs of the call's audio: how much agent audio has gone out. */
interface SentAudio {
  readonly playedSamples: number;
}

/**
 * A call's echo guard: playout tells it what agent audio was queued where, and each caller
 * frame is compared with the agent audio sent over the same 20 ms (the reference) by the
 * `EchoEstimator`. The reference follows what was actually sent, from the call audio's count
 * of played samples, so a flush or an idle line is silence in it.
 */
export class EchoGuard {
  private readonly outgoing = new OutgoingAudio();
  private readonly estimator = new EchoEstimator();
  /** Sent samples not yet lined up with a caller frame. */
  private backlogFrom = 0;
  private reference = new Int16Array(0);

  constructor(private readonly audio: SentAudio) {
    this.backlogFrom = audio.playedSamples;
  }

  get estimate(): { delayMs: number | null; echoGainDb: number } {
    return { delayMs: this.estimator.delayMs, echoGainDb: this.estimator.echoGainDb };
  }

  /** Playout queued `pcm` at sample `position` of the outgoing stream. */
  agentAudioQueued(position: number, pcm: Int16Array): void {
    this.outgoing.write(position, pcm);
  }

  /** One caller frame: how many ms of it are speech the agent's echo cannot explain. */
  callerFrame(pcm: Int16Array): number {
    if (this.reference.length !== pcm.length) this.reference = new Int16Array(pcm.length);
    const sent = this.audio.playedSamples;
    const maxBacklog = (MAX_REFERENCE_BACKLOG_MS * INTERNAL_SAMPLE_RATE_HZ) / 1000 + pcm.length;
    if (sent - this.backlogFrom > maxBacklog) this.backlogFrom = sent - maxBacklog;
    const available = Math.min(pcm.length, sent - this.backlogFrom);
    // Less than a frame sent: the line was silent for the rest of it (before the audio started).
    this.outgoing.read(this.backlogFrom - (pcm.length - available), this.reference);
    this.reference.fill(0, 0, pcm.length - available);
    this.backlogFrom += available;
    this.outgoing.release(this.backlogFrom);
    return this.estimator.analyse(pcm, this.reference);
  }
}
