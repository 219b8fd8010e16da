-- wrk script: POST /api/voice/parse at a steady rate. Each connection waits DELAY_MS (default 50) between its
-- requests, so connections × 1000 / (DELAY_MS + latency) ≈ the offered rate: 25 connections ≈ 500 req/s.
local utterances = {
  "bench press 3 sets of 8 at 185 pounds rpe 7",
  "squats 225 5x5",
  "I did bench press 70kg for 10 reps",
  "OHP 115: 6, 5, 5 @8",
  "pull-ups +45 x 6",
  "lat pulldown 3 by 12 at 60 kilos then seated cable row 3 by 12 at 55",
  "romanian deadlift 100 for 8, 110 for 6",
  "60-second plank",
}
local i = 0
local delayMs = tonumber(os.getenv("DELAY_MS") or "50")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
request = function()
  i = i + 1
  return wrk.format(nil, nil, nil, '{"transcript":"' .. utterances[(i % #utterances) + 1] .. '"}')
end
delay = function()
  return delayMs
end
