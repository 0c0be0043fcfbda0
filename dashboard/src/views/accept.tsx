import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { go } from "../route.ts";
import { type Session, started } from "../session.ts";
import { ErrorNote, Field } from "../ui.tsx";

/** An invitation, a password reset or the first owner's set-up link: choose a password, then in. */
export function AcceptView({ token, onSignedIn }: { token: string; onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <main id="main" class="narrow">
      <h1>Choose your password</h1>
      <p class="hint">
        For an invitation or a reset, the address is already known: leave Email empty. The first owner's link
        asks for the address to sign in with.
      </p>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          const body = { token, password, ...(email ? { email } : {}), ...(name ? { name } : {}) };
          const { data, error: problem } = await api.POST("/auth/accept", { body });
          setBusy(false);
          if (!data) return setError(problemText(problem));
          onSignedIn(started(data));
          go("agents");
        }}
      >
        <Field label="Email" hint="Only for the first owner's set-up link.">
          <input
            type="email"
            autocomplete="username"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
        <Field label="Name">
          <input autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label="New password" hint="10 characters or more.">
          <input
            type="password"
            autocomplete="new-password"
            minLength={10}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        <ErrorNote message={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save and sign in"}
        </button>
      </form>
    </main>
  );
}
