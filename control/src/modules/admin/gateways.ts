// The cluster's gateways as they announce themselves on the bus (shared/src/cluster/announcement.ts).
import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import { readAnnouncements } from "@switchboard/shared/cluster/announcement";
import type { GatewayList } from "@switchboard/shared/schemas/gateway";

/** Live gateways by id; expired announcements (a gateway gone without a goodbye) are removed. */
export async function listGateways(bus: Bus, nowMs = Date.now()): Promise<GatewayList> {
  const { live, expired } = readAnnouncements(await bus.hashGetAll(Hashes.gatewayAnnouncements), nowMs);
  await Promise.all(expired.map((field) => bus.hashDelete(Hashes.gatewayAnnouncements, field)));
  return { data: live };
}
