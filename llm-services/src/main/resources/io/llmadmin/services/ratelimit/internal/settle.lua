-- Replaces a reservation's tokens by what the provider reported; a reservation that left the window is ignored.
-- KEYS as in admit.lua. ARGV[1] the reservation as admitted, ARGV[2] the same with the reported tokens.
-- Returns 1 when the reservation was still in the window, else 0.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then
  return 0
end
local function amounts(reservation)
  local r, i, o = string.match(reservation, ':(%d+):(%d+):(%d+)$')
  return {tonumber(r), tonumber(i), tonumber(o)}
end
local before = amounts(ARGV[1])
local after = amounts(ARGV[2])
-- Removing the only member deletes the log, and ZADD makes a new one without an expiry: keep the old one, or the
-- log would outlive its sums and its expired reservations would later drive the sums below zero.
local ttl = redis.call('PTTL', KEYS[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[1], score, ARGV[2])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
redis.call('HINCRBY', KEYS[2], 'i', after[2] - before[2])
redis.call('HINCRBY', KEYS[2], 'o', after[3] - before[3])
return 1
