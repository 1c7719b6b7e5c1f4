-- Replaces a reservation's tokens by what the provider reported; a reservation that left the window is ignored.
-- KEYS as in admit.lua. ARGV[1] reservation id, ARGV[2] actual input tokens, ARGV[3] actual output tokens.
-- Returns 1 when the reservation was still in the window, else 0.
local stored = redis.call('HGET', KEYS[2], ARGV[1])
if not stored then
  return 0
end
local r, i, o = string.match(stored, '^(%d+) (%d+) (%d+)$')
redis.call('HSET', KEYS[2], ARGV[1], r .. ' ' .. ARGV[2] .. ' ' .. ARGV[3])
redis.call('HINCRBY', KEYS[3], 'i', tonumber(ARGV[2]) - tonumber(i))
redis.call('HINCRBY', KEYS[3], 'o', tonumber(ARGV[3]) - tonumber(o))
return 1
