// The carrier account an org's numbers and SMS go through: the platform's (TWILIO_*, TELNYX_*),
// or, when the operator allows it (ORG_CARRIER_CREDENTIALS), the org's own Twilio or Telnyx
// account from its newest provider credential of that kind (its `base_url`: a regional API host).
import type { Config } from "@switchboard/shared/config";
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { providerCredentials } from "../../db/schema.ts";

type OrgCarriersConfig = Pick<Config, "carriers" | "secretKey" | "dataDir">;

/** The carriers configuration for `orgId`: the platform's with the org's own accounts put in. */
export async function orgCarriers(
  db: Database,
  config: OrgCarriersConfig,
  orgId: string,
): Promise<CarriersConfig> {
  const platform = config.carriers;
  if (!platform.orgCarrierCredentials) return platform;
  const rows = await db
    .select()
    .from(providerCredentials)
    .where(
      and(eq(providerCredentials.orgId, orgId), inArray(providerCredentials.provider, ["twilio", "telnyx"])),
    )
    .orderBy(desc(providerCredentials.createdAt));
  const newest = (kind: string) => rows.find((row) => row.provider === kind && row.apiKeyCiphertext !== null);
  let carriers = platform;
  const twilio = newest("twilio");
  if (twilio) {
    const key = decryptSecret(config, twilio.apiKeyCiphertext!);
    const split = key.indexOf(":");
    carriers = {
      ...carriers,
      twilioAccountSid: key.slice(0, split),
      twilioAuthToken: key.slice(split + 1),
      ...(twilio.baseUrl ? { twilioBaseUrl: twilio.baseUrl } : {}),
    };
  }
  const telnyx = newest("telnyx");
  if (telnyx) {
    carriers = {
      ...carriers,
      telnyxApiKey: decryptSecret(config, telnyx.apiKeyCiphertext!),
      ...(telnyx.baseUrl ? { telnyxBaseUrl: telnyx.baseUrl } : {}),
    };
  }
  return carriers;
}
