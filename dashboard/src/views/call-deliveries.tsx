import { api } from "../api/client.ts";
import { useLoad } from "../load.ts";
import { Empty, ErrorNote, Loading, when } from "../ui.tsx";

/** The webhook deliveries that carried this call's events (owner and admin). */
export function CallDeliveries({ callId }: { callId: string }) {
  const deliveries = useLoad(
    () =>
      api.GET("/api/v1/calls/{call_id}/webhook-deliveries", {
        params: { path: { call_id: callId }, query: { limit: 50 } },
      }),
    [callId],
  );
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Webhook deliveries</h2>
      {deliveries.loading && !deliveries.data && <Loading what="deliveries" />}
      <ErrorNote message={deliveries.error} />
      {deliveries.data && deliveries.data.data.length === 0 && (
        <Empty>No webhook carried this call's events. Add an endpoint under Webhooks.</Empty>
      )}
      {deliveries.data && deliveries.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Webhook deliveries of this call</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Status</th>
              <th scope="col">Response</th>
              <th scope="col">Attempts</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.data.map((delivery) => (
              <tr key={delivery.id}>
                <td>{delivery.event_type}</td>
                <td>
                  <code>{delivery.endpoint_url}</code>
                </td>
                <td>{delivery.status}</td>
                <td>
                  {delivery.response_code ?? "—"}
                  {delivery.latency_ms !== null && <span class="muted"> · {delivery.latency_ms} ms</span>}
                  {delivery.error && <span class="error"> {delivery.error}</span>}
                </td>
                <td>{delivery.attempts}</td>
                <td>{when(delivery.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
