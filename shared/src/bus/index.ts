import type { Bus } from "./contract.ts";
import { MemoryBus } from "./memory.ts";
import { RedisBus } from "./redis.ts";

/** Redis when a URL is configured, else the in-process bus of the embedded default. */
export async function connectBus(redisUrl: string | null, keyPrefix?: string): Promise<Bus> {
  return redisUrl ? RedisBus.connect(redisUrl, keyPrefix) : new MemoryBus();
}
