-- Creates an active session and points the user's active-session pointer at it.
-- KEYS[1]  session hash
-- KEYS[2]  the user's active-session pointer
-- ARGV[1]  session id
-- ARGV[2]  startedAt (round-trip ISO 8601)
-- ARGV[3]  time to live in milliseconds
-- ARGV[4]  name (optional)
redis.call('HSET', KEYS[1], 'status', 'active', 'startedAt', ARGV[2])
if ARGV[4] then
  redis.call('HSET', KEYS[1], 'name', ARGV[4])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
return 1
