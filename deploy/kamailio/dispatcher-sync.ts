// Keeps the edge's dispatcher list equal to the live gateways: reads their announcements from
// the bus (Hashes.gatewayAnnouncements), rewrites DISPATCHER_LIST when the set of gateways or
// a drain flag changed, and has Kamailio reload it (`dispatcher.reload`). Runs beside Kamailio:
//   REDIS_URL=redis://... KAMAILIO_DISPATCHER_LIST=/etc/kamailio/dispatcher.list \
//   KAMAILIO_CTL_SOCKET=unix:/run/kamailio/kamailio_ctl bun deploy/kamailio/dispatcher-sync.ts
import { renameSync, writeFileSync } from "node:fs";
import type { Bus } from "../../shared/src/bus/contract.ts";
import { connectBus } from "../../shared/src/bus/index.ts";
import { Hashes } from "../../shared/src/bus/topics.ts";
import { readAnnouncements } from "../../shared/src/cluster/announcement.ts";
import { renderDispatcherList } from "./dispatcher-list.ts";
import { kamcmd } from "./kamcmd.ts";

export interface DispatcherSyncOptions {
  bus: Bus;
  listPath: string;
  ctlSocket: string;
  intervalMs: number;
  onError?: (error: unknown) => void;
  /** Told the list Kamailio now routes with, after each reload. */
  onApplied?: (list: string) => void;
}

export interface DispatcherSync {
  /** One pass now: read, write and reload when changed. Resolves true when it reloaded. */
  syncNow(): Promise<boolean>;
  stop(): Promise<void>;
}

/** Writes the file whole or not at all: Kamailio never reads half a list. */
function writeAtomically(path: string, text: string) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export function startDispatcherSync(options: DispatcherSyncOptions): DispatcherSync {
  let applied: string | null = null;
  let running: Promise<boolean> = Promise.resolve(false);
  const pass = async (): Promise<boolean> => {
    const { live } = readAnnouncements(await options.bus.hashGetAll(Hashes.gatewayAnnouncements), Date.now());
    const list = renderDispatcherList(live);
    if (list === applied) return false;
    writeAtomically(options.listPath, list);
    // Refused within reload_delta of the previous reload: `applied` stays, the next pass retries.
    await kamcmd(options.ctlSocket, "dispatcher.reload");
    applied = list;
    options.onApplied?.(list);
    return true;
  };
  const syncNow = () => {
    running = running.then(pass, pass).catch((error) => {
      options.onError?.(error);
      return false;
    });
    return running;
  };
  const timer = setInterval(syncNow, options.intervalMs);
  void syncNow();
  return {
    syncNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

if (import.meta.main) {
  const required = (name: string) => {
    const value = process.env[name];
    if (!value) {
      console.error(`${name} is required`);
      process.exit(1);
    }
    return value;
  };
  const bus = await connectBus(required("REDIS_URL"));
  const sync = startDispatcherSync({
    bus,
    listPath: required("KAMAILIO_DISPATCHER_LIST"),
    ctlSocket: required("KAMAILIO_CTL_SOCKET"),
    intervalMs: Number(process.env.DISPATCHER_SYNC_INTERVAL_MS ?? 1000),
    onError: (error) => console.error(`dispatcher sync: ${error instanceof Error ? error.message : error}`),
    onApplied: (list) => console.log(`dispatcher list applied:\n${list}`),
  });
  const shutdown = async () => {
    await sync.stop();
    await bus.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
