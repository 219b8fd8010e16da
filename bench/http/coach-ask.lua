-- wrk script: POST /api/coach/ask rotating ten fixed questions from tests/Api.IntegrationTests/Coach/coach-questions.json.
-- Every request starts a new conversation, so each is eligible for the answer cache; bench/http/load.sh asks each
-- question once before the measured runs, so every measured request is a cache hit (`cached: true`). The token
-- comes from the environment (TOKEN). With DELAY_MS > 0 each connection waits that long between its requests
-- (connections × 1000 / (DELAY_MS + latency) ≈ the offered rate: 25 connections, 50 ms ≈ 500 req/s); with
-- DELAY_MS=0 (the default) wrk sends as fast as the API answers.
local questions = {
  "how much protein per day do i need to build muscle",
  "sharp pain on the inside of my knee when squatting",
  "DOMS so bad i can barely walk, should I still train legs today",
  "what can I do instead of barbell squats, no rack at home",
  "how do I combine running and lifting without killing my strength gains",
  "is creatine safe? does it actually work",
  "when should I take a deload week",
  "how many rest days per week do I need",
  "whats progressive overload",
  "how do i stop my knees caving in when i squat",
}
local i = 0
local delayMs = tonumber(os.getenv("DELAY_MS") or "0")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
-- Each request is formatted once, at start, so wrk (on the API's cores) spends no time building requests.
local requests = {}
init = function(args)
  for n, question in ipairs(questions) do
    requests[n] = wrk.format(nil, nil, nil, '{"question":"' .. question .. '"}')
  end
end
request = function()
  i = i + 1
  return requests[(i % #requests) + 1]
end
if delayMs > 0 then
  delay = function()
    return delayMs
  end
end
-- Anything but a 200 with `cached: true` means the run did not measure what it claims (a cache miss, a rate limit, a
-- validation or auth error): count those per thread and report them at the end. With CHECK_BODIES=0 wrk does not
-- read the bodies (the search for "cached":true in every 5 KB body costs wrk, on the API's cores, a few per cent of
-- the throughput); bench/http/foundation.sh then checks the API's own cache-hit counter instead.
if os.getenv("CHECK_BODIES") == "0" then
  return
end
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end
notcached = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"cached":true', 1, true) then
    notcached = notcached + 1
  end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("notcached") or 0)
  end
  io.write(string.format("coach-ask: %d of %d responses were not 200 with cached:true\n", total, summary.requests))
end
