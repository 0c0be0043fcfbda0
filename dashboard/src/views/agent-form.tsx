import { useState } from "preact/hooks";
import { api, type Problem, problemText } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { ErrorNote, Field } from "../ui.tsx";
import { type Agent, type AgentBody, draftOf, variablesIn } from "./agent-draft.ts";
import { AnalysisSection, KnowledgeSection, ToolsSection, TurnSection } from "./agent-form-behaviour.tsx";
import { ModelSection, RealtimeSection, SpeechSection } from "./agent-form-providers.tsx";

/**
 * Every field of an agent: a new one, an existing one (PATCH), or a duplicate of one (a new
 * agent with the same settings). Blocks left untouched keep the platform's defaults.
 */
export function AgentForm({
  agent,
  mode,
  onDone,
}: {
  agent: Agent | null;
  mode: "create" | "edit" | "duplicate";
  onDone: (changed: boolean) => void;
}) {
  const [draft, setDraft] = useState<AgentBody>(() => draftOf(agent, mode === "duplicate" ? " (copy)" : ""));
  const [schemaText, setSchemaText] = useState(() =>
    agent?.analysis?.schema ? JSON.stringify(agent.analysis.schema) : "",
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const credentials = useLoad(() =>
    api.GET("/api/v1/provider-credentials", { params: { query: { limit: 100 } } }),
  );
  const tools = useLoad(() => api.GET("/api/v1/tools", { params: { query: { limit: 100 } } }));
  const sources = useLoad(() => api.GET("/api/v1/knowledge", { params: { query: { limit: 100 } } }));

  const set = <K extends keyof AgentBody>(key: K, value: AgentBody[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const setBlock = (key: keyof AgentBody, values: Record<string, unknown> | null) =>
    setDraft((previous) => {
      const next = { ...previous } as Record<string, unknown>;
      if (values === null) delete next[key];
      else next[key] = { ...((previous[key] as object | undefined) ?? {}), ...values };
      return next as AgentBody;
    });
  const sectionProps = { draft, set, setBlock };
  const variables = variablesIn(draft.system_prompt, draft.first_message);
  const title =
    mode === "edit" ? `Edit ${agent?.name}` : mode === "duplicate" ? "Duplicate agent" : "New agent";

  return (
    <form
      class="card agent-form"
      aria-label={title}
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setFields({});
        const body = { ...draft };
        if (schemaText.trim()) {
          try {
            body.analysis = { summary: false, ...body.analysis, schema: JSON.parse(schemaText) };
          } catch {
            setFields({ "analysis.schema": "is not valid JSON" });
            return setError("The data schema is not valid JSON.");
          }
        }
        setBusy(true);
        const { data, error: problem } =
          mode === "edit" && agent
            ? await api.PATCH("/api/v1/agents/{agent_id}", { params: { path: { agent_id: agent.id } }, body })
            : await api.POST("/api/v1/agents", { body });
        setBusy(false);
        if (data) return onDone(true);
        setError(problemText(problem));
        setFields(Object.fromEntries(((problem as Problem)?.errors ?? []).map((e) => [e.field, e.message])));
      }}
    >
      <h2>{title}</h2>
      <label class="field">
        <span class="label">Name</span>
        <input
          required
          maxLength={200}
          value={draft.name}
          onInput={(e) => set("name", e.currentTarget.value)}
          aria-invalid={!!fields.name}
        />
        {fields.name && <span class="error">{fields.name}</span>}
      </label>
      <Field
        label="System prompt"
        hint="Use {{variable}} for values passed with each call, e.g. {{customer_name}}; inbound SIP headers are {{sip.X-Header}}."
      >
        <textarea
          rows={5}
          value={draft.system_prompt ?? ""}
          onInput={(e) => set("system_prompt", e.currentTarget.value)}
        />
      </Field>
      <Field
        label="First message"
        hint="Spoken on answer; leave empty to wait for the caller. {{variables}} work here too."
      >
        <input
          value={draft.first_message ?? ""}
          onInput={(e) => set("first_message", e.currentTarget.value)}
        />
      </Field>
      {variables.length > 0 && (
        <p class="muted" data-testid="variables">
          Variables each call fills in: {variables.map((name) => `{{${name}}}`).join(", ")}
        </p>
      )}
      <Field label="Language" hint="A BCP 47 tag such as en, en-GB or fr.">
        <input value={draft.language ?? ""} onInput={(e) => set("language", e.currentTarget.value)} />
      </Field>
      <details>
        <summary>Providers, turn-taking, tools, knowledge and analysis</summary>
        <ModelSection {...sectionProps} credentials={credentials.data?.data ?? []} />
        <SpeechSection
          {...sectionProps}
          credentials={credentials.data?.data ?? []}
          savedAgentId={mode === "edit" ? agent?.id : undefined}
        />
        <RealtimeSection {...sectionProps} credentials={credentials.data?.data ?? []} />
        <TurnSection {...sectionProps} />
        <ToolsSection {...sectionProps} tools={tools.data?.data ?? []} />
        <KnowledgeSection {...sectionProps} sources={sources.data?.data ?? []} />
        <AnalysisSection {...sectionProps} schemaText={schemaText} setSchemaText={setSchemaText} />
      </details>
      {Object.keys(fields).length > 0 && (
        <ul class="error" aria-label="Fields to fix">
          {Object.entries(fields).map(([field, message]) => (
            <li key={field}>
              <code>{field}</code> {message}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote message={error} />
      <div class="row">
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : mode === "edit" ? "Save agent" : "Create agent"}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
