import { type FileHandle, open } from "node:fs/promises";
import { WAV_HEADER_BYTES, wavHeader } from "./wav-header.ts";

// A two-channel 16-bit PCM WAV (caller left, agent right) streamed to disk in chunks of about
// one second; the RIFF and data sizes in the 44-byte header are fixed up on close.

const CHANNELS = 2;
const BYTES_PER_SAMPLE = 2;

export interface RecordingInfo {
  path: string;
  durationS: number;
  bytes: number;
}

export class WavRecorder {
  private chunk: Int16Array;
  private chunkFrames = 0;
  private readonly spare: Int16Array[] = [];
  private pending: Promise<void> = Promise.resolve();
  private dataBytes = 0;
  private failed: Error | null = null;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    readonly sampleRateHz: number,
    private readonly chunkCapacityFrames: number,
  ) {
    this.chunk = new Int16Array(chunkCapacityFrames * CHANNELS);
  }

  static async create(path: string, sampleRateHz: number, chunkMs = 1000): Promise<WavRecorder> {
    const file = await open(path, "w");
    await file.write(wavHeader(sampleRateHz, CHANNELS, 0), 0, WAV_HEADER_BYTES, 0);
    return new WavRecorder(path, file, sampleRateHz, Math.round((sampleRateHz * chunkMs) / 1000));
  }

  /** Appends one frame per channel (equal lengths); a null channel is silence. */
  write(caller: Int16Array | null, agent: Int16Array | null, frameSamples: number): void {
    if (this.closed || this.failed) return;
    let written = 0;
    while (written < frameSamples) {
      const room = this.chunkCapacityFrames - this.chunkFrames;
      const take = Math.min(room, frameSamples - written);
      const chunk = this.chunk;
      let out = this.chunkFrames * CHANNELS;
      for (let index = written; index < written + take; index++) {
        chunk[out] = caller === null ? 0 : caller[index]!;
        chunk[out + 1] = agent === null ? 0 : agent[index]!;
        out += CHANNELS;
      }
      this.chunkFrames += take;
      written += take;
      if (this.chunkFrames === this.chunkCapacityFrames) this.flushChunk();
    }
  }

  /** Writes what is left, fixes the header and closes the file. */
  async close(): Promise<RecordingInfo> {
    if (!this.closed) {
      this.closed = true;
      if (this.chunkFrames > 0) this.flushChunk();
      await this.pending;
      try {
        await this.file.write(wavHeader(this.sampleRateHz, CHANNELS, this.dataBytes), 0, WAV_HEADER_BYTES, 0);
      } finally {
        await this.file.close();
      }
    }
    if (this.failed) throw this.failed;
    const bytes = WAV_HEADER_BYTES + this.dataBytes;
    return {
      path: this.path,
      durationS: this.dataBytes / (this.sampleRateHz * CHANNELS * BYTES_PER_SAMPLE),
      bytes,
    };
  }

  private flushChunk(): void {
    const full = this.chunk;
    const samples = this.chunkFrames * CHANNELS;
    const position = WAV_HEADER_BYTES + this.dataBytes;
    this.dataBytes += samples * BYTES_PER_SAMPLE;
    this.chunk = this.spare.pop() ?? new Int16Array(this.chunkCapacityFrames * CHANNELS);
    this.chunkFrames = 0;
    const bytes = new Uint8Array(full.buffer, full.byteOffset, samples * BYTES_PER_SAMPLE);
    this.pending = this.pending
      .then(() => this.file.write(bytes, 0, bytes.length, position))
      .then(
        () => {
          this.spare.push(full);
        },
        (error: unknown) => {
          this.failed = error instanceof Error ? error : new Error(String(error));
        },
      );
  }
}
