import { operatorApi } from "../api/operator.ts";
import { useLoad } from "../load.ts";
import { Empty, ErrorNote, Loading, when } from "../ui.tsx";

/** Platform health: the live gateways as they announce themselves, with their calls and load. */
export function GatewaysHealth() {
  const gateways = useLoad(() => operatorApi.GET("/api/v1/admin/gateways"));
  return (
    <section aria-labelledby="health-title">
      <div class="page-head">
        <h2 id="health-title">Platform health</h2>
        <button type="button" class="secondary" onClick={gateways.reload}>
          Refresh
        </button>
      </div>
      <ErrorNote message={gateways.error} />
      {gateways.loading && !gateways.data && <Loading what="gateways" />}
      {gateways.data && gateways.data.data.length === 0 && (
        <Empty>No gateway has announced itself: no calls can be answered until one starts.</Empty>
      )}
      {gateways.data && gateways.data.data.length > 0 && (
        <table>
          <caption class="sr-only">Gateways</caption>
          <thead>
            <tr>
              <th scope="col">Gateway</th>
              <th scope="col">Calls in progress</th>
              <th scope="col">CPU</th>
              <th scope="col">State</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {gateways.data.data.map((gateway) => (
              <tr key={gateway.id}>
                <td>
                  <strong>{gateway.id}</strong>
                  <br />
                  <code class="muted">SIP {gateway.sip_address}</code>
                </td>
                <td>
                  {gateway.calls_in_progress} of {gateway.capacity_calls}
                </td>
                <td>{Math.round(gateway.cpu_percent)}%</td>
                <td>{gateway.draining ? "draining" : "in rotation"}</td>
                <td>{when(gateway.announced_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
