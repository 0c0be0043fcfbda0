// The first start (with INIT_API_KEY, so no key is printed) still gives a one-time link that
// sets up the owner's dashboard sign-in, on the control port, and the banner prints it.
import { expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { printBanner } from "../../banner.ts";
import { startControl } from "../../server.ts";

test("the first run prints a one-time owner sign-in link on the control port", async () => {
  const dir = mkdtempSync(join(tmpdir(), "control-first-run-"));
  const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
  const config = loadConfig({
    CONTROL_HOST: "127.0.0.1",
    CONTROL_PORT: "0",
    INIT_API_KEY: apiKey,
    DATA_DIR: dir,
  });
  const bus = new MemoryBus();
  const control = await startControl({ config, log: createLogger("silent"), bus, pgliteDir: null });
  try {
    expect(control.generatedOwnerKey).toBeNull();
    const link = control.ownerSignInUrl!;
    expect(link).toStartWith(`${control.url}/#/accept/sbl_`);

    let printed = "";
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => {
      printed += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      printBanner(control, null);
    } finally {
      process.stdout.write = write;
    }
    expect(printed).toContain(link);
    expect(printed).not.toContain(apiKey);

    const token = link.split("/#/accept/")[1]!;
    const accepted = await fetch(`${control.url}/auth/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, email: "owner@example.test", password: "first owner password" }),
    });
    expect(accepted.status).toBe(200);
    const cookie = accepted.headers.get("set-cookie")!.split(";")[0]!;
    const keys = await fetch(`${control.url}/api/v1/api-keys`, { headers: { cookie } });
    expect(keys.status).toBe(200);
    const { data } = (await keys.json()) as { data: Array<{ name: string }> };
    expect(data.map((key) => key.name)).toContain("Initial owner key");
  } finally {
    await control.stop();
    await bus.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
