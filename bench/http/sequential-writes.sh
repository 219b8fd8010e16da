#!/usr/bin/env bash
# Starts a redis-server and the API on it (Release, loopback, free ports), then runs sequential-writes.py.
# Usage: bench/http/sequential-writes.sh [N=335]; REPO=path measures another checkout with the same script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="${REPO:-$(cd "$here/../.." && pwd)}"
redis_port=${REDIS_PORT:-6391}
port=${PORT:-5197}
url="http://127.0.0.1:${port}"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >/tmp/fitcoach-writes-redis.log 2>&1 &
redis=$!
dotnet build -c Release "$repo/src/Api" >/dev/null
(cd "$repo" && env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Redis__ConnectionString="127.0.0.1:$redis_port" \
  dotnet run -c Release --no-build --project src/Api --urls "$url" >/tmp/fitcoach-writes-api.log 2>&1) &
api=$!
trap 'pkill -P $api 2>/dev/null || true; kill $api $redis 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$url/health" >/dev/null && break; sleep 0.5; done
TOKEN=$(curl -sf -X POST "$url/api/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"userId":"writer","tier":"unlimited"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
python3 "$here/sequential-writes.py" "$url" "$TOKEN" "${1:-335}"
