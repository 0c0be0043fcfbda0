// Recording storage: local paths, and S3-compatible storage through Bun.S3Client against a
// loopback stand-in that answers HEAD and ranged GET for one object, as S3 does.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordingResponse } from "./serve.ts";
import { createRecordingStore, LocalRecordingStore } from "./store.ts";

const objectBytes = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
const requests: Array<{ method: string; path: string; range: string | null; signed: boolean }> = [];

let s3: ReturnType<typeof Bun.serve>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sb-store-"));
  s3 = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      const url = new URL(request.url);
      const range = request.headers.get("range");
      requests.push({
        method: request.method,
        path: url.pathname,
        range,
        signed: (request.headers.get("authorization") ?? "").startsWith("AWS4-HMAC-SHA256"),
      });
      if (url.pathname !== "/recordings-bucket/recordings/call_1.wav")
        return new Response(null, { status: 404 });
      const headers = { "content-type": "audio/wav", "accept-ranges": "bytes", etag: '"abc"' };
      if (request.method === "HEAD") {
        return new Response(null, { headers: { ...headers, "content-length": String(objectBytes.length) } });
      }
      const match = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
      if (match) {
        const start = Number(match[1]);
        const end = match[2] ? Number(match[2]) : objectBytes.length - 1;
        return new Response(objectBytes.slice(start, end + 1), {
          status: 206,
          headers: { ...headers, "content-range": `bytes ${start}-${end}/${objectBytes.length}` },
        });
      }
      return new Response(objectBytes, { headers });
    },
  });
});

afterAll(async () => {
  s3?.stop(true);
  await rm(dir, { recursive: true, force: true });
});

const s3Config = () => ({
  s3Bucket: "recordings-bucket",
  s3Endpoint: `http://127.0.0.1:${s3.port}`,
  s3Region: "us-east-1",
  s3AccessKeyId: "AKIDEXAMPLE",
  s3SecretAccessKey: "secret",
});

describe("recording storage", () => {
  test("local files by absolute path; a missing one is null", async () => {
    const path = join(dir, "local.wav");
    await Bun.write(path, objectBytes);
    const store = new LocalRecordingStore();
    const recording = await store.open(path);
    expect(recording?.size).toBe(objectBytes.length);
    expect(new Uint8Array(await new Response(recording!.body(10, 20)).arrayBuffer())).toEqual(
      objectBytes.slice(10, 20),
    );
    expect(await store.open(join(dir, "missing.wav"))).toBeNull();
  });

  test("s3:// locations are read through Bun.S3Client with signed, ranged requests", async () => {
    const store = createRecordingStore(s3Config());
    const recording = await store.open("s3://recordings-bucket/recordings/call_1.wav");
    expect(recording?.size).toBe(objectBytes.length);
    const response = recordingResponse(recording!, "bytes=100-199");
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 100-199/4096");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(objectBytes.slice(100, 200));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.signed)).toBe(true);
    expect(requests.some((request) => request.method === "GET" && request.range === "bytes=100-199")).toBe(
      true,
    );

    expect(await store.open("s3://recordings-bucket/recordings/none.wav")).toBeNull();
  });

  test("with S3 configured, absolute paths still come from local disk", async () => {
    const path = join(dir, "before-switch.wav");
    await Bun.write(path, objectBytes.slice(0, 64));
    const before = requests.length;
    const recording = await createRecordingStore(s3Config()).open(path);
    expect(recording?.size).toBe(64);
    expect(requests.length).toBe(before);
  });
});
