import { useRef, useState } from "preact/hooks";
import { api } from "../api/client.ts";
import type { paths } from "../api/schema";
import { useLoad } from "../load.ts";
import { atLeast, type Session } from "../session.ts";
import { ErrorNote, Loading, Page, when } from "../ui.tsx";
import { CallDeliveries } from "./call-deliveries.tsx";

type Call = paths["/api/v1/calls/{call_id}"]["get"]["responses"][200]["content"]["application/json"];
type Turn = Call["transcript"][number];

const STAGES = [
  ["endpointing_ms", "endpointing"],
  ["stt_ms", "STT"],
  ["llm_first_token_ms", "LLM first token"],
  ["tts_first_byte_ms", "TTS first byte"],
  ["first_packet_ms", "first packet"],
] as const;

/** One agent turn's latency as stacked bars, scaled to the slowest turn of the call. */
function Waterfall({ turn, scaleMs }: { turn: Turn; scaleMs: number }) {
  const latency = turn.latency;
  if (!latency) return null;
  const total = latency.total_ms ?? 0;
  return (
    <div
      class="waterfall"
      role="img"
      aria-label={`Latency ${total} ms: ${STAGES.map(([k, label]) => `${label} ${latency[k] ?? 0} ms`).join(", ")}`}
    >
      {STAGES.map(([key, label]) => {
        const ms = latency[key] ?? 0;
        return (
          <span
            key={key}
            class={`stage ${key}`}
            style={{ width: `${(100 * ms) / scaleMs}%` }}
            title={`${label} ${ms} ms`}
          />
        );
      })}
      <span class="total">{total} ms</span>
    </div>
  );
}

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

/**
 * The transcript beside the recording: the recording starts when the call is answered, so a
 * turn's place in the audio is its start minus the answer time. The turn being heard is
 * marked (aria-current) as the audio plays, and each turn's button plays from its start.
 */
function Transcript({ call, recorded }: { call: Call; recorded: boolean }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [positionMs, setPositionMs] = useState<number | null>(null);
  const zeroMs = Date.parse(call.answered_at ?? call.started_at ?? "");
  const offsetMs = (iso: string) => Date.parse(iso) - zeroMs;
  const scaleMs = Math.max(1, ...call.transcript.map((turn) => turn.latency?.total_ms ?? 0));
  const heard = (turn: Turn) =>
    positionMs !== null && offsetMs(turn.started_at) <= positionMs && positionMs < offsetMs(turn.ended_at);
  const follow = recorded && !Number.isNaN(zeroMs);
  return (
    <>
      {recorded && (
        // biome-ignore lint/a11y/useMediaCaption: the transcript below is the recording's text and follows it.
        <audio
          ref={audio}
          controls
          preload="metadata"
          src={`/api/v1/calls/${call.id}/recording`}
          aria-label="Recording"
          onTimeUpdate={(e) => setPositionMs(e.currentTarget.currentTime * 1000)}
          onSeeked={(e) => setPositionMs(e.currentTarget.currentTime * 1000)}
        />
      )}
      <h2>Transcript</h2>
      {call.transcript.length === 0 && <p class="state empty">No turns.</p>}
      <ol class="transcript" aria-label="Transcript">
        {call.transcript.map((turn, index) => (
          <li
            key={`${index}-${turn.started_at}`}
            class={`${turn.role}${heard(turn) ? " heard" : ""}`}
            aria-current={heard(turn) ? "true" : undefined}
          >
            <span class="speaker">
              {turn.role === "agent" ? "Agent" : "Caller"}
              {follow && (
                <button
                  type="button"
                  class="link"
                  aria-label={`Play from ${clock(offsetMs(turn.started_at))}: ${turn.text.slice(0, 40)}`}
                  onClick={() => {
                    const element = audio.current;
                    if (!element) return;
                    element.currentTime = Math.max(0, offsetMs(turn.started_at) / 1000);
                    setPositionMs(element.currentTime * 1000);
                    void element.play().catch(() => {});
                  }}
                >
                  {clock(offsetMs(turn.started_at))}
                </button>
              )}
            </span>
            <p>
              {turn.text}
              {turn.interrupted && <em class="muted"> (interrupted)</em>}
            </p>
            {turn.tool_calls && turn.tool_calls.length > 0 && (
              <ul class="muted tool-calls">
                {turn.tool_calls.map((tool, toolIndex) => (
                  <li key={`${tool.name}-${toolIndex}`}>
                    tool <code>{tool.name}</code> {tool.outcome} in {Math.round(tool.duration_ms)} ms
                  </li>
                ))}
              </ul>
            )}
            {turn.role === "agent" && <Waterfall turn={turn} scaleMs={scaleMs} />}
          </li>
        ))}
      </ol>
    </>
  );
}

function Analysis({ analysis }: { analysis: NonNullable<Call["analysis"]> }) {
  return (
    <section aria-labelledby="analysis-title">
      <h2 id="analysis-title">Analysis</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{analysis.status}</dd>
        {analysis.summary && (
          <>
            <dt>Summary</dt>
            <dd>{analysis.summary}</dd>
          </>
        )}
        {analysis.success && (
          <>
            <dt>Success</dt>
            <dd>
              {analysis.success.value ? "yes" : "no"} — {analysis.success.reason}
            </dd>
          </>
        )}
        {analysis.data && (
          <>
            <dt>Data</dt>
            <dd>
              <pre>{JSON.stringify(analysis.data, null, 2)}</pre>
            </dd>
          </>
        )}
        {analysis.error && (
          <>
            <dt>Error</dt>
            <dd class="error">{analysis.error}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

export function CallView({ callId, session }: { callId: string; session: Session }) {
  const call = useLoad(
    () => api.GET("/api/v1/calls/{call_id}", { params: { path: { call_id: callId } } }),
    [callId],
  );
  if (call.loading && !call.data) return <Loading what="the call" />;
  if (!call.data) return <ErrorNote message={call.error} />;
  const data = call.data;
  return (
    <Page title={`Call ${when(data.started_at)}`} actions={<a href="#/calls">All calls</a>}>
      <dl class="facts">
        <dt>Direction</dt>
        <dd>{data.direction}</dd>
        <dt>Status</dt>
        <dd>{data.status}</dd>
        <dt>From → to</dt>
        <dd>
          {data.from_number ?? "—"} → {data.to_number ?? "—"}
        </dd>
        <dt>Duration</dt>
        <dd>{data.duration_s ?? "—"} s</dd>
      </dl>
      <Transcript call={data} recorded={!!data.recording_url} />
      {data.analysis && <Analysis analysis={data.analysis} />}
      {atLeast(session.user.role, "admin") && <CallDeliveries callId={data.id} />}
    </Page>
  );
}
