// Access tokens for the agent's LiveKit participant, minted with livekit-server-sdk.
import { AccessToken } from "livekit-server-sdk";

export interface AgentTokenOptions {
  apiKey: string;
  apiSecret: string;
  room: string;
  identity: string;
  name?: string;
  ttlS?: number;
}

/** A JWT that lets the agent join one room, publish its voice and subscribe to the caller. */
export async function agentAccessToken(options: AgentTokenOptions): Promise<string> {
  const token = new AccessToken(options.apiKey, options.apiSecret, {
    identity: options.identity,
    name: options.name ?? options.identity,
    ttl: options.ttlS ?? 3600,
    attributes: { "switchboard.role": "agent" },
  });
  token.addGrant({
    roomJoin: true,
    room: options.room,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
  });
  return token.toJwt();
}
