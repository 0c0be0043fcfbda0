// Helpers shared by the provider tests.
import type { ProviderError, SttProvider, SttSession, TranscriptEvent } from "../types.ts";

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

/** A voiced tone (speech-like energy) followed by silence, as 20 ms frames at 16 kHz. */
export function speechThenSilence(speechMs: number, silenceMs: number): Int16Array[] {
  const frames: Int16Array[] = [];
  for (let t = 0; t < speechMs; t += 20) {
    const frame = new Int16Array(320);
    for (let i = 0; i < frame.length; i++) {
      const seconds = t / 1000 + i / 16_000;
      frame[i] = Math.round(
        8000 * Math.sin(2 * Math.PI * 150 * seconds) + 3000 * Math.sin(2 * Math.PI * 450 * seconds),
      );
    }
    frames.push(frame);
  }
  for (let t = 0; t < silenceMs; t += 20) frames.push(new Int16Array(320));
  return frames;
}

interface RecordedSession {
  session: SttSession;
  events: TranscriptEvent[];
  errors: ProviderError[];
}

export async function openRecorded(provider: SttProvider, model: string): Promise<RecordedSession> {
  const events: TranscriptEvent[] = [];
  const errors: ProviderError[] = [];
  const session = await provider.open(
    { model, language: "en", sampleRateHz: 16_000 },
    (event) => events.push(event),
    (error) => errors.push(error),
  );
  return { session, events, errors };
}

export function totalSamples(chunks: Int16Array[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.length, 0);
}

export async function expectRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}
