// Per-org vector indexes built from what control publishes on the bus (never the database).
// An org is loaded when a call first needs it. Changes arrive on `Channels.knowledgeChanged`
// and are applied source by source; before every search the org's revision is compared with
// the bus (one hash read), so a missed message costs a reload, never a stale answer: a
// deleted source never answers again.
import type { Bus, Unsubscribe } from "../bus/contract.ts";
import { Channels, Hashes, knowledgeSourcesHash } from "../bus/topics.ts";
import { unpackVectors } from "../embeddings/vectors.ts";
import type { Logger } from "../logger.ts";
import { type PublishedSource, parseKnowledgeChange } from "./published.ts";
import { VectorIndex } from "./vector-index.ts";

interface OrgEntry {
  revision: string | null;
  index: VectorIndex;
  /** Serializes loads and applied changes for this org. */
  queue: Promise<void>;
  loaded: boolean;
}

export class KnowledgeStore {
  private readonly orgs = new Map<string, OrgEntry>();
  private unsubscribe: Unsubscribe | null = null;

  constructor(
    private readonly bus: Bus,
    private readonly log: Logger,
    /** Sources embedded with another model are skipped: their vectors are not comparable. */
    private readonly modelId: string,
  ) {}

  /** Applies changes as they are announced (without it, every search still checks the revision). */
  async start(): Promise<void> {
    this.unsubscribe ??= await this.bus.subscribe(Channels.knowledgeChanged, (message) => {
      const change = parseKnowledgeChange(message);
      const entry = change ? this.orgs.get(change.org_id) : undefined;
      if (!change || !entry?.loaded) return;
      this.enqueue(entry, async () => {
        if (change.removed) entry.index.removeSource(change.source_id);
        else await this.loadSource(entry, change.org_id, change.source_id);
        entry.revision = change.revision;
      });
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** The org's index, current as of the revision on the bus. */
  async indexFor(orgId: string): Promise<VectorIndex> {
    let entry = this.orgs.get(orgId);
    if (!entry) {
      entry = { revision: null, index: new VectorIndex(), queue: Promise.resolve(), loaded: false };
      this.orgs.set(orgId, entry);
    }
    const revision = await this.bus.hashGet(Hashes.knowledgeRevisions, orgId);
    if (!entry.loaded || entry.revision !== revision) {
      const target = entry;
      await this.enqueue(target, async () => {
        const current = await this.bus.hashGet(Hashes.knowledgeRevisions, orgId);
        if (target.loaded && target.revision === current) return;
        await this.loadOrg(target, orgId, current);
      });
    } else {
      await entry.queue;
    }
    return entry.index;
  }

  private enqueue(entry: OrgEntry, work: () => Promise<void>): Promise<void> {
    const next = entry.queue.then(work).catch((error) => {
      this.log.warn({ err: error }, "knowledge index update failed");
    });
    entry.queue = next;
    return next;
  }

  private async loadOrg(entry: OrgEntry, orgId: string, revision: string | null): Promise<void> {
    const published = await this.bus.hashGetAll(knowledgeSourcesHash(orgId));
    const index = new VectorIndex();
    for (const [sourceId, json] of Object.entries(published)) this.apply(index, sourceId, json);
    entry.index = index;
    entry.revision = revision;
    entry.loaded = true;
  }

  private async loadSource(entry: OrgEntry, orgId: string, sourceId: string): Promise<void> {
    const json = await this.bus.hashGet(knowledgeSourcesHash(orgId), sourceId);
    if (json === null) entry.index.removeSource(sourceId);
    else this.apply(entry.index, sourceId, json);
  }

  private apply(index: VectorIndex, sourceId: string, json: string): void {
    const source = JSON.parse(json) as PublishedSource;
    if (source.model !== this.modelId) {
      index.removeSource(sourceId);
      this.log.warn(
        { sourceId, sourceModel: source.model, gatewayModel: this.modelId },
        "knowledge source embedded with another model is skipped",
      );
      return;
    }
    const vectors = unpackVectors(Buffer.from(source.vectors, "base64"));
    try {
      index.setSource(sourceId, source.title, source.chunks, vectors);
    } catch (error) {
      index.removeSource(sourceId);
      this.log.warn({ sourceId, err: error }, "knowledge source does not fit the index");
    }
  }
}
