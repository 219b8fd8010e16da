-- Gives up a claim that has not completed (the request failed on our side), so a retry may run it again.
-- KEYS[1]  the key's hash
if redis.call('HGET', KEYS[1], 'state') == 'pending' then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
