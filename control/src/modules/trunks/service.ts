import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import type { Config } from "@switchboard/shared/config";
import {
  ApiError,
  type FieldProblem,
  forbidden,
  notFound,
  validationFailed,
} from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { isValidCidr } from "@switchboard/shared/net/cidr";
import { decryptSecret, encryptSecret } from "@switchboard/shared/secrets/secret-box";
import { inboundAuthFor, type TrunkSnapshot } from "@switchboard/shared/sip/trunk";
import { parseUri } from "@switchboard/shared/sip/uri";
import { and, desc, eq, lt } from "drizzle-orm";
import { type CountryCode, getCountryCallingCode, isSupportedCountry } from "libphonenumber-js/max";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, trunks } from "../../db/schema.ts";
import { sqlStateOf } from "../../db/sql-state.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { roleAtLeast } from "../api-keys/service.ts";
import type { CreateTrunkInput, TrunkResponse, UpdateTrunkInput } from "./model.ts";

type TrunkRow = typeof trunks.$inferSelect;

interface TrunkServiceDeps {
  db: Database;
  bus: Bus;
  config: Config;
}

export function presentTrunk(row: TrunkRow): TrunkResponse {
  return {
    id: row.id,
    name: row.name,
    inbound_cidrs: row.inboundCidrs,
    inbound_username: row.inboundUsername,
    has_inbound_password: row.inboundHa1Sha256 !== null,
    outbound_uri: row.outboundUri,
    outbound_username: row.outboundUsername,
    has_outbound_password: row.outboundPasswordEncrypted !== null,
    caller_id: {
      default_caller_id: row.callerId.default_caller_id ?? null,
      allow_from_number: row.callerId.allow_from_number,
    },
    destination_countries: row.destinationCountries,
    destination_prefixes: row.destinationPrefixes,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function requireAdmin(role: ApiKeyRole): void {
  if (!roleAtLeast(role, "admin")) throw forbidden("Only owner and admin keys can manage trunks.");
}

/** Everything the API accepts but the schema cannot check: CIDRs, URI, countries, credential pairs. */
function validate(merged: {
  inbound_cidrs: string[];
  inbound_username: string | null;
  inbound_password_set: boolean;
  outbound_uri: string | null;
  outbound_username: string | null;
  outbound_password_set: boolean;
  destination_countries: string[];
}): void {
  const problems: FieldProblem[] = [];
  merged.inbound_cidrs.forEach((cidr, index) => {
    if (!isValidCidr(cidr))
      problems.push({ field: `inbound_cidrs[${index}]`, message: "is not an IP address or CIDR range" });
  });
  if ((merged.inbound_username === null) !== !merged.inbound_password_set) {
    problems.push({
      field: "inbound_password",
      message: "inbound_username and inbound_password go together",
    });
  }
  if (merged.outbound_uri !== null) {
    const uri = parseUri(merged.outbound_uri);
    const transport = uri?.params.get("transport")?.toLowerCase() ?? "udp";
    if (uri?.scheme !== "sip" || !uri)
      problems.push({ field: "outbound_uri", message: "must be a sip: URI with a host" });
    else if (transport !== "udp" && transport !== "tcp") {
      problems.push({ field: "outbound_uri", message: "transport must be udp or tcp" });
    }
  }
  if ((merged.outbound_username === null) !== !merged.outbound_password_set) {
    problems.push({
      field: "outbound_password",
      message: "outbound_username and outbound_password go together",
    });
  }
  merged.destination_countries.forEach((country, index) => {
    if (!isSupportedCountry(country)) {
      problems.push({ field: `destination_countries[${index}]`, message: "is not a known country code" });
    }
  });
  if (problems.length > 0) throw validationFailed(problems);
}

/** What gateways run: the HA1 hashes, the outbound password in clear, countries as calling codes. */
function snapshot(config: Config, row: TrunkRow): TrunkSnapshot {
  const countryPrefixes = row.destinationCountries.map(
    (country) => `+${getCountryCallingCode(country as CountryCode)}`,
  );
  return {
    id: row.id,
    org_id: row.orgId,
    name: row.name,
    inbound_cidrs: row.inboundCidrs,
    inbound_auth:
      row.inboundUsername && row.inboundHa1Md5 && row.inboundHa1Sha256
        ? {
            username: row.inboundUsername,
            realm: row.inboundRealm ?? config.sipDigestRealm,
            ha1_md5: row.inboundHa1Md5,
            ha1_sha256: row.inboundHa1Sha256,
          }
        : null,
    outbound_uri: row.outboundUri,
    outbound_auth:
      row.outboundUsername && row.outboundPasswordEncrypted
        ? { username: row.outboundUsername, password: decryptSecret(config, row.outboundPasswordEncrypted) }
        : null,
    caller_id: {
      default_caller_id: row.callerId.default_caller_id ?? null,
      allow_from_number: row.callerId.allow_from_number,
    },
    destination_prefixes: [...new Set([...row.destinationPrefixes, ...countryPrefixes])],
  };
}

/** The trunk's entry in Hashes.trunks, as every publish path writes it. */
export const trunkValue = (config: Config, row: TrunkRow): string => JSON.stringify(snapshot(config, row));

async function publish(deps: TrunkServiceDeps, trunkId: string, row: TrunkRow | null): Promise<void> {
  if (row) await deps.bus.hashSet(Hashes.trunks, trunkId, trunkValue(deps.config, row));
  else await deps.bus.hashDelete(Hashes.trunks, trunkId);
  await deps.bus.publish(Channels.trunkInvalidated, trunkId);
}

/** Publishes the trunk as the database holds it now, or withdraws it when it is gone. */
export async function publishTrunkById(deps: TrunkServiceDeps, trunkId: string): Promise<void> {
  const [row] = await deps.db.select().from(trunks).where(eq(trunks.id, trunkId));
  await publish(deps, trunkId, row ?? null);
}

function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === "23505";
}

async function guardedWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, "conflict", "Another trunk already uses this inbound_username.", [
        { field: "inbound_username", message: "is taken" },
      ]);
    }
    throw error;
  }
}

