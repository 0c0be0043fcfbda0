import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { type Session, started } from "../session.ts";
import { ErrorNote, Field } from "../ui.tsx";

export function SignInView({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <main id="main" class="narrow">
      <h1>Sign in to Switchboard</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          const { data, error: problem } = await api.POST("/auth/sign-in", { body: { email, password } });
          setBusy(false);
          if (data) onSignedIn(started(data));
          else setError(problemText(problem));
        }}
      >
        <Field label="Email">
          <input
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
        <Field label="Password">
          <input
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        <ErrorNote message={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p class="hint">Forgot the password? Ask an owner or admin for a reset link.</p>
    </main>
  );
}
