// The embedded default as `npm start` runs it (control and gateway in one process on PGlite
// under DATA_DIR and the in-process bus), on loopback ports it binds itself, trusting SIP from
// 127.0.0.1, with its first owner key known to the test.
import { ApiClient } from "./acceptance.ts";
import { LOOPBACK_GATEWAY_ENV } from "./cluster.ts";
import { controlUrlOf, gatewayAddressOf, type RunningProcess, scripts, startProcess } from "./processes.ts";

export interface EmbeddedPlatform {
  process: RunningProcess;
  api: ApiClient;
  apiKey: string;
  sipPort: number;
}

/** `env` is added to (and overrides) the loopback settings. */
export async function startEmbeddedPlatform(
  dir: string,
  env: Record<string, string>,
  startTimeoutMs = 60_000,
): Promise<EmbeddedPlatform> {
  const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
  const process = await startProcess(
    scripts.embedded,
    {
      DATA_DIR: dir,
      CONTROL_HOST: "127.0.0.1",
      CONTROL_PORT: "0",
      INIT_API_KEY: apiKey,
      ...LOOPBACK_GATEWAY_ENV,
      LOG_LEVEL: "warn",
      ...env,
    },
    /SIP on UDP and TCP port \d+/,
    startTimeoutMs,
  );
  return {
    process,
    api: new ApiClient(controlUrlOf(process.output()), apiKey),
    apiKey,
    sipPort: gatewayAddressOf(process.output()).sipPort,
  };
}
