import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import type { paths } from "../api/schema";
import { useLoad } from "../load.ts";
import { atLeast, type Session } from "../session.ts";
import { dollars, Empty, ErrorNote, Field, Loading, Page, when } from "../ui.tsx";

type Owned =
  paths["/api/v1/phone-numbers"]["get"]["responses"][200]["content"]["application/json"]["data"][number];
type Agent = { id: string; name: string };
type ForwardingMode = NonNullable<Owned["forwarding"]>["mode"];

/** Search the inventory by area code or digits, and buy one of the numbers it offers. */
function NumberSearch({ onBought }: { onBought: () => void }) {
  const [areaCode, setAreaCode] = useState("");
  const [contains, setContains] = useState("");
  const [results, setResults] = useState<
    | paths["/api/v1/phone-numbers/search"]["get"]["responses"][200]["content"]["application/json"]["data"]
    | null
  >(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bought, setBought] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="search-title">
      <h2 id="search-title">Buy a number</h2>
      <form
        class="inline"
        aria-label="Search numbers"
        onSubmit={async (event) => {
          event.preventDefault();
          setSearching(true);
          setError(null);
          const { data, error: problem } = await api.GET("/api/v1/phone-numbers/search", {
            params: {
              query: {
                limit: 10,
                ...(areaCode ? { area_code: areaCode } : {}),
                ...(contains ? { contains } : {}),
              },
            },
          });
          setSearching(false);
          if (!data) return setError(problemText(problem));
          setResults(data.data);
        }}
      >
        <Field label="Area code" hint="Digits after the country code, e.g. 415.">
          <input inputMode="numeric" value={areaCode} onInput={(e) => setAreaCode(e.currentTarget.value)} />
        </Field>
        <Field label="Contains" hint="Digits the number should contain.">
          <input inputMode="numeric" value={contains} onInput={(e) => setContains(e.currentTarget.value)} />
        </Field>
        <button type="submit" disabled={searching}>
          {searching ? "Searching…" : "Search"}
        </button>
      </form>
      <ErrorNote message={error} />
      {bought && (
        <p role="status" class="muted">
          Bought {bought}.
        </p>
      )}
      {results && results.length === 0 && <Empty>No numbers available there. Try another area code.</Empty>}
      {results && results.length > 0 && (
        <table>
          <caption>Available numbers</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Region</th>
              <th scope="col">Monthly</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((offer) => (
              <tr key={offer.phone_number}>
                <td>{offer.phone_number}</td>
                <td>{offer.region ?? offer.country}</td>
                <td>{dollars(offer.monthly_cost_cents)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Buy ${offer.phone_number}`}
                    onClick={async () => {
                      setError(null);
                      const { data, error: problem } = await api.POST("/api/v1/phone-numbers", {
                        body: { phone_number: offer.phone_number },
                      });
                      if (!data) return setError(problemText(problem));
                      setBought(data.phone_number);
                      setResults(results.filter((r) => r.phone_number !== offer.phone_number));
                      onBought();
                    }}
                  >
                    Buy
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Where an unanswered call goes: a number to forward to and when. */
function Forwarding({ number, onSaved }: { number: Owned; onSaved: (message: string | null) => void }) {
  const [forwardTo, setForwardTo] = useState(number.forwarding?.forward_to ?? "");
  const [mode, setMode] = useState<ForwardingMode>(number.forwarding?.mode ?? "no_agent");
  return (
    <form
      class="inline"
      aria-label={`Forwarding of ${number.phone_number}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const { data, error } = await api.PATCH("/api/v1/phone-numbers/{id}/forwarding", {
          params: { path: { id: number.id } },
          body: { forward_to: forwardTo || null, mode },
        });
        onSaved(data ? null : problemText(error));
      }}
    >
      <Field label="Forward to" hint="E.164, empty for none.">
        <input
          type="tel"
          value={forwardTo}
          placeholder="+14155550100"
          onInput={(e) => setForwardTo(e.currentTarget.value)}
        />
      </Field>
      <Field label="When">
        <select value={mode} onChange={(e) => setMode(e.currentTarget.value as ForwardingMode)}>
          <option value="no_agent">no agent attached</option>
          <option value="no_credits">out of credits</option>
          <option value="always">always</option>
        </select>
      </Field>
      <button type="submit" class="secondary">
        Save forwarding
      </button>
    </form>
  );
}

export function NumbersView({ session }: { session: Session }) {
  const numbers = useLoad(() => api.GET("/api/v1/phone-numbers", { params: { query: { limit: 100 } } }));
  const agents = useLoad(() => api.GET("/api/v1/agents", { params: { query: { limit: 100 } } }));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const canBuy = atLeast(session.user.role, "admin");
  const agentList: Agent[] = agents.data?.data ?? [];
  return (
    <Page title="Numbers">
      {canBuy && <NumberSearch onBought={numbers.reload} />}
      <h2>Your numbers</h2>
      <ErrorNote message={numbers.error ?? error} />
      {saved && (
        <p role="status" class="muted">
          {saved}
        </p>
      )}
      {numbers.loading && !numbers.data && <Loading what="numbers" />}
      {numbers.data && numbers.data.data.length === 0 && (
        <Empty>
          No numbers yet. {canBuy ? "Search above and buy one." : "An owner or admin can buy one."}
        </Empty>
      )}
      {numbers.data?.data.map((number) => (
        <section class="card" key={number.id} aria-label={`Number ${number.phone_number}`}>
          <div class="page-head">
            <h3>{number.phone_number}</h3>
            <span class="muted">
              {number.status} · {dollars(number.monthly_cost_cents)}/month · renews {when(number.renews_at)}
            </span>
          </div>
          <div class="inline">
            <Field label={`Agent answering ${number.phone_number}`}>
              <select
                value={number.agent_id ?? ""}
                onChange={async (e) => {
                  setError(null);
                  const agentId = e.currentTarget.value || null;
                  const { data, error: problem } = await api.POST("/api/v1/phone-numbers/{id}/attach", {
                    params: { path: { id: number.id } },
                    body: { agent_id: agentId },
                  });
                  if (!data) return setError(problemText(problem));
                  setSaved(
                    agentId
                      ? `${number.phone_number} is answered by ${agentList.find((a) => a.id === agentId)?.name ?? agentId}.`
                      : `${number.phone_number} has no agent.`,
                  );
                  numbers.reload();
                }}
              >
                <option value="">no agent</option>
                {agentList.map((agent) => (
                  <option value={agent.id} key={agent.id}>
                    {agent.name}
                  </option>
                ))}
              </select>
            </Field>
            {canBuy && (
              <button
                type="button"
                class="danger"
                aria-label={`Release ${number.phone_number}`}
                onClick={async () => {
                  if (!confirm(`Release ${number.phone_number}? It goes back to the inventory.`)) return;
                  const { response, error: problem } = await api.DELETE("/api/v1/phone-numbers/{id}", {
                    params: { path: { id: number.id } },
                  });
                  if (response.ok) numbers.reload();
                  else setError(problemText(problem));
                }}
              >
                Release
              </button>
            )}
          </div>
          <Forwarding
            number={number}
            onSaved={(problem) => {
              setError(problem);
              setSaved(problem ? null : `Forwarding of ${number.phone_number} saved.`);
            }}
          />
        </section>
      ))}
    </Page>
  );
}
