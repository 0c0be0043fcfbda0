// The org's tools catalogue: every query is scoped to the org; a tool an agent references
// cannot be deleted; a changed tool is published again in the snapshots of its agents.
import type { AgentTool } from "@switchboard/shared/agent";
import { ApiError, notFound, validationFailed } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import type { CreateToolBody, Tool, ToolConfig, UpdateToolBody } from "@switchboard/shared/schemas/tool";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, tools } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { publishAgentById, type SnapshotDeps } from "../agents/snapshot.ts";
import { checkSecretHeaders } from "./secret-headers.ts";

export type ToolRow = typeof tools.$inferSelect;

export function presentTool(row: ToolRow): Tool {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    ...row.config,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The agent tool entry a gateway runs for a catalogue tool. */
export function agentToolOf(row: ToolRow): AgentTool {
  const { config } = row;
  if (row.type === "mcp")
    return {
      type: "mcp",
      name: row.name,
      description: row.description,
      url: config.url,
      transport: config.transport ?? "streamable_http",
      ...(config.headers ? { headers: config.headers } : {}),
      ...(config.secret_headers ? { secret_headers: config.secret_headers } : {}),
      ...(config.timeout_ms ? { timeout_ms: config.timeout_ms } : {}),
      ...(config.waiting_message ? { waiting_message: config.waiting_message } : {}),
      mcp_tools: config.mcp_tools ?? [],
    };
  return {
    type: "http",
    name: row.name,
    description: row.description,
    url: config.url,
    method: config.method ?? "POST",
    ...(config.headers ? { headers: config.headers } : {}),
    ...(config.secret_headers ? { secret_headers: config.secret_headers } : {}),
    ...(config.parameters ? { parameters: config.parameters } : {}),
    ...(config.timeout_ms ? { timeout_ms: config.timeout_ms } : {}),
    ...(config.waiting_message ? { waiting_message: config.waiting_message } : {}),
  };
}

/** The server's tool listing an `mcp` tool keeps; undefined for `http` tools. */
export type McpListing = Pick<ToolConfig, "mcp_tools" | "mcp_listed_at">;

function configOf(
  input: CreateToolBody | (UpdateToolBody & { url: string }),
  listing: McpListing | undefined,
): ToolRow["config"] {
  return {
    url: input.url,
    ...(input.transport ? { transport: input.transport } : {}),
    ...(input.method ? { method: input.method } : {}),
    ...(input.headers ? { headers: input.headers } : {}),
    ...(input.secret_headers ? { secret_headers: input.secret_headers } : {}),
    ...(input.parameters ? { parameters: input.parameters } : {}),
    ...(input.timeout_ms ? { timeout_ms: input.timeout_ms } : {}),
    ...(input.waiting_message ? { waiting_message: input.waiting_message } : {}),
    ...listing,
  };
}

const nameTaken = (name: string) =>
  new ApiError(409, "conflict", `The org already has a tool named ${name}.`);

export async function createTool(
  db: Database,
  orgId: string,
  input: CreateToolBody,
  listing?: McpListing,
): Promise<ToolRow> {
  await checkSecretHeaders(db, orgId, input.secret_headers, "secret_headers");
  const [row] = await db
    .insert(tools)
    .values({
      id: newId("tool"),
      orgId,
      type: input.type,
      name: input.name,
      description: input.description ?? "",
      config: configOf(input, listing),
    })
    .onConflictDoNothing({ target: [tools.orgId, tools.name] })
    .returning();
  if (!row) throw nameTaken(input.name);
  return row;
}

export async function listTools(db: Database, orgId: string, page: PageRequest): Promise<ToolRow[]> {
  return selectPage(db.select().from(tools).$dynamic(), tools.id, eq(tools.orgId, orgId), page);
}

export async function getTool(db: Database, orgId: string, toolId: string): Promise<ToolRow> {
  const [row] = await db
    .select()
    .from(tools)
    .where(and(eq(tools.orgId, orgId), eq(tools.id, toolId)));
  if (!row) throw notFound("Tool");
  return row;
}

/** The org's agents whose `tool_ids` name the tool. */
async function agentsUsing(db: Database, orgId: string, toolId: string) {
  return db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(and(eq(agents.orgId, orgId), sql`${agents.toolIds} @> ${JSON.stringify([toolId])}::jsonb`));
}

export async function updateTool(
  deps: SnapshotDeps,
  orgId: string,
  toolId: string,
  input: UpdateToolBody,
  /** The MCP server's tools listed again; absent: the stored listing is kept. */
  listMcp?: (config: ToolConfig) => Promise<McpListing>,
): Promise<ToolRow> {
  const current = await getTool(deps.db, orgId, toolId);
  await checkSecretHeaders(deps.db, orgId, input.secret_headers, "secret_headers");
  if (input.name && input.name !== current.name) {
    const [taken] = await deps.db
      .select({ id: tools.id })
      .from(tools)
      .where(and(eq(tools.orgId, orgId), eq(tools.name, input.name)));
    if (taken) throw nameTaken(input.name);
  }
  const merged = { ...current.config, ...input };
  const listing =
    current.type === "mcp"
      ? listMcp
        ? await listMcp(merged)
        : { mcp_tools: current.config.mcp_tools, mcp_listed_at: current.config.mcp_listed_at }
      : undefined;
  const [row] = await deps.db
    .update(tools)
    .set({
      name: input.name,
      description: input.description,
      config: configOf(merged, listing),
      updatedAt: new Date(),
    })
    .where(and(eq(tools.orgId, orgId), eq(tools.id, toolId)))
    .returning();
  if (!row) throw notFound("Tool");
  for (const agent of await agentsUsing(deps.db, orgId, toolId))
    await publishAgentById(deps, agent.id, orgId);
  return row;
}

/** 409 naming the agents while any references the tool. */
export async function deleteTool(db: Database, orgId: string, toolId: string): Promise<void> {
  await getTool(db, orgId, toolId);
  const users = await agentsUsing(db, orgId, toolId);
  if (users.length > 0) {
    throw new ApiError(
      409,
      "tool_in_use",
      `The tool is used by ${users.map((agent) => `${agent.name} (${agent.id})`).join(", ")}; remove it from their tool_ids first.`,
    );
  }
  await db.delete(tools).where(and(eq(tools.orgId, orgId), eq(tools.id, toolId)));
}

/** The org's tools among `ids`, in the order given; ids it does not have are left out. */
export async function existingToolsByIds(db: Database, orgId: string, ids: string[]): Promise<ToolRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(tools)
    .where(and(eq(tools.orgId, orgId), inArray(tools.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The org's tools by id, in the order given; 422 naming any id the org does not have. */
export async function toolsByIds(db: Database, orgId: string, ids: string[]): Promise<ToolRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(tools)
    .where(and(eq(tools.orgId, orgId), inArray(tools.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0)
    throw validationFailed(
      missing.map((id) => ({ field: "tool_ids", message: `no tool ${id} in this organization` })),
      "Some tools do not exist.",
    );
  return ids.map((id) => byId.get(id)!);
}
