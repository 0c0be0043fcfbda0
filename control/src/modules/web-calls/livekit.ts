// Browser calls through a LiveKit room: the caller's token for a fresh room named after the
// call, and the room put on the bus (Streams.liveKitRooms) for a gateway with LiveKit
// configured, which joins it with the agent. The gateway writes the call's events as for a
// WHIP call; nothing is stored here.
import type { Bus } from "@switchboard/shared/bus/contract";
import type { LiveKitConfig } from "@switchboard/shared/config";
import { ApiError } from "@switchboard/shared/errors";
import { type RoomDispatchCommand, Streams } from "@switchboard/shared/events";
import { liveKitToken } from "@switchboard/shared/livekit/token";

export interface LiveKitGrant {
  url: string;
  room: string;
  token: string;
}

interface RoomCall {
  callId: string;
  orgId: string;
  agentId: string;
  metadata: Record<string, unknown>;
  expiresAt: Date;
}

/** The caller's participant identity in the call's room. */
const callerIdentity = (callId: string) => `caller-${callId}`;

/** Mints the caller's room token and dispatches the room to the gateways. */
export async function dispatchLiveKitRoom(
  bus: Bus,
  livekit: LiveKitConfig,
  call: RoomCall,
): Promise<LiveKitGrant> {
  const room = call.callId;
  const token = await liveKitToken({
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    room,
    identity: callerIdentity(call.callId),
    role: "caller",
    ttlS: Math.max(1, Math.round((call.expiresAt.getTime() - Date.now()) / 1000)),
  });
  const command: RoomDispatchCommand = {
    call_id: call.callId,
    org_id: call.orgId,
    agent_id: call.agentId,
    room,
    metadata: call.metadata,
    expires_at: call.expiresAt.toISOString(),
  };
  try {
    await bus.append(Streams.liveKitRooms, JSON.stringify(command));
  } catch {
    throw new ApiError(
      503,
      "dispatch_failed",
      "The call's room could not be dispatched; try again.",
      undefined,
      {
        "retry-after": "1",
      },
    );
  }
  return { url: livekit.url, room, token };
}
