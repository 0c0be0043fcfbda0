// What control publishes on the bus for gateways to search, so a gateway never reads the
// database. One hash per org (`knowledgeSourcesHash(org)`): source id -> PublishedSource, the
// chunk texts plus all their vectors as one base64 Float32 blob (compact, and one hashGet
// rebuilds a source). `Hashes.knowledgeRevisions` holds each org's current revision and every
// change is announced on `Channels.knowledgeChanged`; a gateway that missed a message notices
// the revision moved and reloads the org, so a deleted source never answers again.

export interface PublishedChunk {
  text: string;
  tokens: number;
}

export interface PublishedSource {
  id: string;
  org_id: string;
  title: string;
  /** Vectors from another model are not comparable: gateways skip them. */
  model: string;
  dimensions: number;
  content_hash: string;
  chunks: PublishedChunk[];
  /** chunks.length * dimensions little-endian Float32 values, base64. */
  vectors: string;
}

export interface KnowledgeChange {
  org_id: string;
  source_id: string;
  /** The org's revision after this change (also in Hashes.knowledgeRevisions). */
  revision: string;
  removed: boolean;
}

export function parseKnowledgeChange(message: string): KnowledgeChange | null {
  try {
    const value = JSON.parse(message) as Partial<KnowledgeChange>;
    if (typeof value.org_id !== "string" || typeof value.source_id !== "string") return null;
    if (typeof value.revision !== "string") return null;
    return {
      org_id: value.org_id,
      source_id: value.source_id,
      revision: value.revision,
      removed: !!value.removed,
    };
  } catch {
    return null;
  }
}
