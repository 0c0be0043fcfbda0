// Every hash on the bus is accounted for: rebuilt from the database by control, or named with
// who writes it and why nothing rebuilds it. A hash (or family of hashes) added to topics.ts
// without either fails here, as it fails to compile in registry.ts.
import { expect, test } from "bun:test";
import * as topics from "@switchboard/shared/bus/topics";
import { BUS_STATE, rebuiltHashes } from "./registry.ts";

const hashNames = Object.keys(topics.Hashes);
const familyNames = Object.keys(topics.HashFamilies);

test("every hash and hash family in topics.ts is rebuilt or has a stated owner and reason", () => {
  expect(hashNames.length).toBeGreaterThan(5);
  for (const name of [...hashNames, ...familyNames]) {
    const entry = (BUS_STATE as Record<string, unknown>)[name] as
      | { rebuild: { expected: unknown; repair: unknown } }
      | { owner: string; reason: string }
      | undefined;
    if (!entry) throw new Error(`${name} is published on the bus but missing from BUS_STATE`);
    if ("rebuild" in entry) {
      expect(typeof entry.rebuild.expected).toBe("function");
      expect(typeof entry.rebuild.repair).toBe("function");
    } else {
      expect(["gateway", "control"]).toContain(entry.owner);
      expect(entry.reason.length).toBeGreaterThan(20);
    }
  }
  expect(Object.keys(BUS_STATE).sort()).toEqual([...hashNames, ...familyNames].sort());
});

test("every key-making function in topics.ts is a listed hash family", () => {
  const families = new Set<unknown>(Object.values(topics.HashFamilies));
  for (const [name, value] of Object.entries(topics)) {
    if (typeof value === "function" && !families.has(value))
      throw new Error(`${name} makes bus keys but is not in HashFamilies`);
  }
});

test("what gateways read to route and answer calls is rebuilt by control", () => {
  const rebuilt = rebuiltHashes().map(([name]) => name);
  for (const name of [
    "agentSnapshots",
    "numberRoutes",
    "creditBalances",
    "orgCallLimits",
    "orgRates",
    "trunks",
    "knowledgeRevisions",
    "knowledgeSources",
  ])
    expect(rebuilt).toContain(name as (typeof rebuilt)[number]);
});
