import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { atLeast, type Role, type Session } from "../session.ts";
import { Empty, ErrorNote, Field, Loading, Page, Secret, when } from "../ui.tsx";

export function MembersView({ session }: { session: Session }) {
  const users = useLoad(() => api.GET("/api/v1/users", { params: { query: { limit: 100 } } }));
  const manager = atLeast(session.user.role, "admin");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [link, setLink] = useState<{ label: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const roles: Role[] = (["member", "admin", "owner"] as const).filter((r) => atLeast(session.user.role, r));
  return (
    <Page title="Members">
      {manager && (
        <form
          class="card inline"
          aria-label="Invite a member"
          onSubmit={async (event) => {
            event.preventDefault();
            setError(null);
            const { data, error: problem } = await api.POST("/api/v1/invitations", { body: { email, role } });
            if (!data) return setError(problemText(problem));
            setLink({
              label: data.emailed
                ? `Invitation for ${data.email} (${data.role}) sent by mail; the link, shown only now:`
                : `Invitation for ${data.email} (${data.role}): send this link, it is shown only now.`,
              url: data.url,
            });
            setEmail("");
          }}
        >
          <Field label="Email">
            <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
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
          <button type="submit">Invite</button>
        </form>
      )}
      {link && <Secret label={link.label} value={link.url} />}
      <ErrorNote message={users.error ?? error} />
      {users.loading && !users.data && <Loading what="members" />}
      {users.data && users.data.data.length === 0 && <Empty>Nobody signs in to this org yet.</Empty>}
      {users.data && users.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Members</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Last sign-in</th>
              {manager && (
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {users.data.data.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.email}
                  {user.name && <span class="muted"> · {user.name}</span>}
                </td>
                <td>
                  {manager && atLeast(session.user.role, user.role) && user.id !== session.user.id ? (
                    <select
                      aria-label={`Role of ${user.email}`}
                      value={user.role}
                      onChange={async (e) => {
                        const { error: problem } = await api.PATCH("/api/v1/users/{id}", {
                          params: { path: { id: user.id } },
                          body: { role: e.currentTarget.value as Role },
                        });
                        if (problem) setError(problemText(problem));
                        users.reload();
                      }}
                    >
                      {roles.map((r) => (
                        <option value={r} key={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    user.role
                  )}
                </td>
                <td>{when(user.last_sign_in_at)}</td>
                {manager && (
                  <td class="actions">
                    {atLeast(session.user.role, user.role) && (
                      <button
                        type="button"
                        class="secondary"
                        aria-label={`Password reset link for ${user.email}`}
                        onClick={async () => {
                          const { data, error: problem } = await api.POST(
                            "/api/v1/users/{id}/password-reset",
                            {
                              params: { path: { id: user.id } },
                            },
                          );
                          if (!data) return setError(problemText(problem));
                          setLink({
                            label: data.emailed
                              ? `Password reset for ${user.email} sent by mail; the link, valid 1 hour:`
                              : `Password reset for ${user.email}, valid 1 hour:`,
                            url: data.url,
                          });
                        }}
                      >
                        Reset link
                      </button>
                    )}
                    {atLeast(session.user.role, user.role) && user.id !== session.user.id && (
                      <button
                        type="button"
                        class="danger"
                        aria-label={`Remove ${user.email}`}
                        onClick={async () => {
                          if (!confirm(`Remove ${user.email}? They can no longer sign in.`)) return;
                          const { error: problem, response } = await api.DELETE("/api/v1/users/{id}", {
                            params: { path: { id: user.id } },
                          });
                          if (!response.ok) setError(problemText(problem));
                          users.reload();
                        }}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
