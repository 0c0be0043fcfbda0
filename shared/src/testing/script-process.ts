// A Bun script in a child process for tests and benchmarks: its own environment, its output
// kept, awaited until it prints that it is ready, and stopped with SIGTERM (SIGKILL after 5 s).
import { appendFileSync } from "node:fs";
import type { Subprocess } from "bun";
import { waitFor } from "./wait-for.ts";

export interface ScriptProcess {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** SIGKILL: no goodbye, as a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

interface ScriptOptions {
  /** The child's whole environment besides PATH and HOME. */
  env: Record<string, string>;
  /** Printed once the script is ready. */
  ready: RegExp;
  /** Arguments for Bun before the script (e.g. a CPU profile). */
  bunArgs?: string[];
  /** Runs the script under `nice -n` this much. */
  niceness?: number;
  /** Also appends everything it prints to this file. */
  logPath?: string | null;
  cwd?: string;
  timeoutMs?: number;
}

const STOP_GRACE_MS = 5_000;

/** Spawns `bun <script>` and resolves once its output matches `ready`. */
export async function startScript(
  script: string,
  options: ScriptOptions,
): Promise<ScriptProcess & { match: RegExpMatchArray }> {
  const command = [process.execPath, ...(options.bunArgs ?? []), script];
  const niceness = options.niceness ?? 0;
  const proc = Bun.spawn(niceness > 0 ? ["nice", "-n", String(niceness), ...command] : command, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...options.env },
    stdout: "pipe",
    stderr: "pipe",
  });
  let output = "";
  const logPath = options.logPath ?? null;
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      const text = decoder.decode(chunk);
      output += text;
      if (logPath) appendFileSync(logPath, text);
    }
  };
  void pump(proc.stdout);
  void pump(proc.stderr);
  let match: RegExpMatchArray;
  try {
    match = await waitFor(
      `${script} to print ${options.ready}`,
      () => {
        if (proc.exitCode !== null) throw new Error(`${script} exited (${proc.exitCode})`);
        return output.match(options.ready);
      },
      { timeoutMs: options.timeoutMs ?? 60_000, intervalMs: 50 },
    );
  } catch (error) {
    proc.kill("SIGKILL");
    throw new Error(`${script} did not start: ${(error as Error).message}\n${output}`);
  }
  return {
    proc,
    match,
    output: () => output,
    async kill() {
      proc.kill("SIGKILL");
      await proc.exited;
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill("SIGTERM");
      const exited = await Promise.race([
        proc.exited.then(() => true),
        Bun.sleep(STOP_GRACE_MS).then(() => false),
      ]);
      if (!exited) {
        proc.kill("SIGKILL");
        await proc.exited;
      }
    },
  };
}
