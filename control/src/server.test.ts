import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { calls, orgs } from "./db/schema.ts";
import { startControl } from "./server.ts";

const dir = mkdtempSync(join(tmpdir(), "control-stop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Larger than loopback socket buffers: the download is still being written when stop() begins.
const RECORDING_BYTES = 48 * 1024 * 1024;

test("stop refuses new connections and lets a response in flight finish", async () => {
  const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
  const config = loadConfig({
    CONTROL_HOST: "127.0.0.1",
    CONTROL_PORT: "0",
    INIT_API_KEY: apiKey,
    DATA_DIR: dir,
  });
  const bus = new MemoryBus();
  const control = await startControl({ config, log: createLogger("silent"), bus, pgliteDir: null });
  const { db } = control.database;
  const [org] = await db.select({ id: orgs.id }).from(orgs).limit(1);
  const recordingPath = join(dir, "call_stop.wav");
  writeFileSync(recordingPath, Buffer.alloc(RECORDING_BYTES, 1));
  await db.insert(calls).values({
    id: "call_stop",
    orgId: org!.id,
    direction: "inbound",
    status: "completed",
    startedAt: new Date(),
    recordingPath,
  });

  const download = await fetch(`${control.url}/api/v1/calls/call_stop/recording`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(download.status).toBe(200);
  const stopping = control.stop();
  let refused: unknown = null;
  try {
    await fetch(`${control.url}/health`);
  } catch (error) {
    refused = error;
  }
  expect(refused).not.toBeNull();
  expect((await download.arrayBuffer()).byteLength).toBe(RECORDING_BYTES);
  await stopping;
  await bus.close();
}, 60_000);
