-- Adds a workout once: KEYS[1] = hash of workouts, KEYS[2] = sorted set by time;
-- ARGV[1] = workout id, ARGV[2] = JSON, ARGV[3] = performed-at Unix ms. Returns 1 when added, 0 when it existed.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return 1
