// The container health check (docker-compose.yml): `entrypoint.sh healthcheck control|gateway`
// asks the process in this container on its own port, as configured by the same environment.
// Control answers /ready (its database is reachable), a gateway /health. Exit 0: healthy.
import { loadConfig } from "../shared/src/config.ts";

const TIMEOUT_MS = 3_000;

const role = process.argv[2];
const config = loadConfig();
const controlHost = config.controlHost === "0.0.0.0" ? "127.0.0.1" : config.controlHost;
const url =
  role === "control"
    ? `http://${controlHost}:${config.controlPort}/ready`
    : role === "gateway"
      ? `http://127.0.0.1:${config.gatewayPort}/health`
      : null;
if (url === null) {
  console.error("usage: healthcheck.ts control|gateway");
  process.exit(2);
}
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    console.error(`${url} answered ${response.status}`);
    process.exit(1);
  }
} catch (error) {
  console.error(`${url}: ${(error as Error).message}`);
  process.exit(1);
}
