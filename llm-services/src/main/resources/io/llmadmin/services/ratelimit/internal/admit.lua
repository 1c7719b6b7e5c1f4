-- Admits one call against a model's three per-minute limits, or refuses it and changes nothing.
-- A script runs alone on the Redis server, so checking and reserving the three limits is one atomic step,
-- whichever instance sends it: this is what makes the shared limit exact.
--
-- KEYS[1] log:          sorted set, reservation id -> admission time (ms)
-- KEYS[2] reservations: hash, reservation id -> "requests input output"
-- KEYS[3] sums:         hash, r / i / o = sums over the log, t = latest time seen (ms)
-- ARGV[1] now (ms), or 0 for the Redis server's clock    ARGV[2] window (ms)
-- ARGV[3..5] limits of requests, input and output tokens (0 = unlimited)
-- ARGV[6] input tokens to reserve    ARGV[7] output tokens to reserve    ARGV[8] new reservation id
-- Returns {1, r, i, o} (sums after the admission) or {0, first full limit (1..3), retry-after ms, r, i, o}.
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[1])
if now <= 0 then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local latest = tonumber(redis.call('HGET', KEYS[3], 't')) or 0
if latest > now then
  now = latest
end

local function amounts(id)
  local stored = redis.call('HGET', KEYS[2], id)
  if not stored then
    return {0, 0, 0}
  end
  local r, i, o = string.match(stored, '^(%d+) (%d+) (%d+)$')
  return {tonumber(r), tonumber(i), tonumber(o)}
end

-- Drop what left the window: an admission at t counts while now < t + window.
local cutoff = now - window
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', cutoff)
if #expired > 0 then
  local gone = {0, 0, 0}
  for _, id in ipairs(expired) do
    local a = amounts(id)
    for k = 1, 3 do
      gone[k] = gone[k] + a[k]
    end
    redis.call('HDEL', KEYS[2], id)
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cutoff)
  -- (0 - x, not -x: Lua prints -0 as "-0", which HINCRBY refuses)
  redis.call('HINCRBY', KEYS[3], 'r', 0 - gone[1])
  redis.call('HINCRBY', KEYS[3], 'i', 0 - gone[2])
  redis.call('HINCRBY', KEYS[3], 'o', 0 - gone[3])
end

local sums = redis.call('HMGET', KEYS[3], 'r', 'i', 'o')
local used = {tonumber(sums[1]) or 0, tonumber(sums[2]) or 0, tonumber(sums[3]) or 0}
local limit = {tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])}
local need = {1, tonumber(ARGV[6]), tonumber(ARGV[7])}
local excess = {0, 0, 0}
local first = 0
local pending = 0
for k = 1, 3 do
  if limit[k] > 0 then
    -- a token reservation of 0 (max_tokens unknown) still needs one token left
    local e = used[k] + math.max(need[k], 1) - limit[k]
    if e > 0 then
      excess[k] = e
      pending = pending + 1
      if first == 0 then
        first = k
      end
    end
  end
end

if first == 0 then
  redis.call('ZADD', KEYS[1], now, ARGV[8])
  redis.call('HSET', KEYS[2], ARGV[8], '1 ' .. ARGV[6] .. ' ' .. ARGV[7])
  redis.call('HINCRBY', KEYS[3], 'r', 1)
  redis.call('HINCRBY', KEYS[3], 'i', need[2])
  redis.call('HINCRBY', KEYS[3], 'o', need[3])
  redis.call('HSET', KEYS[3], 't', now)
  for k = 1, 3 do
    redis.call('PEXPIRE', KEYS[k], window * 2)
  end
  return {1, used[1] + 1, used[2] + need[2], used[3] + need[3]}
end

-- Refused: walk the log oldest first until every full limit has had enough leave the window.
local retry_at = now
local freed = {0, 0, 0}
local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for n = 1, #entries, 2 do
  local a = amounts(entries[n])
  local leaves_at = tonumber(entries[n + 1]) + window
  for k = 1, 3 do
    if excess[k] > 0 then
      freed[k] = freed[k] + a[k]
      if freed[k] >= excess[k] then
        excess[k] = 0
        pending = pending - 1
        if leaves_at > retry_at then
          retry_at = leaves_at
        end
      end
    end
  end
  if pending == 0 then
    break
  end
end
if pending > 0 then
  retry_at = now + window
end
return {0, first, retry_at - now, used[1], used[2], used[3]}
