// SIPp as a stand-in caller (UAC) or carrier (UAS) for tests: runs one scenario from
// loadtest/stand-ins/sipp/ against a SIP port on loopback, on free signalling and media ports.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, resolve } from "node:path";

/** The SIPp scenarios, named for the outcome they expect. */
export const SIPP_DIR = resolve(import.meta.dir, "../../sipp");

/**
 * Ports for one SIPp run, above Linux's ephemeral range (32768-60999) so no socket the kernel
 * hands out can take one: media at `mediaPort` (audio RTP/RTCP, video at + 2 and + 3) and
 * signalling at mediaPort + 4. Nothing probes them first, as a probe's port can be taken before
 * SIPp binds it anyway: when another process holds one, SIPp says so and exits at once, and the
 * run starts again on another block. (shared/src/testing/ports.ts does the same for everyone
 * else; the stand-ins import no workspace.)
 */
function portBlock(): { sipPort: number; mediaPort: number } {
  const mediaPort = 61000 + 6 * Math.floor(Math.random() * 750);
  return { mediaPort, sipPort: mediaPort + 4 };
}

const PORT_ATTEMPTS = 5;

/** Whether SIPp exited because a port it was given is taken ("Unable to bind ..., errno = 98"). */
function portTaken(result: SippResult): boolean {
  return (
    result.exitCode !== 0 && /errno = 98|Address already in use/i.test(`${result.stderr}\n${result.stdout}`)
  );
}

export interface SippResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  errors: string;
}

interface SippRunOptions {
  scenario: string;
  gatewayPort: number;
  service?: string;
  calls?: number;
  rate?: number;
  extraArgs?: string[];
  timeoutS?: number;
  localIp?: string;
}

/** Runs one SIPp scenario to completion (exit code 0: every call succeeded). */
export async function runSipp(options: SippRunOptions): Promise<SippResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await runSippOn(options, portBlock());
    if (attempt >= PORT_ATTEMPTS || !portTaken(result)) return result;
  }
}

