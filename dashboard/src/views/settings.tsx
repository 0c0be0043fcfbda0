import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import type { paths } from "../api/schema";
import { useLoad } from "../load.ts";
import { atLeast, type Session } from "../session.ts";
import { dollars, Empty, ErrorNote, Field, Loading, Page, Secret, when } from "../ui.tsx";

type Provider =
  paths["/api/v1/provider-credentials"]["post"]["requestBody"]["content"]["application/json"]["provider"];
const PROVIDERS: Provider[] = ["openai", "openai_compatible", "deepgram", "elevenlabs", "gemini"];

/** The org's own API keys for providers, stored encrypted and shown only by prefix. */
function ProviderCredentials({ canManage }: { canManage: boolean }) {
  const credentials = useLoad(() =>
    api.GET("/api/v1/provider-credentials", { params: { query: { limit: 100 } } }),
  );
  const [provider, setProvider] = useState<Provider>("openai");
  const [name, setName] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="credentials-title">
      <h2 id="credentials-title">Provider credentials</h2>
      <p class="muted">Agents name one of these as the key for their LLM, speech-to-text or voice.</p>
      {canManage && (
        <form
          class="inline"
          aria-label="Add a provider credential"
          onSubmit={async (event) => {
            event.preventDefault();
            setError(null);
            const { data, error: problem } = await api.POST("/api/v1/provider-credentials", {
              body: {
                provider,
                api_key: apiKey,
                ...(name ? { name } : {}),
                ...(baseUrl ? { base_url: baseUrl } : {}),
              },
            });
            if (!data) return setError(problemText(problem));
            setApiKey("");
            setName("");
            setBaseUrl("");
            credentials.reload();
          }}
        >
          <Field label="Provider">
            <select value={provider} onChange={(e) => setProvider(e.currentTarget.value as Provider)}>
              {PROVIDERS.map((p) => (
                <option value={p} key={p}>
                  {p}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Credential name">
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field label="Provider API key" hint="Stored encrypted; never shown again.">
            <input
              type="password"
              autocomplete="off"
              required
              value={apiKey}
              onInput={(e) => setApiKey(e.currentTarget.value)}
            />
          </Field>
          <Field label="Base URL" hint={provider === "openai_compatible" ? "Required." : "Optional."}>
            <input
              type="url"
              required={provider === "openai_compatible"}
              value={baseUrl}
              onInput={(e) => setBaseUrl(e.currentTarget.value)}
            />
          </Field>
          <button type="submit">Add credential</button>
        </form>
      )}
      <ErrorNote message={credentials.error ?? error} />
      {credentials.loading && !credentials.data && <Loading what="credentials" />}
      {credentials.data && credentials.data.data.length === 0 && (
        <Empty>No credentials: agents use the platform's configured providers.</Empty>
      )}
      {credentials.data && credentials.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Provider credentials</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Provider</th>
              <th scope="col">Key</th>
              <th scope="col">Base URL</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {credentials.data.data.map((credential) => (
              <tr key={credential.id}>
                <td>{credential.name}</td>
                <td>{credential.provider}</td>
                <td>
                  <code>{credential.api_key_prefix ? `${credential.api_key_prefix}…` : "—"}</code>
                </td>
                <td>{credential.base_url ?? "—"}</td>
                <td>
                  {canManage && (
                    <button
                      type="button"
                      class="danger"
                      aria-label={`Delete ${credential.name}`}
                      onClick={async () => {
                        if (!confirm(`Delete the credential ${credential.name}?`)) return;
                        const { response, error: problem } = await api.DELETE(
                          "/api/v1/provider-credentials/{id}",
                          {
                            params: { path: { id: credential.id } },
                          },
                        );
                        if (response.ok) credentials.reload();
                        else setError(problemText(problem));
                      }}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SettingsView({ session }: { session: Session }) {
  const org = useLoad(() => api.GET("/api/v1/org"));
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canManage = atLeast(session.user.role, "admin");
  return (
    <Page title="Settings">
      <ErrorNote message={org.error ?? error} />
      {org.loading && !org.data && <Loading what="the organization" />}
      {org.data && (
        <section class="card" aria-labelledby="org-title">
          <h2 id="org-title">Organization</h2>
          <dl class="facts">
            <dt>Name</dt>
            <dd data-testid="org-name">{org.data.name}</dd>
            <dt>Id</dt>
            <dd>
              <code>{org.data.id}</code>
            </dd>
            <dt>Concurrent calls</dt>
            <dd>up to {org.data.max_concurrent_calls}</dd>
            <dt>Rates</dt>
            <dd>
              inbound {dollars(org.data.rates.inbound_cents_per_minute)}/min · outbound{" "}
              {dollars(org.data.rates.outbound_cents_per_minute)}/min · web{" "}
              {dollars(org.data.rates.web_cents_per_minute)}/min · number{" "}
              {dollars(org.data.rates.number_monthly_cents)}/month
            </dd>
            <dt>Retention</dt>
            <dd>
              recordings {org.data.retention.recordings_days ?? "∞"} days · transcripts{" "}
              {org.data.retention.transcripts_days ?? "∞"} days
            </dd>
            <dt>Signing secret</dt>
            <dd>
              <code data-testid="signing-prefix">
                {org.data.signing_secret ? `${org.data.signing_secret.prefix}…` : "none yet"}
              </code>
              {org.data.signing_secret?.previous_expires_at && (
                <span class="muted">
                  {" "}
                  (the previous one signs too until {when(org.data.signing_secret.previous_expires_at)})
                </span>
              )}
            </dd>
          </dl>
          <p class="muted">
            Custom LLM and HTTP tool requests are signed with this secret (Standard Webhooks headers).
          </p>
          {canManage && (
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                if (!confirm("Rotate the signing secret? The current one keeps signing for 24 hours."))
                  return;
                setError(null);
                const { data, error: problem } = await api.POST("/api/v1/org/signing-secret/rotate");
                if (!data) return setError(problemText(problem));
                setSecret(data.secret);
                org.reload();
              }}
            >
              Rotate signing secret
            </button>
          )}
          {secret && <Secret label="The new signing secret, shown only now:" value={secret} />}
        </section>
      )}
      <ProviderCredentials canManage={canManage} />
    </Page>
  );
}
