import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@switchboard/shared/logger";
import { eq } from "drizzle-orm";
import { callAnalyses, callErasures, calls, callTurns, retentionRuns } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { runRetention } from "./job.ts";
import { RecordingFiles } from "./recording-files.ts";

const ADMIN_KEY = `sk_admin_${crypto.randomUUID().replaceAll("-", "")}`;
let h: Harness;
let dir: string;

beforeAll(async () => {
  h = await createHarness({ config: { adminApiKey: ADMIN_KEY } });
  dir = mkdtempSync(join(tmpdir(), "retention-"));
}, 30_000);

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A finished call with a recording on disk, two turns and an analysis. */
async function finishedCall(
  orgId: string,
  options: { endedAt?: Date; status?: "completed" | "in_progress" } = {},
) {
  const id = `call_${Bun.randomUUIDv7().replaceAll("-", "")}`;
  const recordingPath = join(dir, `${id}.wav`);
  writeFileSync(recordingPath, new Uint8Array(1000));
  const endedAt = options.endedAt ?? new Date();
  const status = options.status ?? "completed";
  await h.ctx.db.insert(calls).values({
    id,
    orgId,
    direction: "inbound",
    status,
    fromNumber: "+14155550123",
    toNumber: "+14155550100",
    startedAt: new Date(endedAt.getTime() - 60_000),
    answeredAt: new Date(endedAt.getTime() - 59_000),
    endedAt: status === "completed" ? endedAt : null,
    durationS: 59,
    costCents: 3,
    recordingPath,
    recordingBytes: 1000,
  });
  for (const [ordinal, role, text] of [
    [0, "agent", "Hello."],
    [1, "user", "My card is 4111 1111 1111 1111."],
  ] as const) {
    await h.ctx.db.insert(callTurns).values({
      id: `evt_${Bun.randomUUIDv7().replaceAll("-", "")}`,
      callId: id,
      orgId,
      ordinal,
      role,
      text,
      startedAt: endedAt,
      endedAt,
    });
  }
  await h.ctx.db.insert(callAnalyses).values({
    callId: id,
    orgId,
    settings: { summary: true } as never,
    status: "succeeded" as never,
    summary: "The caller read out a card number.",
  });
  return { id, recordingPath };
}

async function contentOf(id: string) {
  const turns = await h.ctx.db.select().from(callTurns).where(eq(callTurns.callId, id));
  const analyses = await h.ctx.db.select().from(callAnalyses).where(eq(callAnalyses.callId, id));
  const [row] = await h.ctx.db.select().from(calls).where(eq(calls.id, id));
  return { turns: turns.length, analyses: analyses.length, row: row! };
}

test("DELETE /calls/{id} erases recording, transcript and analysis and keeps the billing record", async () => {
  const call = await finishedCall(h.orgId);
  expect((await h.request("GET", `/api/v1/calls/${call.id}/recording`)).status).toBe(200);
  const member = await h.newKey("member");
  expect((await h.request("DELETE", `/api/v1/calls/${call.id}`, { key: member })).status).toBe(403);

  expect((await h.request("DELETE", `/api/v1/calls/${call.id}`)).status).toBe(204);
  expect(existsSync(call.recordingPath)).toBe(false);
  expect((await h.request("GET", `/api/v1/calls/${call.id}/recording`)).status).toBe(404);
  const detail = await h.json<{
    transcript: unknown[];
    recording_url: string | null;
    cost_cents: number;
    status: string;
  }>("GET", `/api/v1/calls/${call.id}`);
  expect(detail.status).toBe(200);
  expect(detail.body.transcript).toEqual([]);
  expect(detail.body.recording_url).toBeNull();
  expect(detail.body.cost_cents).toBe(3);
  expect(detail.body.status).toBe("completed");
  const content = await contentOf(call.id);
  expect(content.turns).toBe(0);
  expect(content.analyses).toBe(0);
  const [erasure] = await h.ctx.db.select().from(callErasures).where(eq(callErasures.callId, call.id));
  expect(erasure?.reason).toBe("api");
  expect(erasure?.recordingErasedAt).not.toBeNull();
  expect(erasure?.transcriptErasedAt).not.toBeNull();
  // Again: nothing left, still a 204.
  expect((await h.request("DELETE", `/api/v1/calls/${call.id}`)).status).toBe(204);
});

