// What the bench sets up through the public API, as a user would: credits, an agent on the
// stand-in providers, the number it answers, and a webhook endpoint for call.ended.

export const PLATFORM_NUMBER = "+14155550100";

export class PlatformApi {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        "content-type": "application/json",
        "idempotency-key": crypto.randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** The agent's settings; endpointing matches the stand-ins' scripted turn. */
function agentBody(endpointingSilenceMs: number) {
  return {
    name: "Bench desk",
    first_message: "Hello, how can I help?",
    system_prompt: "You take table bookings.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "openai", voice_id: "alloy" },
    endpointing: { silence_ms: endpointingSilenceMs },
  };
}

export async function provisionPlatform(
  api: PlatformApi,
  options: { webhookUrl: string; endpointingSilenceMs: number; creditsCents: number },
): Promise<{ agentId: string }> {
  await api.request("POST", "/credits/purchase", { amount_cents: options.creditsCents });
  const agent = await api.request<{ id: string }>("POST", "/agents", agentBody(options.endpointingSilenceMs));
  await api.request("POST", "/phone-numbers", { phone_number: PLATFORM_NUMBER, agent_id: agent.id });
  await api.request("POST", "/webhooks", { url: options.webhookUrl, events: ["call.ended"] });
  return { agentId: agent.id };
}
