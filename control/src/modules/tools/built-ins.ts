// The built-in tools as the catalogue lists them: each marked available or not for the org's
// numbers. send_sms needs a number that can text (bought from a carrier, or SMS_CARRIER set).
import type { Config } from "@switchboard/shared/config";
import { notFound } from "@switchboard/shared/errors";
import { BUILT_IN_TOOLS, SMS_BUILT_IN_TOOLS } from "@switchboard/shared/schemas/tool";
import { and, eq } from "drizzle-orm";
import { t } from "elysia";
import type { Database } from "../../db/client.ts";
import { phoneNumbers } from "../../db/schema.ts";

export const builtInQuery = t.Object({
  phone_number_id: t.Optional(
    t.String({
      maxLength: 100,
      description: "Whether the built-ins are available on calls to or from this number of yours.",
    }),
  ),
});

export const builtInList = t.Object({
  data: t.Array(
    t.Object({
      name: t.String(),
      description: t.String(),
      available: t.Boolean({
        description:
          "`send_sms`: true when the number (`phone_number_id`), or else any number of the org, can text.",
      }),
      unavailable_reason: t.Nullable(t.String()),
    }),
  ),
});

export function canText(config: Pick<Config, "carriers">, provider: string): boolean {
  return provider === "twilio" || provider === "telnyx" || config.carriers.smsCarrier !== null;
}

export async function listBuiltIns(
  db: Database,
  config: Pick<Config, "carriers">,
  orgId: string,
  phoneNumberId: string | undefined,
): Promise<typeof builtInList.static> {
  const where = [eq(phoneNumbers.orgId, orgId)];
  if (phoneNumberId !== undefined) where.push(eq(phoneNumbers.id, phoneNumberId));
  const numbers = await db
    .select({ provider: phoneNumbers.provider })
    .from(phoneNumbers)
    .where(and(...where));
  if (phoneNumberId !== undefined && numbers.length === 0) throw notFound("Phone number");
  const texting = numbers.some((number) => canText(config, number.provider));
  const smsReason =
    numbers.length === 0
      ? "the org has no phone number"
      : "no SMS carrier for this number (buy it from Twilio or Telnyx, or set SMS_CARRIER)";
  return {
    data: BUILT_IN_TOOLS.map((tool) => {
      const available = !SMS_BUILT_IN_TOOLS.has(tool.name) || texting;
      return { ...tool, available, unavailable_reason: available ? null : smsReason };
    }),
  };
}
