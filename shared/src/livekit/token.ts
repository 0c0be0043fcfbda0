// LiveKit access tokens for a browser call's room: control mints the caller's, the gateway the
// agent's. livekit-server-sdk is loaded on first use, so a process without LiveKit configured
// never loads it.

export const LIVEKIT_ROLE_ATTRIBUTE = "switchboard.role";

type LiveKitRole = "agent" | "caller";

interface LiveKitTokenOptions {
  apiKey: string;
  apiSecret: string;
  room: string;
  identity: string;
  role: LiveKitRole;
  name?: string;
  ttlS: number;
}

/**
 * A JWT that joins one room, publishes, subscribes and sends data. A caller may publish only
 * a microphone; its role travels as a participant attribute, so the agent can tell the two apart.
 */
export async function liveKitToken(options: LiveKitTokenOptions): Promise<string> {
  const { AccessToken, TrackSource } = await import("livekit-server-sdk");
  const token = new AccessToken(options.apiKey, options.apiSecret, {
    identity: options.identity,
    name: options.name ?? options.identity,
    ttl: options.ttlS,
    attributes: { [LIVEKIT_ROLE_ATTRIBUTE]: options.role },
  });
  token.addGrant({
    roomJoin: true,
    room: options.room,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    ...(options.role === "caller" ? { canPublishSources: [TrackSource.MICROPHONE] } : {}),
  });
  return token.toJwt();
}
