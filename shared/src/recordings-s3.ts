// S3-compatible recording storage as configured (S3_*): gateways upload, control reads.
import type { Config } from "@switchboard/shared/config";

export type RecordingStorageConfig = Pick<
  Config,
  "s3Bucket" | "s3Endpoint" | "s3Region" | "s3AccessKeyId" | "s3SecretAccessKey"
>;

/** The client for the configured bucket, or null when recordings stay on local disk. */
export function recordingsS3Client(config: RecordingStorageConfig): Bun.S3Client | null {
  if (!config.s3Bucket) return null;
  return new Bun.S3Client({
    bucket: config.s3Bucket,
    endpoint: config.s3Endpoint ?? undefined,
    region: config.s3Region ?? undefined,
    accessKeyId: config.s3AccessKeyId ?? undefined,
    secretAccessKey: config.s3SecretAccessKey ?? undefined,
  });
}

/** Where a call's recording lives in the bucket. */
export function recordingKey(callId: string): string {
  return `recordings/${callId}.wav`;
}
