-- Reads a session's metadata and entries as one consistent snapshot.
-- KEYS[1]  session hash
-- KEYS[2]  session entries list
-- Returns nil when the session does not exist, else { HGETALL of the hash, all entries }.
local meta = redis.call('HGETALL', KEYS[1])
if #meta == 0 then
  return false
end
return { meta, redis.call('LRANGE', KEYS[2], 0, -1) }
