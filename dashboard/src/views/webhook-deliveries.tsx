import { useEffect, useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { Empty, ErrorNote, Loading, when } from "../ui.tsx";

/** Polled this often while a delivery is due soon, so its outcome appears without a reload. */
const POLL_MS = 1000;
/** A pending delivery due within this is awaited; a later retry is not polled for. */
const DUE_SOON_MS = 15_000;
/** Longer answers fold into a disclosure instead of stretching the row. */
const INLINE_BODY_CHARS = 120;

function ResponseBody({ body }: { body: string | null }) {
  if (body === null || body === "") return null;
  if (body.length <= INLINE_BODY_CHARS) {
    return (
      <pre class="response-body" data-testid="response-body">
        {body}
      </pre>
    );
  }
  return (
    <details>
      <summary>Body ({body.length} characters)</summary>
      <pre class="response-body" data-testid="response-body">
        {body}
      </pre>
    </details>
  );
}

/** One endpoint's delivery log: the receiver's answers, and a button to send an event again. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const deliveries = useLoad(
    () =>
      api.GET("/api/v1/webhooks/{id}/deliveries", {
        params: { path: { id: endpointId }, query: { limit: 20 } },
      }),
    [endpointId],
  );
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState<string | null>(null);
  const dueSoon =
    deliveries.data?.data.some(
      (d) =>
        d.status === "pending" &&
        (d.next_attempt_at === null || Date.parse(d.next_attempt_at) - Date.now() < DUE_SOON_MS),
    ) ?? false;
  useEffect(() => {
    if (!dueSoon) return;
    const timer = setTimeout(deliveries.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [dueSoon, deliveries.data]);

  if (deliveries.loading && !deliveries.data) return <Loading what="deliveries" />;
  if (!deliveries.data) return <ErrorNote message={deliveries.error} />;
  if (deliveries.data.data.length === 0) return <Empty>No deliveries yet. Send a test to see one.</Empty>;
  return (
    <>
      <ErrorNote message={error} />
      {queued && (
        <p role="status" class="muted">
          {queued}
        </p>
      )}
      <table>
        <caption>Recent deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Response</th>
            <th scope="col">Attempts</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.data.map((delivery) => (
            <tr key={delivery.id} data-delivery={delivery.id}>
              <td>{delivery.event_type}</td>
              <td>{delivery.status}</td>
              <td>
                {delivery.response_code ?? "—"}
                {delivery.latency_ms !== null && <span class="muted"> · {delivery.latency_ms} ms</span>}
                {delivery.error && <span class="error"> {delivery.error}</span>}
                <ResponseBody body={delivery.response_body} />
              </td>
              <td>{delivery.attempts}</td>
              <td>{when(delivery.created_at)}</td>
              <td>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Redeliver ${delivery.event_type} of ${when(delivery.created_at)}`}
                  onClick={async () => {
                    setError(null);
                    const { data, error: problem } = await api.POST(
                      "/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver",
                      { params: { path: { id: endpointId, delivery_id: delivery.id } } },
                    );
                    if (!data) return setError(problemText(problem));
                    setQueued(`${data.event_type} queued again.`);
                    deliveries.reload();
                  }}
                >
                  Redeliver
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
