import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels } from "@switchboard/shared/bus/topics";

const MAX_ORGS = 10_000;
const TTL_MS = 30_000;

/**
 * Read-through cache of agent list pages per org, so listing agents does not query the
 * database on every request. A write drops the org's pages here at once and on every other
 * instance through the bus; the TTL bounds staleness if an invalidation is ever lost.
 */
export class AgentListCache<Page> {
  private readonly pages = new Map<string, Map<string, { page: Page; cachedAtMs: number }>>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(private readonly bus: Bus) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(Channels.agentsChangedInOrg, (orgId) =>
      this.pages.delete(orgId),
    );
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  async get(orgId: string, pageKey: string, load: () => Promise<Page>): Promise<Page> {
    const cached = this.pages.get(orgId)?.get(pageKey);
    if (cached && Date.now() - cached.cachedAtMs < TTL_MS) return cached.page;
    const page = await load();
    let orgPages = this.pages.get(orgId);
    if (!orgPages) {
      if (this.pages.size >= MAX_ORGS) this.pages.clear();
      orgPages = new Map();
      this.pages.set(orgId, orgPages);
    }
    orgPages.set(pageKey, { page, cachedAtMs: Date.now() });
    return page;
  }

  /** Drops this instance's pages at once; other instances hear of it from the service's publish. */
  forget(orgId: string): void {
    this.pages.delete(orgId);
  }
}
