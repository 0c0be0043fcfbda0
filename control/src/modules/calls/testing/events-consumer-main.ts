// A control process that only persists call events (the calls consumer on PostgreSQL and
// Redis), for tests that kill it mid-stream. Environment: DATABASE_URL, REDIS_URL,
// BUS_KEY_PREFIX, CONSUMER_NAME. Prints `CONSUMING` once its consumer runs.
import { RedisBus } from "@switchboard/shared/bus/redis";
import { createLogger } from "@switchboard/shared/logger";
import { openDatabase } from "../../../db/client.ts";
import { startCallEventsConsumer } from "../consumer.ts";
import { TEST_CALL_EVENTS_CONFIG } from "./rates.ts";

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: null });
const bus = await RedisBus.connect(process.env.REDIS_URL!, process.env.BUS_KEY_PREFIX!);
startCallEventsConsumer(
  {
    db: database.db,
    bus,
    config: TEST_CALL_EVENTS_CONFIG,
  },
  createLogger("silent"),
  { consumerName: process.env.CONSUMER_NAME!, claimIdleMs: 60_000, blockMs: 100 },
);
process.stdout.write("CONSUMING\n");
