-- wrk script: GET /api/exercises?q=... rotating eight realistic queries (each cached after its first request, so the
-- measured requests are catalog-search cache hits). The token comes from the environment (TOKEN).
local queries = { "bench", "rdl", "db%20incline%20press", "squat", "lat%20pulldown", "ohp", "hammer%20curl", "face%20pull" }
local i = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
-- Each request is formatted once, at start, so wrk (on the API's cores) spends no time building requests.
local requests = {}
init = function(args)
  for n, query in ipairs(queries) do
    requests[n] = wrk.format("GET", "/api/exercises?q=" .. query .. "&limit=10")
  end
end
request = function()
  i = i + 1
  return requests[(i % #requests) + 1]
end
