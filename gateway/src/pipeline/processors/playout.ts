import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import type { CallAudio } from "../../media/call-audio.ts";
import type { EchoGuard } from "../../media/echo/echo-guard.ts";
import type { PipelineClock, TimerHandle } from "../clock.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import { type AgentTurn, splitWords } from "../turn.ts";

const FINISH_SLACK_MS = 40;

interface PlayingTurn {
  turn: AgentTurn;
  /** llm_end arrived: `endSample` is the turn's last sample. */
  ended: boolean;
  endSample: number;
}

/**
 * The pipeline's sink: queues agent audio on the call, records where each sentence sits in
 * the outgoing samples, holds it while the caller's words over it are judged, flushes on
 * interruption and notices first packet and end of turn on each 20 ms tick (caller frames
 * arrive on the gateway's clock).
 */
export class PlayoutProcessor extends Processor {
  readonly name = "playout";
  private readonly playing: PlayingTurn[] = [];
  private readonly marks: { targetSample: number; resolve: () => void }[] = [];
  private finishTimer: TimerHandle | null = null;

  constructor(
    private readonly audio: CallAudio,
    private readonly clock: PipelineClock,
    /** Told what agent audio goes out where: its reference for the caller's echo. */
    private readonly echoGuard: EchoGuard | null = null,
  ) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    if (direction === "upstream") {
      this.push(frame, direction);
      return;
    }
    switch (frame.type) {
      case "tts_audio":
        this.enqueue(frame.turn, frame.pcm, frame.sentenceStart, frame.text);
        break;
      case "tts_sentence_end": {
        const segment = frame.turn.segments.at(-1);
        if (segment) segment.complete = true;
        break;
      }
      case "llm_end": {
        const entry = this.entryFor(frame.turn);
        entry.ended = true;
        entry.endSample = this.writePosition();
        this.check();
        this.armFinishCheck();
        break;
      }
      case "mark":
        this.marks.push({ targetSample: this.writePosition(), resolve: frame.resolve });
        this.check();
        this.armFinishCheck();
        break;
      case "audio_in":
        this.check();
        break;
      case "playout_hold":
        this.audio.pause();
        break;
      case "playout_resume":
        this.audio.resume();
        this.check();
        this.armFinishCheck();
        break;
      case "interruption":
        // Held audio too: a flush ends the hold.
        this.audio.flush();
        this.stopped();
        break;
      case "end":
        this.stopped();
        break;
    }
  }

  /** Nothing more of the turns in progress will play: tells upstream how much did. */
  private stopped(): void {
    this.finishTimer?.cancel();
    this.finishTimer = null;
    this.playing.length = 0;
    this.resolveMarks(Number.POSITIVE_INFINITY);
    this.push({ type: "playout_stopped", playedSamples: this.audio.playedSamples }, "upstream");
  }

  private writePosition(): number {
    return this.audio.playedSamples + this.audio.queuedSamples;
  }

  private entryFor(turn: AgentTurn): PlayingTurn {
    let entry = this.playing.find((candidate) => candidate.turn === turn);
    if (!entry) {
      entry = { turn, ended: false, endSample: 0 };
      this.playing.push(entry);
    }
    return entry;
  }

  private enqueue(turn: AgentTurn, pcm: Int16Array, sentenceStart: boolean, text: string): void {
    this.entryFor(turn);
    const position = this.writePosition();
    let segment = turn.segments.at(-1);
    if (sentenceStart || !segment) {
      segment = {
        text,
        wordCount: splitWords(text).length,
        startSample: position,
        endSample: position,
        complete: false,
      };
      turn.segments.push(segment);
    }
    turn.timeline.firstAudioEnqueuedAt ??= this.clock.now();
    this.echoGuard?.agentAudioQueued(position, pcm);
    this.audio.enqueue(pcm);
    segment.endSample = position + pcm.length;
    // A talkspurt's first packet can leave during enqueue: note it now, not a tick later.
    if (turn.timeline.firstPacketAt === null) this.check();
  }

  private check(): void {
    const played = this.audio.playedSamples;
    const now = this.clock.now();
    for (let i = 0; i < this.playing.length; ) {
      const entry = this.playing[i]!;
      const first = entry.turn.segments[0];
      if (entry.turn.timeline.firstPacketAt === null && first && played > first.startSample) {
        entry.turn.timeline.firstPacketAt = now;
      }
      if (entry.ended && played >= entry.endSample) {
        this.playing.splice(i, 1);
        this.push({ type: "agent_turn_ended", turn: entry.turn }, "upstream");
      } else {
        i++;
      }
    }
    this.resolveMarks(played);
  }

  /** Something waits for played audio: check again when the queue should have drained. */
  private armFinishCheck(): void {
    const waiting = this.marks.length > 0 || this.playing.some((entry) => entry.ended);
    if (!waiting || this.finishTimer) return;
    const queuedMs = (this.audio.queuedSamples * 1000) / INTERNAL_SAMPLE_RATE_HZ;
    // Two ticks of slack for the sender's pacing; never a busy loop when nothing moves.
    this.finishTimer = this.clock.setTimer(Math.max(queuedMs, 60) + FINISH_SLACK_MS, () => {
      this.finishTimer = null;
      this.check();
      this.armFinishCheck();
    });
  }

  private resolveMarks(playedSamples: number): void {
    for (let i = 0; i < this.marks.length; ) {
      const mark = this.marks[i]!;
      if (playedSamples >= mark.targetSample) {
        this.marks.splice(i, 1);
        mark.resolve();
      } else {
        i++;
      }
    }
  }
}
