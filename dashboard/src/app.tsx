import { useEffect, useState } from "preact/hooks";
import { api } from "./api/client.ts";
import { go, useHashRoute } from "./route.ts";
import { atLeast, loadSession, type Session } from "./session.ts";
import { ErrorNote, Loading } from "./ui.tsx";
import { AcceptView } from "./views/accept.tsx";
import { AgentsView } from "./views/agents.tsx";
import { AnalyticsView } from "./views/analytics.tsx";
import { ApiKeysView } from "./views/api-keys.tsx";
import { CallView } from "./views/call.tsx";
import { CallsView } from "./views/calls.tsx";
import { CreditsView } from "./views/credits.tsx";
import { KnowledgeView } from "./views/knowledge.tsx";
import { MembersView } from "./views/members.tsx";
import { NumbersView } from "./views/numbers.tsx";
import { OperatorView } from "./views/operator.tsx";
import { SettingsView } from "./views/settings.tsx";
import { SignInView } from "./views/sign-in.tsx";
import { WebhooksView } from "./views/webhooks.tsx";

const NAV = [
  { path: "agents", label: "Agents", role: "member" },
  { path: "calls", label: "Calls", role: "member" },
  { path: "numbers", label: "Numbers", role: "member" },
  { path: "knowledge", label: "Knowledge", role: "member" },
  { path: "analytics", label: "Analytics", role: "member" },
  { path: "webhooks", label: "Webhooks", role: "admin" },
  { path: "credits", label: "Credits", role: "member" },
  { path: "api-keys", label: "API keys", role: "admin" },
  { path: "members", label: "Members", role: "member" },
  { path: "settings", label: "Settings", role: "member" },
  // The operator's views ask for ADMIN_API_KEY; only an owner is offered the way in.
  { path: "operator", label: "Operator", role: "owner" },
] as const;

export function App() {
  const route = useHashRoute();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadSession()
      .then(setSession)
      .catch(() => setError("The server does not answer. Reload to try again."));
  }, []);

  if (route[0] === "accept" && route[1]) return <AcceptView token={route[1]} onSignedIn={setSession} />;
  if (error) return <ErrorNote message={error} />;
  if (session === undefined) return <Loading what="your session" />;
  if (session === null) return <SignInView onSignedIn={setSession} />;

  const view = route[0] ?? "agents";
  const allowed = NAV.filter((item) => atLeast(session.user.role, item.role));
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Switchboard</span>
        <nav aria-label="Main">
          {allowed.map((item) => (
            <a href={`#/${item.path}`} aria-current={view === item.path ? "page" : undefined} key={item.path}>
              {item.label}
            </a>
          ))}
        </nav>
        <span class="who">
          {session.user.email} · {session.user.role}
        </span>
        <button
          type="button"
          class="link"
          onClick={async () => {
            await api.POST("/auth/sign-out");
            setSession(null);
            go("");
          }}
        >
          Sign out
        </button>
      </header>
      <main id="main">
        {view === "agents" && <AgentsView session={session} />}
        {view === "calls" && !route[1] && <CallsView />}
        {view === "calls" && route[1] && <CallView callId={route[1]} session={session} />}
        {view === "api-keys" && atLeast(session.user.role, "admin") && <ApiKeysView session={session} />}
        {view === "api-keys" && !atLeast(session.user.role, "admin") && (
          <ErrorNote message="Only owners and admins manage API keys." />
        )}
        {view === "members" && <MembersView session={session} />}
        {view === "webhooks" && atLeast(session.user.role, "admin") && <WebhooksView />}
        {view === "webhooks" && !atLeast(session.user.role, "admin") && (
          <ErrorNote message="Only owners and admins manage webhooks." />
        )}
        {view === "credits" && <CreditsView canBuy={atLeast(session.user.role, "admin")} />}
        {view === "numbers" && <NumbersView session={session} />}
        {view === "knowledge" && <KnowledgeView />}
        {view === "analytics" && <AnalyticsView />}
        {view === "settings" && <SettingsView session={session} />}
        {view === "operator" && atLeast(session.user.role, "owner") && <OperatorView />}
        {view === "operator" && !atLeast(session.user.role, "owner") && (
          <ErrorNote message="Only the platform's operator manages orgs." />
        )}
      </main>
    </div>
  );
}
