// Configuration from the environment, validated once at start. Every bad value is reported,
// one line each, before the process gives up.
import {
  type CarriersConfig,
  type PaymentsConfig,
  readCarriersConfig,
  readPaymentsConfig,
} from "./config-carriers.ts";
import { parseRealtimeTokenPrices, type RealtimeTokenPrices } from "./realtime.ts";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

export interface Config {
  databaseUrl: string | null;
  redisUrl: string | null;
  dataDir: string;
  controlHost: string;
  controlPort: number;
  gatewayPort: number;
  sipPort: number;
  publicIp: string | null;
  publicBaseUrl: string | null;
  rtpPortMin: number;
  rtpPortMax: number;
  logLevel: LogLevel;
  initApiKey: string | null;
  rateLimitPerMinute: number;
  numberInventory: string | null;
  /**
   * Tenant-supplied URLs (webhooks, knowledge, custom LLM, HTTP tools, provider base URLs) may
   * reach loopback, private and link-local addresses. Off by default: a tenant could otherwise
   * make the platform call the operator's internal services.
   */
  allowPrivateUrls: boolean;
  /** Operator key for /api/v1/admin (sk_admin_...); unset: the admin routes answer 404. */
  adminApiKey: string | null;
  /** Mail server for invitation and reset links (smtp:// or smtps://); unset: links are only shown. */
  smtpUrl: string | null;
  /** The From of those mails. */
  smtpFrom: string;
  /** Bearer token GET /metrics (control and gateways) asks for; unset: /metrics is open. */
  metricsToken: string | null;
  /** OTLP/HTTP endpoint traces go to (OTEL_EXPORTER_OTLP_ENDPOINT); unset: tracing is off. */
  otelExporterOtlpEndpoint: string | null;
  /**
   * A tenant's POST /credits/purchase is granted at once without a payment provider. Defaults
   * to true only on the embedded single-org setup (no DATABASE_URL, no ADMIN_API_KEY).
   */
  selfServeCredits: boolean;
  /**
   * `max_concurrent_calls` of a new org unless its creator sets one; gateways also apply it to an
   * org whose cap control has not published.
   */
  orgDefaultMaxConcurrentCalls: number;
  /** Encrypts stored secrets (webhook signing secrets); unset: a key file under DATA_DIR. */
  secretKey: string | null;
  numberMonthlyCents: number;
  outboundCentsPerMinute: number;
  inboundCentsPerMinute: number;
  /** Default `credits.low` threshold for orgs that have not set their own. */
  creditsLowThresholdCents: number;
  /** Browser (WebRTC) calls; unset: the inbound rate. */
  webCentsPerMinute: number;
  /** Realtime (speech-to-speech) calls also pay their model's tokens at these prices. */
  realtimeTokenPrices: RealtimeTokenPrices;
  /** E.164 prefixes outbound calls may dial (e.g. "+1,+44"); empty: any destination. */
  outboundAllowedPrefixes: string[];
  /** How often a gateway writes its heartbeat (Hashes.gatewayHeartbeats). */
  gatewayHeartbeatIntervalMs: number;
  /** Calls this gateway is planned for, announced to the cluster (shared/src/cluster/announcement.ts). */
  gatewayCapacityCalls: number;
  /** A gateway silent this long is lost: its open calls end as failed (`gateway_lost`). */
  gatewayLostAfterMs: number;
  /** Call events pending this long on a dead control consumer are claimed by another. */
  callEventsClaimIdleMs: number;
  /**
   * After a read of call events that was not full, control waits this long before the next
   * (default 100 ms on PostgreSQL, 25 ms on the embedded PGlite).
   */
  callEventsGatherMs: number;
  /** Control rebuilds everything it publishes on the bus from the database this often. */
  busReconcileIntervalS: number;
  /** On SIGTERM a gateway lets its calls run this long, then ends the rest with the goodbye. */
  drainTimeoutS: number;
  /** What the agent says to each call still running when the drain time is up. */
  drainGoodbyeMessage: string;
  /** S3-compatible recording storage; unset bucket: recordings are read from local paths. */
  s3Bucket: string | null;
  s3Endpoint: string | null;
  s3Region: string | null;
  s3AccessKeyId: string | null;
  s3SecretAccessKey: string | null;
  sipTrunkInboundCidrs: string[];
  sipTrunkOutboundUri: string | null;
  sipTrunkUsername: string | null;
  sipTrunkPassword: string | null;
  /** Address the SIP transport binds (UDP and TCP on SIP_PORT). */
  sipBindAddress: string;
  /** Untrusted sources: more than this many requests in `sipFloodWindowMs` bans them. */
  sipFloodMaxRequests: number;
  sipFloodWindowMs: number;
  sipFloodBanMs: number;
  /** Delay between 180 Ringing and the answer of an inbound call. */
  sipRingDelayMs: number;
  /**
   * Safety ceiling: calls of one org this gateway holds at once, whatever the org's own
   * platform-wide `max_concurrent_calls`; more are refused with 503 and Retry-After.
   */
  sipMaxCallsPerOrg: number;
  /** An outbound call not answered within this time is cancelled (no_answer). */
  sipOutboundRingTimeoutMs: number;
  sipDigestRealm: string;
  /** Digest challenges offered to inbound trunks, preferred first (RFC 8760 §2.4). */
  sipDigestAlgorithms: Array<"SHA-256" | "MD5">;
  /** A call that has received no RTP for this long is ended. */
  sipMediaTimeoutMs: number;
  openaiBaseUrl: string;
  openaiApiKey: string | null;
  /** Gemini Live (realtime agents): the Generative Language API's base URL and the operator's key. */
  geminiBaseUrl: string;
  geminiApiKey: string | null;
  deepgramBaseUrl: string;
  deepgramApiKey: string | null;
  elevenlabsBaseUrl: string;
  elevenlabsApiKey: string | null;
  embeddingModel: string;
  modelsDir: string | null;
  openaiTtsModel: string;
  /** Post-call analysis with this model (at analysisBaseUrl, with the operator's OpenAI key) instead of each agent's LLM; null: the agent's. */
  analysisModel: string | null;
  /** An OpenAI-compatible API for analysisModel; null: OPENAI_BASE_URL. */
  analysisBaseUrl: string | null;
  elevenlabsModelId: string;
  /** Local Whisper model id, read from MODELS_DIR (never downloaded at run time). */
  whisperModel: string;
  /**
   * End-of-turn audio model for agents in turn mode `model`: ONNX weights with Smart Turn v3's
   * signature; unset, missing or unloadable: those agents decide as `adaptive`.
   */
  turnModelPath: string | null;
  knowledgeFetchTimeoutMs: number;
  /** Largest upload or fetched page, in bytes. */
  knowledgeMaxBytes: number;
  /** Target chunk size in model tokens; consecutive chunks overlap by about an eighth. */
  knowledgeChunkTokens: number;
  /** Most tokens of retrieved passages added to one turn's LLM context. */
  knowledgeTokenBudget: number;
  /** HMAC secret for browser call tokens, shared by control and gateways; unset: derived from SECRET_KEY or the key file under DATA_DIR. */
  webCallSecret: string | null;
  /** Lifetime of a browser call token. */
  webCallTokenTtlS: number;
  /** Gateway base URL browsers reach for WebRTC signalling; unset: http://localhost:GATEWAY_PORT. */
  gatewayPublicUrl: string | null;
  /** STUN servers offered to browsers and used by the gateway's ICE agent. */
  stunUrls: string[];
  turnUrl: string | null;
  turnUsername: string | null;
  turnPassword: string | null;
  /** Call tokens one publishable widget key may mint per minute, per origin. */
  widgetRateLimitPerMinute: number;
  /** A LiveKit server browser calls may go through (rooms the gateway joins); null: WHIP only. */
  livekit: LiveKitConfig | null;
  /** Numbers and SMS through Twilio or Telnyx (config-carriers.ts). */
  carriers: CarriersConfig;
  /** Card payments for credits (config-carriers.ts). */
  payments: PaymentsConfig;
}