test("another org's call is a 404, a call in progress a 409 problem", async () => {
  const other = await h.newOrg();
  const theirs = await finishedCall(other.orgId);
  expect((await h.request("DELETE", `/api/v1/calls/${theirs.id}`)).status).toBe(404);
  expect(existsSync(theirs.recordingPath)).toBe(true);
  expect((await h.request("DELETE", "/api/v1/calls/not-a-call-id")).status).toBe(404);
  const live = await finishedCall(h.orgId, { status: "in_progress" });
  const refused = await h.json<{ code: string }>("DELETE", `/api/v1/calls/${live.id}`);
  expect(refused.status).toBe(409);
  expect(refused.headers.get("content-type")).toContain("application/problem+json");
  expect(refused.body.code).toBe("call_in_progress");
  expect((await contentOf(live.id)).turns).toBe(2);
});

test("retention 0 removes a finished call's recording and transcript on the next run, and the run is recorded", async () => {
  const kept = await h.newOrg();
  const expiring = await h.newOrg();
  const keptCall = await finishedCall(kept.orgId);
  const expiringCall = await finishedCall(expiring.orgId);

  const patched = await h.json<{
    retention: { recordings_days: number | null; transcripts_days: number | null };
  }>("PATCH", `/api/v1/admin/orgs/${expiring.orgId}`, {
    key: ADMIN_KEY,
    body: { retention: { recordings_days: 0, transcripts_days: 0 } },
  });
  expect(patched.status).toBe(200);
  expect(patched.body.retention).toEqual({ recordings_days: 0, transcripts_days: 0 });
  const bad = await h.json("PATCH", `/api/v1/admin/orgs/${expiring.orgId}`, {
    key: ADMIN_KEY,
    body: { retention: { recordings_days: -1 } },
  });
  expect(bad.status).toBe(422);
  const tenantView = await h.json<{ retention: unknown }>("GET", "/api/v1/org", { key: expiring.ownerKey });
  expect(tenantView.body.retention).toEqual({ recordings_days: 0, transcripts_days: 0 });

  const run = await runRetention(
    { db: h.ctx.db, files: new RecordingFiles(h.ctx.config), log: createLogger("silent") },
    new Date(Date.now() + 1000),
  );
  expect(run.recordingsRemoved).toBeGreaterThanOrEqual(1);
  expect(run.transcriptsRemoved).toBeGreaterThanOrEqual(1);
  expect(existsSync(expiringCall.recordingPath)).toBe(false);
  const expired = await contentOf(expiringCall.id);
  expect(expired.turns).toBe(0);
  expect(expired.analyses).toBe(0);
  expect(expired.row.recordingPath).toBeNull();
  expect(expired.row.costCents).toBe(3);
  const [erasure] = await h.ctx.db
    .select()
    .from(callErasures)
    .where(eq(callErasures.callId, expiringCall.id));
  expect(erasure?.reason).toBe("retention");
  // The org without a policy keeps everything.
  expect(existsSync(keptCall.recordingPath)).toBe(true);
  expect((await contentOf(keptCall.id)).turns).toBe(2);
  const [recorded] = await h.ctx.db.select().from(retentionRuns).where(eq(retentionRuns.id, run.id));
  expect(recorded?.finishedAt).not.toBeNull();
  expect(recorded?.recordingsRemoved).toBe(run.recordingsRemoved);
  expect(recorded?.transcriptsRemoved).toBe(run.transcriptsRemoved);
  expect(recorded?.error).toBeNull();

  // A day's policy leaves a call that ended an hour ago alone.
  await h.json("PATCH", `/api/v1/admin/orgs/${expiring.orgId}`, {
    key: ADMIN_KEY,
    body: { retention: { recordings_days: 1, transcripts_days: 1 } },
  });
  const recent = await finishedCall(expiring.orgId, { endedAt: new Date(Date.now() - 3_600_000) });
  await runRetention({ db: h.ctx.db, files: new RecordingFiles(h.ctx.config), log: createLogger("silent") });
  expect(existsSync(recent.recordingPath)).toBe(true);
  expect((await contentOf(recent.id)).turns).toBe(2);
});
