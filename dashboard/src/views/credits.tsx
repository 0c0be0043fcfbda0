import { api } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { Empty, ErrorNote, Loading, Page, when } from "../ui.tsx";
import { BuyCredits } from "./buy-credits.tsx";

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** `canBuy`: owners and admins; the API refuses a member's purchase (403). */
export function CreditsView({ canBuy }: { canBuy: boolean }) {
  const balance = useLoad(() => api.GET("/api/v1/credits/balance"));
  const ledger = useLoad(() => api.GET("/api/v1/credits/transactions", { params: { query: { limit: 50 } } }));
  return (
    <Page title="Credits">
      <ErrorNote message={balance.error ?? ledger.error} />
      {balance.loading && !balance.data && <Loading what="the balance" />}
      {balance.data && (
        <p class="card balance">
          Balance <strong data-testid="balance">{dollars(balance.data.balance_cents)}</strong>
        </p>
      )}
      {canBuy && (
        <BuyCredits
          onBought={() => {
            balance.reload();
            ledger.reload();
          }}
        />
      )}
      <h2>Transactions</h2>
      {ledger.loading && !ledger.data && <Loading what="transactions" />}
      {ledger.data && ledger.data.data.length === 0 && <Empty>No transactions yet.</Empty>}
      {ledger.data && ledger.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Transactions</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Amount</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {ledger.data.data.map((entry) => (
              <tr key={entry.id}>
                <td>{when(entry.created_at)}</td>
                <td>{entry.kind}</td>
                <td>{dollars(entry.amount_cents)}</td>
                <td>{entry.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
