import type { Bus } from "@switchboard/shared/bus/contract";
import { connectBus } from "@switchboard/shared/bus/index";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import { type ControlApp, createControlApp } from "./app.ts";
import { startBillingBackground } from "./billing/background.ts";
import { BusStateReconciler } from "./bus-state/reconcile.ts";
import type { ControlContext } from "./context.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { Authenticator } from "./http/auth.ts";
import { Idempotency } from "./http/idempotency.ts";
import { startAnalysisBackground } from "./modules/analysis/background.ts";
import { startCallsBackground } from "./modules/calls/background.ts";
import { startCampaignDispatcher } from "./modules/campaigns/dispatcher-background.ts";
import { startKnowledgeBackground } from "./modules/knowledge/background.ts";
import { ensureInitialOwnerKey } from "./modules/orgs/service.ts";
import { AutoRecharger } from "./modules/payments/auto-recharge.ts";
import { startRetentionScheduler } from "./modules/retention/scheduler.ts";
import { SmsAgentReplier } from "./modules/sms/agent-replies.ts";
import { CallSmsSender } from "./modules/sms/call-sms-sender.ts";
import { linkUrl } from "./modules/users/links.ts";
import { ownerSetupLink } from "./modules/users/service.ts";

const IDEMPOTENCY_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** On stop, requests in flight get this long to finish before their connections are cut. */
const HTTP_STOP_TIMEOUT_MS = 10_000;

export interface RunningControl {
  ctx: ControlContext;
  app: ControlApp;
  url: string;
  database: DatabaseHandle;
  /** The new owner key when this start created one (shown once), else null. */
  generatedOwnerKey: string | null;
  /** First run only: the one-time link that sets up the owner's dashboard sign-in. */
  ownerSignInUrl: string | null;
  stop(): Promise<void>;
}

/** Opens the database (applying migrations), connects the bus and serves the API. */
export async function startControl(options: {
  config: Config;
  log: Logger;
  bus?: Bus;
  /** Skip binding a port (tests call `app.handle`). */
  listen?: boolean;
  /** Embedded default: PGlite under DATA_DIR; null keeps it in memory (tests). */
  pgliteDir?: string | null;
}): Promise<RunningControl> {
  const { config, log } = options;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.pgliteDir === undefined ? config.dataDir : options.pgliteDir,
  });
  const bus = options.bus ?? (await connectBus(config.redisUrl));
  const authenticator = new Authenticator(database.db, bus);
  await authenticator.start();
  const ctx: ControlContext = { config, db: database.db, bus, log, authenticator };
  const initial = await ensureInitialOwnerKey(
    database.db,
    config.initApiKey,
    config.orgDefaultMaxConcurrentCalls,
  );
  const billing = await startBillingBackground(ctx);
  const callsBackground = startCallsBackground(ctx);
  const analysis = startAnalysisBackground(ctx);
  const retention = startRetentionScheduler(ctx);
  const campaignDispatcher = startCampaignDispatcher(ctx);
  const smsAgentReplies = new SmsAgentReplier(ctx);
  smsAgentReplies.start();
  const callSms = new CallSmsSender(ctx);
  callSms.start();
  const autoRecharger = new AutoRecharger(ctx);
  autoRecharger.start();
  const knowledge = await startKnowledgeBackground(ctx);
  // Everything gateways read is on the bus before the API serves (a restarted platform, an
  // empty Redis), and kept there.
  const busState = new BusStateReconciler(
    { db: database.db, bus, config },
    log.child({ component: "bus-state" }),
    config.busReconcileIntervalS * 1000,
  );
  await busState.start();

  const idempotencySweep = setInterval(() => {
    new Idempotency(database.db)
      .sweep()
      .catch((error) => log.warn({ err: error }, "idempotency sweep failed"));
  }, IDEMPOTENCY_SWEEP_INTERVAL_MS);
  idempotencySweep.unref();

  const app = createControlApp(ctx, async () => {
    try {
      await database.db.execute("select 1");
      return true;
    } catch {
      return false;
    }
  });

  let server: ReturnType<typeof Bun.serve> | null = null;
  let url = "";
  if (options.listen !== false) {
    server = Bun.serve({
      hostname: config.controlHost,
      port: config.controlPort,
      fetch: (request) => app.handle(request),
      error: () => new Response(null, { status: 500 }),
    });
    const host = config.controlHost === "0.0.0.0" ? "localhost" : config.controlHost;
    url = `http://${host}:${server.port}`;
  }
  const ownerSignInUrl =
    initial && url ? linkUrl(url, (await ownerSetupLink(database.db, initial.orgId)).token) : null;

  return {
    ctx,
    app,
    url,
    database,
    generatedOwnerKey: initial?.generatedSecret ?? null,
    ownerSignInUrl,
    async stop() {
      // No new connections from here; requests in flight finish (bounded), then the rest is cut.
      if (server && !(await settlesWithin(server.stop(), HTTP_STOP_TIMEOUT_MS))) await server.stop(true);
      clearInterval(idempotencySweep);
      await busState.stop();
      await campaignDispatcher.stop();
      await smsAgentReplies.stop();
      await callSms.stop();
      await autoRecharger.stop();
      await callsBackground.stop();
      await analysis.stop();
      await retention.stop();
      await billing.stop();
      await knowledge.stop();
      await authenticator.stop();
      if (!options.bus) await bus.close();
      await database.close();
    },
  };
}

async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
