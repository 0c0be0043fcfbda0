// Numbers bought from Twilio and Telnyx (through their stand-ins): search, buy with an
// Idempotency-Key, the number configured at the carrier (voice to the SIP trunk or connection,
// SMS to our callback URL), attach and release; a carrier failure mid-purchase charges nothing
// and leaves no row; a database failure after the carrier sold the number releases it there.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import { startTelnyxStandIn } from "@switchboard/stand-ins/telnyx";
import { startTwilioStandIn } from "@switchboard/stand-ins/twilio";
import { and, eq, sql } from "drizzle-orm";
import { creditLedger, phoneNumbers } from "../../db/schema.ts";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";

const publicUrl = "https://api.example.test";
const twilio = startTwilioStandIn();
const telnyx = startTelnyxStandIn();
const TRUNK_SID = "TK0123456789abcdef0123456789abcdef";
const CONNECTION_ID = "1684641123236054244";
const MESSAGING_PROFILE_ID = "40017f9c-0000-4000-8000-000000000001";

interface CarrierCase {
  name: "twilio" | "telnyx";
  carriers: Partial<CarriersConfig>;
  available: string[];
  bought: string[];
  released: string[];
  failNextPurchase(): void;
  /** How the carrier holds the number now (null: not held), in one shape for both. */
  held(e164: string): { voice: string | null; sms: string | null } | null;
}

const cases: CarrierCase[] = [
  {
    name: "twilio",
    carriers: {
      twilioBaseUrl: twilio.url,
      twilioAccountSid: twilio.accountSid,
      twilioAuthToken: twilio.authToken,
      twilioTrunkSid: TRUNK_SID,
    },
    available: twilio.numbers.available,
    bought: twilio.numbers.bought,
    released: twilio.numbers.released,
    failNextPurchase: () =>
      twilio.numbers.failNextPurchase({ status: 500, code: 20500, message: "Internal Server Error" }),
    held(e164) {
      const n = [...twilio.numbers.owned.values()].find((o) => o.phoneNumber === e164);
      return n ? { voice: n.trunkSid, sms: n.smsUrl } : null;
    },
  },
  {
    name: "telnyx",
    carriers: {
      telnyxBaseUrl: telnyx.url,
      telnyxApiKey: telnyx.apiKey,
      telnyxPublicKey: telnyx.publicKey,
      telnyxConnectionId: CONNECTION_ID,
      telnyxMessagingProfileId: MESSAGING_PROFILE_ID,
    },
    available: telnyx.numbers.available,
    bought: telnyx.numbers.bought,
    released: telnyx.numbers.released,
    failNextPurchase: () =>
      telnyx.numbers.failNextPurchase({ status: 503, code: "10011", title: "Service unavailable" }),
    held(e164) {
      const n = [...telnyx.numbers.owned.values()].find((o) => o.phoneNumber === e164);
      return n ? { voice: n.connectionId, sms: n.messagingProfileId } : null;
    },
  },
];

const expectedConfiguration = {
  twilio: { voice: TRUNK_SID, sms: `${publicUrl}/api/v1/carriers/twilio/sms` },
  telnyx: { voice: CONNECTION_ID, sms: MESSAGING_PROFILE_ID },
};

afterAll(async () => {
  await twilio.stop();
  await telnyx.stop();
});

