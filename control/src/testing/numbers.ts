// Test support: fresh valid numbers in the shared inventory, so suites never collide.
import type { Database } from "../db/client.ts";
import { e164Problem } from "../modules/phone-numbers/e164.ts";
import { addToInventory } from "../modules/phone-numbers/inventory-loader.ts";

/** A random valid US number in `areaCode` (subscriber part NXX-XXXX). */
export function randomUsNumber(areaCode = "415"): string {
  for (;;) {
    const exchange = 200 + Math.floor(Math.random() * 800);
    const line = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
    const candidate = `+1${areaCode}${exchange}${line}`;
    if (exchange !== 555 && e164Problem(candidate) === null) return candidate;
  }
}

export async function stockInventory(
  db: Database,
  count: number,
  areaCode = "415",
  region = "CA",
): Promise<string[]> {
  const numbers = Array.from({ length: count }, () => randomUsNumber(areaCode));
  await addToInventory(
    db,
    numbers.map((phoneNumber) => ({ phoneNumber, country: "US", region })),
  );
  return numbers;
}
