// The model's output items on the call's outgoing audio: queued and played in order (a
// response may follow another), fed to the echo guard as they are queued, and cut by a
// barge-in, after which their late audio is dropped.
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import type { CallAudio, G711CallAudio } from "../media/call-audio.ts";
import type { EchoGuard } from "../media/echo/echo-guard.ts";
import { G711_SAMPLE_RATE_HZ } from "../media/g711.ts";
import type { PipelineClock } from "../pipeline/clock.ts";
import { AgentItem, newTimeline } from "./agent-speech.ts";
import { RateConverter } from "./model-audio.ts";

export interface AgentCut {
  item: AgentItem;
  /** How much of the item the caller heard before the cut. */
  playedMs: number;
  /** The words of it the caller heard. */
  heard: string;
}

export class AgentOutput {
  /** Queued or playing, oldest first. */
  private items: AgentItem[] = [];
  /** Item ids cut by a barge-in: their late audio is not played. */
  private readonly cutItems = new Set<string>();
  /** The words the last cut left unheard, spoken again when the interruption had no words. */
  private unheard: string | null = null;
  /** The echo reference is 16 kHz: G.711 passthrough audio is upsampled for it alone. */
  private readonly echoReference: RateConverter | null;

  constructor(
    private readonly audio: CallAudio,
    /** A G.711 call with a model that speaks G.711: the model's 8 kHz samples play as they are. */
    private readonly g711: G711CallAudio | null,
    private readonly echo: EchoGuard,
    private readonly clock: PipelineClock,
  ) {
    this.echoReference = g711 ? new RateConverter(G711_SAMPLE_RATE_HZ, INTERNAL_SAMPLE_RATE_HZ) : null;
  }

  /** The agent is heard now or will be: an item is queued or playing, or audio is queued. */
  get audible(): boolean {
    return this.items.length > 0 || this.audio.queuedSamples > 0;
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** The oldest item, playing now. */
  get playing(): AgentItem | null {
    return this.items[0] ?? null;
  }

  wasCut(itemId: string): boolean {
    return this.cutItems.has(itemId);
  }

  item(itemId: string): AgentItem | null {
    return this.items.find((candidate) => candidate.itemId === itemId) ?? null;
  }

  /** A new item, answering the caller's speech that ended at `speechEndAt` (null: nobody spoke). */
  startItem(itemId: string, speechEndAt: number | null): AgentItem {
    // Those before it will get no more audio.
    for (const earlier of this.items) earlier.complete = true;
    const now = this.clock.now();
    const timeline = newTimeline(speechEndAt);
    // TurnLatency on a realtime turn: llm_first_token_ms is speech end -> the model's first
    // audio delta, first_packet_ms that delta -> its first packet on the wire.
    timeline.llmRequestAt = timeline.speechEndAt;
    timeline.llmFirstTokenAt = now;
    timeline.firstAudioEnqueuedAt = now;
    const item = new AgentItem(itemId, now, this.audio.playedSamples + this.audio.queuedSamples, timeline);
    this.items.push(item);
    return item;
  }

  /** Queues the model's audio of `item` for playout, in the call's format. */
  enqueue(item: AgentItem, pcm: Int16Array): void {
    const audio = this.audio;
    this.echo.agentAudioQueued(
      audio.playedSamples + audio.queuedSamples,
      this.echoReference ? this.echoReference.convert(pcm) : pcm,
    );
    if (this.g711) {
      this.g711.enqueue(pcm);
      item.receivedSamples += (pcm.length * INTERNAL_SAMPLE_RATE_HZ) / G711_SAMPLE_RATE_HZ;
    } else {
      audio.enqueue(pcm);
      item.receivedSamples += pcm.length;
    }
  }

  transcriptDelta(itemId: string, text: string): void {
    for (const item of this.items)
      if (item.itemId === itemId && !item.transcriptDone) item.transcript += text;
  }

  transcriptDone(itemId: string, text: string): void {
    for (const item of this.items) {
      if (item.itemId !== itemId) continue;
      item.transcript = text;
      item.transcriptDone = true;
    }
  }

  /** The model's response is done: its items get no more audio. */
  responseDone(): void {
    for (const item of this.items) item.complete = true;
  }

  /** Marks each item's first packet on the wire once its first sample has played. */
  markFirstPackets(): void {
    for (const item of this.items) {
      if (item.timeline.firstPacketAt === null && this.audio.playedSamples > item.startSample)
        item.timeline.firstPacketAt = this.clock.now();
    }
  }

  /** The oldest item once all of it has played, taken off the queue; else null. */
  takeFinished(): AgentItem | null {
    return this.items[0]?.finishedPlaying(this.audio) ? this.items.shift()! : null;
  }

  /** Stops playout now; each item keeps what of it was played: the first one part, those queued after it none. */
  cut(): AgentCut[] {
    const played = this.items.map((item) => ({ item, playedMs: item.playedMs(this.audio) }));
    this.audio.flush();
    this.items = [];
    const unheard: string[] = [];
    const cuts = played.map(({ item, playedMs }) => {
      this.cutItems.add(item.itemId);
      const { heard, remainder } = item.heardWords(playedMs);
      if (remainder) unheard.push(remainder);
      return { item, playedMs, heard };
    });
    if (cuts.length > 0) this.unheard = unheard.join(" ") || null;
    return cuts;
  }

  /** The words the last cut left unheard (null: none, or already taken). */
  takeUnheard(): string | null {
    const words = this.unheard;
    this.unheard = null;
    return words;
  }

  close(): void {
    this.items = [];
    this.echoReference?.destroy();
  }
}
