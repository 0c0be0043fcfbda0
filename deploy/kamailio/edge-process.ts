// Kamailio as a child process with kamailio.cfg: foreground (-DD), logging to stderr (-E),
// its run directory, lists and control socket in `dir`, listening on one UDP and TCP port.
// Used by `npm run cluster`, the cluster acceptance test and the cluster benchmark.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { waitFor } from "../../shared/src/testing/wait-for.ts";
import { type DestinationState, parseDispatcherStates, renderTrunkList } from "./dispatcher-list.ts";
import { kamcmd } from "./kamcmd.ts";

export const KAMAILIO_CFG = join(import.meta.dir, "kamailio.cfg");

export interface EdgeOptions {
  dir: string;
  host: string;
  sipPort: number;
  /** Source CIDRs of the trunk(s) allowed to send requests. */
  trunkCidrs: string[];
  pingIntervalS?: number;
  /** A gateway silent this long after an INVITE (no 100 Trying) is failed over (default 1500). */
  firstReplyTimeoutMs?: number;
  /** Where a gateway's outbound INVITE is sent on, `host:port`. */
  carrierHostPort?: string;
  pike?: { unitS: number; requestsPerUnit: number };
  /** Worker processes per listening socket (default 4). */
  children?: number;
}

export interface Edge {
  sipPort: number;
  host: string;
  ctlSocket: string;
  dispatcherListPath: string;
  proc: Subprocess<"ignore", "pipe", "pipe">;
  output(): string;
  /** Each gateway URI's dispatcher state, as Kamailio routes now. */
  destinations(): Promise<Map<string, DestinationState>>;
  stop(): Promise<void>;
}

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const ctlSocket = `unix:${join(options.dir, "kamailio_ctl")}`;
  const dispatcherListPath = join(options.dir, "dispatcher.list");
  const trunkListPath = join(options.dir, "trunks.list");
  writeFileSync(dispatcherListPath, "# no gateway yet\n");
  writeFileSync(trunkListPath, renderTrunkList(options.trunkCidrs));
  const defines = [
    `DISPATCHER_LIST="${dispatcherListPath}"`,
    `TRUNK_ADDRESS_LIST="${trunkListPath}"`,
    `CTL_SOCKET="${ctlSocket}"`,
    `DS_PING_INTERVAL_S=${options.pingIntervalS ?? 2}`,
    ...(options.firstReplyTimeoutMs ? [`GATEWAY_FIRST_REPLY_TIMEOUT_MS=${options.firstReplyTimeoutMs}`] : []),
    ...(options.carrierHostPort ? [`CARRIER_HOSTPORT="${options.carrierHostPort}"`] : []),
    ...(options.pike
      ? [`PIKE_UNIT_S=${options.pike.unitS}`, `PIKE_REQUESTS_PER_UNIT=${options.pike.requestsPerUnit}`]
      : []),
  ];
  const listen = `${options.host}:${options.sipPort}`;
  const proc = Bun.spawn(
    [
      "kamailio",
      "-DD",
      "-E",
      "-f",
      KAMAILIO_CFG,
      "-Y",
      options.dir,
      "-P",
      join(options.dir, "kamailio.pid"),
      "-m",
      "64",
      "-M",
      "8",
      "-n",
      String(options.children ?? 4),
      "-l",
      `udp:${listen}`,
      "-l",
      `tcp:${listen}`,
      ...defines.flatMap((define) => ["-A", define]),
    ],
    { stdout: "pipe", stderr: "pipe" },
  );
  let output = "";
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) output += decoder.decode(chunk);
  };
  void pump(proc.stdout);
  void pump(proc.stderr);
  const edge: Edge = {
    sipPort: options.sipPort,
    host: options.host,
    ctlSocket,
    dispatcherListPath,
    proc,
    output: () => output,
    destinations: async () =>
      parseDispatcherStates(
        // An empty list is an error to Kamailio ("No Destination Sets"): no destination.
        await kamcmd(ctlSocket, "dispatcher.list").catch((error: Error) =>
          /No Destination Sets/.test(error.message) ? "" : Promise.reject(error),
        ),
      ),
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill("SIGTERM");
      const exited = await Promise.race([proc.exited, Bun.sleep(5000).then(() => null)]);
      if (exited === null) proc.kill("SIGKILL");
      await proc.exited;
    },
  };
  try {
    await waitFor(
      "Kamailio's control socket",
      async () => {
        if (proc.exitCode !== null) throw new Error(`kamailio exited ${proc.exitCode}:\n${output}`);
        return kamcmd(ctlSocket, "core.version").then(
          () => true,
          () => false,
        );
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
  } catch (error) {
    await edge.stop();
    throw error;
  }
  return edge;
}
