// The agent as a LiveKit participant: joins the room, publishes its voice, and tells the call
// (room-call.ts) when its caller's microphone arrives and when the caller or the room is gone.
// RoomCallState decides who the caller is; this class only turns room events into its signals
// and carries out its actions on the caller's audio.
import type { AudioFrame } from "@livekit/rtc-node";
import { TrackKind } from "@livekit/rtc-node";
import { LIVEKIT_ROLE_ATTRIBUTE } from "@switchboard/shared/livekit/token";
import type { Logger } from "@switchboard/shared/logger";
import type { FrameSink } from "./call-audio.ts";
import { type RoomAction, RoomCallState, type RoomSignal } from "./room-call-state.ts";
import type { RoomPort, RoomTrack, TrackAudio } from "./room-port.ts";

interface RoomAgentListener {
  /** The caller's microphone is subscribed: the call may start. */
  caller(identity: string): void;
  /** The caller left or the room went away. */
  gone(cause: "caller_hangup" | "room_disconnected"): void;
  /** One frame of the caller's audio (16 kHz mono). */
  frame(frame: AudioFrame): void;
  dtmf(digit: string): void;
}

export class LiveKitRoomAgent {
  private readonly state = new RoomCallState();
  private readonly streams = new Map<string, TrackAudio>();
  private microphone: FrameSink | null = null;
  private left = false;

  constructor(
    private readonly room: RoomPort,
    private readonly listener: RoomAgentListener,
    private readonly log: Logger,
  ) {
    room
      .on("participantConnected", (participant) =>
        this.signal({
          type: "participant_connected",
          identity: participant.identity,
          isAgent: participant.attributes[LIVEKIT_ROLE_ATTRIBUTE] === "agent",
        }),
      )
      .on("trackSubscribed", (track, publication, participant) =>
        this.signal(
          {
            type: "track_subscribed",
            identity: participant.identity,
            kind: track.kind === TrackKind.KIND_AUDIO ? "audio" : "video",
            trackSid: publication.sid ?? track.sid ?? "",
          },
          track,
        ),
      )
      .on("trackUnsubscribed", (track, publication, participant) =>
        this.signal({
          type: "track_unsubscribed",
          identity: participant.identity,
          trackSid: publication.sid ?? track.sid ?? "",
        }),
      )
      .on("participantDisconnected", (participant) =>
        this.signal({ type: "participant_disconnected", identity: participant.identity }),
      )
      .on("dtmfReceived", (_code, digit, participant) => {
        if (participant.identity === this.state.caller) listener.dtmf(digit);
      })
      .on("disconnected", (reason) => this.signal({ type: "disconnected", reason: String(reason) }));
  }

  /** Joins the room and publishes the agent's microphone. */
  async join(url: string, token: string): Promise<void> {
    await this.room.connect(url, token);
    this.microphone = await this.room.publishMicrophone();
  }

  /** Where the agent's voice goes: the published microphone. */
  readonly speak: FrameSink = (frame) =>
    this.microphone ? this.microphone(frame) : Promise.reject(new Error("not in the room"));

  /** A data message to the room; a failure is logged, never thrown into the call. */
  async send(message: object): Promise<void> {
    if (this.left) return;
    await this.room.sendMessage(JSON.stringify(message)).catch((error) => {
      this.log.warn({ err: error }, "livekit data message not sent");
    });
  }

  /** Stops reading the caller and leaves the room. Idempotent. */
  async leave(): Promise<void> {
    if (this.left) return;
    this.left = true;
    for (const stream of this.streams.values()) await stream.cancel().catch(() => {});
    this.streams.clear();
    await this.room.disconnect().catch((error) => {
      this.log.warn({ err: error }, "leaving the livekit room failed");
    });
  }

  private signal(signal: RoomSignal, track?: RoomTrack): void {
    for (const action of this.state.handle(signal)) this.apply(action, track);
  }

  private apply(action: RoomAction, track?: RoomTrack): void {
    switch (action.type) {
      case "start_call":
        this.listener.caller(action.identity);
        return;
      case "attach_audio":
        if (track && !this.left) this.read(action.trackSid, track);
        return;
      case "detach_audio":
        this.streams
          .get(action.trackSid)
          ?.cancel()
          .catch(() => {});
        this.streams.delete(action.trackSid);
        return;
      case "end_call":
        this.listener.gone(action.cause);
        return;
    }
  }

  private read(trackSid: string, track: RoomTrack): void {
    const stream = this.room.audio(track);
    this.streams.set(trackSid, stream);
    (async () => {
      for await (const frame of stream) this.listener.frame(frame);
    })().catch((error) => this.log.warn({ err: error }, "caller audio stream failed"));
  }
}
