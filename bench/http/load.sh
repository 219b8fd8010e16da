#!/usr/bin/env bash
# HTTP load on loopback only: starts the API (Release, embedded defaults unless REDIS is set), takes an unlimited-tier
# dev token, then runs wrk against GET /health (baseline: the pipeline without MediatR), create-or-match, voice parse
# at ~500 req/s, and coach ask (every request an answer-cache hit) at ~500 req/s and at full throughput.
# Usage: bench/http/load.sh [duration=20s] [connections=32]
# Environment: PORT (default 5199), REDIS=host:port to run on Redis, ARTIFACTS=dir for the build output (passed to
# dotnet as --artifacts-path; default: the repository's artifacts/).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20s}
connections=${2:-32}
port=${PORT:-5199}
url="http://127.0.0.1:${port}"

dotnet build -c Release src/Api ${ARTIFACTS:+--artifacts-path "$ARTIFACTS"} >/dev/null
env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning ${REDIS:+Redis__ConnectionString=$REDIS} \
  dotnet run -c Release --no-build --project src/Api ${ARTIFACTS:+--artifacts-path "$ARTIFACTS"} --urls "$url" >/tmp/fitcoach-load-api.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$url/health" >/dev/null && break; sleep 0.5; done

TOKEN=$(curl -sf -X POST "$url/api/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"userId":"load","tier":"unlimited"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
export TOKEN

# Warm-up (JIT tiers, first-use caches) so the measured runs see the steady state.
wrk -t1 -c4 -d5s "$url/health" >/dev/null
wrk -t1 -c4 -d5s -s bench/http/create-or-match.lua "$url/api/exercises/create-or-match" >/dev/null

echo "== baseline: GET /health"
wrk -t2 -c"$connections" -d"$duration" --latency "$url/health"
echo "== POST /api/exercises/create-or-match (8 names, cached after first use)"
wrk -t2 -c"$connections" -d"$duration" --latency -s bench/http/create-or-match.lua "$url/api/exercises/create-or-match"
echo "== POST /api/voice/parse at ~500 req/s (25 connections, 50 ms think time each)"
wrk -t1 -c4 -d5s -s bench/http/voice-parse.lua "$url/api/voice/parse" >/dev/null
wrk -t2 -c25 -d"$duration" --latency -s bench/http/voice-parse.lua "$url/api/voice/parse"

echo "== POST /api/coach/ask at ~500 req/s (10 questions, every request an answer-cache hit; 25 connections, 50 ms think time)"
# Warm-up: the first request for each question composes and caches its answer; the rest of the 5 s warms the JIT.
wrk -t1 -c4 -d5s -s bench/http/coach-ask.lua "$url/api/coach/ask" >/dev/null
DELAY_MS=50 wrk -t2 -c25 -d"$duration" --latency -s bench/http/coach-ask.lua "$url/api/coach/ask"
echo "== POST /api/coach/ask at full throughput (same 10 cached questions)"
DELAY_MS=0 wrk -t2 -c"$connections" -d"$duration" --latency -s bench/http/coach-ask.lua "$url/api/coach/ask"
