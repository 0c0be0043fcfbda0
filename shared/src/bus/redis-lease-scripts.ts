// Lua scripts behind RedisBus's leases; each runs atomically on one Redis node.
import type { createClient } from "redis";

type RedisClient = ReturnType<typeof createClient>;

// Keys, under the bus prefix and one hash tag (one cluster slot, so a script may touch keys it
// derives): `{leases}:scope:<scope>` sorted set lease id -> expiry ms; `{leases}:owner:<scope>`
// hash lease id -> holder; `{leases}:holder:<holder>` hash "<scope>\n<lease id>" -> scope, the
// holder's leases for renew and reclaim. Every key expires once all it tracks has expired.

const LEASE_PRELUDE = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function keep(key, ttl)
  local left = redis.call('PTTL', key)
  if left == -1 or (left >= 0 and left < ttl) then redis.call('PEXPIRE', key, ttl) end
end
`;

/** KEYS scope, owner, holder; ARGV lease id, holder, cap, ttl ms, scope name. */
export const ACQUIRE_LEASE = `${LEASE_PRELUDE}
local now, ttl = now_ms(), tonumber(ARGV[4])
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
for _, id in ipairs(expired) do redis.call('HDEL', KEYS[2], id) end
if #expired > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) end
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
  keep(KEYS[1], ttl)
  keep(KEYS[2], ttl)
  return {1, redis.call('ZCARD', KEYS[1]), 0}
end
local count = redis.call('ZCARD', KEYS[1])
if count >= tonumber(ARGV[3]) then return {0, count, 0} end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[5] .. '\\n' .. ARGV[1], ARGV[5])
keep(KEYS[1], ttl)
keep(KEYS[2], ttl)
keep(KEYS[3], ttl)
return {1, count + 1, 1}
`;

/** KEYS scope, owner; ARGV lease id, scope name, holder key base. */
export const RELEASE_LEASE = `${LEASE_PRELUDE}
local expires = redis.call('ZSCORE', KEYS[1], ARGV[1])
local holder = redis.call('HGET', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
if holder then redis.call('HDEL', ARGV[3] .. holder, ARGV[2] .. '\\n' .. ARGV[1]) end
if expires and tonumber(expires) > now_ms() then return 1 end
return 0
`;

/** KEYS holder; ARGV holder, ttl ms, key base. Expired, released or reclaimed leases leave the index. */
export const RENEW_LEASES = `${LEASE_PRELUDE}
local now, ttl = now_ms(), tonumber(ARGV[2])
local entries = redis.call('HGETALL', KEYS[1])
local renewed = 0
for i = 1, #entries, 2 do
  local field, scope = entries[i], entries[i + 1]
  local id = string.sub(field, #scope + 2)
  local scope_key, owner_key = ARGV[3] .. 'scope:' .. scope, ARGV[3] .. 'owner:' .. scope
  local expires = redis.call('ZSCORE', scope_key, id)
  if expires and tonumber(expires) > now and redis.call('HGET', owner_key, id) == ARGV[1] then
    redis.call('ZADD', scope_key, now + ttl, id)
    keep(scope_key, ttl)
    keep(owner_key, ttl)
    renewed = renewed + 1
  else
    redis.call('HDEL', KEYS[1], field)
  end
end
if renewed > 0 then keep(KEYS[1], ttl) end
return renewed
`;

/** KEYS holder; ARGV holder, key base. */
export const RECLAIM_LEASES = `${LEASE_PRELUDE}
local now = now_ms()
local entries = redis.call('HGETALL', KEYS[1])
local reclaimed = 0
for i = 1, #entries, 2 do
  local field, scope = entries[i], entries[i + 1]
  local id = string.sub(field, #scope + 2)
  local scope_key, owner_key = ARGV[2] .. 'scope:' .. scope, ARGV[2] .. 'owner:' .. scope
  if redis.call('HGET', owner_key, id) == ARGV[1] then
    local expires = redis.call('ZSCORE', scope_key, id)
    redis.call('ZREM', scope_key, id)
    redis.call('HDEL', owner_key, id)
    if expires and tonumber(expires) > now then reclaimed = reclaimed + 1 end
  end
end
redis.call('DEL', KEYS[1])
return reclaimed
`;

/** KEYS scope. */
export const COUNT_LEASES = `${LEASE_PRELUDE}
return redis.call('ZCOUNT', KEYS[1], '(' .. now_ms(), '+inf')
`;

const scriptSha1 = new Map<string, string>();

function sha1Of(script: string): string {
  let sha = scriptSha1.get(script);
  if (!sha) {
    sha = new Bun.CryptoHasher("sha1").update(script).digest("hex");
    scriptSha1.set(script, sha);
  }
  return sha;
}

/** EVALSHA, loading the script with EVAL when Redis does not have it cached. */
export async function runScript(
  client: RedisClient,
  script: string,
  keys: string[],
  args: string[],
): Promise<unknown> {
  try {
    return await client.evalSha(sha1Of(script), { keys, arguments: args });
  } catch (error) {
    if (!String(error).includes("NOSCRIPT")) throw error;
    return client.eval(script, { keys, arguments: args });
  }
}
