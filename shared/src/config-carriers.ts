// Carriers (numbers and SMS through Twilio or Telnyx) and card payments (Stripe): the part of
// the configuration docs/SMS.md and docs/PAYMENTS.md describe.

export type NumberProviderName = "inventory" | "twilio" | "telnyx";
export type SmsCarrier = "twilio" | "telnyx";

export interface CarriersConfig {
  /** Where numbers are bought (NUMBER_PROVIDER). */
  numberProvider: NumberProviderName;
  /** The carrier that sends and receives SMS for numbers of the operator's inventory; null: none. */
  smsCarrier: SmsCarrier | null;
  /** The base URL carriers are given for their callbacks, and the URL Twilio's signature covers. */
  publicUrl: string | null;
  /**
   * ORG_CARRIER_CREDENTIALS: orgs may bring their own Twilio or Telnyx account (a provider
   * credential), used for their number search, purchase, release and SMS instead of the platform's.
   */
  orgCarrierCredentials: boolean;
  twilioBaseUrl: string;
  twilioAccountSid: string | null;
  twilioAuthToken: string | null;
  /** The Elastic SIP Trunk bought numbers are put on (voice to the gateway); null: voice unset. */
  twilioTrunkSid: string | null;
  telnyxBaseUrl: string;
  telnyxApiKey: string | null;
  /** Base64 of the account's raw Ed25519 public key. */
  telnyxPublicKey: string | null;
  /** The SIP connection (voice to the gateway) and messaging profile bought numbers get. */
  telnyxConnectionId: string | null;
  telnyxMessagingProfileId: string | null;
  /** A Telnyx callback signed further than this from now is refused as a replay. */
  telnyxWebhookToleranceS: number;
  /** Price of one SMS segment sent (GSM-7: 160 characters alone, 153 in a longer message). */
  smsCentsPerSegment: number;
  /** A text conversation with a number's agent ends after this long without a message. */
  smsConversationIdleS: number;
  /** Most replies a number's agent sends to one sender per minute. */
  smsAgentRepliesPerMinute: number;
}

export interface PaymentsConfig {
  /** null: no card payments (SELF_SERVE_CREDITS or the operator grants credits). */
  provider: "stripe" | null;
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  stripeBaseUrl: string;
}

/** The part of config.ts's reader this file uses. */
interface ConfigReader {
  readonly problems: string[];
  raw(name: string): string | null;
  integer(name: string, fallback: number, min: number, max: number): number;
  url(name: string, protocols: string[], fallback: string | null): string | null;
  boolean(name: string, fallback: boolean): boolean;
}

function oneOf<T extends string>(
  read: ConfigReader,
  name: string,
  values: readonly T[],
  fallback: T | null,
): T | null {
  const value = read.raw(name)?.toLowerCase() ?? null;
  if (value === null) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  read.problems.push(`${name}=${JSON.stringify(value)} must be one of ${values.join(", ")}`);
  return fallback;
}

export function readCarriersConfig(read: ConfigReader): CarriersConfig {
  const numberProvider = oneOf(
    read,
    "NUMBER_PROVIDER",
    ["inventory", "twilio", "telnyx"] as const,
    "inventory",
  )!;
  const smsCarrier = oneOf(
    read,
    "SMS_CARRIER",
    ["twilio", "telnyx"] as const,
    numberProvider === "inventory" ? null : numberProvider,
  );
  const config: CarriersConfig = {
    numberProvider,
    smsCarrier,
    publicUrl: read.url(
      "PUBLIC_URL",
      ["http:", "https:"],
      read.url("PUBLIC_BASE_URL", ["http:", "https:"], null),
    ),
    orgCarrierCredentials: read.boolean("ORG_CARRIER_CREDENTIALS", false),
    twilioBaseUrl: read.url("TWILIO_BASE_URL", ["http:", "https:"], "https://api.twilio.com")!,
    twilioAccountSid: read.raw("TWILIO_ACCOUNT_SID"),
    twilioAuthToken: read.raw("TWILIO_AUTH_TOKEN"),
    twilioTrunkSid: read.raw("TWILIO_TRUNK_SID"),
    telnyxBaseUrl: read.url("TELNYX_BASE_URL", ["http:", "https:"], "https://api.telnyx.com/v2")!,
    telnyxApiKey: read.raw("TELNYX_API_KEY"),
    telnyxPublicKey: read.raw("TELNYX_PUBLIC_KEY"),
    telnyxConnectionId: read.raw("TELNYX_CONNECTION_ID"),
    telnyxMessagingProfileId: read.raw("TELNYX_MESSAGING_PROFILE_ID"),
    telnyxWebhookToleranceS: read.integer("TELNYX_WEBHOOK_TOLERANCE_S", 300, 1, 3600),
    smsCentsPerSegment: read.integer("SMS_CENTS_PER_SEGMENT", 1, 0, 10_000),
    smsConversationIdleS: read.integer("SMS_CONVERSATION_IDLE_S", 1800, 10, 604_800),
    smsAgentRepliesPerMinute: read.integer("SMS_AGENT_REPLIES_PER_MINUTE", 5, 1, 1000),
  };
  const uses = new Set([numberProvider, smsCarrier]);
  if (uses.has("twilio") && (config.twilioAccountSid === null || config.twilioAuthToken === null)) {
    read.problems.push(
      "Twilio is in use (NUMBER_PROVIDER or SMS_CARRIER): set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN",
    );
  }
  if (uses.has("telnyx") && (config.telnyxApiKey === null || config.telnyxPublicKey === null)) {
    read.problems.push(
      "Telnyx is in use (NUMBER_PROVIDER or SMS_CARRIER): set TELNYX_API_KEY and TELNYX_PUBLIC_KEY",
    );
  }
  return config;
}

export function readPaymentsConfig(read: ConfigReader): PaymentsConfig {
  const provider = oneOf(read, "PAYMENT_PROVIDER", ["stripe"] as const, null);
  const config: PaymentsConfig = {
    provider,
    stripeSecretKey: read.raw("STRIPE_SECRET_KEY"),
    stripeWebhookSecret: read.raw("STRIPE_WEBHOOK_SECRET"),
    stripeBaseUrl: read.url("STRIPE_BASE_URL", ["http:", "https:"], "https://api.stripe.com")!,
  };
  if (provider === "stripe" && (config.stripeSecretKey === null || config.stripeWebhookSecret === null)) {
    read.problems.push("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
  }
  return config;
}
