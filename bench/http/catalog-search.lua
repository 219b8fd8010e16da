-- wrk script: GET /api/exercises?q=... rotating eight realistic queries (each cached after its first request, so the
-- measured requests are catalog-search cache hits). The token comes from the environment (TOKEN).
local queries = { "bench", "rdl", "db%20incline%20press", "squat", "lat%20pulldown", "ohp", "hammer%20curl", "face%20pull" }
local i = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
request = function()
  i = i + 1
  return wrk.format("GET", "/api/exercises?q=" .. queries[(i % #queries) + 1] .. "&limit=10")
end
