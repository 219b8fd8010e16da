-- Workouts performed in a time range, oldest first, in one round trip:
-- KEYS[1] = hash of workouts, KEYS[2] = sorted set by time; ARGV[1], ARGV[2] = from/to Unix ms (inclusive).
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], ARGV[2])
if #ids == 0 then
  return {}
end
return redis.call('HMGET', KEYS[1], unpack(ids))
