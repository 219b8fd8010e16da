-- Reads the top of a board and, optionally, one member's rank and score as one consistent snapshot.
-- KEYS[1]  board sorted set
-- ARGV[1]  how many entries from the top (0 for none)
-- ARGV[2]  member whose rank and score to return (optional)
-- Returns { ZREVRANGE ... WITHSCORES, 0-based rank or nil, score or nil }.
local limit = tonumber(ARGV[1])
local top = {}
if limit > 0 then
  top = redis.call('ZREVRANGE', KEYS[1], 0, limit - 1, 'WITHSCORES')
end

local rank = false
local score = false
if ARGV[2] then
  rank = redis.call('ZREVRANK', KEYS[1], ARGV[2])
  if rank then
    score = redis.call('ZSCORE', KEYS[1], ARGV[2])
  end
end

return { top, rank, score }
