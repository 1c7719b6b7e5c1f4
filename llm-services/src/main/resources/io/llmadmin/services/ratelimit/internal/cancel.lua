-- Gives a whole reservation back, its request included; a reservation that left the window is ignored.
-- KEYS as in admit.lua. ARGV[1] the reservation as admitted. Returns 1 when it was still in the window, else 0.
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then
  return 0
end
local r, i, o = string.match(ARGV[1], ':(%d+):(%d+):(%d+)$')
-- (0 - x, not -x: Lua prints -0 as "-0", which HINCRBY refuses)
redis.call('HINCRBY', KEYS[2], 'r', 0 - tonumber(r))
redis.call('HINCRBY', KEYS[2], 'i', 0 - tonumber(i))
redis.call('HINCRBY', KEYS[2], 'o', 0 - tonumber(o))
return 1