export async function createTrunk(
  deps: TrunkServiceDeps,
  actor: { orgId: string; role: ApiKeyRole },
  input: CreateTrunkInput,
): Promise<TrunkResponse> {
  requireAdmin(actor.role);
  const merged = {
    inbound_cidrs: input.inbound_cidrs ?? [],
    inbound_username: input.inbound_username ?? null,
    inbound_password_set: Boolean(input.inbound_password),
    outbound_uri: input.outbound_uri ?? null,
    outbound_username: input.outbound_username ?? null,
    outbound_password_set: Boolean(input.outbound_password),
    destination_countries: input.destination_countries ?? [],
  };
  validate(merged);
  const realm = deps.config.sipDigestRealm;
  const inboundAuth =
    merged.inbound_username && input.inbound_password
      ? inboundAuthFor(merged.inbound_username, realm, input.inbound_password)
      : null;
  const [row] = await guardedWrite(() =>
    deps.db
      .insert(trunks)
      .values({
        id: newId("trk"),
        orgId: actor.orgId,
        name: input.name,
        inboundCidrs: merged.inbound_cidrs,
        inboundUsername: merged.inbound_username,
        inboundHa1Md5: inboundAuth?.ha1_md5 ?? null,
        inboundHa1Sha256: inboundAuth?.ha1_sha256 ?? null,
        inboundRealm: inboundAuth ? realm : null,
        outboundUri: merged.outbound_uri,
        outboundUsername: merged.outbound_username,
        outboundPasswordEncrypted: input.outbound_password
          ? encryptSecret(deps.config, input.outbound_password)
          : null,
        callerId: {
          default_caller_id: input.caller_id?.default_caller_id ?? null,
          allow_from_number: input.caller_id?.allow_from_number ?? true,
        },
        destinationCountries: merged.destination_countries,
        destinationPrefixes: input.destination_prefixes ?? [],
      })
      .returning(),
  );
  await publish(deps, row!.id, row!);
  return presentTrunk(row!);
}

export async function listTrunks(db: Database, orgId: string, page: PageRequest): Promise<TrunkRow[]> {
  const where = page.cursor
    ? and(eq(trunks.orgId, orgId), lt(trunks.id, page.cursor))
    : eq(trunks.orgId, orgId);
  return db
    .select()
    .from(trunks)
    .where(where)
    .orderBy(desc(trunks.id))
    .limit(page.limit + 1)
    .offset(page.offset);
}

