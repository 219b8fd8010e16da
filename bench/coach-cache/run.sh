#!/usr/bin/env bash
# Model-call reduction by the coach answer cache: starts a fake OpenAI-compatible model (fake_openai.py, counts the
# chat completions it answers) and the API (Release, embedded defaults, Model:* pointing at the fake), then replays a
# seeded workload of repeated, reworded and unique questions from several users (replay.py) and prints requests,
# model calls made, calls avoided (exact / semantic) and the reduction. Loopback only.
# Usage: bench/coach-cache/run.sh [requests=2000] [seed=42]
# Environment: PORT (API, default 5198), ARTIFACTS=dir for the build output (passed to dotnet as --artifacts-path;
# default: the repository's artifacts/). Embeddings__* variables, if set, reach the API, which then also matches
# cached questions by meaning ("semantic"); without them only the word-level ("exact") key matches.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-2000}
seed=${2:-42}
port=${PORT:-5198}
url="http://127.0.0.1:${port}"
work=$(mktemp -d)

python3 bench/coach-cache/fake_openai.py "$work/model-port" &
model=$!
api=
cleanup() {
  [ -n "$api" ] && kill "$api" 2>/dev/null || true
  kill "$model" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 50); do [ -s "$work/model-port" ] && break; sleep 0.1; done
model_url="http://127.0.0.1:$(cat "$work/model-port")"

dotnet build -c Release src/Api ${ARTIFACTS:+--artifacts-path "$ARTIFACTS"} >/dev/null
env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  Model__Endpoint="$model_url/v1" Model__Id=fake-coach Model__Key=sk-fake \
  dotnet run -c Release --no-build --project src/Api ${ARTIFACTS:+--artifacts-path "$ARTIFACTS"} --urls "$url" \
  >/tmp/fitcoach-coach-cache-api.log 2>&1 &
api=$!
for _ in $(seq 1 120); do curl -sf "$url/health" >/dev/null && break; sleep 0.5; done
curl -sf "$url/health" >/dev/null || { echo "the API did not start; see /tmp/fitcoach-coach-cache-api.log" >&2; exit 1; }

python3 bench/coach-cache/replay.py "$url" "$model_url" "$requests" "$seed"
