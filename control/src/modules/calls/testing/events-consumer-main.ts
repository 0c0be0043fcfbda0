// A control process that only persists call events (the calls consumer on PostgreSQL and
// Redis), for tests that kill it mid-stream. Environment: DATABASE_URL, REDIS_URL,
// BUS_KEY_PREFIX, CONSUMER_NAME. Prints `CONSUMING` once its consumer runs.
import { RedisBus } from "@switchboard/shared/bus/redis";
import { createLogger } from "@switchboard/shared/logger";
import { openDatabase } from "../../../db/client.ts";
import { startCallEventsConsumer } from "../consumer.ts";

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: null });
const bus = await RedisBus.connect(process.env.REDIS_URL!, process.env.BUS_KEY_PREFIX!);
startCallEventsConsumer(
  {
    db: database.db,
    bus,
    config: {
      inboundCentsPerMinute: 6,
      outboundCentsPerMinute: 12,
      webCentsPerMinute: 6,
      numberMonthlyCents: 0,
      creditsLowThresholdCents: 0,
      realtimeTokenPrices: {},
      publicBaseUrl: null,
    },
  },
  createLogger("silent"),
  { consumerName: process.env.CONSUMER_NAME!, claimIdleMs: 60_000, blockMs: 100 },
);
process.stdout.write("CONSUMING\n");
