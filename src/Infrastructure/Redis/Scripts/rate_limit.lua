-- Exact sliding-window log for one rate-limit key, checked and counted atomically.
-- KEYS[1]  sorted set: member = unique request id, score = Redis server time in microseconds
-- ARGV[1]  limit (requests per window)
-- ARGV[2]  window in microseconds
-- ARGV[3]  random suffix that makes this request's member unique even within one microsecond
-- Returns { allowed (0/1), entries in the window, retry-after µs, reset-after µs }.
-- The server's clock is used so every API instance measures the window against the same time.
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

-- An entry logged exactly one window ago no longer counts.
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)

local allowed = 0
local retry = 0
if count < limit then
  redis.call('ZADD', key, now, time[1] .. '.' .. time[2] .. ':' .. ARGV[3])
  -- The newest entry is the last to leave the window, so the key can go once it has.
  redis.call('PEXPIRE', key, math.ceil(window / 1000))
  count = count + 1
  allowed = 1
else
  -- The next request fits once the count drops below the limit, i.e. when the entry at
  -- position (count - limit) leaves the window (the oldest one, unless the limit was lowered).
  local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  retry = tonumber(blocking[2]) + window - now
end

-- A full quota is back when the newest entry leaves the window.
local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
local reset = tonumber(newest[2]) + window - now

return { allowed, count, retry, reset }
