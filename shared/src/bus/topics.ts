// Names of the streams, hashes and channels on the bus, in one place.

export const Channels = {
  /** Control asks gateways to cancel or hang up a call; the message is the call id. */
  callCancel: "calls:cancel",
  /** An API key was revoked or changed: drop it from every instance's auth cache. */
  apiKeyInvalidated: "api-keys:invalidated",
  /** An agent changed or was deleted: gateways drop their snapshot. */
  agentInvalidated: "agents:invalidated",
  /** Some agent of this org (the message) changed: drop cached agent lists. */
  agentsChangedInOrg: "agents:org-changed",
  /** A number's route changed; the message is the E.164 number. */
  numberRouteInvalidated: "numbers:route-invalidated",
  /** A knowledge source was published or removed: JSON KnowledgeChange (knowledge/published.ts). */
  knowledgeChanged: "knowledge:changed",
  /** A knowledge source is waiting to be embedded: wakes the ingestion workers. */
  knowledgeIngest: "knowledge:ingest",
  /** A trunk changed or was deleted; the message is the trunk id. */
  trunkInvalidated: "trunks:invalidated",
  /** A gateway found control's state missing (a flushed Redis): control publishes it now. */
  stateRequested: "control:state-requested",
  /** The outcome of a call's send_sms request: JSON CallSmsOutcome (shared/src/events.ts). */
  smsOutcomes: "sms:call-outcomes",
  /** Speak a sample with an agent's voice: JSON VoiceSampleRequest (shared/src/voice-sample/messages.ts). */
  voiceSampleRequests: "voice-samples:requests",
  /** A gateway's answer to a voice sample request: JSON VoiceSampleReply. */
  voiceSampleReplies: "voice-samples:replies",
} as const;

export const Hashes = {
  /** call id -> "1": cancelled through the API before a gateway dialled it. */
  canceledCalls: "calls:canceled",
  /** agent id -> JSON snapshot of the agent the gateway runs calls with. */
  agentSnapshots: "agents:snapshots",
  /** E.164 number -> JSON NumberRoute (shared/src/events.ts): what an INVITE to it reaches. */
  numberRoutes: "numbers:routes",
  /** org id -> credit balance in cents, as a decimal integer string. */
  creditBalances: "credits:balances",
  /** org id -> revision of its published knowledge; changes with every source change. */
  knowledgeRevisions: "knowledge:revisions",
  /** trunk id -> JSON TrunkSnapshot (shared/src/sip/trunk.ts): orgs' own carriers. */
  trunks: "trunks",
  /**
   * org id -> its concurrent-call cap (decimal), counted with leases for the whole platform
   * (gateway/src/call-core/call-leases.ts); gateways fall back to ORG_DEFAULT_MAX_CONCURRENT_CALLS.
   */
  orgCallLimits: "orgs:call-limits",
  /** org id -> JSON RatesView (shared/src/rates.ts), the org's effective prices; gateways fall back to their config. */
  orgRates: "orgs:rates",
  /** gateway id -> JSON GatewayHeartbeat (shared/src/heartbeat.ts); control ends calls of silent gateways. */
  gatewayHeartbeats: "gateways:heartbeats",
  /** gateway id -> JSON Gateway (shared/src/cluster/announcement.ts): address, load, draining; expires. */
  gatewayAnnouncements: "gateways:announcements",
  /**
   * Control's "state published" marker (shared/src/bus/state.ts): written after every full
   * rebuild of what control publishes; absent, a gateway's lookup miss means "not yet known".
   */
  controlState: "control:state",
} as const;

/** source id -> JSON PublishedSource (knowledge/published.ts): one hash per org. */
export const knowledgeSourcesHash = (orgId: string) => `knowledge:sources:${orgId}`;

/** Every family of hashes (one key per org), by name: control/src/bus-state accounts for each. */
export const HashFamilies = {
  knowledgeSources: knowledgeSourcesHash,
} as const;
