// The agent as gateways run it: its public shape, its org, and the secrets its calls need
// (the provider credentials it names and the org's signing secrets), still encrypted.
import {
  type Agent,
  type AgentRuntimeSecrets,
  type AgentSnapshot,
  credentialSlots,
} from "@switchboard/shared/agent";
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import type { Config } from "@switchboard/shared/config";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents } from "../../db/schema.ts";
import { signingSecretCiphertexts } from "../orgs/signing-secret.ts";
import { credentialsById, publishedCredential } from "../provider-credentials/service.ts";
import { toolCredentials } from "../tools/secret-headers.ts";
import { agentToolOf, existingToolsByIds } from "../tools/service.ts";
import { toAgent } from "./present.ts";

export interface SnapshotDeps {
  db: Database;
  bus: Bus;
  config: Pick<Config, "secretKey" | "dataDir">;
}

/** The credentials the agent's provider blocks and their fallbacks name. */
export function credentialIdsOf(agent: Pick<Agent, "llm" | "stt" | "voice" | "realtime">): string[] {
  const ids = credentialSlots(agent)
    .map((slot) => slot.credentialId)
    .filter((id): id is string => typeof id === "string" && id.length > 0);
  return [...new Set(ids)];
}

async function agentSnapshot(
  deps: SnapshotDeps,
  orgId: string,
  agent: Agent,
  /** The org's signing secrets when the caller has them already (a rebuild of many agents). */
  signingSecrets?: string[],
): Promise<AgentSnapshot> {
  const rows = await credentialsById(deps.db, orgId, credentialIdsOf(agent));
  const credentials: AgentRuntimeSecrets["credentials"] = {};
  for (const slot of credentialSlots(agent)) {
    const row = slot.credentialId ? rows.get(slot.credentialId) : undefined;
    if (row) credentials[slot.key] = publishedCredential(row);
  }
  const catalogue = await existingToolsByIds(deps.db, orgId, agent.tool_ids ?? []);
  const tools = [...agent.tools, ...catalogue.map(agentToolOf)];
  const toolSecrets = await toolCredentials(deps.db, orgId, tools);
  return {
    ...agent,
    tools,
    org_id: orgId,
    runtime: {
      credentials,
      ...(Object.keys(toolSecrets).length > 0 ? { tool_credentials: toolSecrets } : {}),
      signing_secret_ciphertexts:
        signingSecrets ?? (await signingSecretCiphertexts(deps.db, deps.config, orgId)),
    },
  };
}

/** The agent's entry in Hashes.agentSnapshots, as every publish path writes it. */
export async function agentSnapshotValue(
  deps: SnapshotDeps,
  orgId: string,
  agent: Agent,
  signingSecrets?: string[],
): Promise<string> {
  return JSON.stringify(await agentSnapshot(deps, orgId, agent, signingSecrets));
}

/** Publishes (or, with null, withdraws) an agent for the gateways and drops their caches of it. */
export async function publishAgentSnapshot(
  deps: SnapshotDeps,
  orgId: string,
  agent: Agent | null,
  agentId: string,
): Promise<void> {
  if (agent)
    await deps.bus.hashSet(Hashes.agentSnapshots, agentId, await agentSnapshotValue(deps, orgId, agent));
  else await deps.bus.hashDelete(Hashes.agentSnapshots, agentId);
  await deps.bus.publish(Channels.agentInvalidated, agentId);
  await deps.bus.publish(Channels.agentsChangedInOrg, orgId);
}

/**
 * Publishes the agent as the database holds it now, or withdraws it when it is gone (then
 * `orgIdIfGone`, from the stale snapshot, names the org whose agent lists drop it).
 */
export async function publishAgentById(
  deps: SnapshotDeps,
  agentId: string,
  orgIdIfGone: string | null,
): Promise<void> {
  const [row] = await deps.db.select().from(agents).where(eq(agents.id, agentId));
  if (row) await publishAgentSnapshot(deps, row.orgId, toAgent(row), row.id);
  else await publishAgentSnapshot(deps, orgIdIfGone ?? "", null, agentId);
}

/** After an org-wide secret changes (signing secret rotation), every agent is published again. */
export async function republishOrgAgents(deps: SnapshotDeps, orgId: string): Promise<number> {
  const rows = await deps.db.select().from(agents).where(eq(agents.orgId, orgId));
  for (const row of rows) await publishAgentSnapshot(deps, orgId, toAgent(row), row.id);
  return rows.length;
}
