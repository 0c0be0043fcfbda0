// The agent's greeting, synthesised once per agent and voice: every call of an agent opens
// with the same first message, so its audio is kept after the first call and replayed from
// memory to the next ones (no provider request, first audio at once). An entry belongs to one
// version of the agent: a change to the agent (its updated_at), its voice or the text makes
// the next call synthesise again and replace it. Only audio synthesised to the end is kept.
import type { Agent } from "@switchboard/shared/agent";
import type { TtsOptions, TtsProvider } from "../providers/types.ts";

/** Agents whose greeting is kept; the least recently used goes first. */
const DEFAULT_MAX_AGENTS = 1000;
/** A greeting longer than this (at 16 kHz, 30 s) is not kept. */
const DEFAULT_MAX_SAMPLES_PER_AGENT = 16_000 * 30;

interface GreetingEntry {
  fingerprint: string;
  /** The greeting's sentences as the TTS stage asked for them, with their audio. */
  sentences: Map<string, Int16Array[]>;
  samples: number;
}

export class GreetingCache {
  private readonly entries = new Map<string, GreetingEntry>();

  constructor(
    private readonly limits = {
      maxAgents: DEFAULT_MAX_AGENTS,
      maxSamplesPerAgent: DEFAULT_MAX_SAMPLES_PER_AGENT,
    },
  ) {}

  /**
   * `tts` for one call of `agent`: sentences of `greeting` (the rendered first message) come
   * from the cache when this version of the agent has them, else from `tts`, and are kept;
   * everything else goes to `tts` untouched. A greeting filled from the call's own variables
   * differs per call and is never kept (pass null).
   */
  wrap(
    agent: Pick<Agent, "id" | "voice" | "updated_at">,
    greeting: string | null,
    tts: TtsProvider,
  ): TtsProvider {
    if (!greeting) return tts;
    const fingerprint = JSON.stringify([agent.updated_at, agent.voice, tts.name, greeting]);
    const cache = this;
    return {
      name: tts.name,
      synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
        if (!greeting.includes(text)) return tts.synthesize(text, options, signal);
        const key = `${options.voiceId}\n${options.speed ?? ""}\n${options.sampleRateHz}\n${text}`;
        const cached = cache.lookup(agent.id, fingerprint, key);
        if (cached) return replay(cached);
        return cache.recording(agent.id, fingerprint, key, tts.synthesize(text, options, signal), signal);
      },
    };
  }

  private lookup(agentId: string, fingerprint: string, key: string): Int16Array[] | null {
    const entry = this.entries.get(agentId);
    if (!entry || entry.fingerprint !== fingerprint) return null;
    const chunks = entry.sentences.get(key);
    if (!chunks) return null;
    // Most recently used last.
    this.entries.delete(agentId);
    this.entries.set(agentId, entry);
    return chunks;
  }

  private store(agentId: string, fingerprint: string, key: string, chunks: Int16Array[]): void {
    const samples = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    let entry = this.entries.get(agentId);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = { fingerprint, sentences: new Map(), samples: 0 };
    }
    if (entry.samples + samples > this.limits.maxSamplesPerAgent) return;
    entry.sentences.set(key, chunks);
    entry.samples += samples;
    this.entries.delete(agentId);
    this.entries.set(agentId, entry);
    while (this.entries.size > this.limits.maxAgents) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  private async *recording(
    agentId: string,
    fingerprint: string,
    key: string,
    source: AsyncIterable<Int16Array>,
    signal: AbortSignal,
  ): AsyncIterable<Int16Array> {
    const chunks: Int16Array[] = [];
    for await (const chunk of source) {
      // Kept as a copy: the consumer may reuse or change what it was given.
      chunks.push(chunk.slice());
      yield chunk;
    }
    if (!signal.aborted) this.store(agentId, fingerprint, key, chunks);
  }
}

async function* replay(chunks: Int16Array[]): AsyncIterable<Int16Array> {
  for (const chunk of chunks) yield chunk.slice();
}
