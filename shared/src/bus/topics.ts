// Names of the streams, hashes and channels on the bus, in one place.

export const Channels = {
  /** An API key was revoked or changed: drop it from every instance's auth cache. */
  apiKeyInvalidated: "api-keys:invalidated",
  /** An agent changed or was deleted: gateways drop their snapshot. */
  agentInvalidated: "agents:invalidated",
} as const;

export const Hashes = {
  /** agent id -> JSON snapshot of the agent the gateway runs calls with. */
  agentSnapshots: "agents:snapshots",
} as const;
