// The agent as a LiveKit participant: joins a room with its own token, publishes its voice,
// and runs the media application for the first caller whose microphone it subscribes to.
// Not exercised against a live LiveKit server here (none is reachable); RoomCallState,
// the frame conversion and LiveKitCallAudio carry the logic and are unit-tested.

import {
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
} from "@livekit/rtc-node";
import type { Agent } from "@switchboard/shared/agent";
import type { TranscriptTurn } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import type { MediaApplication, RunningApplication } from "../../calls/application.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import type { MediaClock } from "../../media/clock.ts";
import { LiveKitCallAudio } from "./call-audio.ts";
import { type RoomAction, RoomCallState, type RoomSignal } from "./room-call-state.ts";
import { agentAccessToken } from "./token.ts";

export interface LiveKitRoomOptions {
  url: string;
  apiKey: string;
  apiSecret: string;
  room: string;
  callId: string;
  orgId: string;
  agent: Agent;
  application: MediaApplication;
  clock: MediaClock;
  log: Logger;
  onEnded?: (cause: string) => void;
  /** Transcript turns as the application reports them (to the call events). */
  onTurn?: (turn: TranscriptTurn) => void;
}

const AGENT_ATTRIBUTE = "switchboard.role";

export class LiveKitRoomAgent {
  private readonly room = new Room();
  private readonly state = new RoomCallState();
  private readonly source = new AudioSource(INTERNAL_SAMPLE_RATE_HZ, 1);
  private readonly audio: LiveKitCallAudio;
  private application: RunningApplication | null = null;
  private readonly streams = new Map<string, AudioStream>();
  private ended = false;

  constructor(private readonly options: LiveKitRoomOptions) {
    this.audio = new LiveKitCallAudio(options.clock, (frame) => this.source.captureFrame(frame));
  }

  async join(): Promise<void> {
    const { options, room } = this;
    const token = await agentAccessToken({
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      room: options.room,
      identity: `agent-${options.callId}`,
      name: options.agent.name,
    });
    room
      .on(RoomEvent.ParticipantConnected, (participant: RemoteParticipant) =>
        this.signal({
          type: "participant_connected",
          identity: participant.identity,
          isAgent: participant.attributes[AGENT_ATTRIBUTE] === "agent",
        }),
      )
      .on(
        RoomEvent.TrackSubscribed,
        (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) => {
          this.signal(
            {
              type: "track_subscribed",
              identity: participant.identity,
              kind: track.kind === TrackKind.KIND_AUDIO ? "audio" : "video",
              trackSid: publication.sid ?? track.sid ?? "",
            },
            track,
          );
        },
      )
      .on(
        RoomEvent.TrackUnsubscribed,
        (_track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) =>
          this.signal({
            type: "track_unsubscribed",
            identity: participant.identity,
            trackSid: publication.sid ?? "",
          }),
      )
      .on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) =>
        this.signal({ type: "participant_disconnected", identity: participant.identity }),
      )
      .on(RoomEvent.Disconnected, (reason: unknown) =>
        this.signal({ type: "disconnected", reason: String(reason) }),
      );
    await room.connect(options.url, token, { autoSubscribe: true, dynacast: false });
    const track = LocalAudioTrack.createAudioTrack("agent-voice", this.source);
    const publish = new TrackPublishOptions();
    publish.source = TrackSource.SOURCE_MICROPHONE;
    await room.localParticipant?.publishTrack(track, publish);
  }

  async leave(cause = "agent_hangup"): Promise<void> {
    await this.end(cause);
  }

  private signal(signal: RoomSignal, track?: RemoteTrack): void {
    for (const action of this.state.handle(signal)) this.apply(action, track);
  }

  private apply(action: RoomAction, track?: RemoteTrack): void {
    switch (action.type) {
      case "start_call":
        this.startApplication(action.identity).catch((error) => {
          this.options.log.error(
            { err: error, call_id: this.options.callId },
            "media application failed to start",
          );
          this.end("application_error").catch(() => {});
        });
        return;
      case "attach_audio":
        if (track) this.readTrack(action.trackSid, track).catch(() => {});
        return;
      case "detach_audio":
        this.streams
          .get(action.trackSid)
          ?.cancel()
          .catch(() => {});
        this.streams.delete(action.trackSid);
        return;
      case "end_call":
        this.end(action.cause).catch(() => {});
        return;
    }
  }

  private async readTrack(trackSid: string, track: RemoteTrack): Promise<void> {
    const stream = new AudioStream(track, INTERNAL_SAMPLE_RATE_HZ, 1);
    this.streams.set(trackSid, stream);
    for await (const frame of stream) this.audio.receiveFrame(frame);
  }

  private async startApplication(callerIdentity: string): Promise<void> {
    const { options } = this;
    this.application = await options.application.start({
      callId: options.callId,
      orgId: options.orgId,
      agent: options.agent,
      direction: "web",
      fromNumber: null,
      toNumber: null,
      objective: null,
      metadata: { livekit_room: options.room, livekit_caller: callerIdentity },
      audio: this.audio,
      control: {
        hangup: (cause) => this.end(cause),
        transfer: async () => ({
          ok: false,
          status: null,
          reason: "LiveKit room calls cannot be transferred",
        }),
      },
      reporter: { turn: (turn) => options.onTurn?.(turn) },
    });
  }

  private async end(cause: string): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.application?.stop().catch(() => {});
    this.audio.close();
    for (const stream of this.streams.values()) await stream.cancel().catch(() => {});
    await this.room.disconnect().catch(() => {});
    await this.source.close().catch(() => {});
    this.options.onEnded?.(cause);
  }
}
