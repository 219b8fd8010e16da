-- Creates an active session and points the user's active-session pointer at it. A session still active under the
-- pointer is ended as abandoned first (WorkoutSession.End: one active session per user, a session ends once).
-- KEYS[1]  session hash
-- KEYS[2]  the user's active-session pointer ("<user tag>:session:active")
-- ARGV[1]  session id
-- ARGV[2]  startedAt (round-trip ISO 8601), also the abandoned session's endedAt
-- ARGV[3]  time to live in milliseconds
-- ARGV[4]  time to live of an ended session in milliseconds
-- ARGV[5]  name (optional)
-- The previous session's keys are built from the pointer's name: they share its hash tag, so its slot.
local previous = redis.call('GET', KEYS[2])
if previous then
  local prefix = string.sub(KEYS[2], 1, -7)
  local previousKey = prefix .. previous
  if redis.call('HGET', previousKey, 'status') == 'active' then
    redis.call('HSET', previousKey, 'status', 'abandoned', 'endedAt', ARGV[2])
    redis.call('PEXPIRE', previousKey, ARGV[4])
    redis.call('PEXPIRE', previousKey .. ':entries', ARGV[4])
  end
end

redis.call('HSET', KEYS[1], 'status', 'active', 'startedAt', ARGV[2])
if ARGV[5] then
  redis.call('HSET', KEYS[1], 'name', ARGV[5])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
return 1
