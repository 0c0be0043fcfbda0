// Which participant in a LiveKit room is the caller, and when the call starts and ends:
// the first remote participant (not another agent) whose microphone track is subscribed
// becomes the caller; the call ends when that participant leaves or the room disconnects.
// Pure state, so it is tested without a LiveKit server.

export type RoomSignal =
  | { type: "participant_connected"; identity: string; isAgent: boolean }
  | { type: "track_subscribed"; identity: string; kind: "audio" | "video"; trackSid: string }
  | { type: "track_unsubscribed"; identity: string; trackSid: string }
  | { type: "participant_disconnected"; identity: string }
  | { type: "disconnected"; reason: string };

export type RoomAction =
  | { type: "start_call"; identity: string; trackSid: string }
  | { type: "attach_audio"; identity: string; trackSid: string }
  | { type: "detach_audio"; trackSid: string }
  | { type: "end_call"; cause: "caller_hangup" | "room_disconnected" };

export class RoomCallState {
  private callerIdentity: string | null = null;
  private callerTrackSid: string | null = null;
  private readonly agents = new Set<string>();
  private ended = false;

  get caller(): string | null {
    return this.callerIdentity;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  handle(signal: RoomSignal): RoomAction[] {
    if (this.ended) return [];
    switch (signal.type) {
      case "participant_connected":
        if (signal.isAgent) this.agents.add(signal.identity);
        return [];
      case "track_subscribed": {
        if (signal.kind !== "audio" || this.agents.has(signal.identity)) return [];
        if (this.callerIdentity === null) {
          this.callerIdentity = signal.identity;
          this.callerTrackSid = signal.trackSid;
          return [
            { type: "start_call", identity: signal.identity, trackSid: signal.trackSid },
            { type: "attach_audio", identity: signal.identity, trackSid: signal.trackSid },
          ];
        }
        if (signal.identity !== this.callerIdentity) return [];
        // The caller republished the microphone (device change): follow the new track.
        const actions: RoomAction[] = [];
        if (this.callerTrackSid !== null && this.callerTrackSid !== signal.trackSid) {
          actions.push({ type: "detach_audio", trackSid: this.callerTrackSid });
        }
        this.callerTrackSid = signal.trackSid;
        actions.push({ type: "attach_audio", identity: signal.identity, trackSid: signal.trackSid });
        return actions;
      }
      case "track_unsubscribed":
        if (signal.identity !== this.callerIdentity || signal.trackSid !== this.callerTrackSid) return [];
        this.callerTrackSid = null;
        return [{ type: "detach_audio", trackSid: signal.trackSid }];
      case "participant_disconnected":
        this.agents.delete(signal.identity);
        if (signal.identity !== this.callerIdentity) return [];
        this.ended = true;
        return [{ type: "end_call", cause: "caller_hangup" }];
      case "disconnected":
        this.ended = true;
        return this.callerIdentity === null ? [] : [{ type: "end_call", cause: "room_disconnected" }];
    }
  }
}
