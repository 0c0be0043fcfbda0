// Control on its own (control/src/main.ts on PostgreSQL and Redis, as a control-only container
// runs it) loads none of the gateway's heavy modules: not at start and not while serving the
// API, including the trunk and web-call routes that share code with gateways. Only embedding
// knowledge (ingest, search) loads the model runtime, on first use. The preload guard ends the
// process the moment one is loaded; the guard is checked first on a script that does load one.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  HEAVY_MODULE_EXIT_CODE,
  HEAVY_MODULE_REPORT,
  HEAVY_MODULES,
  heavyModuleOf,
} from "../testing/heavy-modules.ts";
import { ApiClient } from "./support/acceptance.ts";
import {
  controlUrlOf,
  freshDatabase,
  freshRedis,
  type RunningProcess,
  scripts,
  startProcess,
} from "./support/processes.ts";

const GUARD = join(import.meta.dir, "..", "testing", "heavy-module-guard.ts");
const GUARDED = ["--preload", GUARD];

describe("the heavy-module guard", () => {
  test("knows each heavy package's files, hoisted or in Bun's isolated store, and nothing else", () => {
    for (const name of HEAVY_MODULES) {
      expect(heavyModuleOf(`/app/node_modules/${name}/dist/index.js`)).toBe(name);
      expect(heavyModuleOf(`/app/node_modules/.bun/x@1.0.0/node_modules/${name}/lib/index.mjs`)).toBe(name);
    }
    expect(heavyModuleOf("/app/node_modules/onnxruntime-web/dist/index.js")).toBeNull();
    expect(heavyModuleOf("/app/node_modules/werift-rtp/lib/index.js")).toBeNull();
    expect(heavyModuleOf("/app/control/src/werift/notes.ts")).toBeNull();
  });

  test("ends a process whose embedder loads @huggingface/transformers, naming onnxruntime-node", async () => {
    const proc = Bun.spawn(
      [process.execPath, ...GUARDED, join(import.meta.dir, "..", "testing", "load-embedder-main.ts")],
      { stdout: "pipe", stderr: "pipe", env: { PATH: process.env.PATH ?? "" } },
    );
    const [stderr, exitCode] = await Promise.all([new Response(proc.stderr).text(), proc.exited]);
    expect(stderr).toMatch(HEAVY_MODULE_REPORT);
    expect(stderr.match(HEAVY_MODULE_REPORT)![1]).toBe("onnxruntime-node");
    expect(exitCode).toBe(HEAVY_MODULE_EXIT_CODE);
  });
});

describe("control alone", () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let redis: Awaited<ReturnType<typeof freshRedis>>;
  let control: RunningProcess;
  let api: ApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sb-control-alone-"));
    database = await freshDatabase();
    redis = await freshRedis();
    const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
    control = await startProcess(
      scripts.control,
      {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        DATA_DIR: dir,
        CONTROL_HOST: "127.0.0.1",
        CONTROL_PORT: "0",
        INIT_API_KEY: apiKey,
        LOG_LEVEL: "warn",
      },
      /Docs/,
      60_000,
      GUARDED,
    );
    api = new ApiClient(controlUrlOf(control.output()), apiKey);
  });
  afterAll(async () => {
    await control?.stop();
    await redis?.drop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("starts and serves agents, trunks, web calls and the widget without loading one", async () => {
    const agent = await api.request<{ id: string }>("POST", "/agents", { name: "Front desk" });
    expect(agent.status).toBe(201);
    expect((await api.request("GET", "/knowledge")).status).toBe(200);
    const token = await api.request<{ token: string }>("POST", `/agents/${agent.body.id}/web-token`, {});
    expect(token.status).toBe(201);
    expect(typeof token.body.token).toBe("string");
    const trunk = await api.request("POST", "/trunks", {
      name: "PBX",
      inbound_cidrs: ["192.0.2.0/24"],
      outbound_uri: "sip:pbx.example.com;transport=tcp",
    });
    expect(trunk.status).toBe(201);
    expect((await api.fetchPath("/widget.js")).status).toBe(200);

    await control.stop();
    expect(control.output()).not.toMatch(HEAVY_MODULE_REPORT);
    expect(control.proc.exitCode).toBe(0);
  });
});
