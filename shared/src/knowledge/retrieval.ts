// Per-turn retrieval: embed the caller's final transcript locally, take the agent's top-k
// passages by cosine similarity, and keep those that fit the token budget (best first).
import type { Agent } from "../agent.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import type { KnowledgeStore } from "./store.ts";

interface RetrievedPassage {
  source_id: string;
  title: string;
  text: string;
  score: number;
  tokens: number;
}

interface Retrieval {
  passages: RetrievedPassage[];
  /** Tokens of the passages returned (at most the budget). */
  tokens: number;
  embedMs: number;
  searchMs: number;
}

type RetrievalAgent = Pick<Agent, "knowledge"> & { org_id?: string | undefined };

interface RetrieverOptions {
  store: KnowledgeStore;
  embedder: () => Promise<Embedder>;
  tokenBudget: number;
}

const EMPTY: Retrieval = { passages: [], tokens: 0, embedMs: 0, searchMs: 0 };
const MAX_TOP_K = 50;

export class KnowledgeRetriever {
  constructor(private readonly options: RetrieverOptions) {}

  /**
   * What the turn adds to the LLM context. An agent with knowledge mode `none`, no org, or an
   * empty selection gets nothing and costs nothing.
   */
  async retrieveForTurn(
    agent: RetrievalAgent,
    transcript: string,
    overrides: { topK?: number; tokenBudget?: number } = {},
  ): Promise<Retrieval> {
    const settings = agent.knowledge;
    const query = transcript.trim();
    if (!agent.org_id || !query || !settings || settings.mode === "none") return EMPTY;
    const allowed = settings.mode === "selected" ? new Set(settings.source_ids) : null;
    if (allowed && allowed.size === 0) return EMPTY;
    const topK = Math.min(MAX_TOP_K, Math.max(1, overrides.topK ?? settings.top_k ?? 3));
    const tokenBudget = overrides.tokenBudget ?? this.options.tokenBudget;

    const index = await this.options.store.indexFor(agent.org_id);
    if (index.size === 0) return EMPTY;
    const embedder = await this.options.embedder();
    const embedStart = performance.now();
    const vector = await embedder.embedOne(query);
    const searchStart = performance.now();
    const hits = index.search(vector, topK, allowed);
    const searchEnd = performance.now();

    const passages: RetrievedPassage[] = [];
    let tokens = 0;
    for (const hit of hits) {
      if (tokens + hit.passage.tokens > tokenBudget) continue;
      tokens += hit.passage.tokens;
      passages.push({
        source_id: hit.passage.sourceId,
        title: hit.passage.title,
        text: hit.passage.text,
        score: hit.score,
        tokens: hit.passage.tokens,
      });
    }
    return { passages, tokens, embedMs: searchStart - embedStart, searchMs: searchEnd - searchStart };
  }
}

/** The system message a turn adds to the LLM context; empty when nothing was retrieved. */
export function formatKnowledgeContext(passages: RetrievedPassage[]): string {
  if (passages.length === 0) return "";
  const body = passages.map((passage, i) => `[${i + 1}] ${passage.title}\n${passage.text}`).join("\n\n");
  return (
    "Relevant excerpts from the knowledge base. Use them when they answer the caller; " +
    `do not mention that they exist.\n\n${body}`
  );
}

/** The turn pipeline's `retrieveContext` hook for one call's agent. */
export function knowledgeContextFor(
  retriever: KnowledgeRetriever,
  agent: RetrievalAgent,
): (query: string, signal: AbortSignal) => Promise<string | null> {
  return async (query, signal) => {
    const retrieval = await retriever.retrieveForTurn(agent, query);
    if (signal.aborted) return null;
    return formatKnowledgeContext(retrieval.passages) || null;
  };
}
