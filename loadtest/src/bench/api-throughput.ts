// Authenticated GET /api/v1/agents against the embedded default: requests per second and
// latency percentiles. The server runs in its own process (one JS thread, so one core);
// this process generates the load on the other core.
//   npm run bench:api -- [durationS=10] [connections=32] [path=/api/v1/agents]
import { join } from "node:path";

const durationS = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const path = process.argv[4] ?? "/api/v1/agents";
const key = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;

const server = Bun.spawn(["bun", join(import.meta.dir, "api-server.ts")], {
  env: { ...process.env, INIT_API_KEY: key, LOG_LEVEL: "warn" },
  stdout: "pipe",
  stderr: "inherit",
});
let banner = "";
const reader = server.stdout.getReader();
while (!banner.includes("READY")) {
  const { value, done } = await reader.read();
  if (done) throw new Error("server exited");
  banner += new TextDecoder().decode(value);
}
const baseUrl = /READY (\S+)/.exec(banner)![1]!;
const headers = { authorization: `Bearer ${key}` };

for (let i = 0; i < 5; i++) {
  await fetch(`${baseUrl}/api/v1/agents`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ name: `Agent ${i}`, system_prompt: "You are helpful." }),
  });
}

async function worker(untilMs: number, latenciesMs: number[]): Promise<number> {
  let errors = 0;
  while (performance.now() < untilMs) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) errors++;
    latenciesMs.push(performance.now() - started);
  }
  return errors;
}

// Warm-up (JIT, caches), then the measured run.
await Promise.all(Array.from({ length: connections }, () => worker(performance.now() + 2000, [])));
const latenciesMs: number[] = [];
const startedMs = performance.now();
const errors = (
  await Promise.all(
    Array.from({ length: connections }, () => worker(startedMs + durationS * 1000, latenciesMs)),
  )
).reduce((a, b) => a + b, 0);
const elapsedS = (performance.now() - startedMs) / 1000;
latenciesMs.sort((a, b) => a - b);
const pct = (p: number) =>
  latenciesMs[Math.min(latenciesMs.length - 1, Math.floor(latenciesMs.length * p))]!.toFixed(2);

console.log(
  JSON.stringify({
    requests: latenciesMs.length,
    errors,
    durationS: Number(elapsedS.toFixed(1)),
    connections,
    requestsPerS: Math.round(latenciesMs.length / elapsedS),
    p50Ms: Number(pct(0.5)),
    p99Ms: Number(pct(0.99)),
  }),
);
server.kill();
await server.exited;
