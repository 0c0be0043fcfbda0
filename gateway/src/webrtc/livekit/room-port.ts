// What the agent needs of a LiveKit room, and the one implementation over @livekit/rtc-node.
// Events keep rtc-node's names and argument order (RoomCallbacks), so a stand-in for the
// server (tests: testing/fake-room.ts) emits exactly what a connected Room emits.
import {
  type AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  type RemoteTrack,
  Room,
  type TrackKind,
  TrackPublishOptions,
  TrackSource,
} from "@livekit/rtc-node";
import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import type { FrameSink } from "./call-audio.ts";

export interface RoomParticipant {
  readonly identity: string;
  readonly attributes: Record<string, string>;
}

export interface RoomTrack {
  readonly kind?: TrackKind;
  readonly sid?: string;
}

interface RoomPublication {
  readonly sid?: string;
}

/** The room events the agent follows (a subset of rtc-node's RoomCallbacks). */
export interface RoomEvents {
  participantConnected: (participant: RoomParticipant) => void;
  participantDisconnected: (participant: RoomParticipant) => void;
  trackSubscribed: (track: RoomTrack, publication: RoomPublication, participant: RoomParticipant) => void;
  trackUnsubscribed: (track: RoomTrack, publication: RoomPublication, participant: RoomParticipant) => void;
  /** A SIP participant's keypad digit, relayed by the room. */
  dtmfReceived: (code: number, digit: string, participant: RoomParticipant) => void;
  disconnected: (reason: unknown) => void;
}

/** A subscribed track's audio as 16 kHz mono frames (10 ms each from rtc-node). */
export interface TrackAudio extends AsyncIterable<AudioFrame> {
  cancel(): Promise<void>;
}

export interface RoomPort {
  on<E extends keyof RoomEvents>(event: E, listener: RoomEvents[E]): this;
  /** Joins as the participant the token names; subscribes to every track automatically. */
  connect(url: string, token: string): Promise<void>;
  /** Publishes the agent's voice as a microphone track; frames go where the sink sends them. */
  publishMicrophone(): Promise<FrameSink>;
  audio(track: RoomTrack): TrackAudio;
  /** One reliable data message to every participant (the page's call messages, JSON). */
  sendMessage(text: string): Promise<void>;
  disconnect(): Promise<void>;
}

export type RoomFactory = () => RoomPort;

/** The topic of the agent's data messages: the same JSON messages as a WHIP call's data channel. */
const MESSAGE_TOPIC = "switchboard";

class RtcRoom implements RoomPort {
  private readonly room = new Room();
  private source: AudioSource | null = null;

  on<E extends keyof RoomEvents>(event: E, listener: RoomEvents[E]): this {
    this.room.on(event, listener as never);
    return this;
  }

  connect(url: string, token: string): Promise<void> {
    return this.room.connect(url, token, { autoSubscribe: true, dynacast: false });
  }

  async publishMicrophone(): Promise<FrameSink> {
    const source = new AudioSource(INTERNAL_SAMPLE_RATE_HZ, 1);
    this.source = source;
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    await this.room.localParticipant?.publishTrack(
      LocalAudioTrack.createAudioTrack("agent-voice", source),
      options,
    );
    return (frame: AudioFrame) => source.captureFrame(frame);
  }

  audio(track: RoomTrack): TrackAudio {
    return new AudioStream(track as RemoteTrack, INTERNAL_SAMPLE_RATE_HZ, 1);
  }

  async sendMessage(text: string): Promise<void> {
    await this.room.localParticipant?.publishData(new TextEncoder().encode(text), {
      reliable: true,
      topic: MESSAGE_TOPIC,
    });
  }

  async disconnect(): Promise<void> {
    await this.room.disconnect();
    await this.source?.close();
  }
}

/** Rooms on a LiveKit server through @livekit/rtc-node. */
export const rtcRoomFactory: RoomFactory = () => new RtcRoom();
