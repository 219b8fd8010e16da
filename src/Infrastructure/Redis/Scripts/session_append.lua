-- Appends entries to an active session and refreshes its time to live, atomically, so two devices appending at
-- once both keep their sets.
-- KEYS[1]  session hash
-- KEYS[2]  session entries list
-- KEYS[3]  the user's active-session pointer
-- ARGV[1]  session id
-- ARGV[2]  time to live in milliseconds
-- ARGV[3..] entries, one JSON document each
-- Returns nil when the session does not exist or is not active, else the session as session_get.lua returns it.
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then
  return false
end

-- RPUSH in slices: unpack() of thousands of arguments would overflow the Lua C stack.
local slice = 500
for first = 3, #ARGV, slice do
  redis.call('RPUSH', KEYS[2], unpack(ARGV, first, math.min(first + slice - 1, #ARGV)))
end

redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
-- The pointer lives as long as the session it points at; a newer session's pointer is left alone.
if redis.call('GET', KEYS[3]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
end

return { redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1) }
