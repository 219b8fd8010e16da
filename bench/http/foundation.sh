#!/usr/bin/env bash
# The issue-8 throughput check, at the default (Information) logging level: GET /health (baseline), cached catalog
# search and cached coach/ask at full throughput in one run, each as a fraction of the baseline (target ≥ 0.5).
# Loopback only. Usage: bench/http/foundation.sh [duration=15s] [connections=8]
# Environment: PORT (default 5198), REDIS=host:port to run on Redis, LOG_LEVEL / REQUEST_LOG_LEVEL to change the
# default level or only the per-request line's, REPO=path of the checkout to run (default: this
# one; point it at an older worktree to measure before a change with the same script).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="${REPO:-$(cd "$here/../.." && pwd)}"
duration=${1:-15s}
connections=${2:-8}
port=${PORT:-5198}
url="http://127.0.0.1:${port}"

dotnet build -c Release "$repo/src/Api" >/dev/null
(cd "$repo" && env ASPNETCORE_ENVIRONMENT=Development ${LOG_LEVEL:+Logging__LogLevel__Default=$LOG_LEVEL} ${REQUEST_LOG_LEVEL:+Logging__LogLevel__FitCoach.Api.Observability.RequestCompletionLogging=$REQUEST_LOG_LEVEL} ${REDIS:+Redis__ConnectionString=$REDIS} \
  dotnet run -c Release --no-build --project src/Api --urls "$url" >/tmp/fitcoach-foundation-api.log 2>&1) &
api=$!
trap 'pkill -P $api 2>/dev/null || true; kill $api 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$url/health" >/dev/null && break; sleep 0.5; done

TOKEN=$(curl -sf -X POST "$url/api/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"userId":"load","tier":"unlimited"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
export TOKEN

rate() { sed -n 's/^Requests\/sec: *//p'; }
wrk -t1 -c4 -d5s "$url/health" >/dev/null
wrk -t1 -c4 -d5s -s "$here/catalog-search.lua" "$url" >/dev/null
wrk -t1 -c4 -d5s -s "$here/coach-ask.lua" "$url/api/coach/ask" >/dev/null

health=$(wrk -t2 -c"$connections" -d"$duration" "$url/health" | rate)
search=$(wrk -t2 -c"$connections" -d"$duration" -s "$here/catalog-search.lua" "$url" | rate)
coach=$(DELAY_MS=0 wrk -t2 -c"$connections" -d"$duration" -s "$here/coach-ask.lua" "$url/api/coach/ask" | rate)
python3 - "$health" "$search" "$coach" <<'PY'
import sys
health, search, coach = map(float, sys.argv[1:])
print(f"GET /health                 {health:10.0f} req/s  1.00")
print(f"GET /api/exercises?q= (hit) {search:10.0f} req/s  {search / health:.2f}")
print(f"POST /api/coach/ask (hit)   {coach:10.0f} req/s  {coach / health:.2f}")
PY
