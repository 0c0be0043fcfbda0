// The routing table the gateway answers INVITEs from: a bus hash keyed by E.164 number, and
// an invalidation message per change so gateways drop what they cached.
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import type { NumberForwarding, NumberRoute } from "@switchboard/shared/events";
import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { phoneNumbers } from "../../db/schema.ts";

export type PhoneNumberRow = typeof phoneNumbers.$inferSelect;

export function routeOf(row: PhoneNumberRow): NumberRoute {
  return {
    org_id: row.orgId,
    phone_number_id: row.id,
    agent_id: row.agentId,
    forwarding: (row.forwarding as NumberForwarding | null) ?? null,
    status: row.status,
  };
}

export async function publishRoute(bus: Bus, row: PhoneNumberRow): Promise<void> {
  await bus.hashSet(Hashes.numberRoutes, row.phoneNumber, JSON.stringify(routeOf(row)));
  await bus.publish(Channels.numberRouteInvalidated, row.phoneNumber);
}

export async function removeRoute(bus: Bus, phoneNumber: string): Promise<void> {
  await bus.hashDelete(Hashes.numberRoutes, phoneNumber);
  await bus.publish(Channels.numberRouteInvalidated, phoneNumber);
}

/** Writes the whole table (at start: a restarted Redis is repopulated) and drops stale entries. */
export async function publishAllRoutes(db: Database, bus: Bus): Promise<number> {
  const rows = await db.select().from(phoneNumbers);
  const live = new Set<string>();
  for (const row of rows) {
    live.add(row.phoneNumber);
    await bus.hashSet(Hashes.numberRoutes, row.phoneNumber, JSON.stringify(routeOf(row)));
  }
  for (const phoneNumber of Object.keys(await bus.hashGetAll(Hashes.numberRoutes))) {
    if (!live.has(phoneNumber)) await bus.hashDelete(Hashes.numberRoutes, phoneNumber);
  }
  return rows.length;
}

/**
 * Deleting an agent detaches its numbers in the database (ON DELETE SET NULL); this brings
 * their routes in line. Called on the agents' invalidation message.
 */
export async function refreshRoutesForAgent(db: Database, bus: Bus, agentId: string): Promise<number> {
  const stale: string[] = [];
  for (const [phoneNumber, raw] of Object.entries(await bus.hashGetAll(Hashes.numberRoutes))) {
    try {
      if ((JSON.parse(raw) as Partial<NumberRoute>).agent_id === agentId) stale.push(phoneNumber);
    } catch {
      stale.push(phoneNumber);
    }
  }
  if (stale.length === 0) return 0;
  const rows = await db.select().from(phoneNumbers).where(inArray(phoneNumbers.phoneNumber, stale));
  const live = new Set(rows.map((row) => row.phoneNumber));
  for (const row of rows) await publishRoute(bus, row);
  for (const phoneNumber of stale) if (!live.has(phoneNumber)) await removeRoute(bus, phoneNumber);
  return stale.length;
}
