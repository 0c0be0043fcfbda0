// Local espeak-ng, always run as a separate process (it is GPL: spawned, never linked).
// `--stdout` writes a 22050 Hz WAV as it synthesises; the data chunk is streamed on and
// resampled to the requested rate as it arrives.
import { ProviderAbortError } from "../base/errors.ts";
import { pcmStream } from "../base/pcm-bytes.ts";
import { WavStreamReader } from "../base/wav.ts";
import { ProviderError, type TtsOptions, type TtsProvider } from "../types.ts";

export const ESPEAK_SAMPLE_RATE_HZ = 22_050;
const ESPEAK_DEFAULT_WORDS_PER_MINUTE = 175;

export interface EspeakOptions {
  binary?: string;
}

export class EspeakTts implements TtsProvider {
  readonly name = "espeak";

  constructor(private readonly options: EspeakOptions = {}) {}

  async *synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    if (signal.aborted) throw new ProviderAbortError();
    const wordsPerMinute = Math.round(ESPEAK_DEFAULT_WORDS_PER_MINUTE * (options.speed ?? 1));
    let child: ReturnType<typeof Bun.spawn<"pipe", "pipe", "pipe">>;
    try {
      child = Bun.spawn(
        [
          this.options.binary ?? "espeak-ng",
          "--stdout",
          "--stdin",
          "-v",
          options.voiceId || "en-us",
          "-s",
          String(wordsPerMinute),
        ],
        {
          stdin: "pipe",
          stdout: "pipe",
          stderr: "pipe",
        },
      );
    } catch (error) {
      throw new ProviderError(this.name, `cannot start espeak-ng: ${(error as Error).message}`, false);
    }
    const onAbort = () => child.kill();
    signal.addEventListener("abort", onAbort, { once: true });
    child.stdin.write(text);
    child.stdin.end();
    const reader = new WavStreamReader();
    let sampleRateHz = ESPEAK_SAMPLE_RATE_HZ;
    async function* dataBytes(): AsyncGenerator<Uint8Array> {
      for await (const chunk of child.stdout) {
        const data = reader.push(chunk);
        if (reader.format) sampleRateHz = reader.format.sampleRateHz;
        if (data.length > 0) yield data;
      }
    }
    try {
      // The format is known from the first chunk: espeak-ng writes its header in one write.
      const bytes = dataBytes();
      const first = await bytes.next();
      if (!first.done) {
        async function* withFirst(): AsyncGenerator<Uint8Array> {
          yield first.value as Uint8Array;
          yield* bytes;
        }
        yield* pcmStream(withFirst(), sampleRateHz, options.sampleRateHz);
      }
      const exitCode = await child.exited;
      if (signal.aborted) throw new ProviderAbortError();
      if (exitCode !== 0) {
        const stderr = (await new Response(child.stderr).text()).trim();
        throw new ProviderError(
          this.name,
          `espeak-ng exited with ${exitCode}: ${stderr.slice(0, 200)}`,
          false,
        );
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      if (child.exitCode === null) child.kill();
    }
  }
}
