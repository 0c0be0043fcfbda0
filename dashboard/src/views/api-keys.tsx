import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { atLeast, type Role, type Session } from "../session.ts";
import { Empty, ErrorNote, Field, Loading, Page, Secret, when } from "../ui.tsx";

export function ApiKeysView({ session }: { session: Session }) {
  const keys = useLoad(() => api.GET("/api/v1/api-keys", { params: { query: { limit: 100 } } }));
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const roles: Role[] = (["member", "admin", "owner"] as const).filter((r) => atLeast(session.user.role, r));
  return (
    <Page title="API keys">
      <form
        class="card inline"
        aria-label="Create an API key"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          const { data, error: problem } = await api.POST("/api/v1/api-keys", { body: { name, role } });
          if (!data) return setError(problemText(problem));
          setSecret(data.key);
          setName("");
          keys.reload();
        }}
      >
        <Field label="Name">
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label="Role">
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {roles.map((r) => (
              <option value={r} key={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">Create key</button>
      </form>
      {secret && <Secret label="The new key, shown only now: store it." value={secret} />}
      <ErrorNote message={keys.error ?? error} />
      {keys.loading && !keys.data && <Loading what="API keys" />}
      {keys.data && keys.data.data.length === 0 && <Empty>No API keys.</Empty>}
      {keys.data && keys.data.data.length > 0 && (
        <table>
          <caption class="sr-only">API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Role</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.data.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.role}</td>
                <td>{when(key.last_used_at)}</td>
                <td>
                  {key.revoked_at ? (
                    <span class="muted">revoked</span>
                  ) : (
                    <button
                      type="button"
                      class="danger"
                      aria-label={`Revoke ${key.name}`}
                      onClick={async () => {
                        if (!confirm(`Revoke ${key.name}? Programs using it stop working at once.`)) return;
                        const { error: problem, response } = await api.DELETE("/api/v1/api-keys/{id}", {
                          params: { path: { id: key.id } },
                        });
                        if (response.ok) keys.reload();
                        else setError(problemText(problem));
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
