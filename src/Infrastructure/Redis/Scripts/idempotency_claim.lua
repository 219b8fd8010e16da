-- Claims an Idempotency-Key, or returns what is known of it.
-- KEYS[1]  the key's hash: fingerprint, state (pending|done), status, contentType, location, body
-- ARGV[1]  the claiming request's fingerprint
-- ARGV[2]  how long a claim stays locked (ms) before a retry may run the request again
-- Returns nil when claimed, else { fingerprint, state, status, contentType, location, body }.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HMGET', KEYS[1], 'fingerprint', 'state', 'status', 'contentType', 'location', 'body')
end
redis.call('HSET', KEYS[1], 'fingerprint', ARGV[1], 'state', 'pending')
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return false
