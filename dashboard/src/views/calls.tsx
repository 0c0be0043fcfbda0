import { useState } from "preact/hooks";
import { api } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { Empty, ErrorNote, Field, Loading, Page, when } from "../ui.tsx";

const STATUSES = [
  "",
  "queued",
  "ringing",
  "in_progress",
  "completed",
  "busy",
  "no_answer",
  "failed",
  "canceled",
];
const DIRECTIONS = ["", "inbound", "outbound", "web"];

export function CallsView() {
  const [status, setStatus] = useState("");
  const [direction, setDirection] = useState("");
  const [from, setFrom] = useState("");
  const [until, setUntil] = useState("");
  const [agentId, setAgentId] = useState("");
  const [number, setNumber] = useState("");
  const agents = useLoad(() => api.GET("/api/v1/agents", { params: { query: { limit: 100 } } }));
  const calls = useLoad(
    () =>
      api.GET("/api/v1/calls", {
        params: {
          query: {
            limit: 50,
            ...(status ? { status } : {}),
            ...(direction ? { direction } : {}),
            ...(from ? { from: new Date(from).toISOString() } : {}),
            // The whole of the chosen day: up to the next midnight.
            ...(until ? { to: new Date(new Date(until).getTime() + 86_400_000).toISOString() } : {}),
            ...(agentId ? { agent_id: agentId } : {}),
            ...(number ? { number } : {}),
          },
        },
      }),
    [status, direction, from, until, agentId, number],
  );
  return (
    <Page title="Calls">
      <form class="card inline" aria-label="Filter calls" onSubmit={(e) => e.preventDefault()}>
        <Field label="Status">
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            {STATUSES.map((s) => (
              <option value={s} key={s}>
                {s || "any"}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Direction">
          <select value={direction} onChange={(e) => setDirection(e.currentTarget.value)}>
            {DIRECTIONS.map((d) => (
              <option value={d} key={d}>
                {d || "any"}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Agent">
          <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)}>
            <option value="">any</option>
            {(agents.data?.data ?? []).map((agent) => (
              <option value={agent.id} key={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Number">
          {/* Applied on change (Enter or leaving the field), not on every keystroke. */}
          <input
            type="tel"
            placeholder="+14155550142"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value.trim())}
          />
        </Field>
        <Field label="Since">
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </Field>
        <Field label="Until">
          <input type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        </Field>
      </form>
      <ErrorNote message={calls.error} />
      {calls.loading && !calls.data && <Loading what="calls" />}
      {calls.data && calls.data.data.length === 0 && <Empty>No calls match.</Empty>}
      {calls.data && calls.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Calls</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Direction</th>
              <th scope="col">Status</th>
              <th scope="col">From → to</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {calls.data.data.map((call) => (
              <tr key={call.id}>
                <td>
                  <a href={`#/calls/${call.id}`}>{when(call.started_at)}</a>
                </td>
                <td>{call.direction}</td>
                <td>{call.status}</td>
                <td>
                  {call.from_number ?? "—"} → {call.to_number ?? "—"}
                </td>
                <td>{call.duration_s === null ? "—" : `${call.duration_s} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
