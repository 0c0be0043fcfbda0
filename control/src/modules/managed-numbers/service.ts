// A managed number is a phone number and the agent attached to it. Creating one creates the
// agent, buys a number in the area code and attaches it in one transaction with one charge,
// through the agents' and numbers' own services: their checks, their errors, their publishing.
import { AGENT_DEFAULTS } from "@switchboard/shared/agent";
import { ApiError } from "@switchboard/shared/errors";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, agents } from "../../db/schema.ts";
import { type FieldNames, withFieldNames } from "../../http/field-names.ts";
import { type Page, type PageRequest, toPage } from "../../http/pagination.ts";
import type { CreateAgentInput } from "../agents/model.ts";
import { type AgentRow, toAgent } from "../agents/present.ts";
import { type AgentDeps, getAgentRow, insertAgent, updateAgent } from "../agents/service.ts";
import { publishAgentSnapshot } from "../agents/snapshot.ts";
import { buyFromCarrier } from "../phone-numbers/carrier-purchase.ts";
import type { AnyNumberProvider, CarrierNumberProvider } from "../phone-numbers/providers/types.ts";
import type { PhoneNumberRow } from "../phone-numbers/routing.ts";
import {
  buyPhoneNumberIn,
  getPhoneNumberRow,
  listPhoneNumbers,
  type NumbersDeps,
  presentPhoneNumber,
  publishBoughtNumber,
} from "../phone-numbers/service.ts";
import type { CreateManagedNumberInput, ManagedNumberResponse, UpdateManagedNumberInput } from "./model.ts";

interface ManagedNumbersDeps extends AgentDeps, NumbersDeps {
  config: AgentDeps["config"] & NumbersDeps["config"];
  provider: AnyNumberProvider;
}

/** The agent fields this API's fields stand for, as the agents' errors name them. */
const FIELD_NAMES: FieldNames = { "llm.webhook_url": "webhook_url", "voice.voice_id": "voice_id" };

/** What the agent answering a managed number shows of itself. */
interface AgentSettings {
  system_prompt: string;
  first_message: string;
  voice: { voice_id: string };
  llm: { provider: string; webhook_url?: string | null };
  metadata: Record<string, unknown>;
}

function presentManagedNumber(number: PhoneNumberRow, agent: AgentSettings | null): ManagedNumberResponse {
  return {
    ...presentPhoneNumber(number),
    system_prompt: agent?.system_prompt ?? null,
    first_message: agent?.first_message ?? null,
    voice_id: agent?.voice.voice_id ?? null,
    webhook_url: agent?.llm.provider === "custom" ? (agent.llm.webhook_url ?? null) : null,
    inbound_mode: agent ? "autopilot" : null,
    metadata: agent?.metadata ?? {},
  };
}

/** The agent fields a managed number's settings set; `voice_id` names an ElevenLabs voice. */
function agentInputOf(settings: UpdateManagedNumberInput): Omit<CreateAgentInput, "name"> {
  const input: Omit<CreateAgentInput, "name"> = {};
  if (settings.system_prompt !== undefined) input.system_prompt = settings.system_prompt;
  if (settings.first_message !== undefined) input.first_message = settings.first_message;
  if (settings.metadata !== undefined) input.metadata = settings.metadata;
  if (settings.voice_id !== undefined) input.voice = { provider: "elevenlabs", voice_id: settings.voice_id };
  if (settings.webhook_url === null) {
    input.llm = { provider: "openai", model: AGENT_DEFAULTS.llm.model, webhook_url: null };
  } else if (settings.webhook_url !== undefined) {
    input.llm = { provider: "custom", webhook_url: settings.webhook_url };
  }
  return input;
}

