// Removes a stored recording wherever the gateway put it: the same routing the recording
// store reads with (recordings/store.ts): s3:// URLs and bare keys go to S3 when it is
// configured, absolute paths (and everything without S3) are files on control's disk.
import { unlink } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { type RecordingStorageConfig, recordingsS3Client } from "@switchboard/shared/recordings-s3";

const S3_URL = /^s3:\/\/[^/]+\/(.+)$/;

export class RecordingFiles {
  private readonly s3: Bun.S3Client | null;

  constructor(config: RecordingStorageConfig) {
    this.s3 = recordingsS3Client(config);
  }

  /** Deletes the recording at `location`; one already gone counts as removed. */
  async remove(location: string): Promise<void> {
    if (this.s3 && (S3_URL.test(location) || !isAbsolute(location))) {
      await this.s3.delete(S3_URL.exec(location)?.[1] ?? location);
      return;
    }
    const path = isAbsolute(location) ? location : resolve(process.cwd(), location);
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
}
