import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { useLoad } from "../load.ts";
import type { Session } from "../session.ts";
import { Empty, ErrorNote, Loading, Page, when } from "../ui.tsx";
import type { Agent } from "./agent-draft.ts";
import { AgentForm } from "./agent-form.tsx";
import { TalkPanel } from "./talk.tsx";

export function AgentsView(_: { session: Session }) {
  const agents = useLoad(() => api.GET("/api/v1/agents", { params: { query: { limit: 100 } } }));
  const [editing, setEditing] = useState<{
    mode: "create" | "edit" | "duplicate";
    agent: Agent | null;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [talking, setTalking] = useState<{ id: string; name: string } | null>(null);
  return (
    <Page
      title="Agents"
      actions={
        <button
          type="button"
          onClick={() => setEditing({ mode: "create", agent: null })}
          disabled={editing !== null}
        >
          New agent
        </button>
      }
    >
      {editing && (
        <AgentForm
          key={`${editing.mode}-${editing.agent?.id ?? "new"}`}
          agent={editing.agent}
          mode={editing.mode}
          onDone={(changed) => {
            setEditing(null);
            if (changed) agents.reload();
          }}
        />
      )}
      {talking && (
        <TalkPanel
          key={talking.id}
          agentId={talking.id}
          agentName={talking.name}
          onClose={() => setTalking(null)}
        />
      )}
      <ErrorNote message={agents.error ?? error} />
      {agents.loading && !agents.data && <Loading what="agents" />}
      {agents.data && agents.data.data.length === 0 && (
        <Empty>
          <p>No agents yet. An agent answers calls with a prompt, a voice and a model.</p>
        </Empty>
      )}
      {agents.data && agents.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Agents</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">First message</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.data.data.map((agent) => (
              <tr key={agent.id}>
                <td>
                  <strong>{agent.name}</strong>
                  <br />
                  <code class="muted">{agent.id}</code>
                </td>
                <td>{agent.first_message || <span class="muted">waits for the caller</span>}</td>
                <td>{when(agent.created_at)}</td>
                <td class="actions">
                  <button
                    type="button"
                    aria-label={`Talk to ${agent.name}`}
                    disabled={talking !== null}
                    onClick={() => setTalking({ id: agent.id, name: agent.name })}
                  >
                    Talk
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Edit ${agent.name}`}
                    disabled={editing !== null}
                    onClick={() => setEditing({ mode: "edit", agent })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Duplicate ${agent.name}`}
                    disabled={editing !== null}
                    onClick={() => setEditing({ mode: "duplicate", agent })}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-label={`Delete ${agent.name}`}
                    onClick={async () => {
                      if (!confirm(`Delete the agent ${agent.name}?`)) return;
                      const { error: problem, response } = await api.DELETE("/api/v1/agents/{agent_id}", {
                        params: { path: { agent_id: agent.id } },
                      });
                      if (response.ok) agents.reload();
                      else setError(problemText(problem));
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
