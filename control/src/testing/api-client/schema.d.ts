// Generated from the served /openapi.json by `npm run api:types`: do not edit by hand.
// control/src/testing/api-client/schema-drift.test.ts fails when this file and the document differ.
export interface paths {
  "/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description 200 while the process serves requests; checks nothing else.
     */
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ready": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness
     * @description 200 `ready` when the database answers, else 503 `not_ready`.
     */
    get: operations["getReadiness"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/widget/token": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a call token from a widget key
     * @description Called by widget.js with `{key, agent_id}`; the key must list the agent and the request's Origin. Limited per key and origin (`WIDGET_RATE_LIMIT_PER_MINUTE`).
     */
    post: operations["createWidgetCallToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/auth/sign-in": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in
     * @description Checks the email and password and sets the session cookie (HttpOnly, SameSite=Lax). Ten attempts per address a minute; five wrong passwords in a row lock the account for 15 minutes.
     */
    post: operations["signIn"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/auth/accept": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Use an invitation or password-reset link
     * @description An invitation creates the user with this password (`email` is needed only for the first owner's set-up link); a reset replaces the password and ends the other sessions. Then signs in.
     */
    post: operations["acceptLink"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/auth/session": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in user
     * @description The session cookie's user, org and CSRF token; 401 when not signed in.
     */
    get: operations["getSession"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/auth/sign-out": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out
     * @description Ends the session and clears the cookie.
     */
    post: operations["signOut"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/agents/{agent_id}/web-token": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a browser call token
     * @description A short-lived token for exactly one WebRTC call to this agent. Mint it on your server and hand it to the page. With LiveKit configured, `livekit` also names a room for the call that the agent joins: connect the page to it with its token instead of using WHIP.
     */
    post: operations["createWebCallToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/widget-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List widget keys
     * @description Owner and admin keys. Name, prefix, agents and origins of each key; never the key.
     */
    get: operations["listWidgetKeys"];
    put?: never;
    /**
     * Create a publishable widget key
     * @description A pk_live_ key for page source: it can only start calls to the listed agents from the listed origins.
     */
    post: operations["createWidgetKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/widget-keys/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke a widget key
     * @description Pages using it can no longer start calls; calls in progress go on.
     */
    delete: operations["revokeWidgetKey"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/api-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API keys
     * @description Prefix, name, role, creation, last use, expiry and revocation of each key; never the secret.
     */
    get: operations["listApiKeys"];
    put?: never;
    /**
     * Create an API key
     * @description Owner and admin keys; only an owner key may create an owner key. The full secret (`sk_live_...`) is in this response only: the platform keeps a hash and a visible prefix.
     */
    post: operations["createApiKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/api-keys/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description The key fails from the very next request, on every instance. Only an owner key may revoke an owner key.
     */
    delete: operations["revokeApiKey"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List users
     * @description The people of the org who sign in to the dashboard, with their roles.
     */
    get: operations["listUsers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/invitations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite a user
     * @description A one-time link (valid 7 days) that lets the person choose a password and join the org with the role. The link is in this response only; with SMTP_URL configured it is also mailed to the address (`emailed`). Nobody invites above their own role.
     */
    post: operations["createInvitation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}/password-reset": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a password-reset link
     * @description A one-time link (valid 1 hour) that sets a new password for the user, lifts a sign-in lock and ends the user's sessions. The link is in this response only; with SMTP_URL configured it is also mailed to the user (`emailed`).
     */
    post: operations["createPasswordReset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a user
     * @description The person can no longer sign in and their sessions end at once. The org's only owner cannot be removed (409).
     */
    delete: operations["removeUser"];
    options?: never;
    head?: never;
    /**
     * Change a user's role
     * @description Takes effect on the user's next request. Nobody changes a user above their own role or gives a role above their own; the org's only owner stays owner (409).
     */
    patch: operations["updateUser"];
    trace?: never;
  };
  "/api/v1/agents": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List agents
     * @description The org's agents, newest first; `limit`/`cursor` or `page`/`size`.
     */
    get: operations["listAgents"];
    put?: never;
    /**
     * Create an agent
     * @description Answers 201 with every default filled in. Member keys may not set `llm`, `stt`, `voice` or `tools` (403): those decide where call audio, transcripts and keys go. `credential_id` names a provider credential of the org; `knowledge.source_ids` sources of the org.
     */
    post: operations["createAgent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/agents/{agent_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an agent
     * @description One agent of the org.
     */
    get: operations["getAgent"];
    put?: never;
    post?: never;
    /**
     * Delete an agent
     * @description Numbers attached to it are detached and stop answering; past calls keep its id.
     */
    delete: operations["deleteAgent"];
    options?: never;
    head?: never;
    /**
     * Update an agent
     * @description Sets the fields sent; nested objects merge, so `{"llm": {"temperature": 0.2}}` keeps the model. Member keys may not change `llm`, `stt`, `voice` or `tools` (403). Gateways get the new settings at once.
     */
    patch: operations["updateAgent"];
    trace?: never;
  };
  "/api/v1/agents/{agent_id}/voice-sample": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hear the agent's voice
     * @description A short WAV (16-bit PCM, mono, 16 kHz) of `text` spoken with the agent's saved voice and the org's credentials, synthesised by a gateway as on a call. 504 when no gateway answers in 10 s.
     */
    post: operations["synthesizeAgentVoiceSample"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider-credentials": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List provider credentials
     * @description Any role. Provider, name, base URL and the key's last characters; never the key.
     */
    get: operations["listProviderCredentials"];
    put?: never;
    /**
     * Store a provider credential
     * @description The org's own key for OpenAI, Deepgram, ElevenLabs or an OpenAI-compatible endpoint. Agents name it in a provider block's `credential_id`. The key is encrypted at rest and never shown again; a `base_url` is only ever sent this credential's key, never the platform's.
     */
    post: operations["createProviderCredential"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider-credentials/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a provider credential
     * @description Refused with 409 `credential_in_use` while an agent names it.
     */
    delete: operations["deleteProviderCredential"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/org/signing-secret/rotate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create or rotate the org's request-signing secret
     * @description Requests to your custom LLM `webhook_url` and HTTP tools carry Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`) signed with this secret, plus `X-Switchboard-Call-Id` and `X-Switchboard-Agent-Id`. The previous secret keeps signing for 24 hours.
     */
    post: operations["rotateSigningSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/phone-numbers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your numbers
     * @description The org's numbers, newest first, with their agent, forwarding, status and renewal date.
     */
    get: operations["listPhoneNumbers"];
    put?: never;
    /**
     * Buy a number
     * @description Send `phone_number` (one search returned) or `area_code`. The first month is charged from credits at once (402 `insufficient_credits` when short); renewals monthly after that.
     */
    post: operations["buyPhoneNumber"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/phone-numbers/search": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search numbers available to buy
     * @description By `country`, `area_code` or digits the number `contains`; each with its monthly price. Numbers come from the deployment's provider: its inventory, Twilio or Telnyx.
     */
    get: operations["searchPhoneNumbers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/phone-numbers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a number
     * @description One number of the org.
     */
    get: operations["getPhoneNumber"];
    put?: never;
    post?: never;
    /**
     * Release a number
     * @description Owner or admin. The number stops answering at once and goes back to its carrier; no refund.
     */
    delete: operations["releasePhoneNumber"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/phone-numbers/{id}/attach": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign a number to an agent
     * @description Calls to the number are answered by this agent from now on. `{agent_id: null}` detaches.
     */
    post: operations["attachPhoneNumber"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/phone-numbers/{id}/detach": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Detach the number from its agent
     * @description The number stays yours; without an agent its calls are forwarded (mode `no_agent`) or refused.
     */
    post: operations["detachPhoneNumber"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/phone-numbers/{id}/forwarding": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update forwarding settings
     * @description `forward_to` (E.164) and `mode`; `forward_to: null` turns forwarding off.
     */
    patch: operations["updatePhoneNumberForwarding"];
    trace?: never;
  };
  "/api/v1/numbers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List managed numbers
     * @deprecated
     * @description Deprecated: a managed number is a phone number and the agent attached to it (`voice_id` is an ElevenLabs voice, `webhook_url` the agent's custom LLM endpoint). Use `GET /api/v1/phone-numbers` (and `GET /api/v1/agents`) instead: the same services, status codes and errors.
     */
    get: operations["listManagedNumbers"];
    put?: never;
    /**
     * Create an agent and buy a number for it
     * @deprecated
     * @description Deprecated: a managed number is a phone number and the agent attached to it (`voice_id` is an ElevenLabs voice, `webhook_url` the agent's custom LLM endpoint). Use `POST /api/v1/agents` then `POST /api/v1/phone-numbers` with `{area_code, agent_id}`; here both happen in one transaction with the number's one charge, and nothing is created when buying fails instead: the same services, status codes and errors.
     */
    post: operations["createManagedNumber"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/numbers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a managed number
     * @deprecated
     * @description Deprecated: a managed number is a phone number and the agent attached to it (`voice_id` is an ElevenLabs voice, `webhook_url` the agent's custom LLM endpoint). Use `GET /api/v1/phone-numbers/{id}` and `GET /api/v1/agents/{agent_id}` instead: the same services, status codes and errors.
     */
    get: operations["getManagedNumber"];
    put?: never;
    post?: never;
    /**
     * Release a managed number
     * @deprecated
     * @description Deprecated: a managed number is a phone number and the agent attached to it (`voice_id` is an ElevenLabs voice, `webhook_url` the agent's custom LLM endpoint). Use `DELETE /api/v1/phone-numbers/{id}` (the agent stays; delete it with `DELETE /api/v1/agents/{agent_id}`) instead: the same services, status codes and errors.
     */
    delete: operations["releaseManagedNumber"];
    options?: never;
    head?: never;
    /**
     * Update a managed number's agent
     * @deprecated
     * @description Deprecated: a managed number is a phone number and the agent attached to it (`voice_id` is an ElevenLabs voice, `webhook_url` the agent's custom LLM endpoint). Use `PATCH /api/v1/agents/{agent_id}` (members may not set `voice_id` or `webhook_url`; 409 `number_has_no_agent` for a number without an agent) instead: the same services, status codes and errors.
     */
    patch: operations["updateManagedNumber"];
    trace?: never;
  };
  "/api/v1/trunks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List trunks
     * @description The org's SIP trunks, newest first; passwords only as `has_*_password`.
     */
    get: operations["listTrunks"];
    put?: never;
    /**
     * Create a trunk
     * @description Owner or admin. Inbound: the carrier's source ranges (`inbound_cidrs`) and/or digest credentials; outbound: `outbound_uri` with its credentials and the destinations it may call. Gateways get it at once.
     */
    post: operations["createTrunk"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/trunks/{trunk_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a trunk
     * @description One trunk of the org.
     */
    get: operations["getTrunk"];
    put?: never;
    post?: never;
    /**
     * Delete a trunk
     * @description Owner or admin. Gateways stop accepting and placing calls through it at once.
     */
    delete: operations["deleteTrunk"];
    options?: never;
    head?: never;
    /**
     * Update a trunk
     * @description Owner or admin. Sets the fields sent; gateways get the change at once.
     */
    patch: operations["updateTrunk"];
    trace?: never;
  };
  "/api/v1/credits/balance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the credit balance and rates
     * @description The balance in cents, the low-balance threshold and the rates the org pays.
     */
    get: operations["getCreditBalance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/credits/transactions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List ledger entries, newest first
     * @description Purchases, grants, corrections, call and number charges, each with the balance after it.
     */
    get: operations["listCreditTransactions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/credits/purchase": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Buy credits
     * @description Owner or admin, through the platform's payment provider. Send `Idempotency-Key` so a retried purchase is not charged twice. Without a payment provider the operator grants credits instead, and a purchase is a 402 `payment_provider_not_configured`. With Stripe (PAYMENT_PROVIDER=stripe) the answer is 202 `pending` with a Checkout `checkout_url`; the credits arrive when Stripe reports the payment completed.
     */
    post: operations["purchaseCredits"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/credits/settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get credit settings
     * @description The balance below which a `credits.low` webhook event is sent.
     */
    get: operations["getCreditSettings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Set the low-balance threshold
     * @description Owner or admin. A `credits.low` event is sent when the balance falls below it.
     */
    patch: operations["updateCreditSettings"];
    trace?: never;
  };
  "/api/v1/credits/auto-recharge": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get auto-recharge settings
     * @description Whether credits are bought automatically when the balance runs low, and with which card.
     */
    get: operations["getAutoRecharge"];
    /**
     * Set auto-recharge
     * @description Owner or admin. When enabled, a debit that takes the balance below `threshold_cents` charges the card saved at the last Checkout purchase for `amount_cents`, off-session, once per crossing. A declined charge turns it off and sends `credits.auto_recharge_failed`.
     */
    put: operations["setAutoRecharge"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/knowledge": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List knowledge sources
     * @description The org's sources, newest first, with `external_id`, status and embedding progress.
     */
    get: operations["listKnowledgeSources"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/knowledge/search": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Show what retrieval returns for a query, with scores
     * @description Runs retrieval exactly as a gateway does during a call: `q` against all sources, or against an agent's knowledge settings with `agent_id`; with the token count and timings.
     */
    get: operations["searchKnowledge"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/knowledge/{source_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a knowledge source (status and progress)
     * @description One source; `status` goes from `pending` through `processing` to `ready` (or `failed`) as it is embedded.
     */
    get: operations["getKnowledgeSource"];
    put?: never;
    post?: never;
    /**
     * Delete a source
     * @description By its Switchboard id. Agents stop retrieving from it at once.
     */
    delete: operations["deleteKnowledgeSource"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/knowledge/text": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a text source
     * @description Chunked and embedded in the background; agents retrieve from it once it is `ready`.
     */
    post: operations["createTextKnowledgeSource"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/knowledge/url": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a source from a URL (fetched now, embedded in the background)
     * @description The page (HTML, PDF, DOCX, text) is fetched during the request, within the size and time limits; private addresses are refused unless the platform allows them.
     */
    post: operations["createUrlKnowledgeSource"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/knowledge/file": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a PDF, DOCX, TXT or Markdown file (multipart field `file`)
     * @description Its text is extracted during the request and embedded in the background; `title` is optional.
     */
    post: operations["uploadKnowledgeFile"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/knowledge/external/{external_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Create or replace the source keyed by your own id (idempotent sync)
     * @description 201 when the `external_id` is new, 200 when its source is replaced in place: send it whenever the content changes and the knowledge base never fills with duplicates.
     */
    put: operations["upsertExternalKnowledgeSource"];
    post?: never;
    /**
     * Delete the source with that external_id
     * @description Agents stop retrieving from it at once.
     */
    delete: operations["deleteExternalKnowledgeSource"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List webhook endpoints
     * @description Owner and admin keys. Each endpoint's URL, events and state; never its secret.
     */
    get: operations["listWebhooks"];
    put?: never;
    /**
     * Register a webhook endpoint
     * @description Deliveries carry `webhook-id`, `webhook-timestamp` and `webhook-signature` (Standard Webhooks, `v1` HMAC-SHA256). The `whsec_` secret is returned only in this response.
     */
    post: operations["createWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a webhook endpoint
     * @description One endpoint; `disabled_reason` says why deliveries stopped, if they did.
     */
    get: operations["getWebhook"];
    put?: never;
    post?: never;
    /**
     * Delete a webhook endpoint
     * @description Its deliveries, pending ones included, are deleted with it.
     */
    delete: operations["deleteWebhook"];
    options?: never;
    head?: never;
    /**
     * Update a webhook endpoint
     * @description Sets the fields sent; `enabled: true` resumes a disabled endpoint.
     */
    patch: operations["updateWebhook"];
    trace?: never;
  };
  "/api/v1/webhooks/{id}/rotate-secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the signing secret
     * @description For 24 h both the old and the new secret sign each delivery (space-separated signatures).
     */
    post: operations["rotateWebhookSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List deliveries to this endpoint, newest first
     * @description Each delivery's event, attempts, last status code and next retry.
     */
    get: operations["listWebhookDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a signed test event now
     * @description Delivers a `webhook.test` event during the request and answers with the delivery's outcome.
     */
    post: operations["sendWebhookTestEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a delivery's event again
     * @description Queues the same event as a new delivery (a new `webhook-id`, the same payload) that is signed and sent like any other, with retries; answers 202 with it while it is `pending`. A disabled endpoint is a 409.
     */
    post: operations["redeliverWebhookDelivery"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls/{call_id}/webhook-deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the webhook deliveries of one call
     * @description Owner and admin keys. Every delivery that carried an event of this call, to any endpoint of the org, newest first, with its status, attempts and last response.
     */
    get: operations["listCallWebhookDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List calls
     * @description Newest first. `status` may repeat (OR); `from`/`to` bound `started_at`; `limit`/`cursor` or `page`/`size`.
     */
    get: operations["listCalls"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls/outbound": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Place an outbound call
     * @description Queues the call and hands it to a gateway. Send `Idempotency-Key` to retry safely: the call is never dialled twice.
     */
    post: operations["createOutboundCall"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls/{call_id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel or hang up a call
     * @description 200 with the call canceled when no gateway had it yet; 202 when its gateway is told to CANCEL (ringing) or hang up (answered): the call's status follows. 409 once the call has ended.
     */
    post: operations["cancelCall"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls/{call_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a call with its transcript
     * @description The call with its `transcript`: each turn's text (for the agent, what the caller heard), timestamps, whether it was interrupted, and the agent turns' latency by stage.
     */
    get: operations["getCall"];
    put?: never;
    post?: never;
    /**
     * Delete a call's recording, transcript and analysis
     * @description Erases the call's recording (its file or S3 object), transcript and post-call analysis. The call stays as its billing record: GET /calls/{call_id} shows it with an empty transcript, no recording_url and no analysis, and the recording URL answers 404. A call in progress is a 409. Deleting again is a 204.
     */
    delete: operations["deleteCall"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls/{call_id}/recording": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the call recording
     * @description audio/wav; supports `Range: bytes=...` (206 Partial Content, 416 past the end).
     */
    get: operations["getCallRecording"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/sms": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List SMS messages
     * @description Sent and received messages, newest first; filter by `number`, `direction`, `status` and creation time (`from`, `to`).
     */
    get: operations["listSms"];
    put?: never;
    /**
     * Send an SMS
     * @description Sends `body` from one of the org's numbers through its carrier, charged per segment (SMS_CENTS_PER_SEGMENT). Delivery is reported by the carrier afterwards: `status` moves to delivered, undelivered or failed, and `sms.failed` fires for the last two.
     */
    post: operations["sendSms"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/sms/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an SMS message
     * @description One message with its delivery status and cost.
     */
    get: operations["getSms"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls/{call_id}/transcript": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a call's transcript
     * @deprecated
     * @description Deprecated alias of `GET /api/v1/calls/{call_id}`, kept for clients of other platforms: the same data, status codes and errors. Use `GET /api/v1/calls/{call_id}` instead. Answers with the call's `transcript` turns only.
     */
    get: operations["getCallTranscript"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calls/trigger": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Trigger an outbound call
     * @deprecated
     * @description Deprecated alias of `POST /api/v1/calls/outbound`, kept for clients of other platforms: the same data, status codes and errors. Use `POST /api/v1/calls/outbound` instead. `phone_number` is `to_number`; the call goes out from the number attached to the agent.
     */
    post: operations["triggerCall"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List conversations
     * @deprecated
     * @description Deprecated alias of `GET /api/v1/calls`, kept for clients of other platforms: the same data, status codes and errors. Use `GET /api/v1/calls` instead.
     */
    get: operations["listConversations"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations/dispatch": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dispatch an outbound call
     * @deprecated
     * @description Deprecated alias of `POST /api/v1/calls/outbound`, kept for clients of other platforms: the same data, status codes and errors. Use `POST /api/v1/calls/outbound` instead.
     */
    post: operations["dispatchConversation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a conversation with its transcript
     * @deprecated
     * @description Deprecated alias of `GET /api/v1/calls/{call_id}`, kept for clients of other platforms: the same data, status codes and errors. Use `GET /api/v1/calls/{call_id}` instead.
     */
    get: operations["getConversation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/do-not-call": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the do-not-call list
     * @description Newest first; `phone_number` finds one number.
     */
    get: operations["listDoNotCall"];
    put?: never;
    /**
     * Add a number to the do-not-call list
     * @description 201 with the new entry; 200 with the existing one when the number is already listed (adding is idempotent). Outbound calls to a listed number are refused with 409 `do_not_call`; campaign leads with it are rejected.
     */
    post: operations["addDoNotCall"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/do-not-call/{phone_number}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a number from the do-not-call list
     * @description 204; 404 when the number is not listed.
     */
    delete: operations["removeDoNotCall"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tools/built-ins": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the built-in tools
     * @description Read-only: the tools every agent's runtime has, enabled per agent through its inline `tools`, each marked available or not for the org's numbers (`send_sms` needs one that can text).
     */
    get: operations["listBuiltInTools"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tools": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List tools
     * @description Oldest first, paged.
     */
    get: operations["listTools"];
    put?: never;
    /**
     * Create a tool
     * @description An HTTP tool agents may call (calls are signed with the org's signing secret), or an MCP server (`type: mcp`, `transport`) whose tools are listed now and kept on the tool; 422 `mcp_unreachable` when they cannot be listed. The URL must pass the outbound URL guard. 409 when the org has a tool of that name.
     */
    post: operations["createTool"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tools/{tool_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a tool
     * @description 404 when the org has no such tool.
     */
    get: operations["getTool"];
    put?: never;
    post?: never;
    /**
     * Delete a tool
     * @description 204; 409 `conflict` naming the agents while any of them has it in `tool_ids`.
     */
    delete: operations["deleteTool"];
    options?: never;
    head?: never;
    /**
     * Update a tool
     * @description Any field; the agents using the tool get the change on their next call. An MCP server's tools are listed again (422 `mcp_unreachable` when they cannot be).
     */
    patch: operations["updateTool"];
    trace?: never;
  };
  "/api/v1/tools/{tool_id}/refresh": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * List an MCP server's tools again
     * @description Asks the server for its tools now and keeps the listing; the agents using the tool get it on their next call. 409 for an HTTP tool; 422 `mcp_unreachable` when the server cannot be listed.
     */
    post: operations["refreshTool"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List campaigns
     * @description Newest first, without counts.
     */
    get: operations["listCampaigns"];
    put?: never;
    /**
     * Create a campaign
     * @description A draft: add leads, then start it. `schedule` paces it (`calls_per_minute`, `max_concurrent`) and bounds it to `windows` in each lead's time zone; `retry` says which results are called again, how often and after how long.
     */
    post: operations["createCampaign"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{campaign_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a campaign with its counts
     * @description With `counts`: leads in all, by state and by outcome.
     */
    get: operations["getCampaign"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{campaign_id}/leads": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a campaign's leads
     * @description Newest first; `state` and `outcome` filter.
     */
    get: operations["listCampaignLeads"];
    put?: never;
    /**
     * Add leads
     * @description A JSON list (`leads`) or CSV text (`csv`) with `phone_number`, optional `time_zone`, and any other column as a `{{variable}}` for the prompt and greeting. Each row is accepted or rejected on its own: the report names the rejected rows and why (`invalid_phone_number`, `invalid_time_zone`, `duplicate`, `do_not_call`).
     */
    post: operations["addCampaignLeads"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{campaign_id}/start": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a campaign
     * @description draft -> running: the dispatcher starts dialling its leads within their windows (`campaign.started`). 402 without credits.
     */
    post: operations["startCampaign"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{campaign_id}/pause": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a campaign
     * @description running -> paused: no new dials; calls in progress finish (`campaign.paused`, reason `requested`).
     */
    post: operations["pauseCampaign"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{campaign_id}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a campaign
     * @description paused -> running, also after it paused itself for credits (add credits first: 402 without).
     */
    post: operations["resumeCampaign"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{campaign_id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a campaign
     * @description -> canceled for good: leads not yet called become `canceled`; calls in progress finish.
     */
    post: operations["cancelCampaign"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics/overview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Account analytics summary
     * @description Calls that started in [from, to): counts by status and direction, minutes, spend, and the average and p95 total latency of agent turns, overall and per agent.
     */
    get: operations["getAnalyticsOverview"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/org": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get your org
     * @description Any role. Its id, name, concurrent-call limit, the rates it pays and its balance.
     */
    get: operations["getOrg"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/orgs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orgs, newest first
     * @description Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...).
     */
    get: operations["adminListOrgs"];
    put?: never;
    /**
     * Create an org (a tenant)
     * @description Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...). Takes no Idempotency-Key (400): list the orgs before retrying a create.
     */
    post: operations["adminCreateOrg"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/orgs/{org_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an org
     * @description Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...).
     */
    get: operations["adminGetOrg"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change an org's name, concurrent-call cap or rates
     * @description Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...). A new cap or rate reaches the gateways at once.
     */
    patch: operations["adminUpdateOrg"];
    trace?: never;
  };
  "/api/v1/admin/orgs/{org_id}/api-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a key for an org
     * @description Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...). The tenant's first owner key; the full secret is returned only once.
     */
    post: operations["adminCreateApiKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/orgs/{org_id}/credits": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Grant credits or correct the balance
     * @description Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...). A positive amount is a `grant`, a negative one a `correction` (409 when it would take the balance below zero). Send `Idempotency-Key` so a retry is not applied twice.
     */
    post: operations["adminAdjustCredits"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/gateways": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the live gateways
     * @description Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...). Every gateway announcing itself on the bus: its SIP and media address, planned capacity, calls in progress, CPU use and whether it is draining. A gateway that stopped announcing (killed, cut off) drops out within three GATEWAY_HEARTBEAT_INTERVAL_MS.
     */
    get: operations["adminListGateways"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description RFC 9457 problem details with a stable machine-readable `code`. */
    Problem: {
      /**
       * @description A URI reference naming the code.
       * @example /docs/errors#not_found
       */
      type: string;
      /** @description The status's reason phrase. */
      title: string;
      status: number;
      /** @description What went wrong, for a person; never echoes a rejected value. */
      detail: string;
      /**
       * @description Stable: match on this.
       * @example validation_failed
       */
      code: string;
      /** @description Field problems: `field` is a dotted path into the request (`llm.temperature`). */
      errors?: {
        field: string;
        message: string;
      }[];
    };
  };
  responses: never;
  parameters: {
    /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: {
    /** @description Seconds to wait before retrying. */
    "Retry-After": number;
    /** @description Requests allowed per window. */
    "RateLimit-Limit": number;
    /** @description Requests left in the current window. */
    "RateLimit-Remaining": number;
    /** @description Seconds until the window resets. */
    "RateLimit-Reset": number;
    /** @description The policy: `<limit>;w=<window seconds>`, e.g. `100;w=60`. */
    "RateLimit-Policy": string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            status: "ok";
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `ready`; `not_ready` (503) while the database does not answer. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /**
             * @default ready
             * @enum {string}
             */
            status: "ready" | "not_ready";
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `ready`; `not_ready` (503) while the database does not answer. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /**
             * @default ready
             * @enum {string}
             */
            status: "ready" | "not_ready";
          };
        };
      };
    };
  };
  createWidgetCallToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The publishable widget key (`pk_live_...`). */
          key: string;
          /** @description An agent the key lists. */
          agent_id: string;
        };
      };
    };
    responses: {
      /** @description A token for one call. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Bearer token for one call; POST the SDP offer to whip_url with it. */
            token: string;
            call_id: string;
            agent_id: string;
            /** Format: date-time */
            expires_at: string;
            /** @description WHIP endpoint on the gateway (POST application/sdp). */
            whip_url: string;
            ice_servers: {
              urls: string[];
              username?: string;
              credential?: string;
            }[];
            /** @description Present when the platform runs LiveKit: the call can go through this room instead of WHIP. */
            livekit?: {
              /** @description The LiveKit server to connect the page to. */
              url: string;
              /** @description A room for this call alone, named after call_id. */
              room: string;
              /** @description The caller's participant token for that room; expires with `token`. */
              token: string;
            };
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_widget_key`: The widget key is unknown or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `origin_not_allowed`: The page's Origin is not one the widget key allows.
       *
       *     `agent_not_allowed`: The widget key does not list the agent.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          email: string;
          password: string;
        };
        "application/x-www-form-urlencoded": {
          email: string;
          password: string;
        };
        "multipart/form-data": {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: {
              id: string;
              email: string;
              name: string;
              /**
               * @description The same roles as API keys.
               * @default owner
               * @enum {string}
               */
              role: "owner" | "admin" | "member";
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              last_sign_in_at: string | null;
            };
            org_id: string;
            /** @description Send it in X-CSRF-Token with every state-changing request. */
            csrf_token: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_credentials`: The email or the password is wrong. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `sign_in_locked`: Too many sign-in attempts for the address, or five wrong passwords in a row: wait `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  acceptLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          token: string;
          password: string;
          email?: string;
          name?: string;
        };
        "application/x-www-form-urlencoded": {
          token: string;
          password: string;
          email?: string;
          name?: string;
        };
        "multipart/form-data": {
          token: string;
          password: string;
          email?: string;
          name?: string;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: {
              id: string;
              email: string;
              name: string;
              /**
               * @description The same roles as API keys.
               * @default owner
               * @enum {string}
               */
              role: "owner" | "admin" | "member";
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              last_sign_in_at: string | null;
            };
            org_id: string;
            /** @description Send it in X-CSRF-Token with every state-changing request. */
            csrf_token: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_link`: The invitation or reset link is unknown, already used or expired. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `conflict`: The change conflicts with the resource's current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: {
              id: string;
              email: string;
              name: string;
              /**
               * @description The same roles as API keys.
               * @default owner
               * @enum {string}
               */
              role: "owner" | "admin" | "member";
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              last_sign_in_at: string | null;
            };
            org_id: string;
            /** @description Send it in X-CSRF-Token with every state-changing request. */
            csrf_token: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_session`: No session cookie, or its session has ended. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `csrf_failed`: A change sent with the session cookie without the session's X-CSRF-Token. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createWebCallToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        agent_id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /** @description Fills the agent's {{name}} placeholders for this call. */
          metadata?: {
            [key: string]: unknown;
          };
        };
        "application/x-www-form-urlencoded": {
          /** @description Fills the agent's {{name}} placeholders for this call. */
          metadata?: {
            [key: string]: unknown;
          };
        };
        "multipart/form-data": {
          /** @description Fills the agent's {{name}} placeholders for this call. */
          metadata?: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Bearer token for one call; POST the SDP offer to whip_url with it. */
            token: string;
            call_id: string;
            agent_id: string;
            /** Format: date-time */
            expires_at: string;
            /** @description WHIP endpoint on the gateway (POST application/sdp). */
            whip_url: string;
            ice_servers: {
              urls: string[];
              username?: string;
              credential?: string;
            }[];
            /** @description Present when the platform runs LiveKit: the call can go through this room instead of WHIP. */
            livekit?: {
              /** @description The LiveKit server to connect the page to. */
              url: string;
              /** @description A room for this call alone, named after call_id. */
              room: string;
              /** @description The caller's participant token for that room; expires with `token`. */
              token: string;
            };
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `agent_inactive`: The agent is not active (`is_active: false`).
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `dispatch_failed`: The call could not be handed to a gateway; retry. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWidgetKeys: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              name: string;
              prefix: string;
              agent_ids: string[];
              allowed_origins: string[];
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              revoked_at: string | null;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createWidgetKey: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          agent_ids: string[];
          /** @description Exact origins, e.g. https://www.example.com */
          allowed_origins: string[];
        };
        "application/x-www-form-urlencoded": {
          name: string;
          agent_ids: string[];
          /** @description Exact origins, e.g. https://www.example.com */
          allowed_origins: string[];
        };
        "multipart/form-data": {
          name: string;
          agent_ids: string[];
          /** @description Exact origins, e.g. https://www.example.com */
          allowed_origins: string[];
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            prefix: string;
            agent_ids: string[];
            allowed_origins: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** @description The pk_live_ key. Shown only in this response. */
            key: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeWidgetKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listApiKeys: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              name: string;
              /** @enum {string} */
              role: "owner" | "admin" | "member";
              /** @description The first characters of the secret. */
              prefix: string;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              last_used_at: string | null;
              /** Format: date-time */
              expires_at: string | null;
              /** Format: date-time */
              revoked_at: string | null;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description A name to recognise the key by. */
          name: string;
          /**
           * @description owner, admin or member.
           * @default member
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
          /**
           * Format: date-time
           * @description When the key stops working.
           */
          expires_at?: string | null;
        };
        "application/x-www-form-urlencoded": {
          /** @description A name to recognise the key by. */
          name: string;
          /**
           * @description owner, admin or member.
           * @default member
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
          /**
           * Format: date-time
           * @description When the key stops working.
           */
          expires_at?: string | null;
        };
        "multipart/form-data": {
          /** @description A name to recognise the key by. */
          name: string;
          /**
           * @description owner, admin or member.
           * @default member
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
          /**
           * Format: date-time
           * @description When the key stops working.
           */
          expires_at?: string | null;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            /** @description The first characters of the secret. */
            prefix: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /** @description The full secret. Shown only in this response. */
            key: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              email: string;
              name: string;
              /**
               * @description The same roles as API keys.
               * @default owner
               * @enum {string}
               */
              role: "owner" | "admin" | "member";
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              last_sign_in_at: string | null;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createInvitation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          /**
           * @description member by default.
           * @default member
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
        };
        "application/x-www-form-urlencoded": {
          /** Format: email */
          email: string;
          /**
           * @description member by default.
           * @default member
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
        };
        "multipart/form-data": {
          /** Format: email */
          email: string;
          /**
           * @description member by default.
           * @default member
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            email: string;
            /**
             * @description The same roles as API keys.
             * @default owner
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
            /** @description The one-time invitation link, shown only here. */
            url: string;
            /** Format: date-time */
            expires_at: string;
            /** @description The link was also sent by mail (SMTP_URL is configured and the server accepted it). */
            emailed: boolean;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `conflict`: The change conflicts with the resource's current state.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createPasswordReset: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description The one-time link to hand to the person; it is shown only here. */
            url: string;
            /** Format: date-time */
            expires_at: string;
            /** @description The link was also sent by mail (SMTP_URL is configured and the server accepted it). */
            emailed: boolean;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  removeUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `conflict`: The change conflicts with the resource's current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description The same roles as API keys.
           * @default owner
           * @enum {string}
           */
          role: "owner" | "admin" | "member";
        };
        "application/x-www-form-urlencoded": {
          /**
           * @description The same roles as API keys.
           * @default owner
           * @enum {string}
           */
          role: "owner" | "admin" | "member";
        };
        "multipart/form-data": {
          /**
           * @description The same roles as API keys.
           * @default owner
           * @enum {string}
           */
          role: "owner" | "admin" | "member";
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            email: string;
            name: string;
            /**
             * @description The same roles as API keys.
             * @default owner
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_sign_in_at: string | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `conflict`: The change conflicts with the resource's current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listAgents: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              name: string;
              system_prompt: string;
              /** @description Spoken on answer; empty waits for the caller. */
              first_message: string;
              voice: {
                /** @enum {string} */
                provider: "espeak" | "flite" | "openai" | "elevenlabs";
                voice_id: string;
                speed?: number;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
              };
              llm: {
                /**
                 * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
                 * @enum {string}
                 */
                provider: "openai" | "custom";
                model: string;
                temperature: number;
                max_tokens?: number;
                /**
                 * Format: uri
                 * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
                 */
                base_url?: string | null;
                /** Format: uri */
                webhook_url?: string | null;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
                /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
                fallbacks?: {
                  /**
                   * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
                   * @enum {string}
                   */
                  provider: "openai" | "custom";
                  model: string;
                  temperature?: number;
                  max_tokens?: number;
                  /**
                   * Format: uri
                   * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
                   */
                  base_url?: string | null;
                  /** Format: uri */
                  webhook_url?: string | null;
                  /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                  credential_id?: string | null;
                }[];
              };
              stt: {
                /** @enum {string} */
                provider: "deepgram" | "openai" | "whisper";
                model: string;
                language: string;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
                /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
                fallbacks?: {
                  /** @enum {string} */
                  provider: "deepgram" | "openai" | "whisper";
                  model: string;
                  language?: string;
                  /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                  credential_id?: string | null;
                }[];
              };
              language: string;
              endpointing: {
                /** @description Silence that ends the caller's turn. */
                silence_ms: number;
              };
              turn: {
                /**
                 * @description `fixed`, `adaptive` (default) or `model`.
                 * @enum {string}
                 */
                mode: "fixed" | "adaptive" | "model";
                /** @description The shortest silence that may end a turn (adaptive and model modes). */
                min_silence_ms: number;
                /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
                max_silence_ms: number;
              };
              interruptions: {
                enabled: boolean;
                /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
                min_speech_ms: number;
              };
              tools: {
                /** @enum {string} */
                type:
                  | "end_call"
                  | "transfer_call"
                  | "send_dtmf"
                  | "http"
                  | "add_to_do_not_call"
                  | "mcp"
                  | "send_sms"
                  | "warm_transfer";
                name?: string;
                description?: string;
                /** @description `http`: the JSON Schema of the arguments the model sends. */
                parameters?: {
                  [key: string]: unknown;
                };
                /**
                 * Format: uri
                 * @description `http`: the endpoint called.
                 */
                url?: string;
                /**
                 * @description `http`: default POST.
                 * @enum {string}
                 */
                method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
                timeout_ms?: number;
                /** @description `http`: sent with every request. */
                headers?: {
                  [key: string]: string;
                };
                /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
                secret_headers?: {
                  [key: string]: {
                    credential_id: string;
                    /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                    template?: string;
                  };
                };
                /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
                target?: string;
                /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
                waiting_message?: string;
                /** @description `http`: default 1500. */
                waiting_delay_ms?: number;
                /**
                 * @description `mcp`: how the server is reached; default streamable_http.
                 * @enum {string}
                 */
                transport?: "streamable_http" | "sse";
                /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
                mcp_tools?: {
                  name: string;
                  description: string;
                  /** @description The JSON Schema of the tool's arguments, as the server listed it. */
                  input_schema: {
                    [key: string]: unknown;
                  };
                }[];
                /**
                 * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
                 * @example {
                 *       "X-Customer-Id": "42"
                 *     }
                 */
                sip_headers?: {
                  [key: string]: string;
                };
                /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
                briefing_prompt?: string;
                /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
                hold_message?: string;
                /**
                 * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
                 * @enum {string}
                 */
                after_bridge?: "leave" | "listen";
              }[];
              /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
              tool_ids: string[];
              knowledge: {
                /**
                 * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
                 * @enum {string}
                 */
                mode: "all" | "selected" | "none";
                source_ids: string[];
                top_k: number;
              };
              silence: {
                /** @description Silence before the agent reprompts (default 10000). */
                reprompt_ms?: number;
                /** @description Reprompts before a polite hang-up (default 1). */
                max_reprompts?: number;
                reprompt_message?: string;
                hangup_message?: string;
              };
              max_duration_s: number;
              /** @description A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline. */
              realtime: {
                /**
                 * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
                 * @enum {string}
                 */
                provider: "openai" | "gemini";
                /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
                model: string;
                /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
                voice: string;
                /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
                instructions_extra?: string;
                /**
                 * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
                 * @enum {string}
                 */
                turn_detection?: "server_vad" | "semantic_vad" | "gateway";
                /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
                credential_id?: string | null;
              } | null;
              /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
              analysis: {
                /** @description Write a short summary of the call. */
                summary: boolean;
                /** @description What makes the call a success; the analysis answers `success` against it. */
                success_criteria?: string;
                /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
                schema?: {
                  [key: string]: unknown;
                };
              } | null;
              is_active: boolean;
              metadata: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createAgent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          language?: string;
          tools?: {
            /** @enum {string} */
            type:
              | "end_call"
              | "transfer_call"
              | "send_dtmf"
              | "http"
              | "add_to_do_not_call"
              | "mcp"
              | "send_sms"
              | "warm_transfer";
            name?: string;
            description?: string;
            /** @description `http`: the JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            /**
             * Format: uri
             * @description `http`: the endpoint called.
             */
            url?: string;
            /**
             * @description `http`: default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
            timeout_ms?: number;
            /** @description `http`: sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
            target?: string;
            /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
            waiting_message?: string;
            /** @description `http`: default 1500. */
            waiting_delay_ms?: number;
            /**
             * @description `mcp`: how the server is reached; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
             * @example {
             *       "X-Customer-Id": "42"
             *     }
             */
            sip_headers?: {
              [key: string]: string;
            };
            /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
            briefing_prompt?: string;
            /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
            hold_message?: string;
            /**
             * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
             * @enum {string}
             */
            after_bridge?: "leave" | "listen";
          }[];
          /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
          tool_ids?: string[];
          silence?: {
            /** @description Silence before the agent reprompts (default 10000). */
            reprompt_ms?: number;
            /** @description Reprompts before a polite hang-up (default 1). */
            max_reprompts?: number;
            reprompt_message?: string;
            hangup_message?: string;
          };
          max_duration_s?: number;
          is_active?: boolean;
          metadata?: {
            [key: string]: unknown;
          };
          /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
          analysis?: {
            /** @description Write a short summary of the call. */
            summary: boolean;
            /** @description What makes the call a success; the analysis answers `success` against it. */
            success_criteria?: string;
            /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
            schema?: {
              [key: string]: unknown;
            };
          } | null;
          llm?: {
            /**
             * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
             * @enum {string}
             */
            provider?: "openai" | "custom";
            model?: string;
            temperature?: number;
            max_tokens?: number;
            /**
             * Format: uri
             * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
             */
            base_url?: string | null;
            /** Format: uri */
            webhook_url?: string | null;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
            fallbacks?: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature?: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          stt?: {
            /** @enum {string} */
            provider?: "deepgram" | "openai" | "whisper";
            model?: string;
            language?: string;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
            fallbacks?: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language?: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          endpointing?: {
            /** @description Silence that ends the caller's turn. */
            silence_ms?: number;
          };
          turn?: {
            /**
             * @description `fixed`, `adaptive` (default) or `model`.
             * @enum {string}
             */
            mode?: "fixed" | "adaptive" | "model";
            /** @description The shortest silence that may end a turn (adaptive and model modes). */
            min_silence_ms?: number;
            /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
            max_silence_ms?: number;
          };
          interruptions?: {
            enabled?: boolean;
            /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
            min_speech_ms?: number;
          };
          knowledge?: {
            /**
             * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
             * @enum {string}
             */
            mode?: "all" | "selected" | "none";
            source_ids?: string[];
            top_k?: number;
          };
          voice?: {
            /** @enum {string} */
            provider: "espeak" | "flite" | "openai" | "elevenlabs";
            voice_id: string;
            speed?: number;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
          };
          /** @description A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline. */
          realtime?: {
            /**
             * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
             * @enum {string}
             */
            provider: "openai" | "gemini";
            /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
            model: string;
            /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
            voice: string;
            /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
            instructions_extra?: string;
            /**
             * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
             * @enum {string}
             */
            turn_detection?: "server_vad" | "semantic_vad" | "gateway";
            /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
            credential_id?: string | null;
          } | null;
        };
        "application/x-www-form-urlencoded": {
          name: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          language?: string;
          tools?: {
            /** @enum {string} */
            type:
              | "end_call"
              | "transfer_call"
              | "send_dtmf"
              | "http"
              | "add_to_do_not_call"
              | "mcp"
              | "send_sms"
              | "warm_transfer";
            name?: string;
            description?: string;
            /** @description `http`: the JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            /**
             * Format: uri
             * @description `http`: the endpoint called.
             */
            url?: string;
            /**
             * @description `http`: default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
            timeout_ms?: number;
            /** @description `http`: sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
            target?: string;
            /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
            waiting_message?: string;
            /** @description `http`: default 1500. */
            waiting_delay_ms?: number;
            /**
             * @description `mcp`: how the server is reached; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
             * @example {
             *       "X-Customer-Id": "42"
             *     }
             */
            sip_headers?: {
              [key: string]: string;
            };
            /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
            briefing_prompt?: string;
            /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
            hold_message?: string;
            /**
             * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
             * @enum {string}
             */
            after_bridge?: "leave" | "listen";
          }[];
          /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
          tool_ids?: string[];
          silence?: {
            /** @description Silence before the agent reprompts (default 10000). */
            reprompt_ms?: number;
            /** @description Reprompts before a polite hang-up (default 1). */
            max_reprompts?: number;
            reprompt_message?: string;
            hangup_message?: string;
          };
          max_duration_s?: number;
          is_active?: boolean;
          metadata?: {
            [key: string]: unknown;
          };
          /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
          analysis?: {
            /** @description Write a short summary of the call. */
            summary: boolean;
            /** @description What makes the call a success; the analysis answers `success` against it. */
            success_criteria?: string;
            /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
            schema?: {
              [key: string]: unknown;
            };
          } | null;
          llm?: {
            /**
             * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
             * @enum {string}
             */
            provider?: "openai" | "custom";
            model?: string;
            temperature?: number;
            max_tokens?: number;
            /**
             * Format: uri
             * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
             */
            base_url?: string | null;
            /** Format: uri */
            webhook_url?: string | null;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
            fallbacks?: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature?: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          stt?: {
            /** @enum {string} */
            provider?: "deepgram" | "openai" | "whisper";
            model?: string;
            language?: string;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
            fallbacks?: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language?: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          endpointing?: {
            /** @description Silence that ends the caller's turn. */
            silence_ms?: number;
          };
          turn?: {
            /**
             * @description `fixed`, `adaptive` (default) or `model`.
             * @enum {string}
             */
            mode?: "fixed" | "adaptive" | "model";
            /** @description The shortest silence that may end a turn (adaptive and model modes). */
            min_silence_ms?: number;
            /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
            max_silence_ms?: number;
          };
          interruptions?: {
            enabled?: boolean;
            /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
            min_speech_ms?: number;
          };
          knowledge?: {
            /**
             * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
             * @enum {string}
             */
            mode?: "all" | "selected" | "none";
            source_ids?: string[];
            top_k?: number;
          };
          voice?: {
            /** @enum {string} */
            provider: "espeak" | "flite" | "openai" | "elevenlabs";
            voice_id: string;
            speed?: number;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
          };
          /** @description A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline. */
          realtime?: {
            /**
             * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
             * @enum {string}
             */
            provider: "openai" | "gemini";
            /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
            model: string;
            /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
            voice: string;
            /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
            instructions_extra?: string;
            /**
             * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
             * @enum {string}
             */
            turn_detection?: "server_vad" | "semantic_vad" | "gateway";
            /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
            credential_id?: string | null;
          } | null;
        };
        "multipart/form-data": {
          name: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          language?: string;
          tools?: {
            /** @enum {string} */
            type:
              | "end_call"
              | "transfer_call"
              | "send_dtmf"
              | "http"
              | "add_to_do_not_call"
              | "mcp"
              | "send_sms"
              | "warm_transfer";
            name?: string;
            description?: string;
            /** @description `http`: the JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            /**
             * Format: uri
             * @description `http`: the endpoint called.
             */
            url?: string;
            /**
             * @description `http`: default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
            timeout_ms?: number;
            /** @description `http`: sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
            target?: string;
            /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
            waiting_message?: string;
            /** @description `http`: default 1500. */
            waiting_delay_ms?: number;
            /**
             * @description `mcp`: how the server is reached; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
             * @example {
             *       "X-Customer-Id": "42"
             *     }
             */
            sip_headers?: {
              [key: string]: string;
            };
            /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
            briefing_prompt?: string;
            /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
            hold_message?: string;
            /**
             * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
             * @enum {string}
             */
            after_bridge?: "leave" | "listen";
          }[];
          /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
          tool_ids?: string[];
          silence?: {
            /** @description Silence before the agent reprompts (default 10000). */
            reprompt_ms?: number;
            /** @description Reprompts before a polite hang-up (default 1). */
            max_reprompts?: number;
            reprompt_message?: string;
            hangup_message?: string;
          };
          max_duration_s?: number;
          is_active?: boolean;
          metadata?: {
            [key: string]: unknown;
          };
          /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
          analysis?: {
            /** @description Write a short summary of the call. */
            summary: boolean;
            /** @description What makes the call a success; the analysis answers `success` against it. */
            success_criteria?: string;
            /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
            schema?: {
              [key: string]: unknown;
            };
          } | null;
          llm?: {
            /**
             * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
             * @enum {string}
             */
            provider?: "openai" | "custom";
            model?: string;
            temperature?: number;
            max_tokens?: number;
            /**
             * Format: uri
             * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
             */
            base_url?: string | null;
            /** Format: uri */
            webhook_url?: string | null;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
            fallbacks?: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature?: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          stt?: {
            /** @enum {string} */
            provider?: "deepgram" | "openai" | "whisper";
            model?: string;
            language?: string;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
            fallbacks?: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language?: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          endpointing?: {
            /** @description Silence that ends the caller's turn. */
            silence_ms?: number;
          };
          turn?: {
            /**
             * @description `fixed`, `adaptive` (default) or `model`.
             * @enum {string}
             */
            mode?: "fixed" | "adaptive" | "model";
            /** @description The shortest silence that may end a turn (adaptive and model modes). */
            min_silence_ms?: number;
            /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
            max_silence_ms?: number;
          };
          interruptions?: {
            enabled?: boolean;
            /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
            min_speech_ms?: number;
          };
          knowledge?: {
            /**
             * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
             * @enum {string}
             */
            mode?: "all" | "selected" | "none";
            source_ids?: string[];
            top_k?: number;
          };
          voice?: {
            /** @enum {string} */
            provider: "espeak" | "flite" | "openai" | "elevenlabs";
            voice_id: string;
            speed?: number;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
          };
          /** @description A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline. */
          realtime?: {
            /**
             * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
             * @enum {string}
             */
            provider: "openai" | "gemini";
            /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
            model: string;
            /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
            voice: string;
            /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
            instructions_extra?: string;
            /**
             * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
             * @enum {string}
             */
            turn_detection?: "server_vad" | "semantic_vad" | "gateway";
            /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
            credential_id?: string | null;
          } | null;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            system_prompt: string;
            /** @description Spoken on answer; empty waits for the caller. */
            first_message: string;
            voice: {
              /** @enum {string} */
              provider: "espeak" | "flite" | "openai" | "elevenlabs";
              voice_id: string;
              speed?: number;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            };
            llm: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
              /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
              fallbacks?: {
                /**
                 * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
                 * @enum {string}
                 */
                provider: "openai" | "custom";
                model: string;
                temperature?: number;
                max_tokens?: number;
                /**
                 * Format: uri
                 * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
                 */
                base_url?: string | null;
                /** Format: uri */
                webhook_url?: string | null;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
              }[];
            };
            stt: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
              /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
              fallbacks?: {
                /** @enum {string} */
                provider: "deepgram" | "openai" | "whisper";
                model: string;
                language?: string;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
              }[];
            };
            language: string;
            endpointing: {
              /** @description Silence that ends the caller's turn. */
              silence_ms: number;
            };
            turn: {
              /**
               * @description `fixed`, `adaptive` (default) or `model`.
               * @enum {string}
               */
              mode: "fixed" | "adaptive" | "model";
              /** @description The shortest silence that may end a turn (adaptive and model modes). */
              min_silence_ms: number;
              /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
              max_silence_ms: number;
            };
            interruptions: {
              enabled: boolean;
              /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
              min_speech_ms: number;
            };
            tools: {
              /** @enum {string} */
              type:
                | "end_call"
                | "transfer_call"
                | "send_dtmf"
                | "http"
                | "add_to_do_not_call"
                | "mcp"
                | "send_sms"
                | "warm_transfer";
              name?: string;
              description?: string;
              /** @description `http`: the JSON Schema of the arguments the model sends. */
              parameters?: {
                [key: string]: unknown;
              };
              /**
               * Format: uri
               * @description `http`: the endpoint called.
               */
              url?: string;
              /**
               * @description `http`: default POST.
               * @enum {string}
               */
              method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
              /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
              timeout_ms?: number;
              /** @description `http`: sent with every request. */
              headers?: {
                [key: string]: string;
              };
              /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
              secret_headers?: {
                [key: string]: {
                  credential_id: string;
                  /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                  template?: string;
                };
              };
              /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
              target?: string;
              /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
              waiting_message?: string;
              /** @description `http`: default 1500. */
              waiting_delay_ms?: number;
              /**
               * @description `mcp`: how the server is reached; default streamable_http.
               * @enum {string}
               */
              transport?: "streamable_http" | "sse";
              /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
              mcp_tools?: {
                name: string;
                description: string;
                /** @description The JSON Schema of the tool's arguments, as the server listed it. */
                input_schema: {
                  [key: string]: unknown;
                };
              }[];
              /**
               * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
               * @example {
               *       "X-Customer-Id": "42"
               *     }
               */
              sip_headers?: {
                [key: string]: string;
              };
              /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
              briefing_prompt?: string;
              /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
              hold_message?: string;
              /**
               * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
               * @enum {string}
               */
              after_bridge?: "leave" | "listen";
            }[];
            /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
            tool_ids: string[];
            knowledge: {
              /**
               * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
               * @enum {string}
               */
              mode: "all" | "selected" | "none";
              source_ids: string[];
              top_k: number;
            };
            silence: {
              /** @description Silence before the agent reprompts (default 10000). */
              reprompt_ms?: number;
              /** @description Reprompts before a polite hang-up (default 1). */
              max_reprompts?: number;
              reprompt_message?: string;
              hangup_message?: string;
            };
            max_duration_s: number;
            /** @description A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline. */
            realtime: {
              /**
               * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
               * @enum {string}
               */
              provider: "openai" | "gemini";
              /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
              model: string;
              /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
              voice: string;
              /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
              instructions_extra?: string;
              /**
               * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
               * @enum {string}
               */
              turn_detection?: "server_vad" | "semantic_vad" | "gateway";
              /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
              credential_id?: string | null;
            } | null;
            /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
            analysis: {
              /** @description Write a short summary of the call. */
              summary: boolean;
              /** @description What makes the call a success; the analysis answers `success` against it. */
              success_criteria?: string;
              /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
              schema?: {
                [key: string]: unknown;
              };
            } | null;
            is_active: boolean;
            metadata: {
              [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        agent_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            system_prompt: string;
            /** @description Spoken on answer; empty waits for the caller. */
            first_message: string;
            voice: {
              /** @enum {string} */
              provider: "espeak" | "flite" | "openai" | "elevenlabs";
              voice_id: string;
              speed?: number;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            };
            llm: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
              /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
              fallbacks?: {
                /**
                 * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
                 * @enum {string}
                 */
                provider: "openai" | "custom";
                model: string;
                temperature?: number;
                max_tokens?: number;
                /**
                 * Format: uri
                 * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
                 */
                base_url?: string | null;
                /** Format: uri */
                webhook_url?: string | null;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
              }[];
            };
            stt: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
              /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
              fallbacks?: {
                /** @enum {string} */
                provider: "deepgram" | "openai" | "whisper";
                model: string;
                language?: string;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
              }[];
            };
            language: string;
            endpointing: {
              /** @description Silence that ends the caller's turn. */
              silence_ms: number;
            };
            turn: {
              /**
               * @description `fixed`, `adaptive` (default) or `model`.
               * @enum {string}
               */
              mode: "fixed" | "adaptive" | "model";
              /** @description The shortest silence that may end a turn (adaptive and model modes). */
              min_silence_ms: number;
              /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
              max_silence_ms: number;
            };
            interruptions: {
              enabled: boolean;
              /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
              min_speech_ms: number;
            };
            tools: {
              /** @enum {string} */
              type:
                | "end_call"
                | "transfer_call"
                | "send_dtmf"
                | "http"
                | "add_to_do_not_call"
                | "mcp"
                | "send_sms"
                | "warm_transfer";
              name?: string;
              description?: string;
              /** @description `http`: the JSON Schema of the arguments the model sends. */
              parameters?: {
                [key: string]: unknown;
              };
              /**
               * Format: uri
               * @description `http`: the endpoint called.
               */
              url?: string;
              /**
               * @description `http`: default POST.
               * @enum {string}
               */
              method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
              /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
              timeout_ms?: number;
              /** @description `http`: sent with every request. */
              headers?: {
                [key: string]: string;
              };
              /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
              secret_headers?: {
                [key: string]: {
                  credential_id: string;
                  /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                  template?: string;
                };
              };
              /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
              target?: string;
              /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
              waiting_message?: string;
              /** @description `http`: default 1500. */
              waiting_delay_ms?: number;
              /**
               * @description `mcp`: how the server is reached; default streamable_http.
               * @enum {string}
               */
              transport?: "streamable_http" | "sse";
              /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
              mcp_tools?: {
                name: string;
                description: string;
                /** @description The JSON Schema of the tool's arguments, as the server listed it. */
                input_schema: {
                  [key: string]: unknown;
                };
              }[];
              /**
               * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
               * @example {
               *       "X-Customer-Id": "42"
               *     }
               */
              sip_headers?: {
                [key: string]: string;
              };
              /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
              briefing_prompt?: string;
              /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
              hold_message?: string;
              /**
               * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
               * @enum {string}
               */
              after_bridge?: "leave" | "listen";
            }[];
            /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
            tool_ids: string[];
            knowledge: {
              /**
               * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
               * @enum {string}
               */
              mode: "all" | "selected" | "none";
              source_ids: string[];
              top_k: number;
            };
            silence: {
              /** @description Silence before the agent reprompts (default 10000). */
              reprompt_ms?: number;
              /** @description Reprompts before a polite hang-up (default 1). */
              max_reprompts?: number;
              reprompt_message?: string;
              hangup_message?: string;
            };
            max_duration_s: number;
            /** @description A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline. */
            realtime: {
              /**
               * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
               * @enum {string}
               */
              provider: "openai" | "gemini";
              /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
              model: string;
              /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
              voice: string;
              /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
              instructions_extra?: string;
              /**
               * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
               * @enum {string}
               */
              turn_detection?: "server_vad" | "semantic_vad" | "gateway";
              /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
              credential_id?: string | null;
            } | null;
            /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
            analysis: {
              /** @description Write a short summary of the call. */
              summary: boolean;
              /** @description What makes the call a success; the analysis answers `success` against it. */
              success_criteria?: string;
              /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
              schema?: {
                [key: string]: unknown;
              };
            } | null;
            is_active: boolean;
            metadata: {
              [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        agent_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        agent_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          language?: string;
          tools?: {
            /** @enum {string} */
            type:
              | "end_call"
              | "transfer_call"
              | "send_dtmf"
              | "http"
              | "add_to_do_not_call"
              | "mcp"
              | "send_sms"
              | "warm_transfer";
            name?: string;
            description?: string;
            /** @description `http`: the JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            /**
             * Format: uri
             * @description `http`: the endpoint called.
             */
            url?: string;
            /**
             * @description `http`: default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
            timeout_ms?: number;
            /** @description `http`: sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
            target?: string;
            /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
            waiting_message?: string;
            /** @description `http`: default 1500. */
            waiting_delay_ms?: number;
            /**
             * @description `mcp`: how the server is reached; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
             * @example {
             *       "X-Customer-Id": "42"
             *     }
             */
            sip_headers?: {
              [key: string]: string;
            };
            /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
            briefing_prompt?: string;
            /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
            hold_message?: string;
            /**
             * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
             * @enum {string}
             */
            after_bridge?: "leave" | "listen";
          }[];
          /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
          tool_ids?: string[];
          silence?: {
            /** @description Silence before the agent reprompts (default 10000). */
            reprompt_ms?: number;
            /** @description Reprompts before a polite hang-up (default 1). */
            max_reprompts?: number;
            reprompt_message?: string;
            hangup_message?: string;
          };
          max_duration_s?: number;
          is_active?: boolean;
          metadata?: {
            [key: string]: unknown;
          };
          /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
          analysis?: {
            /** @description Write a short summary of the call. */
            summary: boolean;
            /** @description What makes the call a success; the analysis answers `success` against it. */
            success_criteria?: string;
            /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
            schema?: {
              [key: string]: unknown;
            };
          } | null;
          llm?: {
            /**
             * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
             * @enum {string}
             */
            provider?: "openai" | "custom";
            model?: string;
            temperature?: number;
            max_tokens?: number;
            /**
             * Format: uri
             * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
             */
            base_url?: string | null;
            /** Format: uri */
            webhook_url?: string | null;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
            fallbacks?: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature?: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          stt?: {
            /** @enum {string} */
            provider?: "deepgram" | "openai" | "whisper";
            model?: string;
            language?: string;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
            fallbacks?: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language?: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          endpointing?: {
            /** @description Silence that ends the caller's turn. */
            silence_ms?: number;
          };
          turn?: {
            /**
             * @description `fixed`, `adaptive` (default) or `model`.
             * @enum {string}
             */
            mode?: "fixed" | "adaptive" | "model";
            /** @description The shortest silence that may end a turn (adaptive and model modes). */
            min_silence_ms?: number;
            /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
            max_silence_ms?: number;
          };
          interruptions?: {
            enabled?: boolean;
            /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
            min_speech_ms?: number;
          };
          knowledge?: {
            /**
             * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
             * @enum {string}
             */
            mode?: "all" | "selected" | "none";
            source_ids?: string[];
            top_k?: number;
          };
          voice?: {
            /** @enum {string} */
            provider?: "espeak" | "flite" | "openai" | "elevenlabs";
            voice_id?: string;
            speed?: number;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
          };
          /** @description Merged over the agent's block (a new block needs provider, model and voice); null returns the agent to the pipeline. */
          realtime?: {
            /**
             * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
             * @enum {string}
             */
            provider?: "openai" | "gemini";
            /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
            model?: string;
            /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
            voice?: string;
            /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
            instructions_extra?: string;
            /**
             * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
             * @enum {string}
             */
            turn_detection?: "server_vad" | "semantic_vad" | "gateway";
            /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
            credential_id?: string | null;
          } | null;
        };
        "application/x-www-form-urlencoded": {
          name?: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          language?: string;
          tools?: {
            /** @enum {string} */
            type:
              | "end_call"
              | "transfer_call"
              | "send_dtmf"
              | "http"
              | "add_to_do_not_call"
              | "mcp"
              | "send_sms"
              | "warm_transfer";
            name?: string;
            description?: string;
            /** @description `http`: the JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            /**
             * Format: uri
             * @description `http`: the endpoint called.
             */
            url?: string;
            /**
             * @description `http`: default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
            timeout_ms?: number;
            /** @description `http`: sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
            target?: string;
            /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
            waiting_message?: string;
            /** @description `http`: default 1500. */
            waiting_delay_ms?: number;
            /**
             * @description `mcp`: how the server is reached; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
             * @example {
             *       "X-Customer-Id": "42"
             *     }
             */
            sip_headers?: {
              [key: string]: string;
            };
            /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
            briefing_prompt?: string;
            /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
            hold_message?: string;
            /**
             * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
             * @enum {string}
             */
            after_bridge?: "leave" | "listen";
          }[];
          /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
          tool_ids?: string[];
          silence?: {
            /** @description Silence before the agent reprompts (default 10000). */
            reprompt_ms?: number;
            /** @description Reprompts before a polite hang-up (default 1). */
            max_reprompts?: number;
            reprompt_message?: string;
            hangup_message?: string;
          };
          max_duration_s?: number;
          is_active?: boolean;
          metadata?: {
            [key: string]: unknown;
          };
          /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
          analysis?: {
            /** @description Write a short summary of the call. */
            summary: boolean;
            /** @description What makes the call a success; the analysis answers `success` against it. */
            success_criteria?: string;
            /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
            schema?: {
              [key: string]: unknown;
            };
          } | null;
          llm?: {
            /**
             * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
             * @enum {string}
             */
            provider?: "openai" | "custom";
            model?: string;
            temperature?: number;
            max_tokens?: number;
            /**
             * Format: uri
             * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
             */
            base_url?: string | null;
            /** Format: uri */
            webhook_url?: string | null;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
            fallbacks?: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature?: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          stt?: {
            /** @enum {string} */
            provider?: "deepgram" | "openai" | "whisper";
            model?: string;
            language?: string;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
            fallbacks?: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language?: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          endpointing?: {
            /** @description Silence that ends the caller's turn. */
            silence_ms?: number;
          };
          turn?: {
            /**
             * @description `fixed`, `adaptive` (default) or `model`.
             * @enum {string}
             */
            mode?: "fixed" | "adaptive" | "model";
            /** @description The shortest silence that may end a turn (adaptive and model modes). */
            min_silence_ms?: number;
            /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
            max_silence_ms?: number;
          };
          interruptions?: {
            enabled?: boolean;
            /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
            min_speech_ms?: number;
          };
          knowledge?: {
            /**
             * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
             * @enum {string}
             */
            mode?: "all" | "selected" | "none";
            source_ids?: string[];
            top_k?: number;
          };
          voice?: {
            /** @enum {string} */
            provider?: "espeak" | "flite" | "openai" | "elevenlabs";
            voice_id?: string;
            speed?: number;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
          };
          /** @description Merged over the agent's block (a new block needs provider, model and voice); null returns the agent to the pipeline. */
          realtime?: {
            /**
             * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
             * @enum {string}
             */
            provider?: "openai" | "gemini";
            /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
            model?: string;
            /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
            voice?: string;
            /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
            instructions_extra?: string;
            /**
             * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
             * @enum {string}
             */
            turn_detection?: "server_vad" | "semantic_vad" | "gateway";
            /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
            credential_id?: string | null;
          } | null;
        };
        "multipart/form-data": {
          name?: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          language?: string;
          tools?: {
            /** @enum {string} */
            type:
              | "end_call"
              | "transfer_call"
              | "send_dtmf"
              | "http"
              | "add_to_do_not_call"
              | "mcp"
              | "send_sms"
              | "warm_transfer";
            name?: string;
            description?: string;
            /** @description `http`: the JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            /**
             * Format: uri
             * @description `http`: the endpoint called.
             */
            url?: string;
            /**
             * @description `http`: default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
            timeout_ms?: number;
            /** @description `http`: sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
            target?: string;
            /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
            waiting_message?: string;
            /** @description `http`: default 1500. */
            waiting_delay_ms?: number;
            /**
             * @description `mcp`: how the server is reached; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
             * @example {
             *       "X-Customer-Id": "42"
             *     }
             */
            sip_headers?: {
              [key: string]: string;
            };
            /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
            briefing_prompt?: string;
            /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
            hold_message?: string;
            /**
             * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
             * @enum {string}
             */
            after_bridge?: "leave" | "listen";
          }[];
          /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
          tool_ids?: string[];
          silence?: {
            /** @description Silence before the agent reprompts (default 10000). */
            reprompt_ms?: number;
            /** @description Reprompts before a polite hang-up (default 1). */
            max_reprompts?: number;
            reprompt_message?: string;
            hangup_message?: string;
          };
          max_duration_s?: number;
          is_active?: boolean;
          metadata?: {
            [key: string]: unknown;
          };
          /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
          analysis?: {
            /** @description Write a short summary of the call. */
            summary: boolean;
            /** @description What makes the call a success; the analysis answers `success` against it. */
            success_criteria?: string;
            /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
            schema?: {
              [key: string]: unknown;
            };
          } | null;
          llm?: {
            /**
             * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
             * @enum {string}
             */
            provider?: "openai" | "custom";
            model?: string;
            temperature?: number;
            max_tokens?: number;
            /**
             * Format: uri
             * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
             */
            base_url?: string | null;
            /** Format: uri */
            webhook_url?: string | null;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
            fallbacks?: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature?: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          stt?: {
            /** @enum {string} */
            provider?: "deepgram" | "openai" | "whisper";
            model?: string;
            language?: string;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
            /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
            fallbacks?: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language?: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            }[];
          };
          endpointing?: {
            /** @description Silence that ends the caller's turn. */
            silence_ms?: number;
          };
          turn?: {
            /**
             * @description `fixed`, `adaptive` (default) or `model`.
             * @enum {string}
             */
            mode?: "fixed" | "adaptive" | "model";
            /** @description The shortest silence that may end a turn (adaptive and model modes). */
            min_silence_ms?: number;
            /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
            max_silence_ms?: number;
          };
          interruptions?: {
            enabled?: boolean;
            /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
            min_speech_ms?: number;
          };
          knowledge?: {
            /**
             * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
             * @enum {string}
             */
            mode?: "all" | "selected" | "none";
            source_ids?: string[];
            top_k?: number;
          };
          voice?: {
            /** @enum {string} */
            provider?: "espeak" | "flite" | "openai" | "elevenlabs";
            voice_id?: string;
            speed?: number;
            /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
            credential_id?: string | null;
          };
          /** @description Merged over the agent's block (a new block needs provider, model and voice); null returns the agent to the pipeline. */
          realtime?: {
            /**
             * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
             * @enum {string}
             */
            provider?: "openai" | "gemini";
            /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
            model?: string;
            /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
            voice?: string;
            /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
            instructions_extra?: string;
            /**
             * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
             * @enum {string}
             */
            turn_detection?: "server_vad" | "semantic_vad" | "gateway";
            /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
            credential_id?: string | null;
          } | null;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            system_prompt: string;
            /** @description Spoken on answer; empty waits for the caller. */
            first_message: string;
            voice: {
              /** @enum {string} */
              provider: "espeak" | "flite" | "openai" | "elevenlabs";
              voice_id: string;
              speed?: number;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
            };
            llm: {
              /**
               * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
               * @enum {string}
               */
              provider: "openai" | "custom";
              model: string;
              temperature: number;
              max_tokens?: number;
              /**
               * Format: uri
               * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
               */
              base_url?: string | null;
              /** Format: uri */
              webhook_url?: string | null;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
              /** @description Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's. */
              fallbacks?: {
                /**
                 * @description `openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).
                 * @enum {string}
                 */
                provider: "openai" | "custom";
                model: string;
                temperature?: number;
                max_tokens?: number;
                /**
                 * Format: uri
                 * @description An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).
                 */
                base_url?: string | null;
                /** Format: uri */
                webhook_url?: string | null;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
              }[];
            };
            stt: {
              /** @enum {string} */
              provider: "deepgram" | "openai" | "whisper";
              model: string;
              language: string;
              /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
              credential_id?: string | null;
              /** @description Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's. */
              fallbacks?: {
                /** @enum {string} */
                provider: "deepgram" | "openai" | "whisper";
                model: string;
                language?: string;
                /** @description A provider credential of your org (POST /provider-credentials); unset: the platform's key. */
                credential_id?: string | null;
              }[];
            };
            language: string;
            endpointing: {
              /** @description Silence that ends the caller's turn. */
              silence_ms: number;
            };
            turn: {
              /**
               * @description `fixed`, `adaptive` (default) or `model`.
               * @enum {string}
               */
              mode: "fixed" | "adaptive" | "model";
              /** @description The shortest silence that may end a turn (adaptive and model modes). */
              min_silence_ms: number;
              /** @description The longest the agent waits for an unfinished sentence (adaptive and model modes). */
              max_silence_ms: number;
            };
            interruptions: {
              enabled: boolean;
              /** @description Shorter speech (a cough, 'mm-hm') does not interrupt. */
              min_speech_ms: number;
            };
            tools: {
              /** @enum {string} */
              type:
                | "end_call"
                | "transfer_call"
                | "send_dtmf"
                | "http"
                | "add_to_do_not_call"
                | "mcp"
                | "send_sms"
                | "warm_transfer";
              name?: string;
              description?: string;
              /** @description `http`: the JSON Schema of the arguments the model sends. */
              parameters?: {
                [key: string]: unknown;
              };
              /**
               * Format: uri
               * @description `http`: the endpoint called.
               */
              url?: string;
              /**
               * @description `http`: default POST.
               * @enum {string}
               */
              method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
              /** @description `http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000). */
              timeout_ms?: number;
              /** @description `http`: sent with every request. */
              headers?: {
                [key: string]: string;
              };
              /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
              secret_headers?: {
                [key: string]: {
                  credential_id: string;
                  /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                  template?: string;
                };
              };
              /** @description `transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses. */
              target?: string;
              /** @description `http`: what the agent says when the call has not answered after `waiting_delay_ms`. */
              waiting_message?: string;
              /** @description `http`: default 1500. */
              waiting_delay_ms?: number;
              /**
               * @description `mcp`: how the server is reached; default streamable_http.
               * @enum {string}
               */
              transport?: "streamable_http" | "sse";
              /** @description `mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`. */
              mcp_tools?: {
                name: string;
                description: string;
                /** @description The JSON Schema of the tool's arguments, as the server listed it. */
                input_schema: {
                  [key: string]: unknown;
                };
              }[];
              /**
               * @description `transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI (`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.
               * @example {
               *       "X-Customer-Id": "42"
               *     }
               */
              sip_headers?: {
                [key: string]: string;
              };
              /** @description `warm_transfer`: how to summarise the call for the person taking over; the model may add its own. */
              briefing_prompt?: string;
              /** @description `warm_transfer`: said to the caller before the hold music while the destination is dialled. */
              hold_message?: string;
              /**
               * @description `warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).
               * @enum {string}
               */
              after_bridge?: "leave" | "listen";
            }[];
            /** @description Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`. */
            tool_ids: string[];
            knowledge: {
              /**
               * @description `all` of the org's sources, the `selected` ones in `source_ids`, or `none`.
               * @enum {string}
               */
              mode: "all" | "selected" | "none";
              source_ids: string[];
              top_k: number;
            };
            silence: {
              /** @description Silence before the agent reprompts (default 10000). */
              reprompt_ms?: number;
              /** @description Reprompts before a polite hang-up (default 1). */
              max_reprompts?: number;
              reprompt_message?: string;
              hangup_message?: string;
            };
            max_duration_s: number;
            /** @description A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline. */
            realtime: {
              /**
               * @description `openai` (the Realtime API) or `gemini` (Gemini Live).
               * @enum {string}
               */
              provider: "openai" | "gemini";
              /** @description The provider's speech-to-speech model, e.g. `gpt-realtime` or `gemini-live-2.5-flash-preview`. */
              model: string;
              /** @description The provider's voice name, e.g. `marin` (OpenAI) or `Puck` (Gemini). */
              voice: string;
              /** @description Added after the system prompt in the model's instructions (delivery, pacing, accent). */
              instructions_extra?: string;
              /**
               * @description `server_vad` (default): the provider detects the end of speech; `semantic_vad`: OpenAI only, the model judges whether the caller finished; `gateway`: the gateway's VAD and endpointing decide and ask for the response.
               * @enum {string}
               */
              turn_detection?: "server_vad" | "semantic_vad" | "gateway";
              /** @description A provider credential of your org (POST /provider-credentials) of the provider's kind; unset: the platform's key. */
              credential_id?: string | null;
            } | null;
            /** @description One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none. */
            analysis: {
              /** @description Write a short summary of the call. */
              summary: boolean;
              /** @description What makes the call a success; the analysis answers `success` against it. */
              success_criteria?: string;
              /** @description A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv. */
              schema?: {
                [key: string]: unknown;
              };
            } | null;
            is_active: boolean;
            metadata: {
              [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  synthesizeAgentVoiceSample: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        agent_id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /** @description What the voice says; omitted: "Hello! This is how I sound on a call. How can I help you today?" */
          text?: string;
        };
        "application/x-www-form-urlencoded": {
          /** @description What the voice says; omitted: "Hello! This is how I sound on a call. How can I help you today?" */
          text?: string;
        };
        "multipart/form-data": {
          /** @description What the voice says; omitted: "Hello! This is how I sound on a call. How can I help you today?" */
          text?: string;
        };
      };
    };
    responses: {
      /** @description The sample. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "audio/wav": string;
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `voice_sample_failed`: The agent's voice provider failed to synthesise the sample. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `voice_sample_timeout`: No gateway answered the voice sample request within 10 s. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listProviderCredentials: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /** @enum {string} */
              provider:
                | "openai"
                | "openai_compatible"
                | "deepgram"
                | "elevenlabs"
                | "gemini"
                | "custom"
                | "twilio"
                | "telnyx";
              name: string;
              base_url: string | null;
              /** @description The key's first characters; the key itself is never shown again. */
              api_key_prefix: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createProviderCredential: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description `openai`, `deepgram`, `elevenlabs`, `gemini` (Gemini Live, for realtime agents), `openai_compatible`: any OpenAI-compatible endpoint at `base_url` (vLLM, Ollama, Groq, Together...), `custom`: a key for your own tools' `secret_headers`, sent to no provider, or your own carrier account when the operator allows it (ORG_CARRIER_CREDENTIALS): `twilio` (`api_key` is `ACCOUNT_SID:AUTH_TOKEN`) or `telnyx` (its API key), used for your numbers and SMS.
           * @enum {string}
           */
          provider:
            | "openai"
            | "openai_compatible"
            | "deepgram"
            | "elevenlabs"
            | "gemini"
            | "custom"
            | "twilio"
            | "telnyx";
          /** @description The provider's API key; empty for endpoints that need none (a local Ollama or vLLM). */
          api_key: string;
          /** @description `openai`, `openai_compatible` (required), and `twilio` / `telnyx` (a regional API host). Must be a public http(s) URL unless the operator set ALLOW_PRIVATE_URLS. */
          base_url?: string | null;
          name?: string;
        };
        "application/x-www-form-urlencoded": {
          /**
           * @description `openai`, `deepgram`, `elevenlabs`, `gemini` (Gemini Live, for realtime agents), `openai_compatible`: any OpenAI-compatible endpoint at `base_url` (vLLM, Ollama, Groq, Together...), `custom`: a key for your own tools' `secret_headers`, sent to no provider, or your own carrier account when the operator allows it (ORG_CARRIER_CREDENTIALS): `twilio` (`api_key` is `ACCOUNT_SID:AUTH_TOKEN`) or `telnyx` (its API key), used for your numbers and SMS.
           * @enum {string}
           */
          provider:
            | "openai"
            | "openai_compatible"
            | "deepgram"
            | "elevenlabs"
            | "gemini"
            | "custom"
            | "twilio"
            | "telnyx";
          /** @description The provider's API key; empty for endpoints that need none (a local Ollama or vLLM). */
          api_key: string;
          /** @description `openai`, `openai_compatible` (required), and `twilio` / `telnyx` (a regional API host). Must be a public http(s) URL unless the operator set ALLOW_PRIVATE_URLS. */
          base_url?: string | null;
          name?: string;
        };
        "multipart/form-data": {
          /**
           * @description `openai`, `deepgram`, `elevenlabs`, `gemini` (Gemini Live, for realtime agents), `openai_compatible`: any OpenAI-compatible endpoint at `base_url` (vLLM, Ollama, Groq, Together...), `custom`: a key for your own tools' `secret_headers`, sent to no provider, or your own carrier account when the operator allows it (ORG_CARRIER_CREDENTIALS): `twilio` (`api_key` is `ACCOUNT_SID:AUTH_TOKEN`) or `telnyx` (its API key), used for your numbers and SMS.
           * @enum {string}
           */
          provider:
            | "openai"
            | "openai_compatible"
            | "deepgram"
            | "elevenlabs"
            | "gemini"
            | "custom"
            | "twilio"
            | "telnyx";
          /** @description The provider's API key; empty for endpoints that need none (a local Ollama or vLLM). */
          api_key: string;
          /** @description `openai`, `openai_compatible` (required), and `twilio` / `telnyx` (a regional API host). Must be a public http(s) URL unless the operator set ALLOW_PRIVATE_URLS. */
          base_url?: string | null;
          name?: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            provider:
              | "openai"
              | "openai_compatible"
              | "deepgram"
              | "elevenlabs"
              | "gemini"
              | "custom"
              | "twilio"
              | "telnyx";
            name: string;
            base_url: string | null;
            /** @description The key's first characters; the key itself is never shown again. */
            api_key_prefix: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       *
       *     `invalid_url`: The URL is not one the platform may fetch.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteProviderCredential: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `credential_in_use`: An agent names this credential. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rotateSigningSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description The new `whsec_` secret, shown only in this response. */
            secret: string;
            prefix: string;
            /**
             * Format: date-time
             * @description Until then requests also carry a signature with the previous secret.
             */
            previous_expires_at: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listPhoneNumbers: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /** @description E.164 */
              phone_number: string;
              country: string;
              region: string | null;
              /** @enum {string} */
              status: "active" | "suspended" | "pending";
              agent_id: string | null;
              forwarding: {
                /** @description E.164 number calls are forwarded to. */
                forward_to: string;
                /**
                 * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
                 * @enum {string}
                 */
                mode: "no_agent" | "no_credits" | "always";
              } | null;
              monthly_cost_cents: number;
              /** Format: date-time */
              renews_at: string;
              /** Format: date-time */
              created_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  buyPhoneNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description A number search returned (E.164). */
          phone_number?: string;
          /** @description Any available number there. */
          area_code?: string;
          country?: string;
          /** @description Attach to this agent right away. */
          agent_id?: string;
        };
        "application/x-www-form-urlencoded": {
          /** @description A number search returned (E.164). */
          phone_number?: string;
          /** @description Any available number there. */
          area_code?: string;
          country?: string;
          /** @description Attach to this agent right away. */
          agent_id?: string;
        };
        "multipart/form-data": {
          /** @description A number search returned (E.164). */
          phone_number?: string;
          /** @description Any available number there. */
          area_code?: string;
          country?: string;
          /** @description Attach to this agent right away. */
          agent_id?: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `not_found`: No such resource in your org (another org's resource is a 404 too).
       *
       *     `no_numbers_available`: No number is available in that area code.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `number_unavailable`: The number is no longer available to buy.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `number_carrier_failed`: The number's carrier (Twilio, Telnyx) refused or could not be reached; nothing was bought or charged. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  searchPhoneNumbers: {
    parameters: {
      query?: {
        country?: string;
        area_code?: string;
        contains?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              phone_number: string;
              country: string;
              region: string | null;
              monthly_cost_cents: number;
            }[];
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `number_carrier_failed`: The number's carrier (Twilio, Telnyx) refused or could not be reached; nothing was bought or charged. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getPhoneNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  releasePhoneNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Released. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `number_carrier_failed`: The number's carrier (Twilio, Telnyx) refused or could not be reached; nothing was bought or charged. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  attachPhoneNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description null detaches. */
          agent_id: string | null;
        };
        "application/x-www-form-urlencoded": {
          /** @description null detaches. */
          agent_id: string | null;
        };
        "multipart/form-data": {
          /** @description null detaches. */
          agent_id: string | null;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  detachPhoneNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updatePhoneNumberForwarding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description E.164; null turns forwarding off. */
          forward_to: string | null;
          /**
           * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
           * @enum {string}
           */
          mode?: "no_agent" | "no_credits" | "always";
        };
        "application/x-www-form-urlencoded": {
          /** @description E.164; null turns forwarding off. */
          forward_to: string | null;
          /**
           * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
           * @enum {string}
           */
          mode?: "no_agent" | "no_credits" | "always";
        };
        "multipart/form-data": {
          /** @description E.164; null turns forwarding off. */
          forward_to: string | null;
          /**
           * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
           * @enum {string}
           */
          mode?: "no_agent" | "no_credits" | "always";
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listManagedNumbers: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /** @description E.164 */
              phone_number: string;
              country: string;
              region: string | null;
              /** @enum {string} */
              status: "active" | "suspended" | "pending";
              agent_id: string | null;
              forwarding: {
                /** @description E.164 number calls are forwarded to. */
                forward_to: string;
                /**
                 * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
                 * @enum {string}
                 */
                mode: "no_agent" | "no_credits" | "always";
              } | null;
              monthly_cost_cents: number;
              /** Format: date-time */
              renews_at: string;
              /** Format: date-time */
              created_at: string;
              system_prompt: string | null;
              first_message: string | null;
              voice_id: string | null;
              webhook_url: string | null;
              /**
               * @description null while no agent is attached.
               * @enum {string|null}
               */
              inbound_mode: "autopilot" | null;
              metadata: {
                [key: string]: unknown;
              };
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createManagedNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Any available number there. */
          area_code: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          /** @description An ElevenLabs voice id: the agent speaks with it. */
          voice_id?: string;
          /**
           * @description `autopilot`, the only mode: the agent answers every call.
           * @constant
           */
          inbound_mode?: "autopilot";
          metadata?: {
            [key: string]: unknown;
          };
          /**
           * Format: uri
           * @description Your LLM endpoint (OpenAI chat-completions request, SSE response): the agent's `llm` becomes `{provider: custom, webhook_url}`. Unset: the platform's LLM answers with `system_prompt`.
           */
          webhook_url?: string;
        };
        "application/x-www-form-urlencoded": {
          /** @description Any available number there. */
          area_code: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          /** @description An ElevenLabs voice id: the agent speaks with it. */
          voice_id?: string;
          /**
           * @description `autopilot`, the only mode: the agent answers every call.
           * @constant
           */
          inbound_mode?: "autopilot";
          metadata?: {
            [key: string]: unknown;
          };
          /**
           * Format: uri
           * @description Your LLM endpoint (OpenAI chat-completions request, SSE response): the agent's `llm` becomes `{provider: custom, webhook_url}`. Unset: the platform's LLM answers with `system_prompt`.
           */
          webhook_url?: string;
        };
        "multipart/form-data": {
          /** @description Any available number there. */
          area_code: string;
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          /** @description An ElevenLabs voice id: the agent speaks with it. */
          voice_id?: string;
          /**
           * @description `autopilot`, the only mode: the agent answers every call.
           * @constant
           */
          inbound_mode?: "autopilot";
          metadata?: {
            [key: string]: unknown;
          };
          /**
           * Format: uri
           * @description Your LLM endpoint (OpenAI chat-completions request, SSE response): the agent's `llm` becomes `{provider: custom, webhook_url}`. Unset: the platform's LLM answers with `system_prompt`.
           */
          webhook_url?: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
            system_prompt: string | null;
            first_message: string | null;
            voice_id: string | null;
            webhook_url: string | null;
            /**
             * @description null while no agent is attached.
             * @enum {string|null}
             */
            inbound_mode: "autopilot" | null;
            metadata: {
              [key: string]: unknown;
            };
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `no_numbers_available`: No number is available in that area code. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getManagedNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
            system_prompt: string | null;
            first_message: string | null;
            voice_id: string | null;
            webhook_url: string | null;
            /**
             * @description null while no agent is attached.
             * @enum {string|null}
             */
            inbound_mode: "autopilot" | null;
            metadata: {
              [key: string]: unknown;
            };
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  releaseManagedNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Released. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateManagedNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          /** @description An ElevenLabs voice id: the agent speaks with it. */
          voice_id?: string;
          /**
           * @description `autopilot`, the only mode: the agent answers every call.
           * @constant
           */
          inbound_mode?: "autopilot";
          metadata?: {
            [key: string]: unknown;
          };
          /**
           * Format: uri
           * @description Your LLM endpoint (OpenAI chat-completions request, SSE response): the agent's `llm` becomes `{provider: custom, webhook_url}`. Unset: the platform's LLM answers with `system_prompt`.
           */
          webhook_url?: string | null;
        };
        "application/x-www-form-urlencoded": {
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          /** @description An ElevenLabs voice id: the agent speaks with it. */
          voice_id?: string;
          /**
           * @description `autopilot`, the only mode: the agent answers every call.
           * @constant
           */
          inbound_mode?: "autopilot";
          metadata?: {
            [key: string]: unknown;
          };
          /**
           * Format: uri
           * @description Your LLM endpoint (OpenAI chat-completions request, SSE response): the agent's `llm` becomes `{provider: custom, webhook_url}`. Unset: the platform's LLM answers with `system_prompt`.
           */
          webhook_url?: string | null;
        };
        "multipart/form-data": {
          system_prompt?: string;
          /** @description Spoken on answer; empty waits for the caller. */
          first_message?: string;
          /** @description An ElevenLabs voice id: the agent speaks with it. */
          voice_id?: string;
          /**
           * @description `autopilot`, the only mode: the agent answers every call.
           * @constant
           */
          inbound_mode?: "autopilot";
          metadata?: {
            [key: string]: unknown;
          };
          /**
           * Format: uri
           * @description Your LLM endpoint (OpenAI chat-completions request, SSE response): the agent's `llm` becomes `{provider: custom, webhook_url}`. Unset: the platform's LLM answers with `system_prompt`.
           */
          webhook_url?: string | null;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @description E.164 */
            phone_number: string;
            country: string;
            region: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "pending";
            agent_id: string | null;
            forwarding: {
              /** @description E.164 number calls are forwarded to. */
              forward_to: string;
              /**
               * @description `no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of credits or the number is suspended. `always`: forward every call.
               * @enum {string}
               */
              mode: "no_agent" | "no_credits" | "always";
            } | null;
            monthly_cost_cents: number;
            /** Format: date-time */
            renews_at: string;
            /** Format: date-time */
            created_at: string;
            system_prompt: string | null;
            first_message: string | null;
            voice_id: string | null;
            webhook_url: string | null;
            /**
             * @description null while no agent is attached.
             * @enum {string|null}
             */
            inbound_mode: "autopilot" | null;
            metadata: {
              [key: string]: unknown;
            };
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `number_has_no_agent`: The number has no agent to configure. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listTrunks: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              name: string;
              inbound_cidrs: string[];
              inbound_username: string | null;
              has_inbound_password: boolean;
              outbound_uri: string | null;
              outbound_username: string | null;
              has_outbound_password: boolean;
              caller_id: {
                /** @description E.164 caller id to present. */
                default_caller_id: string | null;
                /** @description Whether an outbound call's from_number is presented as is. */
                allow_from_number: boolean;
              };
              destination_countries: string[];
              destination_prefixes: string[];
              created_at: string;
              updated_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createTrunk: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          /** @description Source addresses trusted for inbound calls. */
          inbound_cidrs?: string[];
          inbound_username?: string | null;
          inbound_password?: string | null;
          /** @description Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp). */
          outbound_uri?: string | null;
          outbound_username?: string | null;
          outbound_password?: string | null;
          caller_id?: {
            /** @description E.164 caller id to present. */
            default_caller_id?: string | null;
            /** @description Whether an outbound call's from_number is presented as is. */
            allow_from_number?: boolean;
          };
          /** @description ISO 3166-1 countries outbound calls may reach (toll-fraud guard). */
          destination_countries?: string[];
          /** @description E.164 prefixes outbound calls may reach, e.g. `+1415`. */
          destination_prefixes?: string[];
        };
        "application/x-www-form-urlencoded": {
          name: string;
          /** @description Source addresses trusted for inbound calls. */
          inbound_cidrs?: string[];
          inbound_username?: string | null;
          inbound_password?: string | null;
          /** @description Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp). */
          outbound_uri?: string | null;
          outbound_username?: string | null;
          outbound_password?: string | null;
          caller_id?: {
            /** @description E.164 caller id to present. */
            default_caller_id?: string | null;
            /** @description Whether an outbound call's from_number is presented as is. */
            allow_from_number?: boolean;
          };
          /** @description ISO 3166-1 countries outbound calls may reach (toll-fraud guard). */
          destination_countries?: string[];
          /** @description E.164 prefixes outbound calls may reach, e.g. `+1415`. */
          destination_prefixes?: string[];
        };
        "multipart/form-data": {
          name: string;
          /** @description Source addresses trusted for inbound calls. */
          inbound_cidrs?: string[];
          inbound_username?: string | null;
          inbound_password?: string | null;
          /** @description Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp). */
          outbound_uri?: string | null;
          outbound_username?: string | null;
          outbound_password?: string | null;
          caller_id?: {
            /** @description E.164 caller id to present. */
            default_caller_id?: string | null;
            /** @description Whether an outbound call's from_number is presented as is. */
            allow_from_number?: boolean;
          };
          /** @description ISO 3166-1 countries outbound calls may reach (toll-fraud guard). */
          destination_countries?: string[];
          /** @description E.164 prefixes outbound calls may reach, e.g. `+1415`. */
          destination_prefixes?: string[];
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            inbound_cidrs: string[];
            inbound_username: string | null;
            has_inbound_password: boolean;
            outbound_uri: string | null;
            outbound_username: string | null;
            has_outbound_password: boolean;
            caller_id: {
              /** @description E.164 caller id to present. */
              default_caller_id: string | null;
              /** @description Whether an outbound call's from_number is presented as is. */
              allow_from_number: boolean;
            };
            destination_countries: string[];
            destination_prefixes: string[];
            created_at: string;
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `conflict`: The change conflicts with the resource's current state.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTrunk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        trunk_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            inbound_cidrs: string[];
            inbound_username: string | null;
            has_inbound_password: boolean;
            outbound_uri: string | null;
            outbound_username: string | null;
            has_outbound_password: boolean;
            caller_id: {
              /** @description E.164 caller id to present. */
              default_caller_id: string | null;
              /** @description Whether an outbound call's from_number is presented as is. */
              allow_from_number: boolean;
            };
            destination_countries: string[];
            destination_prefixes: string[];
            created_at: string;
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteTrunk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        trunk_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateTrunk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        trunk_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          /** @description Source addresses trusted for inbound calls. */
          inbound_cidrs?: string[];
          inbound_username?: string | null;
          inbound_password?: string | null;
          /** @description Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp). */
          outbound_uri?: string | null;
          outbound_username?: string | null;
          outbound_password?: string | null;
          caller_id?: {
            /** @description E.164 caller id to present. */
            default_caller_id?: string | null;
            /** @description Whether an outbound call's from_number is presented as is. */
            allow_from_number?: boolean;
          };
          /** @description ISO 3166-1 countries outbound calls may reach (toll-fraud guard). */
          destination_countries?: string[];
          /** @description E.164 prefixes outbound calls may reach, e.g. `+1415`. */
          destination_prefixes?: string[];
        };
        "application/x-www-form-urlencoded": {
          name?: string;
          /** @description Source addresses trusted for inbound calls. */
          inbound_cidrs?: string[];
          inbound_username?: string | null;
          inbound_password?: string | null;
          /** @description Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp). */
          outbound_uri?: string | null;
          outbound_username?: string | null;
          outbound_password?: string | null;
          caller_id?: {
            /** @description E.164 caller id to present. */
            default_caller_id?: string | null;
            /** @description Whether an outbound call's from_number is presented as is. */
            allow_from_number?: boolean;
          };
          /** @description ISO 3166-1 countries outbound calls may reach (toll-fraud guard). */
          destination_countries?: string[];
          /** @description E.164 prefixes outbound calls may reach, e.g. `+1415`. */
          destination_prefixes?: string[];
        };
        "multipart/form-data": {
          name?: string;
          /** @description Source addresses trusted for inbound calls. */
          inbound_cidrs?: string[];
          inbound_username?: string | null;
          inbound_password?: string | null;
          /** @description Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp). */
          outbound_uri?: string | null;
          outbound_username?: string | null;
          outbound_password?: string | null;
          caller_id?: {
            /** @description E.164 caller id to present. */
            default_caller_id?: string | null;
            /** @description Whether an outbound call's from_number is presented as is. */
            allow_from_number?: boolean;
          };
          /** @description ISO 3166-1 countries outbound calls may reach (toll-fraud guard). */
          destination_countries?: string[];
          /** @description E.164 prefixes outbound calls may reach, e.g. `+1415`. */
          destination_prefixes?: string[];
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            inbound_cidrs: string[];
            inbound_username: string | null;
            has_inbound_password: boolean;
            outbound_uri: string | null;
            outbound_username: string | null;
            has_outbound_password: boolean;
            caller_id: {
              /** @description E.164 caller id to present. */
              default_caller_id: string | null;
              /** @description Whether an outbound call's from_number is presented as is. */
              allow_from_number: boolean;
            };
            destination_countries: string[];
            destination_prefixes: string[];
            created_at: string;
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `conflict`: The change conflicts with the resource's current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCreditBalance: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            balance_cents: number;
            /** @constant */
            currency: "usd";
            low_balance_threshold_cents: number;
            /** @description What the org pays: its own rates where the operator set them, else the platform's. */
            rates: {
              number_monthly_cents: number;
              outbound_cents_per_minute: number;
              inbound_cents_per_minute: number;
              web_cents_per_minute: number;
            };
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listCreditTransactions: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /** @enum {string} */
              kind:
                | "purchase"
                | "number_purchase"
                | "number_renewal"
                | "call_usage"
                | "sms_usage"
                | "adjustment"
                | "refund"
                | "grant"
                | "correction";
              /** @description Signed: credits are positive, spending negative. */
              amount_cents: number;
              balance_after_cents: number;
              reference: string | null;
              description: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  purchaseCredits: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Credits to buy, in cents ($1.00 to $100,000.00). */
          amount_cents: number;
        };
        "application/x-www-form-urlencoded": {
          /** @description Credits to buy, in cents ($1.00 to $100,000.00). */
          amount_cents: number;
        };
        "multipart/form-data": {
          /** @description Credits to buy, in cents ($1.00 to $100,000.00). */
          amount_cents: number;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {string} */
            status: "succeeded" | "pending";
            provider: string;
            transaction: {
              id: string;
              /** @enum {string} */
              kind:
                | "purchase"
                | "number_purchase"
                | "number_renewal"
                | "call_usage"
                | "sms_usage"
                | "adjustment"
                | "refund"
                | "grant"
                | "correction";
              /** @description Signed: credits are positive, spending negative. */
              amount_cents: number;
              balance_after_cents: number;
              reference: string | null;
              description: string | null;
              /** Format: date-time */
              created_at: string;
            } | null;
            balance_cents: number;
            /** @description Where to pay, when the payment provider takes the card on its own page (Stripe Checkout). */
            checkout_url: string | null;
          };
        };
      };
      /** @description Accepted. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {string} */
            status: "succeeded" | "pending";
            provider: string;
            transaction: {
              id: string;
              /** @enum {string} */
              kind:
                | "purchase"
                | "number_purchase"
                | "number_renewal"
                | "call_usage"
                | "sms_usage"
                | "adjustment"
                | "refund"
                | "grant"
                | "correction";
              /** @description Signed: credits are positive, spending negative. */
              amount_cents: number;
              balance_after_cents: number;
              reference: string | null;
              description: string | null;
              /** Format: date-time */
              created_at: string;
            } | null;
            balance_cents: number;
            /** @description Where to pay, when the payment provider takes the card on its own page (Stripe Checkout). */
            checkout_url: string | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `payment_provider_not_configured`: No payment provider is configured: the operator grants credits instead.
       *
       *     `payment_failed`: The payment provider declined the payment.
       */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCreditSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description A `credits.low` webhook is sent when the balance falls below this. */
            low_balance_threshold_cents: number;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateCreditSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description null restores the platform default. */
          low_balance_threshold_cents: number | null;
        };
        "application/x-www-form-urlencoded": {
          /** @description null restores the platform default. */
          low_balance_threshold_cents: number | null;
        };
        "multipart/form-data": {
          /** @description null restores the platform default. */
          low_balance_threshold_cents: number | null;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description A `credits.low` webhook is sent when the balance falls below this. */
            low_balance_threshold_cents: number;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getAutoRecharge: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            enabled: boolean;
            /** @description A debit taking the balance below this buys credits. */
            threshold_cents: number;
            /** @description Credits bought each time. */
            amount_cents: number;
            /** @description A card was saved at a Checkout purchase (POST /credits/purchase with Stripe). */
            card_saved: boolean;
            /** @description Why the last charge failed (auto-recharge was turned off). */
            last_error: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  setAutoRecharge: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          enabled: boolean;
          threshold_cents: number;
          amount_cents: number;
        };
        "application/x-www-form-urlencoded": {
          enabled: boolean;
          threshold_cents: number;
          amount_cents: number;
        };
        "multipart/form-data": {
          enabled: boolean;
          threshold_cents: number;
          amount_cents: number;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            enabled: boolean;
            /** @description A debit taking the balance below this buys credits. */
            threshold_cents: number;
            /** @description Credits bought each time. */
            amount_cents: number;
            /** @description A card was saved at a Checkout purchase (POST /credits/purchase with Stripe). */
            card_saved: boolean;
            /** @description Why the last charge failed (auto-recharge was turned off). */
            last_error: string | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `payment_provider_not_configured`: No payment provider is configured: the operator grants credits instead. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `conflict`: The change conflicts with the resource's current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listKnowledgeSources: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              external_id: string | null;
              /** @enum {string} */
              kind: "text" | "url" | "file";
              title: string;
              /**
               * @description Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.
               * @enum {string}
               */
              status: "pending" | "processing" | "ready" | "failed";
              error: string | null;
              /** @description Percent of chunks embedded. */
              progress: number;
              chunk_count: number;
              /** @description SHA-256 of the extracted text; the same content is not re-embedded. */
              content_hash: string;
              /** @description Length of the extracted text. */
              characters: number;
              url: string | null;
              file_name: string | null;
              embedding_model: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
              /** Format: date-time */
              embedded_at: string | null;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  searchKnowledge: {
    parameters: {
      query: {
        q: string;
        agent_id?: string;
        k?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              source_id: string;
              title: string;
              text: string;
              /** @description Cosine similarity, -1..1. */
              score: number;
              tokens: number;
            }[];
            /** @description Tokens of the passages returned; never more than the token budget. */
            tokens: number;
            token_budget: number;
            embed_ms: number;
            search_ms: number;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `embedding_model_unavailable`: The embedding model is not available on this instance. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getKnowledgeSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        source_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            external_id: string | null;
            /** @enum {string} */
            kind: "text" | "url" | "file";
            title: string;
            /**
             * @description Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.
             * @enum {string}
             */
            status: "pending" | "processing" | "ready" | "failed";
            error: string | null;
            /** @description Percent of chunks embedded. */
            progress: number;
            chunk_count: number;
            /** @description SHA-256 of the extracted text; the same content is not re-embedded. */
            content_hash: string;
            /** @description Length of the extracted text. */
            characters: number;
            url: string | null;
            file_name: string | null;
            embedding_model: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            embedded_at: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteKnowledgeSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        source_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createTextKnowledgeSource: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          title: string;
          content: string;
        };
        "application/x-www-form-urlencoded": {
          title: string;
          content: string;
        };
        "multipart/form-data": {
          title: string;
          content: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            external_id: string | null;
            /** @enum {string} */
            kind: "text" | "url" | "file";
            title: string;
            /**
             * @description Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.
             * @enum {string}
             */
            status: "pending" | "processing" | "ready" | "failed";
            error: string | null;
            /** @description Percent of chunks embedded. */
            progress: number;
            chunk_count: number;
            /** @description SHA-256 of the extracted text; the same content is not re-embedded. */
            content_hash: string;
            /** @description Length of the extracted text. */
            characters: number;
            url: string | null;
            file_name: string | null;
            embedding_model: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            embedded_at: string | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createUrlKnowledgeSource: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description http(s) page, PDF, DOCX or text file. */
          url: string;
          title?: string;
        };
        "application/x-www-form-urlencoded": {
          /** @description http(s) page, PDF, DOCX or text file. */
          url: string;
          title?: string;
        };
        "multipart/form-data": {
          /** @description http(s) page, PDF, DOCX or text file. */
          url: string;
          title?: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            external_id: string | null;
            /** @enum {string} */
            kind: "text" | "url" | "file";
            title: string;
            /**
             * @description Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.
             * @enum {string}
             */
            status: "pending" | "processing" | "ready" | "failed";
            error: string | null;
            /** @description Percent of chunks embedded. */
            progress: number;
            chunk_count: number;
            /** @description SHA-256 of the extracted text; the same content is not re-embedded. */
            content_hash: string;
            /** @description Length of the extracted text. */
            characters: number;
            url: string | null;
            file_name: string | null;
            embedding_model: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            embedded_at: string | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `document_too_large`: The document is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `unsupported_media_type`: The document is not a supported type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       *
       *     `invalid_document`: The file could not be read as the type it claims.
       *
       *     `invalid_url`: The URL is not one the platform may fetch.
       *
       *     `url_fetch_failed`: The URL could not be fetched.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  uploadKnowledgeFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          /**
           * Format: binary
           * @description PDF, DOCX, TXT or Markdown.
           */
          file: Blob;
          title?: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            external_id: string | null;
            /** @enum {string} */
            kind: "text" | "url" | "file";
            title: string;
            /**
             * @description Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.
             * @enum {string}
             */
            status: "pending" | "processing" | "ready" | "failed";
            error: string | null;
            /** @description Percent of chunks embedded. */
            progress: number;
            chunk_count: number;
            /** @description SHA-256 of the extracted text; the same content is not re-embedded. */
            content_hash: string;
            /** @description Length of the extracted text. */
            characters: number;
            url: string | null;
            file_name: string | null;
            embedding_model: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            embedded_at: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `document_too_large`: The document is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `unsupported_media_type`: The document is not a supported type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       *
       *     `invalid_document`: The file could not be read as the type it claims.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  upsertExternalKnowledgeSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        external_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description Defaults to `url` when `url` is given, else `text`.
           * @enum {string}
           */
          kind?: "text" | "url";
          title?: string;
          content?: string;
          /** @description http(s) page, PDF, DOCX or text file. */
          url?: string;
        };
        "application/x-www-form-urlencoded": {
          /**
           * @description Defaults to `url` when `url` is given, else `text`.
           * @enum {string}
           */
          kind?: "text" | "url";
          title?: string;
          content?: string;
          /** @description http(s) page, PDF, DOCX or text file. */
          url?: string;
        };
        "multipart/form-data": {
          /**
           * @description Defaults to `url` when `url` is given, else `text`.
           * @enum {string}
           */
          kind?: "text" | "url";
          title?: string;
          content?: string;
          /** @description http(s) page, PDF, DOCX or text file. */
          url?: string;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            external_id: string | null;
            /** @enum {string} */
            kind: "text" | "url" | "file";
            title: string;
            /**
             * @description Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.
             * @enum {string}
             */
            status: "pending" | "processing" | "ready" | "failed";
            error: string | null;
            /** @description Percent of chunks embedded. */
            progress: number;
            chunk_count: number;
            /** @description SHA-256 of the extracted text; the same content is not re-embedded. */
            content_hash: string;
            /** @description Length of the extracted text. */
            characters: number;
            url: string | null;
            file_name: string | null;
            embedding_model: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            embedded_at: string | null;
          };
        };
      };
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            external_id: string | null;
            /** @enum {string} */
            kind: "text" | "url" | "file";
            title: string;
            /**
             * @description Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.
             * @enum {string}
             */
            status: "pending" | "processing" | "ready" | "failed";
            error: string | null;
            /** @description Percent of chunks embedded. */
            progress: number;
            chunk_count: number;
            /** @description SHA-256 of the extracted text; the same content is not re-embedded. */
            content_hash: string;
            /** @description Length of the extracted text. */
            characters: number;
            url: string | null;
            file_name: string | null;
            embedding_model: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            embedded_at: string | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `document_too_large`: The document is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `unsupported_media_type`: The document is not a supported type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `invalid_document`: The file could not be read as the type it claims.
       *
       *     `invalid_url`: The URL is not one the platform may fetch.
       *
       *     `url_fetch_failed`: The URL could not be fetched.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteExternalKnowledgeSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        external_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              url: string;
              events: string[];
              description: string;
              enabled: boolean;
              disabled_reason: string | null;
              /** Format: date-time */
              previous_secret_expires_at: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Public http(s) URL that receives POSTs. */
          url: string;
          /** @description Events to receive; empty or omitted: all of them. */
          events?: (
            | "call.started"
            | "call.ended"
            | "call.failed"
            | "call.transcript.ready"
            | "call.recording.ready"
            | "call.analysis.ready"
            | "sms.sent"
            | "sms.received"
            | "sms.failed"
            | "number.suspended"
            | "credits.low"
            | "credits.auto_recharge_failed"
            | "campaign.started"
            | "campaign.paused"
            | "campaign.completed"
            | "lead.completed"
          )[];
          description?: string;
          enabled?: boolean;
        };
        "application/x-www-form-urlencoded": {
          /** @description Public http(s) URL that receives POSTs. */
          url: string;
          /** @description Events to receive; empty or omitted: all of them. */
          events?: (
            | "call.started"
            | "call.ended"
            | "call.failed"
            | "call.transcript.ready"
            | "call.recording.ready"
            | "call.analysis.ready"
            | "sms.sent"
            | "sms.received"
            | "sms.failed"
            | "number.suspended"
            | "credits.low"
            | "credits.auto_recharge_failed"
            | "campaign.started"
            | "campaign.paused"
            | "campaign.completed"
            | "lead.completed"
          )[];
          description?: string;
          enabled?: boolean;
        };
        "multipart/form-data": {
          /** @description Public http(s) URL that receives POSTs. */
          url: string;
          /** @description Events to receive; empty or omitted: all of them. */
          events?: (
            | "call.started"
            | "call.ended"
            | "call.failed"
            | "call.transcript.ready"
            | "call.recording.ready"
            | "call.analysis.ready"
            | "sms.sent"
            | "sms.received"
            | "sms.failed"
            | "number.suspended"
            | "credits.low"
            | "credits.auto_recharge_failed"
            | "campaign.started"
            | "campaign.paused"
            | "campaign.completed"
            | "lead.completed"
          )[];
          description?: string;
          enabled?: boolean;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            url: string;
            events: string[];
            description: string;
            enabled: boolean;
            disabled_reason: string | null;
            /** Format: date-time */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description `whsec_...`: shown only here, once. */
            secret: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       *
       *     `webhook_url_not_allowed`: The webhook URL points at a private or reserved address.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            url: string;
            events: string[];
            description: string;
            enabled: boolean;
            disabled_reason: string | null;
            /** Format: date-time */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Public http(s) URL that receives POSTs. */
          url?: string;
          /** @description Events to receive; empty or omitted: all of them. */
          events?: (
            | "call.started"
            | "call.ended"
            | "call.failed"
            | "call.transcript.ready"
            | "call.recording.ready"
            | "call.analysis.ready"
            | "sms.sent"
            | "sms.received"
            | "sms.failed"
            | "number.suspended"
            | "credits.low"
            | "credits.auto_recharge_failed"
            | "campaign.started"
            | "campaign.paused"
            | "campaign.completed"
            | "lead.completed"
          )[];
          description?: string;
          enabled?: boolean;
        };
        "application/x-www-form-urlencoded": {
          /** @description Public http(s) URL that receives POSTs. */
          url?: string;
          /** @description Events to receive; empty or omitted: all of them. */
          events?: (
            | "call.started"
            | "call.ended"
            | "call.failed"
            | "call.transcript.ready"
            | "call.recording.ready"
            | "call.analysis.ready"
            | "sms.sent"
            | "sms.received"
            | "sms.failed"
            | "number.suspended"
            | "credits.low"
            | "credits.auto_recharge_failed"
            | "campaign.started"
            | "campaign.paused"
            | "campaign.completed"
            | "lead.completed"
          )[];
          description?: string;
          enabled?: boolean;
        };
        "multipart/form-data": {
          /** @description Public http(s) URL that receives POSTs. */
          url?: string;
          /** @description Events to receive; empty or omitted: all of them. */
          events?: (
            | "call.started"
            | "call.ended"
            | "call.failed"
            | "call.transcript.ready"
            | "call.recording.ready"
            | "call.analysis.ready"
            | "sms.sent"
            | "sms.received"
            | "sms.failed"
            | "number.suspended"
            | "credits.low"
            | "credits.auto_recharge_failed"
            | "campaign.started"
            | "campaign.paused"
            | "campaign.completed"
            | "lead.completed"
          )[];
          description?: string;
          enabled?: boolean;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            url: string;
            events: string[];
            description: string;
            enabled: boolean;
            disabled_reason: string | null;
            /** Format: date-time */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `webhook_url_not_allowed`: The webhook URL points at a private or reserved address.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            url: string;
            events: string[];
            description: string;
            enabled: boolean;
            disabled_reason: string | null;
            /** Format: date-time */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description `whsec_...`: shown only here, once. */
            secret: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              /** @description Also the `webhook-id` header: the same on every retry. */
              id: string;
              event_type: string;
              /** @enum {string} */
              status: "pending" | "succeeded" | "failed";
              attempts: number;
              /** Format: date-time */
              next_attempt_at: string | null;
              response_code: number | null;
              latency_ms: number | null;
              error: string | null;
              /** @description The first 2 KiB of the last answer's body (UTF-8); `null` before any answer. */
              response_body: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              completed_at: string | null;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  sendWebhookTestEvent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Also the `webhook-id` header: the same on every retry. */
            id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            /** Format: date-time */
            next_attempt_at: string | null;
            response_code: number | null;
            latency_ms: number | null;
            error: string | null;
            /** @description The first 2 KiB of the last answer's body (UTF-8); `null` before any answer. */
            response_body: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            completed_at: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  redeliverWebhookDelivery: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
        delivery_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Also the `webhook-id` header: the same on every retry. */
            id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            /** Format: date-time */
            next_attempt_at: string | null;
            response_code: number | null;
            latency_ms: number | null;
            error: string | null;
            /** @description The first 2 KiB of the last answer's body (UTF-8); `null` before any answer. */
            response_body: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            completed_at: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `conflict`: The change conflicts with the resource's current state.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listCallWebhookDeliveries: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path: {
        call_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              /** @description Also the `webhook-id` header: the same on every retry. */
              id: string;
              event_type: string;
              /** @enum {string} */
              status: "pending" | "succeeded" | "failed";
              attempts: number;
              /** Format: date-time */
              next_attempt_at: string | null;
              response_code: number | null;
              latency_ms: number | null;
              error: string | null;
              /** @description The first 2 KiB of the last answer's body (UTF-8); `null` before any answer. */
              response_body: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              completed_at: string | null;
              endpoint_id: string;
              /** @description Where the delivery went. */
              endpoint_url: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listCalls: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
        status?: string | string[];
        direction?: string;
        from?: string;
        to?: string;
        agent_id?: string;
        agentId?: string;
        number?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /** @enum {string} */
              direction: "inbound" | "outbound" | "web";
              /** @enum {string} */
              status:
                | "queued"
                | "ringing"
                | "in_progress"
                | "completed"
                | "busy"
                | "no_answer"
                | "failed"
                | "canceled";
              agent_id: string | null;
              from_number: string | null;
              to_number: string | null;
              phone_number_id: string | null;
              objective: string | null;
              /** Format: date-time */
              started_at: string;
              /** Format: date-time */
              answered_at: string | null;
              /** Format: date-time */
              ended_at: string | null;
              duration_s: number | null;
              cost_cents: number | null;
              /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
              usage: {
                /** @description The model that was billed. */
                model: string;
                input_audio_tokens: number;
                output_audio_tokens: number;
                /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
                text_tokens: number;
              } | null;
              hangup_cause: string | null;
              /**
               * @description Outbound calls with `amd` enabled: who answered; null without detection.
               * @enum {string|null}
               */
              answered_by: "human" | "machine" | "unknown" | null;
              /** @description From the answer to the detection's verdict. */
              amd_decision_ms: number | null;
              /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
              amd_evidence: string[] | null;
              recording_url: string | null;
              /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
              trace_id: string;
              metadata: {
                [key: string]: unknown;
              };
              /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
              transfer: {
                /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
                target: string;
                /** @description The transferee reached the target (a 2xx in the sipfrag). */
                ok: boolean;
                /** @description The sipfrag's (or the REFER's own) final status code. */
                status: number | null;
                reason: string;
                /** Format: date-time */
                at: string;
              } | null;
              /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
              sip_headers: {
                [key: string]: string;
              } | null;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createOutboundCall: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The camelCase spelling other platforms' clients send (`agentId`, `toNumber`, `fromNumber`, with `objective` and `metadata`) is accepted too, deprecated: the same fields under other names. A body mixing both spellings, or with a field neither has, is a 422 naming the field. */
    requestBody: {
      content: {
        "application/json":
          | {
              agent_id: string;
              /** @description E.164, e.g. +14155550142. */
              to_number: string;
              /** @description One of your active numbers; default: the number attached to the agent. */
              from_number?: string;
              /** @description The goal of this call, added to the prompt. */
              objective?: string;
              metadata?: {
                [key: string]: unknown;
              };
              amd?: {
                enabled: boolean;
                /**
                 * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
                 * @enum {string}
                 */
                on_machine: "hangup" | "leave_message";
                /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
                message?: string;
                /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
                timeout_ms?: number;
              };
              /**
               * @description SIP headers to send on the INVITE (or REFER): `X-*` names, or User-to-User, P-Asserted-Identity, Diversion. Names are RFC 3261 tokens; values have no CR or LF.
               * @example {
               *       "X-Customer-Id": "42"
               *     }
               */
              sip_headers?: {
                [key: string]: string;
              };
            }
          | {
              agentId: string;
              /** @description E.164, e.g. +14155550142. */
              toNumber: string;
              /** @description One of your active numbers; default: the number attached to the agent. */
              fromNumber?: string;
              /** @description The goal of this call, added to the prompt. */
              objective?: string;
              metadata?: {
                [key: string]: unknown;
              };
              amd?: {
                enabled: boolean;
                /**
                 * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
                 * @enum {string}
                 */
                on_machine: "hangup" | "leave_message";
                /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
                message?: string;
                /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
                timeout_ms?: number;
              };
            };
        "application/x-www-form-urlencoded": {
          agent_id: string;
          /** @description E.164, e.g. +14155550142. */
          to_number: string;
          /** @description One of your active numbers; default: the number attached to the agent. */
          from_number?: string;
          /** @description The goal of this call, added to the prompt. */
          objective?: string;
          metadata?: {
            [key: string]: unknown;
          };
          amd?: {
            enabled: boolean;
            /**
             * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
             * @enum {string}
             */
            on_machine: "hangup" | "leave_message";
            /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
            message?: string;
            /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
            timeout_ms?: number;
          };
          /**
           * @description SIP headers to send on the INVITE (or REFER): `X-*` names, or User-to-User, P-Asserted-Identity, Diversion. Names are RFC 3261 tokens; values have no CR or LF.
           * @example {
           *       "X-Customer-Id": "42"
           *     }
           */
          sip_headers?: {
            [key: string]: string;
          };
        };
        "multipart/form-data": {
          agent_id: string;
          /** @description E.164, e.g. +14155550142. */
          to_number: string;
          /** @description One of your active numbers; default: the number attached to the agent. */
          from_number?: string;
          /** @description The goal of this call, added to the prompt. */
          objective?: string;
          metadata?: {
            [key: string]: unknown;
          };
          amd?: {
            enabled: boolean;
            /**
             * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
             * @enum {string}
             */
            on_machine: "hangup" | "leave_message";
            /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
            message?: string;
            /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
            timeout_ms?: number;
          };
          /**
           * @description SIP headers to send on the INVITE (or REFER): `X-*` names, or User-to-User, P-Asserted-Identity, Diversion. Names are RFC 3261 tokens; values have no CR or LF.
           * @example {
           *       "X-Customer-Id": "42"
           *     }
           */
          sip_headers?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            direction: "inbound" | "outbound" | "web";
            /** @enum {string} */
            status:
              | "queued"
              | "ringing"
              | "in_progress"
              | "completed"
              | "busy"
              | "no_answer"
              | "failed"
              | "canceled";
            agent_id: string | null;
            from_number: string | null;
            to_number: string | null;
            phone_number_id: string | null;
            objective: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            answered_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_s: number | null;
            cost_cents: number | null;
            /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
            usage: {
              /** @description The model that was billed. */
              model: string;
              input_audio_tokens: number;
              output_audio_tokens: number;
              /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
              text_tokens: number;
            } | null;
            hangup_cause: string | null;
            /**
             * @description Outbound calls with `amd` enabled: who answered; null without detection.
             * @enum {string|null}
             */
            answered_by: "human" | "machine" | "unknown" | null;
            /** @description From the answer to the detection's verdict. */
            amd_decision_ms: number | null;
            /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
            amd_evidence: string[] | null;
            recording_url: string | null;
            /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
            trace_id: string;
            metadata: {
              [key: string]: unknown;
            };
            /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
            transfer: {
              /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
              target: string;
              /** @description The transferee reached the target (a 2xx in the sipfrag). */
              ok: boolean;
              /** @description The sipfrag's (or the REFER's own) final status code. */
              status: number | null;
              reason: string;
              /** Format: date-time */
              at: string;
            } | null;
            /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
            sip_headers: {
              [key: string]: string;
            } | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `destination_not_allowed`: The destination is outside the allowed destinations of the trunks that could place the call. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `do_not_call`: The destination is on the org's do-not-call list.
       *
       *     `agent_inactive`: The agent is not active (`is_active: false`).
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       *
       *     `number_suspended`: The caller number is suspended.
       *
       *     `no_caller_number`: No `from_number` given and the org has no active number to call from.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelCall: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        call_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            direction: "inbound" | "outbound" | "web";
            /** @enum {string} */
            status:
              | "queued"
              | "ringing"
              | "in_progress"
              | "completed"
              | "busy"
              | "no_answer"
              | "failed"
              | "canceled";
            agent_id: string | null;
            from_number: string | null;
            to_number: string | null;
            phone_number_id: string | null;
            objective: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            answered_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_s: number | null;
            cost_cents: number | null;
            /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
            usage: {
              /** @description The model that was billed. */
              model: string;
              input_audio_tokens: number;
              output_audio_tokens: number;
              /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
              text_tokens: number;
            } | null;
            hangup_cause: string | null;
            /**
             * @description Outbound calls with `amd` enabled: who answered; null without detection.
             * @enum {string|null}
             */
            answered_by: "human" | "machine" | "unknown" | null;
            /** @description From the answer to the detection's verdict. */
            amd_decision_ms: number | null;
            /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
            amd_evidence: string[] | null;
            recording_url: string | null;
            /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
            trace_id: string;
            metadata: {
              [key: string]: unknown;
            };
            /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
            transfer: {
              /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
              target: string;
              /** @description The transferee reached the target (a 2xx in the sipfrag). */
              ok: boolean;
              /** @description The sipfrag's (or the REFER's own) final status code. */
              status: number | null;
              reason: string;
              /** Format: date-time */
              at: string;
            } | null;
            /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
            sip_headers: {
              [key: string]: string;
            } | null;
          };
        };
      };
      /** @description Accepted. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            direction: "inbound" | "outbound" | "web";
            /** @enum {string} */
            status:
              | "queued"
              | "ringing"
              | "in_progress"
              | "completed"
              | "busy"
              | "no_answer"
              | "failed"
              | "canceled";
            agent_id: string | null;
            from_number: string | null;
            to_number: string | null;
            phone_number_id: string | null;
            objective: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            answered_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_s: number | null;
            cost_cents: number | null;
            /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
            usage: {
              /** @description The model that was billed. */
              model: string;
              input_audio_tokens: number;
              output_audio_tokens: number;
              /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
              text_tokens: number;
            } | null;
            hangup_cause: string | null;
            /**
             * @description Outbound calls with `amd` enabled: who answered; null without detection.
             * @enum {string|null}
             */
            answered_by: "human" | "machine" | "unknown" | null;
            /** @description From the answer to the detection's verdict. */
            amd_decision_ms: number | null;
            /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
            amd_evidence: string[] | null;
            recording_url: string | null;
            /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
            trace_id: string;
            metadata: {
              [key: string]: unknown;
            };
            /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
            transfer: {
              /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
              target: string;
              /** @description The transferee reached the target (a 2xx in the sipfrag). */
              ok: boolean;
              /** @description The sipfrag's (or the REFER's own) final status code. */
              status: number | null;
              reason: string;
              /** Format: date-time */
              at: string;
            } | null;
            /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
            sip_headers: {
              [key: string]: string;
            } | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `call_already_ended`: The call has ended.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        call_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            direction: "inbound" | "outbound" | "web";
            /** @enum {string} */
            status:
              | "queued"
              | "ringing"
              | "in_progress"
              | "completed"
              | "busy"
              | "no_answer"
              | "failed"
              | "canceled";
            agent_id: string | null;
            from_number: string | null;
            to_number: string | null;
            phone_number_id: string | null;
            objective: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            answered_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_s: number | null;
            cost_cents: number | null;
            /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
            usage: {
              /** @description The model that was billed. */
              model: string;
              input_audio_tokens: number;
              output_audio_tokens: number;
              /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
              text_tokens: number;
            } | null;
            hangup_cause: string | null;
            /**
             * @description Outbound calls with `amd` enabled: who answered; null without detection.
             * @enum {string|null}
             */
            answered_by: "human" | "machine" | "unknown" | null;
            /** @description From the answer to the detection's verdict. */
            amd_decision_ms: number | null;
            /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
            amd_evidence: string[] | null;
            recording_url: string | null;
            /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
            trace_id: string;
            metadata: {
              [key: string]: unknown;
            };
            /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
            transfer: {
              /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
              target: string;
              /** @description The transferee reached the target (a 2xx in the sipfrag). */
              ok: boolean;
              /** @description The sipfrag's (or the REFER's own) final status code. */
              status: number | null;
              reason: string;
              /** Format: date-time */
              at: string;
            } | null;
            /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
            sip_headers: {
              [key: string]: string;
            } | null;
            transcript: {
              /** @enum {string} */
              role: "agent" | "user";
              /** @description For agent turns: what the caller actually heard (cut at barge-in). */
              text: string;
              /** Format: date-time */
              started_at: string;
              /** Format: date-time */
              ended_at: string;
              interrupted: boolean;
              latency: {
                /** @description From the end of the caller's speech to the end of their turn being decided. */
                endpointing_ms: number | null;
                /** @description From the end of the turn to the final transcript. */
                stt_ms: number | null;
                /** @description From the request to the model's first token. */
                llm_first_token_ms: number | null;
                /** @description From the speech request to its first audio byte. */
                tts_first_byte_ms: number | null;
                /** @description From the first audio queued for playout to the first packet sent. */
                first_packet_ms: number | null;
                /** @description From the end of the caller's speech to the first packet sent. */
                total_ms: number | null;
                /** @description The reply was started before the caller's turn was confirmed, on the same words. */
                preemptive?: boolean;
                /** @description How much sooner the first token was there for a preemptive reply than a request made at the confirmed end of turn would have had it. */
                preemptive_saved_ms?: number | null;
              } | null;
              /** @description Agent turns: the tools it called. */
              tool_calls?: {
                name: string;
                /** @description The model's arguments (JSON text), masked by the org's redaction. */
                arguments: string;
                /** @description What went back to the model, masked by the org's redaction. */
                result: string | null;
                duration_ms: number;
                /**
                 * @description `cancelled`: the caller interrupted before the tool answered; the model is told so.
                 * @enum {string}
                 */
                outcome: "completed" | "failed" | "cancelled";
              }[];
            }[];
            /** @description Post-call analysis when the agent asks for it (`analysis` on the agent); null otherwise. */
            analysis: {
              /**
               * @description `pending` until the one request (with bounded retries) is done; `failed` with `error`.
               * @enum {string}
               */
              status: "pending" | "completed" | "failed";
              summary: string | null;
              success: {
                value: boolean;
                reason: string;
              } | null;
              /** @description Matches the agent's `analysis.schema`. */
              data: {
                [key: string]: unknown;
              } | null;
              error: string | null;
              /** Format: date-time */
              completed_at: string | null;
            } | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteCall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        call_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The call's content is gone. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `call_in_progress`: The call has not ended yet. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCallRecording: {
    parameters: {
      query?: never;
      header?: {
        range?: string;
      };
      path: {
        call_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole recording. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "audio/wav": string;
        };
      };
      /** @description The requested byte range. */
      206: {
        headers: {
          /** @description `bytes start-end/size`, or `bytes *\/size` on a 416. */
          "Content-Range"?: string;
          [name: string]: unknown;
        };
        content: {
          "audio/wav": string;
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The range starts past the end. */
      416: {
        headers: {
          /** @description `bytes start-end/size`, or `bytes *\/size` on a 416. */
          "Content-Range"?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listSms: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
        number?: string;
        direction?: "inbound" | "outbound";
        status?: "queued" | "sent" | "delivered" | "undelivered" | "failed" | "received";
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /**
               * @default inbound
               * @enum {string}
               */
              direction: "inbound" | "outbound";
              /** @description E.164. */
              from: string;
              /** @description E.164. */
              to: string;
              body: string;
              /**
               * @description Outbound: queued, sent (the carrier took it), delivered, undelivered or failed; inbound: received.
               * @default queued
               * @enum {string}
               */
              status: "queued" | "sent" | "delivered" | "undelivered" | "failed" | "received";
              /** @description The org's number that sent or received it. */
              phone_number_id: string | null;
              /** @description Billed parts: GSM-7 160 characters (153 each when longer), UCS-2 70 (67). */
              segments: number;
              /**
               * @default GSM-7
               * @enum {string}
               */
              encoding: "GSM-7" | "UCS-2";
              cost_cents: number;
              /** @description The carrier's error code when it was not delivered. */
              error_code: string | null;
              metadata: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  sendSms: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description One of the org's numbers: its id (`pn_...`) or its E.164 number. */
          from: string;
          /** @description E.164 destination. */
          to: string;
          /** @description The text; up to 1600 characters. */
          body: string;
          /** @description Yours; shown back on the message. */
          metadata?: {
            [key: string]: unknown;
          };
        };
        "application/x-www-form-urlencoded": {
          /** @description One of the org's numbers: its id (`pn_...`) or its E.164 number. */
          from: string;
          /** @description E.164 destination. */
          to: string;
          /** @description The text; up to 1600 characters. */
          body: string;
          /** @description Yours; shown back on the message. */
          metadata?: {
            [key: string]: unknown;
          };
        };
        "multipart/form-data": {
          /** @description One of the org's numbers: its id (`pn_...`) or its E.164 number. */
          from: string;
          /** @description E.164 destination. */
          to: string;
          /** @description The text; up to 1600 characters. */
          body: string;
          /** @description Yours; shown back on the message. */
          metadata?: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /**
             * @default inbound
             * @enum {string}
             */
            direction: "inbound" | "outbound";
            /** @description E.164. */
            from: string;
            /** @description E.164. */
            to: string;
            body: string;
            /**
             * @description Outbound: queued, sent (the carrier took it), delivered, undelivered or failed; inbound: received.
             * @default queued
             * @enum {string}
             */
            status: "queued" | "sent" | "delivered" | "undelivered" | "failed" | "received";
            /** @description The org's number that sent or received it. */
            phone_number_id: string | null;
            /** @description Billed parts: GSM-7 160 characters (153 each when longer), UCS-2 70 (67). */
            segments: number;
            /**
             * @default GSM-7
             * @enum {string}
             */
            encoding: "GSM-7" | "UCS-2";
            cost_cents: number;
            /** @description The carrier's error code when it was not delivered. */
            error_code: string | null;
            metadata: {
              [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `recipient_opted_out`: The recipient texted STOP to this number and has not texted START since.
       *
       *     `sms_not_available`: The number has no SMS carrier (an inventory number without SMS_CARRIER).
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `carrier_rejected`: The carrier refused the message; it is kept as failed and its charge given back. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getSms: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /**
             * @default inbound
             * @enum {string}
             */
            direction: "inbound" | "outbound";
            /** @description E.164. */
            from: string;
            /** @description E.164. */
            to: string;
            body: string;
            /**
             * @description Outbound: queued, sent (the carrier took it), delivered, undelivered or failed; inbound: received.
             * @default queued
             * @enum {string}
             */
            status: "queued" | "sent" | "delivered" | "undelivered" | "failed" | "received";
            /** @description The org's number that sent or received it. */
            phone_number_id: string | null;
            /** @description Billed parts: GSM-7 160 characters (153 each when longer), UCS-2 70 (67). */
            segments: number;
            /**
             * @default GSM-7
             * @enum {string}
             */
            encoding: "GSM-7" | "UCS-2";
            cost_cents: number;
            /** @description The carrier's error code when it was not delivered. */
            error_code: string | null;
            metadata: {
              [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCallTranscript: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        call_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            call_id: string;
            transcript: {
              /** @enum {string} */
              role: "agent" | "user";
              /** @description For agent turns: what the caller actually heard (cut at barge-in). */
              text: string;
              /** Format: date-time */
              started_at: string;
              /** Format: date-time */
              ended_at: string;
              interrupted: boolean;
              latency: {
                /** @description From the end of the caller's speech to the end of their turn being decided. */
                endpointing_ms: number | null;
                /** @description From the end of the turn to the final transcript. */
                stt_ms: number | null;
                /** @description From the request to the model's first token. */
                llm_first_token_ms: number | null;
                /** @description From the speech request to its first audio byte. */
                tts_first_byte_ms: number | null;
                /** @description From the first audio queued for playout to the first packet sent. */
                first_packet_ms: number | null;
                /** @description From the end of the caller's speech to the first packet sent. */
                total_ms: number | null;
                /** @description The reply was started before the caller's turn was confirmed, on the same words. */
                preemptive?: boolean;
                /** @description How much sooner the first token was there for a preemptive reply than a request made at the confirmed end of turn would have had it. */
                preemptive_saved_ms?: number | null;
              } | null;
              /** @description Agent turns: the tools it called. */
              tool_calls?: {
                name: string;
                /** @description The model's arguments (JSON text), masked by the org's redaction. */
                arguments: string;
                /** @description What went back to the model, masked by the org's redaction. */
                result: string | null;
                duration_ms: number;
                /**
                 * @description `cancelled`: the caller interrupted before the tool answered; the model is told so.
                 * @enum {string}
                 */
                outcome: "completed" | "failed" | "cancelled";
              }[];
            }[];
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  triggerCall: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description E.164: the number to call. */
          phone_number: string;
          agent_id: string;
        };
        "application/x-www-form-urlencoded": {
          /** @description E.164: the number to call. */
          phone_number: string;
          agent_id: string;
        };
        "multipart/form-data": {
          /** @description E.164: the number to call. */
          phone_number: string;
          agent_id: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            direction: "inbound" | "outbound" | "web";
            /** @enum {string} */
            status:
              | "queued"
              | "ringing"
              | "in_progress"
              | "completed"
              | "busy"
              | "no_answer"
              | "failed"
              | "canceled";
            agent_id: string | null;
            from_number: string | null;
            to_number: string | null;
            phone_number_id: string | null;
            objective: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            answered_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_s: number | null;
            cost_cents: number | null;
            /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
            usage: {
              /** @description The model that was billed. */
              model: string;
              input_audio_tokens: number;
              output_audio_tokens: number;
              /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
              text_tokens: number;
            } | null;
            hangup_cause: string | null;
            /**
             * @description Outbound calls with `amd` enabled: who answered; null without detection.
             * @enum {string|null}
             */
            answered_by: "human" | "machine" | "unknown" | null;
            /** @description From the answer to the detection's verdict. */
            amd_decision_ms: number | null;
            /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
            amd_evidence: string[] | null;
            recording_url: string | null;
            /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
            trace_id: string;
            metadata: {
              [key: string]: unknown;
            };
            /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
            transfer: {
              /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
              target: string;
              /** @description The transferee reached the target (a 2xx in the sipfrag). */
              ok: boolean;
              /** @description The sipfrag's (or the REFER's own) final status code. */
              status: number | null;
              reason: string;
              /** Format: date-time */
              at: string;
            } | null;
            /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
            sip_headers: {
              [key: string]: string;
            } | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `destination_not_allowed`: The destination is outside the allowed destinations of the trunks that could place the call. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `do_not_call`: The destination is on the org's do-not-call list.
       *
       *     `agent_inactive`: The agent is not active (`is_active: false`).
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       *
       *     `number_suspended`: The caller number is suspended.
       *
       *     `no_caller_number`: No `from_number` given and the org has no active number to call from.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listConversations: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
        status?: string | string[];
        direction?: string;
        from?: string;
        to?: string;
        agent_id?: string;
        agentId?: string;
        number?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /** @enum {string} */
              direction: "inbound" | "outbound" | "web";
              /** @enum {string} */
              status:
                | "queued"
                | "ringing"
                | "in_progress"
                | "completed"
                | "busy"
                | "no_answer"
                | "failed"
                | "canceled";
              agent_id: string | null;
              from_number: string | null;
              to_number: string | null;
              phone_number_id: string | null;
              objective: string | null;
              /** Format: date-time */
              started_at: string;
              /** Format: date-time */
              answered_at: string | null;
              /** Format: date-time */
              ended_at: string | null;
              duration_s: number | null;
              cost_cents: number | null;
              /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
              usage: {
                /** @description The model that was billed. */
                model: string;
                input_audio_tokens: number;
                output_audio_tokens: number;
                /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
                text_tokens: number;
              } | null;
              hangup_cause: string | null;
              /**
               * @description Outbound calls with `amd` enabled: who answered; null without detection.
               * @enum {string|null}
               */
              answered_by: "human" | "machine" | "unknown" | null;
              /** @description From the answer to the detection's verdict. */
              amd_decision_ms: number | null;
              /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
              amd_evidence: string[] | null;
              recording_url: string | null;
              /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
              trace_id: string;
              metadata: {
                [key: string]: unknown;
              };
              /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
              transfer: {
                /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
                target: string;
                /** @description The transferee reached the target (a 2xx in the sipfrag). */
                ok: boolean;
                /** @description The sipfrag's (or the REFER's own) final status code. */
                status: number | null;
                reason: string;
                /** Format: date-time */
                at: string;
              } | null;
              /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
              sip_headers: {
                [key: string]: string;
              } | null;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  dispatchConversation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The camelCase spelling other platforms' clients send (`agentId`, `toNumber`, `fromNumber`, with `objective` and `metadata`) is accepted too, deprecated: the same fields under other names. A body mixing both spellings, or with a field neither has, is a 422 naming the field. */
    requestBody: {
      content: {
        "application/json":
          | {
              agent_id: string;
              /** @description E.164, e.g. +14155550142. */
              to_number: string;
              /** @description One of your active numbers; default: the number attached to the agent. */
              from_number?: string;
              /** @description The goal of this call, added to the prompt. */
              objective?: string;
              metadata?: {
                [key: string]: unknown;
              };
              amd?: {
                enabled: boolean;
                /**
                 * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
                 * @enum {string}
                 */
                on_machine: "hangup" | "leave_message";
                /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
                message?: string;
                /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
                timeout_ms?: number;
              };
              /**
               * @description SIP headers to send on the INVITE (or REFER): `X-*` names, or User-to-User, P-Asserted-Identity, Diversion. Names are RFC 3261 tokens; values have no CR or LF.
               * @example {
               *       "X-Customer-Id": "42"
               *     }
               */
              sip_headers?: {
                [key: string]: string;
              };
            }
          | {
              agentId: string;
              /** @description E.164, e.g. +14155550142. */
              toNumber: string;
              /** @description One of your active numbers; default: the number attached to the agent. */
              fromNumber?: string;
              /** @description The goal of this call, added to the prompt. */
              objective?: string;
              metadata?: {
                [key: string]: unknown;
              };
              amd?: {
                enabled: boolean;
                /**
                 * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
                 * @enum {string}
                 */
                on_machine: "hangup" | "leave_message";
                /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
                message?: string;
                /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
                timeout_ms?: number;
              };
            };
        "application/x-www-form-urlencoded": {
          agent_id: string;
          /** @description E.164, e.g. +14155550142. */
          to_number: string;
          /** @description One of your active numbers; default: the number attached to the agent. */
          from_number?: string;
          /** @description The goal of this call, added to the prompt. */
          objective?: string;
          metadata?: {
            [key: string]: unknown;
          };
          amd?: {
            enabled: boolean;
            /**
             * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
             * @enum {string}
             */
            on_machine: "hangup" | "leave_message";
            /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
            message?: string;
            /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
            timeout_ms?: number;
          };
          /**
           * @description SIP headers to send on the INVITE (or REFER): `X-*` names, or User-to-User, P-Asserted-Identity, Diversion. Names are RFC 3261 tokens; values have no CR or LF.
           * @example {
           *       "X-Customer-Id": "42"
           *     }
           */
          sip_headers?: {
            [key: string]: string;
          };
        };
        "multipart/form-data": {
          agent_id: string;
          /** @description E.164, e.g. +14155550142. */
          to_number: string;
          /** @description One of your active numbers; default: the number attached to the agent. */
          from_number?: string;
          /** @description The goal of this call, added to the prompt. */
          objective?: string;
          metadata?: {
            [key: string]: unknown;
          };
          amd?: {
            enabled: boolean;
            /**
             * @description `hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.
             * @enum {string}
             */
            on_machine: "hangup" | "leave_message";
            /** @description Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata. */
            message?: string;
            /** @description The longest the verdict may take from the answer (default 3500); undecided by then is `unknown`, treated as a human. */
            timeout_ms?: number;
          };
          /**
           * @description SIP headers to send on the INVITE (or REFER): `X-*` names, or User-to-User, P-Asserted-Identity, Diversion. Names are RFC 3261 tokens; values have no CR or LF.
           * @example {
           *       "X-Customer-Id": "42"
           *     }
           */
          sip_headers?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            direction: "inbound" | "outbound" | "web";
            /** @enum {string} */
            status:
              | "queued"
              | "ringing"
              | "in_progress"
              | "completed"
              | "busy"
              | "no_answer"
              | "failed"
              | "canceled";
            agent_id: string | null;
            from_number: string | null;
            to_number: string | null;
            phone_number_id: string | null;
            objective: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            answered_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_s: number | null;
            cost_cents: number | null;
            /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
            usage: {
              /** @description The model that was billed. */
              model: string;
              input_audio_tokens: number;
              output_audio_tokens: number;
              /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
              text_tokens: number;
            } | null;
            hangup_cause: string | null;
            /**
             * @description Outbound calls with `amd` enabled: who answered; null without detection.
             * @enum {string|null}
             */
            answered_by: "human" | "machine" | "unknown" | null;
            /** @description From the answer to the detection's verdict. */
            amd_decision_ms: number | null;
            /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
            amd_evidence: string[] | null;
            recording_url: string | null;
            /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
            trace_id: string;
            metadata: {
              [key: string]: unknown;
            };
            /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
            transfer: {
              /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
              target: string;
              /** @description The transferee reached the target (a 2xx in the sipfrag). */
              ok: boolean;
              /** @description The sipfrag's (or the REFER's own) final status code. */
              status: number | null;
              reason: string;
              /** Format: date-time */
              at: string;
            } | null;
            /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
            sip_headers: {
              [key: string]: string;
            } | null;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `destination_not_allowed`: The destination is outside the allowed destinations of the trunks that could place the call. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `do_not_call`: The destination is on the org's do-not-call list.
       *
       *     `agent_inactive`: The agent is not active (`is_active: false`).
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       *
       *     `number_suspended`: The caller number is suspended.
       *
       *     `no_caller_number`: No `from_number` given and the org has no active number to call from.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getConversation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            direction: "inbound" | "outbound" | "web";
            /** @enum {string} */
            status:
              | "queued"
              | "ringing"
              | "in_progress"
              | "completed"
              | "busy"
              | "no_answer"
              | "failed"
              | "canceled";
            agent_id: string | null;
            from_number: string | null;
            to_number: string | null;
            phone_number_id: string | null;
            objective: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            answered_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_s: number | null;
            cost_cents: number | null;
            /** @description A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls. */
            usage: {
              /** @description The model that was billed. */
              model: string;
              input_audio_tokens: number;
              output_audio_tokens: number;
              /** @description Input and output text tokens together (instructions, tool calls, transcripts). */
              text_tokens: number;
            } | null;
            hangup_cause: string | null;
            /**
             * @description Outbound calls with `amd` enabled: who answered; null without detection.
             * @enum {string|null}
             */
            answered_by: "human" | "machine" | "unknown" | null;
            /** @description From the answer to the detection's verdict. */
            amd_decision_ms: number | null;
            /** @description The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`. */
            amd_evidence: string[] | null;
            recording_url: string | null;
            /** @description The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT). */
            trace_id: string;
            metadata: {
              [key: string]: unknown;
            };
            /** @description The call's last blind transfer and its outcome; null when it was never transferred. */
            transfer: {
              /** @description The Refer-To target: a phone number (E.164) or SIP URI. */
              target: string;
              /** @description The transferee reached the target (a 2xx in the sipfrag). */
              ok: boolean;
              /** @description The sipfrag's (or the REFER's own) final status code. */
              status: number | null;
              reason: string;
              /** Format: date-time */
              at: string;
            } | null;
            /** @description The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none. */
            sip_headers: {
              [key: string]: string;
            } | null;
            transcript: {
              /** @enum {string} */
              role: "agent" | "user";
              /** @description For agent turns: what the caller actually heard (cut at barge-in). */
              text: string;
              /** Format: date-time */
              started_at: string;
              /** Format: date-time */
              ended_at: string;
              interrupted: boolean;
              latency: {
                /** @description From the end of the caller's speech to the end of their turn being decided. */
                endpointing_ms: number | null;
                /** @description From the end of the turn to the final transcript. */
                stt_ms: number | null;
                /** @description From the request to the model's first token. */
                llm_first_token_ms: number | null;
                /** @description From the speech request to its first audio byte. */
                tts_first_byte_ms: number | null;
                /** @description From the first audio queued for playout to the first packet sent. */
                first_packet_ms: number | null;
                /** @description From the end of the caller's speech to the first packet sent. */
                total_ms: number | null;
                /** @description The reply was started before the caller's turn was confirmed, on the same words. */
                preemptive?: boolean;
                /** @description How much sooner the first token was there for a preemptive reply than a request made at the confirmed end of turn would have had it. */
                preemptive_saved_ms?: number | null;
              } | null;
              /** @description Agent turns: the tools it called. */
              tool_calls?: {
                name: string;
                /** @description The model's arguments (JSON text), masked by the org's redaction. */
                arguments: string;
                /** @description What went back to the model, masked by the org's redaction. */
                result: string | null;
                duration_ms: number;
                /**
                 * @description `cancelled`: the caller interrupted before the tool answered; the model is told so.
                 * @enum {string}
                 */
                outcome: "completed" | "failed" | "cancelled";
              }[];
            }[];
            /** @description Post-call analysis when the agent asks for it (`analysis` on the agent); null otherwise. */
            analysis: {
              /**
               * @description `pending` until the one request (with bounded retries) is done; `failed` with `error`.
               * @enum {string}
               */
              status: "pending" | "completed" | "failed";
              summary: string | null;
              success: {
                value: boolean;
                reason: string;
              } | null;
              /** @description Matches the agent's `analysis.schema`. */
              data: {
                [key: string]: unknown;
              } | null;
              error: string | null;
              /** Format: date-time */
              completed_at: string | null;
            } | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listDoNotCall: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
        phone_number?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /**
               * @description E.164, e.g. `+14155550142`.
               * @example +14155550142
               */
              phone_number: string;
              reason: string | null;
              /**
               * @description `call`: the callee asked during a call (the agent's `add_to_do_not_call` tool).
               * @default api
               * @enum {string}
               */
              source: "api" | "call";
              call_id: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  addDoNotCall: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description E.164, e.g. `+14155550142`.
           * @example +14155550142
           */
          phone_number: string;
          reason?: string;
        };
        "application/x-www-form-urlencoded": {
          /**
           * @description E.164, e.g. `+14155550142`.
           * @example +14155550142
           */
          phone_number: string;
          reason?: string;
        };
        "multipart/form-data": {
          /**
           * @description E.164, e.g. `+14155550142`.
           * @example +14155550142
           */
          phone_number: string;
          reason?: string;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /**
             * @description E.164, e.g. `+14155550142`.
             * @example +14155550142
             */
            phone_number: string;
            reason: string | null;
            /**
             * @description `call`: the callee asked during a call (the agent's `add_to_do_not_call` tool).
             * @default api
             * @enum {string}
             */
            source: "api" | "call";
            call_id: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /**
             * @description E.164, e.g. `+14155550142`.
             * @example +14155550142
             */
            phone_number: string;
            reason: string | null;
            /**
             * @description `call`: the callee asked during a call (the agent's `add_to_do_not_call` tool).
             * @default api
             * @enum {string}
             */
            source: "api" | "call";
            call_id: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  removeDoNotCall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        phone_number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listBuiltInTools: {
    parameters: {
      query?: {
        phone_number_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              name: string;
              description: string;
              /** @description `send_sms`: true when the number (`phone_number_id`), or else any number of the org, can text. */
              available: boolean;
              unavailable_reason: string | null;
            }[];
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listTools: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              /** @enum {string} */
              type: "http" | "mcp";
              /** @description The function name the model sees; unique among the org's tools. */
              name: string;
              description: string;
              /**
               * @description Default POST.
               * @enum {string}
               */
              method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
              /**
               * Format: uri
               * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
               */
              url: string;
              /** @description Sent with every request. */
              headers?: {
                [key: string]: string;
              };
              /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
              secret_headers?: {
                [key: string]: {
                  credential_id: string;
                  /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                  template?: string;
                };
              };
              /** @description The JSON Schema of the arguments the model sends. */
              parameters?: {
                [key: string]: unknown;
              };
              timeout_ms?: number;
              /** @description What the agent says while a slow call is in progress. */
              waiting_message?: string;
              /**
               * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
               * @enum {string}
               */
              transport?: "streamable_http" | "sse";
              /** @description `mcp`: the server's tools as last listed (on create, update and refresh). */
              mcp_tools?: {
                name: string;
                description: string;
                /** @description The JSON Schema of the tool's arguments, as the server listed it. */
                input_schema: {
                  [key: string]: unknown;
                };
              }[];
              /**
               * Format: date-time
               * @description `mcp`: when the server's tools were listed.
               */
              mcp_listed_at?: string;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createTool: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          type: "http" | "mcp";
          /** @description The function name the model sees; unique among the org's tools. */
          name: string;
          description?: string;
          /**
           * @description Default POST.
           * @enum {string}
           */
          method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
          /**
           * Format: uri
           * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
           */
          url: string;
          /** @description Sent with every request. */
          headers?: {
            [key: string]: string;
          };
          /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
          secret_headers?: {
            [key: string]: {
              credential_id: string;
              /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
              template?: string;
            };
          };
          /** @description The JSON Schema of the arguments the model sends. */
          parameters?: {
            [key: string]: unknown;
          };
          timeout_ms?: number;
          /** @description What the agent says while a slow call is in progress. */
          waiting_message?: string;
          /**
           * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
           * @enum {string}
           */
          transport?: "streamable_http" | "sse";
        };
        "application/x-www-form-urlencoded": {
          /** @enum {string} */
          type: "http" | "mcp";
          /** @description The function name the model sees; unique among the org's tools. */
          name: string;
          description?: string;
          /**
           * @description Default POST.
           * @enum {string}
           */
          method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
          /**
           * Format: uri
           * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
           */
          url: string;
          /** @description Sent with every request. */
          headers?: {
            [key: string]: string;
          };
          /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
          secret_headers?: {
            [key: string]: {
              credential_id: string;
              /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
              template?: string;
            };
          };
          /** @description The JSON Schema of the arguments the model sends. */
          parameters?: {
            [key: string]: unknown;
          };
          timeout_ms?: number;
          /** @description What the agent says while a slow call is in progress. */
          waiting_message?: string;
          /**
           * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
           * @enum {string}
           */
          transport?: "streamable_http" | "sse";
        };
        "multipart/form-data": {
          /** @enum {string} */
          type: "http" | "mcp";
          /** @description The function name the model sees; unique among the org's tools. */
          name: string;
          description?: string;
          /**
           * @description Default POST.
           * @enum {string}
           */
          method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
          /**
           * Format: uri
           * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
           */
          url: string;
          /** @description Sent with every request. */
          headers?: {
            [key: string]: string;
          };
          /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
          secret_headers?: {
            [key: string]: {
              credential_id: string;
              /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
              template?: string;
            };
          };
          /** @description The JSON Schema of the arguments the model sends. */
          parameters?: {
            [key: string]: unknown;
          };
          timeout_ms?: number;
          /** @description What the agent says while a slow call is in progress. */
          waiting_message?: string;
          /**
           * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
           * @enum {string}
           */
          transport?: "streamable_http" | "sse";
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            type: "http" | "mcp";
            /** @description The function name the model sees; unique among the org's tools. */
            name: string;
            description: string;
            /**
             * @description Default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /**
             * Format: uri
             * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
             */
            url: string;
            /** @description Sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description The JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            timeout_ms?: number;
            /** @description What the agent says while a slow call is in progress. */
            waiting_message?: string;
            /**
             * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed (on create, update and refresh). */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * Format: date-time
             * @description `mcp`: when the server's tools were listed.
             */
            mcp_listed_at?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `conflict`: The change conflicts with the resource's current state.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `mcp_unreachable`: The MCP server's tools could not be listed (unreachable, refused by the outbound URL guard, or no answer to tools/list).
       *
       *     `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tool_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            type: "http" | "mcp";
            /** @description The function name the model sees; unique among the org's tools. */
            name: string;
            description: string;
            /**
             * @description Default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /**
             * Format: uri
             * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
             */
            url: string;
            /** @description Sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description The JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            timeout_ms?: number;
            /** @description What the agent says while a slow call is in progress. */
            waiting_message?: string;
            /**
             * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed (on create, update and refresh). */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * Format: date-time
             * @description `mcp`: when the server's tools were listed.
             */
            mcp_listed_at?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteTool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tool_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateTool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tool_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The function name the model sees; unique among the org's tools. */
          name?: string;
          description?: string;
          /**
           * @description Default POST.
           * @enum {string}
           */
          method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
          /**
           * Format: uri
           * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
           */
          url?: string;
          /** @description Sent with every request. */
          headers?: {
            [key: string]: string;
          };
          /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
          secret_headers?: {
            [key: string]: {
              credential_id: string;
              /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
              template?: string;
            };
          };
          /** @description The JSON Schema of the arguments the model sends. */
          parameters?: {
            [key: string]: unknown;
          };
          timeout_ms?: number;
          /** @description What the agent says while a slow call is in progress. */
          waiting_message?: string;
          /**
           * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
           * @enum {string}
           */
          transport?: "streamable_http" | "sse";
        };
        "application/x-www-form-urlencoded": {
          /** @description The function name the model sees; unique among the org's tools. */
          name?: string;
          description?: string;
          /**
           * @description Default POST.
           * @enum {string}
           */
          method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
          /**
           * Format: uri
           * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
           */
          url?: string;
          /** @description Sent with every request. */
          headers?: {
            [key: string]: string;
          };
          /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
          secret_headers?: {
            [key: string]: {
              credential_id: string;
              /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
              template?: string;
            };
          };
          /** @description The JSON Schema of the arguments the model sends. */
          parameters?: {
            [key: string]: unknown;
          };
          timeout_ms?: number;
          /** @description What the agent says while a slow call is in progress. */
          waiting_message?: string;
          /**
           * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
           * @enum {string}
           */
          transport?: "streamable_http" | "sse";
        };
        "multipart/form-data": {
          /** @description The function name the model sees; unique among the org's tools. */
          name?: string;
          description?: string;
          /**
           * @description Default POST.
           * @enum {string}
           */
          method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
          /**
           * Format: uri
           * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
           */
          url?: string;
          /** @description Sent with every request. */
          headers?: {
            [key: string]: string;
          };
          /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
          secret_headers?: {
            [key: string]: {
              credential_id: string;
              /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
              template?: string;
            };
          };
          /** @description The JSON Schema of the arguments the model sends. */
          parameters?: {
            [key: string]: unknown;
          };
          timeout_ms?: number;
          /** @description What the agent says while a slow call is in progress. */
          waiting_message?: string;
          /**
           * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
           * @enum {string}
           */
          transport?: "streamable_http" | "sse";
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            type: "http" | "mcp";
            /** @description The function name the model sees; unique among the org's tools. */
            name: string;
            description: string;
            /**
             * @description Default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /**
             * Format: uri
             * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
             */
            url: string;
            /** @description Sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description The JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            timeout_ms?: number;
            /** @description What the agent says while a slow call is in progress. */
            waiting_message?: string;
            /**
             * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed (on create, update and refresh). */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * Format: date-time
             * @description `mcp`: when the server's tools were listed.
             */
            mcp_listed_at?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `conflict`: The change conflicts with the resource's current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `mcp_unreachable`: The MCP server's tools could not be listed (unreachable, refused by the outbound URL guard, or no answer to tools/list).
       *
       *     `validation_failed`: Field problems, listed in `errors[]`.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  refreshTool: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        tool_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            type: "http" | "mcp";
            /** @description The function name the model sees; unique among the org's tools. */
            name: string;
            description: string;
            /**
             * @description Default POST.
             * @enum {string}
             */
            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
            /**
             * Format: uri
             * @description Called through the outbound URL guard: no private, loopback or metadata addresses.
             */
            url: string;
            /** @description Sent with every request. */
            headers?: {
              [key: string]: string;
            };
            /** @description `http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference. */
            secret_headers?: {
              [key: string]: {
                credential_id: string;
                /** @description The header's value with `{{secret}}` where the key goes; default `{{secret}}`. */
                template?: string;
              };
            };
            /** @description The JSON Schema of the arguments the model sends. */
            parameters?: {
              [key: string]: unknown;
            };
            timeout_ms?: number;
            /** @description What the agent says while a slow call is in progress. */
            waiting_message?: string;
            /**
             * @description `mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.
             * @enum {string}
             */
            transport?: "streamable_http" | "sse";
            /** @description `mcp`: the server's tools as last listed (on create, update and refresh). */
            mcp_tools?: {
              name: string;
              description: string;
              /** @description The JSON Schema of the tool's arguments, as the server listed it. */
              input_schema: {
                [key: string]: unknown;
              };
            }[];
            /**
             * Format: date-time
             * @description `mcp`: when the server's tools were listed.
             */
            mcp_listed_at?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `conflict`: The change conflicts with the resource's current state.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `mcp_unreachable`: The MCP server's tools could not be listed (unreachable, refused by the outbound URL guard, or no answer to tools/list).
       *
       *     `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listCampaigns: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              name: string;
              agent_id: string;
              from_number: string | null;
              objective: string | null;
              schedule: {
                /** @description Dials per minute, evenly spaced (default 10). */
                calls_per_minute: number;
                /** @description Calls of this campaign at once (default 5). */
                max_concurrent: number;
                /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
                time_zone: string;
                /** @description When leads may be called, in each lead's own time zone; empty: any time. */
                windows: {
                  days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                  /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
                  start: string;
                  /** @description Exclusive; before `start` for a window past midnight. */
                  end: string;
                }[];
              };
              retry: {
                /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
                on: ("no_answer" | "busy" | "machine" | "failed")[];
                /** @description Attempts in all, the first included (default 1). */
                max_attempts: number;
                /** @description Delay before a retry (default 60). */
                after_minutes: number;
              };
              amd: {
                enabled: boolean;
                /**
                 * @default hangup
                 * @enum {string}
                 */
                on_machine: "hangup" | "leave_message";
                message?: string;
                timeout_ms?: number;
              } | null;
              outcome_field: string | null;
              /**
               * @default draft
               * @enum {string}
               */
              status: "draft" | "running" | "paused" | "completed" | "canceled";
              /** @description `requested`, `insufficient_credits`, or the code of the refusal that stopped dialling. */
              paused_reason: string | null;
              /** Format: date-time */
              started_at: string | null;
              /** Format: date-time */
              completed_at: string | null;
              /** Format: date-time */
              created_at: string;
              counts?: {
                total: number;
                /** @description Leads by state: pending, calling, retrying, completed, canceled. */
                by_state: {
                  [key: string]: number;
                };
                /** @description Completed leads by `outcome`. */
                by_outcome: {
                  [key: string]: number;
                };
              };
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createCampaign: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          agent_id: string;
          /** @description One of your numbers; default as for outbound calls. */
          from_number?: string;
          objective?: string;
          schedule?: {
            /** @description Dials per minute, evenly spaced (default 10). */
            calls_per_minute?: number;
            /** @description Calls of this campaign at once (default 5). */
            max_concurrent?: number;
            /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
            time_zone?: string;
            /** @description When leads may be called, in each lead's own time zone; empty: any time. */
            windows?: {
              days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
              /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
              start: string;
              /** @description Exclusive; before `start` for a window past midnight. */
              end: string;
            }[];
          };
          retry?: {
            /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
            on?: ("no_answer" | "busy" | "machine" | "failed")[];
            /** @description Attempts in all, the first included (default 1). */
            max_attempts?: number;
            /** @description Delay before a retry (default 60). */
            after_minutes?: number;
          };
          /** @description Answering-machine detection on each call, as on POST /calls/outbound. */
          amd?: {
            enabled: boolean;
            /**
             * @default hangup
             * @enum {string}
             */
            on_machine: "hangup" | "leave_message";
            message?: string;
            timeout_ms?: number;
          };
          /** @description A field of the agent's post-call analysis `data`; its value becomes the lead's `outcome`. */
          outcome_field?: string;
        };
        "application/x-www-form-urlencoded": {
          name: string;
          agent_id: string;
          /** @description One of your numbers; default as for outbound calls. */
          from_number?: string;
          objective?: string;
          schedule?: {
            /** @description Dials per minute, evenly spaced (default 10). */
            calls_per_minute?: number;
            /** @description Calls of this campaign at once (default 5). */
            max_concurrent?: number;
            /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
            time_zone?: string;
            /** @description When leads may be called, in each lead's own time zone; empty: any time. */
            windows?: {
              days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
              /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
              start: string;
              /** @description Exclusive; before `start` for a window past midnight. */
              end: string;
            }[];
          };
          retry?: {
            /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
            on?: ("no_answer" | "busy" | "machine" | "failed")[];
            /** @description Attempts in all, the first included (default 1). */
            max_attempts?: number;
            /** @description Delay before a retry (default 60). */
            after_minutes?: number;
          };
          /** @description Answering-machine detection on each call, as on POST /calls/outbound. */
          amd?: {
            enabled: boolean;
            /**
             * @default hangup
             * @enum {string}
             */
            on_machine: "hangup" | "leave_message";
            message?: string;
            timeout_ms?: number;
          };
          /** @description A field of the agent's post-call analysis `data`; its value becomes the lead's `outcome`. */
          outcome_field?: string;
        };
        "multipart/form-data": {
          name: string;
          agent_id: string;
          /** @description One of your numbers; default as for outbound calls. */
          from_number?: string;
          objective?: string;
          schedule?: {
            /** @description Dials per minute, evenly spaced (default 10). */
            calls_per_minute?: number;
            /** @description Calls of this campaign at once (default 5). */
            max_concurrent?: number;
            /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
            time_zone?: string;
            /** @description When leads may be called, in each lead's own time zone; empty: any time. */
            windows?: {
              days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
              /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
              start: string;
              /** @description Exclusive; before `start` for a window past midnight. */
              end: string;
            }[];
          };
          retry?: {
            /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
            on?: ("no_answer" | "busy" | "machine" | "failed")[];
            /** @description Attempts in all, the first included (default 1). */
            max_attempts?: number;
            /** @description Delay before a retry (default 60). */
            after_minutes?: number;
          };
          /** @description Answering-machine detection on each call, as on POST /calls/outbound. */
          amd?: {
            enabled: boolean;
            /**
             * @default hangup
             * @enum {string}
             */
            on_machine: "hangup" | "leave_message";
            message?: string;
            timeout_ms?: number;
          };
          /** @description A field of the agent's post-call analysis `data`; its value becomes the lead's `outcome`. */
          outcome_field?: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            agent_id: string;
            from_number: string | null;
            objective: string | null;
            schedule: {
              /** @description Dials per minute, evenly spaced (default 10). */
              calls_per_minute: number;
              /** @description Calls of this campaign at once (default 5). */
              max_concurrent: number;
              /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
              time_zone: string;
              /** @description When leads may be called, in each lead's own time zone; empty: any time. */
              windows: {
                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
                start: string;
                /** @description Exclusive; before `start` for a window past midnight. */
                end: string;
              }[];
            };
            retry: {
              /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
              on: ("no_answer" | "busy" | "machine" | "failed")[];
              /** @description Attempts in all, the first included (default 1). */
              max_attempts: number;
              /** @description Delay before a retry (default 60). */
              after_minutes: number;
            };
            amd: {
              enabled: boolean;
              /**
               * @default hangup
               * @enum {string}
               */
              on_machine: "hangup" | "leave_message";
              message?: string;
              timeout_ms?: number;
            } | null;
            outcome_field: string | null;
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "running" | "paused" | "completed" | "canceled";
            /** @description `requested`, `insufficient_credits`, or the code of the refusal that stopped dialling. */
            paused_reason: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            counts?: {
              total: number;
              /** @description Leads by state: pending, calling, retrying, completed, canceled. */
              by_state: {
                [key: string]: number;
              };
              /** @description Completed leads by `outcome`. */
              by_outcome: {
                [key: string]: number;
              };
            };
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            agent_id: string;
            from_number: string | null;
            objective: string | null;
            schedule: {
              /** @description Dials per minute, evenly spaced (default 10). */
              calls_per_minute: number;
              /** @description Calls of this campaign at once (default 5). */
              max_concurrent: number;
              /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
              time_zone: string;
              /** @description When leads may be called, in each lead's own time zone; empty: any time. */
              windows: {
                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
                start: string;
                /** @description Exclusive; before `start` for a window past midnight. */
                end: string;
              }[];
            };
            retry: {
              /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
              on: ("no_answer" | "busy" | "machine" | "failed")[];
              /** @description Attempts in all, the first included (default 1). */
              max_attempts: number;
              /** @description Delay before a retry (default 60). */
              after_minutes: number;
            };
            amd: {
              enabled: boolean;
              /**
               * @default hangup
               * @enum {string}
               */
              on_machine: "hangup" | "leave_message";
              message?: string;
              timeout_ms?: number;
            } | null;
            outcome_field: string | null;
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "running" | "paused" | "completed" | "canceled";
            /** @description `requested`, `insufficient_credits`, or the code of the refusal that stopped dialling. */
            paused_reason: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            counts?: {
              total: number;
              /** @description Leads by state: pending, calling, retrying, completed, canceled. */
              by_state: {
                [key: string]: number;
              };
              /** @description Completed leads by `outcome`. */
              by_outcome: {
                [key: string]: number;
              };
            };
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listCampaignLeads: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
        state?: string;
        outcome?: string;
      };
      header?: never;
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              campaign_id: string;
              phone_number: string;
              variables: {
                [key: string]: string;
              };
              time_zone: string | null;
              /**
               * @default pending
               * @enum {string}
               */
              state: "pending" | "calling" | "retrying" | "completed" | "canceled";
              outcome: string | null;
              attempts: number;
              /** Format: date-time */
              next_attempt_at: string | null;
              last_call_id: string | null;
              call_ids: string[];
              /** Format: date-time */
              completed_at: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  addCampaignLeads: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    /** @description Exactly one of `leads` and `csv`. */
    requestBody: {
      content: {
        "application/json": {
          leads?: ({
            phone_number: string;
            time_zone?: string;
          } & {
            [key: string]: string | number | boolean;
          })[];
          /** @description CSV text with a header row: `phone_number`, optional `time_zone`, any other column a `{{variable}}`. */
          csv?: string;
        };
        "application/x-www-form-urlencoded": {
          leads?: ({
            phone_number: string;
            time_zone?: string;
          } & {
            [key: string]: string | number | boolean;
          })[];
          /** @description CSV text with a header row: `phone_number`, optional `time_zone`, any other column a `{{variable}}`. */
          csv?: string;
        };
        "multipart/form-data": {
          leads?: ({
            phone_number: string;
            time_zone?: string;
          } & {
            [key: string]: string | number | boolean;
          })[];
          /** @description CSV text with a header row: `phone_number`, optional `time_zone`, any other column a `{{variable}}`. */
          csv?: string;
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            accepted: number;
            rejected: number;
            rows: {
              /** @description 1-based: the list's index, or the CSV's data row. */
              row: number;
              phone_number: string;
              /**
               * @default accepted
               * @enum {string}
               */
              status: "accepted" | "rejected";
              lead_id: string | null;
              /** @description `invalid_phone_number`, `invalid_time_zone`, `duplicate` or `do_not_call`. */
              code: string | null;
              message: string | null;
            }[];
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `campaign_state`: The campaign's status does not allow the action.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  startCampaign: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            agent_id: string;
            from_number: string | null;
            objective: string | null;
            schedule: {
              /** @description Dials per minute, evenly spaced (default 10). */
              calls_per_minute: number;
              /** @description Calls of this campaign at once (default 5). */
              max_concurrent: number;
              /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
              time_zone: string;
              /** @description When leads may be called, in each lead's own time zone; empty: any time. */
              windows: {
                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
                start: string;
                /** @description Exclusive; before `start` for a window past midnight. */
                end: string;
              }[];
            };
            retry: {
              /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
              on: ("no_answer" | "busy" | "machine" | "failed")[];
              /** @description Attempts in all, the first included (default 1). */
              max_attempts: number;
              /** @description Delay before a retry (default 60). */
              after_minutes: number;
            };
            amd: {
              enabled: boolean;
              /**
               * @default hangup
               * @enum {string}
               */
              on_machine: "hangup" | "leave_message";
              message?: string;
              timeout_ms?: number;
            } | null;
            outcome_field: string | null;
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "running" | "paused" | "completed" | "canceled";
            /** @description `requested`, `insufficient_credits`, or the code of the refusal that stopped dialling. */
            paused_reason: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            counts?: {
              total: number;
              /** @description Leads by state: pending, calling, retrying, completed, canceled. */
              by_state: {
                [key: string]: number;
              };
              /** @description Completed leads by `outcome`. */
              by_outcome: {
                [key: string]: number;
              };
            };
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `campaign_state`: The campaign's status does not allow the action.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  pauseCampaign: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            agent_id: string;
            from_number: string | null;
            objective: string | null;
            schedule: {
              /** @description Dials per minute, evenly spaced (default 10). */
              calls_per_minute: number;
              /** @description Calls of this campaign at once (default 5). */
              max_concurrent: number;
              /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
              time_zone: string;
              /** @description When leads may be called, in each lead's own time zone; empty: any time. */
              windows: {
                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
                start: string;
                /** @description Exclusive; before `start` for a window past midnight. */
                end: string;
              }[];
            };
            retry: {
              /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
              on: ("no_answer" | "busy" | "machine" | "failed")[];
              /** @description Attempts in all, the first included (default 1). */
              max_attempts: number;
              /** @description Delay before a retry (default 60). */
              after_minutes: number;
            };
            amd: {
              enabled: boolean;
              /**
               * @default hangup
               * @enum {string}
               */
              on_machine: "hangup" | "leave_message";
              message?: string;
              timeout_ms?: number;
            } | null;
            outcome_field: string | null;
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "running" | "paused" | "completed" | "canceled";
            /** @description `requested`, `insufficient_credits`, or the code of the refusal that stopped dialling. */
            paused_reason: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            counts?: {
              total: number;
              /** @description Leads by state: pending, calling, retrying, completed, canceled. */
              by_state: {
                [key: string]: number;
              };
              /** @description Completed leads by `outcome`. */
              by_outcome: {
                [key: string]: number;
              };
            };
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `campaign_state`: The campaign's status does not allow the action.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resumeCampaign: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            agent_id: string;
            from_number: string | null;
            objective: string | null;
            schedule: {
              /** @description Dials per minute, evenly spaced (default 10). */
              calls_per_minute: number;
              /** @description Calls of this campaign at once (default 5). */
              max_concurrent: number;
              /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
              time_zone: string;
              /** @description When leads may be called, in each lead's own time zone; empty: any time. */
              windows: {
                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
                start: string;
                /** @description Exclusive; before `start` for a window past midnight. */
                end: string;
              }[];
            };
            retry: {
              /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
              on: ("no_answer" | "busy" | "machine" | "failed")[];
              /** @description Attempts in all, the first included (default 1). */
              max_attempts: number;
              /** @description Delay before a retry (default 60). */
              after_minutes: number;
            };
            amd: {
              enabled: boolean;
              /**
               * @default hangup
               * @enum {string}
               */
              on_machine: "hangup" | "leave_message";
              message?: string;
              timeout_ms?: number;
            } | null;
            outcome_field: string | null;
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "running" | "paused" | "completed" | "canceled";
            /** @description `requested`, `insufficient_credits`, or the code of the refusal that stopped dialling. */
            paused_reason: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            counts?: {
              total: number;
              /** @description Leads by state: pending, calling, retrying, completed, canceled. */
              by_state: {
                [key: string]: number;
              };
              /** @description Completed leads by `outcome`. */
              by_outcome: {
                [key: string]: number;
              };
            };
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `insufficient_credits`: The org's balance cannot pay for it. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `campaign_state`: The campaign's status does not allow the action.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelCampaign: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            agent_id: string;
            from_number: string | null;
            objective: string | null;
            schedule: {
              /** @description Dials per minute, evenly spaced (default 10). */
              calls_per_minute: number;
              /** @description Calls of this campaign at once (default 5). */
              max_concurrent: number;
              /** @description IANA zone for leads whose zone is neither given nor known from their number (default UTC). */
              time_zone: string;
              /** @description When leads may be called, in each lead's own time zone; empty: any time. */
              windows: {
                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                /** @description `HH:MM` or `HH:MM:SS`, in the lead's time zone. */
                start: string;
                /** @description Exclusive; before `start` for a window past midnight. */
                end: string;
              }[];
            };
            retry: {
              /** @description Call results that are tried again (default no_answer, busy); `machine` needs `amd`. */
              on: ("no_answer" | "busy" | "machine" | "failed")[];
              /** @description Attempts in all, the first included (default 1). */
              max_attempts: number;
              /** @description Delay before a retry (default 60). */
              after_minutes: number;
            };
            amd: {
              enabled: boolean;
              /**
               * @default hangup
               * @enum {string}
               */
              on_machine: "hangup" | "leave_message";
              message?: string;
              timeout_ms?: number;
            } | null;
            outcome_field: string | null;
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "running" | "paused" | "completed" | "canceled";
            /** @description `requested`, `insufficient_credits`, or the code of the refusal that stopped dialling. */
            paused_reason: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            counts?: {
              total: number;
              /** @description Leads by state: pending, calling, retrying, completed, canceled. */
              by_state: {
                [key: string]: number;
              };
              /** @description Completed leads by `outcome`. */
              by_outcome: {
                [key: string]: number;
              };
            };
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `forbidden`: The key's role may not do this (see the roles table). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `not_found`: No such resource in your org (another org's resource is a 404 too). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `campaign_state`: The campaign's status does not allow the action.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getAnalyticsOverview: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            calls: number;
            by_status: {
              [key: string]: number;
            };
            by_direction: {
              [key: string]: number;
            };
            /** @description Billed duration, in minutes (two decimals). */
            minutes: number;
            spend_cents: number;
            turn_latency: {
              /** @description Agent turns with a measured total latency. */
              agent_turns: number;
              average_ms: number | null;
              p95_ms: number | null;
            };
            agents: {
              agent_id: string | null;
              calls: number;
              by_status: {
                [key: string]: number;
              };
              by_direction: {
                [key: string]: number;
              };
              /** @description Billed duration, in minutes (two decimals). */
              minutes: number;
              spend_cents: number;
              turn_latency: {
                /** @description Agent turns with a measured total latency. */
                agent_turns: number;
                average_ms: number | null;
                p95_ms: number | null;
              };
            }[];
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOrg: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            /** @description Calls the org may have in progress at once. */
            max_concurrent_calls: number;
            /** @description The prices that apply: the org's own where set, else the platform's defaults. */
            rates: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents: number;
              outbound_cents_per_minute: number;
              inbound_cents_per_minute: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute: number;
            };
            /** @description Only the prices set for this org by the operator. */
            rate_overrides: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents?: number;
              outbound_cents_per_minute?: number;
              inbound_cents_per_minute?: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute?: number;
            };
            balance_cents: number;
            /** @description How long call content is kept. The call itself stays as the billing record. */
            retention: {
              /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              recordings_days: number | null;
              /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              transcripts_days: number | null;
            };
            /** @description Transcript redaction. Empty: transcripts are stored as heard. */
            redaction: {
              /** @description Entity kinds masked in transcripts before they are stored (card numbers pass the Luhn check). */
              entities: ("phone_number" | "email" | "card_number")[];
              /** @description The org's own regular expressions, masked as well. */
              patterns: string[];
            };
            /** @description The secret that signs requests to your custom LLM and HTTP tools (null until first used). POST /org/signing-secret/rotate shows a new one once. */
            signing_secret: {
              prefix: string;
              /** Format: date-time */
              previous_expires_at: string | null;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `rate_limited`: Over the per-key limit: wait `Retry-After` seconds. */
      429: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  adminListOrgs: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              id: string;
              name: string;
              /** @description Calls the org may have in progress at once. */
              max_concurrent_calls: number;
              /** @description The prices that apply: the org's own where set, else the platform's defaults. */
              rates: {
                /** @description Monthly price of one phone number. */
                number_monthly_cents: number;
                outbound_cents_per_minute: number;
                inbound_cents_per_minute: number;
                /** @description Browser (WebRTC) calls. */
                web_cents_per_minute: number;
              };
              /** @description Only the prices set for this org by the operator. */
              rate_overrides: {
                /** @description Monthly price of one phone number. */
                number_monthly_cents?: number;
                outbound_cents_per_minute?: number;
                inbound_cents_per_minute?: number;
                /** @description Browser (WebRTC) calls. */
                web_cents_per_minute?: number;
              };
              balance_cents: number;
              /** @description How long call content is kept. The call itself stays as the billing record. */
              retention: {
                /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
                recordings_days: number | null;
                /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
                transcripts_days: number | null;
              };
              /** @description Transcript redaction. Empty: transcripts are stored as heard. */
              redaction: {
                /** @description Entity kinds masked in transcripts before they are stored (card numbers pass the Luhn check). */
                entities: ("phone_number" | "email" | "card_number")[];
                /** @description The org's own regular expressions, masked as well. */
                patterns: string[];
              };
              /** @description The secret that signs requests to your custom LLM and HTTP tools (null until first used). POST /org/signing-secret/rotate shows a new one once. */
              signing_secret: {
                prefix: string;
                /** Format: date-time */
                previous_expires_at: string | null;
              } | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            has_more: boolean;
            next_cursor: string | null;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `route_not_found`: Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  adminCreateOrg: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          /** @description Calls the org may have in progress at once, across every gateway. */
          max_concurrent_calls?: number;
          /** @description The org's own prices, in cents. A missing field is left as it is; null restores the platform default. */
          rates?: {
            /** @description Monthly price of one phone number. */
            number_monthly_cents?: number | null;
            /** @description Outbound calls. */
            outbound_cents_per_minute?: number | null;
            /** @description Inbound calls. */
            inbound_cents_per_minute?: number | null;
            /** @description Browser (WebRTC) calls. */
            web_cents_per_minute?: number | null;
          };
        };
        "application/x-www-form-urlencoded": {
          name: string;
          /** @description Calls the org may have in progress at once, across every gateway. */
          max_concurrent_calls?: number;
          /** @description The org's own prices, in cents. A missing field is left as it is; null restores the platform default. */
          rates?: {
            /** @description Monthly price of one phone number. */
            number_monthly_cents?: number | null;
            /** @description Outbound calls. */
            outbound_cents_per_minute?: number | null;
            /** @description Inbound calls. */
            inbound_cents_per_minute?: number | null;
            /** @description Browser (WebRTC) calls. */
            web_cents_per_minute?: number | null;
          };
        };
        "multipart/form-data": {
          name: string;
          /** @description Calls the org may have in progress at once, across every gateway. */
          max_concurrent_calls?: number;
          /** @description The org's own prices, in cents. A missing field is left as it is; null restores the platform default. */
          rates?: {
            /** @description Monthly price of one phone number. */
            number_monthly_cents?: number | null;
            /** @description Outbound calls. */
            outbound_cents_per_minute?: number | null;
            /** @description Inbound calls. */
            inbound_cents_per_minute?: number | null;
            /** @description Browser (WebRTC) calls. */
            web_cents_per_minute?: number | null;
          };
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            /** @description Calls the org may have in progress at once. */
            max_concurrent_calls: number;
            /** @description The prices that apply: the org's own where set, else the platform's defaults. */
            rates: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents: number;
              outbound_cents_per_minute: number;
              inbound_cents_per_minute: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute: number;
            };
            /** @description Only the prices set for this org by the operator. */
            rate_overrides: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents?: number;
              outbound_cents_per_minute?: number;
              inbound_cents_per_minute?: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute?: number;
            };
            balance_cents: number;
            /** @description How long call content is kept. The call itself stays as the billing record. */
            retention: {
              /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              recordings_days: number | null;
              /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              transcripts_days: number | null;
            };
            /** @description Transcript redaction. Empty: transcripts are stored as heard. */
            redaction: {
              /** @description Entity kinds masked in transcripts before they are stored (card numbers pass the Luhn check). */
              entities: ("phone_number" | "email" | "card_number")[];
              /** @description The org's own regular expressions, masked as well. */
              patterns: string[];
            };
            /** @description The secret that signs requests to your custom LLM and HTTP tools (null until first used). POST /org/signing-secret/rotate shows a new one once. */
            signing_secret: {
              prefix: string;
              /** Format: date-time */
              previous_expires_at: string | null;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `idempotency_key_unsupported`: An Idempotency-Key on a route that does not take one.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `route_not_found`: Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  adminGetOrg: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            /** @description Calls the org may have in progress at once. */
            max_concurrent_calls: number;
            /** @description The prices that apply: the org's own where set, else the platform's defaults. */
            rates: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents: number;
              outbound_cents_per_minute: number;
              inbound_cents_per_minute: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute: number;
            };
            /** @description Only the prices set for this org by the operator. */
            rate_overrides: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents?: number;
              outbound_cents_per_minute?: number;
              inbound_cents_per_minute?: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute?: number;
            };
            balance_cents: number;
            /** @description How long call content is kept. The call itself stays as the billing record. */
            retention: {
              /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              recordings_days: number | null;
              /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              transcripts_days: number | null;
            };
            /** @description Transcript redaction. Empty: transcripts are stored as heard. */
            redaction: {
              /** @description Entity kinds masked in transcripts before they are stored (card numbers pass the Luhn check). */
              entities: ("phone_number" | "email" | "card_number")[];
              /** @description The org's own regular expressions, masked as well. */
              patterns: string[];
            };
            /** @description The secret that signs requests to your custom LLM and HTTP tools (null until first used). POST /org/signing-secret/rotate shows a new one once. */
            signing_secret: {
              prefix: string;
              /** Format: date-time */
              previous_expires_at: string | null;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `not_found`: No such resource in your org (another org's resource is a 404 too).
       *
       *     `route_not_found`: Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  adminUpdateOrg: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          /** @description Calls the org may have in progress at once, across every gateway. */
          max_concurrent_calls?: number;
          /** @description The org's own prices, in cents. A missing field is left as it is; null restores the platform default. */
          rates?: {
            /** @description Monthly price of one phone number. */
            number_monthly_cents?: number | null;
            /** @description Outbound calls. */
            outbound_cents_per_minute?: number | null;
            /** @description Inbound calls. */
            inbound_cents_per_minute?: number | null;
            /** @description Browser (WebRTC) calls. */
            web_cents_per_minute?: number | null;
          };
          /** @description A missing field is left as it is; null keeps content forever. */
          retention?: {
            /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
            recordings_days?: number | null;
            /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
            transcripts_days?: number | null;
          };
          redaction?: {
            entities: ("phone_number" | "email" | "card_number")[];
            /** @description Regular expressions (JavaScript syntax, matched case-insensitively). */
            patterns?: string[];
          };
        };
        "application/x-www-form-urlencoded": {
          name?: string;
          /** @description Calls the org may have in progress at once, across every gateway. */
          max_concurrent_calls?: number;
          /** @description The org's own prices, in cents. A missing field is left as it is; null restores the platform default. */
          rates?: {
            /** @description Monthly price of one phone number. */
            number_monthly_cents?: number | null;
            /** @description Outbound calls. */
            outbound_cents_per_minute?: number | null;
            /** @description Inbound calls. */
            inbound_cents_per_minute?: number | null;
            /** @description Browser (WebRTC) calls. */
            web_cents_per_minute?: number | null;
          };
          /** @description A missing field is left as it is; null keeps content forever. */
          retention?: {
            /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
            recordings_days?: number | null;
            /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
            transcripts_days?: number | null;
          };
          redaction?: {
            entities: ("phone_number" | "email" | "card_number")[];
            /** @description Regular expressions (JavaScript syntax, matched case-insensitively). */
            patterns?: string[];
          };
        };
        "multipart/form-data": {
          name?: string;
          /** @description Calls the org may have in progress at once, across every gateway. */
          max_concurrent_calls?: number;
          /** @description The org's own prices, in cents. A missing field is left as it is; null restores the platform default. */
          rates?: {
            /** @description Monthly price of one phone number. */
            number_monthly_cents?: number | null;
            /** @description Outbound calls. */
            outbound_cents_per_minute?: number | null;
            /** @description Inbound calls. */
            inbound_cents_per_minute?: number | null;
            /** @description Browser (WebRTC) calls. */
            web_cents_per_minute?: number | null;
          };
          /** @description A missing field is left as it is; null keeps content forever. */
          retention?: {
            /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
            recordings_days?: number | null;
            /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
            transcripts_days?: number | null;
          };
          redaction?: {
            entities: ("phone_number" | "email" | "card_number")[];
            /** @description Regular expressions (JavaScript syntax, matched case-insensitively). */
            patterns?: string[];
          };
        };
      };
    };
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            /** @description Calls the org may have in progress at once. */
            max_concurrent_calls: number;
            /** @description The prices that apply: the org's own where set, else the platform's defaults. */
            rates: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents: number;
              outbound_cents_per_minute: number;
              inbound_cents_per_minute: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute: number;
            };
            /** @description Only the prices set for this org by the operator. */
            rate_overrides: {
              /** @description Monthly price of one phone number. */
              number_monthly_cents?: number;
              outbound_cents_per_minute?: number;
              inbound_cents_per_minute?: number;
              /** @description Browser (WebRTC) calls. */
              web_cents_per_minute?: number;
            };
            balance_cents: number;
            /** @description How long call content is kept. The call itself stays as the billing record. */
            retention: {
              /** @description Days the recording is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              recordings_days: number | null;
              /** @description Days the transcript and analysis is kept after the call ends; null keeps it, 0 removes it on the next daily run. */
              transcripts_days: number | null;
            };
            /** @description Transcript redaction. Empty: transcripts are stored as heard. */
            redaction: {
              /** @description Entity kinds masked in transcripts before they are stored (card numbers pass the Luhn check). */
              entities: ("phone_number" | "email" | "card_number")[];
              /** @description The org's own regular expressions, masked as well. */
              patterns: string[];
            };
            /** @description The secret that signs requests to your custom LLM and HTTP tools (null until first used). POST /org/signing-secret/rotate shows a new one once. */
            signing_secret: {
              prefix: string;
              /** Format: date-time */
              previous_expires_at: string | null;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `not_found`: No such resource in your org (another org's resource is a 404 too).
       *
       *     `route_not_found`: Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `validation_failed`: Field problems, listed in `errors[]`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  adminCreateApiKey: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          /**
           * @description Default owner.
           * @default owner
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
          /** Format: date-time */
          expires_at?: string | null;
        };
        "application/x-www-form-urlencoded": {
          name?: string;
          /**
           * @description Default owner.
           * @default owner
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
          /** Format: date-time */
          expires_at?: string | null;
        };
        "multipart/form-data": {
          name?: string;
          /**
           * @description Default owner.
           * @default owner
           * @enum {string}
           */
          role?: "owner" | "admin" | "member";
          /** Format: date-time */
          expires_at?: string | null;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            /** @description The first characters of the secret. */
            prefix: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /** @description The full secret. Shown only in this response. */
            key: string;
            org_id: string;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `not_found`: No such resource in your org (another org's resource is a 404 too).
       *
       *     `route_not_found`: Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`). */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  adminAdjustCredits: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with `Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored. */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Positive: a grant. Negative: a correction, which may not take the balance below zero. */
          amount_cents: number;
          /** @description Why; recorded as the ledger entry's description, which the tenant sees. */
          reason: string;
        };
        "application/x-www-form-urlencoded": {
          /** @description Positive: a grant. Negative: a correction, which may not take the balance below zero. */
          amount_cents: number;
          /** @description Why; recorded as the ledger entry's description, which the tenant sees. */
          reason: string;
        };
        "multipart/form-data": {
          /** @description Positive: a grant. Negative: a correction, which may not take the balance below zero. */
          amount_cents: number;
          /** @description Why; recorded as the ledger entry's description, which the tenant sees. */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            transaction: {
              id: string;
              /** @enum {string} */
              kind:
                | "purchase"
                | "number_purchase"
                | "number_renewal"
                | "call_usage"
                | "sms_usage"
                | "adjustment"
                | "refund"
                | "grant"
                | "correction";
              /** @description Signed: credits are positive, spending negative. */
              amount_cents: number;
              balance_after_cents: number;
              reference: string | null;
              description: string | null;
              /** Format: date-time */
              created_at: string;
            };
            balance_cents: number;
          };
        };
      };
      /**
       * @description `malformed_body`: The body is not valid JSON.
       *
       *     `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       *
       *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `not_found`: No such resource in your org (another org's resource is a 404 too).
       *
       *     `route_not_found`: Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `idempotency_key_in_use`: The first request with this Idempotency-Key is still running (`Retry-After: 1`).
       *
       *     `balance_would_be_negative`: A correction larger than the balance.
       */
      409: {
        headers: {
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /**
       * @description `validation_failed`: Field problems, listed in `errors[]`.
       *
       *     `idempotency_key_reused`: The Idempotency-Key was used for another request (method, path or body).
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  adminListGateways: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Live gateways, by id. */
            data: {
              /** @description The gateway's id, `gateway-<host>-<sip port>`. */
              id: string;
              /** @description Where its SIP listens (UDP and TCP), `host:port`: the SIP edge dispatches calls there. */
              sip_address: string;
              /** @description The media address it advertises in SDP (PUBLIC_IP). */
              rtp_address: string;
              rtp_port_min: number;
              rtp_port_max: number;
              /** @description Calls the operator planned for it (GATEWAY_CAPACITY_CALLS). */
              capacity_calls: number;
              /** @description SIP calls ringing, live or ending. */
              calls_in_progress: number;
              /** @description CPU time of its process since the previous announcement, in percent of one core. */
              cpu_percent: number;
              /** @description Stopping: it takes no new calls and has left the edge's rotation. */
              draining: boolean;
              /** Format: date-time */
              started_at: string;
              /** Format: date-time */
              announced_at: string;
              /**
               * Format: date-time
               * @description Unless announced again by then, the gateway is taken for gone.
               */
              expires_at: string;
            }[];
          };
        };
      };
      /**
       * @description `invalid_character`: A NUL character in the path, a query parameter or the body.
       *
       *     `invalid_encoding`: Bytes that are not UTF-8, or a lone surrogate escape, in the path, a query parameter or the body.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `invalid_api_key`: The key is missing, malformed, unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description `route_not_found`: Without the operator's key (or without ADMIN_API_KEY configured) the admin routes do not exist. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
}
