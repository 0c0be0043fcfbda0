// What control publishes on the bus, in one place. The bus is a cache: every hash gateways
// read is rebuilt from the database by the entry here. Each name in Hashes and HashFamilies
// (shared/src/bus/topics.ts) must appear, either with its rebuild or with the reason nothing
// rebuilds it: a hash added without either does not compile, and registry.test.ts checks the
// same at run time.
import type { Hashes, HashFamilies } from "@switchboard/shared/bus/topics";
import {
  agentSnapshots,
  creditBalanceHash,
  knowledgeRevisions,
  knowledgeSourceHashes,
  numberRoutes,
  orgCallLimits,
  orgRates,
  type PublishedHash,
  trunkSnapshots,
} from "./published-hashes.ts";

export type BusHashName = keyof typeof Hashes | keyof typeof HashFamilies;

interface NotRebuilt {
  /** Who writes it. */
  owner: "gateway" | "control";
  /** Why no database rebuild exists for it. */
  reason: string;
}

type BusStateEntry = { rebuild: PublishedHash } | NotRebuilt;

/** In rebuild order: what later entries' repairs rely on comes first. */
export const BUS_STATE = {
  trunks: { rebuild: trunkSnapshots },
  orgCallLimits: { rebuild: orgCallLimits },
  orgRates: { rebuild: orgRates },
  creditBalances: { rebuild: creditBalanceHash },
  agentSnapshots: { rebuild: agentSnapshots },
  numberRoutes: { rebuild: numberRoutes },
  knowledgeSources: { rebuild: knowledgeSourceHashes },
  knowledgeRevisions: { rebuild: knowledgeRevisions },
  gatewayHeartbeats: {
    owner: "gateway",
    reason: "each gateway rewrites its own heartbeat every GATEWAY_HEARTBEAT_INTERVAL_MS",
  },
  gatewayAnnouncements: {
    owner: "gateway",
    reason: "each gateway rewrites its own announcement every GATEWAY_HEARTBEAT_INTERVAL_MS",
  },
  canceledCalls: {
    owner: "control",
    reason:
      "guards a dispatch command still on the outbound stream and is consumed with it; the " +
      "database has no such state, and a flush or restart that loses the marker loses the command too",
  },
  controlState: {
    owner: "control",
    reason: "the rebuild's own 'state published' marker, written after every full rebuild",
  },
} as const satisfies Record<BusHashName, BusStateEntry>;

/** The rebuilt hashes, in rebuild order. */
export function rebuiltHashes(): Array<[BusHashName, PublishedHash]> {
  const entries = Object.entries(BUS_STATE) as Array<[BusHashName, BusStateEntry]>;
  return entries.flatMap(([name, entry]) => ("rebuild" in entry ? [[name, entry.rebuild]] : []));
}
