import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { newId } from "@switchboard/shared/ids";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { and, asc, eq } from "drizzle-orm";
import { calls, webhookDeliveries } from "../../db/schema.ts";
import { addCredits, addNumber, addWebhookEndpoint, createAgent } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { getBalanceCents, recordEntry } from "../credits/ledger.ts";
import { dispatchPass } from "./dispatcher.ts";
import { startCampaignDispatcher } from "./dispatcher-background.ts";
import { inProcess, startScriptedGateway } from "./testing/scripted-gateway.ts";

interface Campaign {
  id: string;
  status: string;
  paused_reason: string | null;
  counts?: { total: number; by_state: Record<string, number>; by_outcome: Record<string, number> };
}
interface Report {
  accepted: number;
  rejected: number;
  rows: { row: number; phone_number: string; status: string; code: string | null }[];
}
interface Lead {
  phone_number: string;
  state: string;
  outcome: string | null;
  attempts: number;
  call_ids: string[];
  variables: Record<string, string>;
}

const number = (n: number) => `+1415555${String(1000 + n).padStart(4, "0")}`;

describe("campaigns", () => {
  let h: Harness;
  let agentId: string;

  beforeAll(async () => {
    h = await createHarness({ config: { outboundAllowedPrefixes: ["+1"] } });
    agentId = await createAgent(h, { first_message: "Hello {{name}}" });
    await addNumber(h, { agentId });
    await addCredits(h, 100_000);
    await addWebhookEndpoint(h);
    // PGlite's start and migrations: seconds alone, far longer beside other suites.
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  async function createCampaign(body: Record<string, unknown> = {}): Promise<Campaign> {
    const response = await h.json<Campaign>("POST", "/api/v1/campaigns", {
      body: { name: "Renewals", agent_id: agentId, ...body },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function leadsOf(campaignId: string, query = ""): Promise<Lead[]> {
    const response = await h.json<{ data: Lead[] }>(
      "GET",
      `/api/v1/campaigns/${campaignId}/leads?limit=100${query}`,
    );
    return response.body.data;
  }

  test("a CSV import accepts good rows and reports each rejected one", async () => {
    await h.json("POST", "/api/v1/do-not-call", { body: { phone_number: number(99) } });
    const campaign = await createCampaign();
    expect(campaign.status).toBe("draft");
    const csv = [
      "phone_number,name,plan",
      `${number(1)},Ada,gold`,
      "555-0100,Bob,silver",
      `${number(1)},Ada again,gold`,
      `${number(99)},Dee,gold`,
      `${number(2)},Eve,`,
    ].join("\n");
    const response = await h.json<Report>("POST", `/api/v1/campaigns/${campaign.id}/leads`, {
      body: { csv },
    });
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(2);
    expect(response.body.rejected).toBe(3);
    expect(response.body.rows.map((row) => row.code)).toEqual([
      null,
      "invalid_phone_number",
      "duplicate",
      "do_not_call",
      null,
    ]);
    const again = await h.json<Report>("POST", `/api/v1/campaigns/${campaign.id}/leads`, {
      body: {
        leads: [
          { phone_number: number(2), name: "Eve" },
          { phone_number: number(3), name: "Fay", time_zone: "Europe/Paris" },
        ],
      },
    });
    expect(again.body.rows.map((row) => row.code)).toEqual(["duplicate", null]);
    const leads = await leadsOf(campaign.id);
    expect(
      leads.map((lead) => lead.variables).sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "")),
    ).toEqual([{ name: "Ada", plan: "gold" }, { name: "Eve" }, { name: "Fay" }]);
    const fetched = await h.json<Campaign>("GET", `/api/v1/campaigns/${campaign.id}`);
    expect(fetched.body.counts?.total).toBe(3);
    expect(fetched.body.counts?.by_state.pending).toBe(3);
    const bad = await h.json<{ code: string }>("POST", `/api/v1/campaigns/${campaign.id}/leads`, {
      body: { csv: "name\nAda" },
    });
    expect(bad.status).toBe(422);
  });

  test("members read campaigns but may not change them; a bad time zone is a 422", async () => {
    const member = await h.newKey("member");
    const campaign = await createCampaign();
    expect((await h.request("GET", `/api/v1/campaigns/${campaign.id}`, { key: member })).status).toBe(200);
    expect((await h.request("POST", `/api/v1/campaigns/${campaign.id}/start`, { key: member })).status).toBe(
      403,
    );
    const zone = await h.json("POST", "/api/v1/campaigns", {
      body: { name: "x", agent_id: agentId, schedule: { time_zone: "Mars/Olympus" } },
    });
    expect(zone.status).toBe(422);
    const other = await h.newOrg();
    expect((await h.request("GET", `/api/v1/campaigns/${campaign.id}`, { key: other.ownerKey })).status).toBe(
      404,
    );
  });

  test("dispatch paces, caps concurrency, retries after the delay and counts outcomes", async () => {
    const callsPerMinute = 300; // one dial every 200 ms
    const campaign = await createCampaign({
      schedule: { calls_per_minute: callsPerMinute, max_concurrent: 2, time_zone: "UTC" },
      retry: { on: ["busy", "no_answer"], max_attempts: 2, after_minutes: 0.01 },
    });
    // Leads 10-13 answer; 14-15 are busy once then answer; 16-17 never answer.
    const leads = Array.from({ length: 8 }, (_, i) => ({ phone_number: number(10 + i), name: `Lead ${i}` }));
    await h.json("POST", `/api/v1/campaigns/${campaign.id}/leads`, { body: { leads } });
    const gateway = await startScriptedGateway(
      inProcess(h),
      (to, attempt) => {
        const n = Number(to.slice(-2));
        if (n >= 16) return "no_answer";
        if (n >= 14 && attempt === 1) return "busy";
        return "answer";
      },
      { campaignId: campaign.id },
    );
    // No campaign runs yet and the quiet poll is far off: only the start's commit wakes it.
    const dispatcher = startCampaignDispatcher(h.ctx, { idleMs: 20, quietIdleMs: 120_000 });
    try {
      expect(await dispatcher.wokenByCommits()).toBe(true);
      expect((await h.json("POST", `/api/v1/campaigns/${campaign.id}/start`)).status).toBe(200);
      await waitFor(
        "the campaign to complete",
        async () =>
          (await h.json<Campaign>("GET", `/api/v1/campaigns/${campaign.id}`)).body.status === "completed",
        // Paced dials and scripted calls: seconds on a quiet machine, far more on loaded cores.
        { timeoutMs: 60_000 },
      );
    } finally {
      await dispatcher.stop();
      await gateway.stop();
    }
    const done = (await h.json<Campaign>("GET", `/api/v1/campaigns/${campaign.id}`)).body;
    expect(done.counts?.by_state.completed).toBe(8);
    expect(done.counts?.by_outcome).toEqual({ answered: 6, no_answer: 2 });
    const byNumber = new Map((await leadsOf(campaign.id)).map((lead) => [lead.phone_number, lead]));
    expect(byNumber.get(number(10))?.attempts).toBe(1);
    const unanswered = await leadsOf(campaign.id, "&state=completed&outcome=no_answer");
    expect(unanswered.map((lead) => lead.phone_number).sort()).toEqual([number(16), number(17)]);
    expect(byNumber.get(number(14))?.attempts).toBe(2);
    expect(byNumber.get(number(16))?.attempts).toBe(2);
    // Each attempt is one call, dialled once.
    expect(gateway.commands).toHaveLength(1 * 4 + 2 * 2 + 2 * 2);
    expect(new Set(gateway.commands.map((command) => command.call_id)).size).toBe(gateway.commands.length);
    expect(gateway.commands.find((command) => command.to_number === number(11))?.metadata).toMatchObject({
      name: "Lead 1",
      campaign_id: campaign.id,
    });
    expect(gateway.maxLive).toBeLessThanOrEqual(2);
    const rows = await h.ctx.db
      .select({ startedAt: calls.startedAt, endedAt: calls.endedAt, toNumber: calls.toNumber })
      .from(calls)
      .where(and(eq(calls.orgId, h.orgId)))
      .orderBy(asc(calls.startedAt));
    const dials = rows.filter((row) => byNumber.has(row.toNumber ?? ""));
    const spacingMs = 60_000 / callsPerMinute;
    const gapsMs = dials.slice(1).map((row, i) => row.startedAt.getTime() - dials[i]!.startedAt.getTime());
    expect(Math.min(...gapsMs)).toBeGreaterThanOrEqual(spacingMs);
    const spanMs = dials.at(-1)!.startedAt.getTime() - dials[0]!.startedAt.getTime();
    expect(spanMs).toBeGreaterThanOrEqual((dials.length - 1) * spacingMs);
    console.info(
      `pacing: ${dials.length} dials, gaps min ${Math.min(...gapsMs)} ms, mean ${Math.round(spanMs / (dials.length - 1))} ms for ${spacingMs} ms spacing; live at most ${gateway.maxLive}`,
    );
    // The retry of a busy lead follows its first call's end by at least after_minutes.
    const busy = dials.filter((row) => row.toNumber === number(14));
    expect(busy[1]!.startedAt.getTime() - busy[0]!.endedAt!.getTime()).toBeGreaterThanOrEqual(0.01 * 60_000);
    const types = await h.ctx.db
      .select({ type: webhookDeliveries.eventType, payload: webhookDeliveries.payload })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.orgId, h.orgId));
    const mine = types.filter((row) => row.payload.includes(campaign.id));
    expect(mine.filter((row) => row.type === "lead.completed")).toHaveLength(8);
    expect(mine.filter((row) => row.type === "campaign.started")).toHaveLength(1);
    expect(mine.filter((row) => row.type === "campaign.completed")).toHaveLength(1);
  });

  test("out of credits the campaign pauses itself with campaign.paused; credits and resume finish it", async () => {
    const org = await h.newOrg();
    const orgAgent = (
      await h.json<{ id: string }>("POST", "/api/v1/agents", { key: org.ownerKey, body: { name: "Zed" } })
    ).body.id;
    await addNumber(h, { agentId: orgAgent, orgId: org.orgId });
    await addCredits(h, 500, org.orgId);
    await h.json("POST", "/api/v1/webhooks", { key: org.ownerKey, body: { url: "http://127.0.0.1:9/hook" } });
    const created = await h.json<Campaign>("POST", "/api/v1/campaigns", {
      key: org.ownerKey,
      body: { name: "Credits", agent_id: orgAgent, schedule: { calls_per_minute: 600, max_concurrent: 1 } },
    });
    const campaignId = created.body.id;
    const leads = Array.from({ length: 4 }, (_, i) => ({ phone_number: number(40 + i) }));
    await h.json("POST", `/api/v1/campaigns/${campaignId}/leads`, { key: org.ownerKey, body: { leads } });
    const gateway = await startScriptedGateway(inProcess(h), () => "answer", { campaignId });
    const dispatcher = startCampaignDispatcher(h.ctx, { idleMs: 20 });
    const status = async () =>
      (await h.json<Campaign>("GET", `/api/v1/campaigns/${campaignId}`, { key: org.ownerKey })).body;
    try {
      await h.json("POST", `/api/v1/campaigns/${campaignId}/start`, { key: org.ownerKey });
      // Two calls in, the balance runs out.
      await waitFor("two calls", async () => gateway.commands.length >= 2, { timeoutMs: 10_000 });
      const balance = await getBalanceCents(h.ctx.db, org.orgId);
      await recordEntry(h.ctx, {
        orgId: org.orgId,
        kind: "adjustment",
        amountCents: -balance,
        reference: newId("txn"),
        description: "drain",
      });
      await waitFor("the pause", async () => (await status()).status === "paused", { timeoutMs: 10_000 });
      expect((await status()).paused_reason).toBe("insufficient_credits");
      const refused = await h.json<{ code: string }>("POST", `/api/v1/campaigns/${campaignId}/resume`, {
        key: org.ownerKey,
      });
      expect(refused.status).toBe(402);
      await addCredits(h, 500, org.orgId);
      expect(
        (await h.json("POST", `/api/v1/campaigns/${campaignId}/resume`, { key: org.ownerKey })).status,
      ).toBe(200);
      await waitFor("the completion", async () => (await status()).status === "completed", {
        timeoutMs: 10_000,
      });
    } finally {
      await dispatcher.stop();
      await gateway.stop();
    }
    expect((await status()).counts?.by_outcome).toEqual({ answered: 4 });
    expect(gateway.commands).toHaveLength(4);
    const types = await h.ctx.db
      .select({ type: webhookDeliveries.eventType })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.orgId, org.orgId));
    expect(types.filter((row) => row.type === "campaign.paused")).toHaveLength(1);
    expect(types.filter((row) => row.type === "campaign.completed")).toHaveLength(1);
  });

  test("with amd, a machine is retried and its amd settings go with each call", async () => {
    const campaign = await createCampaign({
      schedule: { calls_per_minute: 600, max_concurrent: 2 },
      retry: { on: ["machine"], max_attempts: 2, after_minutes: 0 },
      amd: { enabled: true, on_machine: "leave_message", message: "Hi {{name}}, call us back." },
    });
    // Lead 60 reaches voicemail twice, lead 61 a machine once and then a person.
    const leads = [
      { phone_number: number(60), name: "Vic" },
      { phone_number: number(61), name: "Wyn" },
    ];
    await h.json("POST", `/api/v1/campaigns/${campaign.id}/leads`, { body: { leads } });
    const gateway = await startScriptedGateway(
      inProcess(h),
      (to, attempt) => (to === number(60) || attempt === 1 ? "machine" : "answer"),
      { campaignId: campaign.id },
    );
    const dispatcher = startCampaignDispatcher(h.ctx, { idleMs: 20 });
    try {
      await h.json("POST", `/api/v1/campaigns/${campaign.id}/start`);
      await waitFor(
        "the campaign to complete",
        async () =>
          (await h.json<Campaign>("GET", `/api/v1/campaigns/${campaign.id}`)).body.status === "completed",
        { timeoutMs: 15_000 },
      );
    } finally {
      await dispatcher.stop();
      await gateway.stop();
    }
    const byNumber = new Map((await leadsOf(campaign.id)).map((lead) => [lead.phone_number, lead]));
    expect(byNumber.get(number(60))).toMatchObject({ outcome: "machine", attempts: 2 });
    expect(byNumber.get(number(61))).toMatchObject({ outcome: "answered", attempts: 2 });
    expect(gateway.commands).toHaveLength(4);
    for (const command of gateway.commands) {
      expect(command.amd).toMatchObject({ enabled: true, on_machine: "leave_message" });
    }
  });

  test("leads are dialled only inside the windows of their own time zone", async () => {
    const clock = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().slice(11, 19);
    const everyDay = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const campaign = await createCampaign({
      schedule: {
        calls_per_minute: 600,
        max_concurrent: 5,
        time_zone: "UTC",
        windows: [{ days: everyDay, start: clock(-60_000), end: clock(10 * 60_000) }],
      },
    });
    await h.json("POST", `/api/v1/campaigns/${campaign.id}/leads`, {
      body: {
        leads: [
          { phone_number: number(70), time_zone: "UTC" },
          { phone_number: number(71), time_zone: "Asia/Tokyo" },
          { phone_number: "+33142685300" }, // Paris, from the number
          { phone_number: number(72) }, // +1 415: Los Angeles, from the area code
        ],
      },
    });
    await h.json("POST", `/api/v1/campaigns/${campaign.id}/start`);
    const deps = { db: h.ctx.db, bus: h.ctx.bus, config: h.ctx.config, log: h.ctx.log };
    for (let pass = 0; pass < 4; pass++) {
      await dispatchPass(deps);
      await Bun.sleep(120); // past the 100 ms pacing, so only the windows hold leads back
    }
    const states = new Map((await leadsOf(campaign.id)).map((lead) => [lead.phone_number, lead.state]));
    expect(states.get(number(70))).toBe("calling");
    expect(states.get(number(71))).toBe("pending");
    expect(states.get("+33142685300")).toBe("pending");
    expect(states.get(number(72))).toBe("pending");
    await h.json("POST", `/api/v1/campaigns/${campaign.id}/cancel`);
  });
});
