// Speech from a local synthesiser run as a child process that writes a WAV to stdout: the
// data chunk is streamed on as it arrives, resampled to the requested rate. Abort kills the
// process. The engines' licences (espeak-ng is GPL) allow this only as a separate process.
import { ProviderError } from "../types.ts";
import { ProviderAbortError } from "./errors.ts";
import { pcmStream } from "./pcm-bytes.ts";
import { WavStreamReader } from "./wav.ts";

interface WavProcess {
  provider: string;
  argv: string[];
  /** Written to stdin and closed; null leaves stdin empty. */
  stdinText: string | null;
  outRateHz: number;
  signal: AbortSignal;
}

export async function* wavProcessStream(run: WavProcess): AsyncGenerator<Int16Array> {
  if (run.signal.aborted) throw new ProviderAbortError();
  let child: ReturnType<typeof Bun.spawn<"pipe", "pipe", "pipe">>;
  try {
    child = Bun.spawn(run.argv, { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
  } catch (error) {
    throw new ProviderError(run.provider, `cannot start ${run.argv[0]}: ${(error as Error).message}`, false);
  }
  const stderrText = new Response(child.stderr).text().catch(() => "");
  const onAbort = () => child.kill();
  run.signal.addEventListener("abort", onAbort, { once: true });
  if (run.stdinText !== null) child.stdin.write(run.stdinText);
  child.stdin.end();
  const reader = new WavStreamReader();
  async function* dataBytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of child.stdout) {
      const data = reader.push(chunk);
      if (data.length > 0) yield data;
    }
  }
  try {
    const bytes = dataBytes();
    // The data chunk comes after fmt, so the rate is known once the first data arrives.
    const first = await bytes.next();
    if (!first.done && reader.format) {
      const firstBytes = first.value;
      async function* all(): AsyncGenerator<Uint8Array> {
        yield firstBytes;
        yield* bytes;
      }
      yield* pcmStream(all(), reader.format.sampleRateHz, run.outRateHz);
    }
    const exitCode = await child.exited;
    if (run.signal.aborted) throw new ProviderAbortError();
    if (exitCode !== 0) {
      const stderr = (await stderrText).trim().slice(0, 200);
      throw new ProviderError(run.provider, `${run.argv[0]} exited with ${exitCode}: ${stderr}`, false);
    }
  } catch (error) {
    if (run.signal.aborted) throw new ProviderAbortError();
    if (error instanceof ProviderError) throw error;
    throw new ProviderError(run.provider, (error as Error).message, false);
  } finally {
    run.signal.removeEventListener("abort", onAbort);
    if (child.exitCode === null) child.kill();
  }
}
