// Uploads through Bun.S3Client to a loopback stand-in that stores PUT objects as S3 does.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@switchboard/shared/logger";
import { recordingPublisher } from "./recording-upload.ts";

const stored = new Map<string, { bytes: Uint8Array; signed: boolean }>();
let s3: ReturnType<typeof Bun.serve>;
let failPuts = false;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sb-upload-"));
  s3 = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      if (request.method !== "PUT") return new Response(null, { status: 405 });
      if (failPuts) return new Response("<Error><Code>InternalError</Code></Error>", { status: 500 });
      stored.set(new URL(request.url).pathname, {
        bytes: new Uint8Array(await request.arrayBuffer()),
        signed: (request.headers.get("authorization") ?? "").startsWith("AWS4-HMAC-SHA256"),
      });
      return new Response(null, { status: 200, headers: { etag: '"abc"' } });
    },
  });
});

afterAll(async () => {
  s3?.stop(true);
  await rm(dir, { recursive: true, force: true });
});

const config = () => ({
  s3Bucket: "recordings-bucket",
  s3Endpoint: `http://127.0.0.1:${s3.port}`,
  s3Region: "us-east-1",
  s3AccessKeyId: "AKIDEXAMPLE",
  s3SecretAccessKey: "secret",
});
const none = {
  s3Bucket: null,
  s3Endpoint: null,
  s3Region: null,
  s3AccessKeyId: null,
  s3SecretAccessKey: null,
};

async function wav(name: string, bytes: number): Promise<{ path: string; content: Uint8Array }> {
  const content = new Uint8Array(bytes).map((_, i) => (i * 13) % 256);
  const path = join(dir, name);
  await Bun.write(path, content);
  return { path, content };
}

describe("recording publisher", () => {
  test("without S3 the recording stays where it was written", async () => {
    const { path } = await wav("local.wav", 100);
    expect(await recordingPublisher(none, createLogger("silent"))("call_a", path)).toBe(path);
    expect(existsSync(path)).toBe(true);
  });

  test("with S3 it is uploaded, signed, under recordings/<call id>.wav, and the local copy goes", async () => {
    const { path, content } = await wav("up.wav", 5000);
    const location = await recordingPublisher(config(), createLogger("silent"))("call_b", path);
    expect(location).toBe("s3://recordings-bucket/recordings/call_b.wav");
    const object = stored.get("/recordings-bucket/recordings/call_b.wav");
    expect(object?.signed).toBe(true);
    expect(object?.bytes).toEqual(content);
    expect(existsSync(path)).toBe(false);
  });

  test("a failed upload keeps the file and reports its local path", async () => {
    const { path } = await wav("kept.wav", 100);
    failPuts = true;
    try {
      expect(await recordingPublisher(config(), createLogger("silent"))("call_c", path)).toBe(path);
      expect(existsSync(path)).toBe(true);
    } finally {
      failPuts = false;
    }
  });
});
