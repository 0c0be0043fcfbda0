// The machine `code`s of the API's problem+json errors, for the OpenAPI document. The codes
// every route of a kind can give (authentication, rate limit, text safety, validation,
// Idempotency-Key, the roles table) are added by finalize.ts; a route names only its own with
// `...problems(...)` in its `detail`.
import type { DocumentDecoration } from "elysia";

export interface ProblemCode {
  status: number;
  /** When it is given: one sentence, for the response's description. */
  when: string;
  /** A `detail` as the API writes it, for the example. */
  detail: string;
  errors?: ReadonlyArray<{ readonly field: string; readonly message: string }>;
}

export const PROBLEM_CODES = {
  malformed_body: {
    status: 400,
    when: "The body is not valid JSON.",
    detail: "The request body is not valid JSON.",
  },
  invalid_character: {
    status: 400,
    when: "A NUL character in the path, a query parameter or the body.",
    detail: 'The request body field "name" contains a NUL character. Send NUL-free, valid UTF-8 text.',
    errors: [{ field: "name", message: "contains a NUL character" }],
  },
  invalid_encoding: {
    status: 400,
    when: "Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.",
    detail: "The request body is not valid UTF-8. Send NUL-free, valid UTF-8 text.",
  },
  invalid_idempotency_key: {
    status: 400,
    when: "The Idempotency-Key header is empty or longer than 255 characters.",
    detail: "Idempotency-Key must be 1 to 255 characters.",
  },
  idempotency_key_unsupported: {
    status: 400,
    when: "An Idempotency-Key on a route that does not take one.",
    detail:
      "Idempotency-Key is taken on the admin routes under /admin/orgs/{org_id}; to retry creating an org, list the orgs first.",
  },
  invalid_api_key: {
    status: 401,
    when: "The key is missing, malformed, unknown, revoked or expired.",
    detail: "Invalid or revoked API key.",
  },
  invalid_credentials: {
    status: 401,
    when: "The email or the password is wrong.",
    detail: "Wrong email or password.",
  },
  invalid_session: {
    status: 401,
    when: "No session cookie, or its session has ended.",
    detail: "Not signed in.",
  },
  invalid_widget_key: {
    status: 401,
    when: "The widget key is unknown or revoked.",
    detail: "The widget key is not valid.",
  },
  insufficient_credits: {
    status: 402,
    when: "The org's balance cannot pay for it.",
    detail: "The organization does not have enough credits.",
  },
  payment_provider_not_configured: {
    status: 402,
    when: "No payment provider is configured: the operator grants credits instead.",
    detail:
      "Credits cannot be bought on this platform: no payment provider is configured. Ask the platform's operator to add credits to your org.",
  },
  payment_failed: {
    status: 402,
    when: "The payment provider declined the payment.",
    detail: "The payment was declined: card_declined",
  },
  forbidden: {
    status: 403,
    when: "The key's role may not do this (see the roles table).",
    detail: "Only owner and admin keys may manage webhooks.",
  },
  destination_not_allowed: {
    status: 403,
    when: "The destination is outside the allowed destinations of the trunks that could place the call.",
    detail:
      "None of your outbound trunks allows this destination; add its prefix or country to a trunk's destination_prefixes or destination_countries.",
    errors: [{ field: "to_number", message: "is outside your trunks' allowed destinations" }],
  },
  origin_not_allowed: {
    status: 403,
    when: "The page's Origin is not one the widget key allows.",
    detail: "This page's origin may not use this widget key.",
  },
  agent_not_allowed: {
    status: 403,
    when: "The widget key does not list the agent.",
    detail: "This widget key may not call that agent.",
  },
  csrf_failed: {
    status: 403,
    when: "A change sent with the session cookie without the session's X-CSRF-Token.",
    detail: "Send the session's CSRF token in X-CSRF-Token.",
  },
  invalid_link: {
    status: 404,
    when: "The invitation or reset link is unknown, already used or expired.",
    detail: "This link is unknown, already used or expired. Ask for a new one.",
  },
  not_found: {
    status: 404,
    when: "No such resource in your org (another org's resource is a 404 too).",
    detail: "Agent not found.",
  },
  route_not_found: {
    status: 404,
    when: "Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist.",
    detail: "No such route.",
  },
  no_numbers_available: {
    status: 404,
    when: "No number is available in that area code.",
    detail: "No number is available in that area code.",
  },
  mcp_unreachable: {
    status: 422,
    when: "The MCP server's tools could not be listed (unreachable, refused by the outbound URL guard, or no answer to tools/list).",
    detail:
      "The MCP server's tools could not be listed: Unable to connect. Is the computer able to access the url?",
  },
  idempotency_key_in_use: {
    status: 409,
    when: "The first request with this Idempotency-Key is still running (`Retry-After: 1`).",
    detail: "A request with this Idempotency-Key is still being processed. Retry shortly.",
  },
  conflict: {
    status: 409,
    when: "The change conflicts with the resource's current state.",
    detail: "Another trunk already uses this inbound_username.",
  },
  number_unavailable: {
    status: 409,
    when: "The number is no longer available to buy.",
    detail: "That number has already been bought.",
  },
  credential_in_use: {
    status: 409,
    when: "An agent names this credential.",
    detail: "The credential is used by agent agt_0193f3a5b2c4; point them elsewhere first.",
  },
  call_already_ended: {
    status: 409,
    when: "The call has ended.",
    detail: "The call already ended (completed).",
  },
  call_in_progress: {
    status: 409,
    when: "The call has not ended yet.",
    detail: "The call has not ended: hang it up before deleting its content.",
  },
  campaign_state: {
    status: 409,
    when: "The campaign's status does not allow the action.",
    detail: "The campaign is completed; pause applies to a campaign that is running.",
  },
  do_not_call: {
    status: 409,
    when: "The destination is on the org's do-not-call list.",
    detail:
      "to_number is on this organization's do-not-call list; remove it with DELETE /do-not-call/{phone_number} to call it.",
    errors: [{ field: "to_number", message: "is on the do-not-call list" }],
  },
  agent_inactive: {
    status: 409,
    when: "The agent is not active (`is_active: false`).",
    detail: "The agent is not active; set is_active to true to place calls.",
  },
  number_has_no_agent: {
    status: 409,
    when: "The number has no agent to configure.",
    detail: "This number has no agent to configure. Attach one with POST /api/v1/phone-numbers/{id}/attach.",
  },
  balance_would_be_negative: {
    status: 409,
    when: "A correction larger than the balance.",
    detail: "A correction of -9000 cents would take the balance of 5000 cents below zero.",
  },
  document_too_large: {
    status: 413,
    when: "The document is larger than the configured limit.",
    detail: "The file is larger than the 10485760-byte limit.",
  },
  unsupported_media_type: {
    status: 415,
    when: "The document is not a supported type.",
    detail: "notes.exe is not a supported file; upload PDF, DOCX, TXT or Markdown.",
  },
  validation_failed: {
    status: 422,
    when: "Field problems, listed in `errors[]`.",
    detail: "The request body failed validation.",
    errors: [{ field: "llm.temperature", message: "Expected number to be less or equal to 2" }],
  },
  recipient_opted_out: {
    status: 422,
    when: "The recipient texted STOP to this number and has not texted START since.",
    detail:
      "The recipient texted STOP to this number; nothing can be sent to them from it until they text START.",
    errors: [{ field: "to", message: "has opted out of messages from this number" }],
  },
  sms_not_available: {
    status: 422,
    when: "The number has no SMS carrier (an inventory number without SMS_CARRIER).",
    detail:
      "This number cannot send SMS: the platform has no SMS carrier (SMS_CARRIER) for numbers of its inventory.",
  },
  carrier_rejected: {
    status: 502,
    when: "The carrier refused the message; it is kept as failed and its charge given back.",
    detail: "The carrier refused the message (21211): The 'To' number is not a valid phone number.",
  },
  number_carrier_failed: {
    status: 502,
    when: "The number's carrier (Twilio, Telnyx) refused or could not be reached; nothing was bought or charged.",
    detail:
      "The carrier could not complete the purchase (20500): Internal Server Error. Nothing was charged.",
  },
  idempotency_key_reused: {
    status: 422,
    when: "The Idempotency-Key was used for another request (method, path or body).",
    detail: "This Idempotency-Key was used with a different request. Use a new key for a new request.",
  },
  number_suspended: {
    status: 422,
    when: "The caller number is suspended.",
    detail: "from_number is suspended; renew it before calling from it.",
    errors: [{ field: "from_number", message: "is suspended" }],
  },
  no_caller_number: {
    status: 422,
    when: "No `from_number` given and the org has no active number to call from.",
    detail:
      "This organization has no active phone number to call from. Buy one with POST /phone-numbers or send from_number.",
  },
  invalid_document: {
    status: 422,
    when: "The file could not be read as the type it claims.",
    detail: "The file is not valid UTF-8 text.",
  },
  invalid_url: {
    status: 422,
    when: "The URL is not one the platform may fetch.",
    detail: "The url resolves to a private address.",
    errors: [{ field: "url", message: "The url resolves to a private address." }],
  },
  url_fetch_failed: {
    status: 422,
    when: "The URL could not be fetched.",
    detail: "The url answered HTTP 500.",
    errors: [{ field: "url", message: "The url answered HTTP 500." }],
  },
  webhook_url_not_allowed: {
    status: 422,
    when: "The webhook URL points at a private or reserved address.",
    detail: "The webhook url resolves to a private address.",
    errors: [{ field: "url", message: "resolves to a private address" }],
  },
  rate_limited: {
    status: 429,
    when: "Over the per-key limit: wait `Retry-After` seconds.",
    detail: "Rate limit of 100 requests per minute exceeded. Retry after 12 s.",
  },
  sign_in_locked: {
    status: 429,
    when: "Too many sign-in attempts for the address, or five wrong passwords in a row: wait `Retry-After` seconds.",
    detail: "Too many failed sign-ins. Try again in 15 min, or reset the password.",
  },
  voice_sample_failed: {
    status: 502,
    when: "The agent's voice provider failed to synthesise the sample.",
    detail: "The agent's voice provider could not synthesise the sample.",
  },
  voice_sample_timeout: {
    status: 504,
    when: "No gateway answered the voice sample request within 10 s.",
    detail: "No gateway answered the voice sample request in time.",
  },
  embedding_model_unavailable: {
    status: 503,
    when: "The embedding model is not available on this instance.",
    detail: "The embedding model is not installed; set MODELS_DIR or allow the download.",
  },
  dispatch_failed: {
    status: 503,
    when: "The call could not be handed to a gateway; retry.",
    detail: "The call's room could not be dispatched; try again.",
  },
} as const satisfies Record<string, ProblemCode>;

export type ProblemCodeName = keyof typeof PROBLEM_CODES;

/** The operation extension that carries a route's own codes to finalize.ts, which removes it. */
export const PROBLEMS_EXTENSION = "x-problems";

/** A code, or a code with the status this route gives it where that differs from the catalog's. */
export type RouteProblem = ProblemCodeName | readonly [ProblemCodeName, number];

/** A route's own error codes, spread into its `detail`. */
export function problems(...codes: RouteProblem[]): Partial<DocumentDecoration> {
  return { [PROBLEMS_EXTENSION]: codes } as Partial<DocumentDecoration>;
}
