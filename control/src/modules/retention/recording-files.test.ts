// Removing recordings: files on control's disk, and objects in S3-compatible storage through
// Bun.S3Client against a loopback stand-in that answers DELETE as S3 does.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingFiles } from "./recording-files.ts";

const deletes: { path: string; signed: boolean }[] = [];
let s3: ReturnType<typeof Bun.serve>;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "recording-files-"));
  s3 = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      if (request.method !== "DELETE") return new Response(null, { status: 405 });
      deletes.push({
        path: new URL(request.url).pathname,
        signed: (request.headers.get("authorization") ?? "").startsWith("AWS4-HMAC-SHA256"),
      });
      return new Response(null, { status: 204 });
    },
  });
});

afterAll(() => {
  s3?.stop(true);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const s3Config = () => ({
  s3Bucket: "recordings-bucket",
  s3Endpoint: `http://127.0.0.1:${s3.port}`,
  s3Region: "us-east-1",
  s3AccessKeyId: "test-access-key",
  s3SecretAccessKey: "test-secret-key",
});
const noS3 = {
  s3Bucket: null,
  s3Endpoint: null,
  s3Region: null,
  s3AccessKeyId: null,
  s3SecretAccessKey: null,
};

test("a local recording is deleted from disk; one already gone is no error", async () => {
  const path = join(dir, "call_1.wav");
  writeFileSync(path, new Uint8Array(100));
  const files = new RecordingFiles(noS3);
  await files.remove(path);
  expect(existsSync(path)).toBe(false);
  await files.remove(path);
});

test("an s3:// recording and a bare key are deleted from the bucket with signed requests", async () => {
  const files = new RecordingFiles(s3Config());
  await files.remove("s3://recordings-bucket/recordings/call_2.wav");
  await files.remove("recordings/call_3.wav");
  expect(deletes.map((request) => request.path)).toEqual([
    "/recordings-bucket/recordings/call_2.wav",
    "/recordings-bucket/recordings/call_3.wav",
  ]);
  expect(deletes.every((request) => request.signed)).toBe(true);
  // With S3 configured, an absolute path is still a file on control's disk.
  const path = join(dir, "call_4.wav");
  writeFileSync(path, new Uint8Array(100));
  await files.remove(path);
  expect(existsSync(path)).toBe(false);
  expect(deletes.length).toBe(2);
});
