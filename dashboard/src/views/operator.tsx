import { useState } from "preact/hooks";
import { problemText } from "../api/client.ts";
import { hasAdminKey, operatorApi, setAdminKey } from "../api/operator.ts";
import type { paths } from "../api/schema";
import { useLoad } from "../load.ts";
import { dollars, Empty, ErrorNote, Field, Loading, Page, when } from "../ui.tsx";
import { GatewaysHealth } from "./operator-gateways.tsx";

type Org =
  paths["/api/v1/admin/orgs"]["get"]["responses"][200]["content"]["application/json"]["data"][number];

/** Asks for ADMIN_API_KEY and keeps it only if /api/v1/admin accepts it. */
function Unlock({ onUnlocked }: { onUnlocked: () => void }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="card inline"
      aria-label="Unlock the operator view"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setAdminKey(key.trim());
        const {
          data,
          error: problem,
          response,
        } = await operatorApi.GET("/api/v1/admin/orgs", {
          params: { query: { limit: 1 } },
        });
        if (data) return onUnlocked();
        setAdminKey("");
        setError(
          response.status === 404
            ? "This platform has no operator key (ADMIN_API_KEY is unset)."
            : problemText(problem),
        );
      }}
    >
      <Field label="Operator key" hint="ADMIN_API_KEY (sk_admin_…); kept in this tab's memory only.">
        <input
          type="password"
          autocomplete="off"
          required
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
      </Field>
      <button type="submit">Unlock</button>
      <ErrorNote message={error} />
    </form>
  );
}

/** One tenant: its cap, and a credit grant or correction with a reason. */
function OrgCard({ org, onChanged }: { org: Org; onChanged: () => void }) {
  const [cap, setCap] = useState(String(org.max_concurrent_calls));
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  return (
    <section class="card" aria-label={`Org ${org.name}`}>
      <div class="page-head">
        <h3>{org.name}</h3>
        <span class="muted">
          <code>{org.id}</code> · balance{" "}
          <span data-testid={`balance-${org.name}`}>{dollars(org.balance_cents)}</span> · since{" "}
          {when(org.created_at)}
        </span>
      </div>
      <form
        class="inline"
        aria-label={`Limits of ${org.name}`}
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          const { data, error: problem } = await operatorApi.PATCH("/api/v1/admin/orgs/{org_id}", {
            params: { path: { org_id: org.id } },
            body: { max_concurrent_calls: Number(cap) },
          });
          if (!data) return setError(problemText(problem));
          setNote(`${org.name} may now hold ${data.max_concurrent_calls} calls at once.`);
          onChanged();
        }}
      >
        <Field label={`Concurrent calls of ${org.name}`}>
          <input type="number" min={0} required value={cap} onInput={(e) => setCap(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="secondary">
          Save limit
        </button>
      </form>
      <form
        class="inline"
        aria-label={`Credits of ${org.name}`}
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          const cents = Math.round(Number(amount) * 100);
          const { data, error: problem } = await operatorApi.POST("/api/v1/admin/orgs/{org_id}/credits", {
            params: { path: { org_id: org.id } },
            body: { amount_cents: cents, reason },
          });
          if (!data) return setError(problemText(problem));
          setNote(`${dollars(cents)} recorded; ${org.name} now holds ${dollars(data.balance_cents)}.`);
          setAmount("");
          setReason("");
          onChanged();
        }}
      >
        <Field label={`Credit grant for ${org.name} ($)`} hint="Negative for a correction.">
          <input
            type="number"
            step="0.01"
            required
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </Field>
        <Field label={`Reason for ${org.name}`}>
          <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="secondary">
          Record credits
        </button>
      </form>
      {note && (
        <p role="status" class="muted">
          {note}
        </p>
      )}
      <ErrorNote message={error} />
    </section>
  );
}

function Orgs() {
  const orgs = useLoad(() => operatorApi.GET("/api/v1/admin/orgs", { params: { query: { limit: 100 } } }));
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <form
        class="card inline"
        aria-label="Create an org"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          const { data, error: problem } = await operatorApi.POST("/api/v1/admin/orgs", { body: { name } });
          if (!data) return setError(problemText(problem));
          setName("");
          orgs.reload();
        }}
      >
        <Field label="New org name">
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <button type="submit">Create org</button>
      </form>
      <h2>Orgs</h2>
      <ErrorNote message={orgs.error ?? error} />
      {orgs.loading && !orgs.data && <Loading what="orgs" />}
      {orgs.data && orgs.data.data.length === 0 && <Empty>No orgs yet.</Empty>}
      {orgs.data?.data.map((org) => (
        <OrgCard key={org.id} org={org} onChanged={orgs.reload} />
      ))}
    </>
  );
}

/** The operator's view of the platform: the gateways' health, every tenant, its limits and credits. */
export function OperatorView() {
  const [unlocked, setUnlocked] = useState(hasAdminKey());
  return (
    <Page
      title="Operator"
      actions={
        unlocked && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setAdminKey("");
              setUnlocked(false);
            }}
          >
            Forget key
          </button>
        )
      }
    >
      {!unlocked && <Unlock onUnlocked={() => setUnlocked(true)} />}
      {unlocked && <GatewaysHealth />}
      {unlocked && <Orgs />}
    </Page>
  );
}
