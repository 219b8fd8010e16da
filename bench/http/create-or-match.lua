-- wrk script: POST /api/exercises/create-or-match with a rotating set of realistic names.
-- The token comes from the environment (TOKEN), fetched by bench/http/load.sh.
local names = { "bench", "RDL", "db incline press", "lat pulldowns", "skull crushers", "venture press", "ohp", "hammer curls" }
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
request = function()
  i = i + 1
  return wrk.format(nil, nil, nil, '{"name":"' .. names[(i % #names) + 1] .. '"}')
end
