// Test-only stand-in for a room on a LiveKit server (none is reachable here): it emits the
// events a connected @livekit/rtc-node Room emits, in the same names and argument order, and
// plays the caller's side (joining, publishing a microphone, sending frames, leaving).
import { EventEmitter } from "node:events";
import { type AudioFrame, TrackKind } from "@livekit/rtc-node";
import { LIVEKIT_ROLE_ATTRIBUTE } from "@switchboard/shared/livekit/token";
import type { FrameSink } from "../call-audio.ts";
import type { RoomParticipant, RoomPort, RoomTrack, TrackAudio } from "../room-port.ts";

/** A subscribed remote track whose frames the test pushes. */
class FakeTrack implements RoomTrack {
  private readonly queue: AudioFrame[] = [];
  private wake: (() => void) | null = null;
  private ended = false;

  constructor(
    readonly sid: string,
    readonly kind: TrackKind = TrackKind.KIND_AUDIO,
  ) {}

  push(frame: AudioFrame): void {
    this.queue.push(frame);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  reader(): TrackAudio {
    const track = this;
    return {
      async *[Symbol.asyncIterator]() {
        while (true) {
          const frame = track.queue.shift();
          if (frame) yield frame;
          else if (track.ended) return;
          else await new Promise<void>((resolve) => (track.wake = resolve));
        }
      },
      async cancel() {
        track.end();
      },
    };
  }
}

export class FakeRoom extends EventEmitter implements RoomPort {
  /** What the agent connected with. */
  connection: { url: string; token: string } | null = null;
  /** The agent's voice, frame by frame. */
  readonly voice: AudioFrame[] = [];
  /** The agent's data messages, parsed. */
  readonly messages: Array<Record<string, unknown>> = [];
  disconnects = 0;
  /** Set before connecting to make the server refuse the agent. */
  refuseWith: Error | null = null;
  private trackCount = 0;

  async connect(url: string, token: string): Promise<void> {
    if (this.refuseWith) throw this.refuseWith;
    this.connection = { url, token };
  }

  async publishMicrophone(): Promise<FrameSink> {
    return async (frame) => {
      this.voice.push(frame);
    };
  }

  audio(track: RoomTrack): TrackAudio {
    return (track as FakeTrack).reader();
  }

  async sendMessage(text: string): Promise<void> {
    this.messages.push(JSON.parse(text) as Record<string, unknown>);
  }

  async disconnect(): Promise<void> {
    this.disconnects += 1;
  }

  // The other participants' side, as the server reports it to the agent.

  join(identity: string, role: "caller" | "agent" = "caller"): RoomParticipant {
    const participant = { identity, attributes: { [LIVEKIT_ROLE_ATTRIBUTE]: role } };
    this.emit("participantConnected", participant);
    return participant;
  }

  publishMicrophoneOf(participant: RoomParticipant, kind = TrackKind.KIND_AUDIO): FakeTrack {
    this.trackCount += 1;
    const track = new FakeTrack(`TR_${participant.identity}_${this.trackCount}`, kind);
    this.emit("trackSubscribed", track, { sid: track.sid }, participant);
    return track;
  }

  leave(participant: RoomParticipant): void {
    this.emit("participantDisconnected", participant);
  }

  pressKey(participant: RoomParticipant, digit: string): void {
    this.emit("dtmfReceived", 0, digit, participant);
  }

  /** The server closed the room (deleted, or the connection was lost for good). */
  close(reason = 5): void {
    this.emit("disconnected", reason);
  }
}
