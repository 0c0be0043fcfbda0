// A Deepgram live endpoint whose transcripts follow the caller's audio as the benchmark sent
// it: wss /calls/<key>/v1/listen, one path per call (each call's agent names its own base URL).
// A word is known `REVEAL_LATENCY_MS` after its audio ended; while audio arrives, interim
// Results carry the words since the last final; `endpointing` ms after the caller's last voiced
// audio the words go final with speech_final, as Deepgram's endpointing does; Finalize makes
// them final at once (from_finalize); UtteranceEnd follows `utterance_end_ms` without words.
// Punctuation is the script's: a sentence's end has its period, a pause after "for" has none.
import type { ServerWebSocket } from "bun";
import type { TimedWord } from "./speech.ts";

/** Streaming recognisers know a word this long after it was said. */
const REVEAL_LATENCY_MS = 150;
/** Finalize answers after this long. */
const FINALIZE_DELAY_MS = 50;
const INTERIM_EVERY_MS = 100;

interface CallTimeline {
  /** Words at absolute times (performance.now()), in order over the whole call. */
  words: { text: string; endAtMs: number }[];
  /** The caller's voiced spans, absolute. */
  speech: { startAtMs: number; endAtMs: number }[];
}

interface Listen {
  key: string;
  endpointingMs: number;
  utteranceEndMs: number;
  finalized: number;
  lastInterim: string;
  lastInterimAtMs: number;
  utteranceEndSentFor: number;
  closed: boolean;
}

export class TimedTranscripts {
  private readonly calls = new Map<string, CallTimeline>();

  /** The caller started a turn's first frame at `sentAtMs`. */
  addTurn(
    key: string,
    sentAtMs: number,
    words: TimedWord[],
    speech: { startMs: number; endMs: number }[],
  ): void {
    const timeline = this.calls.get(key) ?? { words: [], speech: [] };
    for (const word of words) timeline.words.push({ text: word.text, endAtMs: sentAtMs + word.endMs });
    for (const span of speech)
      timeline.speech.push({ startAtMs: sentAtMs + span.startMs, endAtMs: sentAtMs + span.endMs });
    this.calls.set(key, timeline);
  }

  timeline(key: string): CallTimeline {
    return this.calls.get(key) ?? { words: [], speech: [] };
  }
}

export function startTimedDeepgram(transcripts: TimedTranscripts) {
  const send = (ws: ServerWebSocket<Listen>, message: unknown) => {
    if (!ws.data.closed) ws.send(JSON.stringify(message));
  };
  const results = (ws: ServerWebSocket<Listen>, text: string, flags: Record<string, boolean>) =>
    send(ws, {
      type: "Results",
      channel_index: [0, 1],
      channel: { alternatives: [{ transcript: text, confidence: text ? 0.99 : 0, words: [] }] },
      ...flags,
    });
  const revealed = (timeline: CallTimeline, nowMs: number) => {
    let count = 0;
    while (count < timeline.words.length && timeline.words[count]!.endAtMs + REVEAL_LATENCY_MS <= nowMs)
      count++;
    return count;
  };
  const textOf = (timeline: CallTimeline, from: number, to: number) =>
    timeline.words
      .slice(from, to)
      .map((word) => word.text)
      .join(" ");

  const onAudio = (ws: ServerWebSocket<Listen>) => {
    const listen = ws.data;
    const timeline = transcripts.timeline(listen.key);
    const now = performance.now();
    const known = revealed(timeline, now);
    const heardAt = now - REVEAL_LATENCY_MS;
    const speaking = timeline.speech.some((span) => span.startAtMs <= heardAt && heardAt < span.endAtMs);
    const lastEnd = timeline.speech.filter((span) => span.endAtMs <= heardAt).at(-1)?.endAtMs ?? null;
    if (known > listen.finalized) {
      if (!speaking && lastEnd !== null && heardAt - lastEnd >= listen.endpointingMs) {
        results(ws, textOf(timeline, listen.finalized, known), { is_final: true, speech_final: true });
        listen.finalized = known;
        listen.lastInterim = "";
        return;
      }
      const text = textOf(timeline, listen.finalized, known);
      if (text !== listen.lastInterim && now - listen.lastInterimAtMs >= INTERIM_EVERY_MS) {
        results(ws, text, { is_final: false, speech_final: false });
        listen.lastInterim = text;
        listen.lastInterimAtMs = now;
      }
      return;
    }
    const lastWordAt = timeline.words[known - 1]?.endAtMs;
    if (known > 0 && listen.utteranceEndSentFor !== known && lastWordAt !== undefined) {
      if (!speaking && heardAt - lastWordAt >= listen.utteranceEndMs) {
        listen.utteranceEndSentFor = known;
        send(ws, { type: "UtteranceEnd", last_word_end: 0 });
      }
    }
  };

  const finalize = (ws: ServerWebSocket<Listen>) => {
    setTimeout(() => {
      const listen = ws.data;
      const timeline = transcripts.timeline(listen.key);
      const known = revealed(timeline, performance.now());
      results(ws, textOf(timeline, listen.finalized, Math.max(known, listen.finalized)), {
        is_final: true,
        speech_final: false,
        from_finalize: true,
      });
      listen.finalized = Math.max(known, listen.finalized);
      listen.lastInterim = "";
    }, FINALIZE_DELAY_MS);
  };

  return Bun.serve<Listen, never>({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 0,
    fetch(request, server) {
      const url = new URL(request.url);
      const key = /^\/calls\/([^/]+)\/v1\/listen$/.exec(url.pathname)?.[1];
      if (!key) return new Response("not found", { status: 404 });
      const listen: Listen = {
        key,
        endpointingMs: Number(url.searchParams.get("endpointing") ?? 10),
        utteranceEndMs: Number(url.searchParams.get("utterance_end_ms") ?? 1000),
        finalized: 0,
        lastInterim: "",
        lastInterimAtMs: 0,
        utteranceEndSentFor: -1,
        closed: false,
      };
      // Words said before this connection opened were heard by an earlier one.
      listen.finalized = revealed(transcripts.timeline(key), performance.now());
      if (server.upgrade(request, { data: listen })) return undefined;
      return new Response("expected a WebSocket upgrade", { status: 426 });
    },
    websocket: {
      message(ws, message) {
        if (typeof message !== "string") return onAudio(ws);
        const type = (JSON.parse(message) as { type?: string }).type;
        if (type === "Finalize") finalize(ws);
        else if (type === "CloseStream") ws.close(1000);
      },
      close(ws) {
        ws.data.closed = true;
      },
    },
  });
}