for (const carrier of cases) {
  describe(`numbers bought from ${carrier.name}`, () => {
    let h: Harness;
    beforeAll(async () => {
      const base = loadConfig({});
      h = await createHarness({
        config: {
          carriers: { ...base.carriers, numberProvider: carrier.name, publicUrl, ...carrier.carriers },
        },
      });
    }, 20_000);
    afterAll(async () => {
      await h.close();
    });

    async function fundedOrg(cents = 5000) {
      const org = await h.newOrg();
      await credit(h.ctx, org.orgId, cents, "purchase", "seed");
      return { ...org, api: harnessClient(h, org.ownerKey) };
    }

    async function rowsFor(e164: string) {
      return h.ctx.db.select().from(phoneNumbers).where(eq(phoneNumbers.phoneNumber, e164));
    }

    async function purchaseEntries(orgId: string) {
      return h.ctx.db
        .select()
        .from(creditLedger)
        .where(and(eq(creditLedger.orgId, orgId), eq(creditLedger.kind, "number_purchase")));
    }

    test("search, buy (once per Idempotency-Key), configured at the carrier, attach, release", async () => {
      const org = await fundedOrg();
      const offered = [randomUsNumber("628"), randomUsNumber("628")];
      carrier.available.push(...offered);
      const found = await org.api.GET("/api/v1/phone-numbers/search", {
        params: { query: { country: "US", area_code: "628", limit: 50 } },
      });
      expect(found.response.status).toBe(200);
      const listed = found.data!.data.map((n) => n.phone_number);
      for (const n of offered) expect(listed).toContain(n);

      const wanted = offered[0]!;
      const boughtBefore = carrier.bought.length;
      const key = `buy-${crypto.randomUUID()}`;
      const buy = () =>
        org.api.POST("/api/v1/phone-numbers", {
          params: { header: { "Idempotency-Key": key } },
          body: { phone_number: wanted },
        });
      const first = await buy();
      expect(first.response.status).toBe(201);
      expect(first.data!.phone_number).toBe(wanted);
      const again = await buy();
      expect(again.response.status).toBe(201);
      expect(again.data!.id).toBe(first.data!.id);
      expect(carrier.bought.slice(boughtBefore)).toEqual([wanted]);
      expect(carrier.held(wanted)).toEqual(expectedConfiguration[carrier.name]);
      const [row] = await rowsFor(wanted);
      expect(row!.provider).toBe(carrier.name);
      expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(4500);

      const agent = await org.api.POST("/api/v1/agents", { body: { name: "Reception" } });
      const attached = await org.api.POST("/api/v1/phone-numbers/{id}/attach", {
        params: { path: { id: first.data!.id } },
        body: { agent_id: agent.data!.id },
      });
      expect(attached.response.status).toBe(200);
      expect(attached.data!.agent_id).toBe(agent.data!.id);

      const released = await org.api.DELETE("/api/v1/phone-numbers/{id}", {
        params: { path: { id: first.data!.id } },
      });
      expect(released.response.status).toBe(204);
      expect(carrier.released).toContain(wanted);
      expect(carrier.held(wanted)).toBeNull();
      expect(await rowsFor(wanted)).toHaveLength(0);
    });

    test("buy by area code takes a number the carrier offers there", async () => {
      const org = await fundedOrg();
      const offered = randomUsNumber("907");
      carrier.available.push(offered);
      const res = await org.api.POST("/api/v1/phone-numbers", { body: { area_code: "907", country: "US" } });
      expect(res.response.status).toBe(201);
      expect(res.data!.phone_number.startsWith("+1907")).toBe(true);
      expect(carrier.held(res.data!.phone_number)).not.toBeNull();
    });

    test("the carrier failing mid-purchase charges nothing and leaves no row", async () => {
      const org = await fundedOrg();
      const wanted = randomUsNumber("628");
      carrier.available.push(wanted);
      carrier.failNextPurchase();
      const res = await org.api.POST("/api/v1/phone-numbers", { body: { phone_number: wanted } });
      expect(res.response.status).toBe(502);
      expect(res.error!.code).toBe("number_carrier_failed");
      expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(5000);
      expect(await purchaseEntries(org.orgId)).toHaveLength(0);
      expect(await rowsFor(wanted)).toHaveLength(0);
      expect(carrier.held(wanted)).toBeNull();
    });

    test("too few credits is a 402 before the carrier is asked", async () => {
      const org = await fundedOrg(100);
      const wanted = randomUsNumber("628");
      carrier.available.push(wanted);
      const res = await org.api.POST("/api/v1/phone-numbers", { body: { phone_number: wanted } });
      expect(res.response.status).toBe(402);
      expect(carrier.bought).not.toContain(wanted);
    });

    test("a database failure after the carrier sold the number releases it at the carrier", async () => {
      const org = await fundedOrg();
      const wanted = randomUsNumber("628");
      carrier.available.push(wanted);
      // A real failure of the row's INSERT, for this one number only.
      const fn = `fail_insert_${carrier.name}_${wanted.slice(1)}`;
      await h.ctx.db.execute(
        sql.raw(
          `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ` +
            `IF NEW.phone_number = '${wanted}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`,
        ),
      );
      await h.ctx.db.execute(
        sql.raw(`CREATE TRIGGER ${fn} BEFORE INSERT ON phone_numbers FOR EACH ROW EXECUTE FUNCTION ${fn}()`),
      );
      try {
        // Raw request: the typed client refuses the undocumented 500 before the test sees it.
        const res = await h.request("POST", "/api/v1/phone-numbers", {
          key: org.ownerKey,
          body: { phone_number: wanted },
        });
        expect(res.status).toBe(500);
      } finally {
        await h.ctx.db.execute(sql.raw(`DROP TRIGGER ${fn} ON phone_numbers`));
        await h.ctx.db.execute(sql.raw(`DROP FUNCTION ${fn}()`));
      }
      expect(carrier.bought).toContain(wanted);
      expect(carrier.released).toContain(wanted);
      expect(carrier.held(wanted)).toBeNull();
      expect(await rowsFor(wanted)).toHaveLength(0);
      expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(5000);
      expect(await purchaseEntries(org.orgId)).toHaveLength(0);
    });
  });
}
