// SIPp as a stand-in caller (UAC) or carrier (UAS) for tests: runs one scenario from
// loadtest/stand-ins/sipp/ against a SIP port on loopback, on free signalling and media ports.
import { join, resolve } from "node:path";

/** The SIPp scenarios, named for the outcome they expect. */
export const SIPP_DIR = resolve(import.meta.dir, "../../sipp");

export async function freeUdpPort(): Promise<number> {
  const socket = await Bun.udpSocket({ hostname: "127.0.0.1", port: 0 });
  const port = socket.port;
  socket.close();
  return port;
}

/**
 * A block of four free UDP ports for SIPp's media (audio RTP/RTCP at the port, video at
 * port + 2), above Linux's ephemeral range (32768-60999) so no socket the kernel hands out
 * meanwhile can take one of them.
 */
async function freeMediaPortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 61000 + 4 * Math.floor(Math.random() * 1000);
    const sockets: { close(): void }[] = [];
    try {
      for (let offset = 0; offset < 4; offset++) {
        sockets.push(await Bun.udpSocket({ hostname: "127.0.0.1", port: base + offset }));
      }
      return base;
    } catch {
      // Taken: try another block.
    } finally {
      for (const socket of sockets) socket.close();
    }
  }
  throw new Error("no free block of four UDP ports above 61000");
}

export interface SippResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  errors: string;
}

/** Runs one SIPp scenario to completion (exit code 0: every call succeeded). */
export async function runSipp(options: {
  scenario: string;
  gatewayPort: number;
  service?: string;
  calls?: number;
  rate?: number;
  extraArgs?: string[];
  timeoutS?: number;
  localIp?: string;
}): Promise<SippResult> {
  const localPort = await freeUdpPort();
  const mediaPort = await freeMediaPortBlock();
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
  const errors = await Bun.file(errorFile)
    .text()
    .catch(() => "");
  await Bun.$`rm -rf ${workDir}`.quiet();
  return { exitCode, stdout, stderr, errors };
}

interface SippServer {
  port: number;
  /** Resolves when SIPp has run its calls (or timed out). */
  done: Promise<SippResult>;
}

/** Starts SIPp as a UAS (a stand-in trunk) on a free port; the gateway calls it. */
export async function startSippServer(options: {
  scenario: string;
  calls?: number;
  timeoutS?: number;
  /** SIPp transport mode: u1 (UDP, default) or t1 (TCP, one connection). */
  transport?: "u1" | "t1";
}): Promise<SippServer> {
  const port = await freeUdpPort();
  const mediaPort = await freeMediaPortBlock();
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
    ],
    { cwd: workDir, stdout: "pipe", stderr: "pipe" },
  );
  const done = (async () => {
    const [stdout, stderr, exitCode] = await Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
      child.exited,
    ]);
    const errors = await Bun.file(errorFile)
      .text()
      .catch(() => "");
    await Bun.$`rm -rf ${workDir}`.quiet();
    return { exitCode, stdout, stderr, errors };
  })();
  // SIPp binds within a few ms of starting; give it a moment before calls arrive.
  await Bun.sleep(300);
  return { port, done };
}
