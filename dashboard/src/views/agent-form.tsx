import { useState } from "preact/hooks";
import { api, type Problem, problemText } from "../api/client.ts";
import { ErrorNote, Field } from "../ui.tsx";

/** The agent's main fields; the rest keep the platform's defaults and can be set through the API. */
export function AgentForm({ onDone }: { onDone: (created: boolean) => void }) {
  const [name, setName] = useState("");
  const [prompt, setPrompt] = useState("");
  const [firstMessage, setFirstMessage] = useState("");
  const [language, setLanguage] = useState("en");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  return (
    <form
      class="card"
      aria-label="New agent"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const { data, error: problem } = await api.POST("/api/v1/agents", {
          body: { name, system_prompt: prompt, first_message: firstMessage, language },
        });
        setBusy(false);
        if (data) return onDone(true);
        setError(problemText(problem));
        setFields(Object.fromEntries(((problem as Problem)?.errors ?? []).map((e) => [e.field, e.message])));
      }}
    >
      <h2>New agent</h2>
      <label class="field">
        <span class="label">Name</span>
        <input
          required
          maxLength={200}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={!!fields.name}
        />
        {fields.name && <span class="error">{fields.name}</span>}
      </label>
      <Field
        label="System prompt"
        hint="Use {{variable}} for values passed with each call, e.g. {{customer_name}}."
      >
        <textarea rows={5} value={prompt} onInput={(e) => setPrompt(e.currentTarget.value)} />
      </Field>
      <Field
        label="First message"
        hint="Spoken on answer; leave empty to wait for the caller. {{variables}} work here too."
      >
        <input value={firstMessage} onInput={(e) => setFirstMessage(e.currentTarget.value)} />
      </Field>
      <Field label="Language" hint="A BCP 47 tag such as en, en-GB or fr.">
        <input value={language} onInput={(e) => setLanguage(e.currentTarget.value)} />
      </Field>
      <ErrorNote message={error} />
      <div class="row">
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create agent"}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
