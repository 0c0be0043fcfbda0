import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { Empty, ErrorNote, Field, Loading, Page, Secret } from "../ui.tsx";
import { WebhookDeliveries } from "./webhook-deliveries.tsx";

export function WebhooksView() {
  const endpoints = useLoad(() => api.GET("/api/v1/webhooks", { params: { query: { limit: 100 } } }));
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  return (
    <Page title="Webhooks">
      <form
        class="card inline"
        aria-label="Add an endpoint"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          const { data, error: problem } = await api.POST("/api/v1/webhooks", { body: { url } });
          if (!data) return setError(problemText(problem));
          setSecret(data.secret);
          setUrl("");
          endpoints.reload();
        }}
      >
        <Field label="Endpoint URL" hint="Receives signed POSTs (Standard Webhooks) for every event.">
          <input type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </Field>
        <button type="submit">Add endpoint</button>
      </form>
      {secret && <Secret label="The endpoint's signing secret, shown only now:" value={secret} />}
      {tested && (
        <p role="status" class="card">
          {tested}
        </p>
      )}
      <ErrorNote message={endpoints.error ?? error} />
      {endpoints.loading && !endpoints.data && <Loading what="webhook endpoints" />}
      {endpoints.data && endpoints.data.data.length === 0 && (
        <Empty>No endpoints. Add one to receive events.</Empty>
      )}
      {endpoints.data?.data.map((endpoint) => (
        <section class="card" key={endpoint.id} aria-label={`Endpoint ${endpoint.url}`}>
          <div class="page-head">
            <h2>
              <code>{endpoint.url}</code>
            </h2>
            <div class="actions">
              <button
                type="button"
                class="secondary"
                onClick={async () => {
                  const { data, error: problem } = await api.POST("/api/v1/webhooks/{id}/test", {
                    params: { path: { id: endpoint.id } },
                  });
                  if (!data) return setError(problemText(problem));
                  setTested(
                    `Test event ${data.status}: ${data.response_code ?? "no answer"}` +
                      (data.latency_ms === null ? "" : ` in ${data.latency_ms} ms`) +
                      (data.error ? ` (${data.error})` : ""),
                  );
                  setOpen(endpoint.id);
                  setRound((n) => n + 1);
                }}
              >
                Send test
              </button>
              <button
                type="button"
                class="secondary"
                aria-expanded={open === endpoint.id}
                onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}
              >
                Deliveries
              </button>
              <button
                type="button"
                class="danger"
                aria-label={`Delete ${endpoint.url}`}
                onClick={async () => {
                  if (!confirm(`Delete the endpoint ${endpoint.url}?`)) return;
                  const { error: problem, response } = await api.DELETE("/api/v1/webhooks/{id}", {
                    params: { path: { id: endpoint.id } },
                  });
                  if (response.ok) endpoints.reload();
                  else setError(problemText(problem));
                }}
              >
                Delete
              </button>
            </div>
          </div>
          <p class="muted">
            {endpoint.enabled ? "Enabled" : "Disabled"} ·{" "}
            {endpoint.events.length === 0 ? "all events" : endpoint.events.join(", ")}
          </p>
          {open === endpoint.id && (
            <WebhookDeliveries key={`${endpoint.id}-${round}`} endpointId={endpoint.id} />
          )}
        </section>
      ))}
    </Page>
  );
}
