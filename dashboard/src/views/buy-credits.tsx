import { useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { ErrorNote, Field } from "../ui.tsx";

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Only a web page may be opened from the provider's answer (never a javascript: URL). */
function checkoutTarget(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * POST /credits/purchase. With a hosted checkout (Stripe) the answer is 202 with `checkout_url`
 * and the page goes there; a provider that charges at once answers 201 with the new balance;
 * without a provider the API's 402 is shown as it is.
 */
export function BuyCredits({ onBought }: { onBought: () => void }) {
  const [amount, setAmount] = useState("20.00");
  // One key per intended purchase: a resubmitted form is replayed, never charged twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <form
      class="card inline"
      aria-label="Buy credits"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setOutcome(null);
        setBusy(true);
        try {
          const { data, error: problem } = await api.POST("/api/v1/credits/purchase", {
            params: { header: { "Idempotency-Key": idempotencyKey } },
            body: { amount_cents: Math.round(Number(amount) * 100) },
          });
          // The API answered: the next submission is a new purchase.
          setIdempotencyKey(crypto.randomUUID());
          if (!data) return setError(problemText(problem));
          if (data.status === "pending" && data.checkout_url) {
            const target = checkoutTarget(data.checkout_url);
            if (!target) return setError("The payment provider answered with an unusable checkout address.");
            setOutcome("Opening the payment page…");
            window.location.assign(target);
            return;
          }
          setOutcome(
            data.status === "succeeded"
              ? `Bought ${dollars(data.transaction?.amount_cents ?? 0)}. Balance ${dollars(data.balance_cents)}.`
              : `The payment is pending with ${data.provider}; the credits arrive when it completes.`,
          );
          onBought();
        } catch {
          setError("The server does not answer.");
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field
        label="Amount ($)"
        hint="From $1.00 to $100,000.00, paid through the platform's payment provider."
      >
        <input
          type="number"
          inputMode="decimal"
          min="1"
          max="100000"
          step="0.01"
          required
          value={amount}
          onInput={(e) => {
            setAmount(e.currentTarget.value);
            setIdempotencyKey(crypto.randomUUID());
          }}
        />
      </Field>
      <button type="submit" disabled={busy}>
        Buy credits
      </button>
      <ErrorNote message={error} />
      {outcome && <p role="status">{outcome}</p>}
    </form>
  );
}
