// A finished recording's final home. Without S3 it stays where the gateway wrote it (control
// reads the same disk on the embedded default and single-machine setups); with S3 configured
// it is uploaded, the local copy removed, and the event carries its s3:// location.
import { unlink } from "node:fs/promises";
import type { Logger } from "@switchboard/shared/logger";
import {
  type RecordingStorageConfig,
  recordingKey,
  recordingsS3Client,
} from "@switchboard/shared/recordings-s3";

export type RecordingPublisher = (callId: string, localPath: string) => Promise<string>;

export function recordingPublisher(config: RecordingStorageConfig, log: Logger): RecordingPublisher {
  const client = recordingsS3Client(config);
  if (!client) return async (_callId, localPath) => localPath;
  return async (callId, localPath) => {
    const key = recordingKey(callId);
    try {
      await client.write(key, Bun.file(localPath), { type: "audio/wav" });
    } catch (error) {
      // Kept on disk and reported there: nothing is lost, an operator can move it later.
      log.error({ err: error, call_id: callId }, "recording upload failed; kept on local disk");
      return localPath;
    }
    await unlink(localPath).catch(() => {});
    return `s3://${config.s3Bucket}/${key}`;
  };
}