export async function getTrunkRow(db: Database, orgId: string, trunkId: string): Promise<TrunkRow> {
  const [row] = await db
    .select()
    .from(trunks)
    .where(and(eq(trunks.orgId, orgId), eq(trunks.id, trunkId)));
  if (!row) throw notFound("Trunk");
  return row;
}

export async function updateTrunk(
  deps: TrunkServiceDeps,
  actor: { orgId: string; role: ApiKeyRole },
  trunkId: string,
  input: UpdateTrunkInput,
): Promise<TrunkResponse> {
  requireAdmin(actor.role);
  const current = await getTrunkRow(deps.db, actor.orgId, trunkId);
  const inboundUsername =
    input.inbound_username === undefined ? current.inboundUsername : input.inbound_username;
  const usernameChanged = inboundUsername !== current.inboundUsername;
  // A new username needs the password again: the stored HA1 hashes include the username.
  const inboundPasswordSet =
    input.inbound_password !== undefined
      ? input.inbound_password !== null
      : !usernameChanged && current.inboundHa1Sha256 !== null;
  const outboundUsername =
    input.outbound_username === undefined ? current.outboundUsername : input.outbound_username;
  const outboundPasswordSet =
    input.outbound_password !== undefined
      ? input.outbound_password !== null
      : current.outboundPasswordEncrypted !== null;
  const merged = {
    inbound_cidrs: input.inbound_cidrs ?? current.inboundCidrs,
    inbound_username: inboundUsername,
    inbound_password_set: inboundPasswordSet,
    outbound_uri: input.outbound_uri === undefined ? current.outboundUri : input.outbound_uri,
    outbound_username: outboundUsername,
    outbound_password_set: outboundPasswordSet,
    destination_countries: input.destination_countries ?? current.destinationCountries,
  };
  validate(merged);
  const realm = deps.config.sipDigestRealm;
  const inbound =
    input.inbound_password && inboundUsername
      ? inboundAuthFor(inboundUsername, realm, input.inbound_password)
      : inboundPasswordSet
        ? {
            ha1_md5: current.inboundHa1Md5,
            ha1_sha256: current.inboundHa1Sha256,
            realm: current.inboundRealm,
          }
        : null;
  const outboundPasswordEncrypted =
    input.outbound_password === undefined
      ? outboundPasswordSet
        ? current.outboundPasswordEncrypted
        : null
      : input.outbound_password === null
        ? null
        : encryptSecret(deps.config, input.outbound_password);
  const [row] = await guardedWrite(() =>
    deps.db
      .update(trunks)
      .set({
        name: input.name,
        inboundCidrs: merged.inbound_cidrs,
        inboundUsername,
        inboundHa1Md5: inbound?.ha1_md5 ?? null,
        inboundHa1Sha256: inbound?.ha1_sha256 ?? null,
        inboundRealm: inbound?.realm ?? null,
        outboundUri: merged.outbound_uri,
        outboundUsername,
        outboundPasswordEncrypted,
        callerId: {
          default_caller_id:
            input.caller_id?.default_caller_id === undefined
              ? (current.callerId.default_caller_id ?? null)
              : input.caller_id.default_caller_id,
          allow_from_number: input.caller_id?.allow_from_number ?? current.callerId.allow_from_number,
        },
        destinationCountries: merged.destination_countries,
        destinationPrefixes: input.destination_prefixes ?? current.destinationPrefixes,
        updatedAt: new Date(),
      })
      .where(and(eq(trunks.orgId, actor.orgId), eq(trunks.id, trunkId)))
      .returning(),
  );
  if (!row) throw notFound("Trunk");
  await publish(deps, row.id, row);
  return presentTrunk(row);
}

export async function deleteTrunk(
  deps: TrunkServiceDeps,
  actor: { orgId: string; role: ApiKeyRole },
  trunkId: string,
): Promise<void> {
  requireAdmin(actor.role);
  const deleted = await deps.db
    .delete(trunks)
    .where(and(eq(trunks.orgId, actor.orgId), eq(trunks.id, trunkId)))
    .returning({ id: trunks.id });
  if (deleted.length === 0) throw notFound("Trunk");
  await publish(deps, trunkId, null);
}
