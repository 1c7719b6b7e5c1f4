-- Admits one call against a model's three per-minute limits, or refuses it and changes nothing.
-- A script runs alone on the Redis server, so checking and reserving the three limits is one atomic step,
-- whichever instance sends it: this is what makes the shared limit exact.
--
-- KEYS[1] log:  sorted set of reservations "<id>:<requests>:<input>:<output>", scored by admission time (ms)
-- KEYS[2] sums: hash, r / i / o = sums over the log, t = latest time seen (ms)
-- ARGV[1] now (ms), or 0 for the Redis server's clock    ARGV[2] window (ms)
-- ARGV[3..5] limits of requests, input and output tokens (0 = unlimited)
-- ARGV[6] input tokens to reserve    ARGV[7] output tokens to reserve
-- ARGV[8] the new reservation, "<id>:1:<input>:<output>"    ARGV[9] most reservations to walk for a retry-after
-- Returns {1, r, i, o, reset r, reset i, reset o} (sums after the admission) or
-- {0, first full limit (1..3), retry-after ms, r, i, o, reset r, reset i, reset o}: the resets are, per limit that is
-- set, the ms until the oldest reservation counting against it leaves the window (0 when none does), found by walking
-- at most ARGV[9] of the oldest reservations (past that, when the last one walked leaves: early rather than late).
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[1])
if now <= 0 then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local latest = tonumber(redis.call('HGET', KEYS[2], 't')) or 0
if latest > now then
  now = latest
end

local function amounts(reservation)
  local r, i, o = string.match(reservation, ':(%d+):(%d+):(%d+)$')
  return {tonumber(r), tonumber(i), tonumber(o)}
end

-- Drop what left the window: an admission at t counts while now < t + window.
local cutoff = now - window
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', cutoff)
if #expired > 0 then
  local gone = {0, 0, 0}
  for _, reservation in ipairs(expired) do
    local a = amounts(reservation)
    for k = 1, 3 do
      gone[k] = gone[k] + a[k]
    end
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cutoff)
  -- (0 - x, not -x: Lua prints -0 as "-0", which HINCRBY refuses)
  redis.call('HINCRBY', KEYS[2], 'r', 0 - gone[1])
  redis.call('HINCRBY', KEYS[2], 'i', 0 - gone[2])
  redis.call('HINCRBY', KEYS[2], 'o', 0 - gone[3])
end

local sums = redis.call('HMGET', KEYS[2], 'r', 'i', 'o')
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

-- When each limit's oldest reservation leaves the window (in ms from now), walking the log oldest first.
local function resets()
  local found = {0, 0, 0}
  local wanted = 0
  for k = 1, 3 do
    if limit[k] > 0 then
      wanted = wanted + 1
    else
      found[k] = -1
    end
  end
  if wanted == 0 then
    return {0, 0, 0}
  end
  local walked = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[9]) - 1, 'WITHSCORES')
  local leaves = 0
  for n = 1, #walked, 2 do
    local a = amounts(walked[n])
    leaves = tonumber(walked[n + 1]) + window - now
    for k = 1, 3 do
      if found[k] == 0 and a[k] > 0 then
        found[k] = leaves
        wanted = wanted - 1
      end
    end
    if wanted == 0 then
      break
    end
  end
  for k = 1, 3 do
    if found[k] < 0 then
      found[k] = 0
    elseif found[k] == 0 and #walked >= 2 * tonumber(ARGV[9]) then
      found[k] = leaves
    end
  end
  return found
end

if first == 0 then
  redis.call('ZADD', KEYS[1], now, ARGV[8])
  redis.call('HINCRBY', KEYS[2], 'r', 1)
  redis.call('HINCRBY', KEYS[2], 'i', need[2])
  redis.call('HINCRBY', KEYS[2], 'o', need[3])
  redis.call('HSET', KEYS[2], 't', now)
  redis.call('PEXPIRE', KEYS[1], window * 2)
  redis.call('PEXPIRE', KEYS[2], window * 2)
  local reset = resets()
  return {1, used[1] + 1, used[2] + need[2], used[3] + need[3], reset[1], reset[2], reset[3]}
end

-- Refused: walk the log oldest first until every full limit has had enough leave the window. The walk is
-- bounded; past the bound the answer is when the last reservation walked leaves (the caller then asks again).
local retry_at = now
local freed = {0, 0, 0}
local entries = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[9]) - 1, 'WITHSCORES')
local leaves_at = now + window
for n = 1, #entries, 2 do
  local a = amounts(entries[n])
  leaves_at = tonumber(entries[n + 1]) + window
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
if pending > 0 and leaves_at > retry_at then
  retry_at = leaves_at
end
local reset = resets()
return {0, first, retry_at - now, used[1], used[2], used[3], reset[1], reset[2], reset[3]}
