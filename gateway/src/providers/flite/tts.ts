// Local flite (BSD-style licence), run as a process. flite synthesises the whole utterance,
// then writes a 16 kHz WAV (kal16, rms, slt) with a seekable writer, so it goes to a temporary
// file (a pipe or socket will not do) and is streamed from there in 100 ms chunks.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProviderAbortError } from "../base/errors.ts";
import { pcmStream } from "../base/pcm-bytes.ts";
import { WavStreamReader } from "../base/wav.ts";
import { ProviderError, type TtsOptions, type TtsProvider } from "../types.ts";

const CHUNK_MS = 100;

interface FliteOptions {
  binary?: string;
}

export class FliteTts implements TtsProvider {
  readonly name = "flite";

  constructor(private readonly options: FliteOptions = {}) {}

  async *synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    if (signal.aborted) throw new ProviderAbortError();
    const directory = await mkdtemp(join(tmpdir(), "flite-"));
    const wavPath = join(directory, "speech.wav");
    try {
      const argv = [this.options.binary ?? "flite", "-voice", options.voiceId || "kal16"];
      // duration_stretch > 1 is slower speech.
      if (options.speed && options.speed !== 1)
        argv.push("--setf", `duration_stretch=${(1 / options.speed).toFixed(3)}`);
      argv.push("-o", wavPath, "-t", text);
      let child: ReturnType<typeof Bun.spawn<"ignore", "ignore", "pipe">>;
      try {
        child = Bun.spawn(argv, { stdin: "ignore", stdout: "ignore", stderr: "pipe" });
      } catch (error) {
        throw new ProviderError(this.name, `cannot start flite: ${(error as Error).message}`, false);
      }
      const onAbort = () => child.kill();
      signal.addEventListener("abort", onAbort, { once: true });
      const exitCode = await child.exited.finally(() => signal.removeEventListener("abort", onAbort));
      if (signal.aborted) throw new ProviderAbortError();
      const stderr = (await new Response(child.stderr).text()).trim();
      // Without a written file there is no speech, whatever the exit code.
      const wav = await readFile(wavPath).catch(() => null);
      if (exitCode !== 0 || wav === null) {
        throw new ProviderError(this.name, `flite failed (${exitCode}): ${stderr.slice(0, 200)}`, false);
      }
      const reader = new WavStreamReader();
      const data = reader.push(new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength));
      if (!reader.format) throw new ProviderError(this.name, "flite wrote no WAV format", false);
      const chunkBytes = ((reader.format.sampleRateHz * CHUNK_MS) / 1000) * 2;
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let offset = 0; offset < data.length; offset += chunkBytes) {
          yield data.subarray(offset, offset + chunkBytes);
        }
      }
      for await (const pcm of pcmStream(chunks(), reader.format.sampleRateHz, options.sampleRateHz)) {
        if (signal.aborted) throw new ProviderAbortError();
        yield pcm;
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
}