export async function createManagedNumber(
  deps: ManagedNumbersDeps,
  orgId: string,
  role: ApiKeyRole,
  body: CreateManagedNumberInput,
): Promise<ManagedNumberResponse> {
  return withFieldNames(FIELD_NAMES, async () => {
    const { provider } = deps;
    if (provider.kind === "carrier") return createAtCarrier({ ...deps, provider }, orgId, role, body);
    const { agent, number } = await deps.db.transaction(async (tx) => {
      const created = await insertAgent(deps, tx, orgId, role, {
        name: `Number in area code ${body.area_code}`,
        ...agentInputOf(body),
      });
      const number = await buyPhoneNumberIn(tx, { ...deps, provider }, orgId, {
        area_code: body.area_code,
        agent_id: created.id,
      });
      const [agent] = await tx
        .update(agents)
        .set({ name: number.phoneNumber })
        .where(eq(agents.id, created.id))
        .returning();
      return { agent: agent!, number };
    });
    await publishAgentSnapshot(deps, orgId, toAgent(agent), agent.id);
    await publishBoughtNumber(deps, number);
    return presentManagedNumber(number, toAgent(agent));
  });
}

/**
 * Through a carrier, whose purchase runs outside any transaction (carrier-purchase.ts): the
 * agent is created first and deleted again when the carrier sells nothing, so a failed purchase
 * leaves neither an agent nor a number, and charges nothing.
 */
async function createAtCarrier(
  deps: ManagedNumbersDeps & { provider: CarrierNumberProvider },
  orgId: string,
  role: ApiKeyRole,
  body: CreateManagedNumberInput,
): Promise<ManagedNumberResponse> {
  const created = await deps.db.transaction((tx) =>
    insertAgent(deps, tx, orgId, role, {
      name: `Number in area code ${body.area_code}`,
      ...agentInputOf(body),
    }),
  );
  let number: PhoneNumberRow;
  try {
    number = await buyFromCarrier(
      deps,
      orgId,
      { area_code: body.area_code, agent_id: created.id },
      new Date(),
    );
  } catch (error) {
    await deps.db.delete(agents).where(and(eq(agents.orgId, orgId), eq(agents.id, created.id)));
    throw error;
  }
  const [agent] = await deps.db
    .update(agents)
    .set({ name: number.phoneNumber })
    .where(eq(agents.id, created.id))
    .returning();
  await publishAgentSnapshot(deps, orgId, toAgent(agent!), agent!.id);
  await publishBoughtNumber(deps, number);
  return presentManagedNumber(number, toAgent(agent!));
}

async function agentOf(db: Database, orgId: string, number: PhoneNumberRow): Promise<AgentRow | null> {
  return number.agentId ? getAgentRow(db, orgId, number.agentId) : null;
}

export async function getManagedNumber(
  db: Database,
  orgId: string,
  id: string,
): Promise<ManagedNumberResponse> {
  const number = await getPhoneNumberRow(db, orgId, id);
  const agent = await agentOf(db, orgId, number);
  return presentManagedNumber(number, agent && toAgent(agent));
}

export async function listManagedNumbers(
  db: Database,
  orgId: string,
  page: PageRequest,
): Promise<Page<ManagedNumberResponse>> {
  const numbers = await listPhoneNumbers(db, orgId, page);
  const agentIds = [...new Set(numbers.flatMap((number) => (number.agentId ? [number.agentId] : [])))];
  const rows =
    agentIds.length === 0
      ? []
      : await db
          .select()
          .from(agents)
          .where(and(eq(agents.orgId, orgId), inArray(agents.id, agentIds)));
  const byId = new Map(rows.map((row) => [row.id, toAgent(row)]));
  return toPage(numbers, page, (number) =>
    presentManagedNumber(number, (number.agentId && byId.get(number.agentId)) || null),
  );
}

/** Updates the number's agent; a number without one has nothing to update but shows as it is. */
export async function updateManagedNumber(
  deps: ManagedNumbersDeps,
  orgId: string,
  role: ApiKeyRole,
  id: string,
  body: UpdateManagedNumberInput,
): Promise<ManagedNumberResponse> {
  const number = await getPhoneNumberRow(deps.db, orgId, id);
  const input = agentInputOf(body);
  if (Object.keys(input).length === 0) return getManagedNumber(deps.db, orgId, id);
  if (!number.agentId) {
    throw new ApiError(
      409,
      "number_has_no_agent",
      "This number has no agent to configure. Attach one with POST /api/v1/phone-numbers/{id}/attach.",
    );
  }
  const agent = await withFieldNames(FIELD_NAMES, () =>
    updateAgent(deps, orgId, role, number.agentId!, input),
  );
  return presentManagedNumber(number, agent);
}
