// The routing table the gateway answers INVITEs from: a bus hash keyed by E.164 number, and
// an invalidation message per change so gateways drop what they cached.
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import type { NumberRoute } from "@switchboard/shared/events";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { phoneNumbers } from "../../db/schema.ts";

export type PhoneNumberRow = typeof phoneNumbers.$inferSelect;

function routeOf(row: PhoneNumberRow): NumberRoute {
  return {
    org_id: row.orgId,
    phone_number_id: row.id,
    agent_id: row.agentId,
    forwarding: row.forwarding ?? null,
    status: row.status === "pending" ? "suspended" : row.status,
  };
}

/** The number's entry in Hashes.numberRoutes, as every publish path writes it. */
export const routeValue = (row: PhoneNumberRow): string => JSON.stringify(routeOf(row));

export async function publishRoute(bus: Bus, row: PhoneNumberRow): Promise<void> {
  // A number whose carrier order is still pending takes no calls yet.
  if (row.status === "pending") return removeRoute(bus, row.phoneNumber);
  await bus.hashSet(Hashes.numberRoutes, row.phoneNumber, routeValue(row));
  await bus.publish(Channels.numberRouteInvalidated, row.phoneNumber);
}

export async function removeRoute(bus: Bus, phoneNumber: string): Promise<void> {
  await bus.hashDelete(Hashes.numberRoutes, phoneNumber);
  await bus.publish(Channels.numberRouteInvalidated, phoneNumber);
}

/** Publishes the number's route as the database holds it now, or removes it when the number is gone. */
export async function publishRouteOf(db: Database, bus: Bus, phoneNumber: string): Promise<void> {
  const [row] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.phoneNumber, phoneNumber));
  if (row) await publishRoute(bus, row);
  else await removeRoute(bus, phoneNumber);
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