async function runSippOn(
  options: SippRunOptions,
  { sipPort: localPort, mediaPort }: { sipPort: number; mediaPort: number },
): Promise<SippResult> {
  const workDir = `/tmp/sipp-${process.pid}-${localPort}`;
  await Bun.$`mkdir -p ${workDir}`.quiet();
  const errorFile = join(workDir, "errors.log");
  const args = [
    "sipp",
    `127.0.0.1:${options.gatewayPort}`,
    "-sf",
    join(SIPP_DIR, options.scenario),
    "-s",
    options.service ?? "+14155550100",
    "-i",
    options.localIp ?? "127.0.0.1",
    "-p",
    String(localPort),
    "-mp",
    String(mediaPort),
    "-m",
    String(options.calls ?? 1),
    "-r",
    String(options.rate ?? 10),
    "-timeout",
    `${options.timeoutS ?? 25}s`,
    "-timeout_error",
    "-nostdin",
    "-bg",
    "-trace_err",
    "-error_file",
    errorFile,
    ...(options.extraArgs ?? []),
  ];
  args.splice(args.indexOf("-bg"), 1);
  const child = Bun.spawn(args, { cwd: workDir, stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  const errors = withoutWatchdogWarnings(
    await Bun.file(errorFile)
      .text()
      .catch(() => ""),
  );
  await Bun.$`rm -rf ${workDir}`.quiet();
  return { exitCode, stdout, stderr, errors };
}

const WATCHDOG_WARNING = /Overload warning: the (minor|major) watchdog timer/;

/**
 * SIPp's error log also holds its own scheduling warnings (its main loop ran late on a busy
 * machine), which say nothing about the calls. They are left out, and with them the header
 * SIPp writes above its events when nothing else remains.
 */
export function withoutWatchdogWarnings(log: string): string {
  const lines = log.split("\n").filter((line) => !WATCHDOG_WARNING.test(line));
  const meaningful = lines.filter(
    (line) => line.trim() !== "" && !line.startsWith("The following events occurred"),
  );
  return meaningful.length === 0 ? "" : lines.join("\n");
}

interface SippServer {
  port: number;
  /** Resolves when SIPp has run its calls (or timed out). */
  done: Promise<SippResult>;
}

interface SippServerOptions {
  scenario: string;
  calls?: number;
  timeoutS?: number;
  /** SIPp transport mode: u1 (UDP, default) or t1 (TCP, one connection). */
  transport?: "u1" | "t1";
  /** More SIPp arguments (e.g. -trace_logs and -log_file for a scenario's <log> actions). */
  extraArgs?: string[];
}

/**
 * Starts SIPp as a UAS (a stand-in trunk) on a free port and resolves once SIPp holds its SIP
 * socket; the gateway calls it.
 */
export async function startSippServer(options: SippServerOptions): Promise<SippServer> {
  for (let attempt = 1; ; attempt++) {
    const server = await startSippServerOn(options, portBlock());
    if ("port" in server) return server;
    if (attempt >= PORT_ATTEMPTS || !portTaken(server.exited)) {
      const { exitCode, stderr, errors } = server.exited;
      throw new Error(`SIPp exited (${exitCode}) before it held its port:\n${stderr}${errors}`);
    }
  }
}

/** The server once it holds its SIP port, or how it ended when it exited before that. */
async function startSippServerOn(
  options: SippServerOptions,
  { sipPort: port, mediaPort }: { sipPort: number; mediaPort: number },
): Promise<SippServer | { exited: SippResult }> {
  const workDir = `/tmp/sipp-uas-${process.pid}-${port}`;
  await Bun.$`mkdir -p ${workDir}`.quiet();
  const errorFile = join(workDir, "errors.log");
  const child = Bun.spawn(
    [
      "sipp",
      "-sf",
      join(SIPP_DIR, options.scenario),
      "-i",
      "127.0.0.1",
      "-p",
      String(port),
      "-mp",
      String(mediaPort),
      "-m",
      String(options.calls ?? 1),
      "-timeout",
      `${options.timeoutS ?? 25}s`,
      "-timeout_error",
      "-nostdin",
      "-trace_err",
      "-error_file",
      errorFile,
      "-t",
      options.transport ?? "u1",
      ...(options.extraArgs ?? []),
    ],
    { cwd: workDir, stdout: "pipe", stderr: "pipe" },
  );
  const done = (async () => {
    const [stdout, stderr, exitCode] = await Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
      child.exited,
    ]);
    const errors = withoutWatchdogWarnings(
      await Bun.file(errorFile)
        .text()
        .catch(() => ""),
    );
    await Bun.$`rm -rf ${workDir}`.quiet();
    return { exitCode, stdout, stderr, errors };
  })();
  // Ready once SIPp's own socket is on the port. Polled, as SIPp announces nothing (and the
  // stand-ins cannot use shared's waitFor): every 10 ms, for at most 10 s.
  const deadline = performance.now() + 10_000;
  while (child.exitCode === null && !holdsPort(child.pid, port, options.transport ?? "u1")) {
    if (performance.now() > deadline) {
      child.kill();
      throw new Error(`SIPp did not bind port ${port} within 10 s`);
    }
    await Bun.sleep(10);
  }
  if (child.exitCode !== null) return { exited: await done };
  return { port, done };
}

/**
 * Whether process `pid` holds a UDP socket bound to `port` (transport u1) or a TCP socket
 * listening on it (t1), as Linux's /proc/net tables and the process's descriptors tell.
 */
function holdsPort(pid: number, port: number, transport: "u1" | "t1"): boolean {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: "utf8" }) as string;
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    }
  } catch {
    return false; // gone, or a descriptor closed while listed
  }
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const tables =
    transport === "t1" ? ["/proc/net/tcp", "/proc/net/tcp6"] : ["/proc/net/udp", "/proc/net/udp6"];
  for (const table of tables) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      // TCP state 0A is LISTEN.
      if (local?.endsWith(suffix) && (transport === "u1" || state === "0A") && inodes.has(inode ?? ""))
        return true;
    }
  }
  return false;
}
