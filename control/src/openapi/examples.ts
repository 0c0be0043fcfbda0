// Request body examples for the main operations, by operationId, shown with the JSON body in
// the OpenAPI document. The outbound call and the knowledge sync are the SunoVoice reference
// page's curl bodies (seed 000); the linters check every example against its schema.

interface Example {
  summary: string;
  value: Record<string, unknown>;
}

const AGENT_ID = "agt_0193f3a5b2c47d8e9f00112233445566";

export const REQUEST_EXAMPLES: Record<string, Record<string, Example>> = {
  createAgent: {
    receptionist: {
      summary: "A receptionist that answers with a greeting",
      value: {
        name: "Front desk",
        system_prompt:
          "You are the receptionist of Acme Dental. Book, move and cancel appointments; keep answers short.",
        first_message: "Thanks for calling Acme Dental, how can I help?",
        language: "en",
        voice: { provider: "elevenlabs", voice_id: "21m00Tcm4TlvDq8ikWAM" },
        llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.4 },
        stt: { provider: "deepgram", model: "nova-3", language: "en" },
        endpointing: { silence_ms: 600 },
        turn: { mode: "adaptive", min_silence_ms: 250, max_silence_ms: 2500 },
        interruptions: { enabled: true, min_speech_ms: 250 },
        knowledge: { mode: "all", top_k: 3 },
        max_duration_s: 900,
      },
    },
    minimal: { summary: "Only a name: every other field takes its default", value: { name: "Support" } },
  },
  updateAgent: {
    temperature: {
      summary: "Nested objects merge: the model stays as it was",
      value: { llm: { temperature: 0.2 } },
    },
    deactivate: { summary: "Stop answering calls", value: { is_active: false } },
  },
  createOutboundCall: {
    reminder: {
      summary: "Place an outbound call",
      value: {
        agent_id: AGENT_ID,
        to_number: "+14155550142",
        objective: "Remind the customer about tomorrow at 10am and offer to reschedule.",
      },
    },
  },
  buyPhoneNumber: {
    areaCode: { summary: "Any available number in an area code", value: { area_code: "415" } },
    searched: {
      summary: "A number search returned, attached to an agent at once",
      value: { phone_number: "+14155550123", agent_id: AGENT_ID },
    },
  },
  attachPhoneNumber: {
    attach: { summary: "Answer this number with an agent", value: { agent_id: AGENT_ID } },
    detach: { summary: "Detach the number", value: { agent_id: null } },
  },
  updatePhoneNumberForwarding: {
    forward: { summary: "Forward calls to a person", value: { forward_to: "+14155550199" } },
    off: { summary: "Turn forwarding off", value: { forward_to: null } },
  },
  createTextKnowledgeSource: {
    refunds: {
      summary: "Add a text source",
      value: {
        title: "Refund policy",
        content: "Refunds are available within 30 days of purchase. Contact support@example.com.",
      },
    },
  },
  createUrlKnowledgeSource: {
    page: { summary: "Add a web page", value: { url: "https://example.com/help/refunds" } },
  },
  upsertExternalKnowledgeSource: {
    text: {
      summary: "Sync a text source keyed faq-refunds",
      value: {
        kind: "text",
        title: "Refund policy",
        content: "Refunds are available within 30 days of purchase. Contact support@example.com.",
      },
    },
    url: {
      summary: "Sync from a web page instead",
      value: { kind: "url", url: "https://example.com/help/refunds" },
    },
  },
  createWebhook: {
    calls: {
      summary: "Receive call events",
      value: {
        url: "https://example.com/webhooks/switchboard",
        events: ["call.started", "call.ended", "call.transcript.ready"],
        description: "CRM sync",
      },
    },
  },
  updateWebhook: {
    pause: { summary: "Pause deliveries", value: { enabled: false } },
  },
  createApiKey: {
    integration: { summary: "A key for one integration", value: { name: "Internal CRM", role: "member" } },
  },
};