export interface LiveKitConfig {
  /** The server's URL as browsers and gateways reach it (wss://...). */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace"];
export const API_KEY_PATTERN = /^sk_live_[A-Za-z0-9]{22,}$/;
export const ADMIN_API_KEY_PATTERN = /^sk_admin_[A-Za-z0-9]{22,}$/;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | null {
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  port(name: string, fallback: number): number {
    return this.integer(name, fallback, 0, 65535);
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === null) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name}=${JSON.stringify(value)} must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined || value === null) return fallback;
    if (["true", "1", "yes"].includes(value)) return true;
    if (["false", "0", "no"].includes(value)) return false;
    this.problems.push(`${name}=${JSON.stringify(value)} must be true or false`);
    return fallback;
  }

  url(name: string, protocols: string[], fallback: string | null): string | null {
    const value = this.raw(name);
    if (value === null) return fallback;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must use ${protocols.join(" or ")} (got ${parsed.protocol})`);
        return fallback;
      }
      return value.replace(/\/+$/, "");
    } catch {
      this.problems.push(`${name} is not a valid URL`);
      return fallback;
    }
  }

  list(name: string): string[] {
    const value = this.raw(name);
    return value
      ? value
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean)
      : [];
  }
}

function readRealtimeTokenPrices(read: Reader): RealtimeTokenPrices {
  const raw = read.raw("REALTIME_TOKEN_PRICES");
  if (raw === null) return {};
  const parsed = parseRealtimeTokenPrices(raw);
  if ("prices" in parsed) return parsed.prices;
  read.problems.push(`REALTIME_TOKEN_PRICES ${parsed.problem}`);
  return {};
}

const CIDR_PATTERN = /^([0-9.]+|[0-9a-fA-F:]+)(\/\d{1,3})?$/;

export function loadConfig(env: Env = process.env): Config {
  const read = new Reader(env);
  const logLevel = read.string("LOG_LEVEL", "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    read.problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)} must be one of ${LOG_LEVELS.join(", ")}`);
  }
  const initApiKey = read.raw("INIT_API_KEY");
  if (initApiKey !== null && !API_KEY_PATTERN.test(initApiKey)) {
    read.problems.push("INIT_API_KEY must look like sk_live_ followed by at least 22 letters or digits");
  }
  const inboundCidrs = read.list("SIP_TRUNK_INBOUND_CIDRS");
  for (const cidr of inboundCidrs) {
    if (!CIDR_PATTERN.test(cidr))
      read.problems.push(`SIP_TRUNK_INBOUND_CIDRS has a bad entry ${JSON.stringify(cidr)}`);
  }
  const outboundUri = read.raw("SIP_TRUNK_OUTBOUND_URI");
  if (outboundUri !== null && !/^sips?:/.test(outboundUri)) {
    read.problems.push("SIP_TRUNK_OUTBOUND_URI must be a sip: or sips: URI");
  }
  for (const prefix of read.list("OUTBOUND_ALLOWED_PREFIXES")) {
    if (!/^\+\d{1,15}$/.test(prefix))
      read.problems.push(
        `OUTBOUND_ALLOWED_PREFIXES has a bad entry ${JSON.stringify(prefix)} (want +digits)`,
      );
  }
  const digestAlgorithms = (
    read.raw("SIP_DIGEST_ALGORITHMS") ? read.list("SIP_DIGEST_ALGORITHMS") : ["SHA-256", "MD5"]
  ).map((name) => name.toUpperCase());
  if (
    digestAlgorithms.length === 0 ||
    digestAlgorithms.some((name) => name !== "SHA-256" && name !== "MD5")
  ) {
    read.problems.push("SIP_DIGEST_ALGORITHMS must list SHA-256 and/or MD5");
  }
  const rtpPortMin = read.port("RTP_PORT_MIN", 10000);
  const rtpPortMax = read.port("RTP_PORT_MAX", 20000);
  if (rtpPortMin >= rtpPortMax) read.problems.push("RTP_PORT_MIN must be below RTP_PORT_MAX");
  for (const url of read.list("STUN_URLS")) {
    if (!/^stuns?:/.test(url))
      read.problems.push(`STUN_URLS has a bad entry ${JSON.stringify(url)} (stun: or stuns:)`);
  }
  const turnUrl = read.raw("TURN_URL");
  if (turnUrl !== null && !/^turns?:/.test(turnUrl))
    read.problems.push("TURN_URL must be a turn: or turns: URI");
  if (turnUrl !== null && (read.raw("TURN_USERNAME") === null || read.raw("TURN_PASSWORD") === null)) {
    read.problems.push("TURN_URL needs TURN_USERNAME and TURN_PASSWORD");
  }
  const adminApiKey = read.raw("ADMIN_API_KEY");
  if (adminApiKey !== null && !ADMIN_API_KEY_PATTERN.test(adminApiKey)) {
    read.problems.push("ADMIN_API_KEY must look like sk_admin_ followed by at least 22 letters or digits");
  }
  // ALLOW_PRIVATE_URLS is the setting; the older per-feature names remain aliases of it.
  const allowPrivateByAlias =
    read.boolean("WEBHOOK_ALLOW_PRIVATE", false) || read.boolean("KNOWLEDGE_ALLOW_PRIVATE", false);
  const allowPrivateUrls = read.boolean("ALLOW_PRIVATE_URLS", allowPrivateByAlias);
  const embeddedSingleOrg = read.raw("DATABASE_URL") === null && adminApiKey === null;
  const livekitUrl = read.url("LIVEKIT_URL", ["ws:", "wss:", "http:", "https:"], null);
  const livekitApiKey = read.raw("LIVEKIT_API_KEY");
  const livekitApiSecret = read.raw("LIVEKIT_API_SECRET");
  const livekitSet = [livekitUrl, livekitApiKey, livekitApiSecret].filter((value) => value !== null);
  if (livekitSet.length > 0 && livekitSet.length < 3) {
    read.problems.push("LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together, or none");
  }
  const webCallSecret = read.raw("WEB_CALL_SECRET");
  if (webCallSecret !== null && webCallSecret.length < 32) {
    read.problems.push("WEB_CALL_SECRET must be at least 32 characters");
  }

  const config: Config = {
    databaseUrl: read.url("DATABASE_URL", ["postgres:", "postgresql:"], null),
    redisUrl: read.url("REDIS_URL", ["redis:", "rediss:"], null),
    dataDir: read.string("DATA_DIR", "./data"),
    controlHost: read.string("CONTROL_HOST", "0.0.0.0"),
    controlPort: read.port("CONTROL_PORT", 3000),
    gatewayPort: read.port("GATEWAY_PORT", 3001),
    sipPort: read.port("SIP_PORT", 5060),
    publicIp: read.raw("PUBLIC_IP"),
    publicBaseUrl: read.url("PUBLIC_BASE_URL", ["http:", "https:"], null),
    rtpPortMin,
    rtpPortMax,
    logLevel,
    initApiKey,
    rateLimitPerMinute: read.integer("RATE_LIMIT_PER_MINUTE", 100, 1, 1_000_000),
    numberInventory: read.raw("NUMBER_INVENTORY"),
    allowPrivateUrls,
    adminApiKey,
    smtpUrl: read.url("SMTP_URL", ["smtp:", "smtps:"], null),
    smtpFrom: read.string("SMTP_FROM", "Switchboard <no-reply@localhost>"),
    metricsToken: read.raw("METRICS_TOKEN"),
    otelExporterOtlpEndpoint: read.url("OTEL_EXPORTER_OTLP_ENDPOINT", ["http:", "https:"], null),
    selfServeCredits: read.boolean("SELF_SERVE_CREDITS", embeddedSingleOrg),
    orgDefaultMaxConcurrentCalls: read.integer("ORG_DEFAULT_MAX_CONCURRENT_CALLS", 10, 1, 100_000),
    secretKey: read.raw("SECRET_KEY"),
    numberMonthlyCents: read.integer("NUMBER_MONTHLY_CENTS", 500, 0, 1_000_000),
    outboundCentsPerMinute: read.integer("OUTBOUND_CENTS_PER_MINUTE", 5, 0, 100_000),
    inboundCentsPerMinute: read.integer("INBOUND_CENTS_PER_MINUTE", 3, 0, 100_000),
    creditsLowThresholdCents: read.integer("CREDITS_LOW_THRESHOLD_CENTS", 500, 0, 100_000_000),
    webCentsPerMinute: read.integer("WEB_CENTS_PER_MINUTE", -1, 0, 100_000),
    realtimeTokenPrices: readRealtimeTokenPrices(read),
    outboundAllowedPrefixes: read.list("OUTBOUND_ALLOWED_PREFIXES"),
    gatewayHeartbeatIntervalMs: read.integer("GATEWAY_HEARTBEAT_INTERVAL_MS", 2000, 100, 60_000),
    gatewayCapacityCalls: read.integer("GATEWAY_CAPACITY_CALLS", 200, 1, 100_000),
    gatewayLostAfterMs: read.integer("GATEWAY_LOST_AFTER_MS", 15_000, 1000, 3_600_000),
    callEventsClaimIdleMs: read.integer("CALL_EVENTS_CLAIM_IDLE_MS", 30_000, 100, 3_600_000),
    // On PostgreSQL every transaction is round trips and backend work, and a longer gather saved
    // a tenth of the platform's CPU per call; on the embedded PGlite it saved none (BENCHMARKS.md).
    callEventsGatherMs: read.integer(
      "CALL_EVENTS_GATHER_MS",
      read.raw("DATABASE_URL") === null ? 25 : 100,
      0,
      1000,
    ),
    busReconcileIntervalS: read.integer("BUS_RECONCILE_INTERVAL_S", 60, 1, 86_400),
    drainTimeoutS: read.integer("DRAIN_TIMEOUT_S", 300, 0, 86_400),
    drainGoodbyeMessage: read.string(
      "DRAIN_GOODBYE_MESSAGE",
      "I'm sorry, I have to end the call now. Goodbye.",
    ),
    s3Bucket: read.raw("S3_BUCKET"),
    s3Endpoint: read.url("S3_ENDPOINT", ["http:", "https:"], null),
    s3Region: read.raw("S3_REGION"),
    s3AccessKeyId: read.raw("S3_ACCESS_KEY_ID"),
    s3SecretAccessKey: read.raw("S3_SECRET_ACCESS_KEY"),
    sipTrunkInboundCidrs: inboundCidrs,
    sipTrunkOutboundUri: outboundUri,
    sipTrunkUsername: read.raw("SIP_TRUNK_USERNAME"),
    sipTrunkPassword: read.raw("SIP_TRUNK_PASSWORD"),
    sipBindAddress: read.string("SIP_BIND_ADDRESS", "0.0.0.0"),
    sipFloodMaxRequests: read.integer("SIP_FLOOD_MAX_REQUESTS", 16, 1, 1_000_000),
    sipFloodWindowMs: read.integer("SIP_FLOOD_WINDOW_MS", 2000, 100, 3_600_000),
    sipFloodBanMs: read.integer("SIP_FLOOD_BAN_MS", 300_000, 1000, 86_400_000),
    sipRingDelayMs: read.integer("SIP_RING_DELAY_MS", 0, 0, 60_000),
    sipMaxCallsPerOrg: read.integer("SIP_MAX_CALLS_PER_ORG", 20, 1, 100_000),
    sipOutboundRingTimeoutMs: read.integer("SIP_OUTBOUND_RING_TIMEOUT_MS", 60_000, 1000, 600_000),
    sipDigestRealm: read.string("SIP_DIGEST_REALM", "switchboard"),
    sipDigestAlgorithms: digestAlgorithms as Array<"SHA-256" | "MD5">,
    sipMediaTimeoutMs: read.integer("SIP_MEDIA_TIMEOUT_MS", 60_000, 1000, 3_600_000),
    openaiBaseUrl: read.url("OPENAI_BASE_URL", ["http:", "https:"], "https://api.openai.com/v1")!,
    openaiApiKey: read.raw("OPENAI_API_KEY"),
    geminiBaseUrl: read.url(
      "GEMINI_BASE_URL",
      ["http:", "https:", "ws:", "wss:"],
      "wss://generativelanguage.googleapis.com",
    )!,
    geminiApiKey: read.raw("GEMINI_API_KEY"),
    deepgramBaseUrl: read.url(
      "DEEPGRAM_BASE_URL",
      ["http:", "https:", "ws:", "wss:"],
      "wss://api.deepgram.com/v1",
    )!,
    deepgramApiKey: read.raw("DEEPGRAM_API_KEY"),
    elevenlabsBaseUrl: read.url(
      "ELEVENLABS_BASE_URL",
      ["http:", "https:", "ws:", "wss:"],
      "https://api.elevenlabs.io/v1",
    )!,
    elevenlabsApiKey: read.raw("ELEVENLABS_API_KEY"),
    embeddingModel: read.string("EMBEDDING_MODEL", "Xenova/all-MiniLM-L6-v2"),
    modelsDir: read.raw("MODELS_DIR"),
    openaiTtsModel: read.string("OPENAI_TTS_MODEL", "gpt-4o-mini-tts"),
    analysisModel: read.raw("ANALYSIS_MODEL"),
    analysisBaseUrl: read.url("ANALYSIS_BASE_URL", ["http:", "https:"], null),
    elevenlabsModelId: read.string("ELEVENLABS_MODEL_ID", "eleven_flash_v2_5"),
    whisperModel: read.string("WHISPER_MODEL", "onnx-community/whisper-tiny.en"),
    turnModelPath: read.raw("TURN_MODEL_PATH"),
    knowledgeFetchTimeoutMs: read.integer("KNOWLEDGE_FETCH_TIMEOUT_MS", 10_000, 100, 120_000),
    knowledgeMaxBytes: read.integer("KNOWLEDGE_MAX_BYTES", 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    knowledgeChunkTokens: read.integer("KNOWLEDGE_CHUNK_TOKENS", 200, 16, 8192),
    knowledgeTokenBudget: read.integer("KNOWLEDGE_TOKEN_BUDGET", 600, 0, 32_000),
    webCallSecret: read.raw("WEB_CALL_SECRET"),
    webCallTokenTtlS: read.integer("WEB_CALL_TOKEN_TTL_S", 120, 10, 3600),
    gatewayPublicUrl: read.url("GATEWAY_PUBLIC_URL", ["http:", "https:"], null),
    stunUrls: read.list("STUN_URLS"),
    turnUrl: read.raw("TURN_URL"),
    turnUsername: read.raw("TURN_USERNAME"),
    turnPassword: read.raw("TURN_PASSWORD"),
    widgetRateLimitPerMinute: read.integer("WIDGET_RATE_LIMIT_PER_MINUTE", 20, 1, 100_000),
    livekit:
      livekitUrl !== null && livekitApiKey !== null && livekitApiSecret !== null
        ? { url: livekitUrl, apiKey: livekitApiKey, apiSecret: livekitApiSecret }
        : null,
    carriers: readCarriersConfig(read),
    payments: readPaymentsConfig(read),
  };
  if (config.webCentsPerMinute < 0) config.webCentsPerMinute = config.inboundCentsPerMinute;
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
