// What the gateway knows about numbers, agents, trunks and balances: in-memory caches filled
// from the bus hashes control publishes, dropped on the bus's invalidation messages. The
// gateway never queries the database.
import type { Agent, AgentSnapshot } from "@switchboard/shared/agent";
import type { Bus, Unsubscribe } from "@switchboard/shared/bus/contract";
import { PublishedState } from "@switchboard/shared/bus/state";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import type { NumberRoute } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import { CidrSet } from "@switchboard/shared/net/cidr";
import { publishedRates, type Rates } from "@switchboard/shared/rates";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";

interface TrunkEntry {
  trunk: TrunkSnapshot;
  sources: CidrSet;
}

export class CallDirectory {
  private readonly routes = new Map<string, NumberRoute>();
  private readonly agents = new Map<string, Agent>();
  private trunks: TrunkEntry[] = [];
  private readonly unsubscribes: Unsubscribe[] = [];
  private readonly state: PublishedState;

  constructor(
    private readonly bus: Bus,
    private readonly log: Logger,
    private readonly builtInTrunk: TrunkSnapshot | null,
  ) {
    this.state = new PublishedState(bus);
  }

  async start(): Promise<void> {
    this.unsubscribes.push(
      await this.bus.subscribe(Channels.numberRouteInvalidated, (number) => this.routes.delete(number)),
      await this.bus.subscribe(Channels.agentInvalidated, (agentId) => this.agents.delete(agentId)),
      await this.bus.subscribe(Channels.trunkInvalidated, () => {
        this.reloadTrunks().catch((error) => this.log.warn({ err: error }, "trunk reload failed"));
      }),
    );
    // Invalidations sent while the connection was down are lost: start over from the bus.
    const offReconnect = this.bus.onReconnect(() => {
      this.routes.clear();
      this.agents.clear();
      this.reloadTrunks().catch((error) => this.log.warn({ err: error }, "trunk reload failed"));
    });
    this.unsubscribes.push(async () => offReconnect());
    await this.reloadTrunks();
  }

  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribes.splice(0)) await unsubscribe();
  }

  async reloadTrunks(): Promise<void> {
    const stored = await this.bus.hashGetAll(Hashes.trunks);
    const entries: TrunkEntry[] = [];
    if (this.builtInTrunk) entries.push(entryFor(this.builtInTrunk));
    for (const json of Object.values(stored)) {
      const trunk = parseJson<TrunkSnapshot>(json);
      if (trunk) entries.push(entryFor(trunk));
    }
    this.trunks = entries;
  }

  /** The trunk whose inbound CIDRs contain this source address. */
  trunkForSource(address: string): TrunkSnapshot | null {
    return this.trunks.find((entry) => entry.sources.contains(address))?.trunk ?? null;
  }

  trunkForUsername(username: string): TrunkSnapshot | null {
    return this.trunks.find((entry) => entry.trunk.inbound_auth?.username === username)?.trunk ?? null;
  }

  get anyDigestTrunk(): boolean {
    return this.trunks.some((entry) => entry.trunk.inbound_auth !== null);
  }

  /**
   * The trunk an outbound call dials (see `loadedOutboundTrunk`). A miss reloads the trunks
   * once before it is final: a dispatch can arrive before the invalidation of the trunk it
   * names (pub/sub and the dispatch stream are not ordered), or after that invalidation was
   * lost with a connection.
   */
  async outboundTrunk(orgId: string, trunkId: string | null): Promise<TrunkSnapshot | null> {
    const loaded = this.loadedOutboundTrunk(orgId, trunkId);
    if (loaded) return loaded;
    await this.reloadTrunks();
    return this.loadedOutboundTrunk(orgId, trunkId);
  }

  /** The org's own trunk with an outbound URI when given, else the default trunk. */
  private loadedOutboundTrunk(orgId: string, trunkId: string | null): TrunkSnapshot | null {
    const usable = this.trunks.map((entry) => entry.trunk).filter((trunk) => trunk.outbound_uri !== null);
    if (trunkId)
      return (
        usable.find((trunk) => trunk.id === trunkId && (trunk.org_id === null || trunk.org_id === orgId)) ??
        null
      );
    return (
      usable.find((trunk) => trunk.org_id === orgId) ?? usable.find((trunk) => trunk.org_id === null) ?? null
    );
  }

  async route(e164: string): Promise<NumberRoute | null> {
    const cached = this.routes.get(e164);
    if (cached) return cached;
    const route = parseJson<NumberRoute>(await this.bus.hashGet(Hashes.numberRoutes, e164));
    if (route) this.routes.set(e164, route);
    return route;
  }

  async agent(agentId: string): Promise<Agent | null> {
    const cached = this.agents.get(agentId);
    if (cached) return cached;
    const agent = parseJson<AgentSnapshot>(await this.bus.hashGet(Hashes.agentSnapshots, agentId));
    if (agent) this.agents.set(agentId, agent);
    return agent;
  }

  /**
   * Whether control has published its state (read on a lookup miss only): when not, a miss
   * means "not known yet", not "does not exist".
   */
  statePublished(): Promise<boolean> {
    return this.state.published();
  }

  /** The org's prices as control published them, else the gateway's configured `defaults`. */
  async rates(orgId: string, defaults: Rates): Promise<Rates> {
    return publishedRates(defaults, await this.bus.hashGet(Hashes.orgRates, orgId));
  }

  /** The org's balance in cents; null when control has not published one. */
  async balanceCents(orgId: string): Promise<number | null> {
    const value = await this.bus.hashGet(Hashes.creditBalances, orgId);
    if (value === null) return null;
    const cents = Number(value);
    return Number.isFinite(cents) ? cents : null;
  }
}

function entryFor(trunk: TrunkSnapshot): TrunkEntry {
  return { trunk, sources: new CidrSet(trunk.inbound_cidrs) };
}

function parseJson<T>(json: string | null): T | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}
