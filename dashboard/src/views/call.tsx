import { api } from "../api/client.ts";
import type { paths } from "../api/schema";
import { useLoad } from "../load.ts";
import { ErrorNote, Loading, Page, when } from "../ui.tsx";

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

export function CallView({ callId }: { callId: string }) {
  const call = useLoad(
    () => api.GET("/api/v1/calls/{call_id}", { params: { path: { call_id: callId } } }),
    [callId],
  );
  if (call.loading && !call.data) return <Loading what="the call" />;
  if (!call.data) return <ErrorNote message={call.error} />;
  const data = call.data;
  const scaleMs = Math.max(1, ...data.transcript.map((turn) => turn.latency?.total_ms ?? 0));
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
      {data.recording_url && (
        // biome-ignore lint/a11y/useMediaCaption: the transcript below is the recording's text.
        <audio controls preload="none" src={`/api/v1/calls/${data.id}/recording`} aria-label="Recording" />
      )}
      <h2>Transcript</h2>
      {data.transcript.length === 0 && <p class="state empty">No turns.</p>}
      <ol class="transcript">
        {data.transcript.map((turn, index) => (
          <li key={`${index}-${turn.started_at}`} class={turn.role}>
            <span class="speaker">{turn.role === "agent" ? "Agent" : "Caller"}</span>
            <p>
              {turn.text}
              {turn.interrupted && <em class="muted"> (interrupted)</em>}
            </p>
            {turn.role === "agent" && <Waterfall turn={turn} scaleMs={scaleMs} />}
          </li>
        ))}
      </ol>
    </Page>
  );
}
