// Which carrier an outbound call leaves through: the first of the org's own outbound trunks
// (by id) whose destination allow-list covers the number; with none, the gateways' default
// trunk (SIP_TRUNK_OUTBOUND_URI), guarded by OUTBOUND_ALLOWED_PREFIXES.
import { ApiError } from "@switchboard/shared/errors";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { trunks } from "../../db/schema.ts";
import { callingPrefix } from "../phone-numbers/e164.ts";

type TrunkChoice = { kind: "org"; trunkId: string } | { kind: "default" };

function allows(prefixes: string[], e164: string): boolean {
  return prefixes.some((prefix) => e164.startsWith(prefix.startsWith("+") ? prefix : `+${prefix}`));
}

/** The trunk for `toNumber`, or a 403 `destination_not_allowed` naming what to change. */
export async function chooseOutboundTrunk(
  db: Database,
  orgId: string,
  toNumber: string,
  defaultAllowedPrefixes: string[],
): Promise<TrunkChoice> {
  const own = await db
    .select({
      id: trunks.id,
      prefixes: trunks.destinationPrefixes,
      countries: trunks.destinationCountries,
    })
    .from(trunks)
    .where(and(eq(trunks.orgId, orgId), isNotNull(trunks.outboundUri)))
    .orderBy(asc(trunks.id));
  if (own.length > 0) {
    for (const trunk of own) {
      const countryPrefixes = trunk.countries.flatMap((country) => callingPrefix(country) ?? []);
      if (allows([...trunk.prefixes, ...countryPrefixes], toNumber))
        return { kind: "org", trunkId: trunk.id };
    }
    throw new ApiError(
      403,
      "destination_not_allowed",
      "None of your outbound trunks allows this destination; add its prefix or country to a trunk's destination_prefixes or destination_countries.",
      [{ field: "to_number", message: "is outside your trunks' allowed destinations" }],
    );
  }
  if (defaultAllowedPrefixes.length > 0 && !allows(defaultAllowedPrefixes, toNumber)) {
    throw new ApiError(
      403,
      "destination_not_allowed",
      `Calls to this destination are not allowed; allowed prefixes: ${defaultAllowedPrefixes.join(", ")}.`,
      [{ field: "to_number", message: "is outside the allowed destinations" }],
    );
  }
  return { kind: "default" };
}
