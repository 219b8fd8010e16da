-- Ends a session (finished or discarded) once; ending it again returns it unchanged.
-- KEYS[1]  session hash
-- KEYS[2]  session entries list
-- KEYS[3]  the user's active-session pointer
-- ARGV[1]  session id
-- ARGV[2]  the new status
-- ARGV[3]  endedAt (round-trip ISO 8601)
-- ARGV[4]  time to live of an ended session in milliseconds
-- Returns nil when the session does not exist, else the session as session_get.lua returns it.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return false
end

if status == 'active' then
  redis.call('HSET', KEYS[1], 'status', ARGV[2], 'endedAt', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  if redis.call('GET', KEYS[3]) == ARGV[1] then
    redis.call('DEL', KEYS[3])
  end
end

return { redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1) }
