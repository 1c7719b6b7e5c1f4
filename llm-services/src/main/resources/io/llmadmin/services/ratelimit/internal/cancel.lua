-- Gives a whole reservation back, its request included; a reservation that left the window is ignored.
-- KEYS as in admit.lua. ARGV[1] reservation id. Returns 1 when the reservation was still in the window, else 0.
local stored = redis.call('HGET', KEYS[2], ARGV[1])
if not stored then
  return 0
end
local r, i, o = string.match(stored, '^(%d+) (%d+) (%d+)$')
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[3], 'r', 0 - tonumber(r))
redis.call('HINCRBY', KEYS[3], 'i', 0 - tonumber(i))
redis.call('HINCRBY', KEYS[3], 'o', 0 - tonumber(o))
return 1
