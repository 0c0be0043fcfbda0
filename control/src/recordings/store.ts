// Where recordings live. The gateway writes the WAV and reports its location in the
// call.recording event: a local path (embedded default and single-machine setups, where
// control reads the same disk) or an object key in S3-compatible storage (several machines:
// gateways upload, control reads through `Bun.S3Client`).
import { isAbsolute, resolve } from "node:path";
import { type RecordingStorageConfig, recordingsS3Client } from "@switchboard/shared/recordings-s3";

export interface RecordingObject {
  size: number;
  /** Bytes [start, endExclusive) as a body for `Response`. */
  body(start: number, endExclusive: number): Blob | ReadableStream<Uint8Array>;
}

export interface RecordingStore {
  open(location: string): Promise<RecordingObject | null>;
}

export class LocalRecordingStore implements RecordingStore {
  constructor(private readonly baseDir: string = process.cwd()) {}

  async open(location: string): Promise<RecordingObject | null> {
    const path = isAbsolute(location) ? location : resolve(this.baseDir, location);
    const file = Bun.file(path);
    if (!(await file.exists())) return null;
    return { size: file.size, body: (start, endExclusive) => file.slice(start, endExclusive) };
  }
}

const S3_URL = /^s3:\/\/[^/]+\/(.+)$/;

class S3RecordingStore implements RecordingStore {
  constructor(private readonly client: Bun.S3Client) {}

  async open(location: string): Promise<RecordingObject | null> {
    const key = S3_URL.exec(location)?.[1] ?? location;
    const file = this.client.file(key);
    try {
      const stat = await file.stat();
      // Streamed: a Response made from an S3 file itself would answer with a redirect.
      return { size: stat.size, body: (start, endExclusive) => file.slice(start, endExclusive).stream() };
    } catch {
      return null;
    }
  }
}

/** Local paths are always readable; `s3://` URLs and bare keys go to S3 when it is configured. */
class RoutingRecordingStore implements RecordingStore {
  constructor(
    private readonly local: RecordingStore,
    private readonly s3: RecordingStore | null,
  ) {}

  open(location: string): Promise<RecordingObject | null> {
    if (this.s3 && (S3_URL.test(location) || !isAbsolute(location))) return this.s3.open(location);
    return this.local.open(location);
  }
}

export function createRecordingStore(config: RecordingStorageConfig): RecordingStore {
  const local = new LocalRecordingStore();
  const client = recordingsS3Client(config);
  return client ? new RoutingRecordingStore(local, new S3RecordingStore(client)) : local;
}
