#!/usr/bin/env bash
# The issue-8 throughput check, at the default (Information) logging level: GET /health (baseline), cached catalog
# search and cached coach/ask at full throughput in one run, each as a fraction of the baseline (target ≥ 0.5).
# Loopback only. Usage: bench/http/foundation.sh [duration=15s] [connections=8]
# Environment: PORT (default 5198), WARMUP (per route, default 15s), REDIS=host:port to run on Redis, LOG_LEVEL / REQUEST_LOG_LEVEL to change the
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
# Warm-up long enough for tiered compilation to finish: after 5 s of coach requests the JIT was still compiling
# (9-11 % of the machine's CPU in a perf profile of the measured run), after 20 s it was not.
warmup=${WARMUP:-15s}
wrk -t1 -c4 -d"$warmup" "$url/health" >/dev/null
wrk -t1 -c4 -d"$warmup" -s "$here/catalog-search.lua" "$url" >/dev/null
wrk -t1 -c4 -d"$warmup" -s "$here/coach-ask.lua" "$url/api/coach/ask" >/dev/null

# Every measured coach request must be an answer-cache hit. Instead of wrk reading each 5 KB body (which costs wrk,
# on the API's own two cores, a few per cent of the rate), compare the API's cache counters before and after.
counter() { curl -sf "$url/metrics" | sed -n "s/^fitcoach_cache_$1_total{cache=\"coach-answer\"} //p" | cut -d' ' -f1; }
health=$(wrk -t2 -c"$connections" -d"$duration" "$url/health" | rate)
search=$(wrk -t2 -c"$connections" -d"$duration" -s "$here/catalog-search.lua" "$url" | rate)
hits0=$(counter hits); misses0=$(counter misses)
coach_out=$(CHECK_BODIES=0 DELAY_MS=0 wrk -t2 -c"$connections" -d"$duration" -s "$here/coach-ask.lua" "$url/api/coach/ask")
coach=$(echo "$coach_out" | rate)
requests=$(echo "$coach_out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
hits1=$(counter hits); misses1=$(counter misses)
python3 - "$requests" "${hits0:-0}" "${hits1:-0}" "${misses0:-0}" "${misses1:-0}" "$(echo "$coach_out" | grep -c 'Non-2xx' || true)" <<'PY'
import sys
requests, h0, h1, m0, m1, non2xx = (float(x) for x in sys.argv[1:])
hits, misses = h1 - h0, m1 - m0
ok = non2xx == 0 and misses == 0 and hits >= requests
print(f"coach-ask check: {requests:.0f} requests, {hits:.0f} answer-cache hits, {misses:.0f} misses, non-2xx: {'none' if non2xx == 0 else 'some'} -> {'ok' if ok else 'NOT ALL CACHED HITS'}")
PY
python3 - "$health" "$search" "$coach" <<'PY'
import sys
health, search, coach = map(float, sys.argv[1:])
print(f"GET /health                 {health:10.0f} req/s  1.00")
print(f"GET /api/exercises?q= (hit) {search:10.0f} req/s  {search / health:.2f}")
print(f"POST /api/coach/ask (hit)   {coach:10.0f} req/s  {coach / health:.2f}")
PY
