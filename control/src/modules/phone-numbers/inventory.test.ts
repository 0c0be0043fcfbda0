import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { numberInventory } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import {
  addToInventory,
  InventoryError,
  parseInventorySpec,
  removeFromInventory,
} from "./inventory-loader.ts";

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await createHarness();
  dir = mkdtempSync(join(tmpdir(), "sb-inventory-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("operator number inventory", () => {
  test("NUMBER_INVENTORY as a comma-separated list", () => {
    const [a, b] = [randomUsNumber(), randomUsNumber("212")];
    expect(parseInventorySpec(` ${a} , ${b} `)).toEqual([
      { phoneNumber: a, country: "US", region: null },
      { phoneNumber: b, country: "US", region: null },
    ]);
    expect(() => parseInventorySpec(`${a},+1415`)).toThrow(/item 2: "\+1415" is too short/);
  });

  test("NUMBER_INVENTORY as a CSV path with number,country,region", () => {
    const [a, b] = [randomUsNumber(), randomUsNumber()];
    const path = join(dir, "numbers.csv");
    writeFileSync(path, `number,country,region\n${a},US,California\n${b},us,\n`);
    expect(parseInventorySpec(path)).toEqual([
      { phoneNumber: a, country: "US", region: "California" },
      { phoneNumber: b, country: "US", region: null },
    ]);
    writeFileSync(path, `${a},US,CA\n4155550142,US,CA\n`);
    expect(() => parseInventorySpec(path)).toThrow(InventoryError);
    expect(() => parseInventorySpec(path)).toThrow(/line 2/);
    expect(() => parseInventorySpec(join(dir, "missing.csv"))).toThrow(/no such file/);
  });

  test("adding is idempotent; removing keeps numbers an org owns", async () => {
    const [a, b] = [randomUsNumber(), randomUsNumber()];
    const entries = [a!, b!].map((phoneNumber) => ({ phoneNumber, country: "US", region: null }));
    expect(await addToInventory(h.ctx.db, entries)).toBe(2);
    expect(await addToInventory(h.ctx.db, entries)).toBe(0);
    await h.ctx.db.update(numberInventory).set({ orgId: h.orgId }).where(eq(numberInventory.phoneNumber, b!));
    expect(await removeFromInventory(h.ctx.db, [a!, b!])).toEqual({ removed: [a!], owned: [b!] });
  });

  test("the inventory command adds and lists numbers", async () => {
    const number = randomUsNumber("646");
    const env = { ...process.env, DATA_DIR: join(dir, "data"), DATABASE_URL: "", LOG_LEVEL: "error" };
    if (process.env.TEST_DATABASE === "postgres" && process.env.TEST_DATABASE_URL) {
      env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    }
    const cli = join(import.meta.dir, "..", "..", "cli", "inventory.ts");
    const run = async (...args: string[]) => {
      const proc = Bun.spawn(["bun", cli, ...args], { env, stdout: "pipe", stderr: "pipe" });
      const [stdout, stderr, code] = await Promise.all([
        new Response(proc.stdout).text(),
        new Response(proc.stderr).text(),
        proc.exited,
      ]);
      return { stdout, stderr, code };
    };
    const added = await run("add", number, "--region", "New York");
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("added 1");
    const listed = await run("list");
    expect(listed.stdout).toContain(`${number}\tUS\tNew York\tavailable`);
    const bad = await run("add", "+1415");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("too short");
  }, 90_000);
});
