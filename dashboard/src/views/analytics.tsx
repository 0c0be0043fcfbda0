import { useMemo, useState } from "preact/hooks";
import { api } from "../api/client.ts";
import type { paths } from "../api/schema";
import { DayChart } from "../chart.tsx";
import { useLoad } from "../load.ts";
import { dollars, Empty, ErrorNote, Field, Loading, Page } from "../ui.tsx";

type Overview = paths["/api/v1/analytics/overview"]["get"]["responses"][200]["content"]["application/json"];

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfToday(): Date {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return today;
}

/** One overview for the whole window and one per day in it, read in parallel. */
async function loadWindow(
  days: number,
): Promise<{ data?: { total: Overview; daily: Overview[]; days: Date[] }; error?: unknown }> {
  const end = new Date(startOfToday().getTime() + DAY_MS);
  const starts = Array.from({ length: days }, (_, i) => new Date(end.getTime() - (days - i) * DAY_MS));
  const overview = (from: Date, to: Date) =>
    api.GET("/api/v1/analytics/overview", {
      params: { query: { from: from.toISOString(), to: to.toISOString() } },
    });
  const [total, ...daily] = await Promise.all([
    overview(starts[0]!, end),
    ...starts.map((start) => overview(start, new Date(start.getTime() + DAY_MS))),
  ]);
  const failed = [total, ...daily].find((answer) => !answer.data);
  if (failed) return { error: failed.error };
  return { data: { total: total.data!, daily: daily.map((answer) => answer.data!), days: starts } };
}

export function AnalyticsView() {
  const [days, setDays] = useState(14);
  const stats = useLoad(() => loadWindow(days), [days]);
  const agents = useLoad(() => api.GET("/api/v1/agents", { params: { query: { limit: 100 } } }));
  const names = new Map((agents.data?.data ?? []).map((agent) => [agent.id, agent.name]));
  const series = useMemo(() => {
    const daily = stats.data?.daily ?? [];
    return {
      volume: [
        { label: "Calls", values: daily.map((d) => d.calls), color: "#0b57d0" },
        { label: "Minutes", values: daily.map((d) => d.minutes), color: "#1e8e3e" },
      ],
      cost: [{ label: "Spend ($)", values: daily.map((d) => d.spend_cents / 100), color: "#b3261e" }],
      latency: [
        { label: "Average (ms)", values: daily.map((d) => d.turn_latency.average_ms), color: "#6f42c1" },
        { label: "p95 (ms)", values: daily.map((d) => d.turn_latency.p95_ms), color: "#e37400" },
      ],
    };
  }, [stats.data]);
  const total = stats.data?.total;
  return (
    <Page
      title="Analytics"
      actions={
        <Field label="Window">
          <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            <option value={7}>last 7 days</option>
            <option value={14}>last 14 days</option>
            <option value={30}>last 30 days</option>
          </select>
        </Field>
      }
    >
      <ErrorNote message={stats.error} />
      {stats.loading && !stats.data && <Loading what="analytics" />}
      {total && (
        <dl class="tiles">
          <div>
            <dt>Calls</dt>
            <dd data-testid="total-calls">{total.calls}</dd>
          </div>
          <div>
            <dt>Minutes</dt>
            <dd>{total.minutes}</dd>
          </div>
          <div>
            <dt>Spend</dt>
            <dd>{dollars(total.spend_cents)}</dd>
          </div>
          <div>
            <dt>Turn latency avg / p95</dt>
            <dd>
              {total.turn_latency.average_ms ?? "—"} / {total.turn_latency.p95_ms ?? "—"} ms
            </dd>
          </div>
        </dl>
      )}
      {total && total.calls === 0 && <Empty>No calls in this window yet. Charts fill in as calls end.</Empty>}
      {stats.data && total && total.calls > 0 && (
        <div class="charts">
          <DayChart title="Calls and minutes per day" days={stats.data.days} series={series.volume} />
          <DayChart title="Spend per day" days={stats.data.days} series={series.cost} />
          <DayChart title="Agent turn latency per day" days={stats.data.days} series={series.latency} />
        </div>
      )}
      {stats.data && total && total.calls > 0 && (
        <>
          <h2>Per day</h2>
          <table>
            <caption class="sr-only">Per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Calls</th>
                <th scope="col">Minutes</th>
                <th scope="col">Spend</th>
                <th scope="col">Latency avg / p95</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.daily.map((day, index) => (
                <tr key={day.from}>
                  <td>{stats.data!.days[index]!.toLocaleDateString()}</td>
                  <td>{day.calls}</td>
                  <td>{day.minutes}</td>
                  <td>{dollars(day.spend_cents)}</td>
                  <td>
                    {day.turn_latency.average_ms ?? "—"} / {day.turn_latency.p95_ms ?? "—"} ms
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>By agent</h2>
          <table>
            <caption class="sr-only">By agent</caption>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Calls</th>
                <th scope="col">Minutes</th>
                <th scope="col">Spend</th>
                <th scope="col">Latency avg / p95</th>
              </tr>
            </thead>
            <tbody>
              {total.agents.map((agent) => (
                <tr key={agent.agent_id ?? "none"}>
                  <td>{agent.agent_id ? (names.get(agent.agent_id) ?? agent.agent_id) : "no agent"}</td>
                  <td>{agent.calls}</td>
                  <td>{agent.minutes}</td>
                  <td>{dollars(agent.spend_cents)}</td>
                  <td>
                    {agent.turn_latency.average_ms ?? "—"} / {agent.turn_latency.p95_ms ?? "—"} ms
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
