-- Adds workouts once each and folds every newly added one into the user's training summary, atomically: the
-- mirror of TrainingSummary.Apply. A workout that exists already is skipped whole (its summary share was counted
-- when it was added), so a retried or repeated batch changes nothing.
-- KEYS[1]  hash of workouts (id -> JSON)
-- KEYS[2]  sorted set of workout ids by performed-at (Unix ms)
-- KEYS[3]  summary hash: best:<exerciseId>, rv:/rw:<period key> (ranked volume / workouts), wv:/ww:<ISO week>,
--          streak:last (day number), streak:days
-- ARGV     per workout: id, JSON, performed-at ms, ranked (0/1), day number, ISO week, month key, volume kg,
--          has sets (0/1), n, then n pairs of exercise id and best e1RM kg
-- Returns one 1 (added) or 0 (existed) per workout, in order.
local added = {}
local i = 1
while i <= #ARGV do
  local id, json, ms, ranked = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3] == '1'
  local day, week, month = tonumber(ARGV[i + 4]), ARGV[i + 5], ARGV[i + 6]
  local volume, hasSets, n = ARGV[i + 7], ARGV[i + 8] == '1', tonumber(ARGV[i + 9])
  local bests = i + 10
  i = bests + 2 * n

  if redis.call('HSETNX', KEYS[1], id, json) == 0 then
    added[#added + 1] = 0
  else
    added[#added + 1] = 1
    redis.call('ZADD', KEYS[2], ms, id)
    if hasSets then
      for b = bests, bests + 2 * n - 1, 2 do
        local field = 'best:' .. ARGV[b]
        local current = tonumber(redis.call('HGET', KEYS[3], field))
        if not current or tonumber(ARGV[b + 1]) > current then
          redis.call('HSET', KEYS[3], field, ARGV[b + 1])
        end
      end
      redis.call('HINCRBYFLOAT', KEYS[3], 'wv:' .. week, volume)
      redis.call('HINCRBY', KEYS[3], 'ww:' .. week, 1)
      if ranked then
        for _, period in ipairs({ 'week:' .. week, 'month:' .. month, 'all' }) do
          redis.call('HINCRBYFLOAT', KEYS[3], 'rv:' .. period, volume)
          redis.call('HINCRBY', KEYS[3], 'rw:' .. period, 1)
        end
        local last = tonumber(redis.call('HGET', KEYS[3], 'streak:last'))
        local days = tonumber(redis.call('HGET', KEYS[3], 'streak:days')) or 0
        if not last or day > last + 1 then
          redis.call('HSET', KEYS[3], 'streak:last', day, 'streak:days', 1)
        elseif day == last + 1 then
          redis.call('HSET', KEYS[3], 'streak:last', day, 'streak:days', days + 1)
        end
      end
    end
  end
end
return added
