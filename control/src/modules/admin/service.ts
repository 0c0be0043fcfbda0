// What the operator does to tenants: orgs, their first keys, their credits. Every function
// takes the target org id explicitly; none of it is reachable with a tenant's key.
import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import { ApiError, type FieldProblem, notFound, validationFailed } from "@switchboard/shared/errors";
import { hasPrefix, newId } from "@switchboard/shared/ids";
import { RATE_FIELDS, type RateField, rateOverrides } from "@switchboard/shared/rates";
import { desc, eq, lt } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, creditBalances, type OrgRates, orgs } from "../../db/schema.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { type ApiKeyRow, insertKey } from "../api-keys/service.ts";
import { getBalanceCents, type LedgerRow, recordEntry } from "../credits/ledger.ts";
import { getOrgRow, type OrgRow, publishOrg } from "../orgs/service.ts";
import { checkRedactionPatterns } from "../redaction/patterns.ts";
import type { CreateOrgInput, RateOverridesInput, UpdateOrgInput } from "./model.ts";

interface AdminDeps {
  db: Database;
  bus: Bus;
  config: Config;
}

// PostgreSQL text cannot hold NUL, and a lone surrogate has no UTF-8 encoding.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertStorable(problems: FieldProblem[], field: string, value: string | undefined): void {
  if (value !== undefined && UNSTORABLE.test(value)) {
    problems.push({ field, message: "must not contain NUL or unpaired surrogate characters" });
  }
}

function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw validationFailed(problems);
}

/** The stored overrides with `input` applied: a number sets a price, null removes it. */
function mergeRates(stored: unknown, input: RateOverridesInput | undefined): OrgRates {
  const merged = rateOverrides(stored);
  if (!input) return merged;
  for (const field of Object.keys(RATE_FIELDS) as RateField[]) {
    const value = input[field];
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  return merged;
}

export async function createOrgForTenant(deps: AdminDeps, input: CreateOrgInput): Promise<OrgRow> {
  const problems: FieldProblem[] = [];
  assertStorable(problems, "name", input.name);
  throwIfAny(problems);
  const [row] = await deps.db
    .insert(orgs)
    .values({
      id: newId("org"),
      name: input.name,
      rates: mergeRates({}, input.rates),
      maxConcurrentCalls: input.max_concurrent_calls ?? deps.config.orgDefaultMaxConcurrentCalls,
    })
    .returning();
  await publishOrg(deps.db, deps.bus, deps.config, row!.id);
  return row!;
}

/** A changed cap or price reaches the gateways before this returns. */
export async function updateOrg(deps: AdminDeps, orgId: string, input: UpdateOrgInput): Promise<OrgRow> {
  const problems: FieldProblem[] = [];
  assertStorable(problems, "name", input.name);
  checkRedactionPatterns(problems, input.redaction?.patterns);
  throwIfAny(problems);
  const row = await deps.db.transaction(async (tx) => {
    if (!hasPrefix(orgId, "org")) throw notFound("Org");
    // Row lock: two concurrent PATCHes of different rate fields both survive the merge.
    const [current] = await tx.select().from(orgs).where(eq(orgs.id, orgId)).for("update");
    if (!current) throw notFound("Org");
    const [updated] = await tx
      .update(orgs)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.max_concurrent_calls !== undefined
          ? { maxConcurrentCalls: input.max_concurrent_calls }
          : {}),
        ...(input.rates !== undefined ? { rates: mergeRates(current.rates, input.rates) } : {}),
        ...(input.retention !== undefined ? { retention: { ...current.retention, ...input.retention } } : {}),
        ...(input.redaction !== undefined
          ? { redaction: { entities: input.redaction.entities, patterns: input.redaction.patterns ?? [] } }
          : {}),
        updatedAt: new Date(),
      })
      .where(eq(orgs.id, orgId))
      .returning();
    return updated!;
  });
  await publishOrg(deps.db, deps.bus, deps.config, row.id);
  return row;
}

interface OrgWithBalance {
  id: string;
  row: OrgRow;
  balanceCents: number;
}

/** Newest first; ids are time-ordered, so the last id is the cursor. */
export async function listOrgs(db: Database, page: PageRequest): Promise<OrgWithBalance[]> {
  const rows = await db
    .select({ org: orgs, balanceCents: creditBalances.balanceCents })
    .from(orgs)
    .leftJoin(creditBalances, eq(creditBalances.orgId, orgs.id))
    .where(page.cursor ? lt(orgs.id, page.cursor) : undefined)
    .orderBy(desc(orgs.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return rows.map(({ org, balanceCents }) => ({ id: org.id, row: org, balanceCents: balanceCents ?? 0 }));
}

export async function issueApiKey(
  db: Database,
  orgId: string,
  input: { name?: string; role?: ApiKeyRole; expires_at?: string | null },
  now = new Date(),
): Promise<{ row: ApiKeyRow; secret: string }> {
  const problems: FieldProblem[] = [];
  assertStorable(problems, "name", input.name);
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    problems.push({ field: "expires_at", message: "must be in the future" });
  }
  throwIfAny(problems);
  await getOrgRow(db, orgId);
  const role = input.role ?? "owner";
  return insertKey(db, { orgId, name: input.name ?? `${role} key`, role, expiresAt });
}

/**
 * A grant (positive) or correction (negative) in the org's ledger, with the reason as its
 * description, in one transaction with the balance; the new balance is then published for
 * the gateways. A correction larger than the balance is refused and writes nothing.
 */
export async function adjustCredits(
  deps: AdminDeps,
  orgId: string,
  input: { amount_cents: number; reason: string },
): Promise<LedgerRow> {
  const problems: FieldProblem[] = [];
  if (input.amount_cents === 0) problems.push({ field: "amount_cents", message: "must not be zero" });
  assertStorable(problems, "reason", input.reason);
  if (input.reason.trim().length === 0) problems.push({ field: "reason", message: "must not be blank" });
  throwIfAny(problems);
  await getOrgRow(deps.db, orgId);
  const kind = input.amount_cents > 0 ? "grant" : "correction";
  try {
    const { entry } = await recordEntry(deps, {
      orgId,
      kind,
      amountCents: input.amount_cents,
      reference: null,
      description: input.reason,
    });
    return entry;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "insufficient_credits") throw error;
    const balanceCents = await getBalanceCents(deps.db, orgId);
    throw new ApiError(
      409,
      "balance_would_be_negative",
      `A correction of ${input.amount_cents} cents would take the balance of ${balanceCents} cents below zero.`,
    );
  }
}
